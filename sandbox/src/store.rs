//! The sandbox's in-memory data: users and their API keys (session keys and tokens).

use indexmap::IndexMap;
use rand::{Rng, distr::Alphanumeric};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime, macros::datetime};

/// Go's zero `time.Time`, which Coder reports as `last_used` for keys never used.
const NEVER: OffsetDateTime = datetime!(0001-01-01 0:00 UTC);
pub(crate) const DEFAULT_TOKEN_LIFETIME: Duration = Duration::days(7);
/// A browser login's session (Coder's default session duration).
const SESSION_LIFETIME: Duration = Duration::hours(24);
/// A session key minted through the API (`POST /users/{user}/keys`, as `coder login
/// --token` does): Coder gives those a week.
pub(crate) const API_SESSION_LIFETIME: Duration = Duration::days(7);
const OWNER_MAX_TOKEN_LIFETIME: Duration = Duration::hours(168);
const MEMBER_MAX_TOKEN_LIFETIME: Duration = Duration::hours(876_600);
const ORGANIZATION_ID: &str = "1985a59e-37ca-44d5-8e11-c44be728fc38";
const SCOPED_WORKSPACE_ID: &str = "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5";

/// A `codersdk.SlimRole`.
#[derive(Serialize)]
struct Role {
    name: &'static str,
    display_name: &'static str,
    organization_id: &'static str,
}

/// A `codersdk.User`, serialized as the API returns it.
#[derive(Serialize)]
pub(crate) struct User {
    pub id: String,
    pub username: String,
    avatar_url: String,
    name: String,
    email: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    last_seen_at: OffsetDateTime,
    status: &'static str,
    login_type: &'static str,
    is_service_account: bool,
    theme_preference: &'static str,
    organization_ids: Vec<&'static str>,
    roles: Vec<Role>,
    has_ai_seat: bool,
}

impl User {
    fn new(id: &str, username: &str, name: &str, avatar: u32, created_at: OffsetDateTime) -> User {
        let now = OffsetDateTime::now_utc();
        User {
            id: id.into(),
            username: username.into(),
            avatar_url: format!("https://avatars.githubusercontent.com/u/{avatar}?v=4"),
            name: name.into(),
            email: format!("{username}@example.com"),
            created_at,
            updated_at: now,
            last_seen_at: now,
            status: "active",
            login_type: "password",
            is_service_account: false,
            theme_preference: "",
            organization_ids: vec![ORGANIZATION_ID],
            roles: Vec::new(),
            has_ai_seat: false,
        }
    }

    pub fn is_owner(&self) -> bool {
        self.roles.iter().any(|r| r.name == "owner")
    }

    /// The longest token lifetime this user may be given (Coder caps owners harder).
    pub fn max_token_lifetime(&self) -> Duration {
        if self.is_owner() {
            OWNER_MAX_TOKEN_LIFETIME
        } else {
            MEMBER_MAX_TOKEN_LIFETIME
        }
    }
}

#[derive(Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LoginType {
    Password,
    Token,
}

/// A `codersdk.APIAllowListTarget`.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct AllowTarget {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

impl AllowTarget {
    fn new(kind: &str, id: &str) -> AllowTarget {
        AllowTarget {
            kind: kind.into(),
            id: id.into(),
        }
    }

    pub fn unrestricted() -> AllowTarget {
        AllowTarget::new("*", "*")
    }
}

/// An API key, serialized as `codersdk.APIKey` (the secret is never serialized).
#[derive(Serialize)]
pub(crate) struct Key {
    pub id: String,
    #[serde(skip)]
    secret: String,
    pub user_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub last_used: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub login_type: LoginType,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'static str>,
    scopes: Vec<String>,
    pub token_name: String,
    lifetime_seconds: i64,
    allow_list: Vec<AllowTarget>,
}

