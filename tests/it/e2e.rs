//! Whole workflows through the real binary against the stateful sandbox deployment:
//! each test checks what changed on the deployment and in the config dir, not only
//! what was printed.

use crate::harness::{Env, Run, settings};
use coder_sandbox::{Config, Sandbox};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn sandbox() -> Sandbox {
    Sandbox::start(Config::default()).expect("start the sandbox")
}

/// A fresh config dir logged in to `sandbox` with `token`.
fn logged_in(sandbox: &Sandbox, token: &str) -> Env {
    let env = Env::new();
    env.run(&["login", &sandbox.url(), "--token", token])
        .success();
    env
}

/// The tokens `coder tokens ls -o json <extra>` prints.
fn list(env: &Env, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["tokens", "ls", "-o", "json"];
    args.extend(extra);
    let run = env.run(&args);
    run.success();
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.block()))
}

fn names(tokens: &[Value]) -> Vec<&str> {
    tokens
        .iter()
        .map(|t| t["token_name"].as_str().unwrap())
        .collect()
}

fn named<'a>(tokens: &'a [Value], name: &str) -> &'a Value {
    tokens
        .iter()
        .find(|t| t["token_name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in {:?}", names(tokens)))
}

fn time_of(token: &Value, field: &str) -> OffsetDateTime {
    OffsetDateTime::parse(token[field].as_str().unwrap(), &Rfc3339).unwrap()
}

/// What `TOKEN=$(coder tokens create ...)` would hold: stdout is the key and one newline.
#[track_caller]
fn created_key(run: &Run) -> String {
    run.success();
    let key = run.stdout.strip_suffix('\n').unwrap_or_else(|| {
        panic!(
            "create output does not end in one newline:\n{}",
            run.block()
        )
    });
    assert!(
        !key.is_empty() && !key.contains(char::is_whitespace),
        "create printed more than the key:\n{}",
        run.block()
    );
    key.to_string()
}

fn id_of(key: &str) -> &str {
    key.split_once('-').expect("a token is <id>-<secret>").0
}

/// No request the sandbox saw carried the secret part of any of `tokens` in its path or
/// query (full tokens are resolved by their ID only).
#[track_caller]
fn assert_no_secret_in_urls(sandbox: &Sandbox, tokens: &[&str]) {
    let log = sandbox.requests();
    assert!(!log.is_empty(), "the sandbox saw no requests");
    for token in tokens {
        let (_, secret) = token.split_once('-').expect("a token is <id>-<secret>");
        for request in &log {
            assert!(
                !request.path_and_query.contains(secret),
                "a token secret went into a URL: {request}"
            );
        }
    }
}

#[test]
fn login_exchanges_the_token_and_stores_a_working_session() {
    let sandbox = sandbox();
    let owner = sandbox.owner_token();
    let env = logged_in(&sandbox, &owner);

    assert_eq!(env.read_config("url"), Some(sandbox.url()));
    let session = env.read_config("session").expect("a session file");
    assert_ne!(session, owner, "the given token must be exchanged");
    assert!(
        sandbox.requests().iter().any(|r| r.method == "POST"
            && r.path_and_query == "/api/v2/users/me/keys"
            && r.status == 201),
        "no session key was created: {:?}",
        sandbox.requests()
    );

    // The stored session is what later commands use, and the deployment accepts it.
    let mut with_session_only = Env::new();
    with_session_only
        .var("CODER_URL", &sandbox.url())
        .var("CODER_SESSION_TOKEN", &session);
    assert!(names(&list(&with_session_only, &[])).contains(&"ci-pipeline"));
    assert!(names(&list(&env, &[])).contains(&"ci-pipeline"));
    assert_no_secret_in_urls(&sandbox, &[&owner, &session]);
}

