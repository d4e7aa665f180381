//! Typed errors of the API client. Their text never contains a secret: request URLs
//! carry no token (tokens travel in a header) and bodies are never quoted whole.

use std::fmt;
use std::time::Duration;

use super::types::{ErrorBody, Validation};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    Refused,
    Dns,
    Timeout,
    Tls,
    /// The connection broke while the response was being read.
    Interrupted,
    Other,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The server answered with a status the call does not accept.
    #[error("{}", status_line(.status, .body))]
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
        html: bool,
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
    /// The server asked us to wait longer than we are willing to.
    #[error(
        "the deployment asked to retry in {wait_secs}s (HTTP {status} {}), longer than this command waits",
        reason(*.status)
    )]
    Throttled {
        status: u16,
        wait_secs: u64,
        request: Box<RequestLine>,
    },
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

fn status_line(status: &u16, body: &ErrorBody) -> String {
    format!("{} (HTTP {} {})", body.message, status, reason(*status))
        .trim_end()
        .to_string()
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
        TransportKind::Tls => format!("TLS handshake with {target} failed: {cause}"),
        TransportKind::Interrupted => {
            format!("the connection to {target} broke while reading the response ({request})")
        }
        TransportKind::Other => format!("request to {target} failed: {cause}"),
    }
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. }
            | ApiError::InvalidBody { status, .. }
            | ApiError::Throttled { status, .. } => Some(*status),
            ApiError::Transport { .. } => None,
        }
    }

    pub fn request(&self) -> &RequestLine {
        match self {
            ApiError::Status { request, .. }
            | ApiError::InvalidBody { request, .. }
            | ApiError::Transport { request, .. }
            | ApiError::Throttled { request, .. } => request,
        }
    }

    /// The server's message for a refused request, if it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Status { body, .. } => Some(&body.message),
            _ => None,
        }
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
        if verbose {
            lines.push(format!("request: {}", self.request()));
        }
        lines
    }

    pub fn hint(&self) -> Option<String> {
        let deployment = &self.request().deployment;
        let proxy_hint = || {
            format!(
                "check that {deployment} is the Coder deployment's URL and that any reverse \
                 proxy or SSO in front of it lets /api/v2 requests through"
            )
        };
        match self {
            ApiError::Status {
                body_kind: BodyKind::Html,
                ..
            } => Some(proxy_hint()),
            ApiError::Status { status: 401, .. } => Some(format!(
                "your session is missing or has expired; log in again with 'coder login {deployment}'"
            )),
            ApiError::Status { status: 403, .. } => Some(format!(
                "your user or token may not do this; ask an owner of {deployment}, or use a \
                 token with the scopes it needs"
            )),
            ApiError::Status { status: 429, .. } => {
                Some("the deployment is rate limiting requests; wait a moment and retry".into())
            }
            ApiError::Status { status, .. } if *status >= 500 => Some(
                "the deployment could not handle the request; retry later or ask its administrator"
                    .into(),
            ),
            ApiError::Status { .. } => None,
            ApiError::InvalidBody { html: true, .. } => Some(proxy_hint()),
            ApiError::InvalidBody { .. } => Some(format!(
                "check that {deployment} is the Coder deployment's URL"
            )),
            ApiError::Throttled { wait_secs, .. } => {
                Some(format!("wait {wait_secs}s, then run the command again"))
            }
            ApiError::Transport { kind, .. } => match kind {
                TransportKind::Refused => Some(format!(
                    "check the URL ({deployment}) and that the deployment is running"
                )),
                TransportKind::Dns => Some("check the host name in the deployment URL".into()),
                TransportKind::Timeout => Some(
                    "set CODER_HTTP_TIMEOUT (e.g. 60s) to wait longer, or check the network".into(),
                ),
                TransportKind::Tls => Some(certificate_hint()),
                TransportKind::Interrupted | TransportKind::Other => {
                    Some("retry; if it keeps failing, check the network or proxy".into())
                }
            },
        }
    }
}