impl Key {
    /// A new, never-used key with a random id and secret, full access and no allow-list
    /// restriction.
    pub fn new(
        user_id: &str,
        login_type: LoginType,
        token_name: String,
        created_at: OffsetDateTime,
        lifetime: Duration,
    ) -> Key {
        Key {
            id: random_alphanumeric(10),
            secret: random_alphanumeric(22),
            user_id: user_id.into(),
            last_used: NEVER,
            expires_at: created_at + lifetime,
            created_at,
            updated_at: created_at,
            login_type,
            scope: Some("all"),
            scopes: vec!["coder:all".into()],
            token_name,
            lifetime_seconds: lifetime.whole_seconds(),
            allow_list: vec![AllowTarget::unrestricted()],
        }
    }

    /// A new session key, as a login mints it, lasting `lifetime`. Coder answers
    /// `GET /users/{user}/keys/{id}` for it as for any key: login type `password`, no
    /// name, full access.
    pub fn session(user_id: &str, now: OffsetDateTime, lifetime: Duration) -> Key {
        let mut key = Key::new(user_id, LoginType::Password, String::new(), now, lifetime);
        key.last_used = now;
        key
    }

    /// Sets the scopes and the deprecated single `scope` Coder derives from them.
    pub fn with_scopes(mut self, scopes: Vec<String>) -> Key {
        let has = |names: [&str; 2]| scopes.iter().any(|s| names.contains(&s.as_str()));
        self.scope = if has(["all", "coder:all"]) {
            Some("all")
        } else if has(["application_connect", "coder:application_connect"]) {
            Some("application_connect")
        } else {
            None
        };
        self.scopes = scopes;
        self
    }

    pub fn with_allow_list(mut self, allow_list: Vec<AllowTarget>) -> Key {
        self.allow_list = allow_list;
        self
    }

    /// Gives a seeded key a fixed id and usage history, so its output is reproducible.
    fn seeded(mut self, id: &str, last_used: OffsetDateTime) -> Key {
        self.id = id.into();
        self.last_used = last_used;
        self.updated_at = last_used.max(self.created_at);
        self
    }
}

/// The identity behind an authenticated request.
pub(crate) struct Caller {
    /// Index into [`Store::users`].
    pub user: usize,
    pub key_id: String,
}

pub(crate) struct Store {
    pub users: Vec<User>,
    /// Every key by id, in creation order.
    pub keys: IndexMap<String, Key>,
    pub dashboard_url: String,
}

/// A freshly seeded store and the session tokens of its two users.
pub(crate) struct Seeded {
    pub store: Store,
    pub owner_token: String,
    pub member_token: String,
}

