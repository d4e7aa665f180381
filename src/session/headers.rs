//! Extra request headers: `--header`/`CODER_HEADER`, then `--header-command`.

use std::process::Command;

use anyhow::Result;
use url::Url;

use super::Options;
use crate::error::{CliError, fail, usage};
use crate::helper;
use crate::secret::{is_sensitive, mask};

/// `key=value` as an error may show it: the value hidden when the key names a
/// credential, anything token-shaped masked, long text cut.
fn redact_header_text(raw: &str) -> String {
    match raw.split_once('=') {
        Some((key, _)) if is_sensitive(key) => format!("{key}=***"),
        Some(_) => mask(raw),
        None if is_sensitive(raw) => {
            format!("{}: ***", raw.split([':', ' ']).next().unwrap_or(""))
        }
        None if raw.len() > 40 => format!("{}…", raw.chars().take(12).collect::<String>()),
        None => mask(raw),
    }
}

/// Splits `key=value` at the first `=`.
pub fn parse_header(raw: &str) -> Result<(String, String)> {
    match raw.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_string(), value.to_string()))
        }
        _ => Err(usage(
            format!(
                "invalid header {:?}: expected key=value",
                redact_header_text(raw)
            ),
            "pass headers as --header 'X-Name=value' (CODER_HEADER takes a comma-separated list)",
        )),
    }
}

/// Headers from `--header`/`CODER_HEADER`, then from `--header-command`.
pub fn headers(options: &Options, url: &Url) -> Result<Vec<(String, String)>> {
    let mut headers = options
        .headers
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| parse_header(h))
        .collect::<Result<Vec<_>>>()?;
    if let Some(command) = options.header_command.as_deref().filter(|c| !c.is_empty()) {
        headers.extend(run_header_command(command, url)?);
    }
    Ok(headers)
}

/// The platform's shell running `command`: `sh -c` (Windows: `cmd.exe /c`).
fn shell(command: &str) -> Command {
    let (program, flag) = if cfg!(windows) {
        ("cmd.exe", "/c")
    } else {
        ("sh", "-c")
    };
    let mut cmd = Command::new(program);
    cmd.arg(flag).arg(command);
    cmd
}

/// Runs the header command under the request time limit (`CODER_HTTP_TIMEOUT`): past
/// it, the command is killed with everything it started.
fn run_header_command(command: &str, url: &Url) -> Result<Vec<(String, String)>> {
    let limit = super::http_timeout()?;
    let mut shell = shell(command);
    shell.env("CODER_URL", url.as_str().trim_end_matches('/'));
    let output = helper::run(shell, limit).map_err(|err| {
        fail(
            format!("could not run the header command: {err}"),
            "check --header-command / CODER_HEADER_COMMAND",
        )
    })?;
    let Some(output) = output else {
        return Err(fail(
            format!(
                "the header command timed out after {}s and was stopped",
                limit.as_secs_f64()
            ),
            "check --header-command / CODER_HEADER_COMMAND; CODER_HTTP_TIMEOUT (e.g. 60s) \
             sets how long it may take",
        ));
    };
    if !output.status.success() {
        return Err(command_failed(output.status, &output.stderr));
    }
    let stdout = String::from_utf8(output.stdout).map_err(|_| {
        fail(
            "the header command printed something that is not text",
            "print one key=value header per line",
        )
    })?;
    // Its output holds credentials: a line that is not a header is named by number only.
    stdout
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            parse_header(line.trim()).map_err(|_| {
                usage(
                    format!(
                        "line {} of the header command's output is not a key=value header",
                        n + 1
                    ),
                    "print one key=value header per line",
                )
            })
        })
        .collect()
}

/// The header command's exit status and at most the first line of its stderr, cut
/// short and with anything token-shaped masked (its output is never shown).
fn command_failed(status: std::process::ExitStatus, stderr: &[u8]) -> anyhow::Error {
    let stderr = String::from_utf8_lossy(stderr);
    let first: String = stderr
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(160)
        .collect();
    // Worded alike everywhere (Windows' own wording is "exit code: N").
    let ended = match status.code() {
        Some(code) => format!("exit status: {code}"),
        None => status.to_string(),
    };
    let mut err = CliError::failure(format!("the header command failed ({ended})"))
        .with_hint("check --header-command / CODER_HEADER_COMMAND");
    if !first.is_empty() {
        err = err.with_detail(format!("its stderr begins: {}", mask(&first)));
    }
    err.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_at_the_first_equals_sign() {
        assert_eq!(
            parse_header("X-A=b=c").unwrap(),
            ("X-A".to_string(), "b=c".to_string())
        );
        let err = parse_header("novalue").unwrap_err();
        assert!(err.to_string().contains("expected key=value"), "{err}");
    }

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

#[cfg(test)]
mod properties {
    use super::*;
    use crate::fuzz::{input, quoted};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn headers_split_at_the_first_equals_or_name_the_input(text in input("[ A-Za-z-]{0,20}=?.{0,40}")) {
            match parse_header(&text) {
                Ok((key, value)) => {
                    let (raw_key, raw_value) = text.split_once('=').unwrap();
                    prop_assert_eq!(key, raw_key.trim());
                    prop_assert_eq!(value, raw_value);
                }
                Err(err) => {
                    // Named by its first characters, up to where a value could begin;
                    // unless they start a token-shaped run, which is masked instead.
                    let name: String = text
                        .chars()
                        .take_while(|c| !matches!(c, ':' | ' ' | '='))
                        .take(12)
                        .collect();
                    let message = err.to_string();
                    let named = message.contains(&quoted(&name));
                    let masked = message.starts_with("invalid header \"***")
                        && mask(&text).starts_with("***");
                    prop_assert!(named || masked, "{message}");
                }
            }
        }
    }
}
