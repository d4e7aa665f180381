//! `coder tokens create | list | view | remove` through the real binary against a
//! wiremock deployment: output, errors, and the exact requests sent.

use crate::harness::{self, Env, Run, SESSION, example, requests, settings};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The key in `generate-key.json`; its ID is the token of `token.json`.
const KEY: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
const KEY_ID: &str = "Xk2m9QpR7a";
const KEY_SECRET: &str = "Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
/// The owner of every example token.
const ALICE_ID: &str = "7a2c2c40-8fc7-40a0-a581-338adc09d3fc";
const WORKSPACE: &str = "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5";

const TOKENS: &str = "/api/v2/users/me/keys/tokens";
const KEYS: &str = "/api/v2/users/me/keys";

/// Column order of `tokens ls -o json` elements (reference §7).
const LIST_KEYS: [&str; 12] = [
    "id",
    "user_id",
    "last_used",
    "expires_at",
    "created_at",
    "updated_at",
    "login_type",
    "scope",
    "scopes",
    "lifetime_seconds",
    "allow_list",
    "token_name",
];

fn reply(status: u16, body: Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

async fn on(server: &MockServer, verb: &str, at: &str, response: ResponseTemplate) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(response)
        .mount(server)
        .await;
}

/// The example token, found by its name `ci-pipeline`.
async fn serve_ci_pipeline_by_name(server: &MockServer) {
    on(
        server,
        "GET",
        &format!("{TOKENS}/ci-pipeline"),
        reply(200, example("token.json")),
    )
    .await;
}

/// A deployment whose token list answers with `body`.
async fn listing(body: Value) -> MockServer {
    let server = MockServer::start().await;
    on(&server, "GET", TOKENS, reply(200, body)).await;
    server
}

/// A deployment whose token config answers `config` and whose create answers `post`.
async fn create_answering(config: ResponseTemplate, post: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    on(&server, "GET", &format!("{TOKENS}/tokenconfig"), config).await;
    on(&server, "POST", TOKENS, post).await;
    server
}

/// A deployment that can create tokens: token config with `max` ns, the POST, and the
/// metadata GET of the created key.
async fn creating(max: i64) -> MockServer {
    let server = create_answering(
        reply(200, json!({ "max_token_lifetime": max })),
        reply(201, example("generate-key.json")),
    )
    .await;
    on(
        &server,
        "GET",
        &format!("{KEYS}/{KEY_ID}"),
        reply(200, example("token.json")),
    )
    .await;
    server
}

fn not_found() -> ResponseTemplate {
    reply(404, example("error-404.json"))
}

fn no_content() -> ResponseTemplate {
    ResponseTemplate::new(204)
}

/// How many requests the server received; each must carry the session token, and
/// nothing else in its place.
async fn count(server: &MockServer) -> usize {
    let received = server.received_requests().await.unwrap_or_default();
    for request in &received {
        let token = request.headers.get("coder-session-token");
        assert_eq!(
            token.and_then(|v| v.to_str().ok()),
            Some(SESSION),
            "{}",
            harness::describe_request(request)
        );
    }
    received.len()
}

/// The output block and the requests, for one snapshot.
async fn outcome(run: &Run, server: &MockServer) -> String {
    format!(
        "{}--- requests ---\n{}",
        run.block(),
        requests(server).await
    )
}

/// The keys of each element of a Go-indented JSON array, in order.
fn element_keys(json_text: &str) -> Vec<Vec<String>> {
    let mut objects: Vec<Vec<String>> = Vec::new();
    for line in json_text.lines() {
        if line == "  {" {
            objects.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("    \"") {
            let key = rest.split('"').next().unwrap().to_string();
            objects
                .last_mut()
                .expect("a key inside an element")
                .push(key);
        }
    }
    objects
}

// ---------------------------------------------------------------- list

#[tokio::test]
async fn list_prints_a_sorted_table_with_seconds_and_joined_lists() {
    let server = listing(example("tokens-list.json")).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list"]);
    // IDs in plain byte order (upper case before lower case), two spaces after every
    // cell (the last one included), times in whole seconds, lists joined with ", ",
    // no owner column; one request.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        ID          NAME                SCOPES                                        ALLOW LIST                                      LAST USED             EXPIRES AT            CREATED AT            
        Q4vHs8ZcY1  readonly-dashboard  template:read, workspace:read, workspace:ssh  workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5  0001-01-01T00:00:00Z  2031-10-04T11:30:00Z  2026-10-05T11:30:00Z  
        Xk2m9QpR7a  ci-pipeline         coder:all                                     *:*                                             2026-11-21T17:42:05Z  2036-02-28T08:00:12Z  2026-03-02T08:00:12Z  
        b7Tn3LwQ0e  old-laptop          all                                           *:*                                             2025-02-08T09:13:47Z  2025-02-09T14:22:31Z  2025-01-10T14:22:31Z  
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens?include_all=false&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        ");
    });
}

