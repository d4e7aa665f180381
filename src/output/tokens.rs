//! How tokens are shown: table columns and cells, and the JSON shapes of the Go CLI.

use std::borrow::Cow;
use std::io;

use serde::Serialize;
use serde::ser::SerializeStruct;
use time::format_description::well_known::Rfc3339;

use super::{json, table};
use crate::cli::Column;
use crate::client::types::{AllowTarget, ApiKey};
use crate::secret::Secret;

/// Default columns; `owner` is added with `--all`, and always for `tokens view`.
pub const DEFAULT_COLUMNS: [Column; 7] = [
    Column::Id,
    Column::Name,
    Column::Scopes,
    Column::AllowList,
    Column::LastUsed,
    Column::ExpiresAt,
    Column::CreatedAt,
];

fn title(column: Column) -> &'static str {
    match column {
        Column::Id => "id",
        Column::Name => "name",
        Column::Scopes => "scopes",
        Column::AllowList => "allow list",
        Column::LastUsed => "last used",
        Column::ExpiresAt => "expires at",
        Column::CreatedAt => "created at",
        Column::Owner => "owner",
    }
}

/// An RFC 3339 time to the second, in UTC (`2026-01-01T00:00:00Z`). Text that is not a
/// time is shown as it is.
pub fn table_time(value: &str) -> String {
    let bytes = value.as_bytes();
    let plain_utc = bytes.len() >= 20
        && bytes[10] == b'T'
        && value.ends_with('Z')
        && (bytes.len() == 20 || bytes[19] == b'.');
    if plain_utc {
        return format!("{}Z", &value[..19]);
    }
    match time::OffsetDateTime::parse(value, &Rfc3339) {
        Ok(t) => {
            let t = t.to_offset(time::UtcOffset::UTC);
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            )
        }
        Err(_) => value.to_string(),
    }
}

/// A time as Go's JSON encoder writes it: RFC 3339 with the fraction's trailing zeros
/// trimmed (`.250000Z` → `.25Z`, `.000Z` → `Z`). Text that is not a time is kept.
fn json_time(value: &str) -> Cow<'_, str> {
    let Some(fraction) = value.get(19..).and_then(|rest| rest.strip_prefix('.')) else {
        return Cow::Borrowed(value);
    };
    let digits = &fraction[..fraction.bytes().take_while(u8::is_ascii_digit).count()];
    let kept = digits.trim_end_matches('0');
    if kept.len() == digits.len() || time::OffsetDateTime::parse(value, &Rfc3339).is_err() {
        return Cow::Borrowed(value);
    }
    let dot = if kept.is_empty() { "" } else { "." };
    Cow::Owned(format!(
        "{}{dot}{kept}{}",
        &value[..19],
        &fraction[digits.len()..]
    ))
}

fn sorted_join(mut items: Vec<String>) -> String {
    items.sort_unstable();
    items.join(", ")
}

fn cell(key: &ApiKey, column: Column) -> String {
    match column {
        Column::Id => key.id.clone(),
        Column::Name => key.token_name.clone(),
        Column::Scopes => sorted_join(key.scopes.clone().unwrap_or_default()),
        Column::AllowList => sorted_join(
            key.allow_list
                .iter()
                .flatten()
                .map(AllowTarget::display)
                .collect(),
        ),
        Column::LastUsed => table_time(&key.last_used),
        Column::ExpiresAt => table_time(&key.expires_at),
        Column::CreatedAt => table_time(&key.created_at),
        Column::Owner => key.username.clone(),
    }
}

/// The table of `keys` with `columns`, rows sorted by ID when the ID is shown.
pub fn render_table(keys: &[ApiKey], columns: &[Column]) -> String {
    let mut rows: Vec<Vec<String>> = keys
        .iter()
        .map(|key| columns.iter().map(|&c| cell(key, c)).collect())
        .collect();
    if let Some(id) = columns.iter().position(|&c| c == Column::Id) {
        rows.sort_by(|a, b| a[id].cmp(&b[id]));
    }
    let headers: Vec<&str> = columns.iter().map(|&c| title(c)).collect();
    table::render(&headers, &rows)
}

