//! How tokens are shown: table columns and cells, and the JSON shapes of the Go CLI.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use super::format::{Column, TableFormat};
use super::text::Shown;
use super::{json, table};
use crate::ascii::Survey;
use crate::client::types::{AllowTarget, ApiKey, KeySink};
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
fn push_table_time(out: &mut String, value: &str, shown: Shown) {
    let bytes = value.as_bytes();
    let plain_utc = bytes.len() >= 20
        && bytes[10] == b'T'
        && value.ends_with('Z')
        && (bytes.len() == 20 || bytes[19] == b'.');
    if plain_utc {
        shown.push(out, &value[..19]);
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
        Err(_) => shown.push(out, value),
    }
}

/// A time as Go's JSON encoder writes it: RFC 3339 with the fraction's trailing zeros
/// trimmed (`.250000Z` → `.25Z`, `.000Z` → `Z`). Text that is not a time is kept.
fn json_time(value: &str) -> Cow<'_, str> {
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

/// Appends `items` sorted and joined with `, `.
fn push_sorted_join<'a>(out: &mut String, mut items: Vec<Cow<'a, str>>, shown: Shown) {
    items.sort_unstable();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        shown.push(out, item);
    }
}

fn push_cell(out: &mut String, key: &ApiKey, column: Column, shown: Shown) {
    match column {
        Column::Id => shown.push(out, &key.id),
        Column::Name => shown.push(out, &key.token_name),
        // One scope and one allow-list entry are the common case: no sorting, no copies.
        Column::Scopes => match key.scopes.as_deref().unwrap_or_default() {
            [scope] => shown.push(out, scope),
            scopes => push_sorted_join(
                out,
                scopes.iter().map(|s| Cow::Borrowed(&**s)).collect(),
                shown,
            ),
        },
        Column::AllowList => match key.allow_list.as_deref().unwrap_or_default() {
            [target] => {
                shown.push(out, &target.kind);
                out.push(':');
                shown.push(out, &target.id);
            }
            targets => push_sorted_join(
                out,
                targets.iter().map(|t| Cow::Owned(t.display())).collect(),
                shown,
            ),
        },
        Column::LastUsed => push_table_time(out, &key.last_used, shown),
        Column::ExpiresAt => push_table_time(out, &key.expires_at, shown),
        Column::CreatedAt => push_table_time(out, &key.created_at, shown),
        Column::Owner => shown.push(out, &key.username),
    }
}

/// What `tokens ls` and `tokens view` print, built one key at a time.
pub enum Listing {
    /// Rows sorted by ID when the ID is shown.
    Table {
        table: table::Table,
        columns: Vec<Column>,
    },
    /// The JSON array so far (`[` and the elements, or nothing yet), and whether its
    /// strings may need escapes.
    Json(Vec<u8>, json::Escapes),
}

impl Listing {
    pub fn new(format: TableFormat, columns: &[Column]) -> Listing {
        match format {
            TableFormat::Json => Listing::Json(Vec::new(), json::Escapes::Maybe),
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
                let shown = table.shown();
                for &column in columns.iter() {
                    table.cell(|out| push_cell(out, key, column, shown));
                }
            }
            Listing::Json(out, escapes) => {
                out.extend_from_slice(if out.is_empty() { b"[\n  " } else { b",\n  " });
                write_listed_key(out, key, None, *escapes);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Listing::Table { table, .. } => table.is_empty(),
            Listing::Json(out, _) => out.is_empty(),
        }
    }

    /// Writes the table or the JSON array, with a final newline.
    pub fn write_to(&self, out: &mut impl io::Write) -> io::Result<()> {
        match self {
            Listing::Table { table, .. } => table.write_to(out)?,
            Listing::Json(text, _) if text.is_empty() => out.write_all(b"[]")?,
            Listing::Json(text, _) => {
                out.write_all(text)?;
                out.write_all(b"\n]")?;
            }
        }
        out.write_all(b"\n")
    }
}

