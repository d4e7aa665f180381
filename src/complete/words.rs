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
        Shell::Bash => rejoin(words),
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

/// bash's words for clap's engine, which must see the line as the command would (else
/// `tokens view --url https://x <TAB>` takes `https` for the URL and `:` for the token
/// name), and where the cursor is among them once joined. The word being completed
/// and the words it is glued to (`--url=<TAB>`) stay as bash cut them: what the engine
/// offers replaces bash's current word.
pub fn for_engine(mut words: Vec<OsString>, index: usize) -> (Vec<OsString>, usize) {
    let index = index.min(words.len());
    let after = words.split_off(index);
    let mut keep = words.len();
    while keep > 0 && is_break(&words[keep - 1]) {
        keep -= 1;
        keep = keep.saturating_sub(1);
    }
    let glued = words.split_off(keep);
    let mut joined = rejoin(words);
    let index = joined.len() + glued.len();
    joined.extend(glued);
    joined.extend(after);
    (joined, index)
}

/// Whether `word` is made only of the word breaks bash cuts URLs and `--flag=value` at.
fn is_break(word: &OsString) -> bool {
    word.to_str()
        .is_some_and(|w| !w.is_empty() && w.chars().all(|c| matches!(c, '=' | ':')))
}

/// Joins the pieces bash cut at `=` and `:` (its default `COMP_WORDBREAKS` has both):
/// a word made only of those characters belongs with the words on either side.
fn rejoin(words: Vec<OsString>) -> Vec<OsString> {
    let mut joined: Vec<OsString> = Vec::new();
    let mut glue = false;
    for word in words {
        let breaks = is_break(&word);
        match joined.last_mut() {
            Some(last) if glue || breaks => last.push(&word),
            _ => joined.push(word),
        }
        glue = breaks;
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

    #[test]
    fn the_engine_sees_joined_words_before_the_one_being_completed() {
        let engine = |words: &[&str], index: usize| {
            let (words, index) = for_engine(words.iter().map(OsString::from).collect(), index);
            let words: Vec<String> = words
                .into_iter()
                .map(|w| w.into_string().unwrap())
                .collect();
            (words, index)
        };
        let cut = [
            "coder", "tokens", "view", "--url", "http", ":", "//h", ":", "8", "ci", "x",
        ];
        assert_eq!(
            engine(&cut, 9),
            (
                ["coder", "tokens", "view", "--url", "http://h:8", "ci", "x"]
                    .map(String::from)
                    .to_vec(),
                5
            )
        );
        // Glued to the current word: left as bash cut it.
        let cut = ["coder", "-c", "=", "id", ":", ""];
        assert_eq!(engine(&cut, 5), (cut.map(String::from).to_vec(), 5));
        let cut = ["coder", "--url", "=", "x", "-c", "=", ""];
        let (words, index) = engine(&cut, 6);
        assert_eq!(words, ["coder", "--url=x", "-c", "=", ""]);
        assert_eq!(index, 4);
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
