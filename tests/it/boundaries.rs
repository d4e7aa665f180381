//! The session goes only where it belongs: an `http://` deployment that lives on
//! `https://` gets no secret in cleartext at login and a warning afterwards; a stored
//! token reaches only the deployment it was stored for; `logout` ends the stored
//! session and only it; an empty scope is no way to ask for everything; proxies are
//! used as Go uses them; a created key reaches the terminal only if it is one.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use coder_sandbox::{Certificate, CertificateKind, Config, Sandbox};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::dropin::logging_out;
use crate::harness::{self, Env, Run, SESSION, settings};
use crate::security::tokens_received;

/// A token that is not the stored one, as a CI job holds it.
const CI_TOKEN: &str = "C1C1C1C1C1-C1C1C1C1C1C1C1C1C1C1C1C1C1";

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// A deployment that answers every request with an empty list (`tokens ls`) or 200.
async fn deployment() -> MockServer {
    crate::security::other_origin().await
}

// --- https upgrades ----------------------------------------------------------------------

/// A TLS deployment at `https://localhost:PORT` and, in front of it, an http front end
/// at `http://localhost:PORT2` (the same host) answering everything with `status` to
/// the same path on https, as Caddy (308) or nginx (301) do. The front end records what
/// it is sent.
async fn upgraded(status: u16) -> (Sandbox, MockServer, Env) {
    let secure = Sandbox::start(Config {
        tls: true,
        ..Config::default()
    })
    .unwrap();
    let front = crate::security::redirecting(status, &secure.url()).await;
    let mut env = Env::new();
    env.trust(&secure.ca_cert_pem().unwrap());
    (secure, front, env)
}

/// The front end's URL, by the same host name as the https deployment.
fn front_url(front: &MockServer) -> String {
    format!("http://localhost:{}", front.address().port())
}

#[tokio::test]
async fn login_moves_to_https_before_any_secret_is_sent_and_stores_https() {
    for status in [301, 308] {
        let (secure, front, env) = upgraded(status).await;
        let http = front_url(&front);
        // A token given on the command line (exchanged for a new key), with -v.
        let run = env.run(&["login", &http, "--token", &secure.owner_token(), "-v"]);
        run.success();
        assert_eq!(env.read_config("url"), Some(secure.url()), "{status}");
        let said = format!("{http} redirects to {}: logging in there", secure.url());
        assert!(run.stderr.contains(&said), "{status}: {}", run.block());
        // Every hop is shown: the http request, its redirect, then https.
        let hops = [
            format!("> GET {http}/api/v2/users/first\n"),
            format!("< {status} ("),
            format!("> GET {}/api/v2/users/first\n", secure.url()),
            "< 200 (".to_string(),
        ];
        let mut at = 0;
        for hop in &hops {
            let found = run.stderr[at..].find(hop.as_str());
            at += found.unwrap_or_else(|| panic!("{hop:?} in order:\n{}", run.stderr));
        }
        // The front end got one request, without credentials; nothing else went to http.
        let sent = front.received_requests().await.unwrap();
        assert_eq!(sent.len(), 1, "{status}: {sent:?}");
        assert_eq!(sent[0].url.path(), "/api/v2/users/first");
        assert!(!sent[0].headers.contains_key("coder-session-token"));
        // The stored session works over https, without a word about http.
        let run = env.run(&["tokens", "ls"]);
        run.success();
        assert!(!run.stderr.contains("unencrypted"), "{}", run.block());

        // A piped token never goes to http either; the URL keeps the trailing slash
        // it was given with.
        let (secure, front, env) = upgraded(status).await;
        let token = secure.owner_token();
        let given = format!("{}/", front_url(&front));
        let run = env.run_with_stdin(&["login", &given], &format!("{token}\n"));
        run.success();
        assert_eq!(env.read_config("url"), Some(format!("{}/", secure.url())));
        assert!(tokens_received(&front).await.is_empty());
    }
}

