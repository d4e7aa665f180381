//! The words of the line being completed, as the command would receive them. Shells
//! hand a completer the words as typed: bash and zsh keep their quotes (`'https://x'`),
//! and bash also cuts words at `=` and `:` (`--url https://x` arrives as `--url`,
//! `https`, `:`, `//x`). Options on the line are read from these words once they are
//! put back together and unquoted.

use std::ffi::OsString;

use crate::quote::Open;

/// The shells whose words arrive as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// Cuts words at `COMP_WORDBREAKS` and keeps quotes.
    Bash,
    /// Keeps quotes.
    Zsh,
    /// Hands over words as the command would see them (fish, PowerShell, elvish).
    Other,
}

impl Shell {
    /// The shell named by `COMPLETE` (a name or a path), as its registration sets it.
    pub fn from_env() -> Shell {
        let named = std::env::var_os("COMPLETE").unwrap_or_default();
        let name = std::path::Path::new(&named).file_stem().unwrap_or_default();
        match name.to_str() {
            Some("bash") => Shell::Bash,
            Some("zsh") => Shell::Zsh,
            _ => Shell::Other,
        }
    }
}

/// The command line the words stand for: bash's cuts joined again, quotes removed and
/// a leading `~` expanded, as the shell would when running it. Words that are not text
/// are kept as they are.
pub fn command_line(words: Vec<OsString>, shell: Shell) -> Vec<OsString> {
    let words = match shell {
        Shell::Bash => {
            let glued = glue(&words, None).0;
            rejoin(words, &glued)
        }
        _ => words,
    };
    if shell == Shell::Other {
        return words;
    }
    let home = crate::env::var("HOME");
    words
        .into_iter()
        .map(|word| match word.to_str() {
            Some(text) => unquote(text, home.as_deref()).into(),
            None => word,
        })
        .collect()
}

/// The word being completed without its quoting; `open` is the quote bash says the
/// word is inside of (bash leaves it out of the word). A leading `~` stays: it is
/// being typed, not a home directory to look in.
pub fn current_word(word: &str, open: Open) -> String {
    match open {
        Open::None => unquote(word, None),
        Open::Single => word.to_string(),
        Open::Double => {
            let mut out = String::with_capacity(word.len());
            double_quoted(&mut word.chars(), &mut out);
            out
        }
    }
}

/// bash's words for clap's engine, which must see the line as the command would: the
/// pieces bash cut at `=` and `:` joined again (else `tokens view --url https://x
/// <TAB>` takes `https` for the URL and `:` for the token name), those of the word
/// being completed too (`--output=j`, `zz:c`). The word at `index` is the piece bash
/// replaces (`j`, `c`; without `quote`, the quote it opened); returned are the words,
/// where that piece is among them, and the text of its word typed before it, as typed
/// (`--output=`, `zz:`), which bash leaves in place.
///
/// `line` is the line up to the cursor (`COMP_LINE`), which tells the pieces of one
/// word (`zz:c`) from words apart (`zz : c`), and holds the cut a cursor right after it
/// stands on (for `--url=<TAB>` bash replaces an empty piece after `=`, which it hands
/// over instead of the `=`). Without it, pieces around a cut are taken to be one word.
pub fn for_engine(
    mut words: Vec<OsString>,
    index: usize,
    line: Option<&str>,
    quote: &str,
) -> (Vec<OsString>, usize, String) {
    let index = index.min(words.len());
    let after = words.split_off(index);
    let current = after.first().and_then(|w| w.to_str()).unwrap_or_default();
    let before = line.and_then(|line| line.strip_suffix(&format!("{quote}{current}")));
    let (glued, end) = glue(&words, before);
    // Between the last piece and the one bash replaces: nothing, spaces, or a cut.
    let gap = before.zip(end).map_or("", |(before, end)| &before[end..]);
    let cut = gap.trim_start();
    let (cut, spaced) = if cut.chars().all(is_cut) {
        (cut, cut.len() < gap.len())
    } else {
        ("", true)
    };
    let joins = !spaced && (!cut.is_empty() || words.last().is_some_and(is_break));
    let start = if joins {
        word_start(&glued)
    } else {
        words.len()
    };
    let mut typed: String = words[start..].iter().map(|w| w.to_string_lossy()).collect();
    typed.push_str(cut);
    words.truncate(start);
    let mut joined = rejoin(words, &glued);
    let index = joined.len();
    joined.extend(after);
    (joined, index, typed)
}

/// The words before the last one joined again (see [`for_engine`]); the last one, and
/// the pieces glued to it, as bash cut them (`--output`, `=`, `j`).
pub fn joined_but_last(mut words: Vec<OsString>) -> Vec<OsString> {
    let glued = glue(&words, None).0;
    let start = word_start(&glued);
    let last = words.split_off(start);
    let mut joined = rejoin(words, &glued);
    joined.extend(last);
    joined
}

/// Where the word of the last piece starts, by whether each piece is glued to the one
/// before it.
fn word_start(glued: &[bool]) -> usize {
    let mut start = glued.len().saturating_sub(1);
    while start > 0 && glued[start] {
        start -= 1;
    }
    start
}

