//! Real deployments as administrators set them up: certificates made like `openssl req
//! -x509` makes them (`CA:TRUE`), private certificate authorities, expired and wrong-host
//! certificates, plain HTTP where HTTPS was expected and the other way round. What
//! is trusted is what Go's crypto/x509 trusts, never more; every refusal says why in
//! words, with the hint that fits it, and happens before any request is sent.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::harness::{Env, Run, settings};
use coder_sandbox::{
    Certificate, CertificateKind, Config, LoggedRequest, NotCoder, Sandbox, Validity,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A sandbox serving HTTPS with `certificate`.
fn tls_sandbox(certificate: Certificate) -> Sandbox {
    Sandbox::start(Config {
        tls: true,
        certificate,
        ..Config::default()
    })
    .expect("start the sandbox")
}

fn certificate(kind: CertificateKind) -> Certificate {
    Certificate {
        kind,
        ..Certificate::default()
    }
}

/// Writes `pem` to `name` in the env's home and returns its path.
fn write(env: &Env, name: &str, pem: &str) -> PathBuf {
    let path = env.home.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, pem).unwrap();
    path
}

/// The sandbox's URL with `127.0.0.1` for `localhost`.
fn by_ip(sandbox: &Sandbox) -> String {
    format!("https://127.0.0.1:{}", sandbox.port())
}

/// What the sandbox saw; empty when the handshake failed before any request.
fn log(sandbox: &Sandbox) -> Vec<LoggedRequest> {
    sandbox.requests()
}

#[track_caller]
fn assert_listed(run: &Run) {
    run.success();
    assert!(run.stdout.contains("ci-pipeline"), "{}", run.block());
}

/// Insta settings that also hide the temporary home in paths.
fn tls_settings() -> insta::Settings {
    let mut settings = settings();
    settings.add_filter(r"(/[^\s/;)]+)*/\.tmp\w+", "[HOME]");
    // Windows spells the same temporary home C:\users\…\Temp\.tmpXXXX\file.
    settings.add_filter(r"[A-Z]:(\\[^\s\\;)]+)*\\\.tmp\w+\\", "[HOME]/");
    settings
}

// --- Trusted like Go trusts ------------------------------------------------------------

/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does, or the openssl command line, which it does not have.)
#[cfg(not(windows))]
#[test]
fn a_self_signed_ca_certificate_is_trusted_through_ssl_cert_file() {
    let sandbox = tls_sandbox(certificate(CertificateKind::SelfSignedCa));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let run = env.run(&["tokens", "ls"]);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: it presents a certificate authority's certificate (CA:TRUE) as its own, and that certificate is not trusted here
            hint: to trust this self-signed certificate, add exactly this certificate to SSL_CERT_FILE (a PEM bundle), SSL_CERT_DIR (a directory of PEM files) or the system's certificate store; or give the server a certificate issued by that authority (CA:FALSE)
        ");
    });
    assert_eq!(log(&sandbox), []);

    env.trust(&sandbox.ca_cert_pem().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
    assert_eq!(log(&sandbox).len(), 1);
}

#[test]
fn a_self_signed_ca_certificate_is_trusted_through_ssl_cert_dir() {
    let sandbox = tls_sandbox(certificate(CertificateKind::SelfSignedCa));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let dir = env.home.path().join("certs");
    write(&env, "certs/other.pem", &other_certificate_pem());
    write(&env, "certs/coder.pem", &sandbox.ca_cert_pem().unwrap());
    env.var("SSL_CERT_DIR", dir.to_str().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
}

/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does, or the openssl command line, which it does not have.)
#[cfg(not(windows))]
#[test]
fn a_certificate_made_with_openssl_req_x509_is_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = openssl_certificate(dir.path(), &[]);
    let sandbox = tls_sandbox(certificate(CertificateKind::Pem {
        cert: cert.clone(),
        key,
    }));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let run = env.run(&["tokens", "ls"]);
    run.failure(1);
    assert!(run.stderr.contains("(CA:TRUE)"), "{}", run.block());
    env.trust(&cert);
    assert_listed(&env.run(&["tokens", "ls"]));
    // By IP address too: the certificate names 127.0.0.1 as well.
    let mut env = Env::at(&by_ip(&sandbox), &sandbox.owner_token());
    env.trust(&cert);
    assert_listed(&env.run(&["tokens", "ls"]));
}

