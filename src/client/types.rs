//! Typed request and response bodies of the Coder API (see `tests/fixtures/coder-api`).
//!
//! Decoding is as lenient as Go's encoding/json where that cannot hurt: a JSON `null`
//! reads as the zero value (a `null` time is Go's zero time, "never"), a key given
//! twice takes its last value, unknown keys are ignored. A value of the wrong type is
//! an error that names its field. The keys of a list are decoded by hand for that (and
//! to borrow their text from the body); the small bodies go through
//! [`serde_json::Value`], whose objects keep the last of duplicated keys.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::secret::Secret;

/// Go's zero time, which the API uses for "never".
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn zero_time<'a>() -> Cow<'a, str> {
    Cow::Borrowed(ZERO_TIME)
}

/// The error `err` about the value of `field`, saying which field it was (without the
/// position, which the JSON reader adds to the final error). Broken JSON (a body cut
/// short, a syntax error) is no fault of the field's and stays as it is.
fn named<E: de::Error>(field: &str, err: E) -> E {
    let text = err.to_string();
    let about_the_value = [
        "invalid type",
        "invalid value",
        "invalid length",
        "number out of",
    ]
    .iter()
    .any(|start| text.starts_with(start));
    if !about_the_value {
        return err;
    }
    let text = match text.rfind(" at line ") {
        Some(at) if text[at..].contains(" column ") => &text[..at],
        _ => &text,
    };
    E::custom(format_args!("field \"{field}\": {text}"))
}

/// Declares `fn $name`, which reads a `$ty` (a JSON `null` as its zero value) and names
/// `$field` when the value has the wrong type: for `#[serde(deserialize_with)]`.
macro_rules! lenient {
    ($name:ident, $field:literal, $ty:ty) => {
        fn $name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
            Option::<$ty>::deserialize(deserializer)
                .map(Option::unwrap_or_default)
                .map_err(|err| named($field, err))
        }
    };
}

/// Text borrowed from the body when it has no escapes.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

/// The next value of `map`, for `field`; its errors name the field.
fn value<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
    field: &str,
) -> Result<T, A::Error> {
    map.next_value().map_err(|err| named(field, err))
}

/// The next value of `map` as text, `null` as `default`.
fn text<'de: 'a, 'a, A: MapAccess<'de>>(
    map: &mut A,
    field: &str,
    default: &'static str,
) -> Result<Cow<'a, str>, A::Error> {
    let text: Option<Text<'a>> = value(map, field)?;
    Ok(text.map_or(Cow::Borrowed(default), |text| text.0))
}

/// A list whose `null` elements read as their zero values.
fn list<T: Default>(items: Option<Vec<Option<T>>>) -> Option<Vec<T>> {
    items.map(|items| items.into_iter().map(Option::unwrap_or_default).collect())
}

/// One entry of a token's allow list: `<type>:<id>`, its text borrowed from the body
/// where it can be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AllowTarget<'a> {
    #[serde(rename = "type")]
    pub kind: Cow<'a, str>,
    pub id: Cow<'a, str>,
}

impl<'de: 'a, 'a> Deserialize<'de> for AllowTarget<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TargetVisitor(PhantomData))
    }
}

struct TargetVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for TargetVisitor<'a> {
    type Value = AllowTarget<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an allow-list entry object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AllowTarget<'a>, A::Error> {
        let mut target = AllowTarget::default();
        while let Some(field) = map.next_key::<Text<'de>>()? {
            match field.0.as_ref() {
                "type" => target.kind = text(&mut map, "type", "")?,
                "id" => target.id = text(&mut map, "id", "")?,
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(target)
    }
}

impl AllowTarget<'_> {
    pub fn display(&self) -> String {
        format!("{}:{}", self.kind, self.id)
    }
}

