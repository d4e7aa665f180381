//! Messages that say what happened: Ctrl-D at a question or the token prompt, output
//! that cannot be written, a bad environment value, redirects under `-v`, and the Go
//! CLI's not-logged-in phrases.

#[cfg(unix)]
use crate::harness;
use crate::harness::{Env, SESSION, settings};
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A deployment that has users and lists no tokens.
#[cfg(target_os = "linux")]
async fn deployment() -> MockServer {
    use wiremock::matchers::method;
    let server = MockServer::start().await;
    crate::harness::has_first_user(&server).await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// `coder args…` as the terminal's shell runs it.
#[cfg(target_os = "linux")]
fn command_line(args: &[&str]) -> String {
    std::iter::once(harness::BIN)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Types Ctrl-D at `args`' first `prompt` on a terminal; returns the exit status, the
/// line the error follows, and the lines from the error on.
#[cfg(target_os = "linux")]
fn ctrl_d_at(env: &Env, args: &[&str], prompt: &str) -> (i32, String, Vec<String>) {
    let (code, screen) = harness::shell_on_terminal(env, &command_line(args), prompt, &["\x04"]);
    let shown: Vec<String> = screen.lines().map(|l| l.trim_end().to_string()).collect();
    let error = shown.iter().position(|l| l.starts_with("error: "));
    let error = error.unwrap_or_else(|| panic!("no error line: {screen}"));
    (code, shown[error - 1].clone(), shown[error..].to_vec())
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn ctrl_d_at_the_logout_question_cancels_on_a_line_of_its_own() {
    let server = deployment().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let (code, before, error) = ctrl_d_at(&env, &["logout"], "[y/N]");
    assert_eq!(code, 1);
    assert_eq!(
        error,
        [
            "error: logout cancelled: no answer was typed (end of input)",
            "hint: pass --yes to log out without the question (or pipe in the answer: echo y | \
             coder logout)"
        ]
    );
    assert!(before.ends_with("[y/N]"), "{before}");
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn ctrl_d_at_the_token_prompt_cancels_on_a_line_of_its_own() {
    let server = deployment().await;
    let env = Env::new();
    let login = ["login", &server.uri(), "--no-open"];
    let (code, before, error) = ctrl_d_at(&env, &login, "Paste your token here:");
    assert_eq!(code, 1);
    assert_eq!(
        error,
        [
            "error: login cancelled: no token was pasted (end of input)",
            "hint: run 'coder login <url>' again and paste the token, or pass it with --token"
        ]
    );
    assert_eq!(before, "Paste your token here:");
    assert!(env.read_config("session").is_none());
}

/// Runs `coder args…` with stdout on `/dev/full`, where every write fails.
#[cfg(target_os = "linux")]
fn into_a_full_disk(env: &Env, args: &[&str]) -> harness::Run {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut cmd = env.command(args);
    cmd.stdin(std::process::Stdio::null())
        .stdout(full)
        .stderr(std::process::Stdio::piped());
    let out = harness::spawn(&mut cmd).wait_with_output().unwrap();
    harness::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_failure_names_what_could_not_be_written() {
    let sandbox = coder_sandbox::Sandbox::start(coder_sandbox::Config::default()).unwrap();
    let env = Env::new();
    env.login_files(&sandbox.url(), &sandbox.owner_token());
    let cases: [(&[&str], &str); 5] = [
        (&["tokens", "ls"], "the token list"),
        (&["tokens", "ls", "-o", "json"], "the token list"),
        (&["tokens", "view", "ci-pipeline"], "the token"),
        (&["login", "token"], "the session token"),
        (
            &["completion", "--shell", "bash", "--print"],
            "the completion script",
        ),
    ];
    for (args, what) in cases {
        let run = into_a_full_disk(&env, args);
        assert_eq!(
            run.stderr,
            format!(
                "error: could not write {what} to stdout: No space left on device (os error 28)\n"
            ),
            "{args:?}"
        );
        assert_eq!(run.code, 1, "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_bad_environment_value_names_the_variable() {
    use std::os::unix::ffi::OsStrExt;
    let not_utf8 = std::ffi::OsStr::from_bytes(b"https://caf\xe9.example.com");
    let env = Env::new();
    for (name, args) in [
        ("CODER_URL", &["login", "token"][..]),
        ("CODER_SESSION_TOKEN", &["tokens", "ls"]),
        ("CODER_HEADER_COMMAND", &["tokens", "ls"]),
    ] {
        let mut cmd = env.command(args);
        cmd.env(name, not_utf8);
        let run = harness::run_command(cmd, "");
        assert_eq!(
            run.stderr,
            format!(
                "error: {name} is not valid UTF-8 text\nhint: set {name} to text, or unset it\n"
            )
        );
        assert_eq!(run.code, 2);
    }
    let mut cmd = env.command(&["tokens", "ls", "--header", "X-A=1"]);
    cmd.env("CODER_HEADER", not_utf8);
    let run = harness::run_command(cmd, "");
    assert!(
        run.stderr
            .starts_with("error: CODER_HEADER is not valid UTF-8"),
        "{}",
        run.block()
    );

    let mut env = Env::at("http://127.0.0.1:9", SESSION);
    env.var("CODER_VERBOSE", "maybe");
    let run = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r#"
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid value "maybe" in CODER_VERBOSE (the variable for --verbose): invalid boolean "maybe"; use true or false (1/0, t/f also work)
        hint: correct CODER_VERBOSE, or unset it
        "#);
    });
    let mut env = Env::at("http://127.0.0.1:9", SESSION);
    env.var("CODER_TOKEN_LIFETIME", "30");
    let run = env.run(&["tokens", "create"]);
    run.failure(2);
    assert!(
        run.stderr
            .starts_with("error: invalid CODER_TOKEN_LIFETIME: invalid duration \"30\""),
        "{}",
        run.block()
    );
    let mut cmd = Env::at("http://127.0.0.1:9", SESSION).command(&["tokens", "ls"]);
    cmd.env("CODER_HTTP_TIMEOUT", not_utf8);
    let run = harness::run_command(cmd, "");
    assert!(
        run.stderr
            .starts_with("error: invalid CODER_HTTP_TIMEOUT: it is not valid UTF-8 text"),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn verbose_shows_each_redirect_hop() {
    let server = MockServer::start().await;
    let redirect =
        |status: u16, to: &str| ResponseTemplate::new(status).insert_header("location", to);
    Mock::given(path("/api/v2/users/me/keys/tokens"))
        .respond_with(redirect(307, "/moved/once"))
        .mount(&server)
        .await;
    Mock::given(path("/moved/once"))
        .respond_with(redirect(308, "/moved/twice?page=1"))
        .mount(&server)
        .await;
    Mock::given(path("/moved/twice"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-v"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        --- stderr ---
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   coder-session-token: ***
        < 307 ([N] ms)
        > GET http://[HOST]/moved/once
        >   coder-session-token: ***
        < 308 ([N] ms)
        > GET http://[HOST]/moved/twice?page=1
        >   coder-session-token: ***
        < 200 ([N] ms)
        No tokens found.
        ");
    });
}

#[tokio::test]
async fn a_redirect_loop_is_named_without_recommending_the_url_in_use() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/users/me/keys/tokens"))
        .respond_with(
            ResponseTemplate::new(308).insert_header("location", "/api/v2/users/me/keys/tokens"),
        )
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: GET http://[HOST]/api/v2/users/me/keys/tokens was redirected to http://[HOST]/api/v2/users/me/keys/tokens (HTTP 308 Permanent Redirect); stopped after 10 redirects
        hint: the deployment, or a proxy in front of it, keeps redirecting (likely in a loop): check its redirect rules
        ");
    });
}

#[test]
fn not_logged_in_errors_use_the_go_cli_phrases() {
    let env = Env::new();
    for args in [
        &["login", "token"][..],
        &["logout", "-y"],
        &["tokens", "ls"],
    ] {
        let run = env.run(args);
        run.failure(1);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", run.block());
        assert!(
            lines[0].starts_with("error: You are not logged in"),
            "{}",
            run.block()
        );
        assert!(
            lines[1].starts_with("hint: Try logging in using 'coder login <url>'"),
            "{}",
            run.block()
        );
    }
    // With a URL but no token, `login token` says so in the Go CLI's words.
    env.login_files("https://coder.example.com", "");
    let run = env.run(&["login", "token"]);
    assert!(
        run.stderr.starts_with("error: no session token found"),
        "{}",
        run.block()
    );
}