/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does, or the openssl command line, which it does not have.)
#[cfg(not(windows))]
#[test]
fn a_private_ca_is_trusted_and_so_is_its_server_certificate_alone() {
    let sandbox = tls_sandbox(certificate(CertificateKind::PrivateCa));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    crate::harness::assert_untrusted_certificate(&env.run(&["tokens", "ls"]));
    assert_eq!(log(&sandbox), []);

    env.trust(&sandbox.ca_cert_pem().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
    // Go trusts a certificate that is itself trusted, whoever issued it.
    env.trust(&sandbox.server_cert_pem().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
}

// --- Refused, and why -------------------------------------------------------------------

#[test]
fn another_self_signed_certificate_is_not_trusted() {
    for kind in [CertificateKind::SelfSignedCa, CertificateKind::SelfSigned] {
        let sandbox = tls_sandbox(certificate(kind.clone()));
        let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
        env.trust(&other_certificate_pem());
        let run = env.run(&["tokens", "ls"]);
        let text = format!("### {kind:?}\n{}", run.block());
        tls_settings().bind(|| match kind {
            CertificateKind::SelfSignedCa => insta::assert_snapshot!(text, @"
                ### SelfSignedCa
                exit: 1
                --- stdout ---
                --- stderr ---
                error: list tokens: TLS handshake with https://[HOST] failed: it presents a certificate authority's certificate (CA:TRUE) as its own, and that certificate is not trusted here
                hint: to trust this self-signed certificate, add exactly this certificate to SSL_CERT_FILE (a PEM bundle; now [HOME]/trusted.pem), SSL_CERT_DIR (a directory of PEM files) or the system's certificate store; or give the server a certificate issued by that authority (CA:FALSE)
            "),
            _ => insta::assert_snapshot!(text, @"
                ### SelfSigned
                exit: 1
                --- stdout ---
                --- stderr ---
                error: list tokens: TLS handshake with https://[HOST] failed: its certificate is not signed by an authority this machine trusts
                hint: SSL_CERT_FILE is [HOME]/trusted.pem: check that this PEM bundle exists and contains the deployment's certificate authority (or its self-signed certificate); SSL_CERT_DIR and the system's certificate store work too
            "),
        });
        assert_eq!(log(&sandbox), []);
    }
}

#[test]
fn the_trusted_certificate_for_another_host_is_refused() {
    let sandbox = tls_sandbox(Certificate {
        kind: CertificateKind::SelfSignedCa,
        names: vec!["localhost".into()],
        validity: Validity::Current,
    });
    let mut env = Env::at(&by_ip(&sandbox), &sandbox.owner_token());
    env.trust(&sandbox.ca_cert_pem().unwrap());
    let run = env.run(&["tokens", "ls"]);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate is for localhost, not for 127.0.0.1
            hint: use the name the certificate holds in the deployment URL (localhost), or re-issue the certificate with -addext subjectAltName=IP:127.0.0.1
        ");
    });
    assert_eq!(log(&sandbox), []);
    // The name it holds works.
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    env.trust(&sandbox.ca_cert_pem().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
}

/// `tokens ls` against a certificate of `kind` valid only `validity`, trusted through
/// `SSL_CERT_FILE` (a private CA: the CA's); checks that it fails alike untrusted, and
/// that nothing was sent.
#[cfg(not(windows))]
fn refused_trusted_or_not(kind: CertificateKind, validity: Validity) -> (Sandbox, Run) {
    let sandbox = tls_sandbox(Certificate {
        validity,
        ..certificate(kind)
    });
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    env.trust(&sandbox.ca_cert_pem().unwrap());
    let run = env.run(&["tokens", "ls"]);
    let untrusted = Env::at(&sandbox.url(), &sandbox.owner_token()).run(&["tokens", "ls"]);
    assert_eq!(untrusted.stderr, run.stderr, "trusted or not");
    assert_eq!(log(&sandbox), []);
    (sandbox, run)
}

/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does, or the openssl command line, which it does not have.)
#[cfg(not(windows))]
#[test]
fn an_expired_certificate_is_refused_trusted_or_not() {
    let (sandbox, run) = refused_trusted_or_not(CertificateKind::SelfSignedCa, Validity::Expired);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate expired at 2025-01-01T00:00:00Z
            hint: the deployment's certificate must be renewed (or this machine's clock is wrong)
        ");
    });
    let (issued, by_ca) = refused_trusted_or_not(CertificateKind::PrivateCa, Validity::Expired);
    let stderr = by_ca.stderr.replace(&issued.url(), &sandbox.url());
    assert_eq!(stderr, run.stderr, "issued by a trusted CA, the same error");
}

