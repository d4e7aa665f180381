//! The Windows keyring: with the default config dir (which every other test avoids, each
//! naming its own), the session lives in the Credential Manager, as the Go CLI keeps it.
//! These share that one item, so `.ci/cross` runs them one at a time, with `--ignored`,
//! in a Wine prefix of their own. With a config dir of its own (as the VS Code extension
//! passes), the session is kept in a file, even when `--use-keyring` asks otherwise.

use coder_sandbox::{Config, Sandbox};

use crate::harness::Env;

/// The default config dir, as the Go CLI and `coder` find it on Windows.
fn default_dir() -> std::path::PathBuf {
    dirs::config_dir()
        .expect("Windows has a roaming AppData")
        .join("coderv2")
}

/// A run against the default config dir (the harness names its own otherwise).
fn at_default_dir() -> Env {
    let mut env = Env::new();
    env.var("CODER_CONFIG_DIR", "");
    env
}

#[test]
#[ignore = "uses the user's Credential Manager: run by .ci/cross under Wine, one at a time"]
fn a_session_lives_in_the_credential_manager_and_logout_removes_it() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = at_default_dir();
    env.run(&["login", &sandbox.url(), "--token", &sandbox.owner_token()])
        .success();
    let dir = default_dir();
    assert!(dir.join("url").exists(), "the url file is written");
    assert!(!dir.join("session").exists(), "the token is not in a file");
    let token = env
        .run(&["login", "token"])
        .success()
        .stdout
        .trim()
        .to_string();
    assert!(token.len() > 20, "{token}");
    env.run(&["tokens", "ls"]).success();
    env.run(&["logout", "--yes"]).success();
    env.run(&["login", "token"]).failure(1);
    assert!(!dir.join("url").exists());
}

#[test]
#[ignore = "uses the user's Credential Manager: run by .ci/cross under Wine, one at a time"]
fn use_keyring_false_keeps_the_session_in_a_file() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = at_default_dir();
    env.run(&[
        "login",
        &sandbox.url(),
        "--token",
        &sandbox.owner_token(),
        "--use-keyring=false",
    ])
    .success();
    assert!(default_dir().join("session").exists());
    env.run(&["logout", "--yes", "--use-keyring=false"])
        .success();
}

#[test]
fn use_keyring_with_a_config_dir_of_its_own_keeps_a_file_and_every_command_says_so() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::new();
    let note = "note: --use-keyring / CODER_USE_KEYRING is ignored: the config directory is \
                not the default one";
    let says_once = |args: &[&str]| {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stderr.matches(note).count(), 1, "{}", run.block());
        run.stdout
    };
    let url = sandbox.url();
    says_once(&[
        "login",
        &url,
        "--use-keyring",
        "--token",
        &sandbox.owner_token(),
    ]);
    assert!(
        env.config().join("session").exists(),
        "the token is in a file"
    );
    let token = says_once(&["login", "token", "--use-keyring"]);
    assert!(token.trim().len() > 20, "{token}");
    says_once(&["tokens", "ls", "--use-keyring"]);
    says_once(&["login", "status", "--use-keyring"]);
    says_once(&["logout", "--use-keyring", "--yes"]);
    let run = env.run(&["tokens", "ls"]);
    run.failure(1);
    assert!(
        !run.stderr.contains(note),
        "not asked for, no note: {}",
        run.block()
    );
}
