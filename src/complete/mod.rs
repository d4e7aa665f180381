//! Dynamic completion (`source <(COMPLETE=bash coder)`): the binary answers the shell
//! itself, and for `tokens view` / `tokens rm` offers the caller's token names.

mod words;

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use clap::{Arg, CommandFactory, FromArgMatches};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use crate::cli::{COLUMN, Cli, GlobalArgs, TOKEN_NAME_OR_ID, TOKEN_NAMES};
use crate::client::types::{ApiKey, KeySink, TokensFilter};
use crate::client::{Client, ClientConfig};
use crate::output::format::Column;
use crate::output::visible;
use crate::session;
use words::Shell;

/// How long completing token names may wait for the deployment: a slow deployment must
/// never stall the shell.
const COMPLETION_TIMEOUT: Duration = Duration::from_secs(2);

/// The shell asking, read before clap's engine clears `COMPLETE`.
static SHELL: OnceLock<Shell> = OnceLock::new();

/// Answers the shell's completion requests when the process was started for that
/// (`COMPLETE=<shell> coder …`) and exits; otherwise returns at once.
pub fn answer_if_asked() {
    let _ = SHELL.set(Shell::from_env());
    let shells = [
        &BashWords as &dyn EnvCompleter,
        &Elvish,
        &Fish,
        &Powershell,
        &Zsh,
    ];
    clap_complete::CompleteEnv::with_factory(command)
        .shells(Shells(&shells))
        .complete();
}

/// clap's bash completer, except that the engine sees the words bash cut at `=` and
/// `:` joined again (see [`words::for_engine`]).
struct BashWords;

impl EnvCompleter for BashWords {
    fn name(&self) -> &'static str {
        Bash.name()
    }

    fn is(&self, name: &str) -> bool {
        Bash.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn io::Write,
    ) -> io::Result<()> {
        Bash.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn io::Write,
    ) -> io::Result<()> {
        let index = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse().ok())
            .unwrap_or_default();
        let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let (args, index) = words::for_engine(args, index);
        let completions = clap_complete::engine::complete(cmd, args, index, current_dir)?;
        for (n, candidate) in completions.iter().enumerate() {
            if n > 0 {
                buf.write_all(ifs.as_bytes())?;
            }
            buf.write_all(candidate.get_value().to_string_lossy().as_bytes())?;
        }
        Ok(())
    }
}

/// The command line, with token names completed for `tokens view` and `tokens rm`, and
/// column lists for `-c`.
pub fn command() -> clap::Command {
    let names = |arg: Arg| arg.add(ArgValueCompleter::new(token_names));
    let columns = |arg: Arg| arg.add(ArgValueCompleter::new(column_list));
    Cli::command().mut_subcommand("tokens", |tokens| {
        tokens
            .mut_subcommand("list", |list| list.mut_arg(COLUMN, columns))
            .mut_subcommand("view", |view| {
                view.mut_arg(TOKEN_NAME_OR_ID, names)
                    .mut_arg(COLUMN, columns)
            })
            .mut_subcommand("remove", |remove| remove.mut_arg(TOKEN_NAMES, names))
    })
}

/// `-c` takes a list: the column names that start with its last field, after the
/// fields typed so far (`id,na` offers `id,name`).
fn column_list(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let (typed, last) = current.split_at(current.rfind(',').map_or(0, |at| at + 1));
    Column::names()
        .filter(|name| name.starts_with(last))
        .map(|name| CompletionCandidate::new(format!("{typed}{name}")))
        .collect()
}

/// Names of the caller's tokens that start with `current`. The session comes from the
/// line being completed (`--url`, `--token`, `--global-config`), else the environment
/// or the stored login. Whatever goes wrong, or takes longer than the limit in all
/// (a header command, the keyring, retries), completes nothing, silently.
fn token_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str().map(str::to_string) else {
        return Vec::new();
    };
    let Some(options) = line_options(std::env::args_os(), *SHELL.get_or_init(Shell::from_env))
    else {
        return Vec::new();
    };
    let (sender, receiver) = mpsc::channel();
    // Left behind when it is late; the process exits once the shell has its answer.
    std::thread::spawn(move || {
        let _ = sender.send(names_from(&options, &prefix));
    });
    receiver
        .recv_timeout(COMPLETION_TIMEOUT)
        .unwrap_or_default()
}

