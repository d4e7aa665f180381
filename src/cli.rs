//! Command-line definitions: declarations with their completers, and the one mapping of
//! the global options to the session's plain [`session::Options`]. No behaviour lives
//! here.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::builder::{EnumValueParser, StringValueParser, TypedValueParser};
use clap::parser::ValueSource;
use clap::{
    ArgAction, ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueHint,
};
use clap_complete::Shell;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

mod compat;

pub use compat::GoGlobals;

use crate::complete;
use crate::csv::{self, Fields};
use crate::output::format::{Column, CreateFormat, TableFormat};
use crate::secret::Secret;
use crate::session::{self, Given, Source};

/// Wraps a token given on the command line or in the environment.
fn secret(value: &str) -> Result<Secret, String> {
    Ok(Secret::new(value))
}

/// Go's bool flags, as a method that `#[arg(go_bool = (), value_parser = parse_bool)]`
/// calls: `--flag` alone is true, `--flag=false` (and the other values of
/// [`parse_bool`]) sets it, and the word after `--flag` is never its value. The parser
/// stays an attribute: the derive then builds no parser of its own for this method to
/// replace, and the flags are built exactly as before. A `bool` field also needs
/// `default_value = "false"`; an `Option<bool>` is `None` when the flag is not given.
/// Inlined: called, it cost 1.2 KB of binary a flag.
trait GoBool {
    fn go_bool(self, _: ()) -> Self;
}

impl GoBool for clap::Arg {
    #[inline(always)]
    fn go_bool(self, _: ()) -> Self {
        self.value_name("BOOL")
            .num_args(0..=1)
            .require_equals(true)
            .default_missing_value("true")
    }
}

/// Parses a boolean the way Coder's Go CLI does (Go's `strconv.ParseBool`), where an
/// empty value (`CODER_VERBOSE=`) counts as false.
pub fn parse_bool(value: &str) -> Result<bool, String> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "" | "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        other => Err(format!(
            "invalid boolean {other:?}; use true or false (1/0, t/f also work)"
        )),
    }
}

const AFTER_HELP: &str = "\
Every other command (coder ssh, coder start, coder config-ssh, ...) belongs to Coder's Go
CLI, and is run by it with the same arguments: the program CODER_GO_CLI names, else the
next 'coder' on PATH that is not this one.

Exit status: 0 success, 1 error, 2 usage error.";

/// Manage Coder personal access tokens and session tokens.
#[derive(Debug, Parser)]
#[command(
    name = "coder",
    version,
    about,
    after_help = AFTER_HELP,
    propagate_version = true,
    max_term_width = 100,
    // As Go's flags: a flag given again takes the later value (lists add up).
    args_override_self = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// `None` when the line names no command: the help is shown, as the Go CLI does.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command understands. A flag wins over its environment variable.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// URL of the Coder deployment
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_URL",
        global = true,
        value_name = "URL",
        value_hint = ValueHint::Other
    )]
    pub url: Option<String>,

    /// Session token to authenticate with (prefer setting CODER_SESSION_TOKEN)
    #[arg(
        long,
        env = "CODER_SESSION_TOKEN",
        global = true,
        value_name = "TOKEN",
        value_hint = ValueHint::Other,
        hide_env_values = true,
        value_parser = secret
    )]
    pub token: Option<Secret>,

    /// Directory holding the session and the deployment URL [default: <OS config dir>/coderv2]
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_CONFIG_DIR",
        global = true,
        value_name = "DIR",
        value_hint = ValueHint::DirPath,
        // Set but empty is not set, as in the Go CLI (clap's path parser refuses it).
        value_parser = clap::builder::TypedValueParser::map(clap::builder::OsStringValueParser::new(), PathBuf::from)
    )]
    pub global_config: Option<PathBuf>,

    /// Keep the session token in the OS keyring instead of a file
    #[arg(
        long,
        hide_env_values = true, env = "CODER_USE_KEYRING",
        global = true,
        go_bool = (),
        value_parser = parse_bool
    )]
    pub use_keyring: Option<bool>,

    /// Extra HTTP header sent with every request, as key=value (repeatable or a CSV list; CODER_HEADER's come first)
    #[arg(
        long,
        hide_env_values = true, env = HEADER_ENV,
        global = true,
        value_name = "KEY=VALUE",
        value_hint = ValueHint::Other,
        value_parser = header_parser(),
        action = ArgAction::Append
    )]
    pub header: Vec<Fields<String>>,

    /// Shell command whose output lines (key=value) are sent as extra headers
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_HEADER_COMMAND",
        global = true,
        value_name = "COMMAND",
        value_hint = ValueHint::CommandString
    )]
    pub header_command: Option<String>,

    /// Print each HTTP request and response status to stderr
    #[arg(
        short,
        long,
        hide_env_values = true, env = "CODER_VERBOSE",
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub verbose: bool,

    /// Accepted for compatibility; this client never warns about version differences
    #[arg(
        long,
        hide_env_values = true, env = "CODER_NO_VERSION_WARNING",
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub no_version_warning: bool,

    /// Do not print license and entitlement warnings sent by the deployment
    #[arg(
        long,
        hide_env_values = true, env = "CODER_NO_FEATURE_WARNING",
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub no_feature_warning: bool,

    #[command(flatten)]
    pub go: GoGlobals,
}