#[tokio::test]
async fn an_upgraded_request_completes_over_https_and_warns_that_the_token_went_unencrypted() {
    for status in [301, 308] {
        let (secure, front, env) = upgraded(status).await;
        let http = front_url(&front);
        env.login_files(&http, &secure.owner_token());
        let run = env.run(&["tokens", "ls", "-v"]);
        run.success();
        assert!(run.stdout.contains("ci-pipeline"), "{}", run.block());
        let warning = format!(
            "warning: {http} redirected to {}: the session token was sent unencrypted",
            secure.url()
        );
        assert!(run.stderr.contains(&warning), "{}", run.block());
        let fix = format!("coder login {}", secure.url());
        assert!(run.stderr.contains(&fix), "{}", run.block());
        assert!(
            run.stderr
                .contains(&format!("> GET {http}/api/v2/users/me/keys/tokens"))
                && run.stderr.contains(&format!("< {status} ("))
                && run.stderr.contains(&format!(
                    "> GET {}/api/v2/users/me/keys/tokens",
                    secure.url()
                )),
            "every hop is shown:\n{}",
            run.stderr
        );
        // Without -v the warning still comes, once per command.
        let run = env.run(&["tokens", "view", "ci-pipeline"]);
        run.success();
        assert_eq!(
            run.stderr.matches("sent unencrypted").count(),
            1,
            "{}",
            run.block()
        );
    }
}

#[tokio::test]
async fn after_an_upgrade_every_request_of_the_command_goes_straight_to_https() {
    for status in [301, 308] {
        let (secure, front, env) = upgraded(status).await;
        env.login_files(&front_url(&front), &secure.owner_token());
        // The token config, then the POST (and with -o json the new key's metadata):
        // only the first went to http, with the token.
        let run = env.run(&["tokens", "create", "-n", "upgraded", "-o", "json"]);
        run.success();
        assert_eq!(tokens_received(&front).await.len(), 1, "{}", run.block());
        let posts = secure
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count();
        assert_eq!(posts, 1, "{status}: {:?}", secure.requests());
        // The lookup by name, then the expiry.
        let run = env.run(&["tokens", "rm", "upgraded"]);
        run.success();
        assert_eq!(tokens_received(&front).await.len(), 2, "{}", run.block());
        // The lookups by name and by ID of a name that is neither.
        let run = env.run(&["tokens", "rm", "nothing"]);
        run.failure(1);
        assert!(run.stderr.contains("not found"), "{}", run.block());
        assert_eq!(tokens_received(&front).await.len(), 3, "{}", run.block());
        assert_eq!(
            run.stderr.matches("sent unencrypted").count(),
            1,
            "{}",
            run.block()
        );
    }
}

#[tokio::test]
async fn a_retry_after_an_upgrade_goes_to_https_not_to_http_again() {
    // The https port refuses connections: each attempt fails and is retried.
    let secure = format!("https://localhost:{}", crate::faults::closed_port());
    let front = crate::security::redirecting(301, &secure).await;
    let env = Env::new();
    env.login_files(&front_url(&front), SESSION);
    let run = env.run(&["tokens", "ls", "-v"]);
    run.failure(1);
    assert_eq!(
        run.stderr.matches("! retrying").count(),
        2,
        "{}",
        run.block()
    );
    assert_eq!(tokens_received(&front).await.len(), 1, "{}", run.block());
    assert!(
        run.stderr.contains(&format!(
            "could not connect to {secure}: connection refused"
        )),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn a_308_repeats_a_request_over_https_and_a_301_is_not_turned_into_a_get() {
    // Logging out is a POST, and the command's first request.
    let (secure, front, env) = upgraded(308).await;
    env.login_files(&front_url(&front), &secure.owner_token());
    env.run(&["logout", "--yes"]).success();
    let posts: Vec<_> = secure
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0].path_and_query, "/api/v2/users/logout");

    // nginx's 301 would turn the DELETE into a GET of the token, which looks like
    // success: not followed. (A full token names its ID: no lookup goes first.)
    let (secure, front, env) = upgraded(301).await;
    let http = front_url(&front);
    env.login_files(&http, &secure.owner_token());
    let run = env.run(&[
        "tokens",
        "rm",
        "--delete",
        "AAAAAAAAAA-AAAAAAAAAAAAAAAAAAAAAA",
    ]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block().replace(&secure.url(), "https://[SECURE]"), @r"
        exit: 1
        --- stdout ---
        --- stderr ---
        warning: http://[HOST] redirected to https://[SECURE]: the session token was sent unencrypted (plain HTTP) before the redirect
          to stop this, use the https URL: coder login https://[SECURE] (or set CODER_URL to it)
        error: delete token AAAAAAAAAA-***: DELETE http://[HOST]/api/v2/users/me/keys/AAAAAAAAAA was redirected to https://[SECURE]/api/v2/users/me/keys/AAAAAAAAAA (HTTP 301 Moved Permanently); following it would turn the DELETE into a GET, another request than the one asked for, so it was not followed
        hint: if https://[SECURE] is the deployment, use that URL (coder login https://[SECURE]); a proxy or SSO in front of Coder must let /api/v2 requests through
        ");
    });
    assert!(secure.requests().is_empty(), "{:?}", secure.requests());
}

