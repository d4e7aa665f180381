//! JSON exactly as Go's `json.MarshalIndent(v, "", "  ")` writes it: two-space indent
//! and HTML-safe escaping of `<`, `>`, `&`, U+2028 and U+2029.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// Two-space indentation from a starting depth (serde_json's `PrettyFormatter` always
/// starts at zero, and list elements are written one by one at depth one).
struct GoFormatter {
    depth: usize,
    has_value: bool,
}

impl GoFormatter {
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn newline<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        (0..self.depth).try_for_each(|_| w.write_all(b"  "))
    }

    fn next<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl Formatter for GoFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        // The characters to escape are ASCII or start with 0xE2. Most strings have
        // none, and a scan without early exit is vectorised.
        let special = |b: u8| matches!(b, b'<' | b'>' | b'&' | 0xE2);
        if !bytes.iter().fold(false, |found, &b| found | special(b)) {
            return writer.write_all(bytes);
        }
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let (escape, len) = match &bytes[i..] {
                [b'<', ..] => ("\\u003c", 1),
                [b'>', ..] => ("\\u003e", 1),
                [b'&', ..] => ("\\u0026", 1),
                [0xE2, 0x80, 0xA8, ..] => ("\\u2028", 3),
                [0xE2, 0x80, 0xA9, ..] => ("\\u2029", 3),
                _ => {
                    i += 1;
                    continue;
                }
            };
            writer.write_all(&bytes[start..i])?;
            writer.write_all(escape.as_bytes())?;
            i += len;
            start = i;
        }
        writer.write_all(&bytes[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` as Go-style indented JSON as if it were `depth` levels deep: its
/// inner lines are indented further, its first line is not.
pub fn write_nested<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let formatter = GoFormatter {
        depth,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(writer, formatter);
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// Whether strings may need an escape where Go writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escapes {
    /// Each string is looked at.
    Maybe,
    /// None does, and the text is copied: it comes from a body [`escapes_nothing`]
    /// passed, or from one of printable ASCII without markup that the fast reader read
    /// (which takes no string with an escape).
    None,
}

/// The bytes Go's encoder escapes in a string (`0xE2` starts U+2028 and U+2029).
fn escaped(b: u8) -> bool {
    matches!(b, b'"' | b'\\' | b'<' | b'>' | b'&' | 0xE2) | (b < 0x20)
}

/// Whether no string read from the JSON `body` needs an escape where Go writes it: the
/// body holds no backslash (so no string has an escape sequence, or a quote), no `<`,
/// `>`, `&`, U+2028/9 and no control character (the line break that ends Go's output
/// aside). One pass over the body, vectorised, instead of a look at every string.
pub fn escapes_nothing(body: &[u8]) -> bool {
    !body
        .trim_ascii_end()
        .iter()
        .fold(false, |found, &b| found | (b != b'"' && escaped(b)))
}

/// A JSON string as Go writes it. Most text needs no escape at all and is copied as it
/// is; text with a quote, a backslash, a control character, `<`, `>`, `&` or U+2028/9
/// goes through the formatter above.
pub fn string(out: &mut Vec<u8>, text: &str, escapes: Escapes) {
    if escapes == Escapes::Maybe && text.bytes().fold(false, |found, b| found | escaped(b)) {
        write_nested(&mut *out, text, 0).expect("writing to memory cannot fail");
    } else {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    }
}

/// A list (`null` for none) as Go indents it: each item after `indent` (a line break
/// and the items' indentation), `close` (a line break, the list's indentation and `]`)
/// after the last; `[]` when empty.
#[inline(always)]
pub fn list<T>(
    out: &mut Vec<u8>,
    items: Option<&[T]>,
    indent: &'static str,
    close: &'static str,
    mut item: impl FnMut(&mut Vec<u8>, &T),
) {
    let Some(items) = items else {
        out.extend_from_slice(b"null");
        return;
    };
    out.push(b'[');
    for (i, value) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(indent.as_bytes());
        item(out, value);
    }
    if items.is_empty() {
        out.push(b']');
    } else {
        out.extend_from_slice(close.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_body_escapes_nothing_only_without_the_bytes_go_escapes() {
        let plain = br#"[{"id":"a1","token_name":"ci pipeline/2026","scopes":["all"]}]"#;
        assert!(escapes_nothing(plain));
        assert!(escapes_nothing(&[plain.as_slice(), b"\n"].concat()));
        assert!(escapes_nothing("[\"caf\u{e9} \u{1f600}\"]".as_bytes()));
        for odd in [
            "\\n", "\\\"", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{1b}", "\n", "\t",
        ] {
            let body = format!("[{{\"id\":\"a{odd}b\"}}]");
            assert!(!escapes_nothing(body.as_bytes()), "{odd:?}");
        }
    }

    proptest! {
        /// Text read from a body that passes the check is written alike either way.
        #[test]
        fn text_from_a_body_that_escapes_nothing_needs_no_escape(
            text in "[a-z0-9 <>&\"\\\\/\u{0}-\u{1f}\u{7f}\u{e9}\u{20ac}\u{2028}\u{2029}]{0,12}",
        ) {
            let body = serde_json::to_vec(&text).unwrap();
            if escapes_nothing(&body) {
                let (mut copied, mut checked) = (Vec::new(), Vec::new());
                string(&mut copied, &text, Escapes::None);
                string(&mut checked, &text, Escapes::Maybe);
                prop_assert_eq!(copied, checked);
            }
        }
    }

    #[test]
    fn indents_like_go_and_escapes_html() {
        let mut out = Vec::new();
        let value = serde_json::json!({"a": ["<b>&", "\u{2028}"], "e": [], "n": null});
        write_nested(&mut out, &value, 0).unwrap();
        out.push(b'\n');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"a\": [\n    \"\\u003cb\\u003e\\u0026\",\n    \"\\u2028\"\n  ],\n  \"e\": [],\n  \"n\": null\n}\n"
        );
    }
}
