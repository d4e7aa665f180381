//! Extra request headers: `--header`/`CODER_HEADER`, then `--header-command`.

use std::process::Command;

use anyhow::Result;
use url::Url;

use super::Options;
use crate::error::{CliError, fail, usage};
use crate::helper;
use crate::secret::mask;

/// Whether `c` may stand in a header name (an HTTP token).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// A header that is not `key=value` as an error may show it: the name it starts with
/// (masked when token-shaped, cut when long), and everything after it hidden, so that
/// curl's `Name: value`, with or without an `=` in the value, shows as `Name: ***`.
fn redact_header_text(raw: &str) -> String {
    let (name, rest) = raw.split_at(raw.find(|c| !is_name_char(c)).unwrap_or(raw.len()));
    let name = if name.len() > 40 {
        format!("{}…", name.chars().take(12).collect::<String>())
    } else {
        mask(name)
    };
    match rest.chars().next() {
        None => name,
        Some(':') => format!("{name}: ***"),
        Some(separator) => format!("{name}{separator}***"),
    }
}

/// Splits `key=value` at the first `=`; the key must be a header name.
pub fn parse_header(raw: &str) -> Result<(String, String)> {
    match raw.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() && key.trim().chars().all(is_name_char) => {
            Ok((key.trim().to_string(), value.to_string()))
        }
        _ => Err(usage(
            format!(
                "invalid header {:?}: expected key=value",
                redact_header_text(raw)
            ),
            "pass headers as --header 'X-Name=value', not curl's 'X-Name: value' (a name is \
             letters, digits and '-'; CODER_HEADER takes a comma-separated list)",
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
    fn only_the_name_of_a_bad_header_is_shown() {
        for (raw, shown) in [
            ("novalue", "novalue"),
            ("Authorization: Bearer s3cr3t", "Authorization: ***"),
            // curl's form, also with base64 padding (`=`) in its value.
            (
                "Authorization: Basic dXNlcjpwYTU1dzByZA==",
                "Authorization: ***",
            ),
            ("X-Api-Key: s3cr3tpass==", "X-Api-Key: ***"),
            ("X-Api-Key s3cr3tpass==", "X-Api-Key ***"),
            // A name left out (an unset variable) shows nothing of the value.
            ("=hunter2hunter2", "=***"),
            ("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J", "***"),
        ] {
            let err = parse_header(raw).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid header {shown:?}: expected key=value"),
                "{raw}"
            );
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::fuzz::{input, quoted};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn headers_split_at_the_first_equals_or_name_the_input(text in input("[ A-Za-z:-]{0,20}=?.{0,40}")) {
            match parse_header(&text) {
                Ok((key, value)) => {
                    let (raw_key, raw_value) = text.split_once('=').unwrap();
                    prop_assert_eq!(key, raw_key.trim());
                    prop_assert_eq!(value, raw_value);
                }
                Err(err) => {
                    // Named by the first characters of its name, unless they start a
                    // token-shaped run, which is masked instead; whatever follows the
                    // name is hidden.
                    let end = text.find(|c| !is_name_char(c)).unwrap_or(text.len());
                    let name: String = text[..end].chars().take(12).collect();
                    let message = err.to_string();
                    let named = message.contains(&quoted(&name));
                    let masked = message.starts_with("invalid header \"***")
                        && mask(&text[..end]).starts_with("***");
                    prop_assert!(named || masked, "{message}");
                    let hidden = end == text.len() || message.contains("***\": ");
                    prop_assert!(hidden, "{message}");
                }
            }
        }
    }
}