/// The characters bash cuts URLs and `--flag=value` at (its default `COMP_WORDBREAKS`
/// has both), which are part of a word to the command.
fn is_cut(c: char) -> bool {
    matches!(c, '=' | ':')
}

/// Whether `word` is made only of the cuts (see [`is_cut`]).
fn is_break(word: &OsString) -> bool {
    word.to_str()
        .is_some_and(|w| !w.is_empty() && w.chars().all(is_cut))
}

/// Whether each of bash's pieces is glued to the one before it, one word with it: a
/// piece made only of cuts and the pieces on either side of it are, unless `line` (the
/// text they were cut from) has a space between them. With `line`, also where the last
/// piece ends in it, when each was found there.
fn glue(pieces: &[OsString], line: Option<&str>) -> (Vec<bool>, Option<usize>) {
    let mut at = line.map(|_| 0);
    let mut glued = Vec::with_capacity(pieces.len());
    for (n, piece) in pieces.iter().enumerate() {
        let around_cut = n > 0 && (is_break(piece) || is_break(&pieces[n - 1]));
        let mut spaced = false;
        if let (Some(line), Some(from)) = (line, at) {
            let rest = &line[from..];
            let text = rest.trim_start();
            spaced = text.len() < rest.len();
            at = piece
                .to_str()
                .filter(|piece| text.starts_with(piece))
                .map(|piece| line.len() - text.len() + piece.len());
        }
        glued.push(around_cut && !spaced);
    }
    (glued, at)
}

/// Joins each word `glued` says is glued to the one before to that one.
fn rejoin(words: Vec<OsString>, glued: &[bool]) -> Vec<OsString> {
    let mut joined: Vec<OsString> = Vec::new();
    for (word, &glued) in words.into_iter().zip(glued) {
        match joined.last_mut() {
            Some(last) if glued => last.push(&word),
            _ => joined.push(word),
        }
    }
    joined
}

