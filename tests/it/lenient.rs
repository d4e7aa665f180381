//! Text from the deployment that Go's decoder reads leniently is read alike: invalid
//! UTF-8 and lone UTF-16 surrogate escapes become U+FFFD instead of failing the answer,
//! and entitlement warnings in any language are shown, made terminal-safe.

use crate::harness::{Env, SESSION};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A token list whose names hold an invalid UTF-8 byte, a lone surrogate escape and an
/// escaped backslash before `ud800` (no escape at all).
fn odd_list() -> Vec<u8> {
    let mut body = br#"[{"id":"aaaaaaaaaa","token_name":"bad"#.to_vec();
    body.push(0xff);
    body.extend_from_slice(
        br#"byte","user_id":"u1","created_at":"2025-01-01T00:00:00Z"},
           {"id":"bbbbbbbbbb","token_name":"lone\ud800half","user_id":"u1"},
           {"id":"cccccccccc","token_name":"not\\ud800an escape","user_id":"u1"}]"#,
    );
    body
}

async fn deployment() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(odd_list(), "application/json"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens/lone"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            br#"{"id":"bbbbbbbbbb","token_name":"lone\uDC00half","user_id":"u1"}"#.to_vec(),
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/u1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"username": "alice"})))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn invalid_utf8_and_lone_surrogates_in_a_list_read_as_u_fffd() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "ls", "-c", "id,name"]);
    run.success();
    let names: Vec<&str> = run.stdout.lines().skip(1).map(|l| l[12..].trim()).collect();
    assert_eq!(
        names,
        ["bad\u{fffd}byte", "lone\u{fffd}half", "not\\ud800an escape"],
        "{}",
        run.block()
    );
    let run = env.run(&["tokens", "ls", "-o", "json"]);
    run.success();
    let listed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed[0]["token_name"], "bad\u{fffd}byte");
    assert_eq!(listed[1]["token_name"], "lone\u{fffd}half");
}

#[tokio::test]
async fn a_lone_surrogate_in_one_token_reads_as_u_fffd() {
    let server = deployment().await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "lone", "-c", "name,owner"]);
    run.success();
    let row = run.stdout.lines().nth(1).unwrap_or_default();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["lone\u{fffd}half", "alice"],
        "{}",
        run.block()
    );
}

/// A body Coder sent (its version header says so) that cannot be read is not blamed
/// on the URL; one cut short is blamed on the way it came.
#[tokio::test]
async fn an_unreadable_answer_from_coder_never_blames_the_url() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-coder-build-version", "v2.20.0")
                .set_body_raw(
                    r#"[{"id":"a","token_name":"tab	inside"}]"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    run.failure(1);
    let hint = run
        .stderr
        .lines()
        .find(|l| l.starts_with("hint: "))
        .unwrap_or_default();
    assert!(hint.contains("leads to Coder"), "{}", run.block());
    assert!(!hint.contains("check that"), "{}", run.block());

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"[{"id":"a","tok"#, "application/json"),
        )
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    run.failure(1);
    assert!(
        run.stderr.contains("hint: the answer was cut short; retry"),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn entitlement_warnings_in_any_language_are_printed_made_safe() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([]))
                .append_header(
                    "X-Coder-Entitlements-Warning",
                    "Ihre Lizenz läuft in 3 Tagen ab.",
                )
                .append_header("X-Coder-Entitlements-Warning", "ライセンス \u{202e}切れ"),
        )
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    run.success();
    assert_eq!(
        run.stderr,
        "warning: Ihre Lizenz läuft in 3 Tagen ab.\nwarning: ライセンス \\u202e切れ\nNo tokens found.\n"
    );
}
