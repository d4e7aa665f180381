//! Every way a deployment, proxy or network can fail is answered with one `error:` line
//! that names what happened, a hint where there is one, exit 1, no panic and never the
//! body of the response. Also: which requests are retried, counted at the stub.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::harness::{self, Env, Run, SESSION, settings};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Placed deep inside every response body: it must never reach the terminal.
const MARKER: &str = "DEEP-BODY-MARKER-7f3a";
const LIST: &str = "/api/v2/users/me/keys/tokens";
/// A token-shaped argument: commands use only its ID.
const FULL_TOKEN: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";

/// A page of `title` with `MARKER` after a few kilobytes of filler.
fn html_page(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head><body>\n{}<p>{MARKER}</p></body></html>\n",
        "<p>Please try again later.</p>\n".repeat(100)
    )
}

/// A failed run that is clean: exit 1, nothing on stdout, exactly one `error:` line
/// first on stderr, no panic or backtrace, and nothing of the body.
#[track_caller]
fn assert_clean_failure(run: &Run) {
    run.failure(1);
    assert_eq!(run.stdout, "", "{}", run.block());
    assert!(run.stderr.starts_with("error: "), "{}", run.block());
    let errors = run.stderr.lines().filter(|l| l.starts_with("error:"));
    assert_eq!(errors.count(), 1, "{}", run.block());
    for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace", MARKER] {
        assert!(!run.stderr.contains(bad), "{bad}:\n{}", run.block());
    }
}

/// A deployment whose token list answers with `response`.
async fn list_answering(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

/// A list endpoint that answers `first` once, then an empty list.
async fn list_failing_once(first: ResponseTemplate) -> MockServer {
    let server = list_answering(ResponseTemplate::new(200).set_body_json(json!([]))).await;
    Mock::given(method("GET"))
        .and(path(LIST))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    server
}

async fn hits(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn unusable_bodies_are_named_without_quoting_them() {
    let cases = [
        (
            "HTML page with 502 (reverse proxy)",
            ResponseTemplate::new(502)
                .set_body_raw(html_page("502 Bad Gateway"), "text/html; charset=utf-8"),
        ),
        (
            "HTML page with 200 (wrong URL or SSO login page)",
            ResponseTemplate::new(200).set_body_raw(html_page("Sign in"), "text/html"),
        ),
        (
            "empty body with 200",
            ResponseTemplate::new(200).insert_header("content-type", "application/json"),
        ),
        (
            "truncated JSON",
            ResponseTemplate::new(200).set_body_raw(
                format!(
                    r#"[{{"id":"abc","token_name":"{}{MARKER}"#,
                    "x".repeat(3000)
                ),
                "application/json",
            ),
        ),
        (
            "JSON object where a list is expected",
            ResponseTemplate::new(200).set_body_json(json!({"tokens": [], "note": MARKER})),
        ),
        (
            "a long JSON string where a list is expected",
            ResponseTemplate::new(200)
                .set_body_json(json!(format!("{}{MARKER}", "y".repeat(3000)))),
        ),
        (
            "plain text with 500",
            ResponseTemplate::new(500).set_body_raw(
                format!(
                    "upstream exploded\n{}\n{MARKER}\n",
                    "trace line\n".repeat(200)
                ),
                "text/plain",
            ),
        ),
    ];
    let mut blocks = String::new();
    for (name, response) in cases {
        let server = list_answering(response).await;
        let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
        blocks.push_str(&format!("### {name}\n{}\n", run.block()));
    }
    settings().bind(|| insta::assert_snapshot!(blocks));
}

#[tokio::test]
async fn a_null_list_is_an_empty_list() {
    let server =
        list_answering(ResponseTemplate::new(200).set_body_raw("null", "application/json")).await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "ls"]);
    run.success();
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("No tokens found."), "{}", run.block());
    let run = env.run(&["tokens", "ls", "-o", "json"]);
    run.success();
    assert_eq!(run.stdout.trim(), "[]");
}

