//! `coder completion` without `--print`: puts the script where the shell loads
//! completions from, and adds to its startup file what it needs to look there. Running
//! it again changes nothing.
//!
//! | shell | script | startup file |
//! |---|---|---|
//! | bash | `${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-~/.local/share}/bash-completion}/completions/coder` (bash-completion loads it) | — |
//! | zsh | `~/.zfunc/_coder` | `fpath=(~/.zfunc $fpath)` in `${ZDOTDIR:-~}/.zshrc`, before its first `compinit` (without one, at the end, with a `compinit` after it) |
//! | fish | `${XDG_CONFIG_HOME:-~/.config}/fish/completions/coder.fish` | — |
//! | PowerShell | — | `coder completion powershell \| Out-String \| Invoke-Expression` in `$PROFILE` |
//! | elvish | `${XDG_CONFIG_HOME:-~/.config}/elvish/lib/coder.elv` | `use coder` in `rc.elv` beside `lib/` |

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap_complete::Shell;

use super::go_block;
use crate::error::{fail, usage};
use crate::files;

/// Marks each line this command adds to a startup file, so that it can be found again.
pub(super) const MARK: &str = "# added by 'coder completion'";

/// Where things go: the user's directories, from the environment.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub home: PathBuf,
    pub xdg_data_home: Option<PathBuf>,
    pub xdg_config_home: Option<PathBuf>,
    pub bash_completion_user_dir: Option<PathBuf>,
    pub zdotdir: Option<PathBuf>,
    /// Windows: the Documents folder, home of the PowerShell profile.
    pub documents: Option<PathBuf>,
}

/// An absolute path from the environment variable `name`; relative or empty ones are
/// ignored, as the XDG specification says.
fn absolute_var(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
}

impl Places {
    pub fn from_env() -> Result<Places> {
        let home = absolute_var("HOME")
            .or_else(dirs::home_dir)
            .ok_or_else(|| {
                fail(
                    "cannot tell where your home directory is: HOME is not set",
                    "set HOME, or print the script with --print and install it yourself",
                )
            })?;
        Ok(Places {
            home,
            xdg_data_home: absolute_var("XDG_DATA_HOME"),
            xdg_config_home: absolute_var("XDG_CONFIG_HOME"),
            bash_completion_user_dir: absolute_var("BASH_COMPLETION_USER_DIR"),
            zdotdir: absolute_var("ZDOTDIR"),
            documents: if cfg!(windows) {
                dirs::document_dir()
            } else {
                None
            },
        })
    }

    fn config_home(&self) -> PathBuf {
        self.xdg_config_home
            .clone()
            .unwrap_or_else(|| self.home.join(".config"))
    }

    /// Where PowerShell 7 (`pwsh`) keeps its profiles: `Documents\PowerShell` on
    /// Windows, `~/.config/powershell` elsewhere.
    pub(super) fn powershell_dir(&self) -> PathBuf {
        match &self.documents {
            Some(documents) => documents.join("PowerShell"),
            None => self.config_home().join("powershell"),
        }
    }

    /// `$PROFILE`, the current user's profile for the current host.
    fn powershell_profile(&self) -> PathBuf {
        self.powershell_dir()
            .join("Microsoft.PowerShell_profile.ps1")
    }
}

/// One change to the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The completion script at `path`.
    Script { path: PathBuf, contents: Vec<u8> },
    /// `line` in the startup file `path`: placed before the first line that runs
    /// `before` when there is one, else at the end, followed by `then`.
    Line {
        path: PathBuf,
        line: &'static str,
        before: Option<&'static str>,
        then: Option<&'static str>,
    },
    /// The Go CLI's completion block in `path`, to be removed (see [`go_block`]).
    GoBlock { path: PathBuf },
}

/// What was done about one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Wrote(PathBuf),
    Updated(PathBuf),
    /// The lines added to the startup file.
    Added(PathBuf, Vec<&'static str>),
    AlreadyThere(PathBuf),
    /// The Go CLI's completion block was removed from this file.
    RemovedGoBlock(PathBuf),
    /// This file held the Go CLI's completion script, now replaced.
    ReplacedGoScript(PathBuf),
}

