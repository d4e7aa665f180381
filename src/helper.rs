//! Helper programs (the header command), run under a time limit. On Unix each runs in
//! a process group of its own, and what kills it (the limit passing, or [`stop_all`]
//! from a caller that stops waiting) kills every program it started with it. On
//! Windows only the helper itself is killed: programs it started keep running.

use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

/// The helpers running now, for [`stop_all`].
static RUNNING: Mutex<Vec<Child>> = Mutex::new(Vec::new());

/// What a helper that ended in time printed, and how it ended.
pub struct Finished {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Runs `command` with stdin empty, its output collected, for at most `limit`; `None`
/// when it (or the output it left open) took longer, or was stopped by [`stop_all`]:
/// then it has been killed.
pub fn run(mut command: Command, limit: Duration) -> io::Result<Option<Finished>> {
    let deadline = Instant::now() + limit;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let id = child.id();
    running().push(child);
    let outcome = wait(id, deadline, &stdout, &stderr);
    let mut running = running();
    if let Some(at) = running.iter().position(|child| child.id() == id) {
        let mut child = running.swap_remove(at);
        if outcome.is_none() {
            kill(&mut child);
        }
        // Reaped, so that nothing is left behind.
        let _ = child.wait();
    }
    Ok(outcome)
}

/// Kills every helper still running, for a caller that stops waiting for them (the
/// completion time cap): none outlives the process that started it.
pub fn stop_all() {
    for child in running().iter_mut() {
        kill(child);
    }
}

fn running() -> MutexGuard<'static, Vec<Child>> {
    RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Kills the helper and, on Unix, its process group.
fn kill(child: &mut Child) {
    #[cfg(unix)]
    {
        let group = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
}

/// Reads a pipe to its end on a thread of its own; the bytes arrive on the channel.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sender.send(bytes);
    });
    receiver
}

/// Waits until the helper's output has ended and it has exited, or `deadline`.
fn wait(
    id: u32,
    deadline: Instant,
    stdout: &mpsc::Receiver<Vec<u8>>,
    stderr: &mpsc::Receiver<Vec<u8>>,
) -> Option<Finished> {
    let left = || deadline.saturating_duration_since(Instant::now());
    let stdout = stdout.recv_timeout(left()).ok()?;
    let stderr = stderr.recv_timeout(left()).ok()?;
    // The output ends when the helper exits, as a rule; one that closed it and goes
    // on is looked at until the deadline.
    let mut pause = Duration::from_millis(1);
    loop {
        let status = {
            let mut running = running();
            let child = running.iter_mut().find(|child| child.id() == id)?;
            child.try_wait().ok()?
        };
        if let Some(status) = status {
            return Some(Finished {
                status,
                stdout,
                stderr,
            });
        }
        if left().is_zero() {
            return None;
        }
        std::thread::sleep(pause.min(left()));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.arg("-c").arg(script);
        command
    }

    /// Whether a process with this ID still runs (a zombie does not).
    fn alive(pid: &str) -> bool {
        let out = Command::new("ps")
            .args(["-o", "stat=", "-p", pid.trim()])
            .output()
            .unwrap();
        let stat = String::from_utf8_lossy(&out.stdout);
        !stat.trim().is_empty() && !stat.trim().starts_with('Z')
    }

    #[test]
    fn a_helper_that_ends_in_time_gives_its_output_and_status() {
        let finished = run(sh("echo out; echo err >&2; exit 3"), Duration::from_secs(5))
            .unwrap()
            .expect("in time");
        assert_eq!(finished.stdout, b"out\n");
        assert_eq!(finished.stderr, b"err\n");
        assert_eq!(finished.status.code(), Some(3));
    }

    #[test]
    fn a_helper_past_its_limit_is_killed_with_what_it_started() {
        let tmp = tempfile::tempdir().unwrap();
        let pid_file = tmp.path().join("pid");
        let script = format!(
            "sleep 60 & echo $! > {}; sleep 60",
            pid_file.to_str().unwrap()
        );
        let started = Instant::now();
        let outcome = run(sh(&script), Duration::from_millis(300)).unwrap();
        assert!(outcome.is_none());
        assert!(started.elapsed() < Duration::from_secs(5));
        let grandchild = std::fs::read_to_string(&pid_file).unwrap();
        // Killed with the group.
        let gone = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            !alive(&grandchild)
        });
        assert!(gone, "the helper's own child {grandchild} still runs");
    }

    #[test]
    fn output_left_open_by_a_background_program_counts_against_the_limit() {
        let outcome = run(sh("echo X-A=1; sleep 60 &"), Duration::from_millis(300)).unwrap();
        assert!(outcome.is_none());
    }
}