#[tokio::test]
async fn a_huge_server_message_is_cut_to_a_few_kilobytes() {
    let huge = "x".repeat(5 << 20);
    let server = list_answering(
        ResponseTemplate::new(400).set_body_json(json!({"message": huge, "detail": huge})),
    )
    .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    assert_clean_failure(&run);
    assert!(run.stderr.len() < 20_000, "{} bytes", run.stderr.len());
    let note = format!("x… (cut: {} characters in all)", 5 << 20);
    assert_eq!(run.stderr.matches(&note).count(), 2, "{:.300}", run.stderr);
}

#[tokio::test]
async fn a_key_answer_without_an_id_is_unreadable_and_nothing_is_removed() {
    // An SSO or proxy in front of Coder answering every lookup with a message.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"message": "Sign in to continue"})),
        )
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let env = Env::at(&server.uri(), SESSION);
    let cases: [&[&str]; 4] = [
        &["tokens", "rm", "foo"],
        &["tokens", "rm", "foo", "--delete"],
        &["tokens", "view", "foo"],
        &["tokens", "view", FULL_TOKEN],
    ];
    for args in cases {
        let run = env.run(args);
        assert_clean_failure(&run);
        assert!(
            run.stderr
                .contains("the Coder API sent a response without a key ID"),
            "{}",
            run.block()
        );
    }
    for verb in ["PUT", "DELETE"] {
        assert_eq!(harness::count_method(&server, verb).await, 0, "{verb}");
    }
}

/// A deployment that answers `status` with a Coder error body everywhere.
async fn failing_with(status: u16, message: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(status).set_body_json(json!({"message": message})))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn error_statuses_keep_the_servers_message_and_hint_what_to_do() {
    // (status, the server's message, the command). The message is kept and the status
    // named (a 404 says which token); a conflict's message says it all, every other
    // case hints what to do (a 401: log in again).
    let signed_out =
        "You are signed out or your session has expired. Please sign in again to continue.";
    let not_found = "Resource not found or you do not have access to this resource";
    let conflict = "A token with name \"ci\" already exists.";
    let cases: [(u16, &str, &[&str]); 8] = [
        (401, signed_out, &["tokens", "ls"]),
        (403, "Forbidden.", &["tokens", "ls"]),
        (404, not_found, &["tokens", "view", "ci"]),
        (409, conflict, &["tokens", "rm", FULL_TOKEN]),
        (429, "Too many requests.", &["tokens", "ls"]),
        (500, "Internal error.", &["tokens", "ls"]),
        (502, "Bad gateway.", &["tokens", "ls"]),
        (503, "Service unavailable.", &["tokens", "ls"]),
    ];
    let mut blocks = String::new();
    for (status, message, args) in cases {
        let server = failing_with(status, message).await;
        let run = Env::at(&server.uri(), SESSION).run(args);
        blocks.push_str(&format!(
            "### {status} on coder {}\n{}\n",
            args.join(" "),
            run.block()
        ));
    }
    settings().bind(|| insta::assert_snapshot!(blocks));
}

/// A port on 127.0.0.1 that nothing listens on.
pub fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn connection_refused_is_retried_then_named() {
    let env = Env::at(&format!("http://127.0.0.1:{}", closed_port()), SESSION);
    let run = env.run(&["tokens", "ls"]);
    assert_clean_failure(&run);
    assert!(run.stderr.contains("connection refused"), "{}", run.block());
    // With -v the two retries of the three attempts show.
    let run = env.run(&["tokens", "ls", "-v"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   coder-session-token: ***
        ! retrying in [N] ms: could not connect to http://[HOST]: connection refused
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   coder-session-token: ***
        ! retrying in [N] ms: could not connect to http://[HOST]: connection refused
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   coder-session-token: ***
        error: list tokens: could not connect to http://[HOST]: connection refused
          request: GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        hint: check the URL (http://[HOST]) and that the deployment is running
        ");
    });
}

#[test]
fn an_unresolvable_host_fails_quickly_and_names_the_host() {
    // `.invalid` never resolves (RFC 6761); the timeout bounds a resolver that is slow
    // to say so.
    let mut env = Env::at("http://coder.invalid", SESSION);
    env.var("CODER_HTTP_TIMEOUT", "5s");
    let started = Instant::now();
    let run = env.run(&["tokens", "ls"]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: could not resolve the host of http://coder.invalid
        hint: check the host name in the deployment URL
        ");
    });
}

