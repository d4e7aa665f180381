//! `coder login status` through the real binary: against the sandbox (each place a
//! token comes from, rejected, expired and short-lived keys) and wiremock deployments
//! (what a deployment may not say, a sub-path, extra headers); and never a token in
//! what it prints.

use std::net::TcpListener;
use std::path::Path;

use crate::harness::{self, Env, Run, SESSION, example, settings};
use coder_sandbox::{Config, Sandbox};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The key ID of [`SESSION`].
const SESSION_ID: &str = "SeSs10nIdX";
const ALICE_ID: &str = "7a2c2c40-8fc7-40a0-a581-338adc09d3fc";

fn sandbox() -> Sandbox {
    Sandbox::start(Config::default()).expect("start the sandbox")
}

/// A token alice creates on `sandbox`, named `name`, to last `lifetime`; and alice's
/// environment, logged in through `CODER_SESSION_TOKEN`.
fn token_of_alice(sandbox: &Sandbox, name: &str, lifetime: &str) -> (Env, String) {
    let owner = Env::at(&sandbox.url(), &sandbox.owner_token());
    let run = owner.run(&["tokens", "create", "-n", name, "--lifetime", lifetime]);
    let key = run.success().stdout.trim().to_string();
    (owner, key)
}

/// The value of the text line labelled `label`.
#[track_caller]
fn line<'a>(run: &'a Run, label: &str) -> &'a str {
    run.stdout
        .lines()
        .find_map(|line| {
            let value = line.strip_prefix(label)?;
            value.starts_with("  ").then(|| value.trim_start())
        })
        .unwrap_or_else(|| panic!("no line {label:?}:\n{}", run.block()))
}

#[track_caller]
fn parsed(run: &Run) -> Value {
    run.success();
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.block()))
}

/// A failure with nothing on stdout, its error in our shape, and the requests the
/// deployment saw (none, or `users/me` and the key).
#[track_caller]
fn assert_failed(run: &Run, message: &str) {
    run.failure(1);
    assert!(run.stdout.is_empty(), "{}", run.block());
    assert!(
        run.stderr.starts_with(&format!("error: {message}")),
        "{}",
        run.block()
    );
    assert!(run.stderr.contains("\nhint: "), "{}", run.block());
}

/// The secret part of a `<id>-<secret>` token, whole for one of another shape.
fn secret_part(token: &str) -> &str {
    token.split_once('-').map_or(token, |(_, secret)| secret)
}

// --- Where the token comes from -------------------------------------------------------

#[test]
fn logged_in_from_the_session_file_shows_the_minted_session_key() {
    let sandbox = sandbox();
    let url = sandbox.url();
    let env = Env::new();
    env.run(&["login", &url, "--token", &sandbox.owner_token()])
        .success();
    let stored = env.read_config("session").unwrap();
    sandbox.clear_requests();

    let run = env.run(&["login", "status"]);
    run.success();
    let config = env.config();
    assert_eq!(
        line(&run, "deployment"),
        format!("{url} (from {})", config.join("url").display())
    );
    assert_eq!(line(&run, "version"), coder_sandbox::BUILD_VERSION);
    assert_eq!(line(&run, "user"), format!("alice ({ALICE_ID})"));
    assert_eq!(
        line(&run, "token"),
        format!("from {}", config.join("session").display())
    );
    assert_eq!(
        line(&run, "key"),
        format!("{}, login type password", &stored[..10])
    );
    // A session key minted through the API lasts a week.
    assert!(
        line(&run, "expires").ends_with("(in 6 days)"),
        "{}",
        run.block()
    );
    assert_eq!(line(&run, "scopes"), "coder:all");
    assert_eq!(line(&run, "allow list"), "*:*");
    // One request for the user and one for the key, nothing else.
    let log: Vec<String> = sandbox.requests().iter().map(ToString::to_string).collect();
    let mut expected = vec![
        "GET /api/v2/users/me -> 200".to_string(),
        format!("GET /api/v2/users/me/keys/{} -> 200", &stored[..10]),
    ];
    expected.sort();
    let mut log = log;
    log.sort();
    assert_eq!(log, expected);

    let json = parsed(&env.run(&["login", "status", "-o", "json"]));
    assert_eq!(json["deployment"]["url_source"], "file");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    assert_eq!(json["deployment"]["url_file"], path(&config.join("url")));
    assert_eq!(json["token"]["source"], "file");
    assert_eq!(json["token"]["file"], path(&config.join("session")));
    assert_eq!(json["key"]["id"], stored[..10]);
    let seconds = json["key"]["expires_in_seconds"].as_i64().unwrap();
    assert!((6 * 86_400..=7 * 86_400).contains(&seconds), "{json}");
}

