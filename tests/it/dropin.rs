//! Drop-in details for scripts and dotfiles written for the Go CLI: lists read as CSV,
//! the `completion` command's interface, a piped answer to `logout`, lifetimes and
//! names that can be addressed.

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::harness::{Env, Run, SESSION, example};

const TOKENS: &str = "/api/v2/users/me/keys/tokens";

fn env_for(server: &MockServer) -> Env {
    let mut env = Env::new();
    env.var("CODER_URL", &server.uri())
        .var("CODER_SESSION_TOKEN", SESSION);
    env
}

async fn on(server: &MockServer, verb: &str, at: &str, body: Value, status: u16) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(server)
        .await;
}

/// A deployment that lists the example tokens and creates the example key.
async fn deployment() -> MockServer {
    let server = MockServer::start().await;
    on(&server, "GET", TOKENS, example("tokens-list.json"), 200).await;
    let config = json!({ "max_token_lifetime": 3_155_760_000_000_000_000_i64 });
    on(
        &server,
        "GET",
        &format!("{TOKENS}/tokenconfig"),
        config,
        200,
    )
    .await;
    on(&server, "POST", TOKENS, example("generate-key.json"), 201).await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// The value of header `name` in every request the server received.
async fn header_values(server: &MockServer, name: &str) -> Vec<String> {
    received(server)
        .await
        .iter()
        .map(|r| {
            r.headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// The JSON body of the one POST the server received.
async fn posted(server: &MockServer) -> Value {
    let requests = received(server).await;
    let posts: Vec<_> = requests
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .collect();
    assert_eq!(posts.len(), 1, "one POST");
    serde_json::from_slice(&posts[0].body).unwrap()
}

#[track_caller]
fn assert_usage_error(run: &Run, needles: &[&str]) {
    run.failure(2);
    assert_eq!(run.stdout, "", "{}", run.block());
    assert!(run.stderr.starts_with("error: "), "{}", run.block());
    for needle in needles {
        assert!(
            run.stderr.contains(needle),
            "wanted {needle:?}:\n{}",
            run.block()
        );
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.block());
}

// --- Lists are CSV -------------------------------------------------------------------

#[tokio::test]
async fn coder_header_reads_quoted_fields_with_commas() {
    let server = deployment().await;
    let mut env = env_for(&server);
    env.var("CODER_HEADER", r#""X-A=c, d",X-B=e"#);
    env.run(&["tokens", "ls", "-v"]).success();
    assert_eq!(header_values(&server, "x-a").await, ["c, d"]);
    assert_eq!(header_values(&server, "x-b").await, ["e"]);
}

#[tokio::test]
async fn a_header_flag_may_quote_a_value_with_a_comma() {
    let server = deployment().await;
    let env = env_for(&server);
    let run = env.run(&[
        "tokens",
        "ls",
        "--header",
        r#""X-Q=a,b""#,
        "--header",
        "X-R=1,X-S=2",
    ]);
    run.success();
    assert_eq!(header_values(&server, "x-q").await, ["a,b"]);
    assert_eq!(header_values(&server, "x-r").await, ["1"]);
    assert_eq!(header_values(&server, "x-s").await, ["2"]);
}

#[tokio::test]
async fn scopes_and_allow_entries_are_csv_too() {
    let server = deployment().await;
    let env = env_for(&server);
    let workspace = "workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5";
    let allow = format!(r#""{workspace}",template:*"#);
    let run = env.run(&[
        "tokens",
        "create",
        "-n",
        "ci",
        "--scope",
        r#""workspace:read",template:read"#,
        "--scope",
        "user:read",
        "--allow",
        &allow,
    ]);
    run.success();
    let body = posted(&server).await;
    assert_eq!(
        body["scopes"],
        json!(["workspace:read", "template:read", "user:read"])
    );
    assert_eq!(
        body["allow_list"],
        json!([
            {"type": "workspace", "id": "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5"},
            {"type": "template", "id": "*"}
        ])
    );
}

#[tokio::test]
async fn columns_are_csv_and_each_is_checked() {
    let server = deployment().await;
    let env = env_for(&server);
    let run = env.run(&["tokens", "ls", "-c", r#""last used",id"#]);
    run.success();
    let header = run.stdout.lines().next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["LAST", "USED", "ID"]
    );
    let run = env.run(&["tokens", "ls", "-c", r#"id,"bogus""#]);
    assert_usage_error(&run, &["'bogus'", "--column"]);
}

#[tokio::test]
async fn broken_quoting_is_a_usage_error_naming_the_field_before_any_request() {
    let server = deployment().await;
    let mut env = env_for(&server);
    let run = env.run(&["tokens", "create", "--scope", r#"a,b"c"#]);
    assert_usage_error(&run, &["--scope", "field 2", r#""b\"c""#, "tip:"]);
    let run = env.run(&["tokens", "ls", "-c", r#""id"x,name"#]);
    assert_usage_error(&run, &["--column", "field 1", "after its closing quote"]);
    let run = env.run(&["tokens", "create", "--allow", r#""*:*"#]);
    assert_usage_error(&run, &["--allow", "field 1", "never closed"]);
    // Header values may be credentials: the field is named by number only.
    env.var("CODER_HEADER", r#"X-A=1,Authorization=Bearer "hunter2""#);
    let run = env.run(&["tokens", "ls"]);
    assert_usage_error(&run, &["CODER_HEADER", "field 2"]);
    assert!(!run.stderr.contains("hunter2"), "{}", run.block());
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_second_line_in_a_list_is_an_error_not_dropped() {
    let server = deployment().await;
    let mut env = env_for(&server);
    env.var("CODER_HEADER", "X-A=1\nX-B=2");
    assert_usage_error(&env.run(&["tokens", "ls"]), &["line break", "field 1"]);
    assert!(received(&server).await.is_empty());
}
