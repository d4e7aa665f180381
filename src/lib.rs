//! `coder`: a command-line client for Coder deployments that manages personal access
//! tokens and hands session tokens to scripts.
//!
//! Data flows one way: arguments (`cli`, with its completers from `complete`) → where
//! the URL and token come from (`session`) → the typed API (`client`) → formatting
//! (`output`), orchestrated by `commands`. The rules `tests/it/architecture.rs` checks:
//! `client` never prints nor reads the command line or the session store; `output`
//! shapes what it is given; `session` prints nothing (its notes are values); `cli`
//! declares and runs nothing; no module uses one that uses it. A command line whose
//! command this binary does not have is handed to Coder's Go CLI (`forward`), decided
//! from its words alone before anything else runs. `term` (terminal-safe text, widths,
//! a line on stderr, a question), `secret`, `files`, `csv`, `duration`, `argv`, `quote`
//! (words a shell takes literally) and `helper` (helper programs under a time limit)
//! are leaves everything may use.
//!
//! Only `term`, `output` and `error` write to the terminal.
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

mod allow_list;
mod argv;
mod cli;
mod client;
mod commands;
mod complete;
mod csv;
mod duration;
mod env;
mod error;
mod files;
mod forward;
#[cfg(test)]
mod fuzz;
mod helper;
mod output;
mod quote;
mod runtime;
mod secret;
mod session;
mod term;

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

/// Answers the shell's completion requests when the process was started for that
/// (`COMPLETE=<shell> coder …`) and exits; otherwise returns at once.
pub fn complete_if_asked() {
    complete::answer_if_asked(cli::Cli::command);
}

/// Parses `args`, runs the command and returns the exit status: 0 success, 1 error,
/// 2 usage error. Errors are printed to stderr.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let code = parse_and_run(args.into_iter().map(Into::into).collect());
    output::flush();
    code
}

fn parse_and_run(args: Vec<OsString>) -> u8 {
    let mut command = cli::parser_command();
    command.build();
    // The Go CLI's completion protocol runs no command of ours (and sends no request
    // but the token-name lookup).
    if complete::protocol::asked() {
        return answer_completion(&command, &args);
    }
    if !forward::is_ours(&command, &args) {
        let deployment =
            || cli::session_options_of(args.clone()).and_then(|o| session::known_url(&o));
        return match forward::run(&command, &args, deployment) {
            Ok(code) => code,
            Err(err) => outcome(Err(err), false),
        };
    }
    let args = argv::join_dash_values(&command, args);
    let parsed = command
        .try_get_matches_from_mut(args.iter().cloned())
        .and_then(|matches| {
            Ok(match matches.subcommand() {
                Some((cli::GENERATE_MAN_PAGES, man_pages)) => {
                    Parsed::ManPages(cli::ManPagesArgs::from_arg_matches(man_pages)?)
                }
                _ => Parsed::Command(
                    Box::new(cli::Cli::from_matches(&command, &matches)?),
                    matches,
                ),
            })
        });
    match parsed {
        Ok(Parsed::Command(cli, matches)) => {
            let verbose = cli.global.verbose;
            outcome(commands::run(*cli, &matches), verbose)
        }
        Ok(Parsed::ManPages(args)) => outcome(commands::man_pages(&args), false),
        // clap's own text is the bare version; ours names the commit too.
        Err(err) if err.kind() == clap::error::ErrorKind::DisplayVersion => {
            outcome(commands::version(), false)
        }
        // Help goes to stdout and succeeds; mistakes exit 2.
        Err(err) => error::report_parse_error(&command, &args, err),
    }
}

/// A command line read by clap.
enum Parsed {
    Command(Box<cli::Cli>, clap::ArgMatches),
    ManPages(cli::ManPagesArgs),
}

/// Answers `COMPLETION_MODE=1 coder <words…>` as the Go CLI does: for a line of ours
/// (or whose last word is the command being typed), the candidates for its last word,
/// one per line; any other line is the Go CLI's to answer, and without one nothing is
/// offered.
fn answer_completion(command: &clap::Command, args: &[OsString]) -> u8 {
    let line = complete::protocol::rejoined(args);
    // The command word itself being completed (`coder lo`) is ours to answer.
    let completing_command = forward::is_ours(command, &line[..line.len().saturating_sub(1)]);
    if !completing_command && !forward::is_ours(command, &line) {
        // The Go CLI gets the words as its own completion script passed them.
        return forward::run(command, args, || None).unwrap_or(0);
    }
    // Asked by a copy of this program (directly or through a wrapper), which has these
    // candidates already and wants the Go CLI's: the question is passed on in this
    // process, which the asker stops, with all it started, when it is late.
    if forward::run_by_a_forward()
        && let Ok(code) = forward::run(command, args, || None)
    {
        return code;
    }
    let candidates = complete::protocol::answer(command, &line);
    let mut text = String::new();
    for candidate in candidates {
        text.push_str(&candidate);
        text.push('\n');
    }
    outcome(output::stdout("the completion candidates", &text), false)
}

/// The exit status of a command's `result`, its error reported.
fn outcome(result: anyhow::Result<()>, verbose: bool) -> u8 {
    match result {
        Ok(()) => 0,
        Err(err) if error::is_broken_pipe(&err) => 0,
        Err(err) => error::report(&err, verbose),
    }
}
