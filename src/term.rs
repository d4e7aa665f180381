//! Text for a terminal, below every other module: server and user text made safe to
//! show (control characters, escape sequences and bidirectional overrides written as
//! visible escapes, so one token is one line and nothing colours, retitles or reorders
//! the terminal), its width in columns, and the two ways a line reaches the person at
//! the terminal besides a command's output: a line on stderr and a question.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write as _};

use unicode_width::UnicodeWidthStr;

/// Whether `c` acts on a terminal instead of showing: C0 and C1 controls (`ESC`
/// included), DEL, and the bidirectional marks, overrides and isolates.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Appends `text` with every unsafe character escaped: `\n`, `\r`, `\t`, `\x1b`,
/// `\u202e`. The safe text between them is copied a run at a time.
pub fn push_visible(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
        out.push_str(&rest[..at]);
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// Whether `text` shows as it is: it has no character [`visible`] would escape.
pub fn is_visible(text: &str) -> bool {
    !text.chars().any(is_unsafe)
}

/// `text` with every unsafe character escaped.
pub fn visible(text: &str) -> Cow<'_, str> {
    if is_visible(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_visible(&mut out, text);
    Cow::Owned(out)
}

/// The columns `text` takes on a terminal: East Asian wide characters and emoji take
/// two, combining marks none (as Go's table writer counts them).
pub fn width(text: &str) -> usize {
    // ASCII is a column a byte; the tables unicode-width looks up are for the rest.
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// Writes a line for the person at the terminal (progress, warnings, notes) to stderr.
pub fn info(text: &str) {
    // Nothing sensible is left to do when stderr itself is gone.
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Ends the line a prompt on the terminal left open (after Ctrl-D there), so that what
/// follows starts a line of its own; nothing when stderr is not a terminal.
pub fn end_prompt_line() {
    if io::stderr().is_terminal() {
        info("");
    }
}

/// Writes a question to stderr, without a newline, before its answer is read.
pub fn ask(question: &str) {
    let mut err = io::stderr().lock();
    let _ = write!(err, "{question}");
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_escapes_and_bidi_overrides_become_visible() {
        assert_eq!(visible("plain-name"), "plain-name");
        assert_eq!(visible("é ü 日本"), "é ü 日本");
        assert_eq!(visible("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(visible("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
        assert_eq!(visible("\x1b]0;title\x07"), "\\x1b]0;title\\x07");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u202efed");
        assert_eq!(visible("\u{9b}31m \u{7f}"), "\\x9b31m \\x7f");
        assert_eq!(visible("\u{2067}x\u{2069}"), "\\u2067x\\u2069");
        let mut out = String::from("a ");
        push_visible(&mut out, "\u{1b}[0m");
        assert_eq!(out, "a \\x1b[0m");
    }

    #[test]
    fn width_counts_terminal_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("é"), 1);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("🔑"), 2);
    }
}
