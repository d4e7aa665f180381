//! The words of the command line before clap reads them. The Go CLI's parser takes the
//! word after an option that needs a value as that value, whatever it looks like
//! (`-n -x` names a token `-x`, `--lifetime -1h` is a lifetime); clap takes a word that
//! starts with `-` for an option, and fails. The safe part of the Go CLI's rule is kept:
//! a value that starts with `-` is joined to its option (`--name=-x`) unless it is
//! itself an option of the command (`-n --lifetime 8h` still says `-n` lacks a value).

use std::ffi::OsString;

use clap::{Arg, Command};

/// `args` (the program name first) with each value that starts with `-`, and is not an
/// option of the command being parsed, joined to the option before it. `cmd` must be
/// built, so that global options and `--help` are known to every subcommand.
pub fn join_dash_values(cmd: &Command, args: Vec<OsString>) -> Vec<OsString> {
    let mut current = cmd;
    let mut out = Vec::with_capacity(args.len());
    let mut args = args.into_iter();
    out.extend(args.next());
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            out.push(arg);
            continue;
        };
        if text == "--" {
            out.push(arg);
            out.extend(args);
            break;
        }
        if let Some(option) = needs_value(current, text) {
            // The next word is the value: never a subcommand, and joined when it starts
            // with a dash but is no option.
            match args.next() {
                Some(value) if is_dash_value(current, &value) => {
                    let mut joined = OsString::from(format!("{option}="));
                    joined.push(value);
                    out.push(joined);
                }
                Some(value) => out.extend([arg, value]),
                None => out.push(arg),
            }
            continue;
        }
        if let Some(sub) = current.find_subcommand(text) {
            current = sub;
        }
        out.push(arg);
    }
    out
}

/// The option `word` names (`--name`, `--name=x`, `-n`, or one of their aliases), if
/// `cmd` has it.
pub fn option<'c>(cmd: &'c Command, word: &str) -> Option<&'c Arg> {
    if let Some(long) = word.strip_prefix("--") {
        return find_long(cmd, long.split('=').next().unwrap_or_default());
    }
    let mut chars = word.strip_prefix('-')?.chars();
    let (Some(short), None) = (chars.next(), chars.next()) else {
        return None;
    };
    find_short(cmd, short)
}

/// Whether the word after `word` is its value (see [`valued_by_next`]).
pub fn value_follows(cmd: &Command, word: &str) -> bool {
    valued_by_next(cmd, word).is_some()
}

/// The option `word` is, when the word after it is its value: written without `=`, it
/// takes a value other than after `=`. Unknown options are flags.
fn valued_by_next<'c>(cmd: &'c Command, word: &str) -> Option<&'c Arg> {
    if word.contains('=') {
        return None;
    }
    option(cmd, word).filter(|arg| arg.get_action().takes_values() && !arg.is_require_equals_set())
}

/// The option `word` is, spelled to take an attached value (`--name`, or `-n` when it
/// has no long name), when it needs a value in the next word.
fn needs_value(cmd: &Command, word: &str) -> Option<String> {
    let arg = valued_by_next(cmd, word)?;
    Some(match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => format!("-{}", arg.get_short()?),
    })
}

/// Whether `word` starts with `-` and is not an option of `cmd` (nor `--`).
fn is_dash_value(cmd: &Command, word: &OsString) -> bool {
    let Some(text) = word.to_str() else {
        return false;
    };
    if text == "-" || !text.starts_with('-') {
        return false;
    }
    if let Some(long) = text.strip_prefix("--") {
        let name = long.split('=').next().unwrap_or_default();
        return !name.is_empty() && find_long(cmd, name).is_none();
    }
    let first = text[1..].chars().next();
    first.is_none_or(|short| find_short(cmd, short).is_none())
}

fn find_long<'c>(cmd: &'c Command, name: &str) -> Option<&'c Arg> {
    cmd.get_arguments().find(|arg| {
        arg.get_long() == Some(name)
            || arg
                .get_all_aliases()
                .is_some_and(|aliases| aliases.contains(&name))
    })
}

fn find_short(cmd: &Command, short: char) -> Option<&Arg> {
    cmd.get_arguments().find(|arg| {
        arg.get_short() == Some(short)
            || arg
                .get_all_short_aliases()
                .is_some_and(|aliases| aliases.contains(&short))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use clap::ArgAction;

    /// A command line shaped like ours: global options, a Go-style boolean that takes
    /// its value only after `=`, subcommands with options of their own.
    fn command() -> Command {
        let boolean = |name: &'static str| {
            Arg::new(name)
                .long(name)
                .num_args(0..=1)
                .require_equals(true)
                .default_missing_value("true")
        };
        let value = |name: &'static str, short: char| Arg::new(name).long(name).short(short);
        Command::new("coder")
            .arg(Arg::new("url").long("url").global(true))
            .arg(boolean("verbose").short('v').global(true))
            .subcommand(
                Command::new("tokens")
                    .subcommand(
                        Command::new("create")
                            .arg(value("name", 'n'))
                            .arg(Arg::new("lifetime").long("lifetime"))
                            .arg(value("user", 'u')),
                    )
                    .subcommand(
                        Command::new("ls")
                            .arg(boolean("all").short('a'))
                            .arg(value("column", 'c').action(ArgAction::Append)),
                    ),
            )
            .subcommand(Command::new("login"))
    }

    fn joined(line: &[&str]) -> Vec<String> {
        let mut cmd = command();
        cmd.build();
        let args = line.iter().map(OsString::from).collect();
        join_dash_values(&cmd, args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn a_value_starting_with_a_dash_is_joined_to_its_option() {
        assert_eq!(
            joined(&["coder", "tokens", "create", "-n", "-x", "--lifetime", "-1h"]),
            ["coder", "tokens", "create", "--name=-x", "--lifetime=-1h"]
        );
        assert_eq!(
            joined(&["coder", "--url", "-u", "tokens", "ls", "-c", "--x"]),
            ["coder", "--url=-u", "tokens", "ls", "--column=--x"]
        );
    }

    #[test]
    fn an_option_after_an_option_is_left_for_clap_to_refuse() {
        for line in [
            &["coder", "tokens", "create", "-n", "--lifetime", "8h"][..],
            &["coder", "tokens", "create", "-n", "-v"],
            &["coder", "tokens", "create", "-n", "--help"],
            &["coder", "tokens", "create", "-n", "--url=x"],
            &["coder", "tokens", "create", "-n", "-u", "bob"],
            &["coder", "tokens", "create", "-n", "--"],
            &["coder", "tokens", "create", "--", "-n", "-x"],
        ] {
            assert_eq!(joined(line), *line, "{line:?}");
        }
    }

    #[test]
    fn values_are_never_subcommands_and_booleans_take_no_word() {
        assert_eq!(
            joined(&["coder", "--url", "tokens", "login", "-x"]),
            ["coder", "--url", "tokens", "login", "-x"]
        );
        assert_eq!(
            joined(&["coder", "tokens", "ls", "-a", "-x"]),
            ["coder", "tokens", "ls", "-a", "-x"]
        );
        assert_eq!(
            joined(&["coder", "tokens", "create", "--name=-x", "-n", "-"]),
            ["coder", "tokens", "create", "--name=-x", "-n", "-"]
        );
    }
}