/// (Not on Windows, for the same reason as the expired one.)
#[cfg(not(windows))]
#[test]
fn a_certificate_not_valid_yet_is_refused_naming_when_it_starts() {
    let (_, run) = refused_trusted_or_not(CertificateKind::SelfSignedCa, Validity::NotYet);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate is not valid before 2099-01-01T00:00:00Z
            hint: check this machine's clock, or wait until the certificate becomes valid
        ");
    });
}

#[test]
fn a_certificate_without_subject_alt_name_is_refused() {
    // `openssl req -x509 -subj /CN=localhost` without -addext: the host only in the CN.
    let mut blocks = Vec::new();
    for kind in [CertificateKind::SelfSignedCa, CertificateKind::PrivateCa] {
        let sandbox = tls_sandbox(Certificate {
            kind: kind.clone(),
            names: vec![],
            validity: Validity::Current,
        });
        let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
        env.trust(&sandbox.ca_cert_pem().unwrap());
        let block = env.run(&["tokens", "ls"]).block();
        blocks.push(block.replace(&sandbox.url(), "https://[HOST]"));
        assert_eq!(log(&sandbox), [], "{kind:?}");
    }
    assert_eq!(blocks[0], blocks[1]);
    tls_settings().bind(|| {
        insta::assert_snapshot!(blocks[0], @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate names no host in a subjectAltName (it has only a common name, CN, which is not used for the host)
            hint: re-issue it with -addext subjectAltName=DNS:localhost
        ");
    });
}

/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does, or the openssl command line, which it does not have.)
#[cfg(not(windows))]
#[test]
fn a_trusted_certificate_not_meant_for_servers_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = openssl_certificate(dir.path(), &["-addext", "extendedKeyUsage=clientAuth"]);
    let sandbox = tls_sandbox(certificate(CertificateKind::Pem {
        cert: cert.clone(),
        key,
    }));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    env.trust(&cert);
    let run = env.run(&["tokens", "ls"]);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate's extended key usage does not allow a TLS server
            hint: re-issue it with -addext extendedKeyUsage=serverAuth (or without that extension)
        ");
    });
    assert_eq!(log(&sandbox), []);
}

/// `SSL_CERT_FILE=` and `SSL_CERT_DIR=` (as CI makes them from undefined variables)
/// are unset, as Go takes them: the other variable, or the system's store, decides.
/// (Not on Windows: the verdict of the system store, which Wine's cannot give as
/// Windows does.)
#[cfg(not(windows))]
#[test]
fn empty_ssl_cert_variables_are_unset() {
    let sandbox = tls_sandbox(certificate(CertificateKind::SelfSignedCa));
    let pem = sandbox.ca_cert_pem().unwrap();
    let mut text = Vec::new();
    for (file, dir) in [
        (None, None),
        (Some(""), None),
        (None, Some("")),
        (Some(""), Some("")),
    ] {
        let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
        for (name, value) in [("SSL_CERT_FILE", file), ("SSL_CERT_DIR", dir)] {
            if let Some(value) = value {
                env.var(name, value);
            }
        }
        text.push(env.run(&["tokens", "ls"]).block());
    }
    // The system's verdict each time (it does not trust this certificate), never "no
    // certificates could be loaded".
    assert!(text.iter().all(|block| block == &text[0]), "{text:#?}");
    assert!(text[0].contains("(CA:TRUE) as its own"), "{}", text[0]);
    // An empty variable beside a set one: the set one's certificates are trusted.
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    env.var("SSL_CERT_DIR", "").trust(&pem);
    assert_listed(&env.run(&["tokens", "ls"]));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    write(&env, "certs/coder.pem", &pem);
    let dir = env.home.path().join("certs");
    env.var("SSL_CERT_FILE", "")
        .var("SSL_CERT_DIR", dir.to_str().unwrap());
    assert_listed(&env.run(&["tokens", "ls"]));
    assert_eq!(log(&sandbox).len(), 2);
}

