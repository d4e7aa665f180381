//! Sessions, `login`, `login token`, `logout`, global options and error decoding,
//! through the real binary against a wiremock deployment.

#[cfg(target_os = "linux")]
use crate::harness::on_terminal;
use crate::harness::{self, Env, SESSION, example, requests, settings};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const NEW_KEY: &str = "NewSe55ion-NewSe55ionSecret0123456";

async fn deployment() -> MockServer {
    let server = MockServer::start().await;
    crate::harness::has_first_user(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .and(header("coder-session-token", SESSION))
        .respond_with(ResponseTemplate::new(200).set_body_json(example("user-me.json")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "message": "You are signed out or your session has expired. Please sign in again to continue."
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/me/keys"))
        .and(header("coder-session-token", SESSION))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"key": NEW_KEY})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/logout"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"message": "bye"})))
        .mount(&server)
        .await;
    server
}

fn empty_list() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!([]))
}

/// A deployment that answers every GET with an empty list.
async fn listing_nothing() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(empty_list())
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn login_with_token_flag_exchanges_it_for_a_session_key() {
    let server = deployment().await;
    let env = Env::new();
    let run = env.run(&["login", &server.uri(), "--token", SESSION]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        Welcome to Coder, alice! You're authenticated.
        --- stderr ---
        Attempting to authenticate with argument URL: 'http://[HOST]'
        ");
    });
    assert_eq!(env.read_config("session").as_deref(), Some(NEW_KEY));
    assert_eq!(env.read_config("url"), Some(server.uri()));
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @"
        GET /api/v2/users/first
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder login)
        GET /api/v2/users/me
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder login)
        POST /api/v2/users/me/keys
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder login)
        ");
    });
}

/// A minted key is stored and then sent on every request: one that is not shaped like
/// a Coder key (empty, a terminal escape, no ID) is refused, and the stored session stays.
#[tokio::test]
async fn a_minted_key_not_shaped_like_a_coder_key_is_never_stored() {
    for key in [
        "",
        "SeSs10nIdX-ab\u{1b}[31mc",
        "NoDashAtAllButLongEnough01234567",
        "-secret",
    ] {
        let server = MockServer::start().await;
        crate::harness::has_first_user(&server).await;
        Mock::given(method("GET"))
            .and(path("/api/v2/users/me"))
            .respond_with(ResponseTemplate::new(200).set_body_json(example("user-me.json")))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path("/api/v2/users/me/keys"))
            .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "key": key })))
            .mount(&server)
            .await;
        let env = Env::new();
        env.login_files("https://before.example", SESSION);
        let run = env.run(&["login", &server.uri(), "--token", SESSION]);
        run.failure(1);
        assert!(
            run.stderr.contains("not shaped like a Coder key")
                && !run.stderr.contains('\u{1b}')
                && run.stdout.is_empty(),
            "{key:?}\n{}",
            run.block()
        );
        assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
        assert_eq!(
            env.read_config("url").as_deref(),
            Some("https://before.example")
        );
    }
}

/// With stdout and stderr closed (`>&- 2>&-`), the files and sockets a command opens
/// never take their places: output goes nowhere, the session is saved as it should be.
#[cfg(unix)]
#[tokio::test]
async fn closed_stdout_and_stderr_change_nothing_but_where_output_goes() {
    let server = deployment().await;
    let env = Env::new();
    let closed = |args: &[&str]| {
        let mut cmd = env.program("sh");
        cmd.args(["-c", "exec \"$@\" >&- 2>&-", "sh", harness::BIN])
            .args(args);
        harness::run_command(cmd, "")
    };
    let run = closed(&["login", &server.uri(), "--token", SESSION]);
    assert_eq!(run.code, 0, "{}", run.block());
    assert_eq!(env.read_config("session").as_deref(), Some(NEW_KEY));
    assert_eq!(env.read_config("url"), Some(server.uri()));
    assert_eq!(closed(&["login", "token"]).code, 0);
    // A failing command still fails, with nowhere to say why.
    assert_eq!(closed(&["tokens", "view", "--bad-flag"]).code, 2);
    assert_eq!(env.read_config("session").as_deref(), Some(NEW_KEY));
}

