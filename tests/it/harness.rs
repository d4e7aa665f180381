//! The harness of the integration tests: runs the real `coder` binary in a hermetic
//! environment and renders what it did for insta snapshots.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_coder");

/// A token-shaped secret used as "the" session token in tests.
pub const SESSION: &str = "SeSs10nIdX-SeSs10nSecretAbCdEfGhIjKl";

/// A temp HOME with its own config dir; every run sees only what the test sets.
pub struct Env {
    pub home: tempfile::TempDir,
    vars: Vec<(String, String)>,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit status, stdout and stderr in one block for a snapshot.
    pub fn block(&self) -> String {
        format!(
            "exit: {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(self.code, 0, "expected success:\n{}", self.block());
        self
    }

    #[track_caller]
    pub fn failure(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "expected exit {code}:\n{}", self.block());
        self
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: tempfile::tempdir().expect("temp dir"),
            vars: Vec::new(),
        }
    }

    /// `$XDG_CONFIG_HOME`, inside the temp HOME.
    pub fn xdg(&self) -> PathBuf {
        self.home.path().join(".config")
    }

    /// The default config dir the binary uses here.
    pub fn config(&self) -> PathBuf {
        self.xdg().join("coderv2")
    }

    /// An env logged in to `url` with `token` through the environment, as CI would be.
    pub fn at(url: &str, token: &str) -> Env {
        let mut env = Env::new();
        env.var("CODER_URL", url).var("CODER_SESSION_TOKEN", token);
        env
    }

    /// Sets an environment variable for every later run.
    pub fn var(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// Trusts the PEM certificate `pem` (as SSL_CERT_FILE) in every later run.
    pub fn trust(&mut self, pem: &str) -> &mut Self {
        let bundle = self.home.path().join("trusted.pem");
        std::fs::write(&bundle, pem).unwrap();
        let bundle = bundle.to_str().unwrap().to_string();
        self.var("SSL_CERT_FILE", &bundle)
    }

    /// Writes `<config>/url` and `<config>/session` as a file-backend login would.
    pub fn login_files(&self, url: &str, token: &str) {
        let dir = self.config();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("url"), url).unwrap();
        std::fs::write(dir.join("session"), token).unwrap();
    }

    pub fn read_config(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.config().join(name)).ok()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.program(BIN);
        cmd.args(args);
        cmd
    }

    /// Any program, in this hermetic environment.
    pub fn program(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        for (key, _) in std::env::vars() {
            if key.starts_with("CODER_") || key == "BROWSER" || key.starts_with("SSL_CERT") {
                cmd.env_remove(&key);
            }
        }
        // The config dir named outright: Windows finds its default through the OS, not
        // HOME (on Linux this is the default dir, so nothing else changes).
        cmd.env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.xdg())
            .env("CODER_CONFIG_DIR", self.config())
            .env("NO_COLOR", "1")
            .env("NO_PROXY", "127.0.0.1,localhost")
            .env("no_proxy", "127.0.0.1,localhost")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY");
        for (key, value) in &self.vars {
            cmd.env(key, value);
        }
        cmd
    }

    /// Runs the binary with an empty, closed stdin.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        run_command(self.command(args), stdin)
    }
}

/// Runs `cmd` (one of [`Env::command`]'s) with `stdin` as its input, then closed.
pub fn run_command(mut cmd: Command, stdin: &str) -> Run {
    {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = spawn(&mut cmd);
        // A command that exits without reading its input closes the pipe first.
        if let Err(err) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
            assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
        }
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A shell command as `sh -c` reads it, or on Windows as `cmd.exe /c` does (the header
/// command runs in the platform's shell).
pub fn shell<'a>(sh: &'a str, cmd: &'a str) -> &'a str {
    if cfg!(windows) { cmd } else { sh }
}

/// insta settings: snapshots in the top-level `snapshots/`, with loopback ports,
/// timings and the client version/platform filtered out.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(true);
    settings.add_filter(r"(https?)://(127\.0\.0\.1|localhost):\d+", "$1://[HOST]");
    settings.add_filter(r"\(\d+ ms\)", "([N] ms)");
    settings.add_filter(r"retrying in \d+ ms", "retrying in [N] ms");
    settings.add_filter(
        r"coder-cli/[0-9][^ ]* \([a-z0-9_]+/[a-z0-9_]+;",
        "coder-cli/[VERSION] ([OS]/[ARCH];",
    );
    settings
}

/// Checks that `run` (`tokens ls`) failed because the deployment's certificate is not
/// signed by an authority this machine trusts, and that the hint says where to add it.
/// (Shared by tests: insta allows the one inline snapshot to be checked more than once
/// only inside `allow_duplicates!`.)
pub fn assert_untrusted_certificate(run: &Run) {
    settings().bind(|| {
        insta::allow_duplicates! {
            insta::assert_snapshot!(run.block(), @"
            exit: 1
            --- stdout ---
            --- stderr ---
            error: list tokens: TLS handshake with https://[HOST] failed: its certificate is not signed by an authority this machine trusts
            hint: if the deployment uses a private certificate authority or a self-signed certificate, add it to SSL_CERT_FILE (a PEM bundle), SSL_CERT_DIR (a directory of PEM files) or the system's certificate store
            ");
        }
    });
}

/// One request as a snapshot line block: method, path and query, the headers that
/// matter, and the JSON body.
pub fn describe_request(req: &wiremock::Request) -> String {
    let mut text = format!("{} {}", req.method, req.url.path());
    if let Some(query) = req.url.query() {
        text.push('?');
        text.push_str(query);
    }
    text.push('\n');
    for name in [
        "coder-session-token",
        "content-type",
        "user-agent",
        "x-custom",
    ] {
        if let Some(value) = req.headers.get(name) {
            let value = value.to_str().unwrap_or("<binary>");
            let value = if name == "coder-session-token" && value == SESSION {
                "[SESSION]"
            } else {
                value
            };
            text.push_str(&format!("  {name}: {value}\n"));
        }
    }
    if !req.body.is_empty() {
        match serde_json::from_slice::<serde_json::Value>(&req.body) {
            Ok(json) => text.push_str(&format!("  body: {json}\n")),
            Err(_) => text.push_str(&format!(
                "  body (not JSON): {}\n",
                String::from_utf8_lossy(&req.body)
            )),
        }
    }
    text
}

/// Every request a mock server received, described in order.
pub async fn requests(server: &wiremock::MockServer) -> String {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(describe_request)
        .collect()
}

/// Makes `server` answer `GET /api/v2/users/first` as a deployment that has users
/// does (what `coder login` asks first).
pub async fn has_first_user(server: &wiremock::MockServer) {
    use wiremock::matchers::{method, path};
    wiremock::Mock::given(method("GET"))
        .and(path("/api/v2/users/first"))
        .respond_with(
            wiremock::ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"message": "ok"})),
        )
        .mount(server)
        .await;
}

