//! The real-world set-ups the sandbox can play: certificates made the ways
//! administrators make them, a proxy that compresses every answer, and web servers that
//! are not Coder at all.

use std::io::Read;
use std::net::TcpStream;
use std::sync::Arc;

use coder_sandbox::{
    BUILD_VERSION, Certificate, CertificateKind, Config, NotCoder, Sandbox, Validity,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, pem::PemObject};

use crate::client::{Client, Response, exchange, start};

/// `GET /api/v2/users/me` over TLS, trusting `trust_pem` and asking for `name`; the
/// handshake's error when it fails.
fn get_over_tls(sandbox: &Sandbox, trust_pem: &str, name: &str) -> Result<Response, rustls::Error> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(trust_pem.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let server_name = ServerName::try_from(name.to_owned()).unwrap();
    let mut connection = rustls::ClientConnection::new(Arc::new(config), server_name).unwrap();
    let mut tcp = TcpStream::connect(("127.0.0.1", sandbox.port())).unwrap();
    while connection.is_handshaking() {
        if let Err(err) = connection.complete_io(&mut tcp) {
            let inner = err
                .get_ref()
                .and_then(|e| e.downcast_ref::<rustls::Error>());
            return Err(inner.cloned().expect("a TLS error"));
        }
    }
    let stream = rustls::StreamOwned::new(connection, tcp);
    let host = format!("{name}:{}", sandbox.port());
    let token = sandbox.owner_token();
    Ok(exchange(
        stream,
        &host,
        "GET",
        "/api/v2/users/me",
        Some(&token),
        None,
    ))
}

fn tls(certificate: Certificate) -> Sandbox {
    start(Config {
        tls: true,
        certificate,
        ..Config::default()
    })
}

fn kind(kind: CertificateKind) -> Certificate {
    Certificate {
        kind,
        ..Certificate::default()
    }
}

/// webpki's verdict, as rustls reports it.
fn refusal(result: Result<Response, rustls::Error>) -> String {
    match result {
        Ok(response) => panic!("the handshake succeeded: {}", response.status),
        Err(err) => err.to_string(),
    }
}

#[test]
fn certificates_are_made_as_described() {
    for kind in [CertificateKind::SelfSigned, CertificateKind::PrivateCa] {
        let sandbox = tls(self::kind(kind));
        let trust = sandbox.ca_cert_pem().unwrap();
        for name in ["localhost", "127.0.0.1"] {
            let response = get_over_tls(&sandbox, &trust, name).unwrap();
            assert_eq!(response.json()["username"], "alice");
        }
    }
    // `CA:TRUE` in the server's place: webpki refuses it even when it is the root.
    let sandbox = tls(kind(CertificateKind::SelfSignedCa));
    let trust = sandbox.ca_cert_pem().unwrap();
    assert_eq!(sandbox.server_cert_pem().unwrap(), trust);
    let refused = refusal(get_over_tls(&sandbox, &trust, "localhost"));
    assert!(refused.contains("CaUsedAsEndEntity"), "{refused}");

    // A private CA's server certificate is not the CA's.
    let sandbox = tls(kind(CertificateKind::PrivateCa));
    assert_ne!(sandbox.server_cert_pem(), sandbox.ca_cert_pem());
    let server = sandbox.server_cert_pem().unwrap();
    let refused = refusal(get_over_tls(&sandbox, &server, "localhost"));
    assert!(refused.contains("UnknownIssuer"), "{refused}");
}

#[test]
fn names_and_dates_are_as_asked() {
    let only_localhost = tls(Certificate {
        names: vec!["localhost".into()],
        ..kind(CertificateKind::PrivateCa)
    });
    let trust = only_localhost.ca_cert_pem().unwrap();
    get_over_tls(&only_localhost, &trust, "localhost").unwrap();
    let refused = refusal(get_over_tls(&only_localhost, &trust, "127.0.0.1"));
    assert!(refused.contains("not valid for name"), "{refused}");

    let expired = tls(Certificate {
        validity: Validity::Expired,
        ..kind(CertificateKind::PrivateCa)
    });
    let refused = refusal(get_over_tls(
        &expired,
        &expired.ca_cert_pem().unwrap(),
        "localhost",
    ));
    assert!(refused.contains("certificate expired"), "{refused}");
    assert!(
        refused.contains("1735689600"),
        "not after 2025-01-01: {refused}"
    );

    let cn_only = tls(Certificate {
        names: vec![],
        ..kind(CertificateKind::PrivateCa)
    });
    let refused = refusal(get_over_tls(
        &cn_only,
        &cn_only.ca_cert_pem().unwrap(),
        "localhost",
    ));
    assert!(refused.contains("not valid for any names"), "{refused}");
}

#[test]
fn serves_a_certificate_given_as_pem() {
    let key = rcgen::KeyPair::generate().unwrap();
    let params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    let cert = params.self_signed(&key).unwrap().pem();
    let sandbox = tls(kind(CertificateKind::Pem {
        cert: cert.clone(),
        key: key.serialize_pem(),
    }));
    assert_eq!(sandbox.ca_cert_pem().unwrap(), cert);
    get_over_tls(&sandbox, &cert, "localhost").unwrap();
    assert!(PrivateKeyDer::from_pem_slice(key.serialize_pem().as_bytes()).is_ok());

    let bad = Sandbox::start(Config {
        tls: true,
        certificate: kind(CertificateKind::Pem {
            cert: "not a certificate".into(),
            key: key.serialize_pem(),
        }),
        ..Config::default()
    });
    let err = bad.err().expect("a PEM without a certificate is refused");
    assert!(err.to_string().contains("no certificate"), "{err}");
}

#[test]
fn gzip_compresses_every_body_asked_or_not() {
    let sandbox = start(Config {
        gzip: true,
        ..Config::default()
    });
    let response = Client::owner(&sandbox).get("/api/v2/users/me");
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-encoding"), Some("gzip"));
    let mut json = String::new();
    flate2::read::GzDecoder::new(&response.bytes[..])
        .read_to_string(&mut json)
        .unwrap();
    let user: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(user["username"], "alice");
}

#[test]
fn coder_sends_its_build_version_and_other_servers_do_not() {
    let coder = crate::client::sandbox();
    let response = Client::owner(&coder).get("/api/v2/users/first");
    assert_eq!(
        response.header("x-coder-build-version"),
        Some(BUILD_VERSION)
    );
    let missing = Client::owner(&coder).get("/api/v2/nothing-here");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("x-coder-build-version"), Some(BUILD_VERSION));

    for (kind, status) in [(NotCoder::NotFound, 404), (NotCoder::Html, 200)] {
        let other = start(Config {
            not_coder: Some(kind),
            ..Config::default()
        });
        let response = Client::owner(&other).get("/api/v2/users/first");
        assert_eq!(response.status, status, "{kind:?}");
        assert_eq!(response.content_type.as_deref(), Some("text/html"));
        assert!(response.body.contains("<html"), "{}", response.body);
        assert_eq!(response.header("x-coder-build-version"), None);
        assert_eq!(other.requests()[0].status, status);
    }
}