/// A pasted token is stored as pasted, once the deployment accepts it, as the Go CLI
/// stores it (IDE extensions compare what they stored with `coder login token`); only
/// `--token` and `CODER_SESSION_TOKEN` are exchanged.
#[tokio::test]
async fn login_stores_a_token_piped_on_stdin_as_pasted() {
    let server = deployment().await;
    let env = Env::new();
    let run = env.run_with_stdin(&["login", &server.uri()], &format!("{SESSION}\n"));
    run.success();
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    let reqs = requests(&server).await;
    settings().bind(|| {
        insta::assert_snapshot!(reqs, @"
        GET /api/v2/users/first
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder login)
        GET /api/v2/users/me
          coder-session-token: [SESSION]
          user-agent: coder-cli/[VERSION] ([OS]/[ARCH]; coder login)
        ");
    });
}

/// `--force-tty`: the prompt is shown and answered from stdin, line by line, as the Go
/// CLI reads it; a rejected token, or one no request can carry, is asked for again.
#[tokio::test]
async fn login_with_force_tty_prompts_and_reads_the_answers_from_stdin() {
    let server = deployment().await;
    let env = Env::new();
    let answers = format!("wrongwrong-wrongwrongwrongwrongwron\nstray\u{1}char\n{SESSION}\n");
    let run = env.run_with_stdin(
        &["--force-tty", "login", &server.uri(), "--no-open"],
        &answers,
    );
    run.success();
    for needle in [
        "Open the following in your browser:",
        "That's not a valid token!",
    ] {
        assert!(run.stderr.contains(needle), "{needle}:\n{}", run.block());
    }
    assert_eq!(run.stderr.matches("Paste your token here: ").count(), 3);
    assert_eq!(run.stderr.matches("That's not a valid token!").count(), 2);
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    // No answer left: an error, nothing saved.
    let env = Env::new();
    let run = env.run_with_stdin(&["login", &server.uri(), "--force-tty"], "");
    run.failure(1);
    assert!(
        run.stderr.contains("stdin ended at the prompt"),
        "{}",
        run.block()
    );
    assert_eq!(env.read_config("session"), None);
}

/// `--force-tty` opens the browser as at a terminal (`$BROWSER` here).
#[cfg(target_os = "linux")]
#[tokio::test]
async fn login_with_force_tty_opens_the_browser() {
    use std::time::{Duration, Instant};
    let server = deployment().await;
    let mut env = Env::new();
    let opened = recording_browser(&mut env);
    let token = format!("{SESSION}\n");
    let run = env.run_with_stdin(&["login", &server.uri(), "--force-tty"], &token);
    run.success();
    assert!(
        run.stderr
            .contains("Your browser has been opened to visit:"),
        "{}",
        run.block()
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let page = std::fs::read_to_string(&opened).unwrap_or_default();
    assert_eq!(page, format!("{}/cli-auth\n", server.uri()));
    // Without --force-tty, stdin not a terminal: the piped token, no browser.
    std::fs::remove_file(&opened).unwrap();
    env.run_with_stdin(&["login", &server.uri()], &token)
        .success();
    std::thread::sleep(Duration::from_millis(200));
    assert!(!opened.exists());
}

#[tokio::test]
async fn login_with_rejected_token_stores_nothing() {
    let server = deployment().await;
    let env = Env::new();
    let run = env.run_with_stdin(
        &["login", &server.uri()],
        "wrongwrong-wrongwrongwrongwrongwron\n",
    );
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        Attempting to authenticate with argument URL: 'http://[HOST]'
        error: the deployment rejected the token; nothing was saved
        hint: check the token, or get a new one at http://[HOST]/cli-auth
        ");
    });
    assert!(!env.config().join("session").exists());
    assert!(!env.config().join("url").exists());
}

