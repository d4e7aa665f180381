//! Coder's server behaviour as the CLI relies on it (reference §8).

use std::time::{Duration, Instant};

use coder_sandbox::{Config, LoggedRequest};
use serde_json::{Value, json};

use crate::client::{Client, names, sandbox, start};

const TOKENS: &str = "/api/v2/users/me/keys/tokens";
const SIGNED_OUT: &str =
    "You are signed out or your session has expired. Please sign in again to continue.";
const NOT_FOUND: &str = "Resource not found or you do not have access to this resource";

fn message(response: &crate::client::Response) -> Value {
    response.json()["message"].take()
}

#[test]
fn requests_without_a_valid_session_are_401() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let expired = owner.create_token(r#"{"token_name":"short-lived"}"#);
    let id = &expired[..10];
    assert_eq!(
        owner
            .send("PUT", &format!("/api/v2/users/me/keys/{id}/expire"), None)
            .status,
        204
    );

    for token in [
        None,
        Some(""),
        Some("nope"),
        Some("Xk2m9QpR7a-wrongsecretwrongsecret00"),
        Some(expired.as_str()),
    ] {
        let response = Client::new(&sandbox, token.map(String::from)).get("/api/v2/users/me");
        assert_eq!(response.status, 401, "token {token:?}");
        assert_eq!(response.json(), json!({ "message": SIGNED_OUT }));
    }
    // buildinfo and users/first need no session.
    let anonymous = Client::new(&sandbox, None);
    assert_eq!(
        anonymous.get_json("/api/v2/buildinfo")["version"],
        "v2.31.0-sandbox"
    );
    assert!(anonymous.get_json("/api/v2/users/first")["message"].is_string());
}

#[test]
fn api_tokens_authenticate_and_record_their_use() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let key = owner.create_token(r#"{"token_name":"scripted"}"#);
    let (id, secret) = key.split_once('-').unwrap();
    assert!(
        id.len() == 10
            && secret.len() == 22
            && key.chars().all(|c| c == '-' || c.is_ascii_alphanumeric())
    );
    assert_eq!(
        owner.get_json(&format!("{TOKENS}/scripted"))["last_used"],
        "0001-01-01T00:00:00Z"
    );

    let as_token = Client::new(&sandbox, Some(key.clone()));
    assert_eq!(as_token.get_json("/api/v2/users/me")["username"], "alice");
    assert_ne!(
        owner.get_json(&format!("{TOKENS}/scripted"))["last_used"],
        "0001-01-01T00:00:00Z"
    );
}

#[test]
fn created_tokens_get_coder_defaults() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let key = owner.create_token(r#"{"token_name":"","lifetime":0}"#);
    let token = owner.get_json(&format!("/api/v2/users/me/keys/{}", &key[..10]));
    let name = token["token_name"].as_str().unwrap();
    let (adjective, surname) = name.split_once('_').expect("a docker-style name");
    assert!(
        !adjective.is_empty() && surname.chars().all(|c| c.is_ascii_alphanumeric()),
        "{name}"
    );
    assert_eq!(token["lifetime_seconds"], 7 * 24 * 3600);
    assert_eq!(token["login_type"], "token");
    assert_eq!(token["scopes"], json!(["coder:all"]));
    assert_eq!(token["scope"], "all");
    assert_eq!(token["allow_list"], json!([{ "type": "*", "id": "*" }]));

    let key = owner.create_token(
        r#"{"token_name":"narrow","lifetime":3600000000000,"scopes":["workspace:ssh"],
            "allow_list":[{"type":"workspace","id":"dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5"}]}"#,
    );
    let token = owner.get_json(&format!("{TOKENS}/narrow"));
    assert_eq!(token["id"], key[..10]);
    assert_eq!(token["lifetime_seconds"], 3600);
    assert_eq!(token["scopes"], json!(["workspace:ssh"]));
    assert!(token.get("scope").is_none());
    assert_eq!(token["allow_list"][0]["type"], "workspace");
}