#[tokio::test]
async fn list_all_adds_owner_in_every_spelling() {
    let server = listing(example("tokens-list.json")).await;
    let env = Env::at(&server.uri(), SESSION);
    let first = env.run(&["tokens", "list", "--all"]);
    for spelling in [
        &["tokens", "ls", "-a"][..],
        &["tokens", "list", "--all=true"],
    ] {
        let run = env.run(spelling);
        run.success();
        assert_eq!(run.stdout, first.stdout, "{spelling:?}");
    }
    // The requests of all three runs.
    let text = outcome(&first, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        ID          NAME                SCOPES                                        ALLOW LIST                                      LAST USED             EXPIRES AT            CREATED AT            OWNER  
        Q4vHs8ZcY1  readonly-dashboard  template:read, workspace:read, workspace:ssh  workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5  0001-01-01T00:00:00Z  2031-10-04T11:30:00Z  2026-10-05T11:30:00Z  alice  
        Xk2m9QpR7a  ci-pipeline         coder:all                                     *:*                                             2026-11-21T17:42:05Z  2036-02-28T08:00:12Z  2026-03-02T08:00:12Z  alice  
        b7Tn3LwQ0e  old-laptop          all                                           *:*                                             2025-02-08T09:13:47Z  2025-02-09T14:22:31Z  2025-01-10T14:22:31Z  alice  
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens?include_all=true&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        GET /api/v2/users/me/keys/tokens?include_all=true&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        GET /api/v2/users/me/keys/tokens?include_all=true&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        ");
    });
}

#[tokio::test]
async fn list_all_false_keeps_the_default_columns() {
    let server = listing(example("tokens-list.json")).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list", "--all=false"]);
    run.success();
    assert!(!run.stdout.contains("OWNER"), "{}", run.stdout);
    assert!(
        requests(&server)
            .await
            .contains("?include_all=false&include_expired=false\n")
    );
}

#[tokio::test]
async fn list_include_expired_is_sent_in_the_query() {
    let server = listing(example("tokens-list.json")).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list", "--include-expired"]);
    run.success();
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @"
        GET /api/v2/users/me/keys/tokens?include_all=false&include_expired=true
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        ");
    });
}

#[tokio::test]
async fn list_columns_are_matched_case_insensitively_and_kept_in_order() {
    let server = listing(example("tokens-list.json")).await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "list", "-c", "name,LAST_USED"]);
    // Without the ID column the rows keep the server's order.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        NAME                LAST USED             
        ci-pipeline         2026-11-21T17:42:05Z  
        old-laptop          2025-02-08T09:13:47Z  
        readonly-dashboard  0001-01-01T00:00:00Z  
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens?include_all=false&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        ");
    });

    let spaced = env.run(&["tokens", "list", "-c", "Last Used", "--column", "owner,id"]);
    spaced.success();
    let header = spaced.stdout.lines().next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["LAST", "USED", "OWNER", "ID"]
    );
}

#[tokio::test]
async fn list_unknown_column_is_a_usage_error_naming_the_valid_ones() {
    let server = listing(example("tokens-list.json")).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list", "-c", "name,bogus"]);
    assert_eq!(count(&server).await, 0);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r#"
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid value 'bogus' for '--column <COLUMN>'
          [possible values: id, name, scopes, allow_list, last_used, expires_at, created_at, owner]

        For more information, try '--help'.
        "#);
    });
}

#[tokio::test]
async fn list_json_has_upstream_keys_in_upstream_order() {
    let server = listing(example("tokens-list.json")).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list", "-o", "JSON", "--all"]);
    // Server order, not sorted; every element has the keys of `LIST_KEYS` in that order,
    // no username even with --all; the third token has no `scope`: it is still present,
    // as Go's empty string.
    let text = outcome(&run, &server).await;
    settings().bind(|| insta::assert_snapshot!(text));
}

#[tokio::test]
async fn list_json_shows_absent_lists_as_null() {
    let server = listing(json!([{"id": "Aa1Bb2Cc3D", "token_name": "bare"}])).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-o", "json"]);
    run.success();
    let parsed: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(parsed[0]["scopes"], Value::Null);
    assert_eq!(parsed[0]["allow_list"], Value::Null);
    assert_eq!(parsed[0]["scope"], "");
    assert_eq!(parsed[0]["last_used"], "0001-01-01T00:00:00Z");
    assert_eq!(element_keys(&run.stdout), [LIST_KEYS]);
}

