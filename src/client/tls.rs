//! TLS set-up that costs nothing until a handshake needs it, and that trusts what Go's
//! crypto/x509 trusts.
//!
//! The platform verifier reads the whole system certificate store when it is built
//! (about 17 million instructions and 300 system calls on Debian), which is most of a
//! short command's run time and is never needed for `http://` deployments. Here the
//! store is read at the first certificate check instead, once per process.
//!
//! Go accepts a server certificate that is itself among the trusted ones (a chain of
//! one), whatever its CA flag: the usual `openssl req -x509` self-signed certificate
//! carries `CA:TRUE`, and webpki refuses a CA certificate in the server's place by
//! design. So when the normal check fails, and only then, the trusted certificates are
//! read once more; a server certificate byte-equal to one of them is accepted after the
//! checks Go makes for a chain of one: validity period, host name against its
//! subjectAltName, extended key usage. Every other certificate gets the normal check's
//! verdict unchanged. The handshake signature is always checked against the server's
//! certificate (`verify_tls1*_signature`).

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, OtherError, SignatureScheme};
use rustls_platform_verifier::Verifier;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::certificate;
use super::error::TlsFailure;
use crate::env;

/// The client's TLS configuration: ring, the platform's roots (and `SSL_CERT_FILE` /
/// `SSL_CERT_DIR`), HTTP/1.1 by ALPN (a command sends one or two requests: HTTP/2's
/// multiplexing buys nothing, and its code would take the binary past 6 MB).
pub fn config() -> rustls::ClientConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(LazyVerifier {
            provider,
            verifier: OnceLock::new(),
            trusted: OnceLock::new(),
        }))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    config
}

/// The platform verifier, built at the first certificate it has to check.
#[derive(Debug)]
struct LazyVerifier {
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Result<Arc<dyn ServerCertVerifier>, rustls::Error>>,
    /// The certificates the user trusts, read only after a certificate failed the
    /// normal check.
    trusted: OnceLock<Vec<CertificateDer<'static>>>,
}

impl ServerCertVerifier for LazyVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verifier = self
            .verifier
            .get_or_init(|| platform_verifier(Arc::clone(&self.provider)))
            .as_ref()
            .map_err(Clone::clone)?;
        let err = match verifier.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Ok(verified) => return Ok(verified),
            Err(err @ rustls::Error::InvalidCertificate(_)) => err,
            Err(err) => return Err(err),
        };
        let trusted = self.trusted.get_or_init(trusted_certificates);
        if trusted
            .iter()
            .any(|cert| cert.as_ref() == end_entity.as_ref())
        {
            verify_trusted(end_entity, server_name, now)
        } else {
            Err(named(err))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// The verifier: with `SSL_CERT_FILE` or `SSL_CERT_DIR` set, on every platform, the
/// certificates they hold and no others (as OpenSSL reads them, and as the platform
/// verifier does on Linux), checked by webpki; otherwise the platform's own verifier
/// and its store.
fn platform_verifier(
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, rustls::Error> {
    let certificates = match named_certificates() {
        Some(certificates) => certificates,
        // The platform verifier reads the variables itself on Linux, where an empty
        // `SSL_CERT_FILE` would name a file that is not there: the system's store is
        // read here instead.
        None if PROBED
            && ["SSL_CERT_FILE", "SSL_CERT_DIR"]
                .iter()
                .any(|n| std::env::var_os(n).is_some()) =>
        {
            system_certificates()
        }
        None => return Ok(Arc::new(Verifier::new(provider)?)),
    };
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(certificates);
    if roots.is_empty() {
        return Err(rustls::Error::General(NO_CERTIFICATES.into()));
    }
    let verifier =
        rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|err| rustls::Error::General(err.to_string()))?;
    Ok(verifier)
}

/// What the platform verifier says when it found nothing to trust.
const NO_CERTIFICATES: &str = "No CA certificates were loaded from the system";

/// The certificates `SSL_CERT_FILE` (a PEM bundle) and `SSL_CERT_DIR` (directories of
/// PEM files, `:`-separated, `;` on Windows) hold; `None` when neither names anything.
fn named_certificates() -> Option<Vec<CertificateDer<'static>>> {
    let file = env::var_os("SSL_CERT_FILE").map(PathBuf::from);
    let dirs: Vec<PathBuf> = env::var_os("SSL_CERT_DIR")
        .map(|dirs| {
            std::env::split_paths(&dirs)
                .filter(|d| !d.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    (file.is_some() || !dirs.is_empty()).then(|| load(file, &dirs))
}

/// The certificates in a PEM bundle and in directories of PEM files.
fn load(file: Option<PathBuf>, dirs: &[PathBuf]) -> Vec<CertificateDer<'static>> {
    let mut certificates = rustls_native_certs::load_certs_from_paths(file.as_deref(), None).certs;
    for dir in dirs {
        certificates.extend(rustls_native_certs::load_certs_from_paths(None, Some(dir)).certs);
    }
    certificates
}

/// Whether the system's store is a file and directories found by probing (Unix but
/// macOS), as the platform verifier finds them.
const PROBED: bool = cfg!(all(unix, not(target_os = "macos")));

/// The system's certificate store when no variable names certificates.
fn system_certificates() -> Vec<CertificateDer<'static>> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // The file and directories OpenSSL would use (an empty variable names none).
        let found = openssl_probe::probe();
        load(found.cert_file, &found.cert_dir)
    }
    // The platform's store. (With a variable set but empty, rustls-native-certs reads
    // it as a file that is not there; only the exact-match check of a self-signed
    // certificate, below, uses this list on these platforms.)
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        rustls_native_certs::load_native_certs().certs
    }
}

