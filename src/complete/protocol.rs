//! The Go CLI's completion protocol, which the completion blocks `coder completion`
//! of the Go CLI installs speak: at every TAB the shell runs `COMPLETION_MODE=1 coder
//! <the words of the line>`, and the program prints the candidates for the last word,
//! one per line, unfiltered (the shell filters), and exits 0. No command runs.
//!
//! The answers follow serpent, the Go CLI's command framework: a word starting with
//! `-` gets the command's own options (`--name`) not set yet on the line or in the
//! environment (lists even when set); a word naming the command gets itself (the
//! shell then adds a space); after an option with choices (`--output`, `-c`, `--shell`),
//! or in its `--flag=` form, come the choices; otherwise the subcommand names, and the
//! token names where a token is expected (`tokens view`, `tokens rm`). Unlike serpent,
//! a short option (`-o`) is followed by its choices too, a list option's choices come
//! after the fields typed so far (`-c id,` offers `id,name`, …), the value of an
//! option without choices (`--url`) gets nothing rather than subcommand names, and
//! the pieces bash cuts `--flag=value` into (`--flag`, `=`, `value`) are read as the
//! flag and its value.

use std::ffi::{OsStr, OsString};

use clap::{Arg, Command};
use clap_complete::engine::ArgValueCompleter;

use crate::{argv, env, forward};

/// Whether the process was started to answer the Go CLI's completion protocol:
/// [`forward::COMPLETION_MODE`] is set (to any value).
pub fn asked() -> bool {
    std::env::var_os(forward::COMPLETION_MODE).is_some()
}

/// The line as the command would receive it: the pieces bash cut at `:` and `=`
/// (`--url https : //x`, which the Go CLI's bash block passes on) joined again, but for
/// the word being completed and the pieces glued to it, which [`answer`] reads as cut.
pub fn rejoined(args: &[OsString]) -> Vec<OsString> {
    super::words::joined_but_last(args.to_vec())
}

/// The candidates for the last of `args` (the program first, bash's pieces
/// [`rejoined`]), a line of this binary whose `cmd` is built; a positional argument's
/// own completer answers for it (and reads the line through [`super::line_words`]). At
/// the top level, the Go CLI's own answer is added, so that its commands are offered
/// beside these.
pub fn answer(cmd: &Command, args: &[OsString]) -> Vec<String> {
    let words: Vec<String> = args
        .iter()
        .skip(1)
        .map(|word| word.to_string_lossy().into_owned())
        .collect();
    let line = Line::read(cmd, &words);
    let mut candidates = line.candidates();
    if line.at_top && !line.in_value {
        candidates.extend(forward::ask(args));
        candidates.sort();
        candidates.dedup();
    }
    candidates
}

/// A line being completed, read as serpent reads it.
struct Line<'a> {
    /// The command the words lead to.
    command: &'a Command,
    /// Whether that is the top-level command.
    at_top: bool,
    /// The word before the last one, and the last one (being completed).
    prev: &'a str,
    current: &'a str,
    /// Every word but the last.
    before: &'a [String],
    /// Positional words after the command's name, before the last word.
    positionals: usize,
    /// Whether the last word is the value of the option before it.
    in_value: bool,
}

