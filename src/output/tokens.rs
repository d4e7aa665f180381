//! How tokens are shown: table columns and cells, and the JSON shapes of the Go CLI.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use serde::ser::SerializeStruct;
use time::format_description::well_known::Rfc3339;

use super::format::{Column, TableFormat};
use super::text::push_visible;
use super::{json, table};
use crate::client::types::ApiKey;
use crate::secret::Secret;

/// Default columns; `owner` is added with `--all`, and always for `tokens view`.
const DEFAULT_COLUMNS: [Column; 7] = [
    Column::Id,
    Column::Name,
    Column::Scopes,
    Column::AllowList,
    Column::LastUsed,
    Column::ExpiresAt,
    Column::CreatedAt,
];

/// The columns to show: the ones chosen with `-c`, else the defaults (plus `owner`).
pub fn columns(chosen: &[Column], owner: bool) -> Vec<Column> {
    if !chosen.is_empty() {
        return chosen.to_vec();
    }
    let mut columns = DEFAULT_COLUMNS.to_vec();
    if owner {
        columns.push(Column::Owner);
    }
    columns
}

/// Appends an RFC 3339 time to the second, in UTC (`2026-01-01T00:00:00Z`). Text that
/// is not a time is shown as it is.
fn push_table_time(out: &mut String, value: &str) {
    let bytes = value.as_bytes();
    let plain_utc = bytes.len() >= 20
        && bytes[10] == b'T'
        && value.ends_with('Z')
        && (bytes.len() == 20 || bytes[19] == b'.');
    if plain_utc {
        push_visible(out, &value[..19]);
        out.push('Z');
        return;
    }
    match time::OffsetDateTime::parse(value, &Rfc3339) {
        Ok(t) => {
            let t = t.to_offset(time::UtcOffset::UTC);
            let _ = write!(
                out,
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            );
        }
        Err(_) => push_visible(out, value),
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

/// Appends `items` sorted and joined with `, `.
fn push_sorted_join<'a>(out: &mut String, mut items: Vec<Cow<'a, str>>) {
    items.sort_unstable();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_visible(out, item);
    }
}

fn push_cell(out: &mut String, key: &ApiKey, column: Column) {
    match column {
        Column::Id => push_visible(out, &key.id),
        Column::Name => push_visible(out, &key.token_name),
        // One scope and one allow-list entry are the common case: no sorting, no copies.
        Column::Scopes => match key.scopes.as_deref().unwrap_or_default() {
            [scope] => push_visible(out, scope),
            scopes => push_sorted_join(out, scopes.iter().map(|s| Cow::Borrowed(&**s)).collect()),
        },
        Column::AllowList => match key.allow_list.as_deref().unwrap_or_default() {
            [target] => {
                push_visible(out, &target.kind);
                out.push(':');
                push_visible(out, &target.id);
            }
            targets => push_sorted_join(
                out,
                targets.iter().map(|t| Cow::Owned(t.display())).collect(),
            ),
        },
        Column::LastUsed => push_table_time(out, &key.last_used),
        Column::ExpiresAt => push_table_time(out, &key.expires_at),
        Column::CreatedAt => push_table_time(out, &key.created_at),
        Column::Owner => push_visible(out, &key.username),
    }
}

/// What `tokens ls` and `tokens view` print, built one key at a time.
pub enum Listing {
    /// Rows sorted by ID when the ID is shown.
    Table {
        table: table::Table,
        columns: Vec<Column>,
    },
    /// The JSON array so far: `[` and the elements, or nothing yet.
    Json(Vec<u8>),
}

impl Listing {
    pub fn new(format: TableFormat, columns: &[Column]) -> Listing {
        match format {
            TableFormat::Json => Listing::Json(Vec::new()),
            TableFormat::Table => {
                let headers: Vec<String> = columns.iter().map(|c| c.title()).collect();
                let mut table = table::Table::new(&headers);
                if let Some(id) = columns.iter().position(|&c| c == Column::Id) {
                    table.sort_by(id);
                }
                Listing::Table {
                    table,
                    columns: columns.to_vec(),
                }
            }
        }
    }

    pub fn push(&mut self, key: &ApiKey) {
        match self {
            Listing::Table { table, columns } => {
                for &column in columns.iter() {
                    table.cell(|out| push_cell(out, key, column));
                }
            }
            Listing::Json(out) => {
                out.extend_from_slice(if out.is_empty() { b"[\n  " } else { b",\n  " });
                json::write_nested(&mut *out, &Shown { key, secret: None }, 1)
                    .expect("writing to memory cannot fail");
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Listing::Table { table, .. } => table.is_empty(),
            Listing::Json(out) => out.is_empty(),
        }
    }

    /// Writes the table or the JSON array, with a final newline.
    pub fn write_to(&self, out: &mut impl io::Write) -> io::Result<()> {
        match self {
            Listing::Table { table, .. } => table.write_to(out)?,
            Listing::Json(text) if text.is_empty() => out.write_all(b"[]")?,
            Listing::Json(text) => {
                out.write_all(text)?;
                out.write_all(b"\n]")?;
            }
        }
        out.write_all(b"\n")
    }
}

/// A token as the Go CLI prints it in JSON. List and view elements put `token_name`
/// last (a quirk of the Go row type); a created token keeps the SDK's field order and
/// ends with its `key`.
struct Shown<'a> {
    key: &'a ApiKey<'a>,
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

    fn table_time(value: &str) -> String {
        let mut out = String::new();
        push_table_time(&mut out, value);
        out
    }

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
        let mut listing = Listing::new(TableFormat::Json, &[]);
        listing.push(&key);
        let mut out = Vec::new();
        listing.write_to(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let name = text.find("token_name").unwrap();
        let allow = text.find("allow_list").unwrap();
        assert!(allow < name, "{text}");
        assert!(text.contains("\"scopes\": null"), "{text}");
    }
}