#[test]
fn a_token_is_created_listed_expired_and_deleted() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());

    let before = OffsetDateTime::now_utc();
    let key = created_key(&env.run(&["tokens", "create", "--name", "e2e", "--lifetime", "1d"]));
    let listed = list(&env, &[]);
    let token = named(&listed, "e2e");
    assert_eq!(token["id"], id_of(&key));
    let lifetime = time_of(token, "expires_at") - before;
    assert!(
        lifetime > time::Duration::hours(23) && lifetime < time::Duration::hours(25),
        "--lifetime 1d gave {lifetime}"
    );

    let run = env.run(&["tokens", "rm", "e2e"]);
    run.success();
    assert_eq!(run.stdout, "Token has been expired.\n");
    assert!(!names(&list(&env, &[])).contains(&"e2e"), "rm must hide it");
    let with_expired = list(&env, &["--include-expired"]);
    let expired = named(&with_expired, "e2e");
    assert!(time_of(expired, "expires_at") <= OffsetDateTime::now_utc());
    // The seeded expired token shows up the same way.
    assert!(names(&with_expired).contains(&"old-laptop"));

    let run = env.run(&["tokens", "rm", "--delete", "e2e"]);
    run.success();
    assert_eq!(run.stdout, "Token has been deleted.\n");
    assert!(!names(&list(&env, &["--include-expired"])).contains(&"e2e"));
    let run = env.run(&["tokens", "view", "e2e"]);
    run.failure(1);
    assert!(
        run.stderr
            .contains("not found: it is neither the name nor the ID"),
        "{}",
        run.block()
    );

    let session = env.read_config("session").unwrap();
    assert_no_secret_in_urls(&sandbox, &[&key, &session, &sandbox.owner_token()]);
}

#[test]
fn view_finds_a_token_by_name_and_by_full_token() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());
    let key = created_key(&env.run(&["tokens", "create", "--name", "viewed"]));

    let view = |arg: &str| -> Vec<Value> {
        let run = env.run(&["tokens", "view", arg, "-o", "json"]);
        run.success();
        serde_json::from_str(&run.stdout).unwrap()
    };
    let by_name = view("viewed");
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0]["id"], id_of(&key));
    assert_eq!(view(&key), by_name);

    // The table names the token and never shows the secret.
    let run = env.run(&["tokens", "view", &key]);
    run.success();
    assert!(run.stdout.contains("viewed") && run.stdout.contains(id_of(&key)));
    assert!(!run.stdout.contains(&key) && !run.stderr.contains(&key));

    // rm by full token uses its ID as well.
    env.run(&["tokens", "rm", "--delete", &key]).success();
    assert!(!names(&list(&env, &["--include-expired"])).contains(&"viewed"));
    assert_no_secret_in_urls(&sandbox, &[&key]);
}

#[test]
fn a_member_can_neither_see_nor_remove_an_owners_token() {
    let sandbox = sandbox();
    let alice = logged_in(&sandbox, &sandbox.owner_token());
    let bob = logged_in(&sandbox, &sandbox.member_token());
    let ci_before = named(&list(&alice, &[]), "ci-pipeline").clone();

    let bobs = list(&bob, &["--all", "--include-expired"]);
    assert_eq!(names(&bobs), ["bob-laptop", "staging-deploy"]);

    sandbox.clear_requests();
    for args in [
        &["tokens", "view", "ci-pipeline"][..],
        &["tokens", "view", "Xk2m9QpR7a"],
        &["tokens", "rm", "Xk2m9QpR7a"],
        &["tokens", "rm", "--delete", "Xk2m9QpR7a"],
    ] {
        let run = bob.run(args);
        run.failure(1);
        assert!(
            run.stderr
                .contains("not found: it is neither the name nor the ID"),
            "{}",
            run.block()
        );
    }
    let log = sandbox.requests();
    assert!(
        log.iter()
            .any(|r| r.path_and_query == "/api/v2/users/me/keys/Xk2m9QpR7a" && r.status == 404),
        "{log:?}"
    );
    assert!(
        log.iter().all(|r| r.method == "GET"),
        "nothing may be changed after a 404: {log:?}"
    );

    // Still there, unchanged, for its owner.
    assert_eq!(named(&list(&alice, &[]), "ci-pipeline"), &ci_before);
}

#[test]
fn an_owner_can_remove_a_members_token_by_id() {
    let sandbox = sandbox();
    let alice = logged_in(&sandbox, &sandbox.owner_token());
    let bob = logged_in(&sandbox, &sandbox.member_token());

    let run = alice.run(&["tokens", "rm", "Bb4kLp9XqZ"]);
    run.success();
    assert_eq!(run.stdout, "Token has been expired.\n");
    assert_eq!(names(&list(&bob, &[])), ["staging-deploy"]);
    assert!(names(&list(&bob, &["--include-expired"])).contains(&"bob-laptop"));

    alice
        .run(&["tokens", "rm", "--delete", "Bb4kLp9XqZ"])
        .success();
    assert_eq!(
        names(&list(&bob, &["--include-expired"])),
        ["staging-deploy"]
    );
}

