//! An interactive shell on a terminal of its own (a private tmux server), driven as a
//! person would: type, press TAB, read the command line as the screen shows it, press
//! Enter.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Env;

/// The prompt every shell started here shows.
pub const PROMPT: &str = "READY> ";

/// A shell running in a tmux session of its own; the tmux server (ours alone, on its
/// own socket) is killed when this is dropped.
pub struct Terminal<'e> {
    env: &'e Env,
    socket: PathBuf,
    envs: Vec<(String, std::ffi::OsString)>,
    /// How many TABs were pressed: each is followed by a marker of its own.
    tabs: std::cell::Cell<usize>,
    _dir: tempfile::TempDir,
}

impl<'e> Terminal<'e> {
    /// Starts `shell` (a command line) in `env`, with `envs` set, in the directory
    /// `cwd`, and waits for its first prompt. `None` (after a note) when tmux or the
    /// shell is not installed.
    pub fn start(
        env: &'e Env,
        shell: &str,
        envs: &[(&str, &OsStr)],
        cwd: &std::path::Path,
    ) -> Option<Terminal<'e>> {
        let program = shell.split_whitespace().next().unwrap_or(shell);
        for needed in ["tmux", program] {
            if !installed(needed) {
                eprintln!("note: {needed} is not installed; skipping this test");
                return None;
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let terminal = Terminal {
            env,
            socket: dir.path().join("tmux"),
            envs: envs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_os_string()))
                .collect(),
            tabs: std::cell::Cell::new(0),
            _dir: dir,
        };
        let cwd = cwd.to_str().unwrap();
        terminal.tmux(&[
            "new-session",
            "-d",
            "-x",
            "200",
            "-y",
            "30",
            "-c",
            cwd,
            shell,
        ]);
        terminal.wait_until("the first prompt", |screen| {
            screen.contains(PROMPT.trim_end())
        });
        Some(terminal)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let mut cmd = self.env.program("tmux");
        cmd.arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.envs {
            cmd.env(key, value);
        }
        let out = cmd.output().expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// What the screen shows, its trailing blank lines left out.
    pub fn screen(&self) -> String {
        let screen = self.tmux(&["capture-pane", "-p"]);
        screen.trim_end().to_string()
    }

    /// The line the cursor is on: the command line being edited.
    pub fn line(&self) -> String {
        let cursor = self.tmux(&["display-message", "-p", "#{cursor_y}"]);
        let row: usize = cursor.trim().parse().unwrap();
        let screen = self.tmux(&["capture-pane", "-p"]);
        let line = screen.lines().nth(row).unwrap_or_default();
        let line = line.strip_prefix(PROMPT.trim_end()).unwrap_or(line);
        line.strip_prefix(' ')
            .unwrap_or(line)
            .trim_end()
            .to_string()
    }

    /// Types `text` as it is.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Presses the keys tmux names (`Tab`, `Enter`, `C-u`).
    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Waits (at most 20 s) until `done` holds for the screen; fails saying `what`
    /// was awaited, with the screen.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited in vain for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `text`, presses TAB, and returns the command line once the shell has
    /// answered (a marker typed after the TAB, new each time, shows up after what was
    /// inserted), the line then cleared of the marker.
    pub fn complete(&self, text: &str) -> String {
        self.tabs.set(self.tabs.get() + 1);
        let mark = format!("@@{}", self.tabs.get());
        self.type_text(text);
        self.press(&["Tab"]);
        self.type_text(&mark);
        let line = self.line_ending_with(&mark);
        for _ in mark.chars() {
            self.press(&["BSpace"]);
        }
        line.strip_suffix(&mark).unwrap().to_string()
    }

    fn line_ending_with(&self, mark: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let line = self.line();
            if line.ends_with(mark) {
                return line;
            }
            assert!(
                Instant::now() < deadline,
                "the shell did not come back from TAB; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses Enter and waits for the next prompt.
    pub fn run_line(&self) -> String {
        let prompt = PROMPT.trim_end();
        let prompts = self.screen().matches(prompt).count();
        self.press(&["Enter"]);
        self.wait_until("the next prompt", |screen| {
            screen.matches(prompt).count() > prompts
        })
    }
}

impl Drop for Terminal<'_> {
    fn drop(&mut self) {
        let mut cmd = self.env.program("tmux");
        cmd.arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let _ = cmd.status();
    }
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("-c")
        .arg("exit 0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}
