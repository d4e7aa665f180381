//! Command orchestration: each module turns parsed arguments into calls on the
//! session, the client and the output formatters.

mod completion;
mod login;
mod man_pages;
mod status;
mod terminal;
mod token_arg;
mod tokens;
mod version;

use anyhow::Result;
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory};

use crate::cli::{Cli, Command, LoginCommand, ManPagesArgs};
use crate::client::{ApiError, Client, ClientConfig, Event, Observer};
use crate::error::usage;
use crate::secret::Secret;
use crate::session::{self, Target};
use crate::{duration, output, runtime, term};

/// Runs a parsed command line; `matches` tell where each value came from.
pub fn run(cli: Cli, matches: &ArgMatches) -> Result<()> {
    if cli.global.go.debug_options {
        return debug_options(matches);
    }
    let mut leaf = matches;
    while let Some((_, sub)) = leaf.subcommand() {
        leaf = sub;
    }
    let context = Context {
        options: cli.global.session_options(matches),
        verbose: cli.global.verbose,
        feature_warnings: !cli.global.no_feature_warning,
        given: leaf.clone(),
        force_tty: cli.global.go.force_tty,
        no_open: cli.global.go.no_open,
    };
    match cli.command {
        None => help(&[]),
        Some(Command::Tokens { command: None }) => help(&["tokens"]),
        Some(Command::Tokens {
            command: Some(command),
        }) => tokens::run(&context, command),
        Some(Command::Login(args)) => match args.command {
            Some(LoginCommand::Token) => login::token(&context),
            Some(LoginCommand::Status(args)) => status::status(&context, &args),
            None => login::login(&context, &args),
        },
        Some(Command::Logout(args)) => login::logout(&context, &args),
        Some(Command::Completion(args)) => completion::run(&args, context.stdout_is_terminal()),
    }
}

/// Prints the help of the command at `path` (the program itself when empty) to
/// stdout, for a line that names no command to run: it succeeds, as in the Go CLI.
fn help(path: &[&str]) -> Result<()> {
    let mut command = Cli::command();
    command.build();
    let shown = path.iter().fold(&mut command, |command, name| {
        command
            .find_subcommand_mut(name)
            .expect("the help is asked for a defined command")
    });
    output::stdout("the help", &format!("{}\n", shown.render_help()))
}

/// `coder --version`.
pub fn version() -> Result<()> {
    version::print()
}

/// The hidden `coder generate-man-pages DIR`.
pub fn man_pages(args: &ManPagesArgs) -> Result<()> {
    man_pages::write(args)
}

/// `--debug-options`, as the Go CLI has it: the command's own options and where each
/// value came from (`flag`, `env`, `default`, or nothing), and the command is not run.
fn debug_options(matches: &ArgMatches) -> Result<()> {
    let mut command = Cli::command();
    command.build();
    let (mut command, mut matches) = (&command, matches);
    while let Some((name, sub)) = matches.subcommand() {
        match command.find_subcommand(name) {
            Some(found) => (command, matches) = (found, sub),
            None => break,
        }
    }
    let mut rows: Vec<(&str, &str)> = command
        .get_arguments()
        .filter(|arg| !arg.is_global_set() && !arg.is_positional())
        .filter_map(|arg| {
            let long = arg
                .get_long()
                .filter(|l| !matches!(*l, "help" | "version"))?;
            let source = match matches.value_source(arg.get_id().as_str()) {
                Some(ValueSource::CommandLine) => "flag",
                Some(ValueSource::EnvVariable) => "env",
                Some(ValueSource::DefaultValue) => "default",
                _ => "",
            };
            Some((long, source))
        })
        .collect();
    rows.sort();
    output::stdout("the options table", &output::options_table(&rows))
}

/// What every command is given: the session's options, how chatty to be and how to
/// treat the terminal.
struct Context {
    options: session::Options,
    verbose: bool,
    feature_warnings: bool,
    /// The command's own arguments as parsed, to tell where a value came from.
    given: ArgMatches,
    /// `--force-tty`: prompt and open a browser as at a terminal.
    force_tty: bool,
    /// `--no-open`: never open a browser.
    no_open: bool,
}

/// Says where the session is kept when an explicit `--use-keyring` is overridden (see
/// [`session::keyring_note`]).
fn keyring_note(options: &session::Options) {
    if let Some(note) = session::keyring_note(options) {
        term::info(&note);
    }
}