// --- A stored token goes only to its own deployment -------------------------------------

#[tokio::test]
async fn the_stored_token_is_never_sent_to_another_url() {
    let home = deployment().await;
    let other = deployment().await;
    let mut env = Env::new();
    env.login_files(&home.uri(), SESSION);
    let flag = env.run(&["tokens", "ls", "--url", &other.uri()]);
    env.var("CODER_URL", &other.uri());
    let variable = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(format!("{}{}", flag.block(), variable.block()), @r"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: the stored session is for http://[HOST], not http://[HOST] (from --url); a stored token is sent only to the deployment it was stored for
        hint: pass a token for http://[HOST] (--token or CODER_SESSION_TOKEN), or log in there: coder login http://[HOST]
        exit: 1
        --- stdout ---
        --- stderr ---
        error: the stored session is for http://[HOST], not http://[HOST] (from CODER_URL); a stored token is sent only to the deployment it was stored for
        hint: pass a token for http://[HOST] (--token or CODER_SESSION_TOKEN), or log in there: coder login http://[HOST]
        ");
    });
    // Both URLs are named, the stored one first.
    let (home_url, other_url) = (home.uri(), other.uri());
    let named = |run: &Run| {
        let at = |url: &str| run.stderr.find(url).unwrap_or(usize::MAX);
        at(&home_url) < at(&other_url) && at(&other_url) != usize::MAX
    };
    assert!(named(&flag) && named(&variable), "{}", flag.block());
    // Another scheme or port of the same host is another deployment too.
    let port = home.address().port();
    for url in [
        format!("http://localhost:{port}"),
        format!("https://127.0.0.1:{port}"),
    ] {
        env.var("CODER_URL", &url);
        env.run(&["tokens", "ls"]).failure(1);
    }
    assert_eq!(received(&home).await + received(&other).await, 0);
    // With a token of its own, the other URL is fine, and gets that token only.
    env.run(&["tokens", "ls", "--url", &other.uri(), "--token", CI_TOKEN])
        .success();
    assert_eq!(tokens_received(&other).await, [CI_TOKEN]);
    // The stored deployment written another way is the stored deployment.
    env.var("CODER_URL", &format!("{}/", home.uri()));
    env.run(&["tokens", "ls"]).success();
    assert_eq!(tokens_received(&home).await, [SESSION]);
}

#[tokio::test]
async fn completion_for_another_url_offers_nothing_and_sends_nothing() {
    let home = deployment().await;
    let other = deployment().await;
    let env = Env::new();
    env.login_files(&home.uri(), SESSION);
    let words = ["coder", "--url", &other.uri(), "tokens", "rm", ""];
    let (run, _) = crate::completions::dynamic_completions(&env, "bash", &words);
    run.success();
    let names: Vec<&str> = run.stdout.lines().filter(|l| !l.starts_with('-')).collect();
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(received(&home).await + received(&other).await, 0);
}

