//! Typed errors of the API client and what to do about each. Their text never contains
//! a secret: request URLs carry no token (tokens travel in a header) and bodies are
//! never quoted whole.

use std::fmt;
use std::time::Duration;

use super::redirect::Refusal;
use super::retry::MAX_RETRY_WAIT;
use super::types::{ErrorBody, Validation};
use crate::env;

/// The request an error belongs to.
#[derive(Debug, Clone)]
pub struct RequestLine {
    pub method: String,
    pub url: String,
    /// The deployment URL, for hints.
    pub deployment: String,
}

impl fmt::Display for RequestLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.url)
    }
}

/// What went wrong below HTTP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportKind {
    Refused,
    Dns,
    Timeout,
    Tls(TlsFailure),
    /// An `https://` URL, and the server answered in plain HTTP.
    NotHttps,
    /// An `http://` URL, and the server wants TLS.
    ExpectsTls,
    /// The connection broke while the response was being read.
    Interrupted,
    /// The server accepted the connection and closed it without an answer.
    Closed,
    /// A compressed (`Content-Encoding: gzip`) body that does not decompress.
    Decompression,
    /// A body larger than the client reads (`limit` bytes), as sent or once decompressed.
    TooLarge {
        limit: usize,
        decompressed: bool,
    },
    Other,
}

/// Why a TLS handshake failed, in the terms its hint needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsFailure {
    /// The certificate leads to no authority this machine trusts.
    UnknownIssuer,
    /// A certificate authority's certificate (`CA:TRUE`) in the server's place, and not
    /// itself trusted.
    CaAsServer,
    /// Expired at this time (RFC 3339; empty when unknown).
    Expired(String),
    /// Not valid before this time (RFC 3339; empty when unknown).
    NotYetValid(String),
    /// The certificate holds these names, and not the host.
    WrongHost { host: String, names: Vec<String> },
    /// The certificate names no host in a subjectAltName (only a common name, or an
    /// X.509 v1 certificate).
    NoSubjectAltName { host: String },
    /// Its extended key usage does not allow a TLS server.
    NotForServers,
    /// No certificate to trust could be loaded at all.
    NoTrustedCertificates,
    /// Anything else, in words.
    Other(String),
}

/// The message Coder's router sends for a path it does not know.
pub(super) const ROUTE_NOT_FOUND: &str = "Route not found.";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The server answered with a status the call does not accept.
    #[error("{}", status_line(*.status, .body, .request))]
    Status {
        status: u16,
        body: ErrorBody,
        /// What the body was, when it was not a Coder error object.
        body_kind: BodyKind,
        request: Box<RequestLine>,
    },
    /// The server answered with an accepted status but a body that cannot be used.
    #[error("{problem} (HTTP {status}, {content_type})")]
    InvalidBody {
        status: u16,
        problem: String,
        content_type: String,
        fault: BodyFault,
        /// Whether the answer carries Coder's build-version header: then the URL leads
        /// to Coder, and the hint does not doubt it.
        from_coder: bool,
        request: Box<RequestLine>,
    },
    /// No usable answer at all.
    #[error("{}", transport_line(.kind, .request, .cause, .timeout))]
    Transport {
        kind: TransportKind,
        cause: String,
        timeout: Duration,
        request: Box<RequestLine>,
    },
    /// The deployment redirected the request somewhere it may not follow (see
    /// [`Refusal`]), so nothing was sent there.
    #[error("{}", redirect_line(*.status, .location.as_deref(), *.why, .request))]
    Redirect {
        status: u16,
        /// Where it pointed, without the query.
        location: Option<String>,
        why: Refusal,
        request: Box<RequestLine>,
    },
    /// The proxy the environment names for the request failed, or may not be used.
    #[error("{}", proxy_line(.proxy, .variable, .failure, .request))]
    Proxy {
        /// Its scheme, host and port (never its credentials); empty when not used.
        proxy: String,
        /// The variable that named it (`HTTPS_PROXY`, `http_proxy`, …).
        variable: &'static str,
        failure: ProxyFailure,
        request: Box<RequestLine>,
    },
    /// The server at the deployment URL is not Coder's API: no build-version header,
    /// no Coder message (a web server's 404 page, an app's HTML), or Coder's router
    /// without the route (a wrong sub-path).
    #[error(
        "{} does not look like a Coder deployment (GET {} answered HTTP {status} {} with {body})",
        .request.deployment,
        request_path(.request),
        reason(*.status)
    )]
    NotCoder {
        status: u16,
        /// What the body was, in words.
        body: String,
        request: Box<RequestLine>,
    },
    /// The server asked us to wait (`asked`) longer than is left of the retry budget
    /// after what we `waited` already.
    #[error("{}", throttled_line(*.status, *.asked, *.waited))]
    Throttled {
        status: u16,
        asked: Duration,
        waited: Duration,
        request: Box<RequestLine>,
    },
    /// A header from `--header` or `--header-command` whose name HTTP cannot carry.
    #[error("invalid header name {name:?}")]
    HeaderName { name: String },
    /// A header whose value HTTP cannot carry.
    #[error("invalid value for header {name:?}")]
    HeaderValue { name: String },
    /// A session token with characters HTTP cannot carry.
    #[error("the session token contains characters that cannot be sent")]
    Token,
    /// The HTTP client could not be built (the certificates to trust failed to load).
    #[error("could not set up the HTTP client: {cause}")]
    Setup { cause: String },
}