#[test]
fn a_missing_ssl_cert_file_is_named() {
    let sandbox = tls_sandbox(certificate(CertificateKind::SelfSignedCa));
    let mut env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let missing = env.home.path().join("missing.pem");
    env.var("SSL_CERT_FILE", missing.to_str().unwrap());
    let run = env.run(&["tokens", "ls"]);
    tls_settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: no certificates to trust could be loaded
            hint: SSL_CERT_FILE is [HOME]/missing.pem: check that this PEM bundle exists and contains certificates
        ");
    });
}

// --- The wrong scheme ------------------------------------------------------------------

/// A TLS alert (fatal, decode error), what a TLS server sends back for plain HTTP.
const TLS_ALERT: &[u8] = b"\x15\x03\x03\x00\x02\x02\x32";
/// What Go's net/http (so Coder itself) answers plain HTTP on a TLS port with.
const GO_TLS_REFUSAL: &[u8] =
    b"HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n";
/// What a plain HTTP server answers a TLS handshake with.
const BAD_REQUEST: &[u8] =
    b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

/// A server on 127.0.0.1 that answers whatever comes first with `reply` and hangs up.
/// Returns its `host:port` and a count of connections.
fn answering(reply: &'static [u8]) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            seen.fetch_add(1, Ordering::SeqCst);
            let _ = stream.read(&mut [0; 4096]);
            let _ = stream.write_all(reply);
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    });
    (address, count)
}

#[test]
fn https_to_a_plain_http_server_is_named_and_not_retried() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let url = sandbox.url().replace("http://", "https://");
    let run = Env::at(&url, &sandbox.owner_token()).run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: https://[HOST] does not speak HTTPS; did you mean http://[HOST]?
            hint: the server answered in plain HTTP; if that is the deployment, log in with 'coder login http://[HOST]' (or set CODER_URL to it)
        ");
    });
    let (address, connections) = answering(BAD_REQUEST);
    let run = Env::at(&format!("https://{address}"), &sandbox.owner_token()).run(&["tokens", "ls"]);
    run.failure(1);
    assert!(
        run.stderr.contains("does not speak HTTPS"),
        "{}",
        run.block()
    );
    assert_eq!(connections.load(Ordering::SeqCst), 1);
}

#[test]
fn http_to_a_tls_server_is_named_and_not_retried() {
    let sandbox = tls_sandbox(Certificate::default());
    let url = sandbox.url().replace("https://", "http://");
    let run = Env::at(&url, &sandbox.owner_token()).run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: http://[HOST] expects TLS; use https://[HOST]
            hint: the server speaks TLS on that port; log in with 'coder login https://[HOST]' (or set CODER_URL to it)
        ");
    });
    assert_eq!(log(&sandbox), []);
    for reply in [TLS_ALERT, GO_TLS_REFUSAL] {
        let (address, connections) = answering(reply);
        let run =
            Env::at(&format!("http://{address}"), &sandbox.owner_token()).run(&["tokens", "ls"]);
        run.failure(1);
        let expected = format!("http://{address} expects TLS; use https://{address}");
        assert!(run.stderr.contains(&expected), "{}", run.block());
        assert!(!run.stderr.contains("retry"), "{}", run.block());
        assert_eq!(connections.load(Ordering::SeqCst), 1);
    }
}

#[test]
fn the_other_scheme_keeps_the_port_and_the_path() {
    let (address, _) = answering(TLS_ALERT);
    let mut env = Env::new();
    env.var("CODER_URL", &format!("http://{address}/coder"))
        .var("CODER_SESSION_TOKEN", crate::harness::SESSION);
    let run = env.run(&["tokens", "ls"]);
    run.failure(1);
    let expected = format!("http://{address}/coder expects TLS; use https://{address}/coder\n");
    assert!(run.stderr.contains(&expected), "{}", run.block());
}

// --- Not a Coder deployment -----------------------------------------------------------

/// `coder login <url>` with the token on stdin.
fn login(url: &str, token: &str) -> Run {
    Env::new().run_with_stdin(&["login", url, "--use-token-as-session"], token)
}