#[tokio::test]
async fn list_empty_table_says_so_on_stderr_and_succeeds() {
    for body in [json!([]), Value::Null] {
        let server = listing(body.clone()).await;
        let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list"]);
        run.success();
        assert_eq!(run.stdout, "", "{body}");
        assert_eq!(run.stderr, "No tokens found.\n", "{body}");
        assert_eq!(count(&server).await, 1);
    }
}

#[tokio::test]
async fn list_empty_json_is_an_empty_array_even_for_null() {
    for body in [json!([]), Value::Null] {
        let server = listing(body.clone()).await;
        let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list", "-o", "json"]);
        run.success();
        assert_eq!(run.stdout, "[]\n", "{body}");
        assert_eq!(run.stderr, "", "{body}");
        assert_eq!(count(&server).await, 1);
    }
}

#[tokio::test]
async fn list_server_error_is_reported() {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        TOKENS,
        reply(500, json!({"message": "Internal error fetching API keys.", "detail": "pq: connection refused"})),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "list"]);
    // One request: a 500 is not retried.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: Internal error fetching API keys. (HTTP 500 Internal Server Error)
          detail: pq: connection refused
        hint: the deployment could not handle the request; retry later or ask its administrator
        --- requests ---
        GET /api/v2/users/me/keys/tokens?include_all=false&include_expired=false
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens list)
        ");
    });
}

// ---------------------------------------------------------------- create

#[tokio::test]
async fn create_text_prints_only_the_key_after_two_requests() {
    let server = creating(3_155_760_000_000_000_000).await;
    let run = Env::at(&server.uri(), SESSION).run(&[
        "tokens",
        "create",
        "--name",
        "ci",
        "--lifetime",
        "30d",
        "--scope",
        "a,b",
        "--scope",
        "c",
    ]);
    // No metadata GET for text output; the lifetime is an integer of nanoseconds.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 0
        --- stdout ---
        Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens/tokenconfig
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        POST /api/v2/users/me/keys/tokens
          coder-session-token: [SESSION]
          content-type: application/json
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
          body: {"lifetime":2592000000000000,"scopes":["a","b","c"],"token_name":"ci"}
        "#);
    });
}

#[tokio::test]
async fn create_without_lifetime_asks_for_the_server_maximum() {
    let max = 3_155_760_000_000_000_000_i64;
    let server = creating(max).await;
    let env = Env::at(&server.uri(), SESSION);
    // An empty name (`--name "$UNSET"`) is sent as upstream sends it: the server picks one.
    for args in [&["tokens", "create"][..], &["tokens", "create", "--name="]] {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stdout, format!("{KEY}\n"));
    }
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 4);
    for post in [&received[1], &received[3]] {
        let body: Value = serde_json::from_slice(&post.body).unwrap();
        // No scopes or allow list: both omitted; the name is sent even when empty.
        assert_eq!(body, json!({"lifetime": max, "token_name": ""}));
    }
}

#[tokio::test]
async fn create_lifetime_and_name_come_from_the_environment() {
    let server = creating(3_155_760_000_000_000_000).await;
    let mut env = Env::at(&server.uri(), SESSION);
    env.var("CODER_TOKEN_LIFETIME", "1d12h30m")
        .var("CODER_TOKEN_NAME", "from-env");
    env.run(&["tokens", "create"]).success();
    let post = &server.received_requests().await.unwrap()[1];
    let body: Value = serde_json::from_slice(&post.body).unwrap();
    assert_eq!(
        body,
        json!({"lifetime": 131_400_000_000_000_i64, "token_name": "from-env"})
    );
}

#[tokio::test]
async fn create_lifetime_above_the_maximum_fails_before_posting() {
    let server = creating(168 * 3_600_000_000_000).await;
    let run = Env::at(&server.uri(), SESSION).run(&[
        "tokens",
        "create",
        "--name",
        "ci",
        "--lifetime",
        "1y",
    ]);
    // Only the token config is read.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: lifetime (8760h0m0s) is greater than the maximum allowed lifetime (168h0m0s)
        hint: pass a shorter --lifetime, or omit it to get the maximum
        --- requests ---
        GET /api/v2/users/me/keys/tokens/tokenconfig
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        ");
    });
}

