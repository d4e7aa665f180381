//! `coder`: a command-line client for Coder deployments that manages personal access
//! tokens and hands session tokens to scripts.
//!
//! Data flows one way: arguments (`cli`) → where the URL and token come from
//! (`session`) → the typed API (`client`) → formatting (`output`), orchestrated by
//! `commands`. Each module imports only the modules after it in this order, never one
//! before it, so there are no cycles (`tests/it/architecture.rs` checks it):
//!
//! `commands`, `complete` → `cli` → `session` → `runtime` → `error` → `output` →
//! `allow_list`, `argv`, `csv`, `duration` → `client` → `secret`, `memory`, `files`,
//! `ascii`.
//!
//! `output` and `error` are the only modules that write to the terminal.
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

mod allow_list;
mod argv;
mod ascii;
mod cli;
mod client;
mod commands;
mod complete;
mod csv;
mod duration;
mod error;
mod files;
#[cfg(test)]
mod fuzz;
mod memory;
mod output;
mod runtime;
mod secret;
mod session;

use std::ffi::OsString;

use clap::FromArgMatches;

/// Answers the shell's completion requests when the process was started for that
/// (`COMPLETE=<shell> coder …`) and exits; otherwise returns at once.
pub fn complete_if_asked() {
    complete::answer_if_asked();
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
    if let Some(plain) = argv::plain_login_token(&args, |name| std::env::var_os(name)) {
        return outcome(commands::login_token(plain), false);
    }
    let parse = |mut command: clap::Command| {
        command.build();
        let args = argv::join_dash_values(&command, args.clone());
        let matches = command.try_get_matches_from(args)?;
        Ok(match matches.subcommand() {
            Some((cli::GENERATE_MAN_PAGES, man_pages)) => {
                Parsed::ManPages(cli::ManPagesArgs::from_arg_matches(man_pages)?)
            }
            _ => Parsed::Command(Box::new(cli::Cli::from_arg_matches(&matches)?), matches),
        })
    };
    // A narrowed command line that fails says why with the whole one.
    let parsed: Result<Parsed, clap::Error> =
        parse(cli::command_for(&args)).or_else(|_| parse(cli::parser_command()));
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
        Err(err) => {
            // Help goes to stdout and succeeds; mistakes exit 2.
            let _ = err.print();
            if err.use_stderr() {
                error::ExitKind::Usage.code()
            } else {
                0
            }
        }
    }
}

/// A command line read by clap.
enum Parsed {
    Command(Box<cli::Cli>, clap::ArgMatches),
    ManPages(cli::ManPagesArgs),
}

/// The exit status of a command's `result`, its error reported.
fn outcome(result: anyhow::Result<()>, verbose: bool) -> u8 {
    match result {
        Ok(()) => 0,
        Err(err) if error::is_broken_pipe(&err) => 0,
        Err(err) => error::report(&err, verbose),
    }
}
