//! Typed request and response bodies of the Coder API (see `tests/fixtures/coder-api`).

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::secret::Secret;

/// Go's zero time, which the API uses for "never".
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn zero_time<'a>() -> Cow<'a, str> {
    Cow::Borrowed(ZERO_TIME)
}

/// Reads a JSON `null` as the type's default, as Go does.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Reads a string, borrowed from the body when it has no escapes, or `null` as `""`.
fn borrowed_or_null<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'a, str>, D::Error> {
    #[derive(Deserialize)]
    struct Text<'a>(#[serde(borrow)] Cow<'a, str>);
    Ok(Option::<Text>::deserialize(deserializer)?.map_or(Cow::Borrowed(""), |text| text.0))
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
/// in list responses. Text is borrowed from the response body where it can be (a list
/// of 10,000 keys then allocates next to nothing); [`ApiKey::into_owned`] detaches it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApiKey<'a> {
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub id: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub user_id: Cow<'a, str>,
    #[serde(borrow, default = "zero_time")]
    pub last_used: Cow<'a, str>,
    #[serde(borrow, default = "zero_time")]
    pub expires_at: Cow<'a, str>,
    #[serde(borrow, default = "zero_time")]
    pub created_at: Cow<'a, str>,
    #[serde(borrow, default = "zero_time")]
    pub updated_at: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub login_type: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub scope: Cow<'a, str>,
    /// `None` when the server sent no list (printed as `null`, like Go's nil slice).
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub token_name: Cow<'a, str>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub lifetime_seconds: i64,
    #[serde(default)]
    pub allow_list: Option<Vec<AllowTarget>>,
    #[serde(borrow, default, deserialize_with = "borrowed_or_null")]
    pub username: Cow<'a, str>,
}

impl ApiKey<'_> {
    /// A key that only knows its ID (used when metadata could not be fetched).
    pub fn with_id(id: &str) -> ApiKey<'static> {
        ApiKey {
            id: Cow::Owned(id.to_string()),
            last_used: zero_time(),
            expires_at: zero_time(),
            created_at: zero_time(),
            updated_at: zero_time(),
            ..ApiKey::default()
        }
    }

    /// The key with its text copied out of the response body.
    pub fn into_owned(self) -> ApiKey<'static> {
        let owned = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        ApiKey {
            id: owned(self.id),
            user_id: owned(self.user_id),
            last_used: owned(self.last_used),
            expires_at: owned(self.expires_at),
            created_at: owned(self.created_at),
            updated_at: owned(self.updated_at),
            login_type: owned(self.login_type),
            scope: owned(self.scope),
            scopes: self.scopes,
            token_name: owned(self.token_name),
            lifetime_seconds: self.lifetime_seconds,
            allow_list: self.allow_list,
            username: owned(self.username),
        }
    }
}

/// Decodes a JSON array of keys (or `null`, Go's empty list) one key at a time.
pub struct EachKey<'a>(pub &'a mut dyn FnMut(&ApiKey<'_>));

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
        while let Some(key) = seq.next_element::<ApiKey>()? {
            (self.0)(&key);
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
    pub username: String,
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
    fn keys_borrow_plain_text_and_unescape_the_rest() {
        let body = r#"{"id":"abc","token_name":"a\"b","username":null,"last_used":"x"}"#;
        let key: ApiKey = serde_json::from_str(body).unwrap();
        assert!(matches!(key.id, Cow::Borrowed("abc")), "{:?}", key.id);
        assert!(
            matches!(key.last_used, Cow::Borrowed("x")),
            "{:?}",
            key.last_used
        );
        assert_eq!(key.token_name, "a\"b");
        assert_eq!(key.username, "");
        let owned = key.into_owned();
        assert!(matches!(owned.id, Cow::Owned(_)));
        assert_eq!(owned.token_name, "a\"b");
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