#[tokio::test]
async fn create_json_adds_metadata_and_the_key() {
    let server = creating(3_155_760_000_000_000_000).await;
    let run = Env::at(&server.uri(), SESSION).run(&[
        "tokens",
        "create",
        "--name",
        "ci-pipeline",
        "-o",
        "json",
    ]);
    // APIKey order (token_name between scopes and lifetime_seconds), then the key.
    let text = outcome(&run, &server).await;
    settings().bind(|| insta::assert_snapshot!(text));
}

#[tokio::test]
async fn create_json_still_prints_the_token_when_metadata_fails() {
    let server = create_answering(
        reply(200, example("tokenconfig.json")),
        reply(201, example("generate-key.json")),
    )
    .await;
    on(
        &server,
        "GET",
        &format!("{KEYS}/{KEY_ID}"),
        reply(500, json!({"message": "Internal error fetching API key."})),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "create", "-o", "json"]);
    // A warning on stderr, and the key with what is known without the metadata.
    let text = outcome(&run, &server).await;
    settings().bind(|| insta::assert_snapshot!(text));
}

#[tokio::test]
async fn create_sends_allow_list_entries() {
    let server = creating(3_155_760_000_000_000_000).await;
    // Any UUID spelling Go accepts; it is sent in canonical form.
    let allow = format!("workspace:{},template:*", WORKSPACE.to_uppercase());
    let run = Env::at(&server.uri(), SESSION).run(&[
        "tokens",
        "create",
        "-n",
        "ro",
        "--lifetime",
        "8h",
        "--scope",
        "workspace:read",
        "--allow",
        &allow,
        "--allow",
        "*:*",
    ]);
    run.success();
    let post = &server.received_requests().await.unwrap()[1];
    let body: Value = serde_json::from_slice(&post.body).unwrap();
    assert_eq!(
        body,
        json!({
            "lifetime": 28_800_000_000_000_i64,
            "scopes": ["workspace:read"],
            "token_name": "ro",
            "allow_list": [
                {"type": "workspace", "id": WORKSPACE},
                {"type": "template", "id": "*"},
                {"type": "*", "id": "*"},
            ],
        })
    );
}

#[tokio::test]
async fn create_rejects_bad_lifetimes_and_allow_entries_before_any_request() {
    let server = creating(3_155_760_000_000_000_000).await;
    let env = Env::at(&server.uri(), SESSION);
    let mut text = String::new();
    for bad in [
        &["--lifetime", "30"][..],
        &["--lifetime", "1w"],
        &["--lifetime", "1mo"],
        &["--lifetime", "1h30"],
        &["--allow", "badvalue"],
        &["--allow", "bogus:*"],
        &["--allow", "workspace:123"],
        &["--allow", ""],
    ] {
        let mut args = vec!["tokens", "create", "--name", "x"];
        args.extend_from_slice(bad);
        let run = env.run(&args);
        run.failure(2);
        assert_eq!(run.stdout, "");
        text.push_str(&format!("$ {}\n{}\n", bad.join(" "), run.stderr));
    }
    assert_eq!(count(&server).await, 0);
    settings().bind(|| insta::assert_snapshot!(text));
}

/// A deployment that creates tokens for bob, and for nobody else.
async fn creating_for_bob() -> MockServer {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        "/api/v2/users/bob/keys/tokens/tokenconfig",
        reply(200, example("tokenconfig.json")),
    )
    .await;
    on(
        &server,
        "POST",
        "/api/v2/users/bob/keys/tokens",
        reply(201, example("generate-key.json")),
    )
    .await;
    on(
        &server,
        "GET",
        &format!("/api/v2/users/bob/keys/{KEY_ID}"),
        reply(200, example("token.json")),
    )
    .await;
    server
}

#[tokio::test]
async fn create_for_another_user_uses_their_paths() {
    let server = creating_for_bob().await;
    let run = Env::at(&server.uri(), SESSION)
        .run(&["tokens", "create", "--user", "bob", "-n", "b", "-o", "json"]);
    run.success();
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @r#"
        GET /api/v2/users/bob/keys/tokens/tokenconfig
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        POST /api/v2/users/bob/keys/tokens
          coder-session-token: [SESSION]
          content-type: application/json
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
          body: {"lifetime":3155760000000000000,"token_name":"b"}
        GET /api/v2/users/bob/keys/Xk2m9QpR7a
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        "#);
    });
}