#[tokio::test]
async fn login_refuses_while_the_env_token_is_set() {
    let server = deployment().await;
    let mut env = Env::new();
    env.var("CODER_SESSION_TOKEN", SESSION);
    let run = env.run(&["login", &server.uri()]);
    run.failure(1);
    assert!(
        run.stderr.contains("CODER_SESSION_TOKEN is set"),
        "{}",
        run.block()
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Where the token came from decides, not its value: `--token` on the command line
/// logs in even while `CODER_SESSION_TOKEN` is set (to the same value, even).
#[tokio::test]
async fn login_takes_a_token_flag_while_the_env_token_is_set() {
    let server = deployment().await;
    let mut env = Env::new();
    env.var("CODER_SESSION_TOKEN", SESSION);
    env.run(&["login", &server.uri(), "--token", SESSION])
        .success();
    assert_eq!(env.read_config("session").as_deref(), Some(NEW_KEY));
}

/// The greeting names where the URL came from: the argument, the flag, the environment
/// or the stored one (a flag beats the environment).
#[tokio::test]
async fn login_says_where_the_url_came_from() {
    let server = deployment().await;
    let mut env = Env::new();
    let greeting = |run: &crate::harness::Run| {
        run.stderr
            .lines()
            .find(|l| l.starts_with("Attempting"))
            .unwrap_or_default()
            .replace(&server.uri(), "URL")
    };
    let by_flag = env.run_with_stdin(&["login", "--url", &server.uri()], SESSION);
    env.var("CODER_URL", &server.uri());
    let by_env = env.run_with_stdin(&["login"], SESSION);
    let both = env.run_with_stdin(&["login", "--url", &server.uri()], SESSION);
    let by_argument = env.run_with_stdin(&["login", &server.uri()], SESSION);
    let shown: Vec<String> = [&by_flag, &by_env, &both, &by_argument]
        .into_iter()
        .map(greeting)
        .collect();
    assert_eq!(
        shown,
        [
            "Attempting to authenticate with flag URL: 'URL'",
            "Attempting to authenticate with environment URL: 'URL'",
            "Attempting to authenticate with flag URL: 'URL'",
            "Attempting to authenticate with argument URL: 'URL'",
        ]
    );
}

#[tokio::test]
async fn login_keeps_the_url_as_given_without_a_trailing_slash() {
    let server = deployment().await;
    let env = Env::new();
    let bare = server
        .uri()
        .trim_start_matches("http://")
        .replace("127.0.0.1", "localhost");
    env.run_with_stdin(&["login", &bare], SESSION).success();
    assert_eq!(env.read_config("url"), Some(format!("http://{bare}")));
}

#[tokio::test]
async fn login_without_any_url_is_a_usage_error() {
    let env = Env::new();
    let run = env.run_with_stdin(&["login"], SESSION);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 2
        --- stdout ---
        --- stderr ---
        error: no deployment URL given
        hint: pass it as an argument: coder login https://coder.example.com
        ");
    });
}

#[test]
fn login_token_prints_the_stored_token_and_nothing_else() {
    let mut env = Env::new();
    env.login_files("https://coder.example.com", SESSION);
    // The flag/env token is ignored: only the stored one is printed.
    env.var(
        "CODER_SESSION_TOKEN",
        "OtherToken-OtherTokenOtherTokenOther",
    );
    let run = env.run(&["login", "token"]);
    run.success();
    assert_eq!(run.stdout, format!("{SESSION}\n"));
    assert_eq!(run.stderr, "");
}

#[test]
fn login_token_without_a_session_fails_with_a_hint() {
    let env = Env::new();
    let run = env.run(&["login", "token"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: You are not logged in
        hint: Try logging in using 'coder login <url>' (or set CODER_URL and CODER_SESSION_TOKEN)
        ");
    });
    env.login_files("https://coder.example.com", "");
    let run = env.run(&["login", "token"]);
    run.failure(1);
    assert!(run.stderr.contains("no session token found"));
}

#[test]
fn login_token_refuses_a_url_other_than_the_stored_one() {
    let env = Env::new();
    env.login_files("https://coder.example.com", SESSION);
    let run = env.run(&["login", "token", "--url", "http://coder.example.com/"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: file session token storage only supports one server at a time: requested http://coder.example.com/ but logged into https://coder.example.com
        hint: log in to http://coder.example.com/ first, or drop --url / CODER_URL
        ");
    });
    // The same deployment (origin) written another way is the stored one.
    for same in [
        "https://coder.example.com/",
        "https://CODER.example.com:443/sub",
    ] {
        let run = env.run(&["login", "token", "--url", same]);
        assert_eq!(run.success().stdout, format!("{SESSION}\n"), "{same}");
    }
}