/// The names, from the deployment `options` lead to, that start with `prefix`.
fn names_from(options: &session::Options, prefix: &str) -> Vec<CompletionCandidate> {
    let Ok(target) = session::resolve(options) else {
        return Vec::new();
    };
    let Ok(client) = Client::new(ClientConfig {
        url: target.url,
        token: target.token,
        headers: target.headers,
        command: "coder completion".into(),
        timeout: COMPLETION_TIMEOUT,
        observer: None,
    }) else {
        return Vec::new();
    };
    let mut names = Names {
        prefix,
        found: Vec::new(),
    };
    let listed = crate::runtime::block_on(client.tokens("me", TokensFilter::default(), &mut names));
    match listed {
        Ok(Ok(())) => names.found,
        _ => Vec::new(),
    }
}

/// The candidates among the keys: names that start with the prefix, with their IDs.
struct Names<'p> {
    prefix: &'p str,
    found: Vec<CompletionCandidate>,
}

impl KeySink for Names<'_> {
    fn key(&mut self, key: &ApiKey<'_>) {
        if key.token_name.starts_with(self.prefix) {
            self.found.push(
                CompletionCandidate::new(visible(&key.token_name).as_ref())
                    .help(Some(visible(&key.id).into_owned().into())),
            );
        }
    }

    fn restart(&mut self) {
        self.found.clear();
    }
}

/// The session options of the line being completed. The shell runs
/// `coder -- <the words of the line>`; those words, put back together as the shell
/// would run them (see [`words`]), are read as a command line that may be incomplete,
/// with the environment behind them as usual.
fn line_options(
    args: impl IntoIterator<Item = OsString>,
    shell: Shell,
) -> Option<session::Options> {
    let words: Vec<OsString> = args
        .into_iter()
        .skip_while(|arg| arg != "--")
        .skip(1)
        .collect();
    let matches = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(words::command_line(words, shell))
        .ok()?;
    let global = GlobalArgs::from_arg_matches(&matches).ok()?;
    Some(global.session_options(&matches))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(line: &[&str]) -> session::Options {
        let args = ["coder", "--"].iter().chain(line).map(OsString::from);
        line_options(args, Shell::Other).expect("the line parses")
    }

    #[test]
    fn the_line_being_completed_names_the_session() {
        let options = options(&[
            "coder",
            "--url=https://prod.example.com",
            "tokens",
            "rm",
            "--global-config",
            "/tmp/elsewhere",
            "ci",
        ]);
        let url = options.url.expect("the URL on the line");
        assert_eq!(url.value, "https://prod.example.com");
        assert_eq!(url.source, session::Source::Flag);
        assert_eq!(options.config_dir, Some("/tmp/elsewhere".into()));
    }

    #[test]
    fn the_line_is_read_as_the_shell_would_run_it() {
        let args = [
            "coder", "--", "coder", "--url", "https", ":", "//prod", ":", "8443", "--token",
            "'t0k'", "tokens", "rm", "",
        ];
        let options = line_options(args.map(OsString::from), Shell::Bash).unwrap();
        assert_eq!(options.url.unwrap().value, "https://prod:8443");
        assert_eq!(options.token.unwrap().value.expose(), "t0k");
    }

    #[test]
    fn columns_complete_after_the_last_comma() {
        let offered = |typed: &str| -> Vec<String> {
            column_list(OsStr::new(typed))
                .iter()
                .map(|c| c.get_value().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(offered("id,na"), ["id,name"]);
        assert_eq!(offered("o"), ["owner"]);
        let all: Vec<String> = Column::names().map(|name| format!("id,{name}")).collect();
        assert_eq!(offered("id,"), all);
        assert_eq!(all.len(), 8);
    }

    #[test]
    fn the_completer_is_attached_to_view_and_remove() {
        let mut command = command();
        command.build();
        let tokens = command.find_subcommand("tokens").unwrap();
        for (sub, arg) in [("view", TOKEN_NAME_OR_ID), ("remove", TOKEN_NAMES)] {
            let arg = tokens
                .find_subcommand(sub)
                .unwrap()
                .get_arguments()
                .find(|a| a.get_id() == arg)
                .unwrap();
            assert!(arg.get::<ArgValueCompleter>().is_some(), "{sub}");
        }
    }
}
