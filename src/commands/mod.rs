//! Command orchestration: each module turns parsed arguments into calls on the
//! session, the client and the output formatters.

mod completion;
mod login;
mod man_pages;
mod terminal;
mod token_arg;
mod tokens;
mod version;

use std::time::Duration;

use anyhow::Result;
use clap::ArgMatches;

use crate::argv::LoginToken;
use crate::cli::{Cli, Command, LoginCommand, ManPagesArgs};
use crate::client::{Client, ClientConfig, Event, Observer};
use crate::output;
use crate::session::{self, Target};

/// Runs a parsed command line; `matches` tell where each value came from.
pub fn run(cli: Cli, matches: &ArgMatches) -> Result<()> {
    let context = Context {
        options: cli.global.session_options(matches),
        verbose: cli.global.verbose,
        feature_warnings: !cli.global.no_feature_warning,
    };
    match cli.command {
        Command::Tokens { command: None } => tokens::help(),
        Command::Tokens {
            command: Some(command),
        } => tokens::run(&context, command),
        Command::Login(args) => match args.command {
            Some(LoginCommand::Token) => login::token(&context),
            None => login::login(&context, &args),
        },
        Command::Logout(args) => login::logout(&context, &args),
        Command::Completion(args) => completion::run(&args),
    }
}

/// `coder --version`.
pub fn version() -> Result<()> {
    version::print()
}

/// The hidden `coder generate-man-pages DIR`.
pub fn man_pages(args: &ManPagesArgs) -> Result<()> {
    man_pages::write(args)
}

/// `coder login token` with its command line read without clap.
pub fn login_token(plain: LoginToken) -> Result<()> {
    let options = session::Options {
        url: plain.url.map(|value| session::Given {
            value,
            source: session::Source::Env,
        }),
        token: plain.token.map(|value| session::Given {
            value,
            source: session::Source::Env,
        }),
        config_dir: plain.config_dir,
        ..session::Options::default()
    };
    let context = Context {
        options,
        verbose: false,
        feature_warnings: true,
    };
    login::token(&context)
}

/// What every command is given: the session's options and how chatty to be.
struct Context {
    options: session::Options,
    verbose: bool,
    feature_warnings: bool,
}

/// Default limit for one HTTP request; `CODER_HTTP_TIMEOUT` overrides it.
const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(30);

impl Context {
    /// Prints verbose request lines (with `-v`) and entitlement warnings (unless
    /// `--no-feature-warning`) to stderr.
    fn observer(&self) -> Observer {
        let (verbose, warnings) = (self.verbose, self.feature_warnings);
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

    /// A client for `target`; `command` names the command in the User-Agent.
    fn client(&self, target: Target, command: &str) -> Result<Client> {
        Ok(Client::new(ClientConfig {
            url: target.url,
            token: target.token,
            headers: target.headers,
            command: format!("coder {command}"),
            timeout: session::timeout_from_env("CODER_HTTP_TIMEOUT", DEFAULT_HTTP_TIMEOUT)?,
            observer: Some(self.observer()),
        })?)
    }

    /// A client for the logged-in (or flag/env-configured) deployment.
    fn connect(&self, command: &str) -> Result<Client> {
        self.client(session::resolve(&self.options)?, command)
    }
}