/// What went wrong with a proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyFailure {
    /// It could not be reached, or did not carry the request; why, in words.
    Unreachable(String),
    /// Its scheme is not one this client speaks (SOCKS).
    Unsupported,
    /// A CGI program (`REQUEST_METHOD` set) may not use `HTTP_PROXY`.
    Cgi,
}

/// What was wrong with an accepted body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFault {
    Empty,
    /// An HTML page (a proxy's or an SSO's).
    Html,
    /// JSON that ends before it is complete.
    CutShort,
    /// Anything else JSON decoding refused: not JSON, or not the shape expected.
    Unreadable,
}

/// What an error response's body was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// A Coder error object.
    Coder,
    Html,
    Empty,
    /// Some other text or unreadable JSON.
    Other,
}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// The request's path below the deployment URL, e.g. `/api/v2/users/first`.
fn request_path(request: &RequestLine) -> &str {
    request
        .url
        .strip_prefix(request.deployment.as_str())
        .unwrap_or(&request.url)
}

fn status_line(status: u16, body: &ErrorBody, request: &RequestLine) -> String {
    if status == 404 && body.message == ROUTE_NOT_FOUND {
        return format!(
            "{} has no API route for {} {} (HTTP 404, {ROUTE_NOT_FOUND:?}): the deployment URL \
             looks wrong, or the deployment predates this endpoint",
            request.deployment,
            request.method,
            request_path(request).split('?').next().unwrap_or_default()
        );
    }
    format!("{} (HTTP {} {})", body.message, status, reason(status))
        .trim_end()
        .to_string()
}

fn redirect_line(
    status: u16,
    location: Option<&str>,
    why: Refusal,
    request: &RequestLine,
) -> String {
    let target = location.unwrap_or("a location it did not name");
    let why = match why {
        Refusal::Elsewhere => "the redirect was not followed and nothing was sent there".into(),
        Refusal::MethodChange => format!(
            "following it would turn the {} into a GET, another request than the one asked \
             for, so it was not followed",
            request.method
        ),
        Refusal::TooMany => format!("stopped after {} redirects", super::redirect::MAX_REDIRECTS),
    };
    format!(
        "{request} was redirected to {target} (HTTP {status} {}); {why}",
        reason(status)
    )
}

fn proxy_line(
    proxy: &str,
    variable: &str,
    failure: &ProxyFailure,
    request: &RequestLine,
) -> String {
    let target = &request.deployment;
    match failure {
        ProxyFailure::Unreachable(why) => {
            format!("could not reach {target} through the proxy {proxy} (from {variable}): {why}")
        }
        ProxyFailure::Unsupported => format!(
            "{variable} names the proxy {proxy}, and this client speaks only to http:// and \
             https:// proxies"
        ),
        ProxyFailure::Cgi => format!(
            "refusing to use {variable} for {target} in a CGI program (REQUEST_METHOD is set), \
             as Go refuses it; see golang.org/s/cgihttpproxy"
        ),
    }
}