/// A duration given to `flag` (`noun`, in the error) in the `--lifetime` syntax, in
/// nanoseconds. Text it cannot read is a usage error, and so is a duration of zero or
/// less (with `hint`).
fn positive_duration(flag: &str, noun: &str, text: &str, hint: &str) -> Result<i64> {
    let nanos = duration::parse_lifetime(text).map_err(|err| {
        usage(
            format!("invalid {flag}: {err}"),
            format!("accepted units: {}", duration::ACCEPTED_UNITS),
        )
    })?;
    if nanos <= 0 {
        return Err(usage(
            format!("invalid {flag} {text:?}: {noun} must be positive"),
            hint,
        ));
    }
    Ok(nanos)
}

impl Context {
    /// Whether a person answers on stdin: it is a terminal, or `--force-tty` says to
    /// act as if it were.
    fn stdin_is_terminal(&self) -> bool {
        self.force_tty || terminal::stdin_is_terminal()
    }

    /// Whether a person reads stdout: it is a terminal, or `--force-tty` says to act
    /// as if it were.
    fn stdout_is_terminal(&self) -> bool {
        self.force_tty || output::stdout_is_terminal()
    }

    /// How a message names the option `id` (`flag`): by its environment variable
    /// `env` when its value came from there.
    fn option_name(&self, id: &str, flag: &'static str, env: &'static str) -> &'static str {
        match self.given.value_source(id) {
            Some(clap::parser::ValueSource::EnvVariable) => env,
            _ => flag,
        }
    }

    /// Prints verbose request lines (with `-v`), entitlement warnings (unless
    /// `--no-feature-warning`) and the warning that a session token went out over plain
    /// HTTP before an upgrade to https, to stderr.
    fn observer(&self) -> Observer {
        let (verbose, warnings) = (self.verbose, self.feature_warnings);
        Box::new(move |event: &Event<'_>| {
            let show = match event {
                Event::EntitlementWarning(_) => warnings,
                // The session token went out unencrypted: always said.
                Event::Upgraded { token, .. } => *token,
                _ => verbose,
            };
            if show {
                term::info(&output::verbose_line(event));
            }
        })
    }

    /// A client for `target`; `command` names the command in the User-Agent. Keys that
    /// killed logins minted for this deployment are deleted there first.
    fn client(&self, target: Target, command: &str) -> Result<Client> {
        let timeout = session::http_timeout()?;
        let config = |token: Option<Secret>| ClientConfig {
            url: target.url.clone(),
            token,
            headers: target.headers.clone(),
            command: format!("coder {command}"),
            timeout,
            observer: Some(self.observer()),
        };
        for key in session::orphans_for(&self.options, &target.url)? {
            self.delete_orphan(config(Some(key.clone())), &key);
        }
        Ok(Client::new(config(target.token.clone()))?)
    }

    /// Deletes a session key that a login killed before saving it had minted (the key
    /// authenticates its own deletion, sent only to the deployment it belongs to), and
    /// says so; a key the deployment no longer knows is forgotten too. When the
    /// deployment cannot be asked now, the next command that talks to it tries again.
    /// A listed key without a key ID (cut short, or edited by hand) cannot be deleted
    /// anywhere: it is forgotten.
    fn delete_orphan(&self, config: ClientConfig, key: &Secret) {
        let url = config.url.as_str().trim_end_matches('/').to_string();
        let Some(id) = key.key_id() else {
            return self.forget_orphan(key);
        };
        let deleted = Client::new(config)
            .map_err(anyhow::Error::new)
            .and_then(|client| Ok(runtime::block_on(client.delete_key("me", id))??));
        let line = match &deleted {
            Ok(()) => format!(
                "note: deleted the session key {id} on {url}: a login that was interrupted \
                 before saving it had created it"
            ),
            Err(err) if is_gone(err) => format!(
                "note: the session key {id} that an interrupted login had created on {url} \
                 is no longer valid there"
            ),
            Err(err) => {
                term::info(&format!(
                    "warning: could not delete the session key {id} that an interrupted login \
                     had created on {url} ({}); the next command that talks to it tries again",
                    term::visible(&format!("{err:#}"))
                ));
                return;
            }
        };
        term::info(&line);
        self.forget_orphan(key);
    }

    /// Takes `key` off the list of keys to delete; a failure is a warning.
    fn forget_orphan(&self, key: &Secret) {
        if let Err(err) = session::forget_orphan(&self.options, key) {
            term::info(&format!("warning: {}", term::visible(&format!("{err:#}"))));
        }
    }

    /// A client for the logged-in (or flag/env-configured) deployment.
    fn connect(&self, command: &str) -> Result<Client> {
        let target = session::resolve(&self.options)?;
        keyring_note(&self.options);
        self.client(target, command)
    }
}

/// Whether deleting a key failed because the deployment no longer takes it.
fn is_gone(err: &anyhow::Error) -> bool {
    err.downcast_ref::<ApiError>()
        .and_then(ApiError::status)
        .is_some_and(|status| matches!(status, 401 | 404))
}