// --- logout ------------------------------------------------------------------------------

#[tokio::test]
async fn logout_ends_the_stored_session_and_never_the_given_token() {
    let server = logging_out().await;
    let mut env = Env::new();
    env.login_files(&server.uri(), SESSION);
    env.var("CODER_SESSION_TOKEN", CI_TOKEN);
    let run = env.run(&["logout", "-y"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r"
        exit: 0
        --- stdout ---
        You are no longer logged in. You can log in using 'coder login <url>'.
        --- stderr ---
        note: CODER_SESSION_TOKEN is set; it is not the session this logs out, and it stays valid
        ");
    });
    assert_eq!(tokens_received(&server).await, [SESSION]);
    assert_eq!(
        (env.read_config("url"), env.read_config("session")),
        (None, None)
    );

    // --token likewise.
    let server = logging_out().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let run = env.run(&["logout", "-y", "--token", CI_TOKEN]);
    run.success();
    assert!(
        run.stderr.contains("note: --token is set"),
        "{}",
        run.block()
    );
    assert_eq!(tokens_received(&server).await, [SESSION]);
}

#[tokio::test]
async fn logout_with_nothing_stored_says_so_and_sends_nothing() {
    let server = logging_out().await;
    // A CI job: URL and token in the environment, nothing stored.
    let ci = Env::at(&server.uri(), CI_TOKEN);
    let run = ci.run(&["logout", "-y"]);
    // Only a URL file, no token.
    let env = Env::new();
    env.login_files(&server.uri(), "");
    let url_only = env.run(&["logout", "-y"]);
    let nothing = Env::new().run(&["logout", "-y"]);
    settings().bind(|| {
        insta::assert_snapshot!(format!("{}{}{}", run.block(), url_only.block(), nothing.block()), @r"
        exit: 1
        --- stdout ---
        --- stderr ---
        note: CODER_SESSION_TOKEN is set; it is not the session this logs out, and it stays valid
        error: you are not logged in to http://[HOST]: no session is stored for it, so there is nothing to log out
        hint: nothing was sent or changed; log in with 'coder login <url>'
        exit: 1
        --- stdout ---
        --- stderr ---
        error: you are not logged in to http://[HOST]: no session is stored for it, so there is nothing to log out
        hint: nothing was sent or changed; log in with 'coder login <url>'
        exit: 1
        --- stdout ---
        --- stderr ---
        error: You are not logged in: no session is stored, so there is nothing to log out
        hint: Try logging in using 'coder login <url>'; nothing was sent or changed
        ");
    });
    assert_eq!(received(&server).await, 0);
    assert_eq!(env.read_config("url"), Some(server.uri()));
}

#[tokio::test]
async fn logout_with_another_url_than_the_stored_one_ends_nothing() {
    let home = logging_out().await;
    let other = logging_out().await;
    let mut env = Env::new();
    env.login_files(&home.uri(), SESSION);
    env.var("CODER_URL", &other.uri());
    let run = env.run(&["logout", "-y"]);
    run.failure(1);
    let hint = format!(
        "hint: to end the session for {}, run 'coder logout' without CODER_URL",
        home.uri()
    );
    assert!(run.stderr.contains(&hint), "{}", run.block());
    assert_eq!(received(&home).await + received(&other).await, 0);
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
}

/// Runs `coder args…` with the config dir read-only to it: as root (who may write
/// anywhere), as the user `nobody`, for whom the root-owned directory is read-only;
/// otherwise with the directory's write permission taken away.
#[cfg(unix)]
fn run_read_only(env: &Env, args: &[&str]) -> Run {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let config = env.config();
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let root = std::fs::metadata(&config).unwrap().uid() == 0;
    let mut cmd = env.command(args);
    if root {
        for dir in [env.home.path().to_path_buf(), env.xdg(), config.clone()] {
            mode(&dir, 0o755);
        }
        for file in std::fs::read_dir(&config).unwrap() {
            mode(&file.unwrap().path(), 0o644);
        }
        cmd.uid(65534).gid(65534);
    } else {
        mode(&config, 0o555);
    }
    let run = crate::harness::run_command(cmd, "");
    mode(&config, 0o755);
    run
}

#[cfg(unix)]
#[tokio::test]
async fn logout_on_a_read_only_config_dir_ends_nothing() {
    let server = logging_out().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let run = run_read_only(&env, &["logout", "-y"]);
    run.failure(1);
    assert!(
        run.stderr.starts_with(
            "error: the session cannot be removed from the config directory, so it was not \
             ended (nothing was sent): cannot write "
        ),
        "{}",
        run.block()
    );
    assert_eq!(received(&server).await, 0, "the session was ended");
    assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
    assert_eq!(env.read_config("url"), Some(server.uri()));
}

#[tokio::test]
async fn a_session_ended_on_the_server_but_left_on_disk_is_named() {
    let server = logging_out().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    // `organization` cannot be removed: it is a directory with something in it.
    let organization = env.config().join("organization");
    std::fs::create_dir_all(organization.join("x")).unwrap();
    let run = env.run(&["logout", "-y"]);
    run.failure(1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "error: the session has ended on the deployment, but it could not all be removed here",
        "{}",
        run.block()
    );
    assert!(
        lines[1].starts_with(&format!("  cannot remove {}", organization.display())),
        "{}",
        run.block()
    );
    assert_eq!(
        lines[2],
        "hint: the stored token no longer works; remove what is named above by hand"
    );
    assert_eq!(tokens_received(&server).await, [SESSION]);
    assert_eq!(env.read_config("session"), None);
}

// --- Empty scopes -------------------------------------------------------------------------

#[tokio::test]
async fn an_empty_scope_is_a_usage_error_before_any_request() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let mut text = String::new();
    for scope in ["", ",", "workspace:read,,template:read", "workspace:read,"] {
        let run = env.run(&["tokens", "create", "-n", "x", "--scope", scope]);
        run.failure(2);
        assert_eq!(run.stdout, "");
        text.push_str(&format!("$ --scope {scope:?}\n{}", run.stderr));
    }
    assert_eq!(received(&server).await, 0);
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        $ --scope ""
        error: invalid --scope: a scope cannot be empty
        hint: name a scope, e.g. --scope workspace:read, or leave --scope out for a token with every permission (coder:all)
        $ --scope ","
        error: invalid --scope: a scope cannot be empty
        hint: name a scope, e.g. --scope workspace:read, or leave --scope out for a token with every permission (coder:all)
        $ --scope "workspace:read,,template:read"
        error: invalid --scope: a scope cannot be empty
        hint: name a scope, e.g. --scope workspace:read, or leave --scope out for a token with every permission (coder:all)
        $ --scope "workspace:read,"
        error: invalid --scope: a scope cannot be empty
        hint: name a scope, e.g. --scope workspace:read, or leave --scope out for a token with every permission (coder:all)
        "#);
    });
}