fn throttled_line(status: u16, asked: Duration, waited: Duration) -> String {
    let budget = seconds(MAX_RETRY_WAIT);
    let already = if waited.is_zero() {
        String::new()
    } else {
        format!(" has waited {} already and", seconds(waited))
    };
    format!(
        "the deployment asked to retry in {} (HTTP {status} {}); this command{already} waits \
         at most {budget} in all",
        seconds(asked),
        reason(status)
    )
}

/// `3s`, `0.6s`, `2.5s`: whole seconds, else tenths (rounded up, so a wait is never
/// shown shorter than it is).
fn seconds(duration: Duration) -> String {
    let tenths = duration.as_millis().div_ceil(100);
    if tenths.is_multiple_of(10) {
        format!("{}s", tenths / 10)
    } else {
        format!("{}.{}s", tenths / 10, tenths % 10)
    }
}

fn transport_line(
    kind: &TransportKind,
    request: &RequestLine,
    cause: &str,
    timeout: &Duration,
) -> String {
    let target = &request.deployment;
    match kind {
        TransportKind::Refused => format!("could not connect to {target}: connection refused"),
        TransportKind::Dns => format!("could not resolve the host of {target}"),
        TransportKind::Timeout => format!(
            "{target} did not answer within {}s ({request})",
            timeout.as_secs_f64()
        ),
        TransportKind::Tls(failure) => {
            format!("TLS handshake with {target} failed: {}", tls_line(failure))
        }
        TransportKind::NotHttps => format!(
            "{target} does not speak HTTPS; did you mean {}?",
            other_scheme(target)
        ),
        TransportKind::ExpectsTls => {
            format!("{target} expects TLS; use {}", other_scheme(target))
        }
        TransportKind::Interrupted => {
            format!("the connection to {target} broke while reading the response ({request})")
        }
        TransportKind::Closed => {
            format!("{target} closed the connection without answering ({request})")
        }
        TransportKind::Decompression => format!(
            "the response from {target} says it is compressed (Content-Encoding) but does not \
             decompress: {cause} ({request})"
        ),
        TransportKind::TooLarge {
            limit,
            decompressed,
        } => format!(
            "the response from {target} is larger than {} MiB{}, more than this client \
             reads ({request})",
            limit >> 20,
            if *decompressed {
                " once decompressed"
            } else {
                ""
            }
        ),
        TransportKind::Other => format!("request to {target} failed: {cause}"),
    }
}

fn tls_line(failure: &TlsFailure) -> String {
    match failure {
        TlsFailure::UnknownIssuer => {
            "its certificate is not signed by an authority this machine trusts".into()
        }
        TlsFailure::CaAsServer => "it presents a certificate authority's certificate \
                                   (CA:TRUE) as its own, and that certificate is not trusted \
                                   here"
            .into(),
        TlsFailure::Expired(at) if at.is_empty() => "its certificate has expired".into(),
        TlsFailure::Expired(at) => format!("its certificate expired at {at}"),
        TlsFailure::NotYetValid(at) if at.is_empty() => "its certificate is not valid yet".into(),
        TlsFailure::NotYetValid(at) => format!("its certificate is not valid before {at}"),
        TlsFailure::WrongHost { host, names } => format!(
            "its certificate is for {}, not for {host}",
            names.join(", ")
        ),
        TlsFailure::NoSubjectAltName { .. } => {
            "its certificate names no host in a subjectAltName (it has only a common name, \
             CN, which is not used for the host)"
                .into()
        }
        TlsFailure::NotForServers => {
            "its certificate's extended key usage does not allow a TLS server".into()
        }
        TlsFailure::NoTrustedCertificates => "no certificates to trust could be loaded".into(),
        TlsFailure::Other(text) => text.clone(),
    }
}