/// The hidden command that writes the man pages, `coder generate-man-pages DIR` (for
/// packaging). It is not declared in [`Command`], so the completion scripts and the
/// shell's completions, made from [`Cli`], never offer it; the help and the man pages
/// leave it out because it is hidden.
pub const GENERATE_MAN_PAGES: &str = "generate-man-pages";

/// The whole command line the parser reads: [`Cli`] and the hidden
/// [`GENERATE_MAN_PAGES`] command. The man pages are made from it, so every command and
/// option declared in [`Cli`] has its place in them.
pub fn parser_command() -> clap::Command {
    use clap::{Args as _, CommandFactory as _};
    let man_pages = ManPagesArgs::augment_args(clap::Command::new(GENERATE_MAN_PAGES))
        .about("Write coder.1 and a man page for each command into DIR")
        .hide(true);
    Cli::command().subcommand(man_pages)
}

#[derive(Debug, Args)]
pub struct ManPagesArgs {
    /// Directory to write the pages to (created when missing)
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,
}

/// The variable with extra headers, read before the `--header` flags.
const HEADER_ENV: &str = "CODER_HEADER";

/// Reads `--header` and `CODER_HEADER` values: each a CSV list of `key=value`.
fn header_parser() -> csv::ListParser<StringValueParser> {
    csv::secret_list(StringValueParser::new())
}

impl Cli {
    /// The command line `matches` (parsed by the root `command`) stand for.
    pub fn from_matches(command: &clap::Command, matches: &ArgMatches) -> Result<Cli, clap::Error> {
        let mut cli = Cli::from_arg_matches(matches)?;
        cli.global.add_env_headers(command, matches)?;
        Ok(cli)
    }
}

impl GlobalArgs {
    /// Puts `CODER_HEADER`'s headers before those of the `--header` flags, as the Go CLI
    /// reads both (clap reads the variable only when no flag is given). Unset or empty,
    /// it adds none.
    fn add_env_headers(
        &mut self,
        command: &clap::Command,
        matches: &ArgMatches,
    ) -> Result<(), clap::Error> {
        if matches.value_source("header") != Some(ValueSource::CommandLine) {
            return Ok(());
        }
        let Some(value) = crate::env::var_os(HEADER_ENV) else {
            return Ok(());
        };
        let arg = command.get_arguments().find(|arg| arg.get_id() == "header");
        let fields = header_parser().parse_ref(command, arg, &value)?;
        self.header.insert(0, fields);
        Ok(())
    }

    /// The session options, with where the URL and token came from (`matches` are the
    /// parsed command line these arguments were read from).
    pub fn session_options(&self, matches: &ArgMatches) -> session::Options {
        let source = |id: &str| match matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Source::Env,
            _ => Source::Flag,
        };
        session::Options {
            url: self.url.clone().map(|value| Given {
                value,
                source: source("url"),
            }),
            token: self.token.clone().map(|value| Given {
                value,
                source: source("token"),
            }),
            config_dir: self.global_config.clone(),
            use_keyring: self.use_keyring,
            headers: Fields::flatten(&self.header),
            header_command: self.header_command.clone(),
        }
    }
}

/// The session options of a command line that may be incomplete (`words`, the program
/// first), with the environment behind them as usual.
pub fn session_options_of(words: Vec<OsString>) -> Option<session::Options> {
    let command = Cli::command().ignore_errors(true);
    let matches = command.clone().try_get_matches_from(words).ok()?;
    let mut global = GlobalArgs::from_arg_matches(&matches).ok()?;
    global.add_env_headers(&command, &matches).ok()?;
    Some(global.session_options(&matches))
}