/// A raw HTTP stub on 127.0.0.1: `handle` gets each request head and its connection
/// once the head has been read. Returns the URL and a count of connections.
fn raw_stub(handle: fn(String, TcpStream)) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            seen.fetch_add(1, Ordering::SeqCst);
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            std::thread::spawn(move || handle(head, stream));
        }
    });
    (url, count)
}

#[test]
fn a_connection_that_breaks_mid_body_is_named() {
    let (url, connections) = raw_stub(|_, mut stream| {
        let partial = format!("[{{\"id\":\"abc\",\"token_name\":\"{MARKER}");
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{partial}"
        );
        let _ = stream.flush();
        let _ = stream.shutdown(std::net::Shutdown::Both);
    });
    let run = Env::at(&url, SESSION).run(&["tokens", "ls"]);
    // The headers arrived, so the request reached the server: it is not sent again.
    assert_eq!(connections.load(Ordering::SeqCst), 1);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: the connection to http://[HOST] broke while reading the response (GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false)
        hint: retry; if it keeps failing, check the network or proxy
        ");
    });
}

#[test]
fn a_server_that_never_answers_hits_the_timeout() {
    let (url, connections) = raw_stub(|_, stream| {
        std::thread::sleep(Duration::from_secs(60));
        drop(stream);
    });
    let mut env = Env::at(&url, SESSION);
    env.var("CODER_HTTP_TIMEOUT", "1s");
    let started = Instant::now();
    let run = env.run(&["tokens", "ls"]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(4), "took {elapsed:?}");
    assert_eq!(
        connections.load(Ordering::SeqCst),
        1,
        "a timeout is not retried"
    );
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: http://[HOST] did not answer within 1s (GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false)
        hint: set CODER_HTTP_TIMEOUT (e.g. 60s) to wait longer, or check the network
        ");
    });
}

#[test]
fn a_self_signed_certificate_fails_with_a_hint_and_ssl_cert_file_fixes_it() {
    let sandbox = coder_sandbox::Sandbox::start(coder_sandbox::Config {
        tls: true,
        ..Default::default()
    })
    .unwrap();
    let mut env = Env::new();
    env.var("CODER_URL", &sandbox.url())
        .var("CODER_SESSION_TOKEN", &sandbox.owner_token());
    let run = env.run(&["tokens", "ls"]);
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
    // The system store's verdict. Wine's store cannot be relied on to give it as Windows
    // does (see deployments.rs), so there only that the handshake failed, cleanly.
    if cfg!(windows) {
        assert_clean_failure(&run);
        assert!(
            run.stderr
                .starts_with("error: list tokens: TLS handshake with https://"),
            "{}",
            run.block()
        );
    } else {
        harness::assert_untrusted_certificate(&run);
    }

    // A bundle that is not there is named.
    let bundle = env.home.path().join("ca.pem");
    env.var("SSL_CERT_FILE", bundle.to_str().unwrap());
    let run = env.run(&["tokens", "ls"]);
    assert_clean_failure(&run);
    assert!(
        run.stderr
            .contains(&format!("SSL_CERT_FILE is {}", bundle.display())),
        "{}",
        run.block()
    );

    std::fs::write(&bundle, sandbox.ca_cert_pem().unwrap()).unwrap();
    let run = env.run(&["tokens", "ls"]);
    run.success();
    assert!(run.stdout.contains("ci-pipeline"), "{}", run.block());
}

// --- Retries -------------------------------------------------------------------------

fn unavailable() -> ResponseTemplate {
    ResponseTemplate::new(503).set_body_json(json!({"message": "Service unavailable."}))
}