#[test]
fn a_web_server_that_is_not_coder_is_named_at_login() {
    let mut blocks = String::new();
    for kind in [NotCoder::NotFound, NotCoder::Html] {
        let server = Sandbox::start(Config {
            not_coder: Some(kind),
            ..Config::default()
        })
        .unwrap();
        let run = login(&server.url(), &server.owner_token());
        blocks.push_str(&format!("### {kind:?}\n{}", run.block()));
        // Nothing but the one look: no token was sent anywhere else.
        let paths: Vec<_> = server
            .requests()
            .into_iter()
            .map(|r| r.path_and_query)
            .collect();
        assert_eq!(paths, ["/api/v2/users/first"]);
    }
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
            ### NotFound
            exit: 1
            --- stdout ---
            --- stderr ---
            error: http://[HOST] does not look like a Coder deployment (GET /api/v2/users/first answered HTTP 404 Not Found with an HTML page titled "404 Not Found")
            hint: check the deployment URL (http://[HOST]): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
            ### Html
            exit: 1
            --- stdout ---
            --- stderr ---
            error: http://[HOST] does not look like a Coder deployment (GET /api/v2/users/first answered HTTP 200 OK with an HTML page titled "Welcome")
            hint: check the deployment URL (http://[HOST]): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
        "#);
    });
}

#[test]
fn a_wrong_sub_path_is_named_at_login() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let run = login(&format!("{}/coder", sandbox.url()), &sandbox.owner_token());
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r#"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: http://[HOST]/coder does not look like a Coder deployment (GET /api/v2/users/first answered HTTP 404 Not Found with the message "Route not found.")
            hint: check the deployment URL (http://[HOST]/coder): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
        "#);
    });
}

/// A deployment whose `/users/first` answers 404 with `response`'s headers.
async fn first_user_missing(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/first"))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_coder_deployment_without_users_is_still_one() {
    let missing = json!({"message": "The initial user has not been created!"});
    let with_header = ResponseTemplate::new(404)
        .insert_header("x-coder-build-version", "v2.31.0")
        .set_body_json(&missing);
    // A 404 page with the header: Coder behind a proxy that rewrote the body.
    let header_only = ResponseTemplate::new(404)
        .insert_header("x-coder-build-version", "v2.31.0")
        .set_body_raw("<html><title>404</title></html>", "text/html");
    // Coder's message without the header: a proxy that drops headers.
    let message_only = ResponseTemplate::new(404).set_body_json(&missing);
    for response in [with_header, header_only, message_only] {
        let server = first_user_missing(response).await;
        let run = login(&server.uri(), crate::harness::SESSION);
        run.failure(1);
        let expected = format!("error: {} has no users yet\n", server.uri());
        assert!(run.stderr.starts_with(&expected), "{}", run.block());
    }
    let plain_404 = first_user_missing(ResponseTemplate::new(404)).await;
    let run = login(&plain_404.uri(), crate::harness::SESSION);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: http://[HOST] does not look like a Coder deployment (GET /api/v2/users/first answered HTTP 404 Not Found with an empty body)
            hint: check the deployment URL (http://[HOST]): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
        ");
    });
}

#[test]
fn another_web_servers_404_is_never_a_missing_token() {
    let server = Sandbox::start(Config {
        not_coder: Some(NotCoder::NotFound),
        ..Config::default()
    })
    .unwrap();
    let env = Env::at(&server.url(), &server.owner_token());
    for args in [
        &["tokens", "view", "ci-pipeline"][..],
        &["tokens", "rm", "ci-pipeline"],
        &["tokens", "rm", "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"],
    ] {
        let run = env.run(args);
        run.failure(1);
        assert!(!run.stderr.contains("not found:"), "{}", run.block());
        assert!(
            run.stderr.contains("an HTML page")
                && run.stderr.contains("is the Coder deployment's URL"),
            "{}",
            run.block()
        );
    }
}

#[test]
fn an_argument_with_no_id_before_its_dash_is_looked_up_by_name_only() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::at(&sandbox.url(), &sandbox.owner_token());
    for arg in ["-nonexist", "..-foo"] {
        let run = env.run(&["tokens", "view", "--", arg]);
        run.failure(1);
        let wanted = format!("error: token {arg:?} not found: it is neither the name");
        assert!(run.stderr.starts_with(&wanted), "{}", run.block());
    }
    let paths: Vec<_> = sandbox
        .requests()
        .into_iter()
        .map(|r| r.path_and_query)
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v2/users/me/keys/tokens/-nonexist",
            "/api/v2/users/me/keys/tokens/..-foo"
        ]
    );
}

