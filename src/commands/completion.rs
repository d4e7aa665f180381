//! `coder completion <shell>`.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use std::ffi::OsStr;
use std::time::Duration;

use clap::Parser;
use clap_complete::engine::CompletionCandidate;

use crate::cli::Cli;
use crate::client::types::TokensFilter;
use crate::client::{Client, ClientConfig};

/// The completion script for `shell`, as shipped in `completions/`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "coder", &mut out);
    out
}

pub fn run(shell: Shell) -> Result<()> {
    let script = script(shell);
    crate::output::write_stdout(|out| out.write_all(&script))?;
    Ok(())
}

/// How long completing token names may wait for the deployment: a slow deployment must
/// never stall the shell.
const COMPLETION_TIMEOUT: Duration = Duration::from_secs(2);

/// Names of the caller's tokens that start with `current`, for `tokens view` and
/// `tokens rm` (dynamic completion: `source <(COMPLETE=bash coder)`). The session comes
/// from the environment or the stored login; any failure completes nothing, silently.
pub fn complete_token_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else {
        return Vec::new();
    };
    // Parsing a fixed command line picks up the global options' environment variables.
    let Ok(cli) = Cli::try_parse_from(["coder", "tokens", "ls"]) else {
        return Vec::new();
    };
    let Ok(connection) = crate::session::connect(&cli.global) else {
        return Vec::new();
    };
    let Ok(client) = Client::new(ClientConfig {
        url: connection.url,
        token: connection.token,
        headers: connection.headers,
        command: "coder completion".into(),
        timeout: COMPLETION_TIMEOUT,
        observer: None,
    }) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let listed = super::block_on(client.tokens("me", TokensFilter::default(), &mut |key| {
        if key.token_name.starts_with(prefix) {
            names.push(
                CompletionCandidate::new(key.token_name.as_ref())
                    .help(Some(key.id.to_string().into())),
            );
        }
    }));
    match listed {
        Ok(Ok(())) => names,
        _ => Vec::new(),
    }
}
