//! Living beside Coder's Go CLI: the commands this binary does not have run the Go CLI
//! (a stand-in here, which records what it got), the Go CLI's completion protocol is
//! answered without running anything, and `coder completion` takes the place of the
//! Go CLI's completion block.

#[cfg(unix)]
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
#[cfg(unix)]
use std::time::{Duration, Instant};

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::dropin::shell_home;
use crate::harness::{BIN, Env, Run, SESSION, run_command};

/// A directory for programs, put first on `PATH`.
pub struct Bin {
    pub dir: tempfile::TempDir,
}

impl Bin {
    pub fn new() -> Bin {
        Bin {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A subdirectory `name` holding `coder`: this binary, linked or copied (a copy of
    /// this program that is not a symbolic link to it).
    #[cfg(unix)]
    pub fn copy_of_us(&self, name: &str, symlink: bool) -> PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let to = dir.join("coder");
        if symlink {
            std::os::unix::fs::symlink(BIN, &to).unwrap();
            return to;
        }
        if std::fs::hard_link(BIN, &to).is_err() {
            std::fs::copy(BIN, &to).unwrap();
        }
        to
    }

    /// `PATH` with these subdirectories first, in this order, then `rest`.
    pub fn path(&self, dirs: &[&str], rest: Option<OsString>) -> OsString {
        let dirs = dirs.iter().map(|d| self.dir.path().join(d));
        std::env::join_paths(dirs.chain(rest.iter().flat_map(std::env::split_paths))).unwrap()
    }
}

/// A stand-in for the Go CLI in `bin`'s subdirectory `name`: a script that records its
/// arguments, environment and stdin in `record`, says `out`/`err` on its streams, and
/// exits 7; in completion mode it prints `ssh`, `start` and `tokens`. (It names the
/// programs it runs by their paths: tests give it a `PATH` without them.)
#[cfg(unix)]
pub fn stand_in(bin: &Bin, name: &str) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = bin.dir.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let record = bin.dir.path().join(format!("{name}-record"));
    std::fs::create_dir_all(&record).unwrap();
    let script = format!(
        r#"#!/bin/sh
r='{}'
printf '%s\0' "$@" > "$r/argv"
/usr/bin/env -0 > "$r/env"
/bin/cat > "$r/stdin"
if [ "${{COMPLETION_MODE+set}}" = set ]; then printf 'ssh\nstart\ntokens\n'; exit 0; fi
echo out; echo err >&2
exit 7
"#,
        record.display()
    );
    let path = dir.join("coder");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    (path, record)
}

/// What the stand-in recorded: its arguments, environment and stdin.
#[cfg(unix)]
struct Recorded {
    argv: Vec<String>,
    env: BTreeMap<String, String>,
    stdin: String,
}

#[cfg(unix)]
fn recorded(record: &Path) -> Recorded {
    let read = |name: &str| std::fs::read_to_string(record.join(name)).unwrap();
    let env = read("env")
        .split_terminator('\0')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Recorded {
        argv: read("argv")
            .split_terminator('\0')
            .map(str::to_string)
            .collect(),
        env,
        stdin: read("stdin"),
    }
}

/// Runs `program` (this binary, or a copy) with `args`, `PATH` set to `path`.
fn run_with_path(env: &Env, program: &Path, path: &OsStr, args: &[&str], stdin: &str) -> Run {
    let mut cmd = env.program(program.to_str().unwrap());
    cmd.args(args).env("PATH", path);
    run_command(cmd, stdin)
}

/// The environment a program gets, as a map, without what the shell running the
/// stand-in sets itself.
#[cfg(unix)]
fn comparable(mut env: BTreeMap<String, String>) -> BTreeMap<String, String> {
    for shell_own in ["_", "PWD", "OLDPWD", "SHLVL"] {
        env.remove(shell_own);
    }
    env
}

#[cfg(unix)]
#[test]
fn commands_of_the_go_cli_reach_it_unchanged_and_end_with_its_status() {
    let bin = Bin::new();
    let (go, record) = stand_in(&bin, "go");
    let path = bin.path(&["go"], std::env::var_os("PATH"));
    let env = Env::new();
    // What the stand-in sees when run directly.
    let direct = run_with_path(&env, &go, &path, &["direct"], "");
    direct.failure(7);
    let expected_env = comparable(recorded(&record).env);
    for line in [
        &["ssh", "my-ws", "--", "ls"][..],
        &["--url", "https://coder.example.com", "whoami", "-o", "json"],
        &["ssh", "--help"],
        &[
            "-v",
            "--header",
            "X-A=1",
            "--global-config=/elsewhere",
            "ssh",
        ],
        &["--force-tty", "port-forward", "ws", "--tcp", "8080"],
        &["help", "ssh"],
        &["tokens-and-more"],
    ] {
        let run = run_with_path(&env, Path::new(BIN), &path, line, "the input\n");
        run.failure(7);
        assert_eq!(run.stdout, "out\n", "{line:?}");
        assert_eq!(run.stderr, "err\n", "{line:?}");
        let got = recorded(&record);
        assert_eq!(got.argv, *line);
        assert_eq!(got.stdin, "the input\n");
        let mut got_env = comparable(got.env);
        for mark in ["CODER_RS_FORWARDED", "CODER_RS_FORWARDED_BY"] {
            assert!(
                got_env.remove(mark).is_some(),
                "the forward is marked: {mark}"
            );
        }
        assert_eq!(got_env, expected_env, "{line:?}");
    }
}

#[cfg(unix)]
#[test]
fn our_commands_and_help_stay_here() {
    let bin = Bin::new();
    let (_, record) = stand_in(&bin, "go");
    let path = bin.path(&["go"], std::env::var_os("PATH"));
    let env = Env::new();
    for line in [
        &["--help"][..],
        &["--version"],
        &["tokens", "--help"],
        &["token", "ls", "--help"],
        &["--url", "https://x", "login", "--help"],
        &["help"],
        &["help", "tokens"],
        &["completion", "--shell", "bash", "--print"],
        &["-v", "logout", "--help"],
    ] {
        let run = run_with_path(&env, Path::new(BIN), &path, line, "");
        run.success();
        assert!(!run.stdout.is_empty(), "{line:?}");
        assert!(!record.join("argv").exists(), "{line:?} reached the Go CLI");
    }
    let help = run_with_path(&env, Path::new(BIN), &path, &["--help"], "");
    assert!(
        help.stdout.contains("belongs to Coder's Go\nCLI") && help.stdout.contains("CODER_GO_CLI"),
        "{}",
        help.block()
    );
}

/// A login that sets up a deployment's first user (`--first-user-…` options or their
/// `CODER_FIRST_USER_…` variables, as compose files and CI scripts pass them) is the
/// Go CLI's: it gets the line unchanged. `login token` and `login status` stay here.
#[cfg(unix)]
#[test]
fn a_login_that_sets_up_the_first_user_goes_to_the_go_cli() {
    let bin = Bin::new();
    let (_, record) = stand_in(&bin, "go");
    let path = bin.path(&["go"], std::env::var_os("PATH"));
    let mut env = Env::new();
    let line = [
        "login",
        "http://127.0.0.1:9",
        "--first-user-username=admin",
        "--first-user-email",
        "admin@example.com",
        "--first-user-trial=false",
    ];
    run_with_path(&env, Path::new(BIN), &path, &line, "").failure(7);
    assert_eq!(recorded(&record).argv, line);
    env.var("CODER_FIRST_USER_EMAIL", "admin@example.com");
    run_with_path(
        &env,
        Path::new(BIN),
        &path,
        &["login", "http://127.0.0.1:9"],
        "",
    )
    .failure(7);
    assert_eq!(recorded(&record).argv, ["login", "http://127.0.0.1:9"]);
    std::fs::remove_file(record.join("argv")).unwrap();
    for line in [&["login", "token"][..], &["login", "status"]] {
        let run = run_with_path(&env, Path::new(BIN), &path, line, "");
        run.failure(1);
        assert!(run.stderr.contains("not logged in"), "{}", run.block());
    }
    assert!(
        !record.join("argv").exists(),
        "login token reached the Go CLI"
    );
    // An empty variable counts as unset; without a Go CLI, the error says whose work
    // it is.
    let mut env = Env::new();
    env.var("CODER_FIRST_USER_EMAIL", "");
    let run = run_with_path(&env, Path::new(BIN), &path, &["login"], "");
    run.failure(2);
    assert!(
        run.stderr.contains("no deployment URL given"),
        "{}",
        run.block()
    );
    assert!(!record.join("argv").exists(), "login reached the Go CLI");
    let no_go = bin.path(&[], None);
    let run = run_with_path(
        &env,
        Path::new(BIN),
        &no_go,
        &["login", "--first-user-trial"],
        "",
    );
    run.failure(1);
    assert!(
        run.stderr
            .starts_with("error: 'coder login' that sets up a deployment's first user"),
        "{}",
        run.block()
    );
}

/// The error without a Go CLI, for `coder ssh x` with `PATH` set to `path` and
/// `extra` before the command.
fn without_go(env: &Env, program: &Path, path: &OsStr, extra: &[&str]) -> Run {
    let args: Vec<&str> = extra.iter().copied().chain(["ssh", "x"]).collect();
    let run = run_with_path(env, program, path, &args, "");
    run.failure(1);
    assert_eq!(run.stdout, "");
    for needle in [
        "error: 'coder ssh' is not a command of this coder",
        "this coder has: tokens (token), login, logout, completion",
        "every other command belongs to Coder's Go CLI",
        "/install.sh | sh",
    ] {
        assert!(run.stderr.contains(needle), "{needle:?}:\n{}", run.block());
    }
    run
}

#[test]
fn without_a_go_cli_the_error_says_what_is_here_and_how_to_get_the_rest() {
    let bin = Bin::new();
    std::fs::create_dir_all(bin.dir.path().join("empty")).unwrap();
    let path = bin.path(&["empty"], None);
    let mut env = Env::new();
    let run = without_go(&env, Path::new(BIN), &path, &[]);
    assert!(
        run.stderr.contains("there is no other 'coder' on PATH")
            && run
                .stderr
                .contains("curl -fsSL https://<your deployment>/install.sh | sh"),
        "{}",
        run.block()
    );
    // The deployment, when one is known: stored, in the environment, on the line.
    env.login_files("https://stored.example.com", SESSION);
    let run = without_go(&env, Path::new(BIN), &path, &[]);
    assert!(
        run.stderr
            .contains("curl -fsSL https://stored.example.com/install.sh | sh"),
        "{}",
        run.block()
    );
    env.var("CODER_URL", "https://env.example.com/");
    let run = without_go(&env, Path::new(BIN), &path, &[]);
    assert!(
        run.stderr.contains("https://env.example.com/install.sh"),
        "{}",
        run.block()
    );
    let run = without_go(
        &env,
        Path::new(BIN),
        &path,
        &["--url", "https://flag.example.com"],
    );
    assert!(
        run.stderr.contains("https://flag.example.com/install.sh"),
        "{}",
        run.block()
    );
    // What is no deployment URL is not shown: credentials in one, or a token.
    for url in ["https://alice:s3cr3t@flag.example.com", SESSION] {
        let run = without_go(&env, Path::new(BIN), &path, &["--url", url]);
        assert!(
            !run.stderr.contains("s3cr3t")
                && !run.stderr.contains(SESSION)
                && run.stderr.contains("https://<your deployment>/install.sh"),
            "{}",
            run.block()
        );
    }
    // The script's address is the deployment's origin and path, without query or
    // fragment, and written as a shell takes it literally.
    for (url, script) in [
        (
            "https://h.example.com/sub/?x=1#f",
            "https://h.example.com/sub/install.sh",
        ),
        (
            "https://x.com/'; rm -rf ~; echo '",
            r"https://x.com/\'\;%20rm%20-rf%20\~\;%20echo%20\'/install.sh",
        ),
    ] {
        let run = without_go(&env, Path::new(BIN), &path, &["--url", url]);
        let hint = format!("hint: install the Go CLI with: curl -fsSL {script} | sh (or");
        assert!(run.stderr.contains(&hint), "{hint}\n{}", run.block());
    }
    // `coder help ssh` is about `ssh`.
    let run = run_with_path(&env, Path::new(BIN), &path, &["help", "ssh"], "");
    run.failure(1);
    assert!(
        run.stderr
            .starts_with("error: 'coder ssh' is not a command of this coder"),
        "{}",
        run.block()
    );
    // A CODER_GO_CLI that names nothing says so.
    env.var("CODER_GO_CLI", "/nonexistent/coder");
    let run = without_go(&env, Path::new(BIN), &path, &[]);
    assert!(
        run.stderr
            .contains("CODER_GO_CLI is /nonexistent/coder, which is no executable file"),
        "{}",
        run.block()
    );
}

#[cfg(unix)]
#[test]
fn copies_of_this_binary_on_path_never_run_each_other_in_a_loop() {
    let bin = Bin::new();
    let a = bin.copy_of_us("a", false);
    bin.copy_of_us("b", false);
    bin.copy_of_us("link", true);
    let (go, record) = stand_in(&bin, "go");
    let env = Env::new();
    // Two copies and a link, and nothing else: each is skipped once known, and the
    // search ends.
    let path = bin.path(&["a", "b", "link"], None);
    let started = Instant::now();
    let run = without_go(&env, &a, &path, &[]);
    assert!(
        run.stderr
            .contains("every 'coder' on PATH is this program, a copy of it or a wrapper around it"),
        "{}",
        run.block()
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(!record.join("argv").exists());
    // With the Go CLI after them, it is reached.
    let path = bin.path(&["a", "link", "b", "go"], None);
    let run = run_with_path(&env, &a, &path, &["ssh", "x"], "");
    run.failure(7);
    assert_eq!(recorded(&record).argv, ["ssh", "x"]);
    // A forward mark left by an earlier forward (the Go CLI passes its environment
    // on to what it starts) changes nothing.
    let mut marked = env.program(a.to_str().unwrap());
    marked
        .args(["ssh", "y"])
        .env("PATH", bin.path(&["a", "go"], None))
        .env("CODER_RS_FORWARDED", &go);
    run_command(marked, "").failure(7);
    assert_eq!(recorded(&record).argv, ["ssh", "y"]);
    // So does one naming this program too, left for what that Go CLI started (a
    // terminal in the editor `coder open vscode` opened): its forward was another
    // process than this one or its parent.
    let listed =
        std::env::join_paths([a.canonicalize().unwrap(), go.canonicalize().unwrap()]).unwrap();
    let mut left = env.program(a.to_str().unwrap());
    left.args(["ssh", "z"])
        .env("PATH", bin.path(&["a", "go"], None))
        .env("CODER_RS_FORWARDED", &listed)
        .env("CODER_RS_FORWARDED_BY", "1");
    run_command(left, "").failure(7);
    assert_eq!(recorded(&record).argv, ["ssh", "z"]);
    // CODER_GO_CLI naming a copy of this program is caught too.
    let mut named = env.program(a.to_str().unwrap());
    named
        .args(["ssh", "x"])
        .env("PATH", bin.path(&["a"], None))
        .env("CODER_GO_CLI", bin.dir.path().join("b/coder"));
    let run = run_command(named, "");
    run.failure(1);
    assert!(
        run.stderr.contains("which is this program, not the Go CLI"),
        "{}",
        run.block()
    );
}

#[cfg(unix)]
#[test]
fn coder_go_cli_names_the_go_cli_whatever_path_says() {
    let bin = Bin::new();
    let (go, record) = stand_in(&bin, "go");
    std::fs::create_dir_all(bin.dir.path().join("empty")).unwrap();
    let mut env = Env::new();
    env.var("CODER_GO_CLI", go.to_str().unwrap());
    let path = bin.path(&["empty"], None);
    let run = run_with_path(&env, Path::new(BIN), &path, &["start", "ws"], "");
    run.failure(7);
    assert_eq!(recorded(&record).argv, ["start", "ws"]);
}

/// A wrapper around this binary in `bin`'s subdirectory `name`, as an asdf shim, a nix
/// wrapper or a `~/bin/coder` script is: it `exec`s this binary with its arguments. It
/// notes each run in the file it returns, and gives up (exit 99) when run inside
/// itself ten times, so that a loop ends.
#[cfg(unix)]
fn wrapper_of_us(bin: &Bin, name: &str) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = bin.dir.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let runs = bin.dir.path().join(format!("{name}-runs"));
    let script = format!(
        r#"#!/bin/sh
echo run >> '{}'
n=${{WRAPPED:-0}}
[ "$n" -lt 10 ] || exit 99
WRAPPED=$((n + 1)) exec '{BIN}' "$@"
"#,
        runs.display()
    );
    let path = dir.join("coder");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    (path, runs)
}

/// How often the wrapper noting its runs in `runs` ran since the last call.
#[cfg(unix)]
fn runs_of(runs: &Path) -> usize {
    let count = std::fs::read_to_string(runs).map_or(0, |text| text.lines().count());
    let _ = std::fs::remove_file(runs);
    count
}

#[cfg(unix)]
#[test]
fn a_wrapper_that_runs_this_binary_is_skipped_once_it_has() {
    let bin = Bin::new();
    let (wrapper, runs) = wrapper_of_us(&bin, "w");
    let (_, record) = stand_in(&bin, "go");
    let env = Env::new();
    let started = Instant::now();
    // The wrapper first on `PATH`: the shell runs it, this binary's forward runs it
    // once more, and this binary then finds itself forwarded to and goes past it.
    let run = run_with_path(
        &env,
        &wrapper,
        &bin.path(&["w", "go"], None),
        &["ssh", "x"],
        "",
    );
    run.failure(7);
    assert_eq!(recorded(&record).argv, ["ssh", "x"]);
    assert_eq!(runs_of(&runs), 2);
    // Nothing after it: the search ends.
    let run = without_go(&env, &wrapper, &bin.path(&["w"], None), &[]);
    assert!(
        run.stderr.contains(&format!(
            "every 'coder' on PATH is this program, a copy of it or a wrapper around it: {}",
            wrapper.canonicalize().unwrap().display()
        )),
        "{}",
        run.block()
    );
    assert_eq!(runs_of(&runs), 2);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[cfg(unix)]
#[test]
fn completion_through_a_wrapper_of_this_binary_reaches_the_go_cli() {
    let bin = Bin::new();
    let (wrapper, runs) = wrapper_of_us(&bin, "w");
    stand_in(&bin, "go");
    let path = bin.path(&["w", "go"], None);
    let mut env = Env::new();
    // The Go CLI's completion block runs the wrapper; asked for the Go CLI's commands,
    // this binary runs the wrapper again, which passes the question on to the Go CLI.
    let mut cmd = env.program(wrapper.to_str().unwrap());
    cmd.arg("").env("COMPLETION_MODE", "1").env("PATH", &path);
    let run = run_command(cmd, "");
    run.success();
    assert_eq!(
        run.stdout,
        "completion\nlogin\nlogout\nssh\nstart\ntokens\n",
        "{}",
        run.block()
    );
    assert_eq!(runs_of(&runs), 2);
    // This binary's own completion too.
    env.var("PATH", path.to_str().unwrap());
    let (run, _) = crate::completions::dynamic_completions(&env, "bash", &["coder", "s"]);
    run.success();
    let offered: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(offered, ["ssh", "start"], "{}", run.block());
    assert_eq!(runs_of(&runs), 1);
}

/// A Go CLI that does not answer in time is stopped with what it started, also when it
/// was reached through a wrapper of this binary.
#[cfg(unix)]
#[test]
fn a_hung_go_cli_asked_through_a_wrapper_is_stopped_with_what_it_started() {
    use std::os::unix::fs::PermissionsExt;
    let bin = Bin::new();
    wrapper_of_us(&bin, "w");
    let hung = bin.dir.path().join("hung");
    std::fs::create_dir_all(&hung).unwrap();
    let pids = bin.dir.path().join("pids");
    let script = format!("#!/bin/sh\n{}\n", crate::faults::hung_script(&pids));
    std::fs::write(hung.join("coder"), script).unwrap();
    std::fs::set_permissions(hung.join("coder"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let env = Env::new();
    let started = Instant::now();
    let lines = protocol(
        &env,
        &bin.path(&["w", "hung"], std::env::var_os("PATH")),
        &[""],
    );
    assert_eq!(lines, ["completion", "login", "logout", "tokens"]);
    assert!(started.elapsed() < Duration::from_secs(5));
    crate::faults::assert_all_stopped(&pids);
}

#[cfg(unix)]
#[test]
fn version_names_the_go_cli_other_commands_go_to() {
    let bin = Bin::new();
    let (go, _) = stand_in(&bin, "go");
    std::fs::create_dir_all(bin.dir.path().join("empty")).unwrap();
    let env = Env::new();
    let version = |path: &OsStr| {
        let run = run_with_path(&env, Path::new(BIN), path, &["--version"], "");
        run.success();
        run.stdout.lines().nth(1).unwrap_or_default().to_string()
    };
    assert_eq!(
        version(&bin.path(&["go"], None)),
        format!(
            "other commands: the Go CLI at {}",
            go.canonicalize().unwrap().display()
        )
    );
    assert_eq!(
        version(&bin.path(&["empty"], None)),
        "other commands: no Go CLI found (CODER_GO_CLI, PATH)"
    );
    // CODER_GO_CLI naming a file that cannot be run names no Go CLI, as on PATH.
    let not_executable = bin.dir.path().join("not-executable");
    std::fs::write(&not_executable, "#!/bin/sh\n").unwrap();
    let mut named = env.program(BIN);
    named
        .arg("--version")
        .env("PATH", bin.path(&["empty"], None))
        .env("CODER_GO_CLI", &not_executable);
    let run = run_command(named, "");
    run.success();
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("other commands: no Go CLI found (CODER_GO_CLI, PATH)")
    );
    let mut named = env.program(BIN);
    named
        .args(["ssh", "x"])
        .env("PATH", bin.path(&["empty"], None))
        .env("CODER_GO_CLI", &not_executable);
    let run = run_command(named, "");
    run.failure(1);
    assert!(
        run.stderr.contains(&format!(
            "CODER_GO_CLI is {}, which is no executable file",
            not_executable.display()
        )),
        "{}",
        run.block()
    );
}

// --- The Go CLI's completion protocol ------------------------------------------------------

/// `COMPLETION_MODE=1 coder <words>` in `env`, with `PATH` set to `path`: its lines.
fn protocol(env: &Env, path: &OsStr, words: &[&str]) -> Vec<String> {
    let mut cmd = env.command(words);
    cmd.env("COMPLETION_MODE", "1").env("PATH", path);
    let run = run_command(cmd, "");
    run.success();
    assert_eq!(run.stderr, "", "{words:?}");
    run.stdout.lines().map(str::to_string).collect()
}

#[test]
fn the_completion_protocol_is_answered_as_the_go_cli_answers_it() {
    let bin = Bin::new();
    std::fs::create_dir_all(bin.dir.path().join("empty")).unwrap();
    let path = bin.path(&["empty"], None);
    let mut env = Env::new();
    // After `id,` every column but `id`, which is in the list already.
    let columns: Vec<String> = crate::dropin::COLUMNS[1..]
        .iter()
        .map(|c| format!("id,{c}"))
        .collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let cases: &[(&[&str], &[&str])] = &[
        (&[""], &["completion", "login", "logout", "tokens"]),
        (&["lo"], &["completion", "login", "logout", "tokens"]),
        (&["tokens"], &["tokens"]),
        (&["tokens", ""], &["create", "list", "remove", "view"]),
        (&["token", ""], &["create", "list", "remove", "view"]),
        (
            &["tokens", "list", "-"],
            &["--all", "--column", "--include-expired", "--output"],
        ),
        (&["tokens", "list", "--output", ""], &["table", "json"]),
        (&["tokens", "list", "-o", "j"], &["table", "json"]),
        // bash's pieces of `--output=j`, as the Go CLI's bash block passes them.
        (
            &["tokens", "list", "--output", "=", "j"],
            &["table", "json"],
        ),
        (
            &["tokens", "list", "--output="],
            &["--output=table", "--output=json"],
        ),
        (&["tokens", "view", "x", "-c", "id,"], &columns),
        (&["tokens", "create", "--output", ""], &["text", "json"]),
        (&["login", ""], &["status", "token"]),
        (&["login", "status", "-"], &["--output", "--valid-for"]),
        (&["login", "status", "-o", ""], &["text", "json"]),
        (&["login", "-"], &["--use-token-as-session"]),
        (&["logout", "-"], &["--yes"]),
        (&["completion", "-"], &["--print", "--shell"]),
        (
            &["completion", "--shell", ""],
            &["bash", "elvish", "fish", "powershell", "zsh"],
        ),
        (
            &["tokens", "create", "--name", "x", "-"],
            &["--allow", "--lifetime", "--output", "--scope", "--user"],
        ),
        (
            &["tokens", "create", "--scope", "a", "-n", "x", "-"],
            &["--allow", "--lifetime", "--output", "--scope", "--user"],
        ),
        (&["tokens", "create", "--name"], &["--name"]),
        // bash's pieces of `--url https://x`: the line is still ours.
        (
            &["--url", "https", ":", "//x", "tokens", ""],
            &["create", "list", "remove", "view"],
        ),
        (
            &[
                "tokens", "list", "--url", "http", ":", "//h", ":", "80", "-o", "",
            ],
            &["table", "json"],
        ),
        (&["tokens", "--url", ""], &[]),
        (&["--url", ""], &[]),
        (&["tokens", "list", "--all", ""], &[]),
        // A value given with `=` is not offered again for the next word.
        (&["tokens", "list", "--output=json", ""], &[]),
        (&["tokens", "list", "--column=id", ""], &[]),
        (&["tokens", "list", "--output", "=", "json", ""], &[]),
    ];
    for (words, expected) in cases {
        assert_eq!(protocol(&env, &path, words), *expected, "{words:?}");
    }
    let top = protocol(&env, &path, &["-"]);
    for flag in ["--url", "--token", "--force-tty", "--no-open", "--version"] {
        assert!(top.contains(&flag.to_string()), "{flag}: {top:?}");
    }
    assert!(!top.contains(&"--help".to_string()), "{top:?}");
    // A column already in the list, by either name, is not offered again.
    let rest: Vec<String> = crate::dropin::COLUMNS
        .iter()
        .filter(|c| !["last_used", "expires_at"].contains(c))
        .map(|c| format!(r#"--column="Last Used",expires_at,{c}"#))
        .collect();
    assert_eq!(
        protocol(
            &env,
            &path,
            &["tokens", "list", r#"--column="Last Used",expires_at,"#]
        ),
        rest
    );
    // An option set in the environment is not offered again.
    env.var("CODER_TOKEN_NAME", "ci");
    let create = protocol(&env, &path, &["tokens", "create", "-"]);
    assert!(!create.contains(&"--name".to_string()), "{create:?}");
    assert!(create.contains(&"--lifetime".to_string()), "{create:?}");
}

#[cfg(unix)]
#[test]
fn completing_a_go_cli_command_asks_the_go_cli_with_completion_mode_kept() {
    let bin = Bin::new();
    let (_, record) = stand_in(&bin, "go");
    let env = Env::new();
    let path = bin.path(&["go"], None);
    let mut cmd = env.command(&["ssh", ""]);
    cmd.env("COMPLETION_MODE", "kept").env("PATH", &path);
    let run = run_command(cmd, "");
    run.success();
    assert_eq!(run.stdout, "ssh\nstart\ntokens\n");
    let got = recorded(&record);
    assert_eq!(got.argv, ["ssh", ""]);
    assert_eq!(
        got.env.get("COMPLETION_MODE").map(String::as_str),
        Some("kept")
    );
    // At the top level, the Go CLI's commands come with these.
    assert_eq!(
        protocol(&env, &path, &[""]),
        ["completion", "login", "logout", "ssh", "start", "tokens"]
    );
    // Without a Go CLI, nothing.
    std::fs::create_dir_all(bin.dir.path().join("empty")).unwrap();
    let empty = bin.path(&["empty"], None);
    assert_eq!(protocol(&env, &empty, &["ssh", ""]), Vec::<String>::new());
}

/// This binary's own completion (`COMPLETE=<shell> coder`) asks the Go CLI for the
/// lines of its commands, and adds its commands at the top level.
#[cfg(unix)]
#[test]
fn dynamic_completion_asks_the_go_cli_for_its_commands() {
    let bin = Bin::new();
    let (_, record) = stand_in(&bin, "go");
    let mut env = Env::new();
    env.var("PATH", bin.path(&["go"], None).to_str().unwrap());
    let offered = |shell: &str, words: &[&str]| -> Vec<String> {
        let (run, _) = crate::completions::dynamic_completions(&env, shell, words);
        run.success();
        run.stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        offered("bash", &["coder", "ssh", ""]),
        ["ssh", "start", "tokens"]
    );
    let got = recorded(&record);
    assert_eq!(got.argv, ["ssh", ""]);
    assert_eq!(
        got.env.get("COMPLETION_MODE").map(String::as_str),
        Some("1")
    );
    assert_eq!(offered("fish", &["coder", "ssh", "st"]), ["start"]);
    let top = offered("bash", &["coder", "s"]);
    assert_eq!(top, ["ssh", "start"]);
    // After a global flag, the command is still being typed; after an option that
    // takes the next word, that word is its value, not a command.
    assert_eq!(offered("bash", &["coder", "-v", "s"]), ["ssh", "start"]);
    assert_eq!(
        offered("fish", &["coder", "--no-open", "s"]),
        ["ssh", "start"]
    );
    assert_eq!(
        offered("fish", &["coder", "--url", "s"]),
        Vec::<String>::new()
    );
    let top = offered("bash", &["coder", ""]);
    for command in ["tokens", "login", "ssh", "start"] {
        assert_eq!(top.iter().filter(|c| *c == command).count(), 1, "{top:?}");
    }
}

/// A deployment holding `names` (any text) among the caller's tokens, which answers
/// every lookup by name, expire and delete with success.
pub async fn deployment_with(names: &[&str]) -> MockServer {
    let server = MockServer::start().await;
    let tokens: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let mut key = crate::harness::example("token.json");
            key["token_name"] = json!(name);
            key["id"] = json!(format!("Id{n:08}"));
            key
        })
        .collect();
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!(tokens)))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn completion_mode_runs_no_command_and_sends_only_the_token_lookup() {
    let server = deployment_with(&["foo", "foobar", "a\nb", " padded", "ok"]).await;
    let env = Env::at(&server.uri(), SESSION);
    let path = std::env::var_os("PATH").unwrap();
    for words in [
        &["tokens", "rm", "foo"][..],
        &["tokens", "rm", "--delete", "foo"],
        &["tokens", "view", "foo"],
        &["logout", "--yes"],
        &["tokens", "create", "-n", "x"],
        &["login", &server.uri(), "--token", SESSION],
    ] {
        protocol(&env, &path, words);
    }
    let requests = server.received_requests().await.unwrap();
    for request in &requests {
        assert_eq!(
            (request.method.as_str(), request.url.path()),
            ("GET", "/api/v2/users/me/keys/tokens"),
            "only the token names were asked for"
        );
    }
    assert_eq!(
        requests.len(),
        3,
        "one lookup per line of tokens view or rm"
    );
    // Names that cannot be one word in a shell (a line break, surrounding space) are
    // left out rather than changed; the others come unfiltered (the shell filters),
    // before the flags.
    for current in ["", "foo", "-"] {
        assert_eq!(
            protocol(&env, &path, &["tokens", "rm", current]),
            ["foo", "foobar", "ok"]
                .into_iter()
                .chain((current == "-").then_some("--delete"))
                .collect::<Vec<_>>(),
            "{current:?}"
        );
    }
    assert_eq!(
        protocol(&env, &path, &["tokens", "view", "foo", ""]),
        Vec::<String>::new(),
        "view takes one name"
    );
    assert!(env.read_config("session").is_none());
    // The deployment and token named on the line, as bash cuts them (`http : //…`),
    // with nothing in the environment.
    let bare = Env::new();
    let address = server.address();
    let port = address.port().to_string();
    let words = [
        "--url",
        "http",
        ":",
        "//127.0.0.1",
        ":",
        &port,
        "--token",
        SESSION,
        "tokens",
        "rm",
        "",
    ];
    assert!(address.ip().is_loopback());
    assert_eq!(protocol(&bare, &path, &words), ["foo", "foobar", "ok"]);
}

// --- `coder completion` takes the place of the Go CLI's block ------------------------------

pub const BEGIN: &str = "# ============ BEGIN coder COMPLETION ============";
pub const END: &str = "# ============ END coder COMPLETION ==============";

/// The Go CLI's completion script for `shell` (`bash.sh`, `zsh.zsh`, `fish.fish`).
pub fn go_script(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/go-cli-completion")
        .join(file);
    std::fs::read_to_string(path).unwrap()
}

/// `before`, then the Go CLI's block for `file`, then `after`, as its installer
/// writes a startup file.
pub fn with_go_block(before: &str, file: &str, after: &str) -> String {
    let gap = if before.is_empty() { "" } else { "\n" };
    format!("{before}{gap}{BEGIN}{}{END}\n{after}", go_script(file))
}

fn install(env: &Env, args: &[&str]) -> Run {
    let args: Vec<&str> = ["completion"]
        .iter()
        .chain(args)
        .chain(&["--print=false"])
        .copied()
        .collect();
    env.run(&args)
}

#[test]
fn installing_for_bash_removes_the_go_cli_s_block_from_the_startup_files() {
    let env = shell_home("/bin/bash");
    let home = env.home.path();
    let users = "export EDITOR=vi\n";
    std::fs::write(
        home.join(".bashrc"),
        with_go_block(users, "bash.sh", "alias ll='ls -l'\n"),
    )
    .unwrap();
    std::fs::write(home.join(".bash_profile"), with_go_block("", "bash.sh", "")).unwrap();
    let run = install(&env, &[]);
    run.success();
    assert_eq!(
        std::fs::read_to_string(home.join(".bashrc")).unwrap(),
        "export EDITOR=vi\nalias ll='ls -l'\n"
    );
    assert!(!home.join(".bash_profile").exists(), "left empty, removed");
    for file in [".bashrc", ".bash_profile"] {
        let said = format!(
            "removed the completion block of Coder's Go CLI from {}",
            home.join(file).display()
        );
        assert!(run.stderr.contains(&said), "{said}\n{}", run.block());
    }
    assert!(
        home.join(".local/share/bash-completion/completions/coder")
            .exists()
    );
    assert!(
        run.stderr.contains("source <(COMPLETE=bash coder)"),
        "{}",
        run.block()
    );
    // Again: nothing left to remove, nothing changed.
    let again = install(&env, &[]);
    assert!(
        again.stderr.contains("nothing changed"),
        "{}",
        again.block()
    );
}

/// A `.bashrc` the Go CLI's installer wrote without an empty line before its block
/// (the file did not end with a line break), or that the user tidied, still runs every
/// line of its own after the block is removed: none is joined to another.
#[test]
fn removing_the_go_cli_s_block_joins_no_two_lines() {
    let env = shell_home("/bin/bash");
    let rc = env.home.path().join(".bashrc");
    let block = format!("{BEGIN}{}{END}\n", go_script("bash.sh"));
    for (text, rest) in [
        (
            format!("export A=1\n{block}export B=2\n"),
            "export A=1\nexport B=2\n".to_string(),
        ),
        (
            format!(
                "export A=1\r\n{}export B=2\r\n",
                block.replace('\n', "\r\n")
            ),
            "export A=1\r\nexport B=2\r\n".to_string(),
        ),
    ] {
        std::fs::write(&rc, &text).unwrap();
        install(&env, &[]).success();
        assert_eq!(std::fs::read_to_string(&rc).unwrap(), rest);
    }
    std::fs::write(&rc, format!("export A=1\n{block}export B=2")).unwrap();
    install(&env, &[]).success();
    let script = r#"source "$RC"; printf '%s|%s' "$A" "$B""#;
    let rc = rc.into_os_string();
    let Some(out) = crate::completions::run_shell(
        "bash",
        &["--norc", "--noprofile", "-c", script],
        &[("RC", rc.as_os_str())],
        None,
    ) else {
        return;
    };
    assert_eq!(out, "1|2");
}

#[test]
fn installing_for_zsh_removes_the_block_and_adds_its_own_line() {
    let env = shell_home("/usr/bin/zsh");
    let home = env.home.path();
    let users = "autoload -Uz compinit && compinit\n";
    std::fs::write(home.join(".zshrc"), with_go_block(users, "zsh.zsh", "")).unwrap();
    let run = install(&env, &[]);
    run.success();
    assert_eq!(
        std::fs::read_to_string(home.join(".zshrc")).unwrap(),
        "# added by 'coder completion'\nfpath=(~/.zfunc $fpath)\n\
         autoload -Uz compinit && compinit\n"
    );
    assert!(
        run.stderr
            .contains("removed the completion block of Coder's Go CLI"),
        "{}",
        run.block()
    );
}

#[test]
fn installing_for_fish_replaces_the_go_cli_s_script_and_says_so() {
    let env = shell_home("/usr/bin/fish");
    let script = env.xdg().join("fish/completions/coder.fish");
    std::fs::create_dir_all(script.parent().unwrap()).unwrap();
    std::fs::write(&script, with_go_block("", "fish.fish", "")).unwrap();
    let run = install(&env, &[]);
    run.success();
    let written = std::fs::read_to_string(&script).unwrap();
    assert!(!written.contains(BEGIN) && written.contains("complete -c coder"));
    assert!(
        run.stderr.contains(&format!(
            "replaced the completion script of Coder's Go CLI in {}",
            script.display()
        )),
        "{}",
        run.block()
    );
}

#[test]
fn a_malformed_go_block_is_refused_naming_the_file_and_nothing_changes() {
    let env = shell_home("/bin/bash");
    let home = env.home.path();
    for broken in [
        format!("x=1\n{BEGIN}\n_generate_coder_completions() {{ :; }}\n"),
        format!("x=1\n{END}\n"),
        format!(
            "{}{}",
            with_go_block("", "bash.sh", ""),
            with_go_block("", "bash.sh", "")
        ),
    ] {
        std::fs::write(home.join(".bashrc"), &broken).unwrap();
        let run = install(&env, &[]);
        run.failure(1);
        assert!(
            run.stderr.contains(&format!(
                "{} has a malformed completion block of Coder's Go CLI",
                home.join(".bashrc").display()
            )) && run.stderr.contains("nothing was changed"),
            "{}",
            run.block()
        );
        assert_eq!(
            std::fs::read_to_string(home.join(".bashrc")).unwrap(),
            broken
        );
        assert!(
            !home.join(".local").exists(),
            "our script was written anyway"
        );
    }
}