/// The deployment URL with the other scheme and the same port, e.g. `https://h:8080`
/// for `http://h:8080`; the port is kept even where it becomes the default one.
fn other_scheme(deployment: &str) -> String {
    let Ok(mut url) = url::Url::parse(deployment) else {
        return deployment.to_string();
    };
    let port = url.port_or_known_default();
    let scheme = if url.scheme() == "https" {
        "http"
    } else {
        "https"
    };
    if url.set_scheme(scheme).is_err() || url.set_port(port).is_err() {
        return deployment.to_string();
    }
    url.as_str().trim_end_matches('/').to_string()
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. }
            | ApiError::InvalidBody { status, .. }
            | ApiError::NotCoder { status, .. }
            | ApiError::Redirect { status, .. }
            | ApiError::Throttled { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether Coder said the thing asked for does not exist (or is not ours to see):
    /// a 404 with a Coder error object. A route Coder's router does not know is not
    /// that (the URL is wrong), and neither is another server's 404 page.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiError::Status {
                status: 404,
                body_kind: BodyKind::Coder,
                ..
            }
        ) && !self.is_route_not_found()
    }

    /// Whether the server is not Coder's API at all.
    pub fn is_not_coder(&self) -> bool {
        matches!(self, ApiError::NotCoder { .. })
    }

    /// Whether the deployment has no such route at all: an older deployment without the
    /// endpoint, or a URL that does not lead to Coder's API.
    pub fn is_route_not_found(&self) -> bool {
        matches!(self, ApiError::Status { status: 404, body, .. } if body.message == ROUTE_NOT_FOUND)
    }

    /// The request that failed, when one was sent.
    pub fn request(&self) -> Option<&RequestLine> {
        match self {
            ApiError::Status { request, .. }
            | ApiError::InvalidBody { request, .. }
            | ApiError::NotCoder { request, .. }
            | ApiError::Transport { request, .. }
            | ApiError::Redirect { request, .. }
            | ApiError::Proxy { request, .. }
            | ApiError::Throttled { request, .. } => Some(request),
            _ => None,
        }
    }

    /// Whether the mistake is in what the user gave us (a header, a token) rather than
    /// in what happened.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ApiError::HeaderName { .. } | ApiError::HeaderValue { .. } | ApiError::Token
        )
    }

    /// Lines printed under the error: server detail, validations, and with `verbose`
    /// the request that failed.
    pub fn details(&self, verbose: bool) -> Vec<String> {
        let mut lines = Vec::new();
        if let ApiError::Status { body, .. } = self {
            if !body.detail.is_empty() {
                lines.push(format!("detail: {}", body.detail));
            }
            for Validation { field, detail } in &body.validations {
                lines.push(format!("{field}: {detail}"));
            }
        }
        if let Some(request) = self.request().filter(|_| verbose) {
            lines.push(format!("request: {request}"));
        }
        lines
    }

    pub fn hint(&self) -> Option<String> {
        let deployment = self.request().map_or("", |r| r.deployment.as_str());
        match self {
            ApiError::NotCoder { .. } => Some(wrong_url_hint(deployment)),
            ApiError::Status { .. } if self.is_route_not_found() => {
                Some(wrong_url_hint(deployment))
            }
            ApiError::Status {
                status, body_kind, ..
            } => status_hint(*status, *body_kind, deployment),
            ApiError::InvalidBody {
                fault, from_coder, ..
            } => Some(invalid_body_hint(*fault, *from_coder, deployment)),
            ApiError::Redirect { location, why, .. } => {
                Some(redirect_hint(location.as_deref(), *why, deployment))
            }
            ApiError::Proxy {
                variable, failure, ..
            } => Some(proxy_hint_for(variable, failure)),
            ApiError::Throttled { asked, .. } => Some(format!(
                "wait {}, then run the command again",
                seconds(*asked)
            )),
            ApiError::Transport { kind, .. } => Some(transport_hint(kind, deployment)),
            ApiError::HeaderName { .. } => {
                Some("header names are letters, digits and '-', as in X-Custom=value".into())
            }
            ApiError::HeaderValue { .. } => {
                Some("header values must be visible ASCII text without newlines".into())
            }
            ApiError::Token => Some("check the token for stray characters".into()),
            ApiError::Setup { .. } => Some(certificate_hint()),
        }
    }
}