#[test]
fn duplicate_names_conflict() {
    let sandbox = sandbox();
    let response = Client::owner(&sandbox).post(TOKENS, r#"{"token_name":"ci-pipeline"}"#);
    assert_eq!(response.status, 409);
    let example = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/coder-api/examples/error-409-conflict.json"
    ));
    assert_eq!(
        response.json(),
        serde_json::from_str::<Value>(example).unwrap()
    );
    // The same name is free for another user.
    assert_eq!(
        Client::member(&sandbox)
            .post(TOKENS, r#"{"token_name":"ci-pipeline"}"#)
            .status,
        201
    );
}

#[test]
fn invalid_create_requests_are_400() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let cases = [
        (
            r#"{"scopes":["workspace:read","bogus"]}"#,
            "Failed to create API key.",
            "invalid or unsupported API key scope: \"bogus\"",
        ),
        (
            r#"{"allow_list":[{"type":"planet","id":"*"}]}"#,
            "Failed to create API key.",
            "unknown resource type \"planet\"",
        ),
        (
            r#"{"lifetime":-1}"#,
            "Failed to validate create API key request.",
            "lifetime must be positive number greater than 0",
        ),
        (
            r#"{"lifetime":604800000000001}"#,
            "Failed to validate create API key request.",
            "lifetime must be less than 168h0m0s",
        ),
    ];
    for (body, message, detail) in cases {
        let response = owner.post(TOKENS, body);
        assert_eq!(response.status, 400, "{body}");
        assert_eq!(
            response.json(),
            json!({ "message": message, "detail": detail }),
            "{body}"
        );
    }
    let response = owner.post(TOKENS, "not json");
    assert_eq!(
        (response.status, message(&response)),
        (400, json!("Request body must be valid JSON."))
    );
}

#[test]
fn token_config_is_the_target_users_maximum() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let hours = |h: i64| json!({ "max_token_lifetime": h * 3_600_000_000_000 });
    assert_eq!(owner.get_json(&format!("{TOKENS}/tokenconfig")), hours(168));
    assert_eq!(
        owner.get_json("/api/v2/users/bob/keys/tokens/tokenconfig"),
        hours(876_600)
    );
    assert_eq!(
        Client::member(&sandbox).get_json(&format!("{TOKENS}/tokenconfig")),
        hours(876_600)
    );
}

#[test]
fn expired_tokens_are_listed_only_on_request() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let listing = |include_expired: bool| {
        owner.get_json(&format!(
            "{TOKENS}?include_all=false&include_expired={include_expired}"
        ))
    };
    assert_eq!(
        names(&listing(false)),
        ["ci-pipeline", "readonly-dashboard"]
    );
    assert_eq!(
        names(&listing(true)),
        ["old-laptop", "ci-pipeline", "readonly-dashboard"]
    );

    assert_eq!(
        owner
            .send("PUT", "/api/v2/users/me/keys/Xk2m9QpR7a/expire", None)
            .status,
        204
    );
    assert_eq!(names(&listing(false)), ["readonly-dashboard"]);
    let listed = listing(true);
    let expired = &listed[1];
    assert_eq!(expired["token_name"], "ci-pipeline");
    assert_eq!(expired["expires_at"], expired["updated_at"]);
    // Expiring again is fine.
    assert_eq!(
        owner
            .send("PUT", "/api/v2/users/me/keys/Xk2m9QpR7a/expire", None)
            .status,
        204
    );
}

#[test]
fn deleted_tokens_are_gone() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    assert_eq!(
        owner
            .send("DELETE", "/api/v2/users/me/keys/Xk2m9QpR7a", None)
            .status,
        204
    );
    let response = owner.get("/api/v2/users/me/keys/Xk2m9QpR7a");
    assert_eq!(
        (response.status, message(&response)),
        (404, json!(NOT_FOUND))
    );
    assert_eq!(owner.get(&format!("{TOKENS}/ci-pipeline")).status, 404);
    assert_eq!(
        owner
            .send("DELETE", "/api/v2/users/me/keys/Xk2m9QpR7a", None)
            .status,
        404
    );
    assert!(
        !names(&owner.get_json(&format!("{TOKENS}?include_expired=true"))).contains(&"ci-pipeline")
    );
}

