//! Talking with the person at the terminal: questions, the hidden token prompt, the
//! browser, and a line from stdin when it is not a terminal.

use std::io::{BufRead, IsTerminal};

use anyhow::Result;

use crate::error::fail;
use crate::output;
use crate::secret::Secret;

pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// One line from stdin, without its line ending; `None` when stdin is empty.
pub fn read_line() -> Result<Option<String>> {
    let mut line = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|err| {
            fail(
                format!("could not read from stdin: {err}"),
                "pipe in one line of text",
            )
        })?;
    Ok((read > 0).then(|| line.trim_end_matches(['\r', '\n']).to_string()))
}

/// Asks a yes/no question; only `y` or `yes` is a yes.
pub fn confirm(question: &str) -> Result<bool> {
    output::ask(&format!("{question} [y/N] "));
    let answer = read_line()?.unwrap_or_default();
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// Reads a token at a hidden prompt.
pub fn prompt_token() -> Result<Secret> {
    let typed = rpassword::prompt_password("Paste your token here: ").map_err(|e| {
        fail(
            format!("could not read the token: {e}"),
            "run in a terminal, or pass --token",
        )
    })?;
    Ok(Secret::new(typed.trim()))
}

/// Best effort: `$BROWSER`, else the platform's opener.
pub fn open_browser(target: &str) -> bool {
    let program = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else if cfg!(windows) {
                "explorer"
            } else {
                "xdg-open"
            }
            .to_string()
        });
    std::process::Command::new(program)
        .arg(target)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}
