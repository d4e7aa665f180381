//! Property tests over every parser of user or server input: none panics, and every
//! error names what it was given.

use coder::client::types::EachKey;
use coder::client::{RequestLine, decode_body_with, decode_error};
use proptest::prelude::*;

/// `text` as an error message quotes it (Rust's `{:?}`), without the closing quote so
/// that a prefix also matches.
fn quoted(text: &str) -> String {
    let mut shown = format!("{text:?}");
    shown.pop();
    shown
}

/// Text that looks like input to the parsers: mostly their own alphabet, sometimes
/// anything at all.
fn input(alphabet: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::string::string_regex(alphabet).unwrap(),
        1 => any::<String>(),
    ]
}

fn request() -> RequestLine {
    RequestLine {
        method: "GET".into(),
        url: "https://coder.example.com/api/v2/users/me/keys/tokens".into(),
        deployment: "https://coder.example.com".into(),
    }
}

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
        any::<String>().prop_map(|s| format!("<html><title>{s}</title>{s}</html>").into_bytes()),
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
    fn lifetimes_parse_or_name_the_input(text in input("-?[0-9.]{0,25}(ns|us|µs|ms|s|m|h|d|y|w|mo|x)?([0-9.]{0,4}[a-zµ]{0,2}){0,3}")) {
        if let Err(message) = coder::duration::parse_lifetime(&text) {
            prop_assert!(message.contains(&quoted(&text)), "{message}");
        }
    }

    #[test]
    fn allow_list_entries_parse_or_name_the_input(text in input("[ *a-z_:{}-]{0,12}[0-9a-fA-F{}-]{0,40}")) {
        match coder::allow_list::parse_entry(&text) {
            Ok(target) => prop_assert_eq!(Some(target.kind.as_str()), text.split(':').next()),
            Err(message) if text.trim().is_empty() => prop_assert!(message.contains("empty"), "{message}"),
            Err(message) => prop_assert!(message.contains(&quoted(&text)), "{message}"),
        }
    }

    #[test]
    fn headers_split_at_the_first_equals_or_name_the_input(text in input("[ A-Za-z-]{0,20}=?.{0,40}")) {
        match coder::session::parse_header(&text) {
            Ok((key, value)) => {
                let (raw_key, raw_value) = text.split_once('=').unwrap();
                prop_assert_eq!(key, raw_key.trim());
                prop_assert_eq!(value, raw_value);
            }
            Err(err) => {
                // Named by its first characters, up to where a value could begin.
                let name: String = text
                    .chars()
                    .take_while(|c| !matches!(c, ':' | ' ' | '='))
                    .take(12)
                    .collect();
                let message = err.to_string();
                prop_assert!(message.contains(&quoted(&name)), "{message}");
            }
        }
    }

    #[test]
    fn error_responses_name_the_status_and_never_quote_a_long_body(
        status in 100u16..1000,
        content_type in content_type(),
        body in body(),
    ) {
        let err = decode_error(status, &content_type, &body, request());
        let message = err.to_string();
        prop_assert!(message.contains(&format!("HTTP {status}")), "{message}");
        let shown = format!("{message}\n{}\n{:?}", err.details(true).join("\n"), err.hint());
        // A Coder error object is shown as the server wrote it; anything else only
        // as a short excerpt.
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
        if let Err(err) = decode_body_with(200, &content_type, &body, request(), each) {
            let message = err.to_string();
            prop_assert!(message.contains("HTTP 200"), "{message}");
            prop_assert!(message.chars().count() < 400, "{message}");
        }
    }
}

#[test]
fn the_largest_lifetimes_are_errors_not_overflows() {
    for text in [
        "9223372036854775807ns",
        "9223372036854775808ns",
        "170141183460469231731687303715884105727ns",
        "47261439850130342147690917.999999999999999999h",
        "292y",
        "293y",
        "99999999999999999999999999999999999999.9y",
    ] {
        if let Err(message) = coder::duration::parse_lifetime(text) {
            assert!(message.contains(text), "{message}");
        }
    }
}