/// An API key (token) as the API returns it. Times stay as the server wrote them
/// (RFC 3339), so JSON output passes them through unchanged. `username` is only set
/// in list responses. Text is borrowed from the response body where it can be (a list
/// of 10,000 keys then allocates next to nothing); a key read through a
/// [`serde_json::Value`] owns its text (`ApiKey<'static>`).
#[derive(Debug, Clone, Default)]
pub struct ApiKey<'a> {
    pub id: Cow<'a, str>,
    pub user_id: Cow<'a, str>,
    pub last_used: Cow<'a, str>,
    pub expires_at: Cow<'a, str>,
    pub created_at: Cow<'a, str>,
    pub updated_at: Cow<'a, str>,
    pub login_type: Cow<'a, str>,
    pub scope: Cow<'a, str>,
    /// `None` when the server sent no list (printed as `null`, like Go's nil slice).
    pub scopes: Option<Vec<Cow<'a, str>>>,
    pub token_name: Cow<'a, str>,
    pub lifetime_seconds: i64,
    pub allow_list: Option<Vec<AllowTarget<'a>>>,
    pub username: Cow<'a, str>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ApiKey<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(KeyVisitor(PhantomData))
    }
}

struct KeyVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for KeyVisitor<'a> {
    type Value = ApiKey<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an API key object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiKey<'a>, A::Error> {
        let mut key = ApiKey::with_id("");
        while let Some(field) = map.next_key::<Text<'de>>()? {
            key.read(&field.0, &mut map)?;
        }
        Ok(key)
    }
}

impl<'a> ApiKey<'a> {
    /// Reads the value of `field` from `map`; the last of duplicated keys wins.
    fn read<'de: 'a, A: MapAccess<'de>>(
        &mut self,
        field: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match field {
            "id" => self.id = text(map, field, "")?,
            "user_id" => self.user_id = text(map, field, "")?,
            "last_used" => self.last_used = text(map, field, ZERO_TIME)?,
            "expires_at" => self.expires_at = text(map, field, ZERO_TIME)?,
            "created_at" => self.created_at = text(map, field, ZERO_TIME)?,
            "updated_at" => self.updated_at = text(map, field, ZERO_TIME)?,
            "login_type" => self.login_type = text(map, field, "")?,
            "scope" => self.scope = text(map, field, "")?,
            "scopes" => {
                let scopes: Option<Vec<Option<Text<'a>>>> = value(map, field)?;
                self.scopes = scopes.map(|scopes| {
                    let text = |scope: Option<Text<'a>>| scope.map_or(Cow::Borrowed(""), |t| t.0);
                    scopes.into_iter().map(text).collect()
                });
            }
            "token_name" => self.token_name = text(map, field, "")?,
            "lifetime_seconds" => {
                self.lifetime_seconds = value::<Option<i64>, _>(map, field)?.unwrap_or(0);
            }
            "allow_list" => self.allow_list = list(value(map, field)?),
            "username" => self.username = text(map, field, "")?,
            _ => drop(map.next_value::<IgnoredAny>()?),
        }
        Ok(())
    }
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
    pub allow_list: Vec<AllowTarget<'static>>,
}

/// A freshly minted key, `<10-char id>-<22-char secret>`. Without one (or with a
/// `null`) there is nothing to use: an error.
#[derive(Debug, Deserialize)]
pub struct GeneratedKey {
    #[serde(deserialize_with = "key")]
    pub key: Secret,
}

fn key<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
    Secret::deserialize(deserializer).map_err(|err| named("key", err))
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct TokenConfig {
    /// Nanoseconds.
    #[serde(default, deserialize_with = "max_token_lifetime")]
    pub max_token_lifetime: i64,
}

lenient!(max_token_lifetime, "max_token_lifetime", i64);

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    #[serde(default, deserialize_with = "user_id")]
    pub id: String,
    #[serde(default, deserialize_with = "username")]
    pub username: String,
}

lenient!(user_id, "id", String);
lenient!(username, "username", String);

/// The filter of `GET /users/{user}/keys/tokens`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokensFilter {
    pub include_all: bool,
    pub include_expired: bool,
}

/// Coder's error body (`codersdk.Response`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ErrorBody {
    #[serde(default, deserialize_with = "message")]
    pub message: String,
    #[serde(default, deserialize_with = "detail")]
    pub detail: String,
    #[serde(default, deserialize_with = "validations")]
    pub validations: Vec<Validation>,
}

lenient!(message, "message", String);
lenient!(detail, "detail", String);