/// A token as the Go CLI prints it in JSON. List and view elements put `token_name`
/// last (a quirk of the Go row type); a created token keeps the SDK's field order and
/// ends with its `key`.
struct Shown<'a> {
    key: &'a ApiKey,
    secret: Option<&'a Secret>,
}

impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let k = self.key;
        let created = self.secret.is_some();
        let mut s = serializer.serialize_struct("APIKey", 13)?;
        s.serialize_field("id", &k.id)?;
        s.serialize_field("user_id", &k.user_id)?;
        s.serialize_field("last_used", &json_time(&k.last_used))?;
        s.serialize_field("expires_at", &json_time(&k.expires_at))?;
        s.serialize_field("created_at", &json_time(&k.created_at))?;
        s.serialize_field("updated_at", &json_time(&k.updated_at))?;
        s.serialize_field("login_type", &k.login_type)?;
        s.serialize_field("scope", &k.scope)?;
        s.serialize_field("scopes", &k.scopes)?;
        if created {
            s.serialize_field("token_name", &k.token_name)?;
        }
        s.serialize_field("lifetime_seconds", &k.lifetime_seconds)?;
        s.serialize_field("allow_list", &k.allow_list)?;
        if !created {
            s.serialize_field("token_name", &k.token_name)?;
        }
        if let Some(secret) = self.secret {
            s.serialize_field("key", secret.expose())?;
        }
        s.end()
    }
}

/// Writes the JSON array `tokens list` and `tokens view` print.
pub fn write_json(out: impl io::Write, keys: &[ApiKey]) -> io::Result<()> {
    let rows: Vec<Shown<'_>> = keys.iter().map(|key| Shown { key, secret: None }).collect();
    json::write(out, &rows)
}

/// Writes the JSON object `tokens create -o json` prints, which includes the key.
pub fn write_created_json(out: impl io::Write, key: &ApiKey, secret: &Secret) -> io::Result<()> {
    json::write(
        out,
        &Shown {
            key,
            secret: Some(secret),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_cut_to_the_second_in_utc() {
        assert_eq!(
            table_time("2026-03-02T08:00:12.345678Z"),
            "2026-03-02T08:00:12Z"
        );
        assert_eq!(table_time("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00Z");
        assert_eq!(
            table_time("2026-03-02T10:00:12.5+02:00"),
            "2026-03-02T08:00:12Z"
        );
        assert_eq!(table_time("garbage"), "garbage");
    }

    #[test]
    fn json_times_drop_trailing_zeros_like_go() {
        assert_eq!(
            json_time("2026-10-05T11:30:00.250000Z"),
            "2026-10-05T11:30:00.25Z"
        );
        assert_eq!(
            json_time("2026-10-05T11:30:00.000Z"),
            "2026-10-05T11:30:00Z"
        );
        assert_eq!(
            json_time("2026-10-05T11:30:00.10+02:00"),
            "2026-10-05T11:30:00.1+02:00"
        );
        assert_eq!(
            json_time("2026-03-02T08:00:12.345678Z"),
            "2026-03-02T08:00:12.345678Z"
        );
        assert_eq!(json_time("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00Z");
        assert_eq!(json_time("not a time.000"), "not a time.000");
    }

    #[test]
    fn list_json_puts_token_name_last() {
        let key: ApiKey = serde_json::from_str(r#"{"id":"a","token_name":"n"}"#).unwrap();
        let mut out = Vec::new();
        write_json(&mut out, &[key]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let name = text.find("token_name").unwrap();
        let allow = text.find("allow_list").unwrap();
        assert!(allow < name, "{text}");
        assert!(text.contains("\"scopes\": null"), "{text}");
    }
}
