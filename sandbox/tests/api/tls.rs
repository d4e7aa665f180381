//! The sandbox answers over HTTPS with a certificate clients can trust.

use std::net::TcpStream;
use std::sync::Arc;

use coder_sandbox::Config;
use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};

use crate::client::{exchange, start};

#[test]
fn serves_https_with_its_own_certificate() {
    let sandbox = start(Config {
        tls: true,
        ..Config::default()
    });
    let url = sandbox.url();
    let host = url.strip_prefix("https://").expect("an https URL");
    assert!(host.starts_with("localhost:"), "{url}");

    let pem = sandbox.ca_cert_pem().expect("a certificate");
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_slice(pem.as_bytes()).unwrap())
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();

    let port = host.strip_prefix("localhost:").unwrap();
    let server_name = ServerName::try_from("localhost").unwrap();
    let connection = rustls::ClientConnection::new(Arc::new(config), server_name).unwrap();
    let tcp = TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap())).unwrap();
    let token = sandbox.owner_token();
    let stream = rustls::StreamOwned::new(connection, tcp);
    let response = exchange(stream, host, "GET", "/api/v2/users/me", Some(&token), None);
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["username"], "alice");
    assert!(crate::client::sandbox().ca_cert_pem().is_none());
}