#[test]
fn login_token_honours_global_config() {
    let env = Env::new();
    let dir = env.home.path().join("elsewhere");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("url"), "https://x.example.com\n").unwrap();
    std::fs::write(dir.join("session"), format!("{SESSION}\n")).unwrap();
    let run = env.run(&["login", "token", "--global-config", dir.to_str().unwrap()]);
    run.success();
    assert_eq!(run.stdout, format!("{SESSION}\n"));
}

#[tokio::test]
async fn coder_config_dir_is_used_instead_of_the_default_dir() {
    let server = deployment().await;
    let mut env = Env::new();
    // A login in the default dir that must stay as it is.
    env.login_files("https://default.example.com", SESSION);
    let dir = env.home.path().join("elsewhere");
    env.var("CODER_CONFIG_DIR", dir.to_str().unwrap());

    env.run(&["login", &server.uri(), "--token", SESSION])
        .success();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    assert_eq!(read("session").as_deref(), Some(NEW_KEY));
    assert_eq!(read("url"), Some(server.uri()));
    assert_eq!(
        env.read_config("url").as_deref(),
        Some("https://default.example.com")
    );
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));

    let run = env.run(&["login", "token"]);
    run.success();
    assert_eq!(run.stdout, format!("{NEW_KEY}\n"));
}

#[tokio::test]
async fn logout_ends_the_session_and_removes_the_files() {
    let server = deployment().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    std::fs::write(env.config().join("organization"), "org").unwrap();
    let run = env.run(&["logout", "--yes"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        You are no longer logged in. You can log in using 'coder login <url>'.
        --- stderr ---
        ");
    });
    for name in ["url", "session", "organization"] {
        assert!(!env.config().join(name).exists(), "{name} left behind");
    }
    let reqs = requests(&server).await;
    assert!(reqs.starts_with("POST /api/v2/users/logout"), "{reqs}");
}

/// As the Go CLI: the files go, but a session the deployment did not end is a
/// failure (a script revoking a leaked token must not be told it worked).
#[test]
fn logout_with_unreachable_server_removes_local_files_and_fails() {
    let mut env = Env::new();
    env.var("CODER_HTTP_TIMEOUT", "2s");
    env.login_files("http://127.0.0.1:9", SESSION);
    let run = env.run(&["logout", "-y"]);
    run.failure(1);
    assert_eq!(run.stdout, "", "{}", run.block());
    let id = SESSION.split('-').next().unwrap();
    for needle in [
        "error: the session was removed here, but the deployment did not end it: ",
        &format!("'coder tokens rm --delete {id}'"),
    ] {
        assert!(run.stderr.contains(needle), "{needle}\n{}", run.block());
    }
    assert!(!run.stderr.contains(SESSION), "{}", run.block());
    assert!(!env.config().join("session").exists());
    assert!(!env.config().join("url").exists());
}

#[test]
fn commands_need_a_login() {
    let env = Env::new();
    let run = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: You are not logged in
        hint: Try logging in using 'coder login <url>' (or set CODER_URL and CODER_SESSION_TOKEN)
        ");
    });
}

#[tokio::test]
async fn flag_beats_env_beats_stored_for_url_and_token() {
    let stored = MockServer::start().await;
    let from_env = MockServer::start().await;
    let from_flag = MockServer::start().await;
    for server in [&stored, &from_env, &from_flag] {
        Mock::given(method("GET"))
            .and(path("/api/v2/users/me/keys/tokens"))
            .respond_with(empty_list())
            .mount(server)
            .await;
    }
    let mut env = Env::new();
    env.login_files(&stored.uri(), "StoredTokn-StoredTokenStoredTokenSto");
    env.run(&["tokens", "ls"]).success();
    env.var("CODER_URL", &from_env.uri());
    env.var(
        "CODER_SESSION_TOKEN",
        "EnvTokenXX-EnvTokenEnvTokenEnvTokenX",
    );
    env.run(&["tokens", "ls"]).success();
    env.run(&[
        "tokens",
        "ls",
        "--url",
        &from_flag.uri(),
        "--token",
        SESSION,
    ])
    .success();
    let token_of = |reqs: Vec<wiremock::Request>| {
        assert_eq!(reqs.len(), 1);
        reqs[0].headers["coder-session-token"]
            .to_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        token_of(stored.received_requests().await.unwrap()),
        "StoredTokn-StoredTokenStoredTokenSto"
    );
    assert_eq!(
        token_of(from_env.received_requests().await.unwrap()),
        "EnvTokenXX-EnvTokenEnvTokenEnvTokenX"
    );
    assert_eq!(
        token_of(from_flag.received_requests().await.unwrap()),
        SESSION
    );
}