impl<'a> Line<'a> {
    fn read(cmd: &'a Command, words: &'a [String]) -> Line<'a> {
        let (current, before) = match words.split_last() {
            Some((current, before)) => (current.as_str(), before),
            None => ("", words),
        };
        // bash cuts `--flag=value` at the `=` (it is in COMP_WORDBREAKS), and the Go
        // CLI's bash block passes the pieces on: the value's flag is before the `=`.
        let prev = match before {
            [.., flag, eq] if eq == "=" && flag.starts_with("--") => flag.as_str(),
            [.., prev] => prev.as_str(),
            [] => "",
        };
        let mut command = cmd;
        let mut at_top = true;
        let mut descending = true;
        let mut positionals = 0;
        let mut in_value = false;
        let mut options_done = false;
        let mut skip_value = false;
        for (at, word) in words.iter().enumerate() {
            if std::mem::take(&mut skip_value) {
                continue;
            }
            if !options_done && word == "--" {
                options_done = true;
                continue;
            }
            if !options_done && word.starts_with('-') && word != "-" {
                skip_value = argv::value_follows(command, word);
                continue;
            }
            let child = command
                .find_subcommand(word)
                .filter(|_| descending && word != "help");
            match child {
                Some(child) => {
                    command = child;
                    at_top = false;
                }
                None => {
                    descending = false;
                    positionals += usize::from(at + 1 < words.len());
                }
            }
        }
        if !options_done && argv::value_follows(command, prev) && !current.starts_with('-') {
            in_value = true;
        }
        Line {
            command,
            at_top,
            prev,
            current,
            before,
            positionals,
            in_value,
        }
    }

    fn candidates(&self) -> Vec<String> {
        if let Some(found) = self.flag_word() {
            return found;
        }
        // After an option's value given with `=` (`--output=json`), nothing: serpent
        // finds no option named `output=json`.
        if !self.prev.contains('=')
            && let Some(arg) = argv::option(self.command, self.prev)
            && let Some(choices) = choices(arg, self.current)
        {
            return choices;
        }
        if self.in_value {
            return Vec::new();
        }
        if self.command.get_name() == self.current {
            return vec![self.current.to_string()];
        }
        // Unfiltered, as every answer: zsh and fish match them against the word as they
        // read it, which may be quoted on the line (`uniq\ m`).
        let mut found: Vec<String> = self
            .positional_completer()
            .map(|completer| completer.complete(OsStr::new("")))
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect();
        found.extend(self.defaults());
        found
    }

    /// serpent's answer for a last word `--flag=…` (the flag's choices in that form)
    /// or `--flag` (itself, when it is the command's own option).
    fn flag_word(&self) -> Option<Vec<String>> {
        let flag = self.current.strip_prefix("--")?;
        let (name, value) = flag.split_once('=').unwrap_or((flag, ""));
        let arg = argv::option(self.command, self.current);
        if flag.matches('=').count() == 1 {
            let choices = choices(arg?, value)?;
            return Some(
                choices
                    .into_iter()
                    .map(|choice| format!("--{name}={choice}"))
                    .collect(),
            );
        }
        arg.filter(|arg| self.is_own(arg))
            .map(|_| vec![self.current.to_string()])
    }

    /// The completer of the positional argument the last word would be (the token
    /// name of `tokens view` and `tokens rm`), when it has one and room for one more.
    fn positional_completer(&self) -> Option<&ArgValueCompleter> {
        self.command
            .get_positionals()
            .find(|arg| arg.get::<ArgValueCompleter>().is_some())
            .filter(|arg| {
                let most = arg.get_num_args().map_or(1, |range| range.max_values());
                self.positionals < most
            })?
            .get::<ArgValueCompleter>()
    }

    /// serpent's default: the command's own options for a word starting with `-`,
    /// else its subcommands.
    fn defaults(&self) -> Vec<String> {
        let mut found: Vec<String> = if self.current.starts_with('-') {
            self.command
                .get_arguments()
                .filter(|arg| self.is_own(arg) && (is_list(arg) || !self.is_set(arg)))
                .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
                .collect()
        } else {
            self.command
                .get_subcommands()
                .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
                .map(|sub| sub.get_name().to_string())
                .collect()
        };
        found.sort();
        found
    }

    /// Whether `arg` is the command's own option (at the top level: every global one;
    /// help and version are the top level's only).
    fn is_own(&self, arg: &Arg) -> bool {
        if arg.is_positional() || arg.get_long() == Some("help") {
            return false;
        }
        if self.at_top {
            return true;
        }
        !arg.is_global_set() && arg.get_long() != Some("version")
    }

    /// Whether `arg` was given on the line (before the last word) or in its
    /// environment variable.
    fn is_set(&self, arg: &Arg) -> bool {
        let by_env = arg.get_env().and_then(env::var_os).is_some();
        by_env
            || self.before.iter().any(|word| {
                argv::option(self.command, word).is_some_and(|o| o.get_id() == arg.get_id())
            })
    }
}

/// Whether `arg` may be given more than once, each adding to a list.
fn is_list(arg: &Arg) -> bool {
    matches!(arg.get_action(), clap::ArgAction::Append)
}

/// The choices for `arg`, when it has any; a list's after the fields of `typed` before
/// its last comma, but those already in it.
fn choices(arg: &Arg, typed: &str) -> Option<Vec<String>> {
    let values = arg.get_possible_values();
    if values.is_empty() {
        return None;
    }
    // A single value has no list typed before it: every choice is offered.
    let typed = if is_list(arg) { typed } else { "" };
    Some(super::list_choices(typed, &values))
}
