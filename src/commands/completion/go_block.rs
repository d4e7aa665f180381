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

/// `text` without the Go CLI's block: the marker lines, what is between them, the
/// line break after the end line and the one before the begin line (the Go CLI adds
/// an empty line before its block); `None` when `text` has no block. A block the Go
/// CLI would call malformed is an error saying how.
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
    let head = head.strip_suffix('\n').unwrap_or(head);
    let tail = &text[end + END.len()..];
    let tail = tail
        .strip_prefix("\r\n")
        .or_else(|| tail.strip_prefix('\n'))
        .unwrap_or(tail);
    Ok(Some(format!("{head}{tail}")))
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
