//! Reading response bodies: Coder's error objects (and what proxies send instead), and
//! accepted bodies checked before they are decoded.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::DeserializeSeed;

use super::error::{ApiError, BodyFault, BodyKind, RequestLine};
use super::types::ErrorBody;

/// Turns a rejected response into an error, following Coder's error-body conventions
/// but never quoting more than a short excerpt of a body that is not a Coder error, nor
/// more than [`MAX_MESSAGE`] characters of each text of one.
pub fn decode_error(
    status: u16,
    content_type: &str,
    body: &[u8],
    request: RequestLine,
) -> ApiError {
    let (body, body_kind) = if body.iter().all(u8::is_ascii_whitespace) {
        (
            message(format!(
                "the deployment answered with status {status} and an empty body"
            )),
            BodyKind::Empty,
        )
    } else if is_json(content_type) {
        coder_error(status, body)
    } else if is_html(content_type, body) {
        (html_error(content_type, body), BodyKind::Html)
    } else {
        let mut parsed = message(format!(
            "expected a JSON response from the Coder API but got {}",
            content_type_name(content_type)
        ));
        parsed.detail = excerpt(body);
        (parsed, BodyKind::Other)
    };
    ApiError::Status {
        status,
        body,
        body_kind,
        request: Box::new(request),
    }
}

fn message(text: String) -> ErrorBody {
    ErrorBody {
        message: text,
        ..ErrorBody::default()
    }
}

/// A JSON error body: Coder's `{message, detail, validations}`, or whatever JSON it is.
fn coder_error(status: u16, body: &[u8]) -> (ErrorBody, BodyKind) {
    // Through a `Value`, whose objects keep the last of duplicated keys, as Go does.
    let parsed =
        serde_json::from_str::<serde_json::Value>(&readable(body)).and_then(ErrorBody::deserialize);
    match parsed {
        Ok(mut parsed) => {
            for text in [&mut parsed.message, &mut parsed.detail].into_iter().chain(
                parsed
                    .validations
                    .iter_mut()
                    .flat_map(|v| [&mut v.field, &mut v.detail]),
            ) {
                cap(text);
            }
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
            message(format!(
                "the deployment answered with status {status} and an unreadable JSON body ({})",
                json_problem(&err)
            )),
            BodyKind::Other,
        ),
    }
}

/// An HTML page (a proxy's or an SSO's): named by its title, never quoted.
fn html_error(content_type: &str, body: &[u8]) -> ErrorBody {
    let mut parsed = message(format!(
        "expected a JSON response from the Coder API but got an HTML page ({})",
        content_type_name(content_type)
    ));
    if let Some(title) = html_title(body) {
        parsed.detail = format!("page title: {title}");
    }
    parsed
}

/// The `message` of a JSON object body, as Coder's API writes every answer without a
/// typed body (`{"message": …}`); `None` for anything else.
pub fn coder_message(content_type: &str, body: &[u8]) -> Option<String> {
    if !is_json(content_type) {
        return None;
    }
    #[derive(serde::Deserialize)]
    struct Message {
        message: String,
    }
    serde_json::from_str::<Message>(&readable(body))
        .ok()
        .map(|m| m.message)
}

/// What a body is, in a few words: `an HTML page titled "404 Not Found"`, `an empty
/// body`, `a JSON body`, `a text/plain body`; never its contents otherwise.
pub fn describe_body(content_type: &str, body: &[u8]) -> String {
    if body.iter().all(u8::is_ascii_whitespace) {
        "an empty body".into()
    } else if is_html(content_type, body) {
        match html_title(body) {
            Some(title) => format!("an HTML page titled {title:?}"),
            None => "an HTML page".into(),
        }
    } else if let Some(message) = coder_message(content_type, body) {
        format!("the message {:?}", shorten(&message, 120))
    } else {
        format!("a {} body", content_type_name(content_type))
    }
}