#[test]
fn logged_in_from_the_flag_and_from_the_environment() {
    let sandbox = sandbox();
    let (url, owner) = (sandbox.url(), sandbox.owner_token());

    let env = Env::new();
    let run = env.run(&["--url", &url, "--token", &owner, "login", "status"]);
    run.success();
    assert_eq!(line(&run, "deployment"), format!("{url} (from --url)"));
    assert_eq!(line(&run, "token"), "from --token");
    assert_eq!(
        line(&run, "key"),
        format!("{}, login type password", &owner[..10])
    );
    // Nothing is stored by looking.
    assert!(!env.config().join("session").exists());

    let env = Env::at(&url, &owner);
    let run = env.run(&["login", "status"]);
    run.success();
    assert_eq!(line(&run, "deployment"), format!("{url} (from CODER_URL)"));
    assert_eq!(line(&run, "token"), "from CODER_SESSION_TOKEN");
    let json = parsed(&env.run(&["login", "status", "-o", "json"]));
    assert_eq!(
        (&json["deployment"]["url_source"], &json["token"]["source"]),
        (&json!("env"), &json!("env"))
    );
    assert_eq!(json["token"]["file"], Value::Null);
    assert_eq!(json["user"], json!({"id": ALICE_ID, "username": "alice"}));

    // The flag wins over the environment, as everywhere.
    let mut env = Env::at(&url, "B0gusB0gus-B0gusSecretB0gusSecret");
    env.var("CODER_URL", "http://127.0.0.1:1");
    let json = parsed(&env.run(&[
        "login", "status", "-o", "json", "--url", &url, "--token", &owner,
    ]));
    assert_eq!(json["token"]["source"], "flag");
    assert_eq!(json["deployment"]["url_source"], "flag");
}

// --- Not logged in, rejected, expired, unreachable -----------------------------------

#[test]
fn not_logged_in_without_a_url_or_without_a_token() {
    let sandbox = sandbox();
    let env = Env::new();
    let run = env.run(&["login", "status"]);
    assert_failed(
        &run,
        &format!(
            "You are not logged in: no deployment URL in --url, CODER_URL or {}\n",
            env.config().join("url").display()
        ),
    );
    assert!(run.stderr.contains("coder login <url>"), "{}", run.block());

    let mut env = Env::new();
    env.var("CODER_URL", &sandbox.url());
    let run = env.run(&["login", "status", "-o", "json"]);
    assert_failed(
        &run,
        &format!(
            "You are not logged in to {}: no session token in --token, CODER_SESSION_TOKEN \
             or {}\n",
            sandbox.url(),
            env.config().join("session").display()
        ),
    );
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}

#[test]
fn a_session_stored_for_another_deployment_is_named_and_never_sent() {
    let (stored, other) = (sandbox(), sandbox());
    let env = Env::new();
    env.login_files(&stored.url(), SESSION);
    let run = env.run(&["--url", &other.url(), "login", "status"]);
    assert_failed(
        &run,
        &format!(
            "the stored session is for {}, not {} (from --url); a stored token is sent only \
             to the deployment it was stored for\n",
            stored.url(),
            other.url()
        ),
    );
    assert!(other.requests().is_empty(), "{:?}", other.requests());
    assert!(stored.requests().is_empty(), "{:?}", stored.requests());
}

#[test]
fn a_rejected_token_fails_with_the_servers_words_and_what_to_do() {
    let sandbox = sandbox();
    let env = Env::at(&sandbox.url(), "B0gusB0gus-B0gusSecretB0gusSecret");
    let run = env.run(&["login", "status"]);
    assert_failed(
        &run,
        "the deployment rejected the token from CODER_SESSION_TOKEN",
    );
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: the deployment rejected the token from CODER_SESSION_TOKEN: it has expired, was revoked or is not a token of http://[HOST]
          You are signed out or your session has expired. Please sign in again to continue. (HTTP 401 Unauthorized)
        hint: set CODER_SESSION_TOKEN to a valid token, or unset it to use the session 'coder login http://[HOST]' stores
        ");
    });

    // A stored session the deployment no longer takes: log in again.
    let env = Env::new();
    env.login_files(&sandbox.url(), "B0gusB0gus-B0gusSecretB0gusSecret");
    let run = env.run(&["login", "status", "-o", "json"]);
    assert_failed(&run, "the deployment rejected the session token stored in ");
    assert!(
        run.stderr.contains(&format!(
            "hint: log in again with 'coder login {}'",
            sandbox.url()
        )),
        "{}",
        run.block()
    );
}

