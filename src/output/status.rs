//! What `coder login status` shows: aligned lines for people (times also relative to
//! now), one JSON object for scripts. Server text is made visible in the lines; the
//! JSON keeps it exact.

use std::borrow::Cow;
use std::io;
use std::path::Path;

use serde::Serialize;
use time::OffsetDateTime;

use super::format::Column;
use super::json;
use super::tokens::{json_time, push_cell, push_utc};
use crate::client::types::{AllowTarget, ApiKey, User};
use crate::term::{push_visible, visible};

/// Where the deployment URL or the session token came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `--url` / `--token`.
    Flag,
    /// `CODER_URL` / `CODER_SESSION_TOKEN`.
    Env,
    /// The config dir's `url`, or its `session` file.
    File,
    /// The OS keyring.
    Keyring,
}

/// Where a value came from, with the path of a file.
#[derive(Debug, Clone, Copy)]
pub enum Provenance<'a> {
    Flag,
    Env,
    File(&'a Path),
    Keyring,
}

impl Provenance<'_> {
    fn source(&self) -> Source {
        match self {
            Provenance::Flag => Source::Flag,
            Provenance::Env => Source::Env,
            Provenance::File(_) => Source::File,
            Provenance::Keyring => Source::Keyring,
        }
    }

    /// The source in words: the flag or variable for a value given (`flag`, `env`), the
    /// path of a file.
    fn words(&self, flag: &str, env: &str) -> String {
        match self {
            Provenance::Flag => flag.to_string(),
            Provenance::Env => env.to_string(),
            Provenance::File(path) => visible(&path.display().to_string()).into_owned(),
            Provenance::Keyring => "the OS keyring".to_string(),
        }
    }

    fn path(&self) -> Option<Cow<'_, str>> {
        match self {
            Provenance::File(path) => Some(path.to_string_lossy()),
            _ => None,
        }
    }
}

/// When something happens, as the deployment said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Go's zero time: a key that never expires, or was never used.
    Never,
    At(OffsetDateTime),
}

/// The key behind the token, as far as the deployment said.
pub enum Key<'a> {
    Known {
        key: &'a ApiKey<'a>,
        expires: When,
        /// `None` when the deployment's text is not a time.
        last_used: Option<When>,
    },
    /// Why the deployment did not say.
    Unknown(&'a str),
}

/// Everything `login status` shows.
pub struct Status<'a> {
    /// The moment relative times are counted from.
    pub now: OffsetDateTime,
    pub url: &'a str,
    pub url_from: Provenance<'a>,
    /// `X-Coder-Build-Version`, when the deployment sent it.
    pub version: Option<&'a str>,
    pub user: &'a User,
    pub token_from: Provenance<'a>,
    /// The token's part before its first `-`; `None` for a token of another shape.
    pub key_id: Option<&'a str>,
    pub key: Key<'a>,
}

/// How far `then` is from `now`, in words: `in 6 days`, `3 hours ago`, `now`. Counted
/// in the largest unit that still gives at least two of them (`in 36 hours`, not `in
/// 1 day`), rounded down.
pub fn relative(now: OffsetDateTime, then: OffsetDateTime) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const YEAR: u64 = 365 * DAY;
    let seconds = (then - now).whole_seconds();
    if seconds == 0 {
        return "now".to_string();
    }
    let span = seconds.unsigned_abs();
    let (count, unit) = [
        (YEAR, "year"),
        (DAY, "day"),
        (HOUR, "hour"),
        (MINUTE, "minute"),
    ]
    .into_iter()
    .find(|(size, _)| span >= 2 * size)
    .map_or((span, "second"), |(size, unit)| (span / size, unit));
    let plural = if count == 1 { "" } else { "s" };
    if seconds > 0 {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

/// A time to the second, in UTC: `2026-03-02T08:00:12Z`.
pub fn utc(at: OffsetDateTime) -> String {
    let mut out = String::new();
    push_utc(&mut out, at);
    out
}

/// A time to the second in UTC, and how far it is from `now`; `never` for Go's zero time.
fn when_words(now: OffsetDateTime, when: When) -> String {
    match when {
        When::Never => "never".to_string(),
        When::At(at) => format!("{} ({})", utc(at), relative(now, at)),
    }
}

/// Writes the status as aligned `label  value` lines.
pub fn write_text(mut out: impl io::Write, status: &Status) -> io::Result<()> {
    let lines = text_lines(status);
    let width = lines
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0);
    for (label, value) in lines {
        writeln!(out, "{label:<width$}  {value}")?;
    }
    Ok(())
}