// --- A created key is printed only if it is one -----------------------------------------

/// A deployment whose new tokens have `key`.
async fn minting(key: &str) -> MockServer {
    let server = MockServer::start().await;
    harness::allows_an_hour(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"key": key})))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_created_key_not_shaped_like_one_is_never_printed() {
    let mut text = String::new();
    for (key, name) in [
        ("AaAaAaAaA1-\u{1b}]0;pwned\u{7}\u{1b}[2J012345", "ci"),
        ("AaAaAaAaA1-AaAaAaAaAaAaAaAaAaAaAa\nrm -rf ~", "ci"),
        ("\u{1b}[31m-AaAaAaAaAaAaAaAaAaAaAa", "ci"),
        ("nodash", ""),
    ] {
        let server = minting(key).await;
        let env = Env::at(&server.uri(), SESSION);
        let runs = ["text", "json"].map(|output| {
            let run = env.run(&["tokens", "create", "-n", name, "-o", output]);
            run.failure(1);
            assert_eq!(run.stdout, "", "{key:?}");
            assert!(!run.stderr.contains('\u{1b}'), "{}", run.block());
            run.stderr
        });
        assert_eq!(runs[0], runs[1]);
        text.push_str(&runs[0]);
    }
    settings().bind(|| {
        insta::assert_snapshot!(text, @r#"
        error: the deployment answered with a key that is not shaped like a Coder token key (a 10-character ID, '-', and 22 letters and digits); it was not printed
          the new token's ID is AaAaAaAaA1
        hint: the token may exist: remove it with 'coder tokens rm AaAaAaAaA1'
        error: the deployment answered with a key that is not shaped like a Coder token key (a 10-character ID, '-', and 22 letters and digits); it was not printed
          the new token's ID is AaAaAaAaA1
        hint: the token may exist: remove it with 'coder tokens rm AaAaAaAaA1'
        error: the deployment answered with a key that is not shaped like a Coder token key (a 10-character ID, '-', and 22 letters and digits); it was not printed
          the new token is named "ci"
        hint: the token may exist: remove it with 'coder tokens rm "ci"'
        error: the deployment answered with a key that is not shaped like a Coder token key (a 10-character ID, '-', and 22 letters and digits); it was not printed
          its ID cannot be told from the key
        hint: the token may exist: find it with 'coder tokens ls' and remove it with 'coder tokens rm <name>'
        "#);
    });
}

// --- Proxies -------------------------------------------------------------------------------

/// How the test proxy answers.
#[derive(Clone, Copy)]
pub enum Answer {
    /// Carries every request to the target.
    Carry,
    /// Answers every request (CONNECT included) with this status.
    Refuse(u16),
}

/// A logging HTTP proxy on loopback: it tunnels CONNECT and forwards absolute-form
/// requests, whatever host they name, to one loopback port, as a corporate proxy that
/// resolves the deployment's name would. Each request's first line is logged, with
/// the `Proxy-Authorization` it came with.
pub struct LoggingProxy {
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl LoggingProxy {
    pub fn start(target: u16, answer: Answer) -> LoggingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&log);
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let log = Arc::clone(&shared);
                std::thread::spawn(move || carry(client, target, answer, &log));
            }
        });
        LoggingProxy { port, log }
    }

    /// The proxy's URL with `userinfo` (`user:password@`, or empty).
    pub fn url(&self, userinfo: &str) -> String {
        format!("http://{userinfo}127.0.0.1:{}", self.port)
    }

    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