#[tokio::test]
async fn create_takes_the_user_from_coder_token_user() {
    let server = creating_for_bob().await;
    let mut env = Env::at(&server.uri(), SESSION);
    env.var("CODER_TOKEN_USER", "bob");
    let run = env.run(&["tokens", "create", "-n", "b"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 0
        --- stdout ---
        Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J
        --- stderr ---
        --- requests ---
        GET /api/v2/users/bob/keys/tokens/tokenconfig
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        POST /api/v2/users/bob/keys/tokens
          coder-session-token: [SESSION]
          content-type: application/json
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
          body: {"lifetime":3155760000000000000,"token_name":"b"}
        "#);
    });
}

#[tokio::test]
async fn create_duplicate_name_shows_the_message_and_validation() {
    let server = create_answering(
        reply(200, example("tokenconfig.json")),
        reply(409, example("error-409-conflict.json")),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "create", "--name", "ci-pipeline"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: create token: A token with name "ci-pipeline" already exists. (HTTP 409 Conflict)
          name: This value is already in use and should be unique.
        --- requests ---
        GET /api/v2/users/me/keys/tokens/tokenconfig
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
        POST /api/v2/users/me/keys/tokens
          coder-session-token: [SESSION]
          content-type: application/json
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens create)
          body: {"lifetime":3155760000000000000,"token_name":"ci-pipeline"}
        "#);
    });
}

#[tokio::test]
async fn create_server_errors_are_explained() {
    let html = ResponseTemplate::new(502).set_body_raw(
        "<!DOCTYPE html><html><head><title>Sign in - Corp SSO</title></head><body>x</body></html>",
        "text/html; charset=utf-8",
    );
    let cases = [
        (
            "400 with detail on POST",
            "POST",
            reply(
                400,
                json!({"message": "Failed to create API key.", "detail": "invalid or unsupported API key scope: \"bogus\""}),
            ),
        ),
        (
            "401 on token config",
            "CONFIG",
            reply(
                401,
                json!({"message": "You are signed out or your session has expired. Please sign in again to continue."}),
            ),
        ),
        (
            "500 on POST",
            "POST",
            reply(500, json!({"message": "Internal error creating API key."})),
        ),
        ("HTML on POST", "POST", html),
    ];
    let mut text = String::new();
    for (title, failing, response) in cases {
        let server = MockServer::start().await;
        let config = format!("{TOKENS}/tokenconfig");
        if failing == "CONFIG" {
            on(&server, "GET", &config, response).await;
        } else {
            on(
                &server,
                "GET",
                &config,
                reply(200, example("tokenconfig.json")),
            )
            .await;
            on(&server, "POST", TOKENS, response).await;
        }
        let run = Env::at(&server.uri(), SESSION)
            .run(&["tokens", "create", "-n", "x", "--scope", "bogus"]);
        // The requests show that a POST is never retried.
        text.push_str(&format!("# {title}\n{}\n", outcome(&run, &server).await));
    }
    settings().bind(|| insta::assert_snapshot!(text));
}

// ---------------------------------------------------------------- view

#[tokio::test]
async fn view_by_name_json_is_a_one_element_array_from_one_request() {
    let server = MockServer::start().await;
    serve_ci_pipeline_by_name(&server).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "ci-pipeline", "-o", "json"]);
    // The keys of `LIST_KEYS`, in that order.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 0
        --- stdout ---
        [
          {
            "id": "Xk2m9QpR7a",
            "user_id": "7a2c2c40-8fc7-40a0-a581-338adc09d3fc",
            "last_used": "2026-11-21T17:42:05.918273Z",
            "expires_at": "2036-02-28T08:00:12.345678Z",
            "created_at": "2026-03-02T08:00:12.345678Z",
            "updated_at": "2026-11-21T17:42:05.918273Z",
            "login_type": "token",
            "scope": "all",
            "scopes": [
              "coder:all"
            ],
            "lifetime_seconds": 315360000,
            "allow_list": [
              {
                "type": "*",
                "id": "*"
              }
            ],
            "token_name": "ci-pipeline"
          }
        ]
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        "#);
    });
}

#[tokio::test]
async fn view_table_fills_the_owner_with_one_more_request() {
    let server = MockServer::start().await;
    serve_ci_pipeline_by_name(&server).await;
    on(
        &server,
        "GET",
        &format!("/api/v2/users/{ALICE_ID}"),
        reply(200, example("user-me.json")),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "ci-pipeline"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        ID          NAME         SCOPES     ALLOW LIST  LAST USED             EXPIRES AT            CREATED AT            OWNER  
        Xk2m9QpR7a  ci-pipeline  coder:all  *:*         2026-11-21T17:42:05Z  2036-02-28T08:00:12Z  2026-03-02T08:00:12Z  alice  
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        GET /api/v2/users/7a2c2c40-8fc7-40a0-a581-338adc09d3fc
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        ");
    });
}

