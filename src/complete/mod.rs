//! Dynamic completion (`source <(COMPLETE=bash coder)`): the binary answers the shell
//! itself, and for `tokens view` / `tokens rm` offers the caller's token names. The
//! completers are attached to their arguments where those are defined (`cli`).

pub mod protocol;
mod words;

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use clap::ValueEnum;
use clap::builder::PossibleValue;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use crate::client::types::TokensFilter;
use crate::client::{Client, ClientConfig};
use crate::helper;
use crate::output::format::Column;
use crate::quote;
use crate::session;
use crate::term::{self, visible};
use crate::{argv, forward};
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
        &Adapter::Bash as &dyn EnvCompleter,
        &Adapter::Elvish,
        &Adapter::Fish,
        &Adapter::Powershell,
        &Adapter::Zsh,
    ];
    clap_complete::CompleteEnv::with_factory(factory)
        .shells(Shells(&shells))
        .complete();
}

/// clap's shell adapters, with every candidate made one literal word (see [`quote`])
/// and the word being completed read without its quotes; a line for a command of the
/// Go CLI is answered by the Go CLI. bash gets a registration of its own (see
/// [`BASH_REGISTRATION`]), and its engine sees the words bash cut at `=` and `:` joined
/// again (see [`words::for_engine`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Adapter {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

impl Adapter {
    fn clap(self) -> &'static dyn EnvCompleter {
        match self {
            Adapter::Bash => &Bash,
            Adapter::Elvish => &Elvish,
            Adapter::Fish => &Fish,
            Adapter::Powershell => &Powershell,
            Adapter::Zsh => &Zsh,
        }
    }
}