#[tokio::test]
async fn get_is_tried_three_times_in_all() {
    let server = list_answering(unavailable()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    run.failure(1);
    assert!(run.stderr.contains("HTTP 503"), "{}", run.block());
    assert_eq!(hits(&server).await, 3);
}

#[tokio::test]
async fn get_succeeds_on_the_second_attempt_after_a_503() {
    let server = list_failing_once(unavailable()).await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-o", "json"]);
    run.success();
    assert_eq!(run.stdout.trim(), "[]");
    assert_eq!(hits(&server).await, 2);
}

#[tokio::test]
async fn retry_after_is_waited_for() {
    let server =
        list_failing_once(ResponseTemplate::new(429).insert_header("retry-after", "1")).await;
    let started = Instant::now();
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-o", "json", "-v"]);
    let elapsed = started.elapsed();
    run.success();
    assert!(
        run.stderr.contains("! retrying in 1000 ms: HTTP 429"),
        "{}",
        run.block()
    );
    assert!(elapsed >= Duration::from_millis(950), "took {elapsed:?}");
    assert_eq!(hits(&server).await, 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_limit_fails_at_once() {
    let server = list_answering(unavailable().insert_header("retry-after", "120")).await;
    let started = Instant::now();
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");
    assert_eq!(hits(&server).await, 1);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: the deployment asked to retry in 120s (HTTP 503 Service Unavailable); this command waits at most 5s in all
        hint: wait 120s, then run the command again
        ");
    });
}

#[tokio::test]
async fn retry_after_waits_add_up_to_at_most_five_seconds() {
    let server = list_answering(unavailable().insert_header("retry-after", "3")).await;
    let started = Instant::now();
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    let elapsed = started.elapsed();
    assert_clean_failure(&run);
    // 3 s once; a second 3 s would pass the 5 s budget, so the command ends instead,
    // saying what it waited and what it was asked to.
    assert_eq!(hits(&server).await, 2);
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        "error: list tokens: the deployment asked to retry in 3s (HTTP 503 Service \
         Unavailable); this command has waited 3s already and waits at most 5s in all",
        "{}",
        run.block()
    );
}

/// `Retry-After` as an HTTP date (IMF-fixdate) `seconds` from now.
fn retry_at(seconds: i64) -> String {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    (time::OffsetDateTime::now_utc() + time::Duration::seconds(seconds))
        .format(format)
        .unwrap()
}

#[tokio::test]
async fn a_retry_after_date_is_waited_for_too() {
    let first = unavailable().insert_header("retry-after", retry_at(3).as_str());
    let server = list_failing_once(first).await;
    let started = Instant::now();
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-o", "json", "-v"]);
    let elapsed = started.elapsed();
    run.success();
    assert_eq!(hits(&server).await, 2);
    // The date has whole seconds: three seconds from now is two to three seconds away
    // when it is sent, and what is left of that when the command reads it (a slow
    // start, under Wine, takes up to a second). Without the date, the retry would come
    // after the 200 ms backoff.
    let waited: u64 = run
        .stderr
        .split("! retrying in ")
        .nth(1)
        .and_then(|rest| rest.split(" ms").next())
        .and_then(|ms| ms.parse().ok())
        .unwrap_or_else(|| panic!("{}", run.block()));
    assert!((700..=3000).contains(&waited), "{}", run.block());
    assert!(elapsed >= Duration::from_millis(waited), "took {elapsed:?}");

    // A date past the budget ends the command at once, naming the wait.
    let server =
        list_answering(unavailable().insert_header("retry-after", retry_at(120).as_str())).await;
    let started = Instant::now();
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls"]);
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(hits(&server).await, 1);
    let asked: f64 = run
        .stderr
        .strip_prefix("error: list tokens: the deployment asked to retry in ")
        .and_then(|rest| rest.split("s (HTTP 503").next())
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("{}", run.block()));
    assert!((115.0..=120.0).contains(&asked), "{}", run.block());
}

