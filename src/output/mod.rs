//! Formatting for people and scripts: tables, JSON, plain text, verbose request logs.
//! The only place that knows columns and shapes.

pub mod format;
pub mod json;
pub mod status;
pub mod table;
pub mod tokens;

use std::io::{self, IsTerminal, Write};

use crate::client::Event;
use crate::term::visible;

/// Writes the command's result to stdout: all of `text`, flushed. `what` names it
/// when it cannot be written (`the token list`).
pub fn stdout(what: &str, text: &str) -> anyhow::Result<()> {
    write_stdout(what, |out| out.write_all(text.as_bytes()))
}

/// Gives `write` a buffered stdout (large listings) and flushes it afterwards. A
/// failure names `what` could not be written; a reader that went away (`| head`)
/// stays the broken pipe it is.
pub fn write_stdout(
    what: &str,
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|err| anyhow::Error::new(err).context(format!("could not write {what} to stdout")))
}

/// Flushes what is left in stdout's buffer (clap's help, say) before the process ends.
pub fn flush() {
    let _ = io::stdout().flush();
}

/// Whether stdout is a terminal (a person reads it) rather than a pipe or a file.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// `--debug-options`' table, laid out as the Go CLI's tab writer lays it out: each
/// option name quoted, the first column padded to its widest cell plus four spaces.
pub fn options_table(rows: &[(&str, &str)]) -> String {
    let names: Vec<String> = rows.iter().map(|(name, _)| format!("{name:?}")).collect();
    let width = names.iter().map(String::len).chain([6]).max().unwrap_or(6) + 4;
    let mut out = format!("{:width$}Value Source\n", "Option");
    for (name, (_, source)) in names.iter().zip(rows) {
        out.push_str(&format!("{name:width$}{source}\n"));
    }
    out
}

/// The `-v` line for a client event. Header values never appear: the only headers the
/// client adds are the session token and the user's own, which may all be credentials.
pub fn verbose_line(event: &Event<'_>) -> String {
    match event {
        Event::Request {
            method,
            url,
            headers,
            proxy,
        } => {
            let mut line = format!("> {method} {url}");
            if let Some((proxy, variable)) = proxy {
                line.push_str(&format!(" (through the proxy {proxy}, from {variable})"));
            }
            for (name, _) in headers.iter() {
                line.push_str(&format!("\n>   {name}: ***"));
            }
            line
        }
        Event::Response { status, elapsed } => {
            format!("< {status} ({} ms)", elapsed.as_millis())
        }
        Event::Retry { wait, reason } => {
            format!("! retrying in {} ms: {}", wait.as_millis(), visible(reason))
        }
        Event::EntitlementWarning(text) => format!("warning: {}", visible(text)),
        Event::Upgraded { from, to, .. } => format!(
            "warning: {from} redirected to {to}: the session token was sent unencrypted \
             (plain HTTP) before the redirect\n  to stop this, use the https URL: coder login \
             {to} (or set CODER_URL to it)"
        ),
    }
}
