//! Commands this binary does not have belong to Coder's Go CLI, which users already
//! have: `coder ssh`, `coder start`, `coder config-ssh`, … run it with exactly the same
//! arguments, environment and standard streams, and end with its exit status.
//!
//! Which command a line names is read from its words alone, before anything of ours
//! runs: global options (with their values) are skipped, and the first other word is
//! the command. The Go CLI is the program `CODER_GO_CLI` names, else the first `coder`
//! on `PATH` that is not this program (compared by canonical path, so a symbolic link
//! to this program is skipped).
//!
//! Another copy of this program on `PATH` (a second `cargo install` elsewhere), or a
//! wrapper that runs this program (an asdf shim, a nix wrapper, a `~/bin/coder` script
//! that execs it), cannot be told from the Go CLI without running it, so every forward
//! names in `CODER_RS_FORWARDED` the programs the forwards before it ran, this program
//! and the program it runs. A program that starts and finds its own path anywhere in
//! that list was run by a copy of itself or a wrapper around it: it skips every path
//! the list names as it looks further, so no two programs run each other in a loop,
//! and the search ends once `PATH` has no other `coder`. A list that does not name the
//! running program (left by a forward of another copy: the Go CLI passes its
//! environment on to what it starts) skips nothing, and is passed on with this
//! program added, so that each forward adds a program the list did not name before.
//! A list left by a forward of this very program names it too, and a `coder` run by a
//! program the Go CLI started (a terminal in the editor `coder open vscode` opened)
//! must not skip that Go CLI: so every forward also names its process in
//! `CODER_RS_FORWARDED_BY`, and on Unix, where a forward replaces the process, a list
//! that does not end with this program counts only when that process is this one (a
//! wrapper that execs it) or its parent (one that runs it). Elsewhere any list naming
//! this program counts.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::Result;
use url::Url;

use crate::error::CliError;
use crate::{argv, env, helper, quote};

/// Names the Go CLI explicitly.
const GO_CLI_VAR: &str = "CODER_GO_CLI";

/// Set (to any value), it asks for the Go CLI's completion protocol instead of a run.
pub const COMPLETION_MODE: &str = "COMPLETION_MODE";

/// The programs forwards have run so far (see the module doc).
const FORWARDED_VAR: &str = "CODER_RS_FORWARDED";
/// The process of the last forward (see the module doc).
const FORWARDED_BY_VAR: &str = "CODER_RS_FORWARDED_BY";

/// Whether the command line `args` (the program first) is for this binary: no
/// command at all (`coder`, `coder --help`, `coder --version`), or one of `cmd`'s
/// subcommands or their aliases. `coder help <command>` is ours only when the command
/// is, and a `coder login` that sets up a deployment's first user is not (see
/// [`sets_up_first_user`]). `cmd` must be built, so that its global options are known.
pub fn is_ours(cmd: &clap::Command, args: &[OsString]) -> bool {
    let mut words = command_words(cmd, args);
    let Some(first) = words.next() else {
        return true;
    };
    let ours = |word: &OsStr| {
        word.to_str()
            .and_then(|word| cmd.find_subcommand(word))
            .is_some()
    };
    if first == "help" {
        return words.next().is_none_or(ours);
    }
    if first == LOGIN {
        let login = cmd.find_subcommand(LOGIN);
        let subcommand = words
            .next()
            .and_then(OsStr::to_str)
            .is_some_and(|word| login.and_then(|l| l.find_subcommand(word)).is_some());
        return subcommand || !sets_up_first_user(args);
    }
    ours(first)
}

/// The command whose first-user setup belongs to the Go CLI.
const LOGIN: &str = "login";

/// Whether a `coder login` line asks for the Go CLI's setup of a deployment's first
/// user, which this client does not do: a `--first-user-…` option, or a
/// `CODER_FIRST_USER_…` variable (the Go CLI reads them only when the deployment has
/// no user yet, and logs in as usual otherwise).
fn sets_up_first_user(args: &[OsString]) -> bool {
    let option = |word: &OsString| {
        word.to_str()
            .is_some_and(|word| word.starts_with("--first-user-"))
    };
    args.iter().skip(1).any(option) || env::any_set_with_prefix("CODER_FIRST_USER_")
}

