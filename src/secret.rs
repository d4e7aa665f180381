//! A string that must never be printed by accident: session tokens and token keys.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// Holds a secret. `Debug` shows `Secret(***)`; there is no `Display`, so the only way to
/// the text is [`Secret::expose`], which makes every use visible in review.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ID of a Coder key (`<id>-<secret>`): the part before the first `-`, which
    /// may be shown and put in a URL. `None` for a secret of another shape, which has
    /// no part that is not secret.
    pub fn key_id(&self) -> Option<&str> {
        self.0
            .split_once('-')
            .map(|(id, _)| id)
            .filter(|id| !id.is_empty())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

/// Whether `text` is a full token, `<10 alphanumerics>-<22 alphanumerics>`; its ID if
/// so.
pub fn full_token_id(text: &str) -> Option<&str> {
    (text.len() == 33 && token_secrets(text).first() == Some(&(11..33))).then(|| &text[..10])
}

/// The byte ranges of the secrets of the full tokens in `text`: each run of 10
/// alphanumerics, a `-` and a run of exactly 22 (whole runs, not parts of longer ones).
pub fn token_secrets(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let run = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    };
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let id = run(at);
        let dash = at + id;
        if id == 10 && bytes.get(dash) == Some(&b'-') && run(dash + 1) == 22 {
            found.push(dash + 1..dash + 23);
            at = dash + 23;
        } else {
            at = dash.max(at + 1);
        }
    }
    found
}

/// Header names whose values are credentials and must not be shown in logs.
pub fn is_sensitive(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "token",
        "auth",
        "cookie",
        "secret",
        "key",
        "password",
        "credential",
        "session",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// Words after which the next word is a credential (`Authorization: Bearer <value>`).
const SCHEMES: [&str; 4] = ["basic", "bearer", "token", "negotiate"];

/// `text` (a program's error line, say) with anything that may be a credential
/// replaced by `***`: the word after an auth scheme (`Bearer x`), the value of a
/// `key=value` whose key names a credential, and token-shaped runs (20 or more
/// base64/hex/JWT characters mixing letters and digits, or 32 or more of any kind).
pub fn mask(text: &str) -> String {
    let mut out = Vec::new();
    let mut after_scheme = false;
    for word in text.split(' ') {
        let masked = if after_scheme && !word.is_empty() {
            "***".to_string()
        } else {
            match word.split_once(['=', ':']) {
                Some((key, value)) if is_sensitive(key) && !value.is_empty() => {
                    format!("{key}{}***", &word[key.len()..key.len() + 1])
                }
                _ => mask_runs(word),
            }
        };
        after_scheme = SCHEMES.contains(&word.trim_end_matches(':').to_ascii_lowercase().as_str());
        out.push(masked);
    }
    out.join(" ")
}

fn mask_runs(word: &str) -> String {
    let token_char = |c: char| c.is_ascii_alphanumeric() || "_-+/=.~".contains(c);
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let letters = run.chars().any(|c| c.is_ascii_alphabetic());
        let digits = run.chars().any(|c| c.is_ascii_digit());
        let shaped = (run.len() >= 20 && letters && digits) || run.len() >= 32;
        out.push_str(if shaped { "***" } else { run });
        run.clear();
    };
    for c in word.chars() {
        if token_char(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_part_before_the_first_dash_is_a_key_id() {
        assert_eq!(Secret::new("Xk2m9QpR7a-abc").key_id(), Some("Xk2m9QpR7a"));
        assert_eq!(Secret::new("a-b-c").key_id(), Some("a"));
        // Without a dash, the whole text is secret: no part of it is an ID.
        assert_eq!(Secret::new("Xk2m9QpR7aabc").key_id(), None);
        assert_eq!(Secret::new("-abc").key_id(), None);
    }

    #[test]
    fn full_tokens_are_recognised_by_shape() {
        assert_eq!(
            full_token_id("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"),
            Some("Xk2m9QpR7a")
        );
        assert_eq!(full_token_id("my-token"), None);
        assert_eq!(full_token_id("Xk2m9QpR7a-short"), None);
        assert_eq!(full_token_id("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J "), None);
        assert_eq!(full_token_id("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc-J"), None);
    }

    #[test]
    fn tokens_inside_other_text_are_found() {
        const T: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
        assert_eq!(token_secrets(T), vec![11..33]);
        assert_eq!(token_secrets(&format!("{T},{T}")), [11..33, 45..67]);
        assert_eq!(token_secrets(&format!("\u{feff}{T}\"")).len(), 1);
        assert_eq!(token_secrets(&format!("Bearer {T}-x")).len(), 1);
        // Longer or shorter runs are not tokens.
        for text in [
            "aXk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J",
            "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2Jx",
        ] {
            assert!(token_secrets(text).is_empty(), "{text}");
        }
        assert!(token_secrets("my-token").is_empty());
    }

    #[test]
    fn credentials_in_free_text_are_masked() {
        for (text, shown) in [
            (
                "auth failed for ghp_16C7e42F292c6912E7710c838347Ae178B4a",
                "auth failed for ***",
            ),
            (
                "Authorization: Basic dXNlcjpwYXNz",
                "Authorization: Basic ***",
            ),
            ("sent Bearer abc", "sent Bearer ***"),
            (
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl rejected",
                "jwt *** rejected",
            ),
            ("password=hunter2 api_key:xyz", "password=*** api_key:***"),
            ("exit status 3: no such file", "exit status 3: no such file"),
            ("deadbeefdeadbeefdeadbeefdeadbeef", "***"),
        ] {
            assert_eq!(mask(text), shown, "{text}");
        }
    }

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("abcdefghij-0123456789012345678901");
        let shown = format!("{secret:?} {:?}", Some(&secret));
        assert!(!shown.contains("abcdefghij"), "{shown}");
        assert_eq!(secret.expose(), "abcdefghij-0123456789012345678901");
    }

    #[test]
    fn sensitive_header_names() {
        assert!(is_sensitive("Authorization"));
        assert!(is_sensitive("X-Api-Key"));
        assert!(is_sensitive("Coder-Session-Token"));
        assert!(!is_sensitive("X-Trace-Id"));
    }
}