/// bash's registration: clap's, except that the answer is read into `COMPREPLY`
/// without pathname expansion (a candidate `*` stays `*`); the quote the word being
/// completed opened is passed on (bash hands over the word without it, and inserts the
/// candidate inside it), and so is the line up to the cursor (which tells the pieces
/// bash cut a word into at `=` and `:` from words apart). The program's path stands
/// inside double quotes, quoted for them (it may hold a space, `$` or a backquote).
const BASH_REGISTRATION: &str = r#"
_clap_complete_NAME() {
    local IFS=$'\013'
    local _CLAP_COMPLETE_INDEX=${COMP_CWORD}
    local _CLAP_COMPLETE_COMP_TYPE=${COMP_TYPE}
    if compopt +o nospace 2> /dev/null; then
        local _CLAP_COMPLETE_SPACE=false
    else
        local _CLAP_COMPLETE_SPACE=true
    fi
    local words=("${COMP_WORDS[@]}")
    local quote=
    case ${COMP_WORDS[COMP_CWORD]} in
        "'$2") quote="'" ;;
        "\"$2") quote='"' ;;
    esac
    local line=
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        words[COMP_CWORD]="$2"
        line=${COMP_LINE:0:COMP_POINT}
    fi
    local answer
    answer=$( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$_CLAP_COMPLETE_INDEX" \
        _CLAP_COMPLETE_COMP_TYPE="$_CLAP_COMPLETE_COMP_TYPE" \
        _CLAP_COMPLETE_SPACE="$_CLAP_COMPLETE_SPACE" \
        _CODER_COMPLETE_QUOTE="$quote" \
        _CODER_COMPLETE_LINE="$line" \
        VAR="bash" \
        "COMPLETER" -- "${words[@]}" \
    )
    if [[ $? != 0 ]]; then
        unset COMPREPLY
        return
    fi
    COMPREPLY=()
    [[ -n $answer ]] && read -r -d '' -a COMPREPLY < <(printf '%s' "$answer")
    if [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -o nospace -o bashdefault -o nosort -F _clap_complete_NAME BIN
else
    complete -o nospace -o bashdefault -F _clap_complete_NAME BIN
fi
"#;

impl EnvCompleter for Adapter {
    fn name(&self) -> &'static str {
        self.clap().name()
    }

    fn is(&self, name: &str) -> bool {
        self.clap().is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn io::Write,
    ) -> io::Result<()> {
        if *self != Adapter::Bash {
            return self
                .clap()
                .write_registration(var, name, bin, completer, buf);
        }
        let script = BASH_REGISTRATION
            .replace("NAME", &name.replace('-', "_"))
            .replace("BIN", bin)
            .replace("COMPLETER", &quote::bash(completer, quote::Open::Double))
            .replace("VAR", var);
        writeln!(buf, "{script}")
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn io::Write,
    ) -> io::Result<()> {
        let index = match self {
            Adapter::Fish | Adapter::Powershell => args.len().saturating_sub(1),
            _ => std::env::var("_CLAP_COMPLETE_INDEX")
                .ok()
                .and_then(|i| i.parse().ok())
                .unwrap_or_default(),
        };
        let quote = std::env::var("_CODER_COMPLETE_QUOTE").unwrap_or_default();
        let open = quote::Open::from_char(quote.chars().next());
        let (mut args, index, typed) = match self {
            Adapter::Bash => {
                let line = std::env::var("_CODER_COMPLETE_LINE").ok();
                let line = line.filter(|line| !line.is_empty());
                words::for_engine(args, index, line.as_deref(), &quote)
            }
            _ => (args, index, String::new()),
        };
        // zsh leaves the word being completed out when it is empty.
        if args.len() <= index {
            args.resize(index + 1, OsString::new());
        }
        // The part of the word bash leaves in place, as the command reads it.
        let kept = words::current_word(&typed, quote::Open::None);
        let mut word = OsString::from(&kept);
        word.push(self.unquoted(&args[index], open));
        args[index] = word;
        let found = candidates(cmd, args, index, current_dir)?;
        self.write_candidates(&found, &kept, open, buf)
    }
}
impl Adapter {
    /// The word being completed as the command will get it: the shell's quoting
    /// removed (bash, zsh and fish hand it over as typed; bash without the quote it
    /// opened, which is `open`).
    fn unquoted(self, word: &OsStr, open: quote::Open) -> OsString {
        match (self, word.to_str()) {
            (Adapter::Bash | Adapter::Zsh | Adapter::Fish, Some(text)) => {
                words::current_word(text, open).into()
            }
            _ => word.to_os_string(),
        }
    }

    /// Writes the candidates in the form the registration reads: bash and elvish one
    /// value after another (split at `_CLAP_IFS`), zsh `value:help` (for `_describe`),
    /// fish and PowerShell `value<TAB>help` lines. bash gets each without `kept`, the
    /// part of the word it does not replace (`zz:` of `zz:c`), and leaves out those that
    /// do not start with it.
    fn write_candidates(
        self,
        found: &[CompletionCandidate],
        kept: &str,
        open: quote::Open,
        buf: &mut dyn io::Write,
    ) -> io::Result<()> {
        let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let found = found.iter().filter_map(|candidate| {
            let value = candidate.get_value().to_string_lossy();
            Some((candidate, value.strip_prefix(kept)?.to_string()))
        });
        for (n, (candidate, value)) in found.enumerate() {
            let help = candidate.get_help().map(|help| {
                help.to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string()
            });
            let text = match self {
                Adapter::Bash => quote::bash(&value, open),
                Adapter::Elvish => value,
                Adapter::Zsh => {
                    let value = value.replace('\\', "\\\\").replace(':', "\\:");
                    match help {
                        Some(help) => format!("{value}:{}", help.replace('\\', "\\\\")),
                        None => value,
                    }
                }
                Adapter::Fish | Adapter::Powershell => {
                    let value = match self {
                        Adapter::Powershell => quote::powershell(&value),
                        _ => value,
                    };
                    let help = help.map(|help| format!("\t{help}")).unwrap_or_default();
                    format!("{value}{help}\n")
                }
            };
            if n > 0 && !matches!(self, Adapter::Fish | Adapter::Powershell) {
                buf.write_all(ifs.as_bytes())?;
            }
            buf.write_all(text.as_bytes())?;
        }
        Ok(())
    }
}

/// The candidates for the word at `index` of `args` (the words of the line, the
/// command first): clap's engine's for a line of this binary, the Go CLI's for a line
/// of a command of its own, and both while the command itself is being typed.
fn candidates(
    cmd: &mut clap::Command,
    args: Vec<OsString>,
    index: usize,
    current_dir: Option<&Path>,
) -> io::Result<Vec<CompletionCandidate>> {
    let line = &args[..=index];
    let typing_command = forward::is_ours(cmd, &line[..index]);
    if !typing_command && !forward::is_ours(cmd, line) {
        return Ok(go_candidates(line));
    }
    let current = line[index].clone();
    // The Go CLI's commands too, unless an option's value is being typed.
    let in_value = index
        .checked_sub(1)
        .is_some_and(|before| argv::value_follows(cmd, &line[before].to_string_lossy()));
    let with_go = typing_command && index > 0 && !in_value;
    let go = if with_go {
        go_candidates(line)
    } else {
        Vec::new()
    };
    let found = clap_complete::engine::complete(cmd, args, index, current_dir)?;
    let mut found = tidied(found, &current);
    for candidate in go {
        let value = candidate.get_value();
        if value != current && !found.iter().any(|c| c.get_value() == value) {
            found.push(candidate);
        }
    }
    Ok(found)
}

/// clap's engine's candidates for `current` as this binary offers them: a command by
/// its name, not by whichever of its names sorts first (`delete` for `remove`), and by
/// an alias only when the name does not start with what was typed (`d` offers
/// `delete`); and no short flags run together (`-r` followed by each short flag, `-rv`,
/// `-rh`, whatever `-r` is).
fn tidied(found: Vec<CompletionCandidate>, current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    found
        .into_iter()
        .filter(|candidate| {
            let value = candidate.get_value().to_string_lossy();
            let is_flag = candidate.get_id().is_some_and(|id| id.starts_with("arg::"));
            !(is_flag && !value.starts_with("--") && value.chars().count() > 2)
        })
        .map(|candidate| {
            let name = candidate
                .get_id()
                .and_then(|id| id.strip_prefix("command::"))
                .filter(|name| name.starts_with(&*current) && candidate.get_value() != *name);
            match name {
                Some(name) => CompletionCandidate::new(name)
                    .help(candidate.get_help().cloned())
                    .id(candidate.get_id().cloned())
                    .tag(candidate.get_tag().cloned())
                    .display_order(candidate.get_display_order())
                    .hide(candidate.is_hide_set()),
                None => candidate,
            }
        })
        .collect()
}

/// What the Go CLI offers for the last of `line` (the command first), in the order
/// it gives them: those that start with that word, each one line (see
/// [`is_one_word`]).
fn go_candidates(line: &[OsString]) -> Vec<CompletionCandidate> {
    let current = line.last().map(|w| w.to_string_lossy().into_owned());
    let current = current.unwrap_or_default();
    forward::ask(line)
        .into_iter()
        .filter(|c| c.starts_with(&current) && is_one_word(c))
        .map(CompletionCandidate::new)
        .collect()
}

/// `-c` takes a list: the column names that start with its last field, after the
/// fields typed so far (`id,na` offers `id,name`), but those already in it.
pub fn column_list(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let names: Vec<PossibleValue> = Column::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .collect();
    list_choices(current, &names)
        .into_iter()
        .filter(|choice| choice.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

/// The choices after a comma-separated list being typed: `typed` up to and with its
/// last comma, followed by each of `values` not named there yet (by any of its names,
/// in any case, quoted or not) and not hidden. With no comma in `typed`, that is every
/// value not hidden.
pub fn list_choices(typed: &str, values: &[PossibleValue]) -> Vec<String> {
    let fields = typed.rfind(',').map_or("", |at| &typed[..=at]);
    let named = |value: &PossibleValue| {
        fields
            .split(',')
            .any(|field| value.matches(field.trim_matches('"'), true))
    };
    values
        .iter()
        .filter(|value| !value.is_hide_set() && !named(value))
        .map(|value| format!("{fields}{}", value.get_name()))
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
        if key.token_name.starts_with(prefix) && is_one_word(&key.token_name) {
            found.push(
                CompletionCandidate::new(key.token_name.as_ref())
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

/// Whether a token name can be offered: one line that acts on no terminal (no control
/// character, escape sequence or bidirectional override), so that it is one candidate
/// to every shell, and that `tokens view` and `tokens rm` take back (no surrounding
/// whitespace). Others are left out rather than offered changed: a changed name would
/// name another token, or none.
fn is_one_word(name: &str) -> bool {
    !name.is_empty() && name.trim() == name && term::is_visible(name)
}

/// The words of the line being completed, as the command would receive them: the shell
/// runs `coder -- <the words of the line>`, and those words are put back together as
/// the shell would run them (see [`words`]); under the Go CLI's protocol the words
/// follow the program. Read with the environment behind them, as usual, they name the
/// session to complete from.
pub fn line_words(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    if protocol::asked() {
        // The Go CLI's protocol: the words follow the program, as bash cut them.
        return protocol::rejoined(&args);
    }
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

    /// What `-c <typed><TAB>` offers.
    fn offered(typed: &str) -> Vec<String> {
        column_list(OsStr::new(typed))
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn columns_complete_after_the_last_comma() {
        assert_eq!(offered("id,na"), ["id,name"]);
        assert_eq!(offered("o"), ["owner"]);
        let all: Vec<String> = Column::names().collect();
        assert_eq!(offered(""), all);
        let rest: Vec<String> = all[1..].iter().map(|name| format!("id,{name}")).collect();
        assert_eq!(offered("id,"), rest);
    }

    #[test]
    fn a_column_already_in_the_list_is_not_offered_again() {
        assert_eq!(offered("name,na"), Vec::<String>::new());
        assert_eq!(
            offered("ID,i"),
            Vec::<String>::new(),
            "case does not matter"
        );
        assert_eq!(
            offered(r#""last used",expires_at,last"#),
            Vec::<String>::new(),
            "the Go CLI's name counts as the column"
        );
        assert_eq!(offered("bogus,ow"), ["bogus,owner"]);
        assert_eq!(offered("last_used,la"), Vec::<String>::new());
        let after_created: Vec<String> = Column::names()
            .filter(|name| name != "created_at")
            .map(|name| format!("created_at,{name}"))
            .collect();
        assert_eq!(offered("created_at,"), after_created);
    }
}