#[tokio::test]
async fn sub_path_deployments_keep_their_prefix() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/coder/api/v2/users/me/keys/tokens"))
        .and(query_param("include_all", "false"))
        .respond_with(empty_list())
        .expect(1)
        .mount(&server)
        .await;
    let env = Env::new();
    env.login_files(&format!("{}/coder", server.uri()), SESSION);
    env.run(&["tokens", "ls", "-o", "json"]).success();
}

#[tokio::test]
async fn extra_headers_from_flags_env_and_command() {
    let server = listing_nothing().await;
    let mut env = Env::new();
    env.login_files(&server.uri(), SESSION);
    env.var("CODER_HEADER", "X-From-Env=1,X-Also=2");
    env.run(&[
        "tokens",
        "ls",
        "--header",
        "X-Custom=a=b",
        "--header-command",
        harness::shell(
            "printf 'X-From-Cmd=%s\\n' \"$CODER_URL\"",
            "echo X-From-Cmd=%CODER_URL%",
        ),
    ])
    .success();
    let reqs = server.received_requests().await.unwrap();
    let h = &reqs[0].headers;
    assert_eq!(h["x-custom"], "a=b");
    assert_eq!(h["x-from-cmd"].to_str().unwrap(), server.uri());
    // The environment's headers are sent too, as the Go CLI sends them.
    assert_eq!(h["x-from-env"], "1");
    assert_eq!(h["x-also"], "2");
    let ua = h["user-agent"].to_str().unwrap();
    assert!(
        ua.starts_with("coder-cli/") && ua.ends_with("; coder tokens list)"),
        "{ua}"
    );
}

#[test]
fn bad_headers_and_failing_header_commands_are_clear_errors() {
    let env = Env::new();
    env.login_files("http://127.0.0.1:9", SESSION);
    let run = env.run(&["tokens", "ls", "--header", "novalue"]);
    run.failure(2);
    assert!(run.stderr.contains("expected key=value"), "{}", run.block());
    let failing = harness::shell("echo oops >&2; exit 3", "echo oops 1>&2 & exit 3");
    let run = env.run(&["tokens", "ls", "--header-command", failing]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: the header command failed (exit status: 3)
          its stderr begins: oops
        hint: check --header-command / CODER_HEADER_COMMAND
        ");
    });
}

#[test]
fn go_style_booleans_in_the_environment() {
    let mut env = Env::new();
    env.var("CODER_VERBOSE", "T");
    let run = env.run(&["login", "token"]);
    run.failure(1);
    let mut env = Env::new();
    env.var("CODER_VERBOSE", "maybe");
    let run = env.run(&["login", "token"]);
    run.failure(2);
    assert!(run.stderr.contains("invalid boolean"), "{}", run.block());
    // Set but empty counts as false, as in the Go CLI (templated CI settings).
    let mut env = Env::new();
    env.login_files("https://coder.example.com", SESSION);
    // Likewise for every other setting: set but empty is not set (an empty config dir
    // is then the default one, which is the test's own except on Windows).
    let config_dir = ["CODER_CONFIG_DIR"].into_iter().filter(|_| cfg!(unix));
    for name in [
        "CODER_VERBOSE",
        "CODER_USE_KEYRING",
        "CODER_NO_FEATURE_WARNING",
        "CODER_URL",
        "CODER_HEADER",
        "CODER_HEADER_COMMAND",
    ]
    .into_iter()
    .chain(config_dir)
    {
        env.var(name, "");
    }
    assert_eq!(
        env.run(&["login", "token"]).success().stdout,
        format!("{SESSION}\n")
    );
}