/// Checks an accepted response's body before decoding it, then decodes it with `seed`
/// (`PhantomData::<T>` for a plain `T`), which may borrow text from it.
pub fn decode_body_with<S, V>(
    status: u16,
    content_type: &str,
    body: &[u8],
    request: RequestLine,
    seed: S,
) -> Result<V, ApiError>
where
    S: for<'de> DeserializeSeed<'de, Value = V>,
{
    let invalid = |problem: &str, fault: BodyFault, request: RequestLine| ApiError::InvalidBody {
        status,
        problem: problem.into(),
        content_type: content_type_name(content_type),
        fault,
        from_coder: false,
        request: Box::new(request),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        let problem = "the Coder API sent an empty response";
        return Err(invalid(problem, BodyFault::Empty, request));
    }
    if is_html(content_type, body) {
        let problem = "the Coder API sent an HTML page instead of JSON";
        return Err(invalid(problem, BodyFault::Html, request));
    }
    let text = readable(body);
    parse(serde_json::de::StrRead::new(&text), seed)
        .map_err(|err| unreadable(status, content_type, request, &err))
}

/// An accepted body that JSON decoding could not read, and why.
pub fn unreadable(
    status: u16,
    content_type: &str,
    request: RequestLine,
    err: &serde_json::Error,
) -> ApiError {
    let fault = if err.is_eof() {
        BodyFault::CutShort
    } else {
        BodyFault::Unreadable
    };
    ApiError::InvalidBody {
        status,
        problem: format!(
            "the Coder API sent a response that could not be read: {}",
            json_problem(err)
        ),
        content_type: content_type_name(content_type),
        fault,
        from_coder: false,
        request: Box::new(request),
    }
}

/// An accepted body that decoded but lacks `what` it must hold (a key's ID).
pub fn incomplete(status: u16, content_type: &str, request: RequestLine, what: &str) -> ApiError {
    ApiError::InvalidBody {
        status,
        problem: format!("the Coder API sent a response without {what}"),
        content_type: content_type_name(content_type),
        fault: BodyFault::Unreadable,
        from_coder: false,
        request: Box::new(request),
    }
}

/// A body as the text JSON decoding reads, as lenient as Go's encoding/json: invalid
/// UTF-8 and lone UTF-16 surrogate escapes (`"\ud800"`) become U+FFFD instead of
/// failing the whole answer. (Go replaces each invalid byte; this replaces each
/// maximal invalid sequence, so a few invalid bytes in a row may show as one U+FFFD
/// where Go shows several.) Text that needs neither is borrowed as it is.
pub fn readable(body: &[u8]) -> Cow<'_, str> {
    // Valid UTF-8 (every answer Coder sends) is checked at once; only other text is
    // read chunk by chunk to replace what is invalid.
    let text = match std::str::from_utf8(body) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(body),
    };
    // A surrogate's escape starts `\ud8`…`\udf`; without a backslash at all (most
    // answers), nothing to look at.
    let surrogate = |w: &[u8]| {
        w[0] == b'\\'
            && w[1] == b'u'
            && matches!(w[2], b'd' | b'D')
            && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
    };
    let bytes = text.as_bytes();
    if memchr::memchr(b'\\', bytes).is_none() || !bytes.windows(4).any(surrogate) {
        return text;
    }
    Cow::Owned(without_lone_surrogates(&text))
}

/// `text` with each `\u` escape of a UTF-16 surrogate that is not half of a pair
/// replaced by `\ufffd`, as Go decodes it. Escapes are read from left to right, so an
/// escaped backslash followed by `u` (`\\ud800`) is no escape.
fn without_lone_surrogates(text: &str) -> String {
    let bytes = text.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?.strip_prefix(b"\\u")?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let high = |unit: u16| (0xD800..0xDC00).contains(&unit);
    let low = |unit: u16| (0xDC00..0xE000).contains(&unit);
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut at) = (0, 0);
    while let Some(found) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\\'))
    {
        let escape = at + found;
        at = match unit(escape) {
            Some(first) if high(first) && unit(escape + 6).is_some_and(low) => escape + 12,
            Some(lone) if high(lone) || low(lone) => {
                out.push_str(&text[copied..escape]);
                out.push_str("\\ufffd");
                copied = escape + 6;
                escape + 6
            }
            Some(_) => escape + 6,
            // Any other escape: two characters, the second maybe a backslash.
            None => escape + 2,
        };
    }
    out.push_str(&text[copied..]);
    out
}