/// The words of `args` that are not global options nor their values: the command
/// first. After `--` every word counts.
fn command_words<'a>(
    cmd: &'a clap::Command,
    args: &'a [OsString],
) -> impl Iterator<Item = &'a OsStr> + 'a {
    let mut words = args.iter().skip(1).map(OsString::as_os_str);
    let mut options_done = false;
    std::iter::from_fn(move || {
        loop {
            let word = words.next()?;
            let text = word.to_str().unwrap_or_default();
            if options_done || !text.starts_with('-') || text == "-" {
                options_done = true;
                return Some(word);
            }
            if text == "--" {
                options_done = true;
                continue;
            }
            if argv::value_follows(cmd, text) {
                words.next();
            }
        }
    })
}

/// The Go CLI that would be run for a command this binary does not have, if there is
/// one; `None` also when what `CODER_GO_CLI` names is this program.
pub fn go_cli() -> Option<PathBuf> {
    find(&Search::from_env()).ok()
}

/// Whether this process was run by a forward of this program or a copy of it, directly
/// or through a wrapper: `CODER_RS_FORWARDED` names it.
pub fn run_by_a_forward() -> bool {
    let search = Search::from_env();
    !search.forwarded.is_empty() && search.skips_forwarded()
}

/// Where to look, and what to skip.
struct Search {
    /// `CODER_GO_CLI`, when set and not empty.
    named: Option<PathBuf>,
    /// `PATH`.
    path: Option<OsString>,
    /// This program, canonical.
    this: Option<PathBuf>,
    /// The programs forwards have run so far (canonical paths), from
    /// `CODER_RS_FORWARDED`.
    forwarded: Vec<PathBuf>,
    /// Whether the last forward's process is this one or its parent (always, where
    /// that cannot be told): a list naming this program, not last, then counts.
    by_last_forward: bool,
}

impl Search {
    fn from_env() -> Search {
        let this = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.canonicalize().ok());
        let forwarded = std::env::var_os(FORWARDED_VAR).unwrap_or_default();
        Search {
            named: env::var_os(GO_CLI_VAR).map(PathBuf::from),
            path: std::env::var_os("PATH"),
            this,
            forwarded: std::env::split_paths(&forwarded)
                .filter(|p| !p.as_os_str().is_empty())
                .collect(),
            by_last_forward: by_last_forward(),
        }
    }

    /// Whether the programs forwards have run are skipped: the list names this program
    /// (see the module doc); when this program cannot be told, the list is all there
    /// is to go by.
    fn skips_forwarded(&self) -> bool {
        self.this.as_ref().is_none_or(|this| {
            self.forwarded.last() == Some(this)
                || (self.by_last_forward && self.forwarded.contains(this))
        })
    }

    /// Whether `candidate` is this program, or a program forwards have run that led
    /// back to it.
    fn is_us(&self, candidate: &Path) -> bool {
        let Ok(canonical) = candidate.canonicalize() else {
            return false;
        };
        self.this.as_deref() == Some(canonical.as_path())
            || (self.skips_forwarded() && self.forwarded.contains(&canonical))
    }

    /// What `CODER_RS_FORWARDED` says when `program` is run.
    fn forwarded_value(&self, program: &Path) -> Option<OsString> {
        let program = program.canonicalize().unwrap_or_else(|_| program.into());
        let mut list = self.forwarded.clone();
        for tried in self.this.iter().chain([&program]) {
            if !list.contains(tried) {
                list.push(tried.clone());
            }
        }
        std::env::join_paths(list).ok()
    }
}

/// Why no Go CLI was found.
#[derive(Debug)]
enum NotFound {
    /// `CODER_GO_CLI` names nothing that runs.
    Named(PathBuf),
    /// `CODER_GO_CLI` names this program (or a copy of it).
    NamedIsUs(PathBuf),
    /// No other `coder` on `PATH`; this program, and the programs forwards have run,
    /// skipped.
    OnPath(Vec<PathBuf>),
}

fn find(search: &Search) -> Result<PathBuf, NotFound> {
    if let Some(named) = &search.named {
        if search.is_us(named) {
            return Err(NotFound::NamedIsUs(named.clone()));
        }
        return if is_executable(named) {
            Ok(named.clone())
        } else {
            Err(NotFound::Named(named.clone()))
        };
    }
    let mut skipped = Vec::new();
    for dir in search.path.iter().flat_map(std::env::split_paths) {
        for name in program_names() {
            let candidate = dir.join(&name);
            if !is_executable(&candidate) {
                continue;
            }
            if search.is_us(&candidate) {
                skipped.push(candidate);
                continue;
            }
            return Ok(candidate);
        }
    }
    Err(NotFound::OnPath(skipped))
}

