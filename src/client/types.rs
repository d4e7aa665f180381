//! Typed request and response bodies of the Coder API (see `shared/coder-api`).

use std::fmt;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::secret::Secret;

/// Go's zero time, which the API uses for "never".
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn zero_time() -> String {
    ZERO_TIME.to_string()
}

/// Reads a JSON `null` as the type's default, as Go does.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// One entry of a token's allow list: `<type>:<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowTarget {
    #[serde(rename = "type", default, deserialize_with = "null_as_default")]
    pub kind: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub id: String,
}

impl AllowTarget {
    pub fn display(&self) -> String {
        format!("{}:{}", self.kind, self.id)
    }
}

/// An API key (token) as the API returns it. Times stay as the server wrote them
/// (RFC 3339), so JSON output passes them through unchanged. `username` is only set
/// in list responses.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApiKey {
    #[serde(default, deserialize_with = "null_as_default")]
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub user_id: String,
    #[serde(default = "zero_time")]
    pub last_used: String,
    #[serde(default = "zero_time")]
    pub expires_at: String,
    #[serde(default = "zero_time")]
    pub created_at: String,
    #[serde(default = "zero_time")]
    pub updated_at: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub login_type: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub scope: String,
    /// `None` when the server sent no list (printed as `null`, like Go's nil slice).
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub token_name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub lifetime_seconds: i64,
    #[serde(default)]
    pub allow_list: Option<Vec<AllowTarget>>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub username: String,
}

impl ApiKey {
    /// A key that only knows its ID (used when metadata could not be fetched).
    pub fn with_id(id: &str) -> Self {
        ApiKey {
            id: id.to_string(),
            last_used: zero_time(),
            expires_at: zero_time(),
            created_at: zero_time(),
            updated_at: zero_time(),
            ..ApiKey::default()
        }
    }
}

/// Decodes a JSON array of keys (or `null`, Go's empty list) one key at a time.
pub struct EachKey<'a>(pub &'a mut dyn FnMut(ApiKey));

impl<'de> DeserializeSeed<'de> for EachKey<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for EachKey<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(key) = seq.next_element()? {
            (self.0)(key);
        }
        Ok(())
    }
}

/// Body of `POST /users/{user}/keys/tokens`. Field order and omissions follow the Go SDK.
#[derive(Debug, Clone, Serialize)]
pub struct CreateTokenRequest {
    /// Nanoseconds.
    pub lifetime: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    pub token_name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow_list: Vec<AllowTarget>,
}

/// A freshly minted key, `<10-char id>-<22-char secret>`.
#[derive(Debug, Deserialize)]
pub struct GeneratedKey {
    pub key: Secret,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct TokenConfig {
    /// Nanoseconds.
    #[serde(default)]
    pub max_token_lifetime: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub username: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BuildInfo {
    #[serde(default)]
    pub version: String,
}

/// The filter of `GET /users/{user}/keys/tokens`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokensFilter {
    pub include_all: bool,
    pub include_expired: bool,
}

/// Coder's error body (`codersdk.Response`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub validations: Vec<Validation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Validation {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_null_fields_read_as_go_zero_values() {
        let key: ApiKey =
            serde_json::from_str(r#"{"id":"abc","scopes":null,"token_name":null,"extra":1}"#)
                .unwrap();
        assert_eq!(key.id, "abc");
        assert_eq!(key.last_used, ZERO_TIME);
        assert!(key.scopes.is_none());
        assert_eq!(key.token_name, "");
        assert!(key.allow_list.is_none());
    }

    #[test]
    fn debug_of_a_generated_key_hides_it() {
        let key: GeneratedKey =
            serde_json::from_str(r#"{"key":"Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"}"#).unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.contains("Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"), "{shown}");
        assert_eq!(key.key.expose(), "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J");
    }

    #[test]
    fn create_request_omits_empty_lists_like_the_go_sdk() {
        let body = CreateTokenRequest {
            lifetime: 3_600_000_000_000,
            scopes: vec![],
            token_name: "ci".into(),
            allow_list: vec![],
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"lifetime":3600000000000,"token_name":"ci"}"#
        );
    }
}