#[tokio::test]
async fn view_without_owner_column_skips_the_user_request() {
    let server = MockServer::start().await;
    serve_ci_pipeline_by_name(&server).await;
    let run =
        Env::at(&server.uri(), SESSION).run(&["tokens", "view", "ci-pipeline", "-c", "id,name"]);
    run.success();
    assert_eq!(
        run.stdout,
        "ID          NAME         \nXk2m9QpR7a  ci-pipeline  \n"
    );
    assert_eq!(count(&server).await, 1);
}

#[tokio::test]
async fn view_full_token_sends_only_its_id() {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        &format!("{KEYS}/{KEY_ID}"),
        reply(200, example("token.json")),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", KEY, "-o", "json"]);
    run.success();
    assert!(!run.stdout.contains(KEY_SECRET) && !run.stderr.contains(KEY_SECRET));
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @"
        GET /api/v2/users/me/keys/Xk2m9QpR7a
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        ");
    });
}

#[tokio::test]
async fn view_full_token_not_found_never_shows_the_secret() {
    let server = MockServer::start().await;
    on(&server, "GET", &format!("{KEYS}/{KEY_ID}"), not_found()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", KEY]);
    run.failure(1);
    assert_eq!(count(&server).await, 1);
    assert!(!run.stderr.contains(KEY_SECRET), "{}", run.stderr);
    assert!(!requests(&server).await.contains(KEY_SECRET));
    assert!(run.stderr.contains(KEY_ID), "{}", run.stderr);
}

#[tokio::test]
async fn view_falls_back_to_the_id_before_the_first_dash() {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        &format!("{TOKENS}/{KEY_ID}-renamed-x"),
        not_found(),
    )
    .await;
    on(
        &server,
        "GET",
        &format!("{KEYS}/{KEY_ID}"),
        reply(200, example("token.json")),
    )
    .await;
    let arg = format!("{KEY_ID}-renamed-x");
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", &arg, "-o", "json"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| insta::assert_snapshot!(text));
}

#[tokio::test]
async fn view_neither_name_nor_id_is_a_clear_error() {
    let server = MockServer::start().await;
    on(&server, "GET", &format!("{TOKENS}/my-token"), not_found()).await;
    on(&server, "GET", &format!("{KEYS}/my"), not_found()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "my-token"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: token "my-token" not found: it is neither the name nor the ID of one of your tokens
        hint: list your tokens with 'coder tokens ls' (add --all for everyone's)
        --- requests ---
        GET /api/v2/users/me/keys/tokens/my-token
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        GET /api/v2/users/me/keys/my
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        "#);
    });
}

#[tokio::test]
async fn view_reports_other_name_lookup_failures_without_trying_the_id() {
    let cases = [
        (
            "401",
            reply(
                401,
                json!({"message": "You are signed out or your session has expired. Please sign in again to continue."}),
            ),
        ),
        (
            "500",
            reply(500, json!({"message": "Internal error fetching API key."})),
        ),
    ];
    let mut text = String::new();
    for (title, response) in cases {
        let server = MockServer::start().await;
        on(&server, "GET", &format!("{TOKENS}/ci-pipeline"), response).await;
        on(
            &server,
            "GET",
            &format!("{KEYS}/ci"),
            reply(200, example("token.json")),
        )
        .await;
        let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "ci-pipeline"]);
        // One request each: no ID fallback.
        text.push_str(&format!("# {title}\n{}\n", outcome(&run, &server).await));
    }
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        # 401
        exit: 1
        --- stdout ---
        --- stderr ---
        error: look up token "ci-pipeline": You are signed out or your session has expired. Please sign in again to continue. (HTTP 401 Unauthorized)
        hint: your session is missing or has expired; log in again with 'coder login http://[HOST]'
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)

        # 500
        exit: 1
        --- stdout ---
        --- stderr ---
        error: look up token "ci-pipeline": Internal error fetching API key. (HTTP 500 Internal Server Error)
        hint: the deployment could not handle the request; retry later or ask its administrator
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        "#);
    });
}

#[tokio::test]
async fn view_percent_encodes_names_in_the_path() {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        &format!("{TOKENS}/a%2Fb%3Fc%23d%20e"),
        reply(200, example("token.json")),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "view", "a/b?c#d e", "-o", "json"]);
    run.success();
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @"
        GET /api/v2/users/me/keys/tokens/a%2Fb%3Fc%23d%20e
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens view)
        ");
    });
}