/// A line that names no command shows the help and succeeds, as the Go CLI's root
/// command does (`coder >/dev/null` checks that it is installed), global options or not.
#[test]
fn no_command_shows_the_help_and_succeeds() {
    let env = Env::new();
    for args in [
        vec![],
        vec!["-v"],
        vec!["--url", "https://coder.example.com"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.block());
        assert!(
            run.stdout.contains("Usage: coder [OPTIONS] [COMMAND]"),
            "{args:?}: {}",
            run.block()
        );
        for command in ["tokens", "login", "logout", "completion"] {
            assert!(run.stdout.contains(command), "{command}: {}", run.block());
        }
        assert_eq!(run.stderr, "", "{args:?}");
    }
    assert_eq!(env.read_config("url"), None, "nothing is stored");
}

#[test]
fn help_and_version_succeed_everywhere() {
    let env = Env::new();
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["tokens"],
        vec!["tokens", "create", "--help"],
        vec!["tokens", "ls", "--help"],
        vec!["tokens", "view", "--help"],
        vec!["tokens", "rm", "--help"],
        vec!["login", "--help"],
        vec!["login", "token", "--help"],
        vec!["logout", "--help"],
        vec!["completion", "--help"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.block());
        assert!(!run.stdout.is_empty(), "{args:?}");
    }
    // The commit it was built from follows (tests/it/packaging.rs).
    let run = env.run(&["--version"]);
    let first = format!("coder {} (", env!("CARGO_PKG_VERSION"));
    assert!(run.stdout.starts_with(&first), "{}", run.block());
}

/// (An unknown command is the Go CLI's: see `go_cli`.)
#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    for args in [
        vec!["tokens", "bogus"],
        vec!["tokens", "view"],
        vec!["tokens", "ls", "-o", "yaml"],
        vec!["tokens", "ls", "--all=maybe"],
        vec!["login", "a", "b"],
    ] {
        assert_eq!(env.run(&args).code, 2, "{args:?}");
    }
}

#[tokio::test]
async fn verbose_logs_requests_but_never_the_token() {
    let server = listing_nothing().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let run = env.run(&[
        "-v",
        "tokens",
        "ls",
        "--header",
        "Authorization=Bearer hunter2",
    ]);
    // Neither the session token nor the Authorization value: both show as ***.
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        --- stderr ---
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   authorization: ***
        >   coder-session-token: ***
        < 200 ([N] ms)
        No tokens found.
        ");
    });
}

const ENTITLEMENTS: &str = "X-Coder-Entitlements-Warning";

/// A deployment that warns about its license on every response: twice on the first
/// (the token config), once more on the second (the token creation).
async fn warning_about_its_license() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens/tokenconfig"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(example("tokenconfig.json"))
                .append_header(ENTITLEMENTS, "Your license expires in 3 days.")
                .append_header(
                    ENTITLEMENTS,
                    "Your deployment has 12 users, 10 are licensed.",
                ),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(example("generate-key.json"))
                .append_header(ENTITLEMENTS, "A warning of the second response."),
        )
        .mount(&server)
        .await;
    server
}

fn logged_in_to(server: &MockServer) -> Env {
    let mut env = Env::new();
    env.var("CODER_URL", &server.uri())
        .var("CODER_SESSION_TOKEN", SESSION);
    env
}