#[test]
fn list_all_as_owner_shows_everyones_tokens_with_their_owner() {
    let sandbox = sandbox();
    let alice = logged_in(&sandbox, &sandbox.owner_token());

    let run = alice.run(&["tokens", "ls", "--all"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        ID          NAME                SCOPES                                           ALLOW LIST                                      LAST USED             EXPIRES AT            CREATED AT            OWNER  
        Bb4kLp9XqZ  bob-laptop          coder:all                                        *:*                                             2026-11-20T16:45:12Z  2030-06-16T10:05:00Z  2025-06-17T10:05:00Z  bob    
        Q4vHs8ZcY1  readonly-dashboard  template:read, workspace:read                    workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5  0001-01-01T00:00:00Z  2031-10-04T11:30:00Z  2026-10-05T11:30:00Z  alice  
        Xk2m9QpR7a  ci-pipeline         coder:all                                        *:*                                             2026-11-21T17:42:05Z  2036-02-28T08:00:12Z  2026-03-02T08:00:12Z  alice  
        Zq8RtY2wNc  staging-deploy      workspace:read, workspace:start, workspace:stop  *:*                                             0001-01-01T00:00:00Z  2029-08-13T12:00:00Z  2026-08-14T12:00:00Z  bob    
        --- stderr ---
        ");
    });

    let own = alice.run(&["tokens", "ls"]);
    own.success();
    assert!(!own.stdout.contains("OWNER") && !own.stdout.contains("bob-laptop"));
}

#[test]
fn login_token_prints_the_stored_session() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());
    let requests = sandbox.requests().len();

    let run = env.run(&["login", "token"]);
    run.success();
    assert_eq!(
        run.stdout,
        format!("{}\n", env.read_config("session").unwrap())
    );
    assert_eq!(
        sandbox.requests().len(),
        requests,
        "login token needs no request"
    );
}

#[test]
fn logout_removes_the_files_and_ends_the_session_on_the_deployment() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());
    let session = env.read_config("session").unwrap();

    let run = env.run(&["logout", "--yes"]);
    run.success();
    assert_eq!(env.read_config("url"), None);
    assert_eq!(env.read_config("session"), None);
    env.run(&["login", "token"]).failure(1);

    // The old session is dead on the deployment; the token it came from is not.
    let run = env.run(&["--url", &sandbox.url(), "--token", &session, "tokens", "ls"]);
    run.failure(1);
    let last = sandbox.requests().pop().unwrap();
    assert_eq!(
        (last.path_and_query.as_str(), last.status),
        (
            "/api/v2/users/me/keys/tokens?include_all=false&include_expired=false",
            401
        )
    );
    assert!(run.stderr.contains("401"), "{}", run.block());
    let owner = sandbox.owner_token();
    env.run(&["--url", &sandbox.url(), "--token", &owner, "tokens", "ls"])
        .success();
    assert_no_secret_in_urls(&sandbox, &[&session, &owner]);
}

#[test]
fn create_json_describes_the_new_token_with_its_key() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());

    let run = env.run(&["tokens", "create", "--name", "as-json", "-o", "json"]);
    run.success();
    let created: Value = serde_json::from_str(&run.stdout).unwrap();
    let key = created["key"].as_str().expect("a key field");
    assert_eq!(created["id"], id_of(key));
    assert_eq!(created["token_name"], "as-json");
    assert_eq!(created["login_type"], "token");

    let listed = list(&env, &[]);
    let token = named(&listed, "as-json");
    assert_eq!(token["id"], created["id"]);
    assert_eq!(token["expires_at"], created["expires_at"]);
}

/// `TOKEN=$(coder tokens create --name ci-bot)` then
/// `CODER_URL=... CODER_SESSION_TOKEN=$TOKEN coder tokens ls`, with no login at all.
#[test]
fn a_created_token_works_as_the_session_token_of_a_script() {
    let sandbox = sandbox();
    let env = logged_in(&sandbox, &sandbox.owner_token());
    let token = created_key(&env.run(&["tokens", "create", "--name", "ci-bot"]));

    let mut script = Env::new();
    script
        .var("CODER_URL", &sandbox.url())
        .var("CODER_SESSION_TOKEN", &token);
    let listed = list(&script, &[]);
    assert!(names(&listed).contains(&"ci-bot") && names(&listed).contains(&"ci-pipeline"));
    assert_eq!(script.read_config("session"), None, "nothing is stored");

    // Expiring the token locks the script out.
    env.run(&["tokens", "rm", "ci-bot"]).success();
    script.run(&["tokens", "ls"]).failure(1);
    assert_eq!(sandbox.requests().pop().unwrap().status, 401);
    assert_no_secret_in_urls(&sandbox, &[&token]);
}