#[tokio::test]
async fn view_rejects_surrounding_whitespace_and_control_characters() {
    let server = MockServer::start().await;
    let env = Env::at(&server.uri(), SESSION);
    let mut text = String::new();
    for bad in [
        " ci-pipeline",
        "ci-pipeline\n",
        "ci\tpipeline",
        "ci\u{7}",
        "",
    ] {
        let run = env.run(&["tokens", "view", bad]);
        run.failure(2);
        text.push_str(&format!("$ {bad:?}\n{}\n", run.stderr));
    }
    let padded = format!(" {KEY}");
    let run = env.run(&["tokens", "rm", &padded]);
    run.failure(2);
    text.push_str(&format!("$ rm \" <full token>\"\n{}\n", run.stderr));
    // One bad argument stops the whole command before anything is removed.
    env.run(&["tokens", "rm", "ci-pipeline", "old-laptop\r"])
        .failure(2);
    assert_eq!(count(&server).await, 0);
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        $ " ci-pipeline"
        error: invalid token name or ID " ci-pipeline": it has surrounding whitespace or control characters
        hint: pass the name or ID exactly as 'coder tokens ls' shows it

        $ "ci-pipeline\n"
        error: invalid token name or ID "ci-pipeline\n": it has surrounding whitespace or control characters
        hint: pass the name or ID exactly as 'coder tokens ls' shows it

        $ "ci\tpipeline"
        error: invalid token name or ID "ci\tpipeline": it has surrounding whitespace or control characters
        hint: pass the name or ID exactly as 'coder tokens ls' shows it

        $ "ci\u{7}"
        error: invalid token name or ID "ci\u{7}": it has surrounding whitespace or control characters
        hint: pass the name or ID exactly as 'coder tokens ls' shows it

        $ ""
        error: the token name or ID is empty
        hint: list your tokens with 'coder tokens ls'

        $ rm " <full token>"
        error: invalid token name or ID Xk2m9QpR7a-***: it has surrounding whitespace or control characters
        hint: pass the name or ID exactly as 'coder tokens ls' shows it
        "#);
    });
}

// ---------------------------------------------------------------- remove

/// A deployment knowing `ci-pipeline` by name and `Xk2m9QpR7a` by ID, expiring and
/// deleting it.
async fn removing() -> MockServer {
    let server = MockServer::start().await;
    serve_ci_pipeline_by_name(&server).await;
    on(
        &server,
        "PUT",
        &format!("{KEYS}/{KEY_ID}/expire"),
        no_content(),
    )
    .await;
    on(&server, "DELETE", &format!("{KEYS}/{KEY_ID}"), no_content()).await;
    server
}

#[tokio::test]
async fn remove_expires_by_default() {
    let server = removing().await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "remove", "ci-pipeline"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        Token has been expired.
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        PUT /api/v2/users/me/keys/Xk2m9QpR7a/expire
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        ");
    });
}

#[tokio::test]
async fn remove_delete_hard_deletes() {
    let server = removing().await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "rm", "--delete", "ci-pipeline"]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        Token has been deleted.
        --- stderr ---
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        DELETE /api/v2/users/me/keys/Xk2m9QpR7a
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        ");
    });
}

#[tokio::test]
async fn remove_delete_alias_still_expires() {
    let server = removing().await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "delete", "ci-pipeline"]);
    run.success();
    assert_eq!(run.stdout, "Token has been expired.\n");
    let reqs = requests(&server).await;
    assert!(
        reqs.contains("PUT /api/v2/users/me/keys/Xk2m9QpR7a/expire\n"),
        "{reqs}"
    );
    assert!(!reqs.contains("DELETE"), "{reqs}");
}

#[tokio::test]
async fn remove_full_token_uses_only_its_id_and_never_prints_it() {
    let server = removing().await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "rm", KEY]);
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @"
        exit: 0
        --- stdout ---
        Token has been expired.
        --- stderr ---
        --- requests ---
        PUT /api/v2/users/me/keys/Xk2m9QpR7a/expire
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        ");
    });
}