/// One JSON value and nothing after it, as `serde_json::from_str` reads it.
fn parse<'de, R, S>(read: R, seed: S) -> serde_json::Result<S::Value>
where
    R: serde_json::de::Read<'de>,
    S: DeserializeSeed<'de>,
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

pub(super) fn is_html(content_type: &str, body: &[u8]) -> bool {
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

/// The most characters an error shows of each text of a Coder error object.
const MAX_MESSAGE: usize = 4096;

/// Cuts a text of the server's error object (a 5 MB message) to [`MAX_MESSAGE`]
/// characters, saying how long it was; a shorter one stays as it was sent.
fn cap(text: &mut String) {
    let count = text.chars().count();
    if count > MAX_MESSAGE {
        *text = format!(
            "{} (cut: {count} characters in all)",
            shorten(text, MAX_MESSAGE)
        );
    }
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
    use crate::client::types::EachKey;
    use std::marker::PhantomData;

    pub(super) fn req() -> RequestLine {
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
    fn a_huge_message_detail_or_validation_is_cut() {
        let huge = "m".repeat(5 << 20);
        let body = serde_json::json!({
            "message": huge,
            "detail": huge,
            "validations": [{"field": huge, "detail": huge}],
        });
        let err = decode_error(400, "application/json", body.to_string().as_bytes(), req());
        let message = err.to_string();
        assert!(message.len() < 5000, "{} bytes", message.len());
        let note = format!("m… (cut: {} characters in all)", 5 << 20);
        assert!(
            message.contains(&format!("{note} (HTTP 400")),
            "{message:.100}"
        );
        let details = err.details(false);
        assert_eq!(details.len(), 2);
        for line in &details {
            assert!(line.len() < 10_000 && line.contains(&note), "{line:.100}");
        }
        // A short one is kept as it was sent, control characters and all.
        let err = decode_error(400, "application/json", br#"{"message":"a\nb"}"#, req());
        assert_eq!(err.to_string(), "a\nb (HTTP 400 Bad Request)");
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
    fn bodies_are_described_without_their_contents() {
        let page = b"<html><head><title>404 Not Found</title></head><body>secret</body></html>";
        assert_eq!(
            describe_body("text/html", page),
            "an HTML page titled \"404 Not Found\""
        );
        assert_eq!(describe_body("", b" \n"), "an empty body");
        assert_eq!(describe_body("text/plain", b"secret"), "a text/plain body");
        let coder = br#"{"message":"Route not found."}"#;
        assert_eq!(
            describe_body("application/json", coder),
            "the message \"Route not found.\""
        );
        assert_eq!(
            coder_message("application/json", coder).as_deref(),
            Some("Route not found.")
        );
        assert_eq!(coder_message("text/plain", coder), None);
        assert_eq!(coder_message("application/json", b"[1]"), None);
    }

    #[test]
    fn invalid_utf8_and_lone_surrogates_read_as_u_fffd_as_go_reads_them() {
        let read = |body: &[u8]| -> String {
            serde_json::from_str::<String>(&readable(body)).unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(read(b"\"a\xffb\""), "a\u{fffd}b");
        assert_eq!(read(br#""a\ud800b""#), "a\u{fffd}b");
        assert_eq!(read(br#""a\uDC00b""#), "a\u{fffd}b");
        // A high surrogate before an escape that is no low one: each on its own.
        assert_eq!(read(br#""\ud800\u0041""#), "\u{fffd}A");
        assert_eq!(read(br#""\ud800\ud800\udc00""#), "\u{fffd}\u{10000}");
        // A pair stays a pair; an escaped backslash before `u` is no escape.
        assert_eq!(read(br#""\ud83d\udd11""#), "🔑");
        assert_eq!(read(br#""\\ud800""#), "\\ud800");
        assert_eq!(read(br#""\\\ud800""#), "\\\u{fffd}");
        // Text that needs nothing is borrowed.
        assert!(matches!(readable(br#""a\u00e9""#), Cow::Borrowed(_)));
        assert!(matches!(readable(b"\\"), Cow::Borrowed(_)));
        assert_eq!(without_lone_surrogates("\\ud80"), "\\ud80");
        assert_eq!(without_lone_surrogates("x\\"), "x\\");
    }

    #[test]
    fn a_token_list_with_odd_text_is_read_with_u_fffd_in_place() {
        let body = b"[{\"id\":\"a\",\"token_name\":\"bad\xc3(\"},{\"id\":\"b\",\"token_name\":\"x\\udfffy\"}]";
        let mut names = Vec::new();
        let each = EachKey(&mut |key: &crate::client::types::ApiKey<'_>| {
            names.push(key.token_name.to_string());
        });
        decode_body_with(200, "application/json", body, req(), each).unwrap();
        assert_eq!(names, ["bad\u{fffd}(", "x\u{fffd}y"]);
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

#[cfg(test)]
mod properties {
    use super::tests::req;
    use super::*;
    use crate::client::types::EachKey;
    use proptest::prelude::*;

    /// Bodies a server or proxy might send: JSON of any shape, HTML, text or bytes.
    fn body() -> impl Strategy<Value = Vec<u8>> {
        let json = any::<String>().prop_map(|s| serde_json::json!({"message": s}));
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::from),
        ];
        let value = leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        });
        prop_oneof![
            json.prop_map(|v| v.to_string().into_bytes()),
            value.prop_map(|v| v.to_string().into_bytes()),
            any::<String>()
                .prop_map(|s| format!("<html><title>{s}</title>{s}</html>").into_bytes()),
            any::<Vec<u8>>(),
            // A valid JSON prefix, cut anywhere.
            (any::<String>(), any::<usize>()).prop_map(|(s, cut)| {
                let full = serde_json::json!([{"id": s, "token_name": s}]).to_string();
                full.as_bytes()[..cut % (full.len() + 1)].to_vec()
            }),
        ]
    }

    fn content_type() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("application/json".to_string()),
            Just("application/json; charset=utf-8".to_string()),
            Just("text/html".to_string()),
            Just("text/plain".to_string()),
            Just(String::new()),
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn error_responses_name_the_status_and_never_quote_a_long_body(
            status in 100u16..1000,
            content_type in content_type(),
            body in body(),
        ) {
            let err = decode_error(status, &content_type, &body, req());
            let message = err.to_string();
            prop_assert!(message.contains(&format!("HTTP {status}")), "{message}");
            let shown = format!("{message}\n{}\n{:?}", err.details(true).join("\n"), err.hint());
            // A Coder error object is shown as the server wrote it (up to a few
            // kilobytes of each text); anything else only as a short excerpt.
            let coder_error = content_type.starts_with("application/json")
                && serde_json::from_slice::<serde_json::Value>(&body).is_ok_and(|v| v.is_object());
            if !coder_error {
                prop_assert!(shown.chars().count() < 1000, "{shown}");
            }
        }

        #[test]
        fn accepted_bodies_decode_or_say_why_briefly(
            content_type in content_type(),
            body in body(),
        ) {
            let each = EachKey(&mut |_| {});
            if let Err(err) = decode_body_with(200, &content_type, &body, req(), each) {
                let message = err.to_string();
                prop_assert!(message.contains("HTTP 200"), "{message}");
                prop_assert!(message.chars().count() < 400, "{message}");
            }
        }
    }
}