fn validations<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Validation>, D::Error> {
    let items = Option::<Vec<Option<Validation>>>::deserialize(deserializer);
    Ok(list(items.map_err(|err| named("validations", err))?).unwrap_or_default())
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Validation {
    #[serde(default, deserialize_with = "validation_field")]
    pub field: String,
    #[serde(default, deserialize_with = "detail")]
    pub detail: String,
}

lenient!(validation_field, "field", String);

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
    fn null_is_the_zero_value_everywhere_as_in_go() {
        let body = r#"{"id":"abc","user_id":null,"last_used":null,"expires_at":null,
            "created_at":null,"updated_at":null,"login_type":null,"scope":null,
            "scopes":["a",null],"token_name":null,"lifetime_seconds":null,
            "allow_list":[null,{"type":null,"id":"*"}],"username":null}"#;
        let key: ApiKey = serde_json::from_str(body).unwrap();
        for time in [
            &key.last_used,
            &key.expires_at,
            &key.created_at,
            &key.updated_at,
        ] {
            assert_eq!(time, ZERO_TIME);
        }
        assert_eq!((key.user_id.as_ref(), key.token_name.as_ref()), ("", ""));
        assert_eq!(
            key.scopes,
            Some(vec![Cow::Borrowed("a"), Cow::Borrowed("")])
        );
        assert_eq!(key.lifetime_seconds, 0);
        let allow = key.allow_list.unwrap();
        assert_eq!(allow[0], AllowTarget::default());
        assert_eq!(allow[1].display(), ":*");
        let config: TokenConfig =
            serde_json::from_value(serde_json::json!({"max_token_lifetime": null})).unwrap();
        assert_eq!(config.max_token_lifetime, 0);
        let user: User =
            serde_json::from_value(serde_json::json!({"id": null, "username": null})).unwrap();
        assert_eq!((user.id.as_str(), user.username.as_str()), ("", ""));
        let error: ErrorBody = serde_json::from_value(
            serde_json::json!({"message": null, "validations": [null, {"field": null}]}),
        )
        .unwrap();
        assert_eq!(error.message, "");
        assert_eq!(
            error.validations,
            [Validation::default(), Validation::default()]
        );
    }

    #[test]
    fn a_duplicated_key_takes_its_last_value() {
        let body = r#"{"id":"first","token_name":"a","id":"second","allow_list":[
            {"type":"workspace","type":"template","id":"*"}],"token_name":null}"#;
        let key: ApiKey = serde_json::from_str(body).unwrap();
        assert_eq!(key.id, "second");
        assert_eq!(key.token_name, "");
        assert_eq!(key.allow_list.unwrap()[0].display(), "template:*");
        // The small bodies go through a `Value`, which keeps the last value too.
        let value: serde_json::Value =
            serde_json::from_str(r#"{"username":"old","username":"new"}"#).unwrap();
        let user: User = serde_json::from_value(value).unwrap();
        assert_eq!(user.username, "new");
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_field() {
        let cases = [
            (
                r#"{"id":5}"#,
                "field \"id\": invalid type: integer `5`, expected a string",
            ),
            (
                r#"{"last_used":false}"#,
                "field \"last_used\": invalid type: boolean",
            ),
            (
                r#"{"lifetime_seconds":"1h"}"#,
                "field \"lifetime_seconds\": invalid type",
            ),
            (r#"{"scopes":"all"}"#, "field \"scopes\": invalid type"),
            (
                r#"{"allow_list":[{"id":[]}]}"#,
                "field \"id\": invalid type",
            ),
        ];
        for (body, expected) in cases {
            let err = serde_json::from_str::<ApiKey>(body)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(expected), "{body}: {err}");
            // The position, once.
            assert_eq!(err.matches(" at line 1 column ").count(), 1, "{err}");
        }
        let err = serde_json::from_value::<GeneratedKey>(serde_json::json!({"key": null}));
        assert!(
            err.unwrap_err()
                .to_string()
                .starts_with("field \"key\": invalid type: null")
        );
        // Broken JSON is not blamed on a field.
        let err = serde_json::from_str::<ApiKey>(r#"{"token_name":"cut"#).unwrap_err();
        assert!(err.to_string().starts_with("EOF while parsing"), "{err}");
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
