//! How tokens are shown: table columns and cells, and the JSON shapes of the Go CLI.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use super::format::{Column, TableFormat};
use super::{json, table};
use crate::client::types::{AllowTarget, ApiKey};
use crate::secret::Secret;
use crate::term::push_visible;

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
/// is not a time is shown as it is (made visible).
fn push_table_time(out: &mut String, value: &str) {
    // Coder writes its times in UTC (`2026-03-02T08:00:12.345678Z`): the second is the
    // text up to the fraction, with no parse (three a row: most of a table's cost).
    let bytes = value.as_bytes();
    let utc = bytes.len() >= 20
        && bytes[10] == b'T'
        && value.ends_with('Z')
        && (bytes.len() == 20 || bytes[19] == b'.')
        && bytes[..19]
            .iter()
            .all(|b| b.is_ascii_digit() || b"-T:".contains(b));
    if utc {
        out.push_str(&value[..19]);
        out.push('Z');
        return;
    }
    match time::OffsetDateTime::parse(value, &Rfc3339) {
        Ok(t) => push_utc(out, t),
        Err(_) => push_visible(out, value),
    }
}

/// Appends `t` to the second, in UTC (`2026-01-01T00:00:00Z`).
pub(super) fn push_utc(out: &mut String, t: time::OffsetDateTime) {
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

/// A time as Go's JSON encoder writes it: RFC 3339 with the fraction's trailing zeros
/// trimmed (`.250000Z` → `.25Z`, `.000Z` → `Z`). Text that is not a time is kept.
pub(super) fn json_time(value: &str) -> Cow<'_, str> {
    // Ending in a digit other than 0 and `Z`, a time has no zero to trim (a fraction,
    // if any, ends there), and other text is kept: the common case, decided at once.
    if let [.., b'1'..=b'9', b'Z'] = value.as_bytes() {
        return Cow::Borrowed(value);
    }
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

/// Appends `items` sorted and joined with `, `, each made visible.
fn push_sorted_join(out: &mut String, mut items: Vec<Cow<'_, str>>) {
    items.sort_unstable();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_visible(out, item);
    }
}