/// Makes `server` answer `GET .../keys/tokens/tokenconfig` for `me` with a maximum
/// token lifetime of an hour (what `tokens create` asks before it creates).
pub async fn allows_an_hour(server: &wiremock::MockServer) {
    use wiremock::matchers::{method, path};
    wiremock::Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens/tokenconfig"))
        .respond_with(
            wiremock::ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"max_token_lifetime": 3_600_000_000_000_i64})),
        )
        .mount(server)
        .await;
}

/// Reads one of the API examples in `tests/fixtures/coder-api/examples/`.
pub fn example(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/coder-api/examples")
        .join(name);
    serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())),
    )
    .unwrap()
}

/// How many requests with this HTTP method the server received.
pub async fn count_method(server: &wiremock::MockServer, verb: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.method.as_str() == verb)
        .count()
}

/// Runs `coder args…` on a pseudo-terminal (util-linux `script`) and types each of
/// `lines` once the screen shows `prompt` one more time, as a person would; returns the
/// exit status and what the terminal showed.
#[cfg(target_os = "linux")]
pub fn on_terminal(env: &Env, args: &[&str], prompt: &str, lines: &[&str]) -> (i32, String) {
    let command = std::iter::once(BIN)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let typed: Vec<String> = lines.iter().map(|line| format!("{line}\n")).collect();
    let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
    shell_on_terminal(env, &command, prompt, &typed)
}

/// Runs the shell command `command` on a pseudo-terminal and types each of `keys`
/// (exactly as given: `"\x03"` is Ctrl-C) once the screen shows `prompt` one more time.
#[cfg(target_os = "linux")]
pub fn shell_on_terminal(env: &Env, command: &str, prompt: &str, keys: &[&str]) -> (i32, String) {
    use std::io::{Read, Write};
    use std::process::Stdio;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};
    let mut child = env
        .program("script")
        .args(["-qec", command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("script (util-linux) runs");
    let screen = Arc::new(Mutex::new(String::new()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = {
        let screen = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buf) {
                screen
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        })
    };
    let mut stdin = child.stdin.take().unwrap();
    for (typed, keys) in keys.iter().enumerate() {
        let deadline = Instant::now() + Duration::from_secs(20);
        while screen.lock().unwrap().matches(prompt).count() <= typed {
            assert!(
                Instant::now() < deadline,
                "no prompt {prompt:?}: {}",
                screen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // The prompt is printed just before echo is turned off; a person is slower.
        std::thread::sleep(Duration::from_millis(200));
        stdin.write_all(keys.as_bytes()).unwrap();
    }
    let status = child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    let screen = screen.lock().unwrap().replace('\r', "");
    (status.code().unwrap_or(-1), screen)
}

/// Starts `cmd`, once more when Wine's process creation fails with
/// `ERROR_INTERNAL_ERROR` (1359), as it did once under load on CI (one spawn of the
/// suite's several hundred, in one run). Any other failure is the test's.
pub fn spawn(cmd: &mut Command) -> Child {
    match cmd.spawn() {
        Err(err) if cfg!(windows) && err.raw_os_error() == Some(1359) => {
            cmd.spawn().expect("spawn (second try)")
        }
        started => started.expect("spawn"),
    }
}

/// Waits for `cmd` (at most 30 s) and returns its stdout; `None` (after a note) when
/// `program` is not installed.
pub fn finish(program: &str, mut cmd: Command) -> Option<String> {
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("note: {program} is not installed; skipping its test");
            return None;
        }
        Err(err) => panic!("spawn {program}: {err}"),
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{program} did not finish within 30 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{program} failed ({}):\n--- stdout ---\n{stdout}--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Some(stdout)
}