#[tokio::test]
async fn entitlement_warnings_of_the_first_response_are_printed_to_stderr() {
    let server = warning_about_its_license().await;
    let run = logged_in_to(&server).run(&["tokens", "create", "-n", "ci"]);
    // Both requests were answered; only the first answer's warnings are shown.
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 0
        --- stdout ---
        Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J
        --- stderr ---
        warning: Your license expires in 3 days.
        warning: Your deployment has 12 users, 10 are licensed.
        ");
    });
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn no_feature_warning_hides_entitlement_warnings() {
    let server = warning_about_its_license().await;
    let key = format!(
        "{}\n",
        example("generate-key.json")["key"].as_str().unwrap()
    );
    let hidden: [(&[&str], Option<&str>); 3] = [
        (&["--no-feature-warning"], None),
        (&["--no-feature-warning=true"], None),
        (&[], Some("true")),
    ];
    for (flags, variable) in hidden {
        let mut env = logged_in_to(&server);
        if let Some(value) = variable {
            env.var("CODER_NO_FEATURE_WARNING", value);
        }
        let mut args = vec!["tokens", "create", "-n", "ci"];
        args.extend_from_slice(flags);
        let run = env.run(&args);
        run.success();
        assert_eq!(run.stdout, key, "{flags:?} {variable:?}");
        assert_eq!(run.stderr, "", "{flags:?} {variable:?}");
    }
    // Switched off, the variable shows them again.
    let mut env = logged_in_to(&server);
    env.var("CODER_NO_FEATURE_WARNING", "false");
    let run = env.run(&["tokens", "create", "-n", "ci"]);
    run.success();
    assert_eq!(
        run.stderr.matches("warning: ").count(),
        2,
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn session_files_are_private() {
    let server = deployment().await;
    let env = Env::new();
    env.run(&["login", &server.uri(), "--token", SESSION])
        .success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["session", "url"] {
            let mode = std::fs::metadata(env.config().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(env.config())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn interactive_login_asks_until_a_valid_token_is_pasted_and_never_echoes_it() {
    let server = deployment().await;
    let env = Env::new();
    let (code, screen) = on_terminal(
        &env,
        &["login", &server.uri(), "--no-open"],
        "Paste your token here:",
        &["wrongwrong-wrongwrongwrongwrongwron", SESSION],
    );
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("/cli-auth"), "{screen}");
    assert!(screen.contains("That's not a valid token!"), "{screen}");
    assert!(
        !screen.contains(SESSION),
        "the pasted token is not echoed: {screen}"
    );
    assert!(!screen.contains("wrongwrong"), "{screen}");
    // A pasted token is a session token already: stored as it is, nothing minted.
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    assert_eq!(harness::count_method(&server, "POST").await, 0);
}

/// Sets `BROWSER` to a script that appends each URL it is asked to open to the
/// returned file.
#[cfg(target_os = "linux")]
fn recording_browser(env: &mut Env) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = env.home.path().join("browser");
    let opened = env.home.path().join("opened");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.var("BROWSER", script.to_str().unwrap());
    opened
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn interactive_login_opens_the_browser_at_cli_auth() {
    use std::time::{Duration, Instant};
    let server = deployment().await;
    let mut env = Env::new();
    let opened = recording_browser(&mut env);
    let (code, screen) = on_terminal(
        &env,
        &["login", &server.uri()],
        "Paste your token here:",
        &[SESSION],
    );
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Your browser has been opened to visit:"),
        "{screen}"
    );
    // The browser is started, not waited for.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).ok(),
        Some(format!("{}/cli-auth\n", server.uri()))
    );
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn coder_no_open_shows_the_url_and_leaves_the_browser_closed() {
    let server = deployment().await;
    let mut env = Env::new();
    let opened = recording_browser(&mut env);
    env.var("CODER_NO_OPEN", "true");
    let (code, screen) = on_terminal(
        &env,
        &["login", &server.uri()],
        "Paste your token here:",
        &[SESSION],
    );
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains(&format!(
            "Open the following in your browser:\n\n\t{}/cli-auth\n",
            server.uri()
        )),
        "{screen}"
    );
    // A browser started by mistake would have written by now (the test above waits
    // for one).
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(!opened.exists(), "the browser was started");
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn logout_on_a_terminal_asks_first_and_no_keeps_the_session() {
    let server = deployment().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let (code, screen) = on_terminal(&env, &["logout"], "[y/N]", &["n"]);
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains("Are you sure you want to log out?"),
        "{screen}"
    );
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    assert!(server.received_requests().await.unwrap().is_empty());
    let (code, screen) = on_terminal(&env, &["logout"], "[y/N]", &["yes"]);
    assert_eq!(code, 0, "{screen}");
    assert!(env.read_config("session").is_none());
}

#[test]
fn help_never_shows_environment_values() {
    let mut env = Env::new();
    env.var("CODER_HEADER", "Authorization=Bearer hunter2")
        .var("CODER_HEADER_COMMAND", "echo X-Secret=hunter3")
        .var("CODER_SESSION_TOKEN", SESSION)
        .var("CODER_TOKEN_NAME", "private-name");
    for args in [vec!["--help"], vec!["tokens", "create", "--help"]] {
        let run = env.run(&args);
        run.success();
        for secret in ["hunter2", "hunter3", SESSION, "private-name"] {
            assert!(!run.stdout.contains(secret), "{args:?} shows {secret}");
        }
        assert!(
            run.stdout.contains("CODER_HEADER"),
            "the variable is still named"
        );
    }
}

// --- The Go CLI's global flags -------------------------------------------------------------

/// `--force-tty` asks the logout question as at a terminal: asked first, the answer
/// read from stdin.
#[tokio::test]
async fn logout_with_force_tty_asks_as_at_a_terminal() {
    let server = deployment().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let run = env.run_with_stdin(&["logout", "--force-tty"], "n\n");
    run.failure(1);
    assert!(
        run.stderr
            .starts_with("Are you sure you want to log out? [y/N] error: logout cancelled\n"),
        "{}",
        run.block()
    );
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    let mut env = env;
    env.var("CODER_FORCE_TTY", "true");
    let run = env.run_with_stdin(&["logout"], "y\n");
    run.success();
    assert!(!run.stderr.contains("read from stdin"), "{}", run.block());
    assert_eq!(env.read_config("session"), None);
}

/// Scripts written for the Go CLI pass its global flags to every command; those that
/// cannot matter here are accepted and change nothing.
#[tokio::test]
async fn the_go_cli_s_global_flags_are_accepted() {
    let server = listing_nothing().await;
    let mut env = Env::at(&server.uri(), SESSION);
    let go_flags = [
        "--force-tty",
        "--disable-direct-connections",
        "--disable-network-telemetry=true",
        "--no-open",
        "--debug-http",
        "--agent-url",
        "https://agent.example.com",
        "--agent-token",
        "agent-secret",
        "--agent-token-file=/nonexistent",
        "--auth",
        "token",
        "--no-version-warning",
        "--no-feature-warning",
        "-v",
    ];
    let args: Vec<&str> = go_flags.iter().copied().chain(["tokens", "ls"]).collect();
    let run = env.run(&args);
    run.success();
    assert!(!run.stderr.contains("agent-secret"), "{}", run.block());
    // After the command too, and from the environment.
    let args: Vec<&str> = ["tokens", "ls"].iter().copied().chain(go_flags).collect();
    env.run(&args).success();
    env.var("CODER_DISABLE_DIRECT_CONNECTIONS", "true")
        .var("CODER_DISABLE_NETWORK_TELEMETRY", "1")
        .var("CODER_NO_OPEN", "true")
        .var("CODER_FORCE_TTY", "false");
    env.run(&["tokens", "ls"]).success();
    // A value they cannot take is still a usage error.
    let run = env.run(&["--force-tty=maybe", "tokens", "ls"]);
    run.failure(2);
    assert!(run.stderr.contains("--force-tty"), "{}", run.block());
}

#[tokio::test]
async fn no_open_before_the_command_applies_to_login() {
    let server = deployment().await;
    let env = Env::new();
    let run = env.run_with_stdin(
        &["--no-open", "--force-tty", "login", &server.uri()],
        &format!("{SESSION}\n"),
    );
    run.success();
    assert!(
        run.stderr.contains("Open the following in your browser:"),
        "{}",
        run.block()
    );
}

/// `--debug-options` prints the command's own options and where each value came from,
/// as the Go CLI does, and runs nothing.
#[tokio::test]
async fn debug_options_prints_the_options_and_runs_nothing() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "rm", "ci", "--debug-options"]);
    run.success();
    assert_eq!(
        run.stdout,
        "Option      Value Source\n\"delete\"    default\n"
    );
    env.var("CODER_TOKEN_NAME", "ci");
    let run = env.run(&["--debug-options", "tokens", "create", "--lifetime", "1h"]);
    run.success();
    assert_eq!(
        run.stdout,
        "Option        Value Source\n\
         \"allow\"       \n\
         \"lifetime\"    flag\n\
         \"name\"        env\n\
         \"output\"      default\n\
         \"scope\"       \n\
         \"user\"        default\n"
    );
    assert_eq!(requests(&server).await, "", "nothing was sent");
}

/// `--force-tty` installs completions as at a terminal.
#[test]
fn completion_with_force_tty_installs() {
    let mut env = Env::new();
    env.var("SHELL", "/usr/bin/fish");
    let run = env.run(&["completion", "--force-tty"]);
    run.success();
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("Installed fish completions"),
        "{}",
        run.block()
    );
    assert!(env.xdg().join("fish/completions/coder.fish").exists());
}
