//! Dynamic completion (`source <(COMPLETE=bash coder)`): the binary answers the shell
//! itself, and for `tokens view` / `tokens rm` offers the caller's token names. The
//! completers are attached to their arguments where those are defined (`cli`).

mod words;

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use crate::client::types::TokensFilter;
use crate::client::{Client, ClientConfig};
use crate::helper;
use crate::output::format::Column;
use crate::session;
use crate::term::visible;
use words::Shell;

/// How long completing token names may wait for the deployment: a slow deployment must
/// never stall the shell.
const COMPLETION_TIMEOUT: Duration = Duration::from_secs(2);

/// The shell asking, read before clap's engine clears `COMPLETE`.
static SHELL: OnceLock<Shell> = OnceLock::new();

/// Answers the shell's completion requests for the command `factory` makes when the
/// process was started for that (`COMPLETE=<shell> coder …`) and exits; otherwise
/// returns at once.
pub fn answer_if_asked(factory: fn() -> clap::Command) {
    let _ = SHELL.set(Shell::from_env());
    let shells = [
        &BashWords as &dyn EnvCompleter,
        &Elvish,
        &Fish,
        &Powershell,
        &Zsh,
    ];
    clap_complete::CompleteEnv::with_factory(factory)
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

/// `-c` takes a list: the column names that start with its last field, after the
/// fields typed so far (`id,na` offers `id,name`).
pub fn column_list(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let (typed, last) = current.split_at(current.rfind(',').map_or(0, |at| at + 1));
    Column::names()
        .filter(|name| name.starts_with(last))
        .map(|name| CompletionCandidate::new(format!("{typed}{name}")))
        .collect()
}

/// Names of the caller's tokens that start with `current`, from the deployment the
/// `options` of the line being completed lead to (see [`line_words`]). Whatever goes
/// wrong, or takes longer than the limit in all (a header command, the keyring,
/// retries), completes nothing, silently.
pub fn token_names(current: &OsStr, options: Option<session::Options>) -> Vec<CompletionCandidate> {
    let (Some(prefix), Some(options)) = (current.to_str().map(str::to_string), options) else {
        return Vec::new();
    };
    let (sender, receiver) = mpsc::channel();
    // Left behind when it is late; the process exits once the shell has its answer,
    // and no header command it started outlives it.
    std::thread::spawn(move || {
        let _ = sender.send(names_from(&options, &prefix));
    });
    receiver
        .recv_timeout(COMPLETION_TIMEOUT)
        .unwrap_or_else(|_| {
            helper::stop_all();
            Vec::new()
        })
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
    let mut found = Vec::new();
    let mut each = |key: &crate::client::types::ApiKey<'_>| {
        if key.token_name.starts_with(prefix) {
            found.push(
                CompletionCandidate::new(visible(&key.token_name).as_ref())
                    .help(Some(visible(&key.id).into_owned().into())),
            );
        }
    };
    let listed = crate::runtime::block_on(client.tokens("me", TokensFilter::default(), &mut each));
    match listed {
        Ok(Ok(())) => found,
        _ => Vec::new(),
    }
}

/// The words of the line being completed, as the command would receive them: the shell
/// runs `coder -- <the words of the line>`, and those words are put back together as
/// the shell would run them (see [`words`]). Read with the environment behind them, as
/// usual, they name the session to complete from.
pub fn line_words(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let words: Vec<OsString> = args
        .into_iter()
        .skip_while(|arg| arg != "--")
        .skip(1)
        .collect();
    words::command_line(words, *SHELL.get_or_init(Shell::from_env))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_is_the_words_after_the_separator() {
        let args = [
            "coder",
            "--",
            "coder",
            "--url=https://prod",
            "tokens",
            "rm",
            "",
        ];
        let words = line_words(args.map(OsString::from));
        assert_eq!(words, ["coder", "--url=https://prod", "tokens", "rm", ""]);
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
    }
}
