//! Talking with the person at the terminal: questions, the hidden token prompt, the
//! browser, and a line from stdin when it is not a terminal.

use std::io::{BufRead, IsTerminal};

use anyhow::Result;

use crate::error::fail;
use crate::secret::Secret;
use crate::term;

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

/// The answer to a yes/no question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// No line at all: stdin was empty, or Ctrl-D at the terminal.
    Nothing,
}

/// Asks a yes/no question; only `y` or `yes` (any case) is a yes. At a terminal (or
/// as if at one: `--force-tty`) the question is asked and the person types the answer;
/// otherwise the first line of stdin is the answer, shown after the question so that a
/// log reads like the terminal would.
pub fn confirm(question: &str, terminal: bool) -> Result<Answer> {
    let asked = format!("{question} [y/N] ");
    if terminal {
        term::ask(&asked);
    }
    let line = read_line()?;
    if terminal && line.is_none() {
        // Ctrl-D: the question's line ends before the error.
        term::info("");
    }
    if !terminal {
        let shown = line.as_deref().map_or_else(
            || "(no answer: stdin is empty)".to_string(),
            |line| format!("{} (read from stdin)", term::visible(line.trim())),
        );
        term::info(&format!("{asked}{shown}"));
    }
    Ok(match line {
        None => Answer::Nothing,
        Some(line) if matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes") => {
            Answer::Yes
        }
        Some(_) => Answer::No,
    })
}

/// Reads a token at a hidden prompt. Interrupted (Ctrl-C, or SIGTERM), the terminal
/// gets its echo back before the process exits. When stdin is not a terminal (asked
/// for with `--force-tty`), the prompt is shown and the token is the next line of
/// stdin, as the Go CLI reads it; no line left is an error.
pub fn prompt_token() -> Result<Secret> {
    const PROMPT: &str = "Paste your token here: ";
    if !stdin_is_terminal() {
        term::ask(PROMPT);
        let Some(line) = read_line()? else {
            term::info("");
            return Err(fail(
                "no token given: stdin ended at the prompt",
                "pipe in a valid session token, one per line",
            ));
        };
        term::info("");
        return Ok(Secret::new(line.trim()));
    }
    #[cfg(unix)]
    let _restore = echo_guard::arm();
    let typed = rpassword::prompt_password(PROMPT).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            // Ctrl-D at the prompt: a choice, on a line of its own.
            term::end_prompt_line();
            return fail(
                "login cancelled: no token was pasted (end of input)",
                "run 'coder login <url>' again and paste the token, or pass it with --token",
            );
        }
        fail(
            format!("could not read the token: {e}"),
            "run in a terminal, or pass --token",
        )
    })?;
    Ok(Secret::new(typed.trim()))
}

/// Best effort: `$BROWSER`, else the platform's opener.
pub fn open_browser(target: &str) -> bool {
    let program = crate::env::var("BROWSER").unwrap_or_else(|| {
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

/// Puts the terminal back as it was when the hidden prompt is interrupted: a signal
/// would otherwise end the process with echo still off, and everything typed in that
/// terminal afterwards would be invisible.
#[cfg(unix)]
mod echo_guard {
    use std::sync::OnceLock;

    /// The terminal and its settings before the prompt (echo on), for the handler.
    static SAVED: OnceLock<(libc::c_int, libc::termios)> = OnceLock::new();

    /// The signal handlers in place before the prompt, put back when it ends.
    pub struct Guard {
        previous: [(libc::c_int, libc::sigaction); 4],
    }

    /// Restores the saved settings and exits as the signal would (128 + its number).
    /// Only async-signal-safe calls: `tcsetattr`, `write`, `_exit`.
    extern "C" fn restore_and_exit(signal: libc::c_int) {
        if let Some((fd, termios)) = SAVED.get() {
            // SAFETY: `termios` is a valid, initialised value for this terminal.
            unsafe {
                libc::tcsetattr(*fd, libc::TCSANOW, termios);
                libc::write(*fd, b"\n".as_ptr().cast(), 1);
            }
        }
        // SAFETY: `_exit` ends the process without running anything else.
        unsafe { libc::_exit(128 + signal) }
    }

    /// Saves the terminal's settings and installs the handlers; `None` without a
    /// terminal (then rpassword fails on its own).
    pub fn arm() -> Option<Guard> {
        if SAVED.get().is_none() {
            // SAFETY: a NUL-terminated path; the descriptor stays open for the process.
            let fd = unsafe { libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
            // SAFETY: an all-zero termios is a valid buffer for tcgetattr to fill.
            let mut termios: libc::termios = unsafe { std::mem::zeroed() };
            // SAFETY: `fd` is checked to be open; `termios` is a valid buffer.
            if fd < 0 || unsafe { libc::tcgetattr(fd, &mut termios) } != 0 {
                return None;
            }
            let _ = SAVED.set((fd, termios));
        }
        // Ctrl-C, Ctrl-\, `kill`, and the terminal going away.
        let signals = [libc::SIGINT, libc::SIGQUIT, libc::SIGTERM, libc::SIGHUP];
        let previous = signals.map(|signal| {
            // SAFETY: zeroed sigaction structs are valid; the handler only makes
            // async-signal-safe calls.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = restore_and_exit as *const () as libc::sighandler_t;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(signal, &action, &mut old);
                (signal, old)
            }
        });
        Some(Guard { previous })
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            for (signal, old) in &self.previous {
                // SAFETY: `old` is what sigaction returned for this signal.
                unsafe { libc::sigaction(*signal, old, std::ptr::null_mut()) };
            }
        }
    }
}
