//! The OS keyring store through a real Secret Service. The `#[ignore]`d tests need a
//! D-Bus session with an unlocked gnome-keyring; `.ci/test` runs them inside
//! `dbus-run-session`.

use std::time::{Duration, Instant};

use crate::harness::{self, Env, SESSION};
use coder_sandbox::{Config, Sandbox};
use keyring_core::api::CredentialStoreApi;

const SERVICE: &str = "coder-v2-credentials";
const ACCOUNT: &str = "coder-login-credentials";

fn raw_item() -> Option<serde_json::Value> {
    let store = zbus_secret_service_keyring_store::Store::new().expect("secret service");
    let entry = store.build(SERVICE, ACCOUNT, None).unwrap();
    match entry.get_password() {
        Ok(text) => Some(serde_json::from_str(&text).expect("the item holds JSON")),
        Err(keyring_core::Error::NoEntry) => None,
        Err(err) => panic!("keyring read failed: {err}"),
    }
}

fn host_port(url: &str) -> String {
    url.trim_start_matches("http://").to_string()
}

#[test]
#[ignore = "needs a Secret Service: run by .ci/test inside dbus-run-session"]
fn login_token_and_logout_through_the_secret_service() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let url = sandbox.url();
    let env = Env::new();

    let run = env.run(&[
        "login",
        &url,
        "--use-keyring",
        "--token",
        &sandbox.owner_token(),
    ]);
    run.success();
    assert!(
        !env.config().join("session").exists(),
        "no session file with the keyring"
    );
    assert_eq!(env.read_config("url"), Some(url.clone()));

    // The item has the Go CLI's shape, keyed by host:port, plus the scheme.
    let item = raw_item().expect("login stored an item");
    let entry = &item[host_port(&url)];
    assert_eq!(entry["coder_url"], host_port(&url));
    assert_eq!(entry["url_scheme"], "http");
    let stored = entry["api_token"].as_str().unwrap().to_string();

    let run = env.run(&["login", "token", "--use-keyring"]);
    run.success();
    assert_eq!(run.stdout, format!("{stored}\n"));

    // The stored session works for API calls.
    env.run(&["tokens", "ls", "--use-keyring"]).success();

    // A token saved for http:// is never handed to https:// on the same host:port.
    let https = url.replace("http://", "https://");
    let run = env.run(&["login", "token", "--use-keyring", "--url", &https]);
    run.failure(1);
    assert!(run.stdout.is_empty());

    env.run(&["logout", "--use-keyring", "--yes"]).success();
    let left = raw_item();
    assert!(
        left.as_ref()
            .is_none_or(|item| item.get(host_port(&url)).is_none()),
        "{left:?}"
    );
    env.run(&["login", "token", "--use-keyring"]).failure(1);
}

#[test]
#[ignore = "needs a Secret Service: run by .ci/test inside dbus-run-session"]
fn login_status_names_the_keyring_as_the_tokens_source() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let url = sandbox.url();
    let env = Env::new();
    env.run(&[
        "login",
        &url,
        "--use-keyring",
        "--token",
        &sandbox.owner_token(),
    ])
    .success();
    let stored = raw_item().unwrap()[host_port(&url)]["api_token"]
        .as_str()
        .unwrap()
        .to_string();

    let run = env.run(&["login", "status", "--use-keyring"]);
    run.success();
    assert!(
        run.stdout.contains("\ntoken       from the OS keyring\n"),
        "{}",
        run.block()
    );
    assert!(
        run.stdout.contains(&format!(
            "\nkey         {}, login type password\n",
            &stored[..10]
        )),
        "{}",
        run.block()
    );
    let run = env.run(&["login", "status", "--use-keyring", "-o", "json", "-v"]);
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["token"]["source"], "keyring");
    assert_eq!(json["token"]["file"], serde_json::Value::Null);
    let (_, secret) = stored.split_once('-').unwrap();
    assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret));

    env.run(&["logout", "--use-keyring", "--yes"]).success();
    let run = env.run(&["login", "status", "--use-keyring"]);
    run.failure(1);
    assert!(
        run.stderr.starts_with("error: You are not logged in"),
        "{}",
        run.block()
    );
}

#[test]
#[ignore = "needs a Secret Service: run by .ci/test inside dbus-run-session"]
fn go_cli_items_are_read_and_kept() {
    // An item as the Go CLI writes it (no scheme) for another deployment survives our
    // login, and is read for https only.
    let store = zbus_secret_service_keyring_store::Store::new().unwrap();
    let entry = store.build(SERVICE, ACCOUNT, None).unwrap();
    entry
        .set_password(
            r#"{"go.example.com":{"coder_url":"go.example.com","api_token":"GoWrittenX-GoWrittenTokenGoWrittenT"}}"#,
        )
        .unwrap();
    let env = Env::new();
    let run = env.run(&[
        "login",
        "token",
        "--use-keyring",
        "--url",
        "https://go.example.com",
    ]);
    run.success();
    assert_eq!(run.stdout, "GoWrittenX-GoWrittenTokenGoWrittenT\n");
    env.run(&[
        "login",
        "token",
        "--use-keyring",
        "--url",
        "http://go.example.com",
    ])
    .failure(1);
    entry.delete_credential().unwrap();
}

#[test]
fn a_missing_secret_service_fails_fast_with_the_file_fallback() {
    let mut env = Env::new();
    env.var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    env.var("CODER_KEYRING_TIMEOUT", "3s");
    env.login_files("https://coder.example.com", "");
    let started = Instant::now();
    let run = env.run(&["login", "token", "--use-keyring"]);
    assert!(started.elapsed() < Duration::from_secs(10));
    harness::settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: no Secret Service keyring is available: Platform failure: zbus error: Failed to connect to address `unix:path=/nonexistent/bus`: No such file or directory (os error 2)
        hint: unlock or start the keyring, or store the session in a file instead with --use-keyring=false (CODER_USE_KEYRING=false)
        ");
    });
}

/// On Linux the keyring is used only when asked for; `CODER_USE_KEYRING` asks as the
/// flag does, and `false` keeps the file.
#[test]
fn coder_use_keyring_chooses_between_the_keyring_and_the_file() {
    let mut env = Env::new();
    env.var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    env.var("CODER_KEYRING_TIMEOUT", "3s");
    env.login_files("https://coder.example.com", SESSION);

    env.var("CODER_USE_KEYRING", "true");
    let started = Instant::now();
    let run = env.run(&["login", "token"]);
    assert!(started.elapsed() < Duration::from_secs(10));
    harness::settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: no Secret Service keyring is available: Platform failure: zbus error: Failed to connect to address `unix:path=/nonexistent/bus`: No such file or directory (os error 2)
        hint: unlock or start the keyring, or store the session in a file instead with --use-keyring=false (CODER_USE_KEYRING=false)
        ");
    });

    env.var("CODER_USE_KEYRING", "false");
    let run = env.run(&["login", "token"]);
    run.success();
    assert_eq!(run.stdout, format!("{SESSION}\n"));
}