#[test]
fn an_expired_key_fails() {
    // Expired on the deployment: it answers 401.
    let sandbox = sandbox();
    let (owner, key) = token_of_alice(&sandbox, "short", "1h");
    owner.run(&["tokens", "rm", "short"]).success();
    let run = Env::at(&sandbox.url(), &key).run(&["login", "status"]);
    assert_failed(
        &run,
        "the deployment rejected the token from CODER_SESSION_TOKEN",
    );
}

/// A deployment answering `users/me` for [`SESSION`] with alice, and its key with `key`.
async fn deployment_with_key(key: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .and(header("coder-session-token", SESSION))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(example("user-me.json"))
                .insert_header("x-coder-build-version", "v2.30.1"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v2/users/me/keys/{SESSION_ID}")))
        .and(header("coder-session-token", SESSION))
        .respond_with(key)
        .mount(&server)
        .await;
    server
}

/// The session key of [`SESSION`] as Coder's `GET /users/me/keys/{id}` gives it,
/// expiring at `expires_at`.
fn session_key(expires_at: &str) -> Value {
    json!({
        "id": SESSION_ID,
        "user_id": ALICE_ID,
        "last_used": "2026-11-21T17:42:05.918273Z",
        "expires_at": expires_at,
        "created_at": "2026-11-20T17:42:05.918273Z",
        "updated_at": "2026-11-21T17:42:05.918273Z",
        "login_type": "password",
        "scope": "all",
        "scopes": ["coder:all"],
        "token_name": "",
        "lifetime_seconds": 604_800,
        "allow_list": [{"type": "*", "id": "*"}]
    })
}

#[tokio::test]
async fn a_key_past_its_expiry_fails_even_when_the_deployment_still_takes_it() {
    // A deployment whose clock is behind, say: its key says when it ended.
    let ended = time::OffsetDateTime::now_utc() - time::Duration::hours(3 * 24 + 1);
    let ended = ended.replace_nanosecond(0).unwrap();
    let text = ended
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let key = session_key(&text);
    let server = deployment_with_key(ResponseTemplate::new(200).set_body_json(key)).await;
    let run = Env::at(&server.uri(), SESSION).run(&["login", "status", "-o", "json"]);
    assert_failed(
        &run,
        "the token from CODER_SESSION_TOKEN has expired: it expired ",
    );
    assert!(
        run.stderr.contains(&format!("3 days ago (at {text})\n")),
        "{}",
        run.block()
    );
}

#[test]
fn valid_for_fails_a_key_expiring_sooner_and_passes_one_expiring_later() {
    let sandbox = sandbox();
    let (_, key) = token_of_alice(&sandbox, "hour", "1h");
    let env = Env::at(&sandbox.url(), &key);

    let run = env.run(&["login", "status", "--valid-for", "2h"]);
    assert_failed(
        &run,
        "the token from CODER_SESSION_TOKEN expires in 59 minutes (at ",
    );
    assert!(
        run.stderr.contains("), sooner than --valid-for 2h\n"),
        "{}",
        run.block()
    );

    let run = env.run(&["login", "status", "--valid-for", "30m"]);
    run.success();
    assert_eq!(
        line(&run, "key"),
        format!("{} (hour), login type token", &key[..10])
    );
    assert!(
        line(&run, "expires").ends_with("(in 59 minutes)"),
        "{}",
        run.block()
    );
    parsed(&env.run(&["login", "status", "--valid-for=59m", "-o", "json"]));

    // A zero or negative duration is a usage error, before anything is sent.
    sandbox.clear_requests();
    for (bad, why) in [
        ("0s", "the duration must be positive"),
        ("0", "the duration must be positive"),
        ("-1h", "the duration must be positive"),
        ("1w", "unknown unit \"w\""),
    ] {
        let run = env.run(&["login", "status", "--valid-for", bad]);
        run.failure(2);
        assert!(
            run.stderr.starts_with("error: invalid --valid-for") && run.stderr.contains(why),
            "{}",
            run.block()
        );
    }
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}

#[tokio::test]
async fn a_key_that_never_expires_passes_any_valid_for() {
    let key = session_key("0001-01-01T00:00:00Z");
    let server = deployment_with_key(ResponseTemplate::new(200).set_body_json(key)).await;
    let run = Env::at(&server.uri(), SESSION).run(&["login", "status", "--valid-for", "100y"]);
    run.success();
    assert_eq!(line(&run, "expires"), "never");
}

#[test]
fn an_unreachable_deployment_fails_naming_it() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let run = Env::at(&url, SESSION).run(&["login", "status"]);
    assert_failed(
        &run,
        &format!("could not connect to {url}: connection refused\n"),
    );
}