/// The changes that install `script` for `shell`: the Go CLI's blocks removed first.
pub fn plan(shell: Shell, places: &Places, script: Vec<u8>) -> Result<Vec<Change>> {
    let mut changes: Vec<Change> = go_block::places(shell, places)
        .into_iter()
        .map(|path| Change::GoBlock { path })
        .collect();
    changes.extend(ours(shell, places, script)?);
    // A file both holds a block and is ours to write (fish): writing it replaces it.
    let written: Vec<PathBuf> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Script { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect();
    changes.retain(|change| !matches!(change, Change::GoBlock { path } if written.contains(path)));
    Ok(changes)
}

/// The changes that put this binary's `script` in place for `shell`.
fn ours(shell: Shell, places: &Places, script: Vec<u8>) -> Result<Vec<Change>> {
    let script_at = |path: PathBuf| Change::Script {
        path,
        contents: script.clone(),
    };
    let changes = match shell {
        Shell::Bash => {
            let dir = places.bash_completion_user_dir.clone().unwrap_or_else(|| {
                let data = places.xdg_data_home.clone();
                data.unwrap_or_else(|| places.home.join(".local/share"))
                    .join("bash-completion")
            });
            vec![script_at(dir.join("completions/coder"))]
        }
        Shell::Zsh => vec![
            script_at(places.home.join(".zfunc/_coder")),
            Change::Line {
                path: places
                    .zdotdir
                    .as_ref()
                    .unwrap_or(&places.home)
                    .join(".zshrc"),
                line: "fpath=(~/.zfunc $fpath)",
                before: Some("compinit"),
                then: Some("autoload -Uz compinit && compinit"),
            },
        ],
        Shell::Fish => vec![script_at(
            places.config_home().join("fish/completions/coder.fish"),
        )],
        Shell::PowerShell => vec![Change::Line {
            path: places.powershell_profile(),
            line: "coder completion powershell | Out-String | Invoke-Expression",
            before: None,
            then: None,
        }],
        Shell::Elvish => {
            let dir = places.config_home().join("elvish");
            vec![
                script_at(dir.join("lib/coder.elv")),
                Change::Line {
                    path: dir.join("rc.elv"),
                    line: "use coder",
                    before: None,
                    then: None,
                },
            ]
        }
        other => {
            return Err(usage(
                format!("cannot install completions for {other}"),
                "print the script with --print and install it yourself",
            ));
        }
    };
    Ok(changes)
}

/// Makes the changes, each only when needed; a malformed Go CLI block in any file
/// they touch fails them all before anything is changed.
pub fn apply(changes: &[Change]) -> Result<Vec<Outcome>> {
    for change in changes {
        let path = match change {
            Change::Script { path, .. } | Change::Line { path, .. } | Change::GoBlock { path } => {
                path
            }
        };
        if let Some(text) = read(path)? {
            go_block::check(path, &String::from_utf8_lossy(&text))?;
        }
    }
    let mut outcomes = Vec::new();
    for change in changes {
        let outcome = match change {
            Change::Script { path, contents } => Some(write_script(path, contents)?),
            Change::Line {
                path,
                line,
                before,
                then,
            } => Some(add_line(path, line, *before, *then)?),
            Change::GoBlock { path } => remove_go_block(path)?,
        };
        outcomes.extend(outcome);
    }
    Ok(outcomes)
}

fn write_script(path: &Path, contents: &[u8]) -> Result<Outcome> {
    let existing = read(path)?;
    if existing.as_deref() == Some(contents) {
        return Ok(Outcome::AlreadyThere(path.to_path_buf()));
    }
    write(path, contents)?;
    let text = existing.as_deref().map(String::from_utf8_lossy);
    let had_go = text.is_some_and(|text| matches!(go_block::without(&text), Ok(Some(_))));
    Ok(match existing {
        Some(_) if had_go => Outcome::ReplacedGoScript(path.to_path_buf()),
        Some(_) => Outcome::Updated(path.to_path_buf()),
        None => Outcome::Wrote(path.to_path_buf()),
    })
}

/// Removes the Go CLI's block from `path`; a file left with nothing but blank lines
/// goes too.
fn remove_go_block(path: &Path) -> Result<Option<Outcome>> {
    let Some(bytes) = read(path)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes);
    let Ok(Some(rest)) = go_block::without(&text) else {
        return Ok(None);
    };
    if rest.trim().is_empty() {
        fs::remove_file(files::target(path)).map_err(|err| {
            fail(
                format!("cannot remove {}: {err}", path.display()),
                "check that the directory is yours and writable",
            )
        })?;
    } else {
        write(path, rest.as_bytes())?;
    }
    Ok(Some(Outcome::RemovedGoBlock(path.to_path_buf())))
}