/// One client connection of the test proxy.
fn carry(client: TcpStream, target: u16, answer: Answer, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if line == "\r\n" {
            break;
        }
        head.push(line.trim_end().to_string());
    }
    let auth = head
        .iter()
        .find_map(|h| {
            h.strip_prefix("Proxy-Authorization: ")
                .or_else(|| h.strip_prefix("proxy-authorization: "))
        })
        .unwrap_or("none")
        .to_string();
    let request_line = head[0].clone();
    log.lock()
        .unwrap()
        .push(format!("{request_line} [auth: {auth}]"));
    let mut client = client;
    if let Answer::Refuse(status) = answer {
        let _ = write!(
            client,
            "HTTP/1.1 {status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        return;
    }
    let mut upstream = TcpStream::connect(("127.0.0.1", target)).unwrap();
    let mut parts = request_line.split(' ');
    let (verb, uri) = (parts.next().unwrap(), parts.next().unwrap());
    if verb == "CONNECT" {
        client
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .unwrap();
    } else {
        // Absolute form to origin form; the proxy's own headers stay here.
        let origin_form = uri
            .splitn(4, '/')
            .nth(3)
            .map(|rest| format!("/{rest}"))
            .unwrap();
        let mut forwarded = format!("{verb} {origin_form} HTTP/1.1\r\n");
        for header in &head[1..] {
            if !header.to_ascii_lowercase().starts_with("proxy-") {
                forwarded.push_str(&format!("{header}\r\n"));
            }
        }
        forwarded.push_str("\r\n");
        upstream.write_all(forwarded.as_bytes()).unwrap();
    }
    let mut back = upstream.try_clone().unwrap();
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut back, &mut client);
    });
    // What the reader holds already comes first.
    let _ = std::io::copy(&mut reader, &mut upstream);
}

