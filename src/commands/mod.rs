//! Command orchestration: each module turns parsed arguments into calls on the
//! session, the client and the output formatters.

mod completion;

pub use completion::complete_token_names;
mod login;
mod tokens;

use std::future::Future;
use std::io::IsTerminal;
use std::time::Duration;

use anyhow::Result;

use crate::cli::{Cli, Command, GlobalArgs, LoginCommand};
use crate::client::{Client, ClientConfig, Event, Observer};
use crate::error::CliError;
use crate::output;
use crate::session::Connection;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let global = &cli.global;
    match cli.command {
        Command::Tokens { command: None } => tokens::help(),
        Command::Tokens {
            command: Some(command),
        } => tokens::run(global, command),
        Command::Login(args) => match args.command {
            Some(LoginCommand::Token) => login::token(global),
            None => login::login(global, &args),
        },
        Command::Logout(args) => login::logout(global, &args),
        Command::Completion { shell } => completion::run(shell),
    }
}

/// Default limit for one HTTP request; `CODER_HTTP_TIMEOUT` overrides it.
const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Prints verbose request lines (with `-v`) and entitlement warnings (unless
/// `--no-feature-warning`) to stderr.
fn observer(global: &GlobalArgs) -> Observer {
    let verbose = global.verbose;
    let warnings = !global.no_feature_warning;
    Box::new(move |event: &Event<'_>| {
        let show = match event {
            Event::EntitlementWarning(_) => warnings,
            _ => verbose,
        };
        if show {
            output::info(&output::verbose_line(event));
        }
    })
}

/// One client per process, for the resolved connection.
fn client_for(global: &GlobalArgs, connection: Connection, command: &str) -> Result<Client> {
    Ok(Client::new(ClientConfig {
        url: connection.url,
        token: connection.token,
        headers: connection.headers,
        command: format!("coder {command}"),
        timeout: crate::session::timeout_from_env("CODER_HTTP_TIMEOUT", DEFAULT_HTTP_TIMEOUT)?,
        observer: Some(observer(global)),
    })?)
}

/// A client for the logged-in (or flag/env-configured) deployment.
fn connect(global: &GlobalArgs, command: &str) -> Result<Client> {
    client_for(global, crate::session::connect(global)?, command)
}

/// Runs a future on a single-threaded runtime; only commands that talk HTTP start one.
fn block_on<F: Future>(future: F) -> Result<F::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| CliError::failure(format!("could not start the async runtime: {err}")))?;
    let output = runtime.block_on(future);
    // Do not wait for blocking work (a hung DNS lookup) past the request's time limit.
    runtime.shutdown_background();
    Ok(output)
}

fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}