/// What to do about an untrusted certificate, naming `SSL_CERT_FILE` when it is set.
pub(super) fn certificate_hint() -> String {
    match std::env::var_os("SSL_CERT_FILE") {
        Some(bundle) => format!(
            "SSL_CERT_FILE is {}: check that this PEM bundle exists and contains the \
             deployment's certificate authority",
            std::path::Path::new(&bundle).display()
        ),
        None => "if the deployment uses a private certificate authority, point SSL_CERT_FILE \
                 at a PEM bundle that contains it"
            .into(),
    }
}

/// Turns a rejected response into an error, following Coder's error-body conventions
/// but never quoting more than a short excerpt of a body that is not a Coder error.
pub fn decode_error(
    status: u16,
    content_type: &str,
    body: &[u8],
    request: RequestLine,
) -> ApiError {
    let (body, body_kind) = if body.iter().all(u8::is_ascii_whitespace) {
        (
            ErrorBody {
                message: format!("the deployment answered with status {status} and an empty body"),
                ..ErrorBody::default()
            },
            BodyKind::Empty,
        )
    } else if is_json(content_type) {
        match serde_json::from_slice::<ErrorBody>(body) {
            Ok(mut parsed) => {
                if parsed.message.is_empty() {
                    parsed.message =
                        format!("unexpected status code {status}, response has no message");
                    if parsed.detail.is_empty() {
                        parsed.detail = excerpt(body);
                    }
                }
                (parsed, BodyKind::Coder)
            }
            Err(err) => (
                ErrorBody {
                    message: format!(
                        "the deployment answered with status {status} and an unreadable JSON body ({})",
                        json_problem(&err)
                    ),
                    ..ErrorBody::default()
                },
                BodyKind::Other,
            ),
        }
    } else if is_html(content_type, body) {
        let mut parsed = ErrorBody {
            message: format!(
                "expected a JSON response from the Coder API but got an HTML page ({})",
                content_type_name(content_type)
            ),
            ..ErrorBody::default()
        };
        if let Some(title) = html_title(body) {
            parsed.detail = format!("page title: {title}");
        }
        (parsed, BodyKind::Html)
    } else {
        (
            ErrorBody {
                message: format!(
                    "expected a JSON response from the Coder API but got {}",
                    content_type_name(content_type)
                ),
                detail: excerpt(body),
                ..ErrorBody::default()
            },
            BodyKind::Other,
        )
    };
    ApiError::Status {
        status,
        body,
        body_kind,
        request: Box::new(request),
    }
}

/// Checks an accepted response's body before decoding it, then decodes it with `seed`
/// (`PhantomData::<T>` for a plain `T`), which may borrow text from the body.
pub fn decode_body_with<'de, S: serde::de::DeserializeSeed<'de>>(
    status: u16,
    content_type: &str,
    body: &'de [u8],
    request: RequestLine,
    seed: S,
) -> Result<S::Value, ApiError> {
    let invalid = |problem: String, html: bool, request: RequestLine| ApiError::InvalidBody {
        status,
        problem,
        content_type: content_type_name(content_type),
        html,
        request: Box::new(request),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid(
            "the Coder API sent an empty response".into(),
            false,
            request,
        ));
    }
    if is_html(content_type, body) {
        return Err(invalid(
            "the Coder API sent an HTML page instead of JSON".into(),
            true,
            request,
        ));
    }
    // Valid UTF-8 is checked once for the whole body rather than string by string
    // (a fifth of the decoding time at 10,000 tokens); invalid text takes the slice
    // path, whose error says where.
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => parse(serde_json::de::StrRead::new(text), seed),
        Err(_) => parse(serde_json::de::SliceRead::new(body), seed),
    };
    decoded.map_err(|err| {
        invalid(
            format!(
                "the Coder API sent a response that could not be read: {}",
                json_problem(&err)
            ),
            false,
            request,
        )
    })
}

