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

#[cfg(test)]
mod tests {
    use super::*;

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