/// An env without the harness's `NO_PROXY` (its own runs keep loopback direct).
pub fn proxied_env() -> Env {
    let mut env = Env::new();
    env.var("NO_PROXY", "").var("no_proxy", "");
    env
}

/// A TLS deployment with a certificate for `coder.test`, a name nothing resolves: only
/// the proxy can reach it.
fn named_deployment() -> Sandbox {
    Sandbox::start(Config {
        tls: true,
        certificate: Certificate {
            kind: CertificateKind::SelfSigned,
            names: vec!["coder.test".into()],
            ..Certificate::default()
        },
        ..Config::default()
    })
    .unwrap()
}

#[test]
fn an_https_deployment_goes_through_https_proxy_with_its_credentials_never_shown() {
    let sandbox = named_deployment();
    let proxy = LoggingProxy::start(sandbox.port(), Answer::Carry);
    let mut env = proxied_env();
    env.trust(&sandbox.ca_cert_pem().unwrap())
        .var("HTTPS_PROXY", &proxy.url("user:pr0xyPassw0rd@"))
        .var("ALL_PROXY", "socks5://127.0.0.1:1")
        .var("HTTP_PROXY", "http://127.0.0.1:1");
    env.login_files("https://coder.test", &sandbox.owner_token());
    let run = env.run(&["tokens", "ls", "-v"]);
    run.success();
    assert!(run.stdout.contains("ci-pipeline"), "{}", run.block());
    assert_eq!(
        proxy.log(),
        ["CONNECT coder.test:443 HTTP/1.1 [auth: Basic dXNlcjpwcjB4eVBhc3N3MHJk]"]
    );
    let through = format!(
        "(through the proxy http://127.0.0.1:{}, from HTTPS_PROXY)",
        proxy.port
    );
    assert!(run.stderr.contains(&through), "{}", run.block());
    assert!(
        !run.stderr.contains("pr0xyPassw0rd") && !run.stderr.contains("user:"),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn an_http_deployment_goes_through_http_proxy_in_absolute_form() {
    let server = deployment().await;
    let proxy = LoggingProxy::start(server.address().port(), Answer::Carry);
    let mut env = proxied_env();
    env.var("http_proxy", &proxy.url(""))
        .var("HTTPS_PROXY", "http://127.0.0.1:1");
    env.login_files("http://coder.test:8080", SESSION);
    env.run(&["tokens", "ls"]).success();
    let log = proxy.log();
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(
        log[0].starts_with("GET http://coder.test:8080/api/v2/users/me/keys/tokens?"),
        "{log:?}"
    );
    assert_eq!(tokens_received(&server).await, [SESSION]);
}

#[tokio::test]
async fn loopback_deployments_never_go_through_a_proxy() {
    let server = deployment().await;
    let proxy = LoggingProxy::start(server.address().port(), Answer::Carry);
    let mut env = proxied_env();
    env.var("HTTP_PROXY", &proxy.url(""))
        .var("HTTPS_PROXY", &proxy.url(""));
    let port = server.address().port();
    for url in [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ] {
        env.login_files(&url, SESSION);
        env.run(&["tokens", "ls"]).success();
    }
    assert_eq!(proxy.log(), Vec::<String>::new());
    assert_eq!(tokens_received(&server).await.len(), 2);
}

/// `0.0.0.0` is no loopback address to Go (so it is proxied), yet Linux connects it to
/// this machine: a deployment outside loopback that needs no name.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn no_proxy_entries_with_ports_and_ranges_are_honoured_and_all_proxy_ignored() {
    let server = deployment().await;
    let port = server.address().port();
    let proxy = LoggingProxy::start(port, Answer::Carry);
    let mut env = proxied_env();
    env.var("HTTP_PROXY", &proxy.url(""));
    env.login_files(&format!("http://0.0.0.0:{port}"), SESSION);
    let mut proxied = Vec::new();
    for no_proxy in [
        String::new(),
        format!("0.0.0.0:{port}"),
        "0.0.0.0/8".into(),
        "example.com, 0.0.0.0".into(),
        "*".into(),
        format!("0.0.0.0:{}", port.wrapping_add(1)),
        "0.0.0.0.example".into(),
    ] {
        env.var("NO_PROXY", &no_proxy);
        let before = proxy.log().len();
        env.run(&["tokens", "ls"]).success();
        if proxy.log().len() > before {
            proxied.push(no_proxy);
        }
    }
    assert_eq!(
        proxied,
        [
            "".to_string(),
            format!("0.0.0.0:{}", port.wrapping_add(1)),
            "0.0.0.0.example".into()
        ]
    );
    // ALL_PROXY is not read: a SOCKS proxy there changes nothing.
    let mut env = proxied_env();
    env.var("ALL_PROXY", "socks5://127.0.0.1:1")
        .var("all_proxy", "socks5://127.0.0.1:1");
    env.login_files(&format!("http://0.0.0.0:{port}"), SESSION);
    env.run(&["tokens", "ls"]).success();
}

#[test]
fn a_proxy_failure_names_the_proxy_and_its_variable_never_its_credentials() {
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = closed.local_addr().unwrap().port();
    drop(closed);
    let refusing = LoggingProxy::start(1, Answer::Refuse(403));
    let asking = LoggingProxy::start(1, Answer::Refuse(407));
    let mut text = String::new();
    for (proxy, port) in [
        (format!("http://user:s3cretPr0xy@127.0.0.1:{dead}"), dead),
        (refusing.url("user:s3cretPr0xy@"), refusing.port),
        (asking.url(""), asking.port),
        ("socks5://user:s3cretPr0xy@127.0.0.1:1080".to_string(), 1080),
    ] {
        let mut env = proxied_env();
        // Upper case: Windows names variables without regard to case, and reports the
        // upper-case name (the lower-case forms are the proxy module's tests).
        env.var("HTTPS_PROXY", &proxy);
        env.login_files("https://coder.test", SESSION);
        let run = env.run(&["tokens", "ls", "-v"]);
        run.failure(1);
        assert!(!run.stderr.contains("s3cretPr0xy"), "{}", run.block());
        let shown = run
            .stderr
            .replace(&format!("127.0.0.1:{port}"), "127.0.0.1:[PORT]");
        text.push_str(
            shown
                .lines()
                .filter(|l| !l.starts_with(['>', '<', '!']) && !l.starts_with("  request:"))
                .collect::<Vec<_>>()
                .join("\n")
                .as_str(),
        );
        text.push('\n');
    }
    settings().bind(|| {
        insta::assert_snapshot!(text, @r"
        error: list tokens: could not reach https://coder.test through the proxy http://127.0.0.1:[PORT] (from HTTPS_PROXY): the connection was refused
        hint: check HTTPS_PROXY (the proxy must be running and, for https://, accept CONNECT), or list the deployment's host in NO_PROXY to connect directly
        error: list tokens: could not reach https://coder.test through the proxy http://127.0.0.1:[PORT] (from HTTPS_PROXY): it did not open a tunnel to the deployment (its answer to CONNECT was not 200)
        hint: check HTTPS_PROXY (the proxy must be running and, for https://, accept CONNECT), or list the deployment's host in NO_PROXY to connect directly
        error: list tokens: could not reach https://coder.test through the proxy http://127.0.0.1:[PORT] (from HTTPS_PROXY): it asks for credentials (HTTP 407)
        hint: check HTTPS_PROXY (the proxy must be running and, for https://, accept CONNECT), or list the deployment's host in NO_PROXY to connect directly
        error: list tokens: HTTPS_PROXY names the proxy socks5://127.0.0.1:[PORT], and this client speaks only to http:// and https:// proxies
        hint: set HTTPS_PROXY to an http:// proxy, or list the deployment's host in NO_PROXY
        ");
    });
}