fn text_lines(status: &Status) -> Vec<(&'static str, String)> {
    let user = status.user;
    let mut lines = vec![
        (
            "deployment",
            format!(
                "{} (from {})",
                visible(status.url),
                status.url_from.words("--url", "CODER_URL")
            ),
        ),
        (
            "version",
            status.version.map_or_else(
                || "unknown (the deployment sent no X-Coder-Build-Version header)".to_string(),
                |version| visible(version).into_owned(),
            ),
        ),
        (
            "user",
            format!("{} ({})", visible(&user.username), visible(&user.id)),
        ),
        (
            "token",
            format!(
                "from {}",
                status.token_from.words("--token", "CODER_SESSION_TOKEN")
            ),
        ),
    ];
    let id = status.key_id.map_or(Cow::Borrowed("unknown"), visible);
    match &status.key {
        Key::Known {
            key,
            expires,
            last_used,
        } => {
            lines.push(("key", key_words(&id, key)));
            lines.push(("expires", when_words(status.now, *expires)));
            let used = last_used.map_or("unknown".to_string(), |when| when_words(status.now, when));
            lines.push(("last used", used));
            lines.push(("scopes", cell(key, Column::Scopes)));
            lines.push(("allow list", cell(key, Column::AllowList)));
        }
        Key::Unknown(why) => {
            lines.push(("key", id.into_owned()));
            lines.push(("expires", format!("unknown ({})", visible(why))));
        }
    }
    lines
}

/// The key's ID, with its name (a token's) and login type when the deployment gave them.
fn key_words(id: &str, key: &ApiKey) -> String {
    let mut out = id.to_string();
    if !key.token_name.is_empty() {
        out.push_str(" (");
        push_visible(&mut out, &key.token_name);
        out.push(')');
    }
    if !key.login_type.is_empty() {
        out.push_str(", login type ");
        push_visible(&mut out, &key.login_type);
    }
    out
}

/// A list cell of the tokens table, `none` when empty.
fn cell(key: &ApiKey, column: Column) -> String {
    let mut out = String::new();
    push_cell(&mut out, key, column);
    if out.is_empty() {
        out.push_str("none");
    }
    out
}

/// `login status -o json`: the keys the README documents, in this order.
#[derive(Serialize)]
struct StatusJson<'a> {
    deployment: DeploymentJson<'a>,
    user: UserJson<'a>,
    token: TokenJson<'a>,
    key: KeyJson<'a>,
}

#[derive(Serialize)]
struct DeploymentJson<'a> {
    url: &'a str,
    url_source: Source,
    url_file: Option<Cow<'a, str>>,
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct UserJson<'a> {
    id: &'a str,
    username: &'a str,
}

#[derive(Serialize)]
struct TokenJson<'a> {
    source: Source,
    file: Option<Cow<'a, str>>,
}

#[derive(Serialize, Default)]
struct KeyJson<'a> {
    id: Option<&'a str>,
    token_name: Option<&'a str>,
    login_type: Option<&'a str>,
    expires_at: Option<Cow<'a, str>>,
    expires_in_seconds: Option<i64>,
    last_used: Option<Cow<'a, str>>,
    scopes: Option<&'a [Cow<'a, str>]>,
    allow_list: Option<&'a [AllowTarget<'a>]>,
    unknown_reason: Option<&'a str>,
}

impl<'a> KeyJson<'a> {
    fn new(status: &'a Status<'a>) -> KeyJson<'a> {
        let id = status.key_id;
        let (key, expires, last_used) = match &status.key {
            Key::Known {
                key,
                expires,
                last_used,
            } => (*key, *expires, *last_used),
            Key::Unknown(why) => {
                return KeyJson {
                    id,
                    unknown_reason: Some(why),
                    ..KeyJson::default()
                };
            }
        };
        let time = |when: Option<When>, text: &'a str| match when {
            Some(When::At(_)) => Some(json_time(text)),
            _ => None,
        };
        KeyJson {
            id,
            token_name: Some(&key.token_name),
            login_type: Some(&key.login_type),
            expires_at: time(Some(expires), &key.expires_at),
            expires_in_seconds: match expires {
                When::At(at) => Some((at - status.now).whole_seconds()),
                When::Never => None,
            },
            last_used: time(last_used, &key.last_used),
            scopes: key.scopes.as_deref(),
            allow_list: key.allow_list.as_deref(),
            unknown_reason: None,
        }
    }
}