/// One JSON value and nothing after it, as `serde_json::from_str` reads it.
fn parse<'de, R, S>(read: R, seed: S) -> serde_json::Result<S::Value>
where
    R: serde_json::de::Read<'de>,
    S: serde::de::DeserializeSeed<'de>,
{
    let mut deserializer = serde_json::Deserializer::new(read);
    let value = seed.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

fn mime(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn is_json(content_type: &str) -> bool {
    let mime = mime(content_type);
    mime == "application/json" || mime.ends_with("+json")
}

fn is_html(content_type: &str, body: &[u8]) -> bool {
    if mime(content_type) == "text/html" {
        return true;
    }
    let start = String::from_utf8_lossy(&body[..body.len().min(64)]).to_ascii_lowercase();
    let start = start.trim_start();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

fn content_type_name(content_type: &str) -> String {
    if content_type.is_empty() {
        "no content type".into()
    } else {
        mime(content_type)
    }
}

/// At most one line of 160 characters of a body, for orientation only.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let line = text.trim().lines().next().unwrap_or("");
    format!("body starts: {}", shorten(line, 160))
}

/// At most `max` characters of text that came from the server, without control
/// characters (no terminal escapes), and `…` when something was cut.
fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars().filter(|c| !c.is_control());
    let mut cut: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        cut.push('…');
    }
    cut
}

/// serde's complaint, with the value it quotes (which comes from the body) cut short.
fn json_problem(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let problem = text.strip_suffix(&position).unwrap_or(&text);
    let mut cut = shorten(problem, 100);
    if err.line() > 0 {
        cut.push_str(&position);
    }
    cut
}

fn html_title(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]);
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title")?;
    let title = shorten(
        &text[open_end..close]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        120,
    );
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::marker::PhantomData;

    fn req() -> RequestLine {
        RequestLine {
            method: "GET".into(),
            url: "https://h/api/v2/users/me".into(),
            deployment: "https://h".into(),
        }
    }

    #[test]
    fn coder_error_body_keeps_message_detail_and_validations() {
        let err = decode_error(
            409,
            "application/json; charset=utf-8",
            br#"{"message":"A token with name \"x\" already exists.","detail":"d","validations":[{"field":"name","detail":"taken"}]}"#,
            req(),
        );
        assert_eq!(
            err.to_string(),
            "A token with name \"x\" already exists. (HTTP 409 Conflict)"
        );
        assert_eq!(err.details(false), vec!["detail: d", "name: taken"]);
        assert!(err.hint().is_none());
    }

    #[test]
    fn html_error_page_names_its_title_and_never_the_body() {
        let page = b"<!DOCTYPE html><html><head><title> 502 Bad\n Gateway </title></head><body>secret-ish stuff</body></html>";
        let err = decode_error(502, "text/html", page, req());
        let text = format!("{err} {:?}", err.details(true));
        assert!(text.contains("HTML page"), "{text}");
        assert!(text.contains("page title: 502 Bad Gateway"), "{text}");
        assert!(!text.contains("secret-ish"), "{text}");
        assert!(err.hint().unwrap().contains("reverse proxy"));
    }

    #[test]
    fn json_without_message_says_so() {
        let err = decode_error(500, "application/json", br#"{"oops":true}"#, req());
        assert_eq!(
            err.to_string(),
            "unexpected status code 500, response has no message (HTTP 500 Internal Server Error)"
        );
    }

    #[test]
    fn unauthorized_hints_at_login() {
        let err = decode_error(
            401,
            "application/json",
            br#"{"message":"signed out"}"#,
            req(),
        );
        assert!(err.hint().unwrap().contains("coder login https://h"));
    }

    #[test]
    fn empty_and_plain_text_bodies() {
        let err = decode_error(503, "", b"", req());
        assert!(err.to_string().contains("empty body"), "{err}");
        let long = "x".repeat(5000);
        let err = decode_error(500, "text/plain", long.as_bytes(), req());
        let details = err.details(false).join("\n");
        assert!(details.len() < 200, "{details}");
    }

    #[test]
    fn accepted_but_unusable_bodies() {
        let err = decode_body_with(
            200,
            "text/html",
            b"<html></html>",
            req(),
            PhantomData::<serde_json::Value>,
        )
        .unwrap_err();
        assert!(err.to_string().contains("HTML page"), "{err}");
        let err = decode_body_with(
            200,
            "application/json",
            b"",
            req(),
            PhantomData::<serde_json::Value>,
        )
        .unwrap_err();
        assert!(err.to_string().contains("empty response"), "{err}");
        let err = decode_body_with(
            200,
            "application/json",
            br#"{"a":"#,
            req(),
            PhantomData::<Vec<u8>>,
        )
        .unwrap_err();
        assert!(err.to_string().contains("could not be read"), "{err}");
    }
}