/// Completes the token names of `tokens view` and `tokens rm` from the deployment the
/// line being completed names (`--url`, `--token`, `--global-config`), else the
/// environment or the stored login.
fn complete_token_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let options = session_options_of(complete::line_words(std::env::args_os()));
    complete::token_names(current, options)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, inspect and revoke personal access tokens
    #[command(visible_alias = "token", after_help = TOKENS_EXAMPLES)]
    Tokens {
        #[command(subcommand)]
        command: Option<TokensCommand>,
    },
    /// Log in to a Coder deployment and remember the session
    Login(LoginArgs),
    /// End the session and forget the stored token
    Logout(LogoutArgs),
    /// Install shell completions for the detected or named shell, or print the script
    #[command(after_help = COMPLETION_PLACES)]
    Completion(CompletionArgs),
}

const COMPLETION_PLACES: &str = "\
Without --print, the script is installed when stdout is a terminal (running it again
changes nothing), and printed otherwise, as the Go CLI does; --print=false installs
even from a script:
  bash        DIR/completions/coder, which bash-completion loads; DIR is
              ${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-~/.local/share}/bash-completion}
  zsh         ~/.zfunc/_coder, and fpath=(~/.zfunc $fpath) in ${ZDOTDIR:-~}/.zshrc before
              compinit (or at its end, followed by compinit)
  fish        ${XDG_CONFIG_HOME:-~/.config}/fish/completions/coder.fish
  powershell  a line in $PROFILE that loads it (Linux, macOS:
              ~/.config/powershell/Microsoft.PowerShell_profile.ps1; Windows:
              Documents\\PowerShell\\Microsoft.PowerShell_profile.ps1)
  elvish      ${XDG_CONFIG_HOME:-~/.config}/elvish/lib/coder.elv, and 'use coder' in rc.elv
Each line added to a startup file follows a line \"# added by 'coder completion'\".

Examples:
  Install for the shell you use ($SHELL):
    $ coder completion
  Print the zsh script:
    $ coder completion --shell zsh --print";

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// Print the script for this shell (the same as --shell SHELL --print)
    #[arg(id = "shell_to_print", value_name = "SHELL", conflicts_with = "shell")]
    pub print_for: Option<Shell>,

    /// The shell to install (or print) completions for [default: the one $SHELL names]
    #[arg(short, long, value_name = "SHELL")]
    pub shell: Option<Shell>,

    /// Print the script instead of installing it [default: when stdout is not a terminal]
    #[arg(
        short,
        long,
        go_bool = (),
        value_parser = parse_bool
    )]
    pub print: Option<bool>,
}

const TOKENS_EXAMPLES: &str = "\
Examples:
  Create a token for automation:
    $ coder tokens create --name ci --lifetime 30d
  List your tokens:
    $ coder tokens ls
  Create a token that may only read workspaces:
    $ coder tokens create --name ro --scope workspace:read
  Expire a token by its ID:
    $ coder tokens rm 2bX4nT9kQa";

#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Create a token; prints the key, which is shown only once
    Create(CreateArgs),
    /// List tokens
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Show one token, by name or ID
    View(ViewArgs),
    /// Expire (or with --delete, delete) tokens by name, ID or full token
    #[command(visible_aliases = ["rm", "delete"])]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the token (the server picks one when omitted)
    #[arg(
        short,
        long,
        hide_env_values = true,
        env = "CODER_TOKEN_NAME",
        value_hint = ValueHint::Other
    )]
    pub name: Option<String>,

    /// How long the token lives, e.g. 8h, 30d, 1y, 1d12h30m [default: the deployment's maximum]
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_TOKEN_LIFETIME",
        value_name = "DURATION",
        value_hint = ValueHint::Other
    )]
    pub lifetime: Option<String>,

    /// Restrict the token to these scopes (repeatable or a CSV list)
    #[arg(
        long,
        value_name = "SCOPE",
        value_hint = ValueHint::Other,
        value_parser = csv::strings(),
        action = ArgAction::Append
    )]
    pub scope: Vec<Fields<String>>,

    /// Allow the token to reach only these resources, as <type>:<id> (repeatable or a CSV list)
    #[arg(
        long,
        value_name = "TYPE:ID",
        value_hint = ValueHint::Other,
        value_parser = csv::strings(),
        action = ArgAction::Append
    )]
    pub allow: Vec<Fields<String>>,

    /// Create the token for another user (owners only)
    #[arg(
        short,
        long,
        hide_env_values = true,
        env = "CODER_TOKEN_USER",
        default_value = "me",
        value_hint = ValueHint::Other
    )]
    pub user: String,

    /// Output format
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = CreateFormat::Text)]
    pub output: CreateFormat,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// List the tokens of every user you may see (adds the owner column)
    #[arg(
        short,
        long,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub all: bool,

    /// Include tokens that have expired
    #[arg(
        long,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub include_expired: bool,

    #[command(flatten)]
    pub format: TableFormatArgs,
}