impl KeySink for Listing {
    /// Go's indented JSON of the keys is about 1.27 times the body; a table's text a
    /// little under half of it.
    fn prepare(&mut self, body: &[u8], survey: Survey) {
        let bytes = body.len();
        match self {
            Listing::Table { table, .. } => {
                // The fast reader takes no string with an escape, so each it reads is
                // printable as it stands in the body; the general decoder's may not
                // be (`restart`).
                if survey.printable {
                    table.set_shown(Shown::Printable);
                }
                table.reserve(bytes / 2);
            }
            Listing::Json(out, escapes) => {
                out.reserve(bytes + bytes / 3);
                // Printable ASCII holds no control character and no U+2028/9, and
                // the fast reader no backslash; only a body that is not printable
                // needs the whole check.
                let nothing = if survey.printable {
                    !survey.markup
                } else {
                    json::escapes_nothing(body)
                };
                if nothing {
                    *escapes = json::Escapes::None;
                }
            }
        }
    }

    fn key(&mut self, key: &ApiKey<'_>) {
        self.push(key);
    }

    /// The general decoder reads the body again: its strings may hold anything an
    /// escape can say, so every one is looked at.
    fn restart(&mut self) {
        match self {
            Listing::Table { table, .. } => {
                table.clear();
                table.set_shown(Shown::Checked);
            }
            Listing::Json(out, escapes) => {
                out.clear();
                *escapes = json::Escapes::Maybe;
            }
        }
    }
}

/// Defines `$name`, which writes a token as the Go CLI prints it in JSON, its object
/// indented by `$i` (two spaces a level). List and view elements put `token_name` last
/// (a quirk of the Go row type); a created token keeps the SDK's field order and ends
/// with its `key`. The layout is written once, here; every piece of it between two
/// values is one constant, so that a field costs two copies (its constant, its value)
/// instead of a copy for each comma, line break, indent, quote and name.
macro_rules! key_writer {
    ($name:ident, $i:literal) => {
        fn $name(out: &mut Vec<u8>, key: &ApiKey, secret: Option<&Secret>, escapes: json::Escapes) {
            let string = |out: &mut Vec<u8>, text: &str| json::string(out, text, escapes);
            let field = |out: &mut Vec<u8>, name: &'static str, text: &str| {
                out.extend_from_slice(name.as_bytes());
                string(out, text);
            };
            field(out, concat!("{\n", $i, "  \"id\": "), &key.id);
            field(out, concat!(",\n", $i, "  \"user_id\": "), &key.user_id);
            let times = [
                (concat!(",\n", $i, "  \"last_used\": "), &key.last_used),
                (concat!(",\n", $i, "  \"expires_at\": "), &key.expires_at),
                (concat!(",\n", $i, "  \"created_at\": "), &key.created_at),
                (concat!(",\n", $i, "  \"updated_at\": "), &key.updated_at),
            ];
            for (name, time) in times {
                field(out, name, &json_time(time));
            }
            field(
                out,
                concat!(",\n", $i, "  \"login_type\": "),
                &key.login_type,
            );
            field(out, concat!(",\n", $i, "  \"scope\": "), &key.scope);
            out.extend_from_slice(concat!(",\n", $i, "  \"scopes\": ").as_bytes());
            json::list(
                out,
                key.scopes.as_deref(),
                concat!("\n", $i, "    "),
                concat!("\n", $i, "  ]"),
                |out, scope| string(out, scope),
            );
            if secret.is_some() {
                field(
                    out,
                    concat!(",\n", $i, "  \"token_name\": "),
                    &key.token_name,
                );
            }
            out.extend_from_slice(concat!(",\n", $i, "  \"lifetime_seconds\": ").as_bytes());
            out.extend_from_slice(itoa::Buffer::new().format(key.lifetime_seconds).as_bytes());
            out.extend_from_slice(concat!(",\n", $i, "  \"allow_list\": ").as_bytes());
            json::list(
                out,
                key.allow_list.as_deref(),
                concat!("\n", $i, "    "),
                concat!("\n", $i, "  ]"),
                |out, target| {
                    field(out, concat!("{\n", $i, "      \"type\": "), &target.kind);
                    field(out, concat!(",\n", $i, "      \"id\": "), &target.id);
                    out.extend_from_slice(concat!("\n", $i, "    }").as_bytes());
                },
            );
            match secret {
                None => field(
                    out,
                    concat!(",\n", $i, "  \"token_name\": "),
                    &key.token_name,
                ),
                Some(secret) => field(out, concat!(",\n", $i, "  \"key\": "), secret.expose()),
            }
            out.extend_from_slice(concat!("\n", $i, "}").as_bytes());
        }
    };
}

// A list's elements, one level deep; a created token, at the top.
key_writer!(write_listed_key, "  ");
key_writer!(write_top_key, "");