#[test]
fn a_connection_closed_without_an_answer_is_retried_for_idempotent_requests() {
    let (url, connections) = raw_stub(|_, stream| drop(stream));
    let run = Env::at(&url, SESSION).run(&["tokens", "ls"]);
    assert_eq!(connections.load(Ordering::SeqCst), 3);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: http://[HOST] closed the connection without answering (GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false)
        hint: retry; if it keeps failing, check the network or proxy
        ");
    });
    // Creating a token is sent once: the deployment may have made it before closing.
    let (url, connections) = raw_stub(|head, mut stream| {
        if head.starts_with("GET ") {
            let body = r#"{"max_token_lifetime":3600000000000}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let run = Env::at(&url, SESSION).run(&["tokens", "create", "-n", "ci"]);
    assert_clean_failure(&run);
    assert!(
        run.stderr
            .contains("closed the connection without answering"),
        "{}",
        run.block()
    );
    // One connection for the token settings, one for the one POST.
    assert_eq!(connections.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn creating_a_token_is_never_retried() {
    let server = MockServer::start().await;
    harness::allows_an_hour(&server).await;
    Mock::given(method("POST"))
        .and(path(LIST))
        .respond_with(unavailable())
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "create", "--name", "ci"]);
    run.failure(1);
    assert_eq!(harness::count_method(&server, "POST").await, 1);
}

#[tokio::test]
async fn expire_and_delete_are_retried() {
    for (flag, verb) in [(None, "PUT"), (Some("--delete"), "DELETE")] {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(unavailable())
            .mount(&server)
            .await;
        let mut args = vec!["tokens", "rm", FULL_TOKEN];
        args.extend(flag);
        let run = Env::at(&server.uri(), SESSION).run(&args);
        run.failure(1);
        assert_eq!(harness::count_method(&server, verb).await, 3, "{verb}");
    }
}

#[tokio::test]
async fn a_non_retryable_status_is_sent_once() {
    let server = failing_with(500, "boom").await;
    Env::at(&server.uri(), SESSION)
        .run(&["tokens", "ls"])
        .failure(1);
    assert_eq!(hits(&server).await, 1);
}

// --- Header commands -------------------------------------------------------------------

/// Whether the process `pid` still runs (a zombie does not).
#[cfg(unix)]
fn still_runs(pid: &str) -> bool {
    let out = std::process::Command::new("ps")
        .args(["-o", "stat=", "-p", pid.trim()])
        .output()
        .unwrap();
    let stat = String::from_utf8_lossy(&out.stdout);
    !stat.trim().is_empty() && !stat.trim().starts_with('Z')
}

/// A shell script (a header command, a Go CLI) that never ends, writing its own
/// process ID and that of the program it started to `pids`.
#[cfg(unix)]
pub fn hung_script(pids: &std::path::Path) -> String {
    let pids = pids.to_str().unwrap();
    format!("echo $$ >> {pids}; sleep 100 & echo $! >> {pids}; wait")
}

/// Every process listed in `pids` is gone within a few seconds.
#[cfg(unix)]
#[track_caller]
pub fn assert_all_stopped(pids: &std::path::Path) {
    let listed = std::fs::read_to_string(pids).unwrap();
    let listed: Vec<&str> = listed.lines().collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while listed.iter().any(|pid| still_runs(pid)) {
        assert!(Instant::now() < deadline, "still running: {listed:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn a_hung_header_command_is_stopped_at_the_request_time_limit_with_what_it_started() {
    let mut env = Env::at("http://127.0.0.1:9", SESSION);
    env.var("CODER_HTTP_TIMEOUT", "1s");
    let pids = env.home.path().join("pids");
    let started = Instant::now();
    let run = env.run(&["tokens", "ls", "--header-command", &hung_script(&pids)]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(4), "took {elapsed:?}");
    insta::assert_snapshot!(run.block(), @"
    exit: 1
    --- stdout ---
    --- stderr ---
    error: the header command timed out after 1s and was stopped
    hint: check --header-command / CODER_HEADER_COMMAND; CODER_HTTP_TIMEOUT (e.g. 60s) sets how long it may take
    ");
    assert_all_stopped(&pids);
}

#[cfg(unix)]
#[test]
fn the_completion_time_cap_stops_a_hung_header_command_too() {
    let mut env = Env::new();
    env.login_files("http://127.0.0.1:9", SESSION);
    let pids = env.home.path().join("pids");
    env.var("CODER_HEADER_COMMAND", &hung_script(&pids));
    let words = ["coder", "tokens", "view", ""];
    let (run, elapsed) = crate::completions::dynamic_completions(&env, "bash", &words);
    run.success();
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    assert_eq!(run.stderr, "");
    // Without the cap it would run for CODER_HTTP_TIMEOUT's 30 s, after the shell got
    // its answer.
    assert_all_stopped(&pids);
}