fn wrong_url_hint(deployment: &str) -> String {
    format!(
        "check the deployment URL ({deployment}): use the address you open Coder at in a \
         browser, with a sub-path (https://host/coder) only if Coder is served below one"
    )
}

fn proxy_hint(deployment: &str) -> String {
    format!(
        "check that {deployment} is the Coder deployment's URL and that any reverse \
         proxy or SSO in front of it lets /api/v2 requests through"
    )
}

/// What to do about an accepted body that cannot be used. Only a body that may well
/// come from something other than Coder is blamed on the URL.
fn invalid_body_hint(fault: BodyFault, from_coder: bool, deployment: &str) -> String {
    match (fault, from_coder) {
        (BodyFault::Html, _) => proxy_hint(deployment),
        (BodyFault::CutShort, _) => "the answer was cut short; retry, and if it keeps \
                                     happening, check the network or any proxy in front of \
                                     the deployment"
            .into(),
        (_, true) => "the answer carries Coder's version header, so the URL leads to Coder: \
                      a proxy may have changed the answer on its way, or this deployment's \
                      version answers in a way this client does not read"
            .into(),
        (_, false) => format!("check that {deployment} is the Coder deployment's URL"),
    }
}

/// What to do about a redirect not followed: use where it pointed only when that is
/// another origin and no step down from https to plain HTTP.
fn redirect_hint(location: Option<&str>, why: Refusal, deployment: &str) -> String {
    let proxy = "a proxy or SSO in front of Coder must let /api/v2 requests through";
    if why == Refusal::TooMany {
        return "the deployment, or a proxy in front of it, keeps redirecting (likely in a \
                loop): check its redirect rules"
            .into();
    }
    let parse = |url: &str| {
        url::Url::parse(url)
            .ok()
            .filter(|url| url.origin().is_tuple())
    };
    let (to, from) = (location.and_then(parse), parse(deployment));
    match (to, from) {
        (Some(to), Some(from)) if from.scheme() == "https" && to.scheme() == "http" => format!(
            "a redirect from https to plain HTTP is never followed (it would carry the session \
             token unencrypted); {proxy} over https"
        ),
        (Some(to), from)
            if from
                .as_ref()
                .is_none_or(|from| from.origin() != to.origin()) =>
        {
            let origin = to.origin().ascii_serialization();
            format!("if {origin} is the deployment, use that URL (coder login {origin}); {proxy}")
        }
        _ => format!("check the deployment URL; {proxy}"),
    }
}

fn proxy_hint_for(variable: &str, failure: &ProxyFailure) -> String {
    match failure {
        ProxyFailure::Unreachable(_) => format!(
            "check {variable} (the proxy must be running and, for https://, accept CONNECT), \
             or list the deployment's host in NO_PROXY to connect directly"
        ),
        ProxyFailure::Unsupported => {
            format!("set {variable} to an http:// proxy, or list the deployment's host in NO_PROXY")
        }
        ProxyFailure::Cgi => format!("use the deployment's https:// URL, or unset {variable}"),
    }
}

fn status_hint(status: u16, body_kind: BodyKind, deployment: &str) -> Option<String> {
    if body_kind == BodyKind::Html {
        return Some(proxy_hint(deployment));
    }
    match status {
        401 => Some(format!(
            "your session is missing or has expired; log in again with 'coder login {deployment}'"
        )),
        403 => Some(format!(
            "your user or token may not do this; ask an owner of {deployment}, or use a \
             token with the scopes it needs"
        )),
        429 => Some("the deployment is rate limiting requests; wait a moment and retry".into()),
        500.. => Some(
            "the deployment could not handle the request; retry later or ask its administrator"
                .into(),
        ),
        _ => None,
    }
}