#[test]
fn members_cannot_reach_other_users() {
    let sandbox = sandbox();
    let bob = Client::member(&sandbox);
    for (method, target) in [
        ("GET", "/api/v2/users/me/keys/Xk2m9QpR7a"),
        ("PUT", "/api/v2/users/me/keys/Xk2m9QpR7a/expire"),
        ("DELETE", "/api/v2/users/me/keys/Xk2m9QpR7a"),
        ("GET", "/api/v2/users/alice"),
        ("GET", "/api/v2/users/7a2c2c40-8fc7-40a0-a581-338adc09d3fc"),
        ("GET", "/api/v2/users/alice/keys/tokens"),
        ("GET", "/api/v2/users/alice/keys/tokens/ci-pipeline"),
        ("GET", "/api/v2/users/me/keys/tokens/ci-pipeline"),
    ] {
        let response = bob.send(method, target, None);
        assert_eq!(
            (response.status, message(&response)),
            (404, json!(NOT_FOUND)),
            "{method} {target}"
        );
    }
    // Nothing changed, and include_all shows a member only their own tokens.
    let all = bob.get_json(&format!("{TOKENS}?include_all=true&include_expired=true"));
    assert_eq!(names(&all), ["bob-laptop", "staging-deploy"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|t| t["username"] == "bob")
    );
    assert_eq!(
        names(&Client::owner(&sandbox).get_json(TOKENS)),
        ["ci-pipeline", "readonly-dashboard"]
    );
}

#[test]
fn owners_reach_everyone() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    // By id the `{user}` segment does not have to be the key's owner.
    let token = owner.get_json("/api/v2/users/me/keys/Bb4kLp9XqZ");
    assert_eq!(token["user_id"], "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    assert_eq!(
        owner.get_json("/api/v2/users/bob/keys/tokens/staging-deploy")["id"],
        "Zq8RtY2wNc"
    );
    assert_eq!(
        owner.get_json("/api/v2/users/c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f")["username"],
        "bob"
    );
    assert_eq!(
        names(&owner.get_json("/api/v2/users/bob/keys/tokens")),
        ["bob-laptop", "staging-deploy"]
    );

    let all = owner.get_json(&format!("{TOKENS}?include_all=true&include_expired=true"));
    let owners: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["token_name"].as_str().unwrap(),
                t["username"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        owners,
        [
            ("old-laptop", "alice"),
            ("bob-laptop", "bob"),
            ("ci-pipeline", "alice"),
            ("staging-deploy", "bob"),
            ("readonly-dashboard", "alice"),
        ]
    );

    // An owner may create tokens for, and expire tokens of, other users.
    let response = owner.post(
        "/api/v2/users/bob/keys/tokens",
        r#"{"token_name":"for-bob"}"#,
    );
    assert_eq!(response.status, 201);
    assert_eq!(
        owner
            .send("PUT", "/api/v2/users/me/keys/Bb4kLp9XqZ/expire", None)
            .status,
        204
    );
    assert_eq!(
        names(&Client::member(&sandbox).get_json(TOKENS)),
        ["staging-deploy", "for-bob"]
    );
}

#[test]
fn session_keys_and_logout() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let response = owner.post("/api/v2/users/me/keys", "");
    assert_eq!(response.status, 201);
    let session = response.json()["key"].as_str().unwrap().to_owned();
    let key = owner.get_json(&format!("/api/v2/users/me/keys/{}", &session[..10]));
    assert_eq!(key["login_type"], "password");
    assert_eq!(
        names(&owner.get_json(&format!("{TOKENS}?include_expired=true"))).len(),
        3
    );

    let client = Client::new(&sandbox, Some(session));
    assert_eq!(client.get_json("/api/v2/users/me")["username"], "alice");
    let response = client.post("/api/v2/users/logout", "");
    assert_eq!(
        response.json(),
        json!({ "message": "You've been logged out!" })
    );
    assert_eq!(client.get("/api/v2/users/me").status, 401);
    assert_eq!(owner.get("/api/v2/users/me").status, 200);
}