impl Store {
    /// The owner `alice` and the member `bob` with a few tokens each (seeded with fixed ids
    /// and times, in creation order), `extra_tokens` more tokens for alice named
    /// `bench-00001`…, and a fresh session key for each user.
    pub fn seeded(dashboard_url: String, extra_tokens: usize) -> Seeded {
        let mut alice = User::new(
            "7a2c2c40-8fc7-40a0-a581-338adc09d3fc",
            "alice",
            "Alice Example",
            4851713,
            datetime!(2024-06-11 09:15:42.123456 UTC),
        );
        alice.roles.push(Role {
            name: "owner",
            display_name: "Owner",
            organization_id: "",
        });
        let bob = User::new(
            "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
            "bob",
            "Bob Example",
            9919,
            datetime!(2024-09-03 14:20:05.654321 UTC),
        );
        let token = |user: &User, name: &str, created_at, days| {
            Key::new(
                &user.id,
                LoginType::Token,
                name.into(),
                created_at,
                Duration::days(days),
            )
        };
        let seeds = [
            token(
                &alice,
                "old-laptop",
                datetime!(2025-01-10 14:22:31.004512 UTC),
                30,
            )
            .with_scopes(vec!["all".into()])
            .seeded("b7Tn3LwQ0e", datetime!(2025-02-08 09:13:47.55102 UTC)),
            token(
                &bob,
                "bob-laptop",
                datetime!(2025-06-17 10:05:00 UTC),
                5 * 365,
            )
            .seeded("Bb4kLp9XqZ", datetime!(2026-11-20 16:45:12.5 UTC)),
            token(
                &alice,
                "ci-pipeline",
                datetime!(2026-03-02 08:00:12.345678 UTC),
                3650,
            )
            .seeded("Xk2m9QpR7a", datetime!(2026-11-21 17:42:05.918273 UTC)),
            token(
                &bob,
                "staging-deploy",
                datetime!(2026-08-14 12:00:00.5 UTC),
                3 * 365,
            )
            .with_scopes(vec![
                "workspace:read".into(),
                "workspace:start".into(),
                "workspace:stop".into(),
            ])
            .seeded("Zq8RtY2wNc", NEVER),
            token(
                &alice,
                "readonly-dashboard",
                datetime!(2026-10-05 11:30:00.25 UTC),
                5 * 365,
            )
            .with_scopes(vec!["workspace:read".into(), "template:read".into()])
            .with_allow_list(vec![AllowTarget::new("workspace", SCOPED_WORKSPACE_ID)])
            .seeded("Q4vHs8ZcY1", NEVER),
        ];
        let now = OffsetDateTime::now_utc();
        let (alice_session, bob_session) = (
            Key::session(&alice.id, now, SESSION_LIFETIME),
            Key::session(&bob.id, now, SESSION_LIFETIME),
        );
        let owner_id = alice.id.clone();
        let bench = (1..=extra_tokens).map(move |i| {
            Key::new(
                &owner_id,
                LoginType::Token,
                format!("bench-{i:05}"),
                now,
                Duration::days(30),
            )
        });

        let mut store = Store {
            users: vec![alice, bob],
            keys: IndexMap::new(),
            dashboard_url,
        };
        store.keys.reserve(seeds.len() + extra_tokens + 2);
        for key in seeds.into_iter().chain(bench) {
            store.insert(key);
        }
        Seeded {
            owner_token: store.insert(alice_session),
            member_token: store.insert(bob_session),
            store,
        }
    }

    /// Stores `key` (giving it a fresh id if its id is taken) and returns the full
    /// `<id>-<secret>` token.
    pub fn insert(&mut self, mut key: Key) -> String {
        while self.keys.contains_key(&key.id) {
            key.id = random_alphanumeric(10);
        }
        let token = format!("{}-{}", key.id, key.secret);
        self.keys.insert(key.id.clone(), key);
        token
    }

    /// Checks a `<id>-<secret>` token and records its use.
    pub fn authenticate(&mut self, token: &str, now: OffsetDateTime) -> Option<Caller> {
        let (id, secret) = token.split_once('-')?;
        let key = self
            .keys
            .get_mut(id)
            .filter(|k| k.secret == secret && k.expires_at > now)?;
        key.last_used = now;
        let user = self.users.iter().position(|u| u.id == key.user_id)?;
        Some(Caller {
            user,
            key_id: key.id.clone(),
        })
    }

    /// A user by username (case-insensitively, as Coder does) or by id.
    pub fn find_user(&self, name_or_id: &str) -> Option<usize> {
        self.users.iter().position(|u| {
            u.username.eq_ignore_ascii_case(name_or_id) || u.id.eq_ignore_ascii_case(name_or_id)
        })
    }

    pub fn username(&self, user_id: &str) -> &str {
        self.users
            .iter()
            .find(|u| u.id == user_id)
            .map_or("", |u| &u.username)
    }

    /// A user's API token (not session key) by name.
    pub fn token_by_name(&self, user_id: &str, name: &str) -> Option<&Key> {
        self.keys.values().find(|k| {
            k.login_type == LoginType::Token && k.user_id == user_id && k.token_name == name
        })
    }
}

fn random_alphanumeric(len: usize) -> String {
    rand::rng()
        .sample_iter(Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}