fn transport_hint(kind: &TransportKind, deployment: &str) -> String {
    match kind {
        TransportKind::Refused => {
            format!("check the URL ({deployment}) and that the deployment is running")
        }
        TransportKind::Dns => "check the host name in the deployment URL".into(),
        TransportKind::Timeout => {
            "set CODER_HTTP_TIMEOUT (e.g. 60s) to wait longer, or check the network".into()
        }
        TransportKind::Tls(failure) => tls_hint(failure),
        TransportKind::NotHttps => format!(
            "the server answered in plain HTTP; if that is the deployment, log in with \
             'coder login {}' (or set CODER_URL to it)",
            other_scheme(deployment)
        ),
        TransportKind::ExpectsTls => format!(
            "the server speaks TLS on that port; log in with 'coder login {}' (or set \
             CODER_URL to it)",
            other_scheme(deployment)
        ),
        TransportKind::Decompression => {
            "a proxy in front of the deployment may be compressing or mangling responses; \
             check it"
                .into()
        }
        TransportKind::TooLarge { .. } => {
            "check that the URL points at the deployment itself, and that no proxy in front \
             of it sends something else"
                .into()
        }
        TransportKind::Interrupted | TransportKind::Closed | TransportKind::Other => {
            "retry; if it keeps failing, check the network or proxy".into()
        }
    }
}

fn tls_hint(failure: &TlsFailure) -> String {
    match failure {
        TlsFailure::UnknownIssuer => certificate_hint(),
        TlsFailure::CaAsServer => format!(
            "to trust this self-signed certificate, add exactly this certificate to {}; or \
             give the server a certificate issued by that authority (CA:FALSE)",
            trust_stores()
        ),
        TlsFailure::Expired(_) => {
            "the deployment's certificate must be renewed (or this machine's clock is wrong)".into()
        }
        TlsFailure::NotYetValid(_) => {
            "check this machine's clock, or wait until the certificate becomes valid".into()
        }
        TlsFailure::WrongHost { host, names } => format!(
            "use the name the certificate holds in the deployment URL ({}), or re-issue the \
             certificate with -addext subjectAltName={}",
            names.join(", "),
            subject_alt_name(host)
        ),
        TlsFailure::NoSubjectAltName { host } => format!(
            "re-issue it with -addext subjectAltName={}",
            subject_alt_name(host)
        ),
        TlsFailure::NotForServers => {
            "re-issue it with -addext extendedKeyUsage=serverAuth (or without that extension)"
                .into()
        }
        TlsFailure::NoTrustedCertificates => no_certificates_hint(),
        TlsFailure::Other(_) => {
            "check the deployment's TLS set-up, or any proxy in front of it".into()
        }
    }
}

/// The subjectAltName entry for `host`, as `openssl req -addext` takes it.
fn subject_alt_name(host: &str) -> String {
    match host.parse::<std::net::IpAddr>() {
        Ok(_) => format!("IP:{host}"),
        Err(_) if host.is_empty() => "DNS:<host>".into(),
        Err(_) => format!("DNS:{host}"),
    }
}

/// Where trusted certificates come from, with the values of the variables that are set.
fn trust_stores() -> String {
    let now = |name: &str| match env::var_os(name) {
        Some(value) => format!("; now {}", std::path::Path::new(&value).display()),
        None => String::new(),
    };
    format!(
        "SSL_CERT_FILE (a PEM bundle{}), SSL_CERT_DIR (a directory of PEM files{}) or the \
         system's certificate store",
        now("SSL_CERT_FILE"),
        now("SSL_CERT_DIR")
    )
}

/// What to do about an untrusted certificate, naming `SSL_CERT_FILE` when it is set.
pub(super) fn certificate_hint() -> String {
    match env::var_os("SSL_CERT_FILE") {
        Some(bundle) => format!(
            "SSL_CERT_FILE is {}: check that this PEM bundle exists and contains the \
             deployment's certificate authority (or its self-signed certificate); SSL_CERT_DIR \
             and the system's certificate store work too",
            std::path::Path::new(&bundle).display()
        ),
        None => format!(
            "if the deployment uses a private certificate authority or a self-signed \
             certificate, add it to {}",
            trust_stores()
        ),
    }
}

