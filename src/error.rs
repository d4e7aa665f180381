//! Error kinds, their hints and exit statuses, and the one place errors are printed.

use std::ffi::OsString;
use std::fmt;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::client::ApiError;
use crate::env;
use crate::term::visible;

/// How a failed command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    /// Something went wrong while doing the work (exit 1).
    Failure,
    /// The command line itself was wrong (exit 2).
    Usage,
}

impl ExitKind {
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Failure => 1,
            ExitKind::Usage => 2,
        }
    }
}

/// An error with everything the user needs: what happened, details, and what to do.
#[derive(Debug, thiserror::Error)]
pub struct CliError {
    pub kind: ExitKind,
    pub message: String,
    pub details: Vec<String>,
    pub hint: Option<String>,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl CliError {
    pub fn failure(message: impl Into<String>) -> Self {
        CliError {
            kind: ExitKind::Failure,
            message: message.into(),
            details: Vec::new(),
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            kind: ExitKind::Usage,
            ..CliError::failure(message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.details.push(detail.into());
        self
    }
}

/// A command that reported each of its failures as it went (`tokens rm a b c`) ends
/// with this: a failure status and nothing more to say.
#[derive(Debug, thiserror::Error)]
#[error("{failed} of {total} failed")]
pub struct Reported {
    pub failed: usize,
    pub total: usize,
}

/// A reader that went away (`coder tokens ls | head -1`) is not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Shorthand for the common case of a failure with a hint.
pub fn fail(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    CliError::failure(message).with_hint(hint).into()
}

/// Shorthand for a usage error (exit 2) with a hint.
pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    CliError::usage(message).with_hint(hint).into()
}

/// The printable parts of an error, gathered from its chain.
struct Report {
    kind: ExitKind,
    line: String,
    details: Vec<String>,
    hint: Option<String>,
}

fn build_report(err: &anyhow::Error, verbose: bool) -> Report {
    let mut report = Report {
        kind: ExitKind::Failure,
        line: String::new(),
        details: Vec::new(),
        hint: None,
    };
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            parts.push(cli.message.clone());
            report.kind = cli.kind;
            report.details.extend(cli.details.iter().cloned());
            report.hint = cli.hint.clone();
            break;
        }
        if let Some(api) = cause.downcast_ref::<ApiError>() {
            parts.push(api.to_string());
            if api.is_usage() {
                report.kind = ExitKind::Usage;
            }
            report.details = api.details(verbose);
            report.hint = api.hint();
            break;
        }
        parts.push(cause.to_string());
        // anyhow's context layers carry only their own text; the source is the next link.
    }
    report.line = parts.join(": ");
    report
}

/// Reports a command line clap refused and returns the exit status: help and version
/// (on stdout) succeed, mistakes exit 2. A refused value that came from an
/// environment variable is reported naming the variable, which clap's message does
/// not (it names the flag, or for text that is not UTF-8, "arguments").
pub fn report_parse_error(command: &clap::Command, args: &[OsString], mut err: clap::Error) -> u8 {
    if let Some(env_error) = env_value_error(command, args, &err) {
        return report(&env_error.into(), false);
    }
    if err.get(ContextKind::Usage).is_some()
        && let Some(usage) = plain_usage(command, args)
    {
        err.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    }
    let _ = err.print();
    if err.use_stderr() {
        ExitKind::Usage.code()
    } else {
        0
    }
}

/// The usage line of the command `args` name, as its help shows it. clap's own line for
/// a missing or conflicting argument also lists every option given through the
/// environment, as if it were required (`coder tokens view --url <URL> --token <TOKEN>
/// <NAME|ID>` wherever CODER_URL and CODER_SESSION_TOKEN are set, as in CI).
fn plain_usage(command: &clap::Command, args: &[OsString]) -> Option<clap::builder::StyledStr> {
    fn lenient(command: clap::Command) -> clap::Command {
        command.ignore_errors(true).mut_subcommands(lenient)
    }
    let matches = lenient(command.clone()).try_get_matches_from(args).ok()?;
    let (mut named, mut at) = (command, &matches);
    while let Some((name, sub)) = at.subcommand() {
        named = named.find_subcommand(name)?;
        at = sub;
    }
    Some(named.clone().render_usage())
}

