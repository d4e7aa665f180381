//! `coder`: a command-line client for Coder deployments that manages personal access
//! tokens and hands session tokens to scripts.
//!
//! Data flows one way: arguments ([`cli`]) → where the URL and token come from
//! ([`session`]) → the typed API ([`client`]) → formatting ([`output`]).

pub mod allow_list;
pub mod cli;
pub mod client;
pub mod commands;
pub mod duration;
pub mod error;
pub mod output;
pub mod secret;
pub mod session;

use std::ffi::OsString;

use clap::Parser;

/// Parses `args`, runs the command and returns the exit status: 0 success, 1 error,
/// 2 usage error. Errors are printed to stderr.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout and succeed; mistakes exit 2.
            let _ = err.print();
            return if err.use_stderr() {
                error::ExitKind::Usage.code()
            } else {
                0
            };
        }
    };
    let verbose = cli.global.verbose;
    match commands::run(cli) {
        Ok(()) => 0,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => error::report(&err, verbose),
    }
}

/// A reader that went away (`coder tokens ls | head -1`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