/// Writes the status as one JSON object, indented as Go indents it.
pub fn write_json(out: impl io::Write, status: &Status) -> io::Result<()> {
    let view = StatusJson {
        deployment: DeploymentJson {
            url: status.url,
            url_source: status.url_from.source(),
            url_file: status.url_from.path(),
            version: status.version,
        },
        user: UserJson {
            id: &status.user.id,
            username: &status.user.username,
        },
        token: TokenJson {
            source: status.token_from.source(),
            file: status.token_from.path(),
        },
        key: KeyJson::new(status),
    };
    json::write_line(out, &view)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use time::macros::datetime;

    use serde::Deserialize;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-03-01 12:00:00 UTC);

    #[test]
    fn relative_times_count_the_largest_unit_that_gives_two() {
        let s = time::Duration::seconds;
        let (minute, hour, day) = (60, 3600, 86_400);
        for (offset, words) in [
            (0, "now"),
            (1, "in 1 second"),
            (119, "in 119 seconds"),
            (2 * minute, "in 2 minutes"),
            (90 * minute, "in 90 minutes"),
            (2 * hour - 1, "in 119 minutes"),
            (2 * hour, "in 2 hours"),
            (48 * hour - 1, "in 47 hours"),
            (2 * day, "in 2 days"),
            (7 * day - 1, "in 6 days"),
            (730 * day - 1, "in 729 days"),
            (730 * day, "in 2 years"),
            (100 * 365 * day, "in 100 years"),
            (-1, "1 second ago"),
            (-3 * hour, "3 hours ago"),
            (-(3 * hour + 59 * minute), "3 hours ago"),
            (-400 * day, "400 days ago"),
        ] {
            assert_eq!(relative(NOW, NOW + s(offset)), words, "{offset}s");
        }
        // Fractions of a second do not count.
        assert_eq!(
            relative(NOW, NOW + time::Duration::milliseconds(999)),
            "now"
        );
    }

    fn user() -> User {
        serde_json::from_value(serde_json::json!({
            "id": "7a2c2c40-8fc7-40a0-a581-338adc09d3fc",
            "username": "alice",
        }))
        .unwrap()
    }

    fn key() -> ApiKey<'static> {
        ApiKey::deserialize(serde_json::json!({
            "id": "SeSs10nIdX",
            "login_type": "password",
            "expires_at": "2026-03-07T12:00:00.250Z",
            "last_used": "2026-03-01T09:00:00Z",
            "scopes": ["workspace:read", "coder:all"],
            "allow_list": [{"type": "*", "id": "*"}],
            "token_name": "",
        }))
        .unwrap()
    }

    fn text(status: &Status) -> String {
        let mut out = Vec::new();
        write_text(&mut out, status).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn as_json(status: &Status) -> serde_json::Value {
        let mut out = Vec::new();
        write_json(&mut out, status).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn a_known_key_shows_aligned_lines_with_relative_times() {
        let (user, key) = (user(), key());
        let session = PathBuf::from("/home/a/.config/coderv2/session");
        let status = Status {
            now: NOW,
            url: "https://coder.example.com/sub",
            url_from: Provenance::Env,
            version: Some("v2.31.0"),
            user: &user,
            token_from: Provenance::File(&session),
            key_id: Some("SeSs10nIdX"),
            key: Key::Known {
                key: &key,
                expires: When::At(datetime!(2026-03-07 12:00:00.25 UTC)),
                last_used: Some(When::At(datetime!(2026-03-01 09:00:00 UTC))),
            },
        };
        assert_eq!(
            text(&status),
            "\
deployment  https://coder.example.com/sub (from CODER_URL)
version     v2.31.0
user        alice (7a2c2c40-8fc7-40a0-a581-338adc09d3fc)
token       from /home/a/.config/coderv2/session
key         SeSs10nIdX, login type password
expires     2026-03-07T12:00:00Z (in 6 days)
last used   2026-03-01T09:00:00Z (3 hours ago)
scopes      coder:all, workspace:read
allow list  *:*
"
        );
        let json = as_json(&status);
        assert_eq!(json["deployment"]["url_source"], "env");
        assert_eq!(json["deployment"]["url_file"], serde_json::Value::Null);
        assert_eq!(json["token"]["source"], "file");
        assert_eq!(json["token"]["file"], "/home/a/.config/coderv2/session");
        assert_eq!(json["key"]["expires_at"], "2026-03-07T12:00:00.25Z");
        assert_eq!(json["key"]["expires_in_seconds"], 6 * 86_400);
        assert_eq!(json["key"]["unknown_reason"], serde_json::Value::Null);
    }

    #[test]
    fn what_the_deployment_does_not_say_is_unknown_and_never_is_never() {
        let (user, key) = (user(), key());
        let mut status = Status {
            now: NOW,
            url: "http://127.0.0.1:3000",
            url_from: Provenance::Flag,
            version: None,
            user: &user,
            token_from: Provenance::Keyring,
            key_id: Some("SeSs10nIdX"),
            key: Key::Unknown("the deployment does not say: HTTP 404"),
        };
        assert_eq!(
            text(&status),
            "\
deployment  http://127.0.0.1:3000 (from --url)
version     unknown (the deployment sent no X-Coder-Build-Version header)
user        alice (7a2c2c40-8fc7-40a0-a581-338adc09d3fc)
token       from the OS keyring
key         SeSs10nIdX
expires     unknown (the deployment does not say: HTTP 404)
"
        );
        let json = as_json(&status);
        assert_eq!(json["deployment"]["version"], serde_json::Value::Null);
        assert_eq!(json["token"]["source"], "keyring");
        assert_eq!(json["key"]["id"], "SeSs10nIdX");
        assert_eq!(
            json["key"]["unknown_reason"],
            "the deployment does not say: HTTP 404"
        );
        for field in ["login_type", "expires_at", "expires_in_seconds", "scopes"] {
            assert_eq!(json["key"][field], serde_json::Value::Null, "{field}");
        }

        status.key = Key::Known {
            key: &key,
            expires: When::Never,
            last_used: Some(When::Never),
        };
        let shown = text(&status);
        assert!(shown.contains("\nexpires     never\n"), "{shown}");
        assert!(shown.contains("\nlast used   never\n"), "{shown}");
        let json = as_json(&status);
        assert_eq!(json["key"]["expires_at"], serde_json::Value::Null);
        assert_eq!(json["key"]["expires_in_seconds"], serde_json::Value::Null);
        assert_eq!(json["key"]["last_used"], serde_json::Value::Null);
    }

    #[test]
    fn server_text_cannot_drive_the_terminal_but_json_keeps_it() {
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "u\u{1b}[2J", "username": "ali\u{202e}ce\n",
        }))
        .unwrap();
        let key = ApiKey::deserialize(serde_json::json!({
            "login_type": "pass\u{1b}]0;x\u{7}", "token_name": "ci\rx",
            "scopes": ["a\u{1b}[31m"], "expires_at": "0001-01-01T00:00:00Z",
        }))
        .unwrap();
        let status = Status {
            now: NOW,
            url: "http://h",
            url_from: Provenance::Flag,
            version: Some("v2\u{1b}[0m"),
            user: &user,
            token_from: Provenance::Flag,
            key_id: Some("SeSs10nIdX"),
            key: Key::Known {
                key: &key,
                expires: When::Never,
                last_used: None,
            },
        };
        let shown = text(&status);
        assert!(
            !shown.contains(['\u{1b}', '\u{202e}', '\r', '\u{7}']),
            "{shown}"
        );
        assert_eq!(shown.lines().count(), 9, "{shown}");
        assert!(shown.contains("ali\\u202ece\\n (u\\x1b[2J)"), "{shown}");
        assert!(
            shown.contains("SeSs10nIdX (ci\\rx), login type pass\\x1b]0;x\\x07"),
            "{shown}"
        );
        assert!(shown.contains("\nlast used   unknown\n"), "{shown}");
        let json = as_json(&status);
        assert_eq!(json["user"]["username"], "ali\u{202e}ce\n");
        assert_eq!(json["deployment"]["version"], "v2\u{1b}[0m");
    }
}