/// The error naming the environment variable behind a value clap refused, when the
/// value came from it: text that is not UTF-8 while the command line is, or the very
/// value the variable holds (clap reads a global option's variable at every
/// subcommand, even when the option is given as well).
fn env_value_error(
    command: &clap::Command,
    args: &[OsString],
    err: &clap::Error,
) -> Option<CliError> {
    let mut options = Vec::new();
    every_option(command, &mut options);
    let set = |arg: &&clap::Arg| {
        let name = arg.get_env()?;
        let value = env::var_os(name)?;
        Some((name.to_string_lossy().into_owned(), value))
    };
    match err.kind() {
        ErrorKind::InvalidUtf8 if args.iter().all(|arg| arg.to_str().is_some()) => {
            let (name, _) = options
                .iter()
                .filter_map(set)
                .find(|(_, value)| value.to_str().is_none())?;
            Some(
                CliError::usage(format!("{name} is not valid UTF-8 text"))
                    .with_hint(format!("set {name} to text, or unset it")),
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let context = |kind| match err.get(kind) {
                Some(ContextValue::String(text)) => Some(text.clone()),
                _ => None,
            };
            let (shown, refused) = (
                context(ContextKind::InvalidArg)?,
                context(ContextKind::InvalidValue)?,
            );
            let arg = options.iter().find(|arg| arg.to_string() == shown)?;
            let (name, value) = set(arg).filter(|(_, value)| *value == *refused)?;
            let why = match std::error::Error::source(err) {
                Some(source) => format!(": {source}"),
                None => String::new(),
            };
            let flag = arg.get_long().map_or(shown, |long| format!("--{long}"));
            Some(
                CliError::usage(format!(
                    "invalid value {:?} in {name} (the variable for {flag}){why}",
                    value.to_string_lossy()
                ))
                .with_hint(format!("correct {name}, or unset it")),
            )
        }
        _ => None,
    }
}

/// Every option of `command` and its subcommands.
fn every_option<'a>(command: &'a clap::Command, options: &mut Vec<&'a clap::Arg>) {
    options.extend(command.get_arguments());
    for sub in command.get_subcommands() {
        every_option(sub, options);
    }
}

/// Prints `error: …`, detail lines and a `hint:` line to stderr and returns the exit status.
pub fn report(err: &anyhow::Error, verbose: bool) -> u8 {
    if err.downcast_ref::<Reported>().is_some() {
        return ExitKind::Failure.code();
    }
    let report = build_report(err, verbose);
    // Messages carry the server's text: each line is made terminal-safe.
    let mut out = String::new();
    out.push_str("error: ");
    out.push_str(&visible(&report.line));
    out.push('\n');
    for detail in &report.details {
        out.push_str("  ");
        out.push_str(&visible(detail));
        out.push('\n');
    }
    if let Some(hint) = &report.hint {
        out.push_str("hint: ");
        out.push_str(&visible(hint));
        out.push('\n');
    }
    // Nothing sensible is left to do when stderr itself is gone.
    let _ = std::io::stderr().lock().write_all(out.as_bytes());
    report.kind.code()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn context_layers_prefix_the_typed_message_and_keep_its_hint() {
        let err: anyhow::Result<()> = Err(CliError::usage("bad value")
            .with_detail("first")
            .with_hint("do this")
            .into());
        let err = err.context("parse lifetime").unwrap_err();
        let report = build_report(&err, false);
        assert_eq!(report.line, "parse lifetime: bad value");
        assert_eq!(report.details, vec!["first".to_string()]);
        assert_eq!(report.hint.as_deref(), Some("do this"));
        assert_eq!(report.kind, ExitKind::Usage);
    }

    #[test]
    fn input_mistakes_the_client_finds_are_usage_errors() {
        let err = anyhow::Error::new(ApiError::HeaderName { name: "a b".into() });
        let report = build_report(&err, false);
        assert_eq!(report.kind, ExitKind::Usage);
        assert_eq!(report.line, "invalid header name \"a b\"");
        assert!(report.hint.is_some());
    }

    #[test]
    fn plain_errors_are_failures_without_hint() {
        let err = anyhow::anyhow!("boom").context("outer");
        let report = build_report(&err, false);
        assert_eq!(report.line, "outer: boom");
        assert_eq!(report.kind.code(), 1);
        assert!(report.hint.is_none());
    }
}
