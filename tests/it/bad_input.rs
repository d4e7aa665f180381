//! Bad input: every mistake gets a clear error and the right exit status, no panic,
//! and nothing is written.

use crate::harness::{Env, Run, SESSION};

/// The config dir's files and their contents, to prove nothing changed.
/// The config dir's files and contents; the lock file (which holds no data and which
/// readers create) aside.
fn snapshot_of(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap())
                .filter(|e| e.file_name() != ".session.lock")
                .map(|e| {
                    let content =
                        std::fs::read_to_string(e.path()).unwrap_or_else(|_| "<dir>".into());
                    (e.file_name().into_string().unwrap(), content)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[track_caller]
fn assert_clear(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, code, "{}", run.block());
    assert!(run.stdout.is_empty(), "{}", run.block());
    let first = run.stderr.lines().next().unwrap_or("");
    assert!(first.starts_with("error: "), "{}", run.block());
    assert!(
        run.stderr.contains(needle),
        "wanted {needle:?}:\n{}",
        run.block()
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.block());
}

#[test]
fn usage_mistakes_exit_2_and_write_nothing() {
    let env = Env::new();
    env.login_files("http://127.0.0.1:9", SESSION);
    let before = snapshot_of(&env.config());
    let cases: &[(&[&str], &str)] = &[
        (&["tokens", "ls", "--url", "https://"], "host"),
        (
            &["tokens", "ls", "--url", "coder.example.com:8080"],
            "http:// or https://",
        ),
        (
            &["tokens", "ls", "--url", "not a url"],
            "invalid deployment URL",
        ),
        (&["login", "https://"], "host"),
        (&["tokens", "ls", "-o", "yaml"], "yaml"),
        (&["tokens", "view", "x", "-c", "bogus"], "bogus"),
        (&["tokens", "view", ""], "empty"),
        (&["tokens", "rm", ""], "empty"),
        (&["tokens", "view", " ci"], "whitespace or control"),
        (&["tokens", "rm", "ci\n"], "whitespace or control"),
        (&["tokens", "rm", "a\u{7}b"], "whitespace or control"),
        (
            &["tokens", "create", "--allow", "workspace"],
            "want <type>:<id>",
        ),
        (&["tokens", "ls", "--header", "=v"], "expected key=value"),
    ];
    for (args, needle) in cases {
        let run = env.run(args);
        assert_clear(&run, 2, needle);
    }
    assert_eq!(snapshot_of(&env.config()), before);
}

#[test]
fn a_bad_timeout_setting_is_a_usage_error() {
    let mut env = Env::new();
    env.login_files("http://127.0.0.1:9", SESSION);
    env.var("CODER_HTTP_TIMEOUT", "soon");
    assert_clear(&env.run(&["tokens", "ls"]), 2, "CODER_HTTP_TIMEOUT");
}

#[test]
fn a_config_dir_that_is_a_file_is_named() {
    let env = Env::new();
    let file = env.home.path().join("not-a-dir");
    std::fs::write(&file, "keep me").unwrap();
    let path = file.to_str().unwrap();
    assert_clear(
        &env.run(&["login", "token", "--global-config", path]),
        1,
        "is not a directory",
    );
    assert_clear(
        &env.run_with_stdin(
            &["login", "http://127.0.0.1:9", "--global-config", path],
            SESSION,
        ),
        1,
        "not-a-dir",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn an_unreadable_url_file_is_named() {
    let env = Env::new();
    // A directory where the file should be cannot be read, even by root.
    std::fs::create_dir_all(env.config().join("url")).unwrap();
    assert_clear(&env.run(&["tokens", "ls"]), 1, "cannot read");
    assert_clear(&env.run(&["login", "token"]), 1, "cannot read");
}

#[test]
fn a_url_file_with_garbage_is_named_with_the_fix() {
    let env = Env::new();
    env.login_files("::garbage::", SESSION);
    for args in [&["tokens", "ls"][..], &["login", "token"]] {
        let run = env.run(args);
        assert_clear(&run, 1, "does not hold a valid deployment URL");
        assert!(run.stderr.contains("hint: log in again"), "{}", run.block());
    }
    assert_eq!(env.read_config("url").as_deref(), Some("::garbage::"));
}

/// A missing or conflicting argument's usage line is the command's own, as its help
/// shows it, also where CODER_URL and CODER_SESSION_TOKEN are set (as in CI): clap's
/// line listed them as if `--url` and `--token` were required.
#[test]
fn a_missing_or_conflicting_argument_shows_the_commands_own_usage() {
    let in_ci = Env::at("http://127.0.0.1:9", SESSION);
    for (args, usage) in [
        (
            &["tokens", "view"][..],
            "Usage: coder tokens view [OPTIONS] <NAME|ID>",
        ),
        (
            &["-v", "tokens", "rm"],
            "Usage: coder tokens remove [OPTIONS] <NAME|ID|TOKEN>...",
        ),
        (
            &["completion", "bash", "--shell", "zsh"],
            "Usage: coder completion [OPTIONS] [SHELL]",
        ),
    ] {
        for env in [&in_ci, &Env::new()] {
            let run = env.run(args);
            assert_clear(&run, 2, "error: ");
            let line = run.stderr.lines().find(|l| l.starts_with("Usage:"));
            // On Windows clap names the program as it was run: `coder.exe`.
            let line = line.map(|l| l.replacen("coder.exe ", "coder ", 1));
            assert_eq!(line.as_deref(), Some(usage), "{}", run.block());
        }
    }
}

/// A token no request can carry is named by where it came from: a usage error when
/// given, a damaged store (exit 1, log in again) when stored; `login token` does not
/// hand it out.
#[test]
fn a_token_no_request_can_carry_is_named_by_where_it_came_from() {
    let env = Env::new();
    env.login_files("http://127.0.0.1:9", &format!("{SESSION}\nsecond"));
    let file = env.config().join("session");
    for args in [
        &["tokens", "ls"][..],
        &["login", "token"],
        &["logout", "-y"],
    ] {
        let run = env.run(args);
        assert_clear(&run, 1, &format!("the session token in {}", file.display()));
        assert!(run.stderr.contains("hint: log in again"), "{}", run.block());
        assert!(!run.stderr.contains(SESSION), "{}", run.block());
    }
    let by_env = Env::at("http://127.0.0.1:9", "a\u{1}b");
    assert_clear(
        &by_env.run(&["tokens", "ls"]),
        2,
        "CODER_SESSION_TOKEN has characters",
    );
    let url = "--url=http://127.0.0.1:9";
    let run = Env::new().run(&["tokens", "ls", url, "--token", "a\u{7f}b"]);
    assert_clear(&run, 2, "--token has characters");
    // Logging in with one is refused before anything is sent or stored, whichever
    // way it is given (port 9 answers nothing: a request would fail otherwise).
    let deployment = "http://127.0.0.1:9";
    let env = Env::new();
    let run = env.run(&["login", deployment, "--token", "a\u{1}b"]);
    assert_clear(&run, 2, "--token has characters");
    let run = env.run_with_stdin(&["login", deployment], "a\u{1}b\n");
    assert_clear(&run, 2, "the token read from stdin has characters");
    let run = Env::at(deployment, "a\u{1}b").run(&["login", deployment, "--use-token-as-session"]);
    assert_clear(&run, 2, "CODER_SESSION_TOKEN has characters");
    assert_eq!(env.read_config("url"), None);
}