/// The file names a `coder` command has on this platform: on Windows `coder.exe`,
/// then `coder` with each extension `PATHEXT` lists.
fn program_names() -> Vec<OsString> {
    if !cfg!(windows) {
        return vec!["coder".into()];
    }
    let mut names: Vec<OsString> = vec!["coder.exe".into()];
    let pathext = std::env::var("PATHEXT").unwrap_or_default();
    for ext in pathext.split(';').filter(|e| !e.is_empty()) {
        let name = OsString::from(format!("coder{}", ext.to_ascii_lowercase()));
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Whether `path` is a program that can be run: a file, on Unix with an execute bit
/// (`CODER_GO_CLI` and the `coder`s on `PATH` alike).
#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Runs the Go CLI with `args` (the program first) in place of this process and
/// returns its exit status; only returns at all on Windows (on Unix the process
/// becomes the Go CLI). Without a Go CLI: an error saying which commands `cmd` (this
/// binary) has and how to install the Go CLI, from the `deployment` when one is known.
pub fn run(
    cmd: &clap::Command,
    args: &[OsString],
    deployment: impl FnOnce() -> Option<Url>,
) -> Result<u8> {
    let search = Search::from_env();
    let program = find(&search).map_err(|why| not_found(cmd, args, why, deployment()))?;
    replace_process(go_command(&search, &program, args), &program, args.first())
}

/// Whether `CODER_RS_FORWARDED_BY` names this process or its parent (see the module
/// doc).
#[cfg(unix)]
fn by_last_forward() -> bool {
    let by = env::var_os(FORWARDED_BY_VAR).and_then(|by| by.to_str()?.parse::<u32>().ok());
    by.is_some_and(|by| by == std::process::id() || by == std::os::unix::process::parent_id())
}

#[cfg(not(unix))]
fn by_last_forward() -> bool {
    true
}

/// The Go CLI at `program` with the words of `args` after the program, marked as
/// forwarded when `search` says it must be (so that it never runs this program back).
fn go_command(search: &Search, program: &Path, args: &[OsString]) -> Command {
    let mut command = Command::new(program);
    command.args(&args[1..]);
    if let Some(value) = search.forwarded_value(program) {
        command
            .env(FORWARDED_VAR, value)
            .env(FORWARDED_BY_VAR, std::process::id().to_string());
    }
    command
}

#[cfg(unix)]
fn replace_process(mut command: Command, program: &Path, arg0: Option<&OsString>) -> Result<u8> {
    use std::os::unix::process::CommandExt;
    if let Some(arg0) = arg0 {
        command.arg0(arg0);
    }
    let err = command.exec();
    Err(could_not_run(program, &err))
}

#[cfg(not(unix))]
fn replace_process(mut command: Command, program: &Path, _arg0: Option<&OsString>) -> Result<u8> {
    let status = command
        .status()
        .map_err(|err| could_not_run(program, &err))?;
    // A status beyond 0-255 (a Windows exception code) still ends as a failure.
    Ok(status
        .code()
        .map_or(1, |code| u8::try_from(code).unwrap_or(1)))
}

fn could_not_run(program: &Path, err: &std::io::Error) -> anyhow::Error {
    CliError::failure(format!(
        "could not run Coder's Go CLI at {}: {err}",
        program.display()
    ))
    .with_hint(format!(
        "check that it is an executable program, or set {GO_CLI_VAR} to the Go CLI's path"
    ))
    .into()
}

/// How long asking the Go CLI for completions may take.
const ASK_TIMEOUT: Duration = Duration::from_secs(2);

/// The lines the Go CLI prints for `args` (the program first) in its completion mode
/// (`COMPLETION_MODE=1`); nothing when there is no Go CLI, it fails, or it takes longer
/// than two seconds (it is killed then, with what it started).
pub fn ask(args: &[OsString]) -> Vec<String> {
    let search = Search::from_env();
    let Ok(program) = find(&search) else {
        return Vec::new();
    };
    let mut command = go_command(&search, &program, args);
    command.env(COMPLETION_MODE, "1");
    match helper::run(command, ASK_TIMEOUT) {
        Ok(Some(done)) if done.status.success() => String::from_utf8_lossy(&done.stdout)
            .lines()
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// The error for a command that belongs to the Go CLI when there is none.
fn not_found(
    cmd: &clap::Command,
    args: &[OsString],
    why: NotFound,
    deployment: Option<Url>,
) -> anyhow::Error {
    // `coder help ssh` is about `ssh`.
    let mut words = command_words(cmd, args);
    let mut command = words.next();
    if command.is_some_and(|word| word == "help") {
        command = words.next().or(command);
    }
    let command = command
        .map(|word| word.to_string_lossy().into_owned())
        .unwrap_or_default();
    let message = if command == LOGIN {
        "'coder login' that sets up a deployment's first user (--first-user-… or \
         CODER_FIRST_USER_…) is work for Coder's Go CLI, which was not found"
            .to_string()
    } else {
        format!(
            "'coder {command}' is not a command of this coder, and Coder's Go CLI, which \
             has the others, was not found"
        )
    };
    let looked = match why {
        NotFound::Named(path) => format!(
            "{GO_CLI_VAR} is {}, which is no executable file",
            path.display()
        ),
        NotFound::NamedIsUs(path) => format!(
            "{GO_CLI_VAR} is {}, which is this program, not the Go CLI",
            path.display()
        ),
        NotFound::OnPath(skipped) if skipped.is_empty() => {
            "there is no other 'coder' on PATH".to_string()
        }
        NotFound::OnPath(skipped) => {
            let skipped: Vec<String> = skipped.iter().map(|p| p.display().to_string()).collect();
            format!(
                "every 'coder' on PATH is this program, a copy of it or a wrapper around \
                 it: {}",
                skipped.join(", ")
            )
        }
    };
    CliError::failure(message)
        .with_detail(format!("this coder has: {}", our_commands(cmd).join(", ")))
        .with_detail("every other command belongs to Coder's Go CLI, which this coder runs for it")
        .with_detail(looked)
        .with_hint(format!(
            "install the Go CLI with: curl -fsSL {} | sh (or set {GO_CLI_VAR} to its path)",
            install_script(deployment.as_ref())
        ))
        .into()
}

/// The Go CLI's install script on `deployment` (a checked deployment URL), from its
/// origin and path (no query or fragment), as a shell takes it literally; a
/// placeholder when no deployment is known.
fn install_script(deployment: Option<&Url>) -> String {
    let Some(url) = deployment else {
        return "https://<your deployment>/install.sh".to_string();
    };
    let script = format!(
        "{}{}/install.sh",
        url.origin().ascii_serialization(),
        url.path().trim_end_matches('/')
    );
    quote::bash(&script, quote::Open::None)
}

/// This binary's commands as the no-Go-CLI error lists them: each with its aliases.
fn our_commands(cmd: &clap::Command) -> Vec<String> {
    cmd.get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
        .map(|sub| {
            let aliases: Vec<&str> = sub.get_visible_aliases().collect();
            if aliases.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{} ({})", sub.get_name(), aliases.join(", "))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use clap::{Arg, ArgAction, Command};

    /// A command line shaped like ours: global options with and without values.
    fn command() -> Command {
        let mut cmd = Command::new("coder")
            .arg(Arg::new("url").long("url").global(true))
            .arg(
                Arg::new("verbose")
                    .short('v')
                    .long("verbose")
                    .num_args(0..=1)
                    .require_equals(true)
                    .global(true),
            )
            .arg(
                Arg::new("force-tty")
                    .long("force-tty")
                    .action(ArgAction::SetTrue),
            )
            .subcommand(Command::new("tokens").visible_alias("token"))
            .subcommand(Command::new("login"));
        cmd.build();
        cmd
    }

    fn ours(line: &[&str]) -> bool {
        let args: Vec<OsString> = std::iter::once("coder")
            .chain(line.iter().copied())
            .map(OsString::from)
            .collect();
        is_ours(&command(), &args)
    }

    #[test]
    fn the_command_is_the_first_word_that_is_no_option_nor_an_option_s_value() {
        for line in [
            &[][..],
            &["--help"],
            &["--version"],
            &["tokens", "ls"],
            &["token"],
            &["--url", "ssh", "login"],
            &["-v", "--url=x", "--force-tty", "tokens"],
            &["help"],
            &["help", "tokens"],
            &["--", "tokens"],
        ] {
            assert!(ours(line), "{line:?}");
        }
        for line in [
            &["ssh", "ws"][..],
            &["--url", "https://x", "whoami"],
            &["-v", "ssh"],
            &["--unknown", "ssh"],
            &["help", "ssh"],
            &["tok"],
            &["--", "ssh"],
            &[""],
        ] {
            assert!(!ours(line), "{line:?}");
        }
    }

    #[test]
    fn the_install_script_is_on_the_deployment_s_origin_and_path() {
        assert_eq!(install_script(None), "https://<your deployment>/install.sh");
        for (deployment, script) in [
            ("https://h/", "https://h/install.sh"),
            ("https://H:443/a/b//?q#f", "https://h/a/b/install.sh"),
            ("http://h:8080", "http://h:8080/install.sh"),
            ("https://h/x y$(id)", r"https://h/x%20y\$\(id\)/install.sh"),
        ] {
            let url = Url::parse(deployment).unwrap();
            assert_eq!(install_script(Some(&url)), script, "{deployment:?}");
        }
    }

    /// A directory holding an executable `coder` (a copy of `program`).
    #[cfg(unix)]
    fn dir_with(program: &Path) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(program, dir.path().join("coder")).unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn path_is_searched_past_this_program_and_what_forwards_ran() {
        let sh = Path::new("/bin/sh");
        let (wrapper, a, b, go) = (dir_with(sh), dir_with(sh), dir_with(sh), dir_with(sh));
        let empty = tempfile::tempdir().unwrap();
        let coder = |dir: &tempfile::TempDir| dir.path().join("coder").canonicalize().unwrap();
        let search = |this: &tempfile::TempDir, forwarded: Vec<PathBuf>| Search {
            named: None,
            path: std::env::join_paths([empty.path(), a.path(), b.path(), go.path()]).ok(),
            this: Some(coder(this)),
            forwarded,
            by_last_forward: true,
        };
        let runs = |search: &Search, program: &tempfile::TempDir| {
            assert_eq!(find(search).unwrap(), program.path().join("coder"));
            let list = search
                .forwarded_value(&program.path().join("coder"))
                .unwrap();
            std::env::split_paths(&list).collect::<Vec<PathBuf>>()
        };
        // From `a`: `b` is the first other `coder` (it cannot be told from the Go CLI).
        let list = runs(&search(&a, Vec::new()), &b);
        assert_eq!(list, [coder(&a), coder(&b)]);
        // `b`, run by `a`, finds itself in the list: both are skipped.
        runs(&search(&b, list), &go);
        // A wrapper first on `PATH` that runs `a`: `a` finds itself in the list, not
        // last, and skips the wrapper as well.
        let wrapped = |this: &tempfile::TempDir, forwarded: Vec<PathBuf>| Search {
            path: std::env::join_paths([wrapper.path(), a.path(), b.path(), go.path()]).ok(),
            ..search(this, forwarded)
        };
        let list = runs(&wrapped(&a, Vec::new()), &wrapper);
        assert_eq!(list, [coder(&a), coder(&wrapper)]);
        let list = runs(&wrapped(&a, list), &b);
        runs(&wrapped(&b, list), &go);
        // The same list left in the environment of a program the Go CLI started (the
        // last forward's process is neither this one nor its parent) skips nothing.
        let left = Search {
            by_last_forward: false,
            ..wrapped(&a, vec![coder(&a), coder(&go)])
        };
        assert_eq!(find(&left).unwrap(), wrapper.path().join("coder"));
        // A list that does not name this program skips nothing but this program, and
        // is passed on with it added.
        let list = runs(&search(&b, vec![coder(&go)]), &a);
        assert_eq!(list, [coder(&go), coder(&b), coder(&a)]);
        // Without the Go CLI, the search ends, naming what it skipped.
        let only_copies = Search {
            path: std::env::join_paths([a.path(), b.path()]).ok(),
            ..search(&b, vec![coder(&a), coder(&b)])
        };
        match find(&only_copies) {
            Err(NotFound::OnPath(skipped)) => assert_eq!(skipped.len(), 2),
            other => panic!("{other:?}"),
        }
        // CODER_GO_CLI naming this program is refused.
        let named = Search {
            named: Some(a.path().join("coder")),
            ..search(&a, Vec::new())
        };
        assert!(matches!(find(&named), Err(NotFound::NamedIsUs(_))));
    }
}
