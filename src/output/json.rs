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

/// Appends `value` to `out` as Go-style indented JSON as if it were `depth` levels
/// deep: its inner lines are indented further, its first line is not.
pub fn push_nested<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) {
    let start = out.len();
    let formatter = GoFormatter {
        depth,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, formatter);
    value
        .serialize(&mut ser)
        .expect("a view serializes into memory without fail");
    escape_html(out, start);
}

/// Writes `value` as Go-style indented JSON and a newline.
pub fn write_line<T: Serialize + ?Sized>(mut out: impl io::Write, value: &T) -> io::Result<()> {
    let mut text = Vec::new();
    push_nested(&mut text, value, 0);
    text.push(b'\n');
    out.write_all(&text)
}

/// Escapes in `out[start..]` what Go's encoder escapes for HTML: `<`, `>`, `&`, U+2028
/// and U+2029. In JSON these only occur inside strings, so the text is looked at as a
/// whole, after serde_json has escaped it for JSON; most has nothing to escape.
fn escape_html(out: &mut Vec<u8>, start: usize) {
    let appended = &out[start..];
    if memchr::memchr3(b'<', b'>', b'&', appended).is_none()
        && memchr::memchr(0xE2, appended).is_none()
    {
        return;
    }
    let text = out.split_off(start);
    let mut copied = 0;
    let mut i = 0;
    while i < text.len() {
        let (escape, len) = match &text[i..] {
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
        out.extend_from_slice(&text[copied..i]);
        out.extend_from_slice(escape.as_bytes());
        i += len;
        copied = i;
    }
    out.extend_from_slice(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_like_go_and_escapes_html() {
        let mut out = Vec::new();
        let value = serde_json::json!({"a": ["<b>&", "\u{2028}"], "e": [], "n": null});
        write_line(&mut out, &value).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"a\": [\n    \"\\u003cb\\u003e\\u0026\",\n    \"\\u2028\"\n  ],\n  \"e\": [],\n  \"n\": null\n}\n"
        );
    }

    #[test]
    fn only_the_appended_text_is_escaped_and_other_three_byte_characters_stay() {
        let mut out = b"<kept>".to_vec();
        push_nested(&mut out, &["a\u{2013}b\u{2029}c>", "\u{20AC}&"], 1);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<kept>[\n    \"a\u{2013}b\\u2029c\\u003e\",\n    \"\u{20AC}\\u0026\"\n  ]"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_the_same_with_nothing_html_left_in_it(text in "\\PC*|[<>&\u{2028}\u{2029}\u{2013}a\"\\\\]*") {
            let mut out = Vec::new();
            push_nested(&mut out, &text, 0);
            let written = String::from_utf8(out).unwrap();
            let html = ['<', '>', '&', '\u{2028}', '\u{2029}'];
            proptest::prop_assert!(!written.contains(html), "{written:?}");
            proptest::prop_assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
        }
    }
}