/// `GET /users/{user}/keys/{id}` answers for session keys as for tokens, as Coder's
/// does (`coder login status` reads its own key so): a login's key and one minted
/// through the API, each user their own, owners anyone's.
#[test]
fn session_keys_are_read_by_id_like_any_key() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let member = Client::member(&sandbox);
    let minted = owner.post("/api/v2/users/me/keys", "").json()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let day = 24 * 3600;
    for (client, token, lifetime) in [
        (&owner, sandbox.owner_token(), day),
        (&member, sandbox.member_token(), day),
        (&owner, minted, 7 * day),
    ] {
        let key = client.get_json(&format!("/api/v2/users/me/keys/{}", &token[..10]));
        assert_eq!(key["id"], token[..10], "{key}");
        assert_eq!(key["login_type"], "password", "{key}");
        assert_eq!(key["token_name"], "", "{key}");
        assert_eq!(key["lifetime_seconds"], lifetime, "{key}");
        assert_eq!(key["scopes"], json!(["coder:all"]), "{key}");
        assert_eq!(
            key["allow_list"],
            json!([{ "type": "*", "id": "*" }]),
            "{key}"
        );
        assert!(
            key.get("secret").is_none() && key.get("key").is_none(),
            "{key}"
        );
    }
    let owners = format!("/api/v2/users/me/keys/{}", &sandbox.owner_token()[..10]);
    assert_eq!(member.get(&owners).status, 404);
    let members = format!("/api/v2/users/me/keys/{}", &sandbox.member_token()[..10]);
    assert_eq!(owner.get(&members).status, 200);
}

#[test]
fn routing_and_path_decoding() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    let route_not_found = json!({ "message": "Route not found." });
    for target in [
        "/api/v2/nope",
        "/api/v3/buildinfo",
        "/api/v2/users/me/keys/tokens/a/b",
        "/api/v2/users//keys",
    ] {
        let response = owner.get(target);
        assert_eq!(
            (response.status, response.json()),
            (404, route_not_found.clone()),
            "{target}"
        );
    }
    assert_eq!(
        owner.send("POST", "/api/v2/buildinfo", Some("")).status,
        405
    );
    assert_eq!(owner.send("PATCH", TOKENS, Some("{}")).status, 405);

    let name = "odd name/with?all#of it";
    owner.create_token(&json!({ "token_name": name }).to_string());
    let token = owner.get_json("/api/v2/users/me/keys/tokens/odd%20name%2Fwith%3Fall%23of%20it");
    assert_eq!(token["token_name"], name);
    assert_eq!(owner.get_json("/api/v2/users/ALICE")["username"], "alice");
}

#[test]
fn access_log() {
    let sandbox = sandbox();
    let owner = Client::owner(&sandbox);
    owner.get("/api/v2/users/me/keys/tokens?include_all=true&include_expired=false");
    owner.get("/api/v2/users/me/keys/tokens/odd%20name");
    let logged = |method: &str, path_and_query: &str, status| LoggedRequest {
        method: method.into(),
        path_and_query: path_and_query.into(),
        status,
    };
    assert_eq!(
        sandbox.requests(),
        [
            logged(
                "GET",
                "/api/v2/users/me/keys/tokens?include_all=true&include_expired=false",
                200
            ),
            logged("GET", "/api/v2/users/me/keys/tokens/odd%20name", 404),
        ]
    );
    assert_eq!(
        sandbox.requests()[1].to_string(),
        "GET /api/v2/users/me/keys/tokens/odd%20name -> 404"
    );
    sandbox.clear_requests();
    assert!(sandbox.requests().is_empty());
}

#[test]
fn ten_thousand_seeded_tokens() {
    let started = Instant::now();
    let sandbox = start(Config {
        extra_tokens: 10_000,
        ..Config::default()
    });
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    let tokens = Client::owner(&sandbox)
        .get_json(&format!("{TOKENS}?include_all=false&include_expired=true"));
    let names = names(&tokens);
    assert_eq!(names.len(), 10_003);
    assert_eq!(
        names[..4],
        [
            "old-laptop",
            "ci-pipeline",
            "readonly-dashboard",
            "bench-00001"
        ]
    );
    assert_eq!(names[10_002], "bench-10000");
}