fn add_line(
    path: &Path,
    line: &'static str,
    before: Option<&str>,
    then: Option<&'static str>,
) -> Result<Outcome> {
    let existing = read(path)?.unwrap_or_default();
    let text = String::from_utf8(existing).map_err(|_| {
        fail(
            format!("{} is not text; it was left alone", path.display()),
            format!("add this line to it yourself: {line}"),
        )
    })?;
    match with_line(&text, line, before, then) {
        None => Ok(Outcome::AlreadyThere(path.to_path_buf())),
        Some((changed, followed)) => {
            write(path, changed.as_bytes())?;
            let mut lines = vec![line];
            lines.extend(then.filter(|_| followed));
            Ok(Outcome::Added(path.to_path_buf(), lines))
        }
    }
}

/// `text` with `line` (and the mark above it) added, and whether `then` follows it; or
/// `None` when it has the line already. See [`Change::Line`] for where it goes.
pub fn with_line(
    text: &str,
    line: &str,
    before: Option<&str>,
    then: Option<&str>,
) -> Option<(String, bool)> {
    if text.lines().any(|l| l.trim() == line) {
        return None;
    }
    let at = before.and_then(|word| {
        let mut offset = 0;
        text.split_inclusive('\n').find_map(|l| {
            let start = offset;
            offset += l.len();
            runs(l, word).then_some(start)
        })
    });
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(match at {
        Some(at) => {
            let (head, tail) = text.split_at(at);
            (format!("{head}{MARK}{newline}{line}{newline}{tail}"), false)
        }
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(newline);
            }
            if !out.is_empty() {
                out.push_str(newline);
            }
            out.push_str(&format!("{MARK}{newline}{line}{newline}"));
            if let Some(then) = then {
                out.push_str(&format!("{MARK}{newline}{then}{newline}"));
            }
            (out, then.is_some())
        }
    })
}

/// Whether `line` (not a comment) names the command `word`, as a word of its own.
fn runs(line: &str, word: &str) -> bool {
    let code = line.split('#').next().unwrap_or_default();
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

fn read(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(fail(
            format!("cannot read {}: {err}", path.display()),
            "check its permissions, or print the script with --print and install it yourself",
        )),
    }
}