fn no_certificates_hint() -> String {
    match env::var_os("SSL_CERT_FILE") {
        Some(bundle) => format!(
            "SSL_CERT_FILE is {}: check that this PEM bundle exists and contains certificates",
            std::path::Path::new(&bundle).display()
        ),
        None if env::var_os("SSL_CERT_DIR").is_some() => {
            "check that SSL_CERT_DIR names directories of PEM files".into()
        }
        None => "install the system's CA certificates (the ca-certificates package), or point \
                 SSL_CERT_FILE at a PEM bundle"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_error(status: u16, message: &str) -> ApiError {
        ApiError::Status {
            status,
            body: ErrorBody {
                message: message.into(),
                ..ErrorBody::default()
            },
            body_kind: BodyKind::Coder,
            request: Box::new(RequestLine {
                method: "GET".into(),
                url: "https://h/api/v2/users/me".into(),
                deployment: "https://h".into(),
            }),
        }
    }

    #[test]
    fn the_other_scheme_keeps_port_and_path() {
        assert_eq!(
            other_scheme("https://coder.example.com"),
            "http://coder.example.com:443"
        );
        assert_eq!(
            other_scheme("http://coder.example.com"),
            "https://coder.example.com:80"
        );
        assert_eq!(other_scheme("http://h:8080/coder"), "https://h:8080/coder");
        // Port 80 is http's own.
        assert_eq!(other_scheme("https://h:80"), "http://h");
    }

    #[test]
    fn only_the_routers_own_404_is_a_missing_route() {
        let route = status_error(404, "Route not found.");
        assert!(route.is_route_not_found() && !route.is_not_found());
        assert!(
            route
                .hint()
                .unwrap()
                .contains("check the deployment URL (https://h)")
        );
        let missing = status_error(404, "Resource not found or you do not have access");
        assert!(missing.is_not_found() && !missing.is_route_not_found());
        assert!(!status_error(400, "Route not found.").is_route_not_found());
    }

    #[test]
    fn a_redirect_hint_never_recommends_the_url_in_use_or_plain_http() {
        let hint = |deployment: &str, location: &str, why| {
            ApiError::Redirect {
                status: 308,
                location: Some(location.into()),
                why,
                request: Box::new(RequestLine {
                    method: "GET".into(),
                    url: format!("{deployment}/api/v2/users/me"),
                    deployment: deployment.into(),
                }),
            }
            .hint()
            .unwrap()
        };
        let elsewhere = Refusal::Elsewhere;
        // A loop within the deployment.
        let looping = hint(
            "http://h:18008",
            "http://h:18008/api/v2/users/me",
            Refusal::TooMany,
        );
        assert!(looping.contains("keeps redirecting"), "{looping}");
        assert!(!looping.contains("coder login"), "{looping}");
        // Back to plain HTTP, on any host.
        for location in ["http://h/api/v2/users/me", "http://other:8080/x"] {
            let downgrade = hint("https://h", location, elsewhere);
            assert!(downgrade.contains("never followed"), "{downgrade}");
            assert!(!downgrade.contains("coder login"), "{downgrade}");
        }
        // The URL in use: nothing to switch to.
        let same = hint("http://h", "http://h/login", Refusal::MethodChange);
        assert!(same.starts_with("check the deployment URL"), "{same}");
        // Another origin, or an upgrade to https, may be the deployment.
        for (location, origin) in [
            ("https://sso.example.com/auth?…", "https://sso.example.com"),
            ("https://h:8443/api/v2/users/me", "https://h:8443"),
        ] {
            let other = hint("http://h", location, elsewhere);
            let advice = format!("use that URL (coder login {origin})");
            assert!(other.contains(&advice), "{other}");
        }
    }

    #[test]
    fn errors_without_a_request_have_hints_and_only_input_mistakes_are_usage_errors() {
        let header = ApiError::HeaderName { name: "a b".into() };
        assert!(header.is_usage() && header.request().is_none());
        assert!(header.hint().unwrap().contains("X-Custom=value"));
        assert!(header.details(true).is_empty());
        assert!(ApiError::Token.is_usage());
        assert!(!ApiError::Setup { cause: "x".into() }.is_usage());
        assert!(!status_error(401, "signed out").is_usage());
    }
}