// --- What a deployment says, and how it is shown ---------------------------------------

/// Insta settings that also hide relative times and the seconds left (which move with
/// the clock; the unit tests fix them).
fn status_settings() -> insta::Settings {
    let mut settings = settings();
    settings.add_filter(r"\((in \d+ \w+|\d+ \w+ ago)\)", "([RELATIVE])");
    settings.add_filter(
        r#""expires_in_seconds": \d+"#,
        r#""expires_in_seconds": [N]"#,
    );
    settings
}

#[tokio::test]
async fn text_and_json_show_everything_the_deployment_says() {
    let key = session_key("2099-01-01T00:00:00.500Z");
    let server = deployment_with_key(ResponseTemplate::new(200).set_body_json(key)).await;
    let env = Env::at(&server.uri(), SESSION);
    let text = env.run(&["login", "status"]);
    let json = env.run(&["login", "status", "-o", "json"]);
    status_settings().bind(|| {
        insta::assert_snapshot!(text.block(), @"
        exit: 0
        --- stdout ---
        deployment  http://[HOST] (from CODER_URL)
        version     v2.30.1
        user        alice (7a2c2c40-8fc7-40a0-a581-338adc09d3fc)
        token       from CODER_SESSION_TOKEN
        key         SeSs10nIdX, login type password
        expires     2099-01-01T00:00:00Z ([RELATIVE])
        last used   2026-11-21T17:42:05Z ([RELATIVE])
        scopes      coder:all
        allow list  *:*
        --- stderr ---
        ");
        insta::assert_snapshot!(json.block(), @r#"
        exit: 0
        --- stdout ---
        {
          "deployment": {
            "url": "http://[HOST]",
            "url_source": "env",
            "url_file": null,
            "version": "v2.30.1"
          },
          "user": {
            "id": "7a2c2c40-8fc7-40a0-a581-338adc09d3fc",
            "username": "alice"
          },
          "token": {
            "source": "env",
            "file": null
          },
          "key": {
            "id": "SeSs10nIdX",
            "token_name": "",
            "login_type": "password",
            "expires_at": "2099-01-01T00:00:00.5Z",
            "expires_in_seconds": [N],
            "last_used": "2026-11-21T17:42:05.918273Z",
            "scopes": [
              "coder:all"
            ],
            "allow_list": [
              {
                "type": "*",
                "id": "*"
              }
            ],
            "unknown_reason": null
          }
        }
        --- stderr ---
        "#);
    });
}

#[tokio::test]
async fn a_sub_path_and_extra_headers_reach_both_requests() {
    let server = MockServer::start().await;
    let user = ResponseTemplate::new(200).set_body_json(example("user-me.json"));
    let key = ResponseTemplate::new(200).set_body_json(session_key("2099-01-01T00:00:00Z"));
    for (at, answer) in [
        ("/coder/api/v2/users/me".to_string(), user),
        (format!("/coder/api/v2/users/me/keys/{SESSION_ID}"), key),
    ] {
        Mock::given(method("GET"))
            .and(path(at))
            .and(header("x-custom", "from-flag"))
            .and(header("x-from-command", "yes"))
            .respond_with(answer)
            .expect(1)
            .mount(&server)
            .await;
    }
    let url = format!("{}/coder", server.uri());
    let env = Env::at(&url, SESSION);
    let run = env.run(&[
        "login",
        "status",
        "--header",
        "X-Custom=from-flag",
        "--header-command",
        harness::shell("echo X-From-Command=yes", "echo X-From-Command=yes"),
    ]);
    run.success();
    assert_eq!(line(&run, "deployment"), format!("{url} (from CODER_URL)"));
    assert_eq!(
        line(&run, "version"),
        "unknown (the deployment sent no X-Coder-Build-Version header)"
    );
    server.verify().await;
}

#[tokio::test]
async fn a_deployment_that_does_not_say_about_the_key_shows_what_it_knows() {
    let cases = [
        (
            404,
            json!({"message": "Route not found."}),
            "it has no API route for reading a key by its ID (an older deployment)",
        ),
        (
            404,
            json!({"message": "Resource not found or you do not have access to this resource"}),
            "Resource not found or you do not have access to this resource (HTTP 404 Not Found)",
        ),
        (
            403,
            json!({"message": "Forbidden."}),
            "the token may not read its own key: Forbidden. (HTTP 403 Forbidden)",
        ),
    ];
    for (status, body, why) in cases {
        let answer = ResponseTemplate::new(status).set_body_json(body);
        let server = deployment_with_key(answer).await;
        let env = Env::at(&server.uri(), SESSION);
        let why = format!("the deployment does not say: {why}");

        let run = env.run(&["login", "status"]);
        run.success();
        assert_eq!(line(&run, "key"), SESSION_ID);
        assert_eq!(line(&run, "expires"), format!("unknown ({why})"));
        assert!(!run.stdout.contains("scopes"), "{}", run.block());

        let json = parsed(&env.run(&["login", "status", "-o", "json"]));
        assert_eq!(json["key"]["id"], SESSION_ID);
        assert_eq!(json["key"]["unknown_reason"], why);
        for field in [
            "login_type",
            "expires_at",
            "expires_in_seconds",
            "last_used",
            "scopes",
        ] {
            assert_eq!(json["key"][field], Value::Null, "{field}: {json}");
        }
        assert_eq!(json["user"]["username"], "alice");

        // A check that needs the expiry cannot pass on what is not known.
        let run = env.run(&["login", "status", "--valid-for", "1h"]);
        assert_failed(
            &run,
            &format!(
                "cannot tell whether the token from CODER_SESSION_TOKEN is valid for \
                 --valid-for 1h: {why}\n"
            ),
        );
    }
}

// --- Secrets ---------------------------------------------------------------------------

#[tokio::test]
async fn no_form_prints_the_token() {
    let sandbox = sandbox();
    let url = sandbox.url();
    let owner = sandbox.owner_token();
    let unknown_key = deployment_with_key(ResponseTemplate::new(404)).await;
    let no_dash = "NoDashSecretToken0123456789abcdef";
    let bogus = "B0gusB0gus-B0gusSecretB0gusSecret";

    let stored = Env::new();
    stored
        .run(&["login", &url, "--token", &owner, "--use-token-as-session"])
        .success();
    let by_env = Env::at(&url, &owner);
    let unknown = Env::at(&unknown_key.uri(), SESSION);
    let mut runs = Vec::new();
    for verbose in ["--verbose=false", "-v"] {
        for format in ["text", "json"] {
            let form = ["login", "status", verbose, "-o", format];
            runs.push(stored.run(&form));
            runs.push(by_env.run(&form));
            runs.push(by_env.run(&[&form[..], &["--valid-for", "30d"]].concat()));
            runs.push(stored.run(&[&form[..], &["--url", &url, "--token", bogus]].concat()));
            runs.push(stored.run(&[&form[..], &["--token", no_dash]].concat()));
            runs.push(unknown.run(&form));
            runs.push(unknown.run(&[&form[..], &["--valid-for", "1h"]].concat()));
        }
    }
    assert!(runs.iter().any(|run| run.code == 0) && runs.iter().any(|run| run.code == 1));
    for run in &runs {
        for token in [owner.as_str(), SESSION, bogus, no_dash] {
            let secret = secret_part(token);
            assert!(
                !run.stdout.contains(secret) && !run.stderr.contains(secret),
                "{secret} shown:\n{}",
                run.block()
            );
        }
    }
    // A token of another shape names no key: nothing of it goes into a URL.
    for request in sandbox.requests() {
        assert!(!request.path_and_query.contains(no_dash), "{request}");
    }
}