/// Appends the cell of `column` for `key`, its server text made visible.
pub(super) fn push_cell(out: &mut String, key: &ApiKey, column: Column) {
    match column {
        Column::Id => push_visible(out, &key.id),
        Column::Name => push_visible(out, &key.token_name),
        Column::Scopes => {
            let scopes = key.scopes.as_deref().unwrap_or_default();
            push_sorted_join(out, scopes.iter().map(|s| Cow::Borrowed(&**s)).collect());
        }
        Column::AllowList => {
            let targets = key.allow_list.as_deref().unwrap_or_default();
            push_sorted_join(
                out,
                targets.iter().map(|t| Cow::Owned(t.display())).collect(),
            );
        }
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
                json::push_nested(out, &KeyJson::new(key, None), 1);
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

/// A token as `-o json` prints it, in the Go CLI's shapes: list and view elements put
/// `token_name` last (a quirk of the Go row type); a created token keeps the SDK's field
/// order and ends with its `key`. Times are written as Go's encoder writes them.
#[derive(Serialize)]
struct KeyJson<'k> {
    id: &'k str,
    user_id: &'k str,
    last_used: Cow<'k, str>,
    expires_at: Cow<'k, str>,
    created_at: Cow<'k, str>,
    updated_at: Cow<'k, str>,
    login_type: &'k str,
    scope: &'k str,
    scopes: &'k Option<Vec<Cow<'k, str>>>,
    #[serde(rename = "token_name", skip_serializing_if = "Option::is_none")]
    created_token_name: Option<&'k str>,
    lifetime_seconds: i64,
    allow_list: &'k Option<Vec<AllowTarget<'k>>>,
    #[serde(rename = "token_name", skip_serializing_if = "Option::is_none")]
    listed_token_name: Option<&'k str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'k str>,
}

impl<'k> KeyJson<'k> {
    /// `key` as a list element (`secret: None`) or as a created token with its secret.
    fn new(key: &'k ApiKey<'k>, secret: Option<&'k Secret>) -> KeyJson<'k> {
        let name = key.token_name.as_ref();
        KeyJson {
            id: &key.id,
            user_id: &key.user_id,
            last_used: json_time(&key.last_used),
            expires_at: json_time(&key.expires_at),
            created_at: json_time(&key.created_at),
            updated_at: json_time(&key.updated_at),
            login_type: &key.login_type,
            scope: &key.scope,
            scopes: &key.scopes,
            created_token_name: secret.is_some().then_some(name),
            lifetime_seconds: key.lifetime_seconds,
            allow_list: &key.allow_list,
            listed_token_name: secret.is_none().then_some(name),
            key: secret.map(Secret::expose),
        }
    }
}

/// Writes the JSON object `tokens create -o json` prints, which includes the key.
pub fn write_created_json(out: impl io::Write, key: &ApiKey, secret: &Secret) -> io::Result<()> {
    json::write_line(out, &KeyJson::new(key, Some(secret)))
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
        assert_eq!(table_time("bad\x1b[0m"), "bad\\x1b[0m");
        // Shaped like a UTC time up to a point: shown as text, made visible.
        assert_eq!(
            table_time("2026-03-02T08:00:1\x1b.5Z"),
            "2026-03-02T08:00:1\\x1b.5Z"
        );
        assert_eq!(
            table_time("2026-03-02T08:00:12\x1bZ"),
            "2026-03-02T08:00:12\\x1bZ"
        );
    }

    proptest::proptest! {
        /// A UTC time cut to the second without a parse reads as the parsed one does.
        #[test]
        fn utc_times_are_cut_as_parsed_ones_are(
            value in "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z"
        ) {
            let parsed = time::OffsetDateTime::parse(&value, &Rfc3339).unwrap();
            let mut expected = String::new();
            push_utc(&mut expected, parsed);
            proptest::prop_assert_eq!(table_time(&value), expected);
        }
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
        assert_eq!(json_time("not a time.1Z"), "not a time.1Z");
    }

    proptest::proptest! {
        #[test]
        fn json_times_keep_their_instant_and_lose_only_the_fractions_trailing_zeros(
            value in "20[0-9]{2}-0[1-9]-1[0-9]T1[0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]0[0-9]:[03]0)|[0-9Z:.T-]{0,30}"
        ) {
            let shown = json_time(&value);
            match time::OffsetDateTime::parse(&value, &Rfc3339) {
                Ok(instant) => {
                    proptest::prop_assert_eq!(time::OffsetDateTime::parse(&shown, &Rfc3339), Ok(instant));
                    proptest::prop_assert_eq!(&shown[..19], &value[..19]);
                    let fraction = shown[19..].strip_prefix('.').unwrap_or("");
                    let digits = &fraction[..fraction.bytes().take_while(u8::is_ascii_digit).count()];
                    proptest::prop_assert!(!digits.ends_with('0'), "{shown}");
                }
                Err(_) => proptest::prop_assert_eq!(&*shown, &*value),
            }
        }
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

    /// SHA-256 of what the hand-written JSON writer this view replaced wrote for
    /// `large_list(10_000)` (a test compared the two byte for byte before it went).
    const LARGE_LIST_JSON_SHA256: &str =
        "0ac95032223c7a79e94866a1824e84c9a53c3c34bc33c6decfbffe4e2bff0dcb";

    /// A list of `n` keys as a deployment might send it, drawn from a fixed seed: plain
    /// names and names with quotes, escapes, markup, U+2028, controls and wide text;
    /// times with and without fractions and offsets; `null` and empty lists.
    fn large_list(n: usize) -> String {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let names = [
            "ci",
            "deploy \"prod\"",
            "a\\b",
            "<script>&",
            "line\u{2028}sep",
            "tab\there",
            "\u{1b}[31mred",
            "日本語トークン",
            "emoji 🔑",
            "é-accent",
            "para\u{2029}",
        ];
        let times = [
            "2026-10-05T11:30:00.250000Z",
            "2026-10-05T11:30:00Z",
            "0001-01-01T00:00:00Z",
            "2026-10-05T11:30:00.10+02:00",
            "2026-03-02T08:00:12.345678Z",
            "not a time.000",
        ];
        let scopes = [
            "null",
            "[]",
            "[\"all\"]",
            "[\"workspace:read\",\"template:*\"]",
        ];
        let allow = [
            "null",
            "[]",
            "[{\"type\":\"*\",\"id\":\"*\"}]",
            "[{\"type\":\"workspace\",\"id\":\"<id>&\"},{\"type\":\"template\",\"id\":\"*\"}]",
        ];
        let mut body = String::from("[");
        for i in 0..n {
            if i > 0 {
                body.push(',');
            }
            let name = serde_json::to_string(&format!("{}-{i}", names[next(names.len())])).unwrap();
            let time = |pick: usize| times[pick % times.len()];
            body.push_str(&format!(
                "{{\"id\":\"{:010}\",\"user_id\":\"u-{}\",\"last_used\":\"{}\",\"expires_at\":\"{}\",\
                 \"created_at\":\"{}\",\"updated_at\":\"{}\",\"login_type\":\"token\",\"scope\":\"all\",\
                 \"scopes\":{},\"token_name\":{name},\"lifetime_seconds\":{},\"allow_list\":{},\
                 \"username\":\"user{}\"}}",
                next(1 << 30), next(7), time(next(99)), time(next(99)), time(next(99)),
                time(next(99)), scopes[next(scopes.len())], next(1 << 40) as i64 - (1 << 39),
                allow[next(allow.len())], next(5),
            ));
        }
        body.push(']');
        body
    }

    #[test]
    fn a_large_list_is_written_byte_for_byte_as_before() {
        use serde::de::DeserializeSeed;
        use sha2::Digest;

        let body = large_list(10_000);
        let mut listing = Listing::new(TableFormat::Json, &[]);
        crate::client::types::EachKey(&mut |key| listing.push(key))
            .deserialize(&mut serde_json::Deserializer::from_str(&body))
            .unwrap();
        let mut out = Vec::new();
        listing.write_to(&mut out).unwrap();
        let digest: String = sha2::Sha256::digest(&out)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, LARGE_LIST_JSON_SHA256);
    }
}