/// Writes the JSON object `tokens create -o json` prints, which includes the key.
pub fn write_created_json(
    mut out: impl io::Write,
    key: &ApiKey,
    secret: &Secret,
) -> io::Result<()> {
    let mut text = Vec::new();
    write_top_key(&mut text, key, Some(secret), json::Escapes::Maybe);
    text.push(b'\n');
    out.write_all(&text)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The time as a cell shows it; a printable one the same whether checked or not.
    fn table_time(value: &str) -> String {
        let cell = |shown| {
            let mut out = String::new();
            push_table_time(&mut out, value, shown);
            out
        };
        let checked = cell(Shown::Checked);
        if value.bytes().all(crate::ascii::printable) {
            assert_eq!(cell(Shown::Printable), checked);
        }
        checked
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
}

/// The hand-written writer against serde's, derived from the shapes: byte for byte.
#[cfg(test)]
mod oracle {

    use proptest::prelude::*;
    use serde::de::DeserializeSeed;
    use sha2::Digest;

    use super::*;

    #[derive(Serialize)]
    struct Listed<'a> {
        id: &'a str,
        user_id: &'a str,
        last_used: Cow<'a, str>,
        expires_at: Cow<'a, str>,
        created_at: Cow<'a, str>,
        updated_at: Cow<'a, str>,
        login_type: &'a str,
        scope: &'a str,
        scopes: &'a Option<Vec<Cow<'a, str>>>,
        lifetime_seconds: i64,
        allow_list: &'a Option<Vec<AllowTarget<'a>>>,
        token_name: &'a str,
    }

    #[derive(Serialize)]
    struct Created<'a> {
        id: &'a str,
        user_id: &'a str,
        last_used: Cow<'a, str>,
        expires_at: Cow<'a, str>,
        created_at: Cow<'a, str>,
        updated_at: Cow<'a, str>,
        login_type: &'a str,
        scope: &'a str,
        scopes: &'a Option<Vec<Cow<'a, str>>>,
        token_name: &'a str,
        lifetime_seconds: i64,
        allow_list: &'a Option<Vec<AllowTarget<'a>>>,
        key: &'a str,
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9:_-]{0,12}",
            "[a-z\"\\\\\u{0}-\u{1f}\u{7f}<>&é\u{2028}\u{2029}—日 ]{0,10}",
            Just("2026-10-05T11:30:00.250000Z".to_string()),
        ]
    }

    fn key() -> impl Strategy<Value = ApiKey<'static>> {
        key_of(text().boxed())
    }

    /// A key whose every text is drawn from `text`.
    fn key_of(
        text: impl Strategy<Value = String> + Clone,
    ) -> impl Strategy<Value = ApiKey<'static>> {
        let texts = prop::collection::vec(text.clone(), 9);
        let scopes = prop::option::of(prop::collection::vec(text.clone(), 0..3));
        let targets = prop::option::of(prop::collection::vec((text.clone(), text), 0..3));
        (texts, scopes, targets, any::<i64>()).prop_map(|(t, scopes, targets, lifetime)| {
            let owned = |i: usize| Cow::Owned(t[i].clone());
            ApiKey {
                id: owned(0),
                user_id: owned(1),
                last_used: owned(2),
                expires_at: owned(3),
                created_at: owned(4),
                updated_at: Cow::Borrowed("0001-01-01T00:00:00Z"),
                login_type: owned(5),
                scope: owned(6),
                scopes: scopes.map(|scopes| scopes.into_iter().map(Cow::Owned).collect()),
                token_name: owned(7),
                lifetime_seconds: lifetime,
                allow_list: targets.map(|targets| {
                    targets
                        .into_iter()
                        .map(|(kind, id)| AllowTarget {
                            kind: Cow::Owned(kind),
                            id: Cow::Owned(id),
                        })
                        .collect()
                }),
                username: owned(8),
            }
        })
    }

    /// The table of `key`, given the list's body first when there is one, as the
    /// client gives it: read by the fast reader when no string has an escape, else
    /// by the general decoder after a restart.
    fn table_of(key: &ApiKey, body: Option<&[u8]>) -> String {
        let mut listing = Listing::new(TableFormat::Table, &columns(&[], true));
        if let Some(body) = body {
            listing.prepare(body, Survey::of(body));
            if body.contains(&b'\\') {
                listing.restart();
            }
        }
        listing.push(key);
        let mut out = Vec::new();
        listing.write_to(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    proptest! {
        #[test]
        fn a_body_of_printable_text_gives_the_table_the_checks_give(
            key in prop_oneof![key(), key_of("[a-zA-Z0-9 :._~-]{0,12}".boxed())]
        ) {
            let k = &key;
            let mut texts = vec![&k.id, &k.user_id, &k.last_used, &k.expires_at, &k.created_at,
                &k.login_type, &k.scope, &k.token_name, &k.username];
            texts.extend(k.scopes.iter().flatten());
            texts.extend(k.allow_list.iter().flatten().flat_map(|t| [&t.kind, &t.id]));
            let body = serde_json::to_vec(&texts).unwrap();
            prop_assert_eq!(table_of(&key, Some(&body)), table_of(&key, None));
        }

        #[test]
        fn list_elements_are_written_as_serde_writes_them(key in key()) {
            let mut ours = Vec::new();
            write_listed_key(&mut ours, &key, None, json::Escapes::Maybe);
            let mut theirs = Vec::new();
            let listed = Listed {
                id: &key.id, user_id: &key.user_id,
                last_used: json_time(&key.last_used), expires_at: json_time(&key.expires_at),
                created_at: json_time(&key.created_at), updated_at: json_time(&key.updated_at),
                login_type: &key.login_type, scope: &key.scope, scopes: &key.scopes,
                lifetime_seconds: key.lifetime_seconds, allow_list: &key.allow_list,
                token_name: &key.token_name,
            };
            json::write_nested(&mut theirs, &listed, 1).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }

        #[test]
        fn created_tokens_are_written_as_serde_writes_them(key in key(), secret in text()) {
            let mut ours = Vec::new();
            write_created_json(&mut ours, &key, &Secret::new(secret.clone())).unwrap();
            let mut theirs = Vec::new();
            let created = Created {
                id: &key.id, user_id: &key.user_id,
                last_used: json_time(&key.last_used), expires_at: json_time(&key.expires_at),
                created_at: json_time(&key.created_at), updated_at: json_time(&key.updated_at),
                login_type: &key.login_type, scope: &key.scope, scopes: &key.scopes,
                token_name: &key.token_name, lifetime_seconds: key.lifetime_seconds,
                allow_list: &key.allow_list, key: &secret,
            };
            json::write_nested(&mut theirs, &created, 0).unwrap();
            theirs.push(b'\n');
            prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }

    /// A list of `n` keys as a deployment might send it, drawn from a fixed seed: plain
    /// names and names with quotes, escapes, markup, U+2028, controls and wide text;
    /// times with and without fractions and offsets; `null` and empty lists.
    /// SHA-256 of `-o json` for `large_list(10_000)`.
    const LARGE_LIST_JSON_SHA256: &str =
        "0ac95032223c7a79e94866a1824e84c9a53c3c34bc33c6decfbffe4e2bff0dcb";

    pub(super) fn large_list(n: usize) -> String {
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
    fn the_derived_view_writes_a_large_list_byte_for_byte_as_the_hand_written_writer() {
        let body = large_list(10_000);
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let mut listing = Listing::new(TableFormat::Json, &[]);
        let mut keys = 0;
        crate::client::types::EachKey(&mut |key| {
            listing.push(key);
            theirs.extend_from_slice(if keys == 0 { b"[\n  " } else { b",\n  " });
            json::write_nested(&mut theirs, &KeyJson::new(key, None), 1).unwrap();
            keys += 1;
        })
        .deserialize(&mut serde_json::Deserializer::from_str(&body))
        .unwrap();
        theirs.extend_from_slice(b"\n]\n");
        listing.write_to(&mut ours).unwrap();
        assert_eq!(keys, 10_000);
        assert!(ours == theirs, "the two writers differ");
        // What both write for this list, kept for when the hand-written one is gone.
        let digest: String = sha2::Sha256::digest(&ours)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, LARGE_LIST_JSON_SHA256);
        // The created token too, for every key's shape.
        crate::client::types::EachKey(&mut |key| {
            let secret = Secret::new("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J");
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            write_created_json(&mut ours, key, &secret).unwrap();
            json::write_nested(&mut theirs, &KeyJson::new(key, Some(&secret)), 0).unwrap();
            theirs.push(b'\n');
            assert!(ours == theirs, "{}", String::from_utf8_lossy(&theirs));
        })
        .deserialize(&mut serde_json::Deserializer::from_str(&large_list(300)))
        .unwrap();
    }
}