/// A shell word without its quoting: `'…'` is literal, `"…"` keeps `\"`, `\\`, `\$`
/// and `` \` `` as the character escaped, and outside quotes a backslash escapes the
/// next character. A quote the word does not close (it is still being typed) ends with
/// the word. A leading `~` or `~/` stands for `home`.
fn unquote(word: &str, home: Option<&str>) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    if let Some(home) = home
        && (rest == "~" || rest.starts_with("~/"))
    {
        out.push_str(home);
        rest = &rest[1..];
    }
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => double_quoted(&mut chars, &mut out),
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// The inside of `"…"`, up to the closing quote.
fn double_quoted(chars: &mut std::str::Chars<'_>, out: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '"' => return,
            '\\' => match chars.next() {
                Some(escaped @ ('"' | '\\' | '$' | '`')) => out.push(escaped),
                Some('\n') => {}
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str], shell: Shell) -> Vec<String> {
        let words = words.iter().map(OsString::from).collect();
        command_line(words, shell)
            .into_iter()
            .map(|w| w.into_string().unwrap())
            .collect()
    }

    #[test]
    fn bash_words_cut_at_colons_and_equals_signs_are_joined_again() {
        let cut = [
            "coder",
            "--url",
            "https",
            ":",
            "//prod.example.com",
            ":",
            "8443/x?a",
            "=",
            "b",
            "tokens",
            "rm",
            "",
        ];
        assert_eq!(
            line(&cut, Shell::Bash),
            [
                "coder",
                "--url",
                "https://prod.example.com:8443/x?a=b",
                "tokens",
                "rm",
                ""
            ]
        );
        let cut = ["coder", "--url", "=", "https", ":", "//prod", "tokens"];
        assert_eq!(
            line(&cut, Shell::Bash),
            ["coder", "--url=https://prod", "tokens"]
        );
        // Other shells do not cut words: a lone `=` is a word of its own there.
        assert_eq!(line(&["a", "=", "b"], Shell::Zsh), ["a", "=", "b"]);
    }

    fn strings(words: Vec<OsString>) -> Vec<String> {
        words
            .into_iter()
            .map(|w| w.into_string().unwrap())
            .collect()
    }

    /// What the engine sees for bash's pieces `words` (the one at `index` being
    /// completed), the cursor after `line` in an open `quote`: the words, the index of
    /// the word being completed, and the part of it bash leaves in place.
    fn engine(
        words: &[&str],
        index: usize,
        line: Option<&str>,
        quote: &str,
    ) -> (Vec<String>, usize, String) {
        let words = words.iter().map(OsString::from).collect();
        let (words, index, typed) = for_engine(words, index, line, quote);
        (strings(words), index, typed)
    }

    /// What [`engine`] returns, for the comparison.
    fn seen(words: &[&str], index: usize, typed: &str) -> (Vec<String>, usize, String) {
        let words = words.iter().map(|w| w.to_string()).collect();
        (words, index, typed.to_string())
    }

    #[test]
    fn the_engine_sees_the_words_joined_again() {
        let cut = [
            "coder", "tokens", "view", "--url", "http", ":", "//h", ":", "8", "ci", "x",
        ];
        let joined = ["coder", "tokens", "view", "--url", "http://h:8", "ci", "x"];
        assert_eq!(engine(&cut, 9, None, ""), seen(&joined, 5, ""));
        let line = "coder tokens view --url http://h:8 ci";
        assert_eq!(engine(&cut, 9, Some(line), ""), seen(&joined, 5, ""));
        // The word being completed: bash replaces only its last piece.
        let cut = ["coder", "tokens", "ls", "--column", "=", "id,na"];
        let line = "coder tokens ls --column=id,na";
        let joined = seen(&["coder", "tokens", "ls", "id,na"], 3, "--column=");
        assert_eq!(engine(&cut, 5, None, ""), joined);
        assert_eq!(engine(&cut, 5, Some(line), ""), joined);
        let cut = ["coder", "-c", "=", "id", ":", ""];
        assert_eq!(engine(&cut, 5, None, ""), seen(&["coder", ""], 1, "-c=id:"));
        let cut = ["coder", "--url", "=", "x", "-c", "=", ""];
        let joined = seen(&["coder", "--url=x", ""], 2, "-c=");
        assert_eq!(engine(&cut, 6, None, ""), joined);
    }

    #[test]
    fn the_line_tells_the_pieces_of_a_word_from_words() {
        let cut = ["coder", "tokens", "rm", "zz", ":", "c"];
        let line = "coder tokens rm zz:c";
        let joined = seen(&["coder", "tokens", "rm", "c"], 3, "zz:");
        assert_eq!(engine(&cut, 5, Some(line), ""), joined);
        let line = "coder tokens rm zz : c";
        assert_eq!(engine(&cut, 5, Some(line), ""), seen(&cut, 5, ""));
        // Right after a cut, bash hands over an empty piece in its place.
        let cut = ["coder", "tokens", "rm", "zz", ""];
        let line = "coder tokens rm zz:";
        let joined = seen(&["coder", "tokens", "rm", ""], 3, "zz:");
        assert_eq!(engine(&cut, 4, Some(line), ""), joined);
        let cut = ["coder", "--url", ""];
        let joined = seen(&["coder", ""], 1, "--url=");
        assert_eq!(engine(&cut, 2, Some("coder --url="), ""), joined);
        let apart = seen(&cut, 2, "=");
        assert_eq!(engine(&cut, 2, Some("coder --url ="), ""), apart);
        // After a space, a word of its own.
        let cut = ["coder", "--url", "=", ""];
        let joined = seen(&["coder", "--url=", ""], 2, "");
        assert_eq!(engine(&cut, 3, Some("coder --url= "), ""), joined);
        // The quote the last piece opened is on the line, not in the piece.
        let cut = ["coder", "--name", "=", "uniq m"];
        let line = "coder --name='uniq m";
        let joined = seen(&["coder", "uniq m"], 1, "--name=");
        assert_eq!(engine(&cut, 3, Some(line), "'"), joined);
        // Other cuts (`>`) are no part of a word to the command.
        let cut = ["coder", "a", ">", "b"];
        assert_eq!(engine(&cut, 3, Some("coder a>b"), ""), seen(&cut, 3, ""));
        // A line that does not end with the piece bash replaces is of no use.
        let cut = ["coder", "zz", ":", "c"];
        let joined = seen(&["coder", "c"], 1, "zz:");
        assert_eq!(engine(&cut, 3, Some("coder zz:cx"), ""), joined);
    }

    #[test]
    fn the_go_cli_s_protocol_reads_the_last_word_as_cut() {
        let cut = ["coder", "--url", "=", "x", "-c", "=", ""]
            .map(OsString::from)
            .to_vec();
        assert_eq!(
            strings(joined_but_last(cut)),
            ["coder", "--url=x", "-c", "=", ""]
        );
    }

    #[test]
    fn quotes_are_removed_as_the_shell_would() {
        let words = [
            "'https://prod'",
            r#""ab\"c""#,
            r#"X-A=b\ c"#,
            r#""$HOME""#,
            "'unclosed",
            r#""a\nb""#,
        ];
        assert_eq!(
            line(&words, Shell::Zsh),
            [
                "https://prod",
                r#"ab"c"#,
                "X-A=b c",
                "$HOME",
                "unclosed",
                r"a\nb"
            ]
        );
        // fish and the others hand over unquoted words already.
        assert_eq!(line(&["'a'"], Shell::Other), ["'a'"]);
    }

    #[test]
    fn a_leading_tilde_is_home() {
        assert_eq!(unquote("~/other", Some("/home/u")), "/home/u/other");
        assert_eq!(unquote("~", Some("/home/u")), "/home/u");
        assert_eq!(unquote("'~/x'", Some("/home/u")), "~/x");
        assert_eq!(unquote("~bob/x", Some("/home/u")), "~bob/x");
        assert_eq!(unquote("~/x", None), "~/x");
    }
}