/// The certificates the user trusts: those in `SSL_CERT_FILE` and `SSL_CERT_DIR` when
/// either names any, else the system's store.
fn trusted_certificates() -> Vec<CertificateDer<'static>> {
    named_certificates().unwrap_or_else(system_certificates)
}

/// Go's checks of a server certificate that is itself trusted (a chain of one): the
/// validity period, the host name against the subjectAltName (Go, like webpki, ignores
/// the common name), and an extended key usage, if any, that allows a server. Its CA
/// flag does not matter.
fn verify_trusted(
    end_entity: &CertificateDer<'_>,
    server_name: &ServerName<'_>,
    now: UnixTime,
) -> Result<ServerCertVerified, rustls::Error> {
    let facts = certificate::read(end_entity).ok_or(CertificateError::BadEncoding)?;
    let at = |seconds: i64| {
        UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(seconds).unwrap_or(0)))
    };
    let time = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
    if time < facts.not_before {
        let not_before = at(facts.not_before);
        return Err(CertificateError::NotValidYetContext {
            time: now,
            not_before,
        }
        .into());
    }
    if time > facts.not_after {
        let not_after = at(facts.not_after);
        return Err(CertificateError::ExpiredContext {
            time: now,
            not_after,
        }
        .into());
    }
    let expected = server_name.to_owned();
    if !facts.has_subject_alt_name {
        let presented = Vec::new();
        return Err(CertificateError::NotValidForNameContext {
            expected,
            presented,
        }
        .into());
    }
    let cert = webpki::EndEntityCert::try_from(end_entity).map_err(webpki_error)?;
    cert.verify_is_valid_for_subject_name(server_name)
        .map_err(webpki_error)?;
    if !facts.allows_server_auth() {
        return Err(CertificateError::InvalidPurpose.into());
    }
    Ok(ServerCertVerified::assertion())
}

fn webpki_error(err: webpki::Error) -> rustls::Error {
    match err {
        webpki::Error::CertNotValidForName(context) => CertificateError::NotValidForNameContext {
            expected: context.expected,
            presented: context.presented,
        }
        .into(),
        other => CertificateError::Other(OtherError(Arc::new(other))).into(),
    }
}

/// The platform verifier's own error for an extended key usage without serverAuth,
/// under the name rustls has for it.
fn named(err: rustls::Error) -> rustls::Error {
    match &err {
        rustls::Error::InvalidCertificate(CertificateError::Other(other))
            if other.to_string() == "certificate had invalid extensions" =>
        {
            CertificateError::InvalidPurpose.into()
        }
        _ => err,
    }
}

/// A TLS failure in the terms the user needs.
pub(super) fn failure(err: &rustls::Error) -> TlsFailure {
    match err {
        rustls::Error::InvalidCertificate(err) => certificate_failure(err),
        rustls::Error::General(text) if text == NO_CERTIFICATES => {
            TlsFailure::NoTrustedCertificates
        }
        rustls::Error::General(text) => TlsFailure::Other(text.clone()),
        rustls::Error::AlertReceived(alert) => TlsFailure::Other(format!(
            "the server ended the handshake ({})",
            words(&format!("{alert:?}"))
        )),
        rustls::Error::NoCertificatesPresented => {
            TlsFailure::Other("the server presented no certificate".into())
        }
        rustls::Error::PeerIncompatible(_) => TlsFailure::Other(
            "the server supports no TLS version or cipher this client does (TLS 1.2 or 1.3)".into(),
        ),
        other => TlsFailure::Other(words(&other.to_string())),
    }
}

fn certificate_failure(err: &CertificateError) -> TlsFailure {
    match err {
        // A bad signature, or one of another key type, is a trusted certificate of the
        // issuer's name that did not sign it (say two self-signed certificates for one
        // host): no trusted issuer, as Go says.
        CertificateError::UnknownIssuer
        | CertificateError::BadSignature
        | CertificateError::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
            TlsFailure::UnknownIssuer
        }
        CertificateError::UnsupportedSignatureAlgorithmContext { .. } => TlsFailure::Other(
            "its certificate is signed with an algorithm this client does not support".into(),
        ),
        CertificateError::ExpiredContext { not_after, .. } => TlsFailure::Expired(date(*not_after)),
        CertificateError::Expired => TlsFailure::Expired(String::new()),
        CertificateError::NotValidYetContext { not_before, .. } => {
            TlsFailure::NotYetValid(date(*not_before))
        }
        CertificateError::NotValidYet => TlsFailure::NotYetValid(String::new()),
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => {
            let host = expected.to_str().into_owned();
            let names: Vec<String> = presented.iter().filter_map(|n| host_name(n)).collect();
            if names.is_empty() {
                TlsFailure::NoSubjectAltName { host }
            } else {
                TlsFailure::WrongHost { host, names }
            }
        }
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
            TlsFailure::NotForServers
        }
        CertificateError::Other(other) => other_failure(other),
        CertificateError::BadEncoding => {
            TlsFailure::Other("its certificate could not be read".into())
        }
        CertificateError::Revoked => TlsFailure::Other("its certificate was revoked".into()),
        other => TlsFailure::Other(format!(
            "its certificate was refused ({})",
            words(&format!("{other:?}"))
        )),
    }
}