#[derive(Debug, Args)]
pub struct ViewArgs {
    /// Token name or ID
    #[arg(
        id = "name_or_id",
        value_name = "NAME|ID",
        value_hint = ValueHint::Other,
        add = ArgValueCompleter::new(complete_token_names)
    )]
    pub token: String,

    #[command(flatten)]
    pub format: TableFormatArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Token names, IDs or full tokens
    #[arg(
        value_name = "NAME|ID|TOKEN",
        required = true,
        value_hint = ValueHint::Other,
        add = ArgValueCompleter::new(complete_token_names)
    )]
    pub tokens: Vec<String>,

    /// Delete the tokens for good instead of expiring them
    #[arg(
        long,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub delete: bool,
}

#[derive(Debug, Args)]
pub struct TableFormatArgs {
    /// Columns to show, in this order (repeatable or a CSV list)
    #[arg(
        short,
        long,
        value_name = "COLUMN",
        ignore_case = true,
        value_parser = csv::list(EnumValueParser::<Column>::new()),
        action = ArgAction::Append,
        add = ArgValueCompleter::new(complete::column_list)
    )]
    pub column: Vec<Fields<Column>>,

    /// Output format
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Table)]
    pub output: TableFormat,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[command(subcommand)]
    pub command: Option<LoginCommand>,

    /// Deployment URL (https:// is added when no scheme is given)
    #[arg(id = "deployment", value_name = "URL", value_hint = ValueHint::Other)]
    pub url: Option<String>,

    /// Store the given token itself instead of exchanging it for a new session
    #[arg(
        long,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub use_token_as_session: bool,
}

#[derive(Debug, Subcommand)]
pub enum LoginCommand {
    /// Print the stored session token (for scripts: export CODER_SESSION_TOKEN=$(coder login token))
    Token,
    /// Show who you are logged in as, where, with which token, and until when
    #[command(after_help = STATUS_EXAMPLES)]
    Status(StatusArgs),
}

const STATUS_EXAMPLES: &str = "\
Exit status: 0 when the deployment accepts the token; 1 when not logged in, when the token
is rejected or has expired, when the deployment cannot be reached, or when --valid-for is
not met.

