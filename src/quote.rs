//! Words written so that a shell takes each as one literal word: completion candidates
//! and the commands hints suggest. Token names are server text: `uniq my token` must
//! stay one argument, `zz$(touch pwned)` must run nothing, `*` must match no file, `~x`
//! must name no home directory.
//!
//! bash inserts a candidate as it is given; so does PowerShell. zsh (`compadd`), fish
//! and elvish quote what they insert themselves, so their candidates go out as they
//! are; only one candidate per line is needed there, which the token names keep (see
//! `is_one_word`).

/// The quote the word being completed opened and did not close, which bash inserts
/// the candidate inside of (and closes after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    None,
    Single,
    Double,
}

impl Open {
    /// From the quote character the shell's registration passes (`'`, `"` or nothing).
    pub fn from_char(quote: Option<char>) -> Open {
        match quote {
            Some('\'') => Open::Single,
            Some('"') => Open::Double,
            _ => Open::None,
        }
    }
}

/// Characters that mean nothing to bash in any place of a word (outside ASCII, only
/// the controls mean something, and they are written apart).
fn is_plain(c: char) -> bool {
    !c.is_ascii()
        || c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '+' | '.' | '/' | ',' | '=' | ':' | '@' | '%')
}

/// `word` as bash must see it to take it literally, where the word being completed
/// is `open`. Outside quotes, specials get a backslash (`uniq\ my\ token`, `\~x`);
/// inside `'…'`, a quote ends the quoting for an escaped one; inside `"…"`, `"`, `\`,
/// `$` and `` ` `` get a backslash and `!` (history expansion) is put in single quotes.
/// A control character, which no backslash makes literal, is written `$'\xHH'`.
pub fn bash(word: &str, open: Open) -> String {
    let mut out = String::with_capacity(word.len() + 8);
    for c in word.chars() {
        if c.is_control() {
            let code = ansi_c(c);
            match open {
                Open::None => out.push_str(&code),
                Open::Single => out.push_str(&format!("'{code}'")),
                Open::Double => out.push_str(&format!("\"{code}\"")),
            }
            continue;
        }
        match open {
            Open::None if !is_plain(c) => {
                out.push('\\');
                out.push(c);
            }
            Open::Single if c == '\'' => out.push_str(r"'\''"),
            Open::Double if matches!(c, '"' | '\\' | '$' | '`') => {
                out.push('\\');
                out.push(c);
            }
            Open::Double if c == '!' => out.push_str("\"'!'\""),
            _ => out.push(c),
        }
    }
    out
}

/// A control character as bash's `$'…'` writes it.
fn ansi_c(c: char) -> String {
    let mut code = String::from("$'");
    let mut buf = [0u8; 4];
    for byte in c.encode_utf8(&mut buf).bytes() {
        code.push_str(&format!("\\x{byte:02x}"));
    }
    code.push('\'');
    code
}

/// `word` as PowerShell must see it to take it literally: as it is when it is plain,
/// else in single quotes, each quote (PowerShell also takes the typographic ones for
/// quotes) doubled.
pub fn powershell(word: &str) -> String {
    let plain = !word.is_empty()
        && !word.starts_with(['-', '@', '~', '#', '<', '>'])
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '\\' | ':' | '='));
    if plain {
        return word.to_string();
    }
    let mut out = String::from("'");
    for c in word.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words bash reads from `line` (`printf '%s\0' <line>`), in a directory with
    /// a file in it (for globs) and a HOME (for `~`).
    #[cfg(unix)]
    fn bash_reads(line: &str) -> Option<Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a-file"), "").unwrap();
        let out = std::process::Command::new("bash")
            .args(["--norc", "--noprofile", "-c"])
            .arg(format!("printf '%s\\0' {line}"))
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .output()
            .ok()?;
        assert!(out.status.success(), "{line}: {out:?}");
        let read = String::from_utf8(out.stdout).unwrap();
        Some(read.split_terminator('\0').map(str::to_string).collect())
    }

    #[cfg(unix)]
    const HOSTILE: [&str; 14] = [
        "uniq my token",
        "zz$(touch pwned)",
        "a;b",
        "*",
        "-rf",
        "~x",
        "~",
        "it's",
        "new\nline",
        "back`tick`",
        "x|y&z > out",
        "a\"b\\c",
        "a!b",
        "café 日本\t{x,y}[ab]?",
    ];

    #[test]
    fn plain_words_stay_as_they_are() {
        for word in [
            "ci-pipeline",
            "--output=json",
            "id,name",
            "https://h:8/x",
            "日本語🔑",
        ] {
            assert_eq!(bash(word, Open::None), word);
        }
        assert_eq!(bash("uniq my token", Open::None), r"uniq\ my\ token");
        assert_eq!(bash("日本語 🔑", Open::None), "日本語\\ 🔑");
        assert_eq!(bash("~x", Open::None), r"\~x");
        assert_eq!(bash("it's", Open::Single), r"it'\''s");
        assert_eq!(bash("a!b$", Open::Double), r#"a"'!'"b\$"#);
        assert_eq!(bash("a\nb", Open::None), r"a$'\x0a'b");
        assert_eq!(powershell("ci-pipeline"), "ci-pipeline");
        assert_eq!(powershell("uniq my token"), "'uniq my token'");
        assert_eq!(powershell("it's"), "'it''s'");
        assert_eq!(powershell("a\u{2019}b $x"), "'a\u{2019}\u{2019}b $x'");
        assert_eq!(powershell("-rf"), "'-rf'");
        assert_eq!(powershell(""), "''");
    }

    /// Each quoted word, read back by a real bash (outside quotes, and inside the quote
    /// bash closes after it), is the word itself: one word, nothing expanded or run.
    #[cfg(unix)]
    #[test]
    fn bash_reads_each_quoted_word_back_as_itself() {
        let cases = HOSTILE.iter().flat_map(|word| {
            [
                bash(word, Open::None),
                format!("'{}'", bash(word, Open::Single)),
                format!("\"{}\"", bash(word, Open::Double)),
            ]
            .map(|quoted| (word, quoted))
        });
        for (word, quoted) in cases {
            let Some(read) = bash_reads(&quoted) else {
                return;
            };
            assert_eq!(read, [*word], "{quoted}");
        }
    }
}