fn other_failure(other: &OtherError) -> TlsFailure {
    let text = other.to_string();
    match other.0.downcast_ref::<webpki::Error>() {
        Some(webpki::Error::CaUsedAsEndEntity) => TlsFailure::CaAsServer,
        // An X.509 v1 certificate cannot have a subjectAltName.
        Some(webpki::Error::UnsupportedCertVersion) => TlsFailure::NoSubjectAltName {
            host: String::new(),
        },
        Some(webpki::Error::EndEntityUsedAsCa) => TlsFailure::Other(
            "the server's certificate chain uses a non-CA certificate as an authority".into(),
        ),
        _ => TlsFailure::Other(format!("its certificate was refused ({})", words(&text))),
    }
}

/// A host name or IP address from webpki's list of the names a certificate presents
/// (`DnsName("localhost")`, `IpAddress(127.0.0.1)`); `None` for other kinds of name.
fn host_name(presented: &str) -> Option<String> {
    let quoted = |inner: &str| {
        inner
            .strip_prefix('"')?
            .strip_suffix('"')
            .map(str::to_owned)
    };
    if let Some(inner) = presented.strip_prefix("DnsName(") {
        quoted(inner.strip_suffix(')')?)
    } else {
        let inner = presented.strip_prefix("IpAddress(")?.strip_suffix(')')?;
        Some(inner.to_owned())
    }
}

/// RFC 3339, e.g. `2025-01-01T00:00:00Z`.
fn date(time: UnixTime) -> String {
    i64::try_from(time.as_secs())
        .ok()
        .and_then(|secs| OffsetDateTime::from_unix_timestamp(secs).ok())
        .and_then(|date| date.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Debug names in words: `UnknownIssuer` → `unknown issuer`, `Other(OtherError(X))` →
/// `x`, so that no Rust type name reaches a message.
pub(super) fn words(text: &str) -> String {
    let text = text.replace("OtherError(", "(").replace("Other(", "(");
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        match c {
            '(' | ')' | '{' | '}' => out.push(' '),
            c if c.is_ascii_uppercase() => {
                if previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit()) {
                    out.push(' ');
                }
                out.push(c.to_ascii_lowercase());
            }
            c => out.push(c),
        }
        previous = Some(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_become_words() {
        assert_eq!(words("UnknownIssuer"), "unknown issuer");
        assert_eq!(
            words("invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))"),
            "invalid peer certificate: ca used as end entity"
        );
        assert_eq!(words("HandshakeFailure"), "handshake failure");
    }

    #[test]
    fn certificate_failures_are_named_for_their_hints() {
        let name = ServerName::try_from("127.0.0.1").unwrap();
        let wrong = CertificateError::NotValidForNameContext {
            expected: name.clone(),
            presented: vec!["DnsName(\"localhost\")".into()],
        };
        assert_eq!(
            certificate_failure(&wrong),
            TlsFailure::WrongHost {
                host: "127.0.0.1".into(),
                names: vec!["localhost".into()]
            }
        );
        assert_eq!(
            host_name("IpAddress(10.0.0.1)").as_deref(),
            Some("10.0.0.1")
        );
        assert_eq!(host_name("UniformResourceIdentifier(\"x\")"), None);
        assert_eq!(host_name("DirectoryName"), None);
        let none = CertificateError::NotValidForNameContext {
            expected: name,
            presented: vec![],
        };
        assert!(matches!(
            certificate_failure(&none),
            TlsFailure::NoSubjectAltName { .. }
        ));
        let expired = CertificateError::ExpiredContext {
            time: UnixTime::since_unix_epoch(Duration::from_secs(1_800_000_000)),
            not_after: UnixTime::since_unix_epoch(Duration::from_secs(1_735_689_600)),
        };
        assert_eq!(
            certificate_failure(&expired),
            TlsFailure::Expired("2025-01-01T00:00:00Z".into())
        );
        let ca = CertificateError::Other(OtherError(Arc::new(webpki::Error::CaUsedAsEndEntity)));
        assert_eq!(certificate_failure(&ca), TlsFailure::CaAsServer);
        let eku = rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(
            std::io::Error::other("certificate had invalid extensions"),
        ))));
        assert_eq!(failure(&named(eku)), TlsFailure::NotForServers);
    }
}