Examples:
  Check the session before a long CI job:
    $ coder login status --valid-for 2h
  The user and the expiry for a script:
    $ coder login status -o json | jq -r '.user.username, .key.expires_at'";

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Also fail unless the token stays valid at least this long, e.g. 30m, 2h, 7d
    #[arg(long, value_name = "DURATION", value_hint = ValueHint::Other)]
    pub valid_for: Option<String>,

    /// Output format
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = CreateFormat::Text)]
    pub output: CreateFormat,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Do not ask for confirmation
    #[arg(
        short,
        long,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub yes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_being_completed_names_the_session() {
        let words = [
            "coder",
            "--url=https://prod.example.com",
            "tokens",
            "rm",
            "--global-config",
            "/tmp/elsewhere",
            "--token",
            "t0k",
            "ci",
        ];
        let options = session_options_of(words.map(OsString::from).to_vec()).unwrap();
        let url = options.url.expect("the URL on the line");
        assert_eq!(url.value, "https://prod.example.com");
        assert_eq!(url.source, Source::Flag);
        assert_eq!(options.config_dir, Some("/tmp/elsewhere".into()));
        assert_eq!(options.token.unwrap().value.expose(), "t0k");
    }

    #[test]
    fn token_names_and_columns_complete_where_they_are_defined() {
        let mut command = Cli::command();
        command.build();
        let tokens = command.find_subcommand("tokens").unwrap();
        for (sub, arg) in [
            ("view", "name_or_id"),
            ("view", "column"),
            ("list", "column"),
            ("remove", "tokens"),
        ] {
            let arg = tokens
                .find_subcommand(sub)
                .unwrap()
                .get_arguments()
                .find(|a| a.get_id() == arg)
                .unwrap();
            assert!(arg.get::<ArgValueCompleter>().is_some(), "{sub} {arg}");
        }
    }

    fn parse(line: &str) -> Cli {
        let words = std::iter::once("coder").chain(line.split_whitespace());
        Cli::try_parse_from(words).unwrap_or_else(|err| panic!("{line}: {err}"))
    }

    /// As Go's flags: a flag given again takes the later value and a list adds up (a
    /// wrapper passes its defaults, then "$@").
    #[test]
    fn a_repeated_flag_takes_the_later_value_and_lists_add_up() {
        let cli = parse(
            "tokens create --lifetime 720h --scope a --lifetime=1h -o json --scope b,c \
             -o text -n x -n y",
        );
        let Some(Command::Tokens {
            command: Some(TokensCommand::Create(create)),
        }) = cli.command
        else {
            panic!("not create: {:?}", cli.command);
        };
        assert_eq!(create.lifetime.as_deref(), Some("1h"));
        assert_eq!(create.name.as_deref(), Some("y"));
        assert_eq!(create.output, CreateFormat::Text);
        let scopes: Vec<_> = create.scope.iter().flat_map(|f| f.0.clone()).collect();
        assert_eq!(scopes, ["a", "b", "c"]);
        let cli = parse("--url https://a tokens ls -a -a --url=https://b");
        assert_eq!(cli.global.url.as_deref(), Some("https://b"));
    }

    /// Every bool takes Go's `--flag=true|false` too.
    #[test]
    fn every_bool_takes_a_go_style_value() {
        let cli = parse("logout --yes=false -y");
        assert!(matches!(
            cli.command,
            Some(Command::Logout(LogoutArgs { yes: true }))
        ));
        let cli = parse("logout -y --yes=false");
        assert!(matches!(
            cli.command,
            Some(Command::Logout(LogoutArgs { yes: false }))
        ));
        let cli = parse("tokens rm --delete=true --delete=false x");
        let Some(Command::Tokens {
            command: Some(TokensCommand::Remove(remove)),
        }) = cli.command
        else {
            panic!("not rm: {:?}", cli.command);
        };
        assert!(!remove.delete);
        let cli = parse("login https://a --use-token-as-session=true");
        let Some(Command::Login(login)) = cli.command else {
            panic!("not login: {:?}", cli.command);
        };
        assert!(login.use_token_as_session);
    }

    #[test]
    fn booleans_read_like_go_and_empty_is_false() {
        for (text, value) in [
            ("1", true),
            ("T", true),
            ("True", true),
            ("", false),
            ("f", false),
        ] {
            assert_eq!(parse_bool(text), Ok(value), "{text:?}");
        }
        assert!(parse_bool("yes").is_err());
    }

    /// Every flag takes Go's `--flag=false` (a plain clap switch refuses it), and only
    /// after `=`; the values are Go's (`f`, `0`, `T`).
    #[test]
    fn every_flag_is_a_go_bool() {
        fn every_arg(command: &clap::Command) -> Vec<&clap::Arg> {
            let below = command.get_subcommands().flat_map(every_arg);
            command.get_arguments().chain(below).collect()
        }
        let mut command = Cli::command();
        command.build();
        let args = every_arg(&command);
        let ours = args
            .iter()
            .filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version"));
        let mut seen = 0;
        for arg in ours {
            let id = arg.get_long().unwrap_or(arg.get_id().as_str());
            let switch = arg.get_num_args() == Some(0.into());
            assert!(!switch, "--{id} is a plain switch: give it go_bool = ()");
            if arg.get_value_names() == Some(&["BOOL".into()]) {
                assert!(arg.is_require_equals_set(), "{id}");
                assert_eq!(arg.get_num_args(), Some((0..=1).into()), "{id}");
                seen += 1;
            }
        }
        assert!(seen >= 16, "{seen}");
        let cli = parse("--force-tty=f --no-open -v=0 tokens ls --all=T");
        assert!(!cli.global.go.force_tty && cli.global.go.no_open && !cli.global.verbose);
        let Some(Command::Tokens {
            command: Some(TokensCommand::List(list)),
        }) = cli.command
        else {
            panic!("not ls: {:?}", cli.command);
        };
        assert!(list.all);
    }
}
