//! Every response body validates against its definition in the OpenAPI excerpt
//! (`tests/fixtures/coder-api/`).

use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::client::{Client, Response, sandbox};

const OPENAPI: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/coder-api/openapi-tokens.json"
);

fn definitions() -> &'static Value {
    static DEFINITIONS: OnceLock<Value> = OnceLock::new();
    DEFINITIONS.get_or_init(|| {
        let text = std::fs::read_to_string(OPENAPI).expect("the OpenAPI excerpt is readable");
        serde_json::from_str::<Value>(&text).unwrap()["definitions"].take()
    })
}

/// A reference to `codersdk.<name>`.
fn definition(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/codersdk.{name}") })
}

/// Asserts that `instance` matches `schema` (JSON Schema draft 4, formats checked), which
/// may refer to the OpenAPI definitions.
fn assert_matches(schema: Value, instance: &Value) {
    let errors = violations(schema, instance);
    assert!(errors.is_empty(), "{errors:#?}\n{instance:#}");
}

fn violations(mut schema: Value, instance: &Value) -> Vec<String> {
    schema["definitions"] = definitions().clone();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn the_check_rejects_malformed_bodies() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/coder-api/examples/token.json"
    );
    let mut token: Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    assert_matches(definition("APIKey"), &token);
    token["created_at"] = json!("yesterday");
    token["scopes"] = json!(["bogus"]);
    token.as_object_mut().unwrap().remove("user_id");
    let errors = violations(definition("APIKey"), &token);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// Asserts a JSON response with `status` whose body matches `schema`; returns the body.
fn assert_response(response: &Response, status: u16, schema: Value) -> Value {
    assert_eq!(response.status, status, "{}", response.body);
    assert_eq!(response.content_type.as_deref(), Some("application/json"));
    let body = response.json();
    assert_matches(schema, &body);
    body
}

#[test]
fn buildinfo() {
    let sandbox = sandbox();
    let body = assert_response(
        &Client::new(&sandbox, None).get("/api/v2/buildinfo"),
        200,
        definition("BuildInfoResponse"),
    );
    assert_eq!(body["dashboard_url"], sandbox.url());
}

#[test]
fn users() {
    let sandbox = sandbox();
    let client = Client::owner(&sandbox);
    for target in ["/api/v2/users/me", "/api/v2/users/bob"] {
        assert_response(&client.get(target), 200, definition("User"));
    }
}

#[test]
fn token_list_items() {
    let sandbox = sandbox();
    let client = Client::owner(&sandbox);
    client.create_token(r#"{"token_name":"fresh"}"#);
    let response = client.get("/api/v2/users/me/keys/tokens?include_all=true&include_expired=true");
    let schema = json!({ "type": "array", "items": definition("APIKeyWithOwner") });
    let tokens = assert_response(&response, 200, schema);
    assert_eq!(tokens.as_array().unwrap().len(), 6);
}

#[test]
fn token_by_name_and_by_id() {
    let sandbox = sandbox();
    let client = Client::owner(&sandbox);
    let session = format!("/api/v2/users/me/keys/{}", &sandbox.owner_token()[..10]);
    for target in [
        "/api/v2/users/me/keys/tokens/readonly-dashboard",
        "/api/v2/users/me/keys/Q4vHs8ZcY1",
        "/api/v2/users/alice/keys/tokens/old-laptop",
        &session,
    ] {
        assert_response(&client.get(target), 200, definition("APIKey"));
    }
}

#[test]
fn create_responses() {
    let sandbox = sandbox();
    let client = Client::owner(&sandbox);
    let request = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/coder-api/examples/create-token-request.json"
    ))
    .unwrap();
    assert_matches(
        definition("CreateTokenRequest"),
        &serde_json::from_str(&request).unwrap(),
    );
    // The example asks for 5 years, more than an owner may have; bob may.
    let response = client.post("/api/v2/users/bob/keys/tokens", &request);
    assert_response(&response, 201, definition("GenerateAPIKeyResponse"));
    assert_response(
        &client.post("/api/v2/users/me/keys", ""),
        201,
        definition("GenerateAPIKeyResponse"),
    );
}

#[test]
fn tokenconfig() {
    let sandbox = sandbox();
    let response = Client::owner(&sandbox).get("/api/v2/users/me/keys/tokens/tokenconfig");
    assert_response(&response, 200, definition("TokenConfig"));
}

#[test]
fn error_bodies() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let cases = [
        (Client::new(&sandbox, None).get("/api/v2/users/me"), 401),
        (owner.get("/api/v2/users/nobody"), 404),
        (owner.get("/api/v2/no/such/route"), 404),
        (owner.send("DELETE", "/api/v2/buildinfo", None), 405),
        (
            owner.post(
                "/api/v2/users/me/keys/tokens",
                r#"{"token_name":"ci-pipeline"}"#,
            ),
            409,
        ),
        (
            owner.post("/api/v2/users/me/keys/tokens", r#"{"scopes":["bogus"]}"#),
            400,
        ),
        (owner.post("/api/v2/users/me/keys/tokens", "{"), 400),
        (
            owner.get("/api/v2/users/me/keys/tokens?include_all=maybe"),
            400,
        ),
        (
            owner.send("PUT", "/api/v2/users/me/keys/NoSuchKey0/expire", None),
            404,
        ),
    ];
    for (response, status) in cases {
        let body = assert_response(&response, status, definition("Response"));
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
}
