//! Formatting for people and scripts: tables, JSON, plain text, verbose request logs.
//! The only place that knows columns and shapes.

pub mod json;
pub mod table;
pub mod tokens;

use std::io::{self, Write};

use crate::client::{Event, is_sensitive};

/// Writes the command's result to stdout: all of `text`, flushed.
pub fn stdout(text: &str) -> anyhow::Result<()> {
    Ok(write_stdout(|out| out.write_all(text.as_bytes()))?)
}

/// Gives `write` a buffered stdout (large listings) and flushes it afterwards.
pub fn write_stdout(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    write(&mut out)?;
    out.flush()
}

/// Writes a line for the person at the terminal (progress, warnings) to stderr.
pub fn info(text: &str) {
    // Nothing sensible is left to do when stderr itself is gone.
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Writes a question to stderr, without a newline, before its answer is read.
pub fn ask(question: &str) {
    let mut err = io::stderr().lock();
    let _ = write!(err, "{question}");
    let _ = err.flush();
}

/// `key=value` with the value hidden when the key names a credential.
pub fn redact_header_text(raw: &str) -> String {
    match raw.split_once('=') {
        Some((key, _)) if is_sensitive(key) => format!("{key}=***"),
        Some(_) => raw.to_string(),
        None if is_sensitive(raw) => {
            format!("{}: ***", raw.split([':', ' ']).next().unwrap_or(""))
        }
        None if raw.len() > 40 => format!("{}…", raw.chars().take(12).collect::<String>()),
        None => raw.to_string(),
    }
}

/// The `-v` line for a client event. Credentials never appear: the session token and
/// any header whose name suggests a credential show as `***`.
pub fn verbose_line(event: &Event<'_>) -> String {
    match event {
        Event::Request {
            method,
            url,
            headers,
        } => {
            let mut line = format!("> {method} {url}");
            for (name, value) in headers.iter() {
                let shown = if value.is_sensitive() || is_sensitive(name.as_str()) {
                    "***"
                } else {
                    value.to_str().unwrap_or("<binary>")
                };
                line.push_str(&format!("\n>   {name}: {shown}"));
            }
            line
        }
        Event::Response { status, elapsed } => {
            format!("< {status} ({} ms)", elapsed.as_millis())
        }
        Event::Retry { wait, reason } => {
            format!("! retrying in {} ms: {reason}", wait.as_millis())
        }
        Event::EntitlementWarning(text) => format!("warning: {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_headers_are_redacted() {
        assert_eq!(
            redact_header_text("Authorization=Bearer x"),
            "Authorization=***"
        );
        assert_eq!(redact_header_text("X-Trace=1"), "X-Trace=1");
        let curl_style = redact_header_text("Authorization: Bearer s3cr3t");
        assert_eq!(curl_style, "Authorization: ***");
    }
}
