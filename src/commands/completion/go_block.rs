//! The Go CLI's `coder completion` installs its script between two marker lines in a
//! startup file (`~/.bashrc`, `~/.bash_profile` on macOS, `~/.zshrc`, the PowerShell
//! profile for all hosts) or as `~/.config/fish/completions/coder.fish`. A shell with
//! that block and this binary's script has two completers for `coder`, and the one
//! loaded last wins: installing removes the block (or replaces fish's file), as the Go
//! CLI's installer would replace it, and says so.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap_complete::Shell;

use super::install::Places;
use crate::error::fail;

const BEGIN: &str = "# ============ BEGIN coder COMPLETION ============";
const END: &str = "# ============ END coder COMPLETION ==============";

/// The files other than this binary's own where the Go CLI puts its block for `shell`.
pub fn places(shell: Shell, places: &Places) -> Vec<PathBuf> {
    let home = &places.home;
    let mut found = match shell {
        Shell::Bash => vec![home.join(".bashrc"), home.join(".bash_profile")],
        Shell::Zsh => {
            let mut rc = vec![home.join(".zshrc")];
            rc.extend(places.zdotdir.as_ref().map(|dir| dir.join(".zshrc")));
            rc
        }
        // The Go CLI ignores XDG_CONFIG_HOME; this binary's file is checked as it is
        // written.
        Shell::Fish => vec![home.join(".config/fish/completions/coder.fish")],
        Shell::PowerShell => vec![places.powershell_dir().join("profile.ps1")],
        _ => Vec::new(),
    };
    found.dedup();
    found
}

/// `text` without the Go CLI's block: its lines, from the begin marker to the end
/// marker's line break, and the empty line before them when there is one (the Go CLI's
/// installer puts one there, unless the file did not end with a line break); `None`
/// when `text` has no block. The lines around it stay as they were, each on a line of
/// its own with its own line ending (`\n` or `\r\n`). A block the Go CLI would call
/// malformed is an error saying how.
pub fn without(text: &str) -> Result<Option<String>, &'static str> {
    let (begins, ends) = (text.matches(BEGIN).count(), text.matches(END).count());
    let (begin, end) = match (text.find(BEGIN), text.find(END)) {
        (None, None) => return Ok(None),
        _ if begins > 1 || ends > 1 => return Err("it has more than one such block"),
        (Some(_), None) => return Err("it has the BEGIN line but no END line"),
        (None, Some(_)) => return Err("it has the END line but no BEGIN line"),
        (Some(begin), Some(end)) if end < begin => {
            return Err("its END line comes before its BEGIN line");
        }
        (Some(begin), Some(end)) => (begin, end),
    };
    let head = &text[..begin];
    let tail = &text[end + END.len()..];
    if !(head.is_empty() || head.ends_with('\n')) {
        // Something precedes the begin marker on its line: that line keeps its break.
        return Ok(Some(format!("{head}{tail}")));
    }
    let head = match without_break(head) {
        Some(rest) if rest.is_empty() || rest.ends_with('\n') => rest,
        _ => head,
    };
    let tail = tail
        .strip_prefix('\n')
        .or_else(|| tail.strip_prefix("\r\n"))
        .unwrap_or(tail);
    Ok(Some(format!("{head}{tail}")))
}

/// `line` without the line break it ends with (`\r\n` or `\n`), if it ends with one.
fn without_break(line: &str) -> Option<&str> {
    line.strip_suffix("\r\n")
        .or_else(|| line.strip_suffix('\n'))
}

/// Fails, naming `path` and the markers, when the text of `path` has a malformed block.
pub fn check(path: &Path, text: &str) -> Result<()> {
    without(text).map(drop).map_err(|why| {
        fail(
            format!(
                "{} has a malformed completion block of Coder's Go CLI: {why}; nothing was changed",
                path.display()
            ),
            format!(
                "fix or remove the lines \"{BEGIN}\" and \"{END}\" in it, then run coder completion again"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Go CLI's script for bash, between its markers, as its installer writes it.
    fn block() -> String {
        format!("{BEGIN}\n_generate_coder_completions() {{ :; }}\ncomplete -F x coder\n{END}\n")
    }

    #[test]
    fn the_block_goes_with_the_empty_line_the_go_installer_put_before_it() {
        let block = block();
        assert_eq!(without(&block), Ok(Some(String::new())));
        let rc = format!("export A=1\n\n{block}alias ll='ls -l'\n");
        assert_eq!(
            without(&rc),
            Ok(Some("export A=1\nalias ll='ls -l'\n".into()))
        );
        let rc = format!("export A=1\n\n{block}");
        assert_eq!(without(&rc), Ok(Some("export A=1\n".into())));
        assert_eq!(without("export A=1\n"), Ok(None));
    }

    #[test]
    fn only_the_block_s_own_lines_go_and_no_two_lines_are_joined() {
        let block = block();
        // As the Go installer writes a file that had no final line break: no empty line
        // before the block.
        let rc = format!("export A=1\n{block}export B=2\n");
        assert_eq!(without(&rc), Ok(Some("export A=1\nexport B=2\n".into())));
        // At the start and at the end of the file, with and without a final break.
        let rc = format!("{block}export B=2\n");
        assert_eq!(without(&rc), Ok(Some("export B=2\n".into())));
        let rc = format!("export A=1\n{}", block.trim_end());
        assert_eq!(without(&rc), Ok(Some("export A=1\n".into())));
        let rc = format!("\n{block}export B=2");
        assert_eq!(without(&rc), Ok(Some("export B=2".into())));
        // Only one empty line goes; others stay.
        let rc = format!("export A=1\n\n\n{block}\nexport B=2\n");
        assert_eq!(
            without(&rc),
            Ok(Some("export A=1\n\n\nexport B=2\n".into()))
        );
        // Something before the begin marker on its line keeps its line break.
        let rc = format!("export A=1 {block}export B=2\n");
        assert_eq!(without(&rc), Ok(Some("export A=1 \nexport B=2\n".into())));
    }

    #[test]
    fn a_file_with_crlf_line_endings_keeps_them() {
        let block = block().replace('\n', "\r\n");
        for (rc, rest) in [
            (
                format!("export A=1\r\n{block}export B=2\r\n"),
                "export A=1\r\nexport B=2\r\n",
            ),
            (
                format!("export A=1\r\n\r\n{block}export B=2\r\n"),
                "export A=1\r\nexport B=2\r\n",
            ),
            (format!("{block}export B=2\r\n"), "export B=2\r\n"),
            (format!("export A=1\r\n\r\n{block}"), "export A=1\r\n"),
        ] {
            assert_eq!(without(&rc), Ok(Some(rest.into())), "{rc:?}");
        }
    }

    #[test]
    fn malformed_blocks_are_refused() {
        let block = block();
        let begin_only = format!("x\n{BEGIN}\nstuff\n");
        let end_only = format!("x\n{END}\n");
        let twice = format!("{block}{block}");
        let reversed = format!("{END}\n{BEGIN}\n");
        for (text, why) in [
            (begin_only, "no END line"),
            (end_only, "no BEGIN line"),
            (twice, "more than one"),
            (reversed, "comes before"),
        ] {
            let err = without(&text).unwrap_err();
            assert!(err.contains(why), "{text:?}: {err}");
        }
    }
}