/// Writes `contents` to `path` through a temporary file beside it, so that the file
/// is never half-written; a symbolic link (dotfile managers use them) is written
/// through, and an existing file keeps its permissions.
fn write(path: &Path, contents: &[u8]) -> Result<()> {
    let target = files::target(path);
    let failed = |err: io::Error| {
        fail(
            format!("cannot write {}: {err}", target.display()),
            "check that the directory is yours and writable, or print the script with --print",
        )
    };
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(failed)?;
    let temp = files::temp_for(&target);
    let written = fs::write(&temp, contents).and_then(|()| {
        if let Ok(meta) = fs::metadata(&target) {
            fs::set_permissions(&temp, meta.permissions())?;
        }
        fs::rename(&temp, &target)
    });
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FPATH: &str = "fpath=(~/.zfunc $fpath)";
    const COMPINIT: &str = "autoload -Uz compinit && compinit";

    fn zsh(text: &str) -> Option<String> {
        with_line(text, FPATH, Some("compinit"), Some(COMPINIT)).map(|(text, _)| text)
    }

    #[test]
    fn the_zsh_line_goes_before_compinit() {
        let rc = "export EDITOR=vi\nautoload -Uz compinit\ncompinit -u\n";
        assert_eq!(
            zsh(rc).unwrap(),
            format!("export EDITOR=vi\n{MARK}\n{FPATH}\nautoload -Uz compinit\ncompinit -u\n")
        );
        // Only a command of that name counts, not a comment or a longer name.
        let rc = "# compinit runs in my plugin manager\nzicompinit\n";
        assert_eq!(
            zsh(rc).unwrap(),
            format!("{rc}\n{MARK}\n{FPATH}\n{MARK}\n{COMPINIT}\n")
        );
    }

    #[test]
    fn without_compinit_the_line_and_compinit_go_at_the_end() {
        assert_eq!(
            zsh("").unwrap(),
            format!("{MARK}\n{FPATH}\n{MARK}\n{COMPINIT}\n")
        );
        assert_eq!(
            zsh("PS1='> '").unwrap(),
            format!("PS1='> '\n\n{MARK}\n{FPATH}\n{MARK}\n{COMPINIT}\n")
        );
    }

    #[test]
    fn a_line_that_is_there_already_changes_nothing() {
        let once = zsh("compinit\n").unwrap();
        assert_eq!(zsh(&once), None);
        assert_eq!(zsh(&format!("  {FPATH}  \n")), None);
        let (profile, _) = with_line("", "x", None, None).unwrap();
        assert_eq!(with_line(&profile, "x", None, None), None);
    }

    #[test]
    fn the_go_cli_s_blocks_are_looked_for_where_it_puts_them_before_anything_is_written() {
        let blocks = |places: &Places, shell| -> Vec<PathBuf> {
            let changes = plan(shell, places, Vec::new()).unwrap();
            let first_ours = changes
                .iter()
                .position(|c| !matches!(c, Change::GoBlock { .. }))
                .unwrap();
            changes[..first_ours]
                .iter()
                .map(|change| match change {
                    Change::GoBlock { path } => path.clone(),
                    _ => unreachable!(),
                })
                .collect()
        };
        let p = |s: &str| PathBuf::from(s);
        let places = Places {
            home: "/h".into(),
            ..Places::default()
        };
        assert_eq!(
            blocks(&places, Shell::Bash),
            [p("/h/.bashrc"), p("/h/.bash_profile")]
        );
        assert_eq!(blocks(&places, Shell::Zsh), [p("/h/.zshrc")]);
        // fish: the Go CLI's file is the one written, which replaces it.
        assert_eq!(blocks(&places, Shell::Fish), Vec::<PathBuf>::new());
        assert_eq!(
            blocks(&places, Shell::PowerShell),
            [p("/h/.config/powershell/profile.ps1")]
        );
        let places = Places {
            home: "/h".into(),
            zdotdir: Some("/z".into()),
            xdg_config_home: Some("/c".into()),
            ..Places::default()
        };
        assert_eq!(
            blocks(&places, Shell::Zsh),
            [p("/h/.zshrc"), p("/z/.zshrc")]
        );
        assert_eq!(
            blocks(&places, Shell::Fish),
            [p("/h/.config/fish/completions/coder.fish")]
        );
    }

    #[test]
    fn each_shell_has_its_place() {
        let places = Places {
            home: "/h".into(),
            ..Places::default()
        };
        let paths = |shell| -> Vec<PathBuf> {
            plan(shell, &places, Vec::new())
                .unwrap()
                .into_iter()
                .filter_map(|change| match change {
                    Change::Script { path, .. } | Change::Line { path, .. } => Some(path),
                    Change::GoBlock { .. } => None,
                })
                .collect()
        };
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            paths(Shell::Bash),
            [p("/h/.local/share/bash-completion/completions/coder")]
        );
        assert_eq!(paths(Shell::Zsh), [p("/h/.zfunc/_coder"), p("/h/.zshrc")]);
        assert_eq!(
            paths(Shell::Fish),
            [p("/h/.config/fish/completions/coder.fish")]
        );
        assert_eq!(
            paths(Shell::PowerShell),
            [p("/h/.config/powershell/Microsoft.PowerShell_profile.ps1")]
        );
        assert_eq!(
            paths(Shell::Elvish),
            [
                p("/h/.config/elvish/lib/coder.elv"),
                p("/h/.config/elvish/rc.elv")
            ]
        );
        let places = Places {
            home: "/h".into(),
            xdg_data_home: Some("/d".into()),
            xdg_config_home: Some("/c".into()),
            zdotdir: Some("/z".into()),
            ..Places::default()
        };
        let bash = plan(Shell::Bash, &places, Vec::new()).unwrap();
        assert!(
            matches!(bash.last().unwrap(), Change::Script { path, .. } if path == Path::new("/d/bash-completion/completions/coder"))
        );
        let zsh = plan(Shell::Zsh, &places, Vec::new()).unwrap();
        assert!(
            matches!(zsh.last().unwrap(), Change::Line { path, .. } if path == Path::new("/z/.zshrc"))
        );
        let places = Places {
            bash_completion_user_dir: Some("/b".into()),
            ..places
        };
        let bash = plan(Shell::Bash, &places, Vec::new()).unwrap();
        assert!(
            matches!(bash.last().unwrap(), Change::Script { path, .. } if path == Path::new("/b/completions/coder"))
        );
    }
}