#[test]
fn a_wrong_sub_path_is_never_a_missing_token() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::at(&format!("{}/coder", sandbox.url()), &sandbox.owner_token());
    let mut blocks = String::new();
    for args in [
        &["tokens", "view", "ci-pipeline"][..],
        &["tokens", "rm", "ci-pipeline"],
        &["tokens", "view", "Xk2m9QpR7a"],
    ] {
        let run = env.run(args);
        blocks.push_str(&format!("### coder {}\n{}", args.join(" "), run.block()));
    }
    assert!(!blocks.contains("not found:"), "{blocks}");
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
            ### coder tokens view ci-pipeline
            exit: 1
            --- stdout ---
            --- stderr ---
            error: look up token "ci-pipeline": http://[HOST]/coder has no API route for GET /api/v2/users/me/keys/tokens/ci-pipeline (HTTP 404, "Route not found."): the deployment URL looks wrong, or the deployment predates this endpoint
            hint: check the deployment URL (http://[HOST]/coder): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
            ### coder tokens rm ci-pipeline
            exit: 1
            --- stdout ---
            --- stderr ---
            error: expire token "ci-pipeline": look up token "ci-pipeline": http://[HOST]/coder has no API route for GET /api/v2/users/me/keys/tokens/ci-pipeline (HTTP 404, "Route not found."): the deployment URL looks wrong, or the deployment predates this endpoint
            hint: check the deployment URL (http://[HOST]/coder): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
            ### coder tokens view Xk2m9QpR7a
            exit: 1
            --- stdout ---
            --- stderr ---
            error: look up token "Xk2m9QpR7a": http://[HOST]/coder has no API route for GET /api/v2/users/me/keys/tokens/Xk2m9QpR7a (HTTP 404, "Route not found."): the deployment URL looks wrong, or the deployment predates this endpoint
            hint: check the deployment URL (http://[HOST]/coder): use the address you open Coder at in a browser, with a sub-path (https://host/coder) only if Coder is served below one
        "#);
    });
    assert!(
        sandbox.requests().iter().all(|r| r.method == "GET"),
        "{:?}",
        sandbox.requests()
    );
}

// --- Compression ----------------------------------------------------------------------

#[test]
fn gzip_bodies_are_read_asked_for_or_not() {
    // The sandbox compresses every answer, as some proxies do.
    let sandbox = Sandbox::start(Config {
        gzip: true,
        extra_tokens: 50,
        ..Config::default()
    })
    .unwrap();
    let env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let run = env.run(&["tokens", "ls"]);
    assert_listed(&run);
    assert!(run.stdout.contains("bench-00050"), "{}", run.block());
    let run = env.run(&["tokens", "ls", "-o", "json"]);
    run.success();
    let tokens: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(tokens.as_array().unwrap().len(), 52);
    let run = env.run(&["tokens", "view", "ci-pipeline", "-o", "json"]);
    run.success();
    assert!(
        run.stdout.contains("\"token_name\": \"ci-pipeline\""),
        "{}",
        run.block()
    );
}

