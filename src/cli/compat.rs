//! The Go CLI's global options that scripts pass to every command. Those that matter
//! here act (`--force-tty`, `--no-open`, `--debug-options`); the others are accepted
//! and change nothing, so that a command line written for the Go CLI keeps working.

use clap::Args;

use super::{GoBool as _, parse_bool, secret};
use crate::secret::Secret;

/// Accepted for compatibility with Coder's Go CLI.
#[derive(Debug, Clone, Args)]
pub struct GoGlobals {
    /// Behave as at a terminal: prompts are shown and read from stdin, a browser is
    /// opened for login, and `completion` installs instead of printing
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_FORCE_TTY",
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub force_tty: bool,

    /// Do not open a browser to fetch a token when logging in
    #[arg(
        long,
        hide_env_values = true,
        env = "CODER_NO_OPEN",
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub no_open: bool,

    /// Print the command's own options and where each value came from, then exit
    /// without running the command
    #[arg(
        long,
        global = true,
        go_bool = (),
        value_parser = parse_bool,
        default_value = "false"
    )]
    pub debug_options: bool,

    /// Accepted for compatibility; this client makes no workspace connections
    #[arg(
        long,
        hide = true,
        hide_env_values = true,
        env = "CODER_DISABLE_DIRECT_CONNECTIONS",
        global = true,
        go_bool = (),
        value_parser = parse_bool
    )]
    pub disable_direct_connections: Option<bool>,

    /// Accepted for compatibility; this client makes no workspace connections
    #[arg(
        long,
        hide = true,
        hide_env_values = true,
        env = "CODER_DISABLE_NETWORK_TELEMETRY",
        global = true,
        go_bool = (),
        value_parser = parse_bool
    )]
    pub disable_network_telemetry: Option<bool>,

    /// Accepted for compatibility; use -v to see requests
    #[arg(
        long,
        hide = true,
        global = true,
        go_bool = (),
        value_parser = parse_bool
    )]
    pub debug_http: Option<bool>,

    /// Accepted for compatibility; workspace agents use the Go CLI
    #[arg(long, hide = true, global = true, value_name = "TOKEN", value_parser = secret)]
    pub agent_token: Option<Secret>,

    /// Accepted for compatibility; workspace agents use the Go CLI
    #[arg(long, hide = true, global = true, value_name = "FILE")]
    pub agent_token_file: Option<String>,

    /// Accepted for compatibility; workspace agents use the Go CLI
    #[arg(long, hide = true, global = true, value_name = "URL")]
    pub agent_url: Option<String>,

    /// Accepted for compatibility; workspace agents use the Go CLI
    #[arg(long, hide = true, global = true, value_name = "TYPE")]
    pub auth: Option<String>,
}