#[tokio::test]
async fn remove_several_attempts_every_argument_and_names_the_failures() {
    let server = removing().await;
    let second = "Q4vHs8ZcY1-Rr5Tt6Yy7Uu8Ii9Oo0Pp1A";
    on(
        &server,
        "PUT",
        "/api/v2/users/me/keys/Q4vHs8ZcY1/expire",
        no_content(),
    )
    .await;
    on(&server, "GET", &format!("{TOKENS}/gone"), not_found()).await;
    on(&server, "GET", &format!("{KEYS}/gone"), not_found()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "rm", "ci-pipeline", "gone", second]);
    // ci-pipeline: name + PUT; gone: name + ID; the full token: PUT by its ID only.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 1
        --- stdout ---
        Token "ci-pipeline" (Xk2m9QpR7a) has been expired.
        Token Q4vHs8ZcY1 has been expired.
        --- stderr ---
        error: expire token "gone": token "gone" not found: it is neither the name nor the ID of one of your tokens
        hint: list your tokens with 'coder tokens ls' (add --all for everyone's)
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        PUT /api/v2/users/me/keys/Xk2m9QpR7a/expire
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        GET /api/v2/users/me/keys/tokens/gone
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        GET /api/v2/users/me/keys/gone
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        PUT /api/v2/users/me/keys/Q4vHs8ZcY1/expire
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        "#);
    });
}

#[tokio::test]
async fn remove_without_expire_route_hints_at_delete_and_does_not_delete() {
    let server = MockServer::start().await;
    serve_ci_pipeline_by_name(&server).await;
    on(
        &server,
        "PUT",
        &format!("{KEYS}/{KEY_ID}/expire"),
        reply(404, json!({"message": "Route not found."})),
    )
    .await;
    on(&server, "DELETE", &format!("{KEYS}/{KEY_ID}"), no_content()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "rm", "ci-pipeline"]);
    // No DELETE is sent.
    let text = outcome(&run, &server).await;
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: expire token "ci-pipeline": this deployment cannot expire tokens (it has no expire endpoint)
        hint: the deployment predates token expiry; use 'coder tokens rm --delete' to delete the token instead
        --- requests ---
        GET /api/v2/users/me/keys/tokens/ci-pipeline
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        PUT /api/v2/users/me/keys/Xk2m9QpR7a/expire
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder tokens remove)
        "#);
    });
}

#[tokio::test]
async fn the_tokenconfig_route_is_never_taken_for_a_token() {
    let server = MockServer::start().await;
    on(
        &server,
        "GET",
        &format!("{TOKENS}/tokenconfig"),
        reply(200, example("tokenconfig.json")),
    )
    .await;
    on(&server, "GET", &format!("{KEYS}/tokenconfig"), not_found()).await;
    let env = Env::at(&server.uri(), SESSION);
    let view = env.run(&["tokens", "view", "tokenconfig"]);
    view.failure(1);
    assert!(
        view.stderr
            .contains("no token can be found by the name \"tokenconfig\""),
        "{}",
        view.stderr
    );
    let rm = env.run(&["tokens", "rm", "tokenconfig"]);
    rm.failure(1);
    let reqs = requests(&server).await;
    assert!(!reqs.contains("PUT") && !reqs.contains("DELETE"), "{reqs}");
    assert_eq!(count(&server).await, 4);
}

#[test]
fn tokens_without_a_subcommand_prints_help_with_examples() {
    let run = Env::new().run(&["tokens"]);
    run.success();
    for example in [
        "coder tokens create",
        "coder tokens ls",
        "--scope",
        "coder tokens rm",
    ] {
        assert!(run.stdout.contains(example), "{example}: {}", run.stdout);
    }
    for command in ["create", "list", "view", "remove"] {
        assert!(run.stdout.contains(command), "{command}");
    }
}

#[test]
fn the_example_key_has_the_full_token_shape() {
    // Guards the premise of the full-token tests above.
    let (id, secret) = KEY.split_once('-').unwrap();
    assert_eq!((id.len(), secret.len()), (10, 22));
    assert_eq!(example("generate-key.json")["key"], KEY);
    assert_eq!(example("token.json")["id"], KEY_ID);
}

/// A name written with an escape (Go writes `&` as `\u0026`) after plain ones: the table
/// shows it unescaped and JSON as Go escapes it, every key once.
#[tokio::test]
async fn an_escaped_name_in_a_list_is_shown_unescaped_and_written_as_go_escapes_it() {
    let server = MockServer::start().await;
    let body = r#"[{"id":"a1","token_name":"first"},{"id":"b2","token_name":"second"},{"id":"c3","token_name":"fish \u0026 chips"}]"#;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let table = env.run(&["tokens", "ls", "-c", "id,name"]);
    let json = env.run(&["tokens", "ls", "-o", "json"]);
    settings().bind(|| {
        insta::assert_snapshot!(table.stdout, @r"
        ID  NAME          
        a1  first         
        b2  second        
        c3  fish & chips  
        ");
    });
    assert_eq!(json.stdout.matches("\"id\"").count(), 3, "{}", json.stdout);
    assert!(
        json.stdout.contains("fish \\u0026 chips"),
        "{}",
        json.stdout
    );
}