/// `data` as one gzip member.
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// A mock deployment answering the token list with `body`, gzip-encoded.
async fn gzip_list(body: Vec<u8>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(body, "application/json"),
        )
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_gzip_body_of_several_members_is_read_whole() {
    // RFC 1952 allows a stream of members; curl, Go and Python read them all.
    let list = crate::harness::example("tokens-list.json").to_string();
    let (first, second) = list.as_bytes().split_at(list.len() / 2);
    let server = gzip_list([gzip(first), gzip(second)].concat()).await;
    let run = Env::at(&server.uri(), crate::harness::SESSION).run(&["tokens", "ls", "-o", "json"]);
    run.success();
    let listed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let expected: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        expected.as_array().unwrap().len(),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_limit_and_says_so() {
    // 300 MiB of spaces (valid JSON whitespace) in about 300 KB.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..300 {
        encoder.write_all(&spaces).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let server = gzip_list(bomb).await;
    let run = Env::at(&server.uri(), crate::harness::SESSION).run(&["tokens", "ls"]);
    run.failure(1);
    assert!(
        run.stderr
            .contains("is larger than 256 MiB once decompressed, more than this client reads"),
        "{}",
        run.block()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn every_request_asks_for_gzip() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let mut env = Env::new();
    env.var("CODER_URL", &server.uri())
        .var("CODER_SESSION_TOKEN", crate::harness::SESSION);
    env.run(&["tokens", "ls"]).success();
    let requests = server.received_requests().await.unwrap();
    let accepted = requests[0].headers.get("accept-encoding").unwrap();
    assert!(accepted.to_str().unwrap().contains("gzip"), "{accepted:?}");
}

#[test]
fn a_body_that_does_not_decompress_is_named() {
    const CORRUPT: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
        content-encoding: gzip\r\ncontent-length: 20\r\n\r\n\x1f\x8b\x08\x00not gzip at all!";
    const BROTLI: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
        content-encoding: br\r\ncontent-length: 4\r\n\r\n\x0b\x01\x80[";
    let mut blocks = String::new();
    for reply in [CORRUPT, BROTLI] {
        let (address, connections) = answering(reply);
        let mut env = Env::new();
        env.var("CODER_URL", &format!("http://{address}"))
            .var("CODER_SESSION_TOKEN", crate::harness::SESSION);
        blocks.push_str(&env.run(&["tokens", "ls"]).block());
        assert_eq!(connections.load(Ordering::SeqCst), 1);
    }
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: the response from http://[HOST] says it is compressed (Content-Encoding) but does not decompress: the gzip stream is unreadable: corrupt deflate stream (GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false)
            hint: a proxy in front of the deployment may be compressing or mangling responses; check it
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: the response from http://[HOST] says it is compressed (Content-Encoding) but does not decompress: it is compressed with "br", which this client does not read (only gzip) (GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false)
            hint: a proxy in front of the deployment may be compressing or mangling responses; check it
        "#);
    });
}

#[test]
fn gzip_is_read_even_when_the_user_asked_for_none() {
    let sandbox = Sandbox::start(Config {
        gzip: true,
        ..Config::default()
    })
    .unwrap();
    let env = Env::at(&sandbox.url(), &sandbox.owner_token());
    assert_listed(&env.run(&["tokens", "ls", "--header", "Accept-Encoding=identity"]));
}

// --- Decoding as lenient as Go ----------------------------------------------------------

/// A deployment whose token list is `body`, and an env pointed at it.
pub(crate) async fn listing(body: &str) -> (MockServer, Env) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .mount(&server)
        .await;
    let mut env = Env::new();
    env.var("CODER_URL", &server.uri())
        .var("CODER_SESSION_TOKEN", crate::harness::SESSION);
    (server, env)
}

#[tokio::test]
async fn null_times_are_never_and_the_last_of_duplicated_keys_wins() {
    let (_server, env) = listing(
        r#"[{"id":"Xk2m9QpR7a","token_name":"old-name","last_used":null,
            "expires_at":"2036-02-28T08:00:12Z","created_at":"2026-03-02T08:00:12Z",
            "updated_at":null,"scopes":["coder:all"],"scopes":["workspace:read", null],
            "allow_list":null,"lifetime_seconds":null,"login_type":"token",
            "token_name":"ci-pipeline","username":null,"user_id":null}]"#,
    )
    .await;
    let run = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @"
            exit: 0
            --- stdout ---
            ID          NAME         SCOPES            ALLOW LIST  LAST USED             EXPIRES AT            CREATED AT            
            Xk2m9QpR7a  ci-pipeline  , workspace:read              0001-01-01T00:00:00Z  2036-02-28T08:00:12Z  2026-03-02T08:00:12Z  
            --- stderr ---
        ");
    });
    let run = env.run(&["tokens", "ls", "-o", "json"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r#"
            exit: 0
            --- stdout ---
            [
              {
                "id": "Xk2m9QpR7a",
                "user_id": "",
                "last_used": "0001-01-01T00:00:00Z",
                "expires_at": "2036-02-28T08:00:12Z",
                "created_at": "2026-03-02T08:00:12Z",
                "updated_at": "0001-01-01T00:00:00Z",
                "login_type": "token",
                "scope": "",
                "scopes": [
                  "workspace:read",
                  ""
                ],
                "lifetime_seconds": 0,
                "allow_list": null,
                "token_name": "ci-pipeline"
              }
            ]
            --- stderr ---
        "#);
    });
}

