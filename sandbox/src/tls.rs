//! The certificates the sandbox serves over HTTPS, made the ways administrators make
//! them: a plain self-signed one, one as `openssl req -x509` makes it (`CA:TRUE`), one
//! issued by a private certificate authority, or any certificate and key given as PEM.

use std::io;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// How the served certificate is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CertificateKind {
    /// Self-signed, without basic constraints, as rcgen's `generate_simple_self_signed`
    /// makes it (what most libraries generate).
    #[default]
    SelfSigned,
    /// Self-signed with `basicConstraints = critical,CA:TRUE`, as OpenSSL 3 makes it with
    /// `openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=… -addext subjectAltName=…`.
    SelfSignedCa,
    /// Issued by a private certificate authority; the trust PEM is the authority's.
    PrivateCa,
    /// This certificate (PEM, the first one is served) and private key (PEM, PKCS#8,
    /// PKCS#1 or SEC1), e.g. made with the `openssl` command; its names and dates are its
    /// own.
    Pem { cert: String, key: String },
}

/// The certificate the sandbox serves with `tls`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    pub kind: CertificateKind,
    /// Its subjectAltName entries: DNS names, or IP addresses. None at all makes a
    /// certificate that names its host only in the subject's common name (CN), as old
    /// guides do.
    pub names: Vec<String>,
    pub validity: Validity,
}

/// When the certificate is valid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Validity {
    /// From a day ago for a year.
    #[default]
    Current,
    /// Only from 2024-01-01 until 2025-01-01 (00:00 UTC), so long expired.
    Expired,
    /// Only from 2099-01-01 until 2100-01-01 (00:00 UTC), so not yet valid.
    NotYet,
}

impl Default for Certificate {
    fn default() -> Certificate {
        Certificate {
            kind: CertificateKind::default(),
            names: vec!["localhost".into(), "127.0.0.1".into()],
            validity: Validity::Current,
        }
    }
}

/// What serving a certificate needs, and what a client would be told to trust.
pub(crate) struct Served {
    /// The certificate to trust (PEM): the served one, or the private CA's.
    pub trust_pem: String,
    /// The served certificate (PEM).
    pub server_pem: String,
    pub acceptor: TlsAcceptor,
}

impl Certificate {
    pub(crate) fn serve(&self) -> io::Result<Served> {
        let (trust_pem, server_pem, chain, key) = match &self.kind {
            CertificateKind::Pem { cert, key } => given(cert, key)?,
            CertificateKind::PrivateCa => self.issued()?,
            CertificateKind::SelfSigned | CertificateKind::SelfSignedCa => self.self_signed()?,
        };
        let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(io::Error::other)?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(io::Error::other)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Served {
            trust_pem,
            server_pem,
            acceptor: TlsAcceptor::from(Arc::new(config)),
        })
    }

    /// The parameters of the served certificate: its names, common name and dates. The
    /// common name is the first name (`localhost` without names), as with `openssl req
    /// -subj /CN=…`; a plain self-signed one keeps the library's own unless it has no
    /// names.
    fn params(&self) -> io::Result<CertificateParams> {
        let mut params = CertificateParams::new(self.names.clone()).map_err(io::Error::other)?;
        if self.kind != CertificateKind::SelfSigned || self.names.is_empty() {
            let common_name = self.names.first().map_or("localhost", String::as_str);
            params
                .distinguished_name
                .push(DnType::CommonName, common_name);
        }
        let from = match self.validity {
            Validity::Current => None,
            Validity::Expired => Some(2024),
            Validity::NotYet => Some(2099),
        };
        if let Some(year) = from {
            params.not_before = rcgen::date_time_ymd(year, 1, 1);
            params.not_after = rcgen::date_time_ymd(year + 1, 1, 1);
        }
        Ok(params)
    }

    fn self_signed(&self) -> io::Result<Parts> {
        let mut params = self.params()?;
        if self.kind == CertificateKind::SelfSignedCa {
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        let key = KeyPair::generate().map_err(io::Error::other)?;
        let cert = params.self_signed(&key).map_err(io::Error::other)?;
        Ok((
            cert.pem(),
            cert.pem(),
            vec![cert.der().clone()],
            pkcs8(&key),
        ))
    }

    fn issued(&self) -> io::Result<Parts> {
        let mut authority = CertificateParams::new(Vec::new()).map_err(io::Error::other)?;
        authority
            .distinguished_name
            .push(DnType::CommonName, "Sandbox Private CA");
        authority.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        authority.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let authority_key = KeyPair::generate().map_err(io::Error::other)?;
        let authority_cert = authority
            .self_signed(&authority_key)
            .map_err(io::Error::other)?;
        let issuer = Issuer::new(authority, authority_key);

        let mut params = self.params()?;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate().map_err(io::Error::other)?;
        let cert = params.signed_by(&key, &issuer).map_err(io::Error::other)?;
        Ok((
            authority_cert.pem(),
            cert.pem(),
            vec![cert.der().clone()],
            pkcs8(&key),
        ))
    }
}

/// Trust PEM, served PEM, the chain to serve and its key.
type Parts = (
    String,
    String,
    Vec<CertificateDer<'static>>,
    PrivateKeyDer<'static>,
);

fn pkcs8(key: &KeyPair) -> PrivateKeyDer<'static> {
    PrivatePkcs8KeyDer::from(key.serialize_der()).into()
}

fn given(cert: &str, key: &str) -> io::Result<Parts> {
    let invalid = |what: &str, err: rustls::pki_types::pem::Error| {
        io::Error::new(io::ErrorKind::InvalidData, format!("{what}: {err}"))
    };
    let chain = CertificateDer::pem_slice_iter(cert.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| invalid("certificate PEM", err))?;
    if chain.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the certificate PEM holds no certificate",
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(key.as_bytes())
        .map_err(|err| invalid("private key PEM", err))?;
    Ok((cert.to_string(), cert.to_string(), chain, key))
}