#[tokio::test]
async fn a_value_of_the_wrong_type_is_an_error_naming_its_field() {
    let (_server, env) =
        listing(r#"[{"id":"Xk2m9QpR7a","token_name":"ci","lifetime_seconds":"30d"}]"#).await;
    let run = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r#"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: the Coder API sent a response that could not be read: field "lifetime_seconds": invalid type: string "30d", expected i64 at line 1 column 63 (HTTP 200, application/json)
            hint: check that http://[HOST] is the Coder deployment's URL
        "#);
    });
}

// --- Small things real set-ups trip over -------------------------------------------------

#[test]
fn config_files_written_with_a_byte_order_mark_are_read() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::new();
    let bom = '\u{feff}';
    env.login_files(
        &format!("{bom}{}\r\n", sandbox.url()),
        &format!("{bom}{}\n", sandbox.owner_token()),
    );
    assert_listed(&env.run(&["tokens", "ls"]));
    let run = env.run(&["login", "token"]);
    run.success();
    assert_eq!(run.stdout, format!("{}\n", sandbox.owner_token()));
}

#[test]
fn a_url_file_that_is_no_url_says_why_without_quoting_it() {
    let mut blocks = String::new();
    for url in [
        "coder.example.com",
        "https://alice:s3cr3t@coder.example.com",
    ] {
        let env = Env::new();
        env.login_files(url, crate::harness::SESSION);
        let run = env.run(&["tokens", "ls"]);
        assert!(!run.stderr.contains("s3cr3t"), "{}", run.block());
        let url_file = env.config().join("url").display().to_string();
        let run = run.block().replace(&url_file, "[HOME]/.config/coderv2/url");
        blocks.push_str(&format!("### {}\n{run}", url.replace("s3cr3t", "***")));
    }
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @"
            ### coder.example.com
            exit: 1
            --- stdout ---
            --- stderr ---
            error: [HOME]/.config/coderv2/url does not hold a valid deployment URL: it has no scheme (http:// or https://)
            hint: log in again with 'coder login <url>' to replace it
            ### https://alice:***@coder.example.com
            exit: 1
            --- stdout ---
            --- stderr ---
            error: [HOME]/.config/coderv2/url does not hold a valid deployment URL: credentials do not belong in the URL
            hint: log in again with 'coder login <url>' to replace it
        ");
    });
}

#[test]
fn login_takes_the_scheme_in_any_case() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let url = sandbox.url().replace("http://", "HTTP://");
    let env = Env::new();
    let run = env.run_with_stdin(
        &["login", &url, "--use-token-as-session"],
        &sandbox.owner_token(),
    );
    run.success();
    assert_eq!(env.read_config("url"), Some(sandbox.url()));
    assert_listed(&env.run(&["tokens", "ls"]));
}

#[test]
fn a_missing_token_is_not_found_in_those_words() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::at(&sandbox.url(), &sandbox.owner_token());
    let mut blocks = String::new();
    for args in [&["tokens", "view", "nope"][..], &["tokens", "rm", "nope"]] {
        let run = env.run(args);
        blocks.push_str(&format!("### coder {}\n{}", args.join(" "), run.block()));
    }
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
            ### coder tokens view nope
            exit: 1
            --- stdout ---
            --- stderr ---
            error: token "nope" not found: it is neither the name nor the ID of one of your tokens
            hint: list your tokens with 'coder tokens ls' (add --all for everyone's)
            ### coder tokens rm nope
            exit: 1
            --- stdout ---
            --- stderr ---
            error: expire token "nope": token "nope" not found: it is neither the name nor the ID of one of your tokens
            hint: list your tokens with 'coder tokens ls' (add --all for everyone's)
        "#);
    });
}

// --- Helpers ------------------------------------------------------------------------------

/// A self-signed certificate (PEM) of some other server.
fn other_certificate_pem() -> String {
    tls_sandbox(certificate(CertificateKind::SelfSignedCa))
        .ca_cert_pem()
        .unwrap()
}

/// A certificate and key (PEM) made as the guides say: `openssl req -x509 -newkey
/// rsa:2048 -nodes -subj /CN=localhost -addext subjectAltName=…` plus `extra`.
#[cfg(not(windows))]
fn openssl_certificate(dir: &std::path::Path, extra: &[&str]) -> (String, String) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let out = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
        ])
        .args(["-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .args(extra)
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("run openssl (apt-get install openssl)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        std::fs::read_to_string(cert).unwrap(),
        std::fs::read_to_string(key).unwrap(),
    )
}
