//! No secret is ever printed or sent in a URL: a sweep of every command, in success and
//! failure, with and without `-v`. Also: the session file is private and logout or a
//! failed login leaves none behind.

use crate::harness::{Env, Run};
use coder_sandbox::{Config, Sandbox};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Token-shaped secrets the sweep passes in; none may come back out.
const BOGUS: &str = "B0gusB0gus-B0gusSecretB0gusSecret";
const BEARER: &str = "hdrBearerSecret0123456789";
const API_KEY: &str = "hdrApiKeySecret0123456789";
const COMMAND_SECRET: &str = "hdrCommandSecret012345678";

/// One run of the sweep and whether its stdout may hold a secret (`login token` and
/// `tokens create` print one on purpose).
struct Step {
    label: String,
    run: Run,
    prints_a_secret: bool,
}

struct Sweep {
    env: Env,
    steps: Vec<Step>,
    /// Secrets seen so far: tokens we passed in, session keys stored by login, and keys
    /// printed by `tokens create`.
    secrets: Vec<String>,
}

impl Sweep {
    fn step(&mut self, args: &[&str], stdin: &str) -> &Run {
        let run = self.env.run_with_stdin(args, stdin);
        let prints_a_secret =
            run.code == 0 && matches!(args, ["login", "token", ..] | ["tokens", "create", ..]);
        if prints_a_secret {
            // The printed key is the secret (the JSON form carries it as "key").
            let key = match serde_json::from_str::<serde_json::Value>(&run.stdout) {
                Ok(json) => json["key"].as_str().unwrap_or_default().to_string(),
                Err(_) => run.stdout.trim().to_string(),
            };
            assert!(!key.is_empty(), "{}", run.block());
            self.secrets.push(key);
        }
        if let Some(session) = self.env.read_config("session") {
            self.secrets.push(session.trim().to_string());
        }
        self.steps.push(Step {
            label: args.join(" "),
            run,
            prints_a_secret,
        });
        &self.steps.last().unwrap().run
    }

    fn run(&mut self, args: &[&str]) -> &Run {
        self.step(args, "")
    }

    /// Each run's stdout and stderr is free of every secret's secret part (the ID
    /// before the `-` of a token is not a secret and is printed on purpose).
    fn assert_nothing_leaked(&self) {
        let mut secrets: Vec<&str> = self
            .secrets
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| secret_part(s))
            .collect();
        secrets.sort();
        secrets.dedup();
        assert!(
            secrets.len() >= 8,
            "the sweep saw too few secrets: {secrets:?}"
        );
        for step in &self.steps {
            for secret in &secrets {
                assert!(
                    !step.run.stderr.contains(secret),
                    "`coder {}` printed a secret to stderr:\n{}",
                    step.label,
                    step.run.block()
                );
                assert!(
                    step.prints_a_secret || !step.run.stdout.contains(secret),
                    "`coder {}` printed a secret to stdout:\n{}",
                    step.label,
                    step.run.block()
                );
            }
        }
    }
}

/// The part of a `<id>-<secret>` token that must stay hidden; other values whole.
fn secret_part(token: &str) -> &str {
    token.split_once('-').map_or(token, |(_, secret)| secret)
}

#[tokio::test]
async fn no_command_prints_a_secret_or_puts_one_in_a_url() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let url = sandbox.url();
    let owner = sandbox.owner_token();
    let mut sweep = Sweep {
        env: Env::new(),
        steps: Vec::new(),
        secrets: vec![
            owner.clone(),
            sandbox.member_token(),
            BOGUS.into(),
            BEARER.into(),
            API_KEY.into(),
            COMMAND_SECRET.into(),
        ],
    };

    // Logging in, by flag and by stdin, quietly and verbosely.
    sweep.run(&["login", &url, "--token", &owner]).success();
    sweep
        .step(&["login", &url, "-v"], &format!("{owner}\n"))
        .success();
    sweep
        .run(&[
            "login",
            &url,
            "--token",
            &owner,
            "--use-token-as-session",
            "-v",
        ])
        .success();
    sweep.run(&["login", "token"]).success();
    sweep.run(&["login", "token", "-v"]).success();
    sweep.run(&["login", "status"]).success();
    sweep
        .run(&["login", "status", "-v", "-o", "json"])
        .success();

    // The token commands, in text and JSON, with and without -v.
    for v in ["--verbose=false", "-v"] {
        let text_name = format!("sweep-text{v}");
        let json_name = format!("sweep-json{v}");
        let text_key = sweep
            .run(&["tokens", "create", v, "--name", &text_name])
            .success()
            .stdout
            .trim()
            .to_string();
        sweep
            .run(&["tokens", "create", v, "-o", "json", "--name", &json_name])
            .success();
        sweep.run(&["tokens", "ls", v]).success();
        sweep.run(&["tokens", "ls", v, "-o", "json"]).success();
        sweep
            .run(&["tokens", "ls", v, "--all", "--include-expired"])
            .success();
        sweep.run(&["tokens", "view", v, &text_name]).success();
        sweep
            .run(&["tokens", "view", v, "-o", "json", &text_key])
            .success();
        sweep.run(&["tokens", "rm", v, &text_key]).success();
        sweep
            .run(&["tokens", "rm", v, "--delete", &json_name])
            .success();
        // Failures: unknown names, a duplicate name, a full token that does not exist,
        // a token argument with stray whitespace.
        sweep
            .run(&["tokens", "view", v, "no-such-token"])
            .failure(1);
        sweep.run(&["tokens", "rm", v, "no-such-token"]).failure(1);
        sweep.run(&["tokens", "rm", v, BOGUS]).failure(1);
        sweep
            .run(&["tokens", "view", v, &format!(" {BOGUS}")])
            .failure(2);
        sweep
            .run(&["tokens", "create", v, "--name", &text_name])
            .failure(1);
        // Credentials in extra headers, from the flag and from a command.
        sweep
            .run(&[
                "tokens",
                "ls",
                v,
                "--header",
                &format!("Authorization=Bearer {BEARER}"),
                "--header-command",
                &format!("echo X-Auth-Token={COMMAND_SECRET}"),
            ])
            .success();
        // A bad session token from the flag: 401 everywhere.
        sweep.run(&["tokens", "ls", v, "--token", BOGUS]).failure(1);
        sweep
            .run(&["login", "status", v, "--token", BOGUS])
            .failure(1);
        sweep
            .run(&["tokens", "create", v, "--name", "x", "--token", BOGUS])
            .failure(1);
    }
    let loud_headers = sweep
        .steps
        .iter()
        .find(|s| s.label.contains("Authorization=") && s.label.contains(" -v "))
        .unwrap();
    for shown in [
        "authorization: ***",
        "x-auth-token: ***",
        "coder-session-token: ***",
    ] {
        assert!(
            loud_headers.run.stderr.contains(shown),
            "{}",
            loud_headers.run.block()
        );
    }

    // A header given through the environment, and a rejected login.
    sweep
        .env
        .var("CODER_HEADER", &format!("X-Api-Key={API_KEY}"));
    sweep.run(&["tokens", "ls", "-v"]).success();
    sweep
        .step(&["login", &url, "-v"], &format!("{BOGUS}\n"))
        .failure(1);
    sweep
        .run(&["login", &url, "-v", "--token", BOGUS])
        .failure(1);

    // Logging out, then everything that needs a session.
    sweep.run(&["logout", "--yes", "-v"]).success();
    sweep.run(&["login", "token"]).failure(1);
    sweep.run(&["tokens", "ls", "-v"]).failure(1);
    sweep.run(&["login", "status", "-v"]).failure(1);

    // A deployment that fails with 500 and 404 to every request.
    for status in [500, 404] {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"message": "it failed"})),
            )
            .mount(&server)
            .await;
        sweep.env.var("CODER_URL", &server.uri());
        sweep.env.var("CODER_SESSION_TOKEN", &owner);
        sweep.run(&["tokens", "ls", "-v"]).failure(1);
        sweep
            .run(&["tokens", "create", "-v", "--name", "y"])
            .failure(1);
        sweep.run(&["tokens", "rm", "-v", BOGUS]).failure(1);
        sweep.run(&["login", "status", "-v"]).failure(1);
        sweep.run(&["logout", "-v", "--yes"]);
    }

    redirected_and_header_steps(&mut sweep, &owner).await;
    sweep.assert_nothing_leaked();

    // No secret ever went into a URL.
    let log = sandbox.requests();
    assert!(log.len() > 40, "{log:?}");
    for request in &log {
        for secret in &sweep.secrets {
            assert!(
                !request.path_and_query.contains(secret_part(secret)),
                "secret in URL: {request}"
            );
        }
    }
}

/// A JWT-shaped credential in a header the user adds (an access proxy's assertion).
const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzd2VlcCJ9.c3dlZXBTaWduYXR1cmUwMTIz";

/// Every command against deployments that redirect to another origin (302, 307, and
/// https to http), with credentials in headers and a header command that fails
/// printing one. The other origin receives nothing: no token, header or body.
async fn redirected_and_header_steps(sweep: &mut Sweep, owner: &str) {
    sweep.secrets.push(JWT.into());
    let other = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&other)
        .await;
    let plain = Sandbox::start(Config::default()).unwrap();
    let mut deployments = Vec::new();
    for status in [302, 307] {
        deployments.push(Sandbox::start(Config {
            redirect: Some((status, other.uri())),
            ..Config::default()
        }));
    }
    let secure = Sandbox::start(Config {
        tls: true,
        redirect: Some((307, plain.url().replace("127.0.0.1", "localhost"))),
        ..Config::default()
    })
    .unwrap();
    sweep.env.trust(&secure.ca_cert_pem().unwrap());
    let mut urls: Vec<String> = deployments
        .iter()
        .map(|d| d.as_ref().unwrap().url())
        .collect();
    urls.push(secure.url());
    let jwt_header = format!("Cf-Access-Jwt-Assertion={JWT}");
    let failing = if cfg!(windows) {
        format!("echo X-Auth={COMMAND_SECRET} & echo bad {COMMAND_SECRET} 1>&2 & exit 1")
    } else {
        format!("echo 'X-Auth={COMMAND_SECRET}'; echo 'bad {COMMAND_SECRET}' >&2; exit 1")
    };
    for url in &urls {
        sweep.env.var("CODER_URL", url);
        sweep.env.var("CODER_SESSION_TOKEN", owner);
        for args in [
            vec!["tokens", "ls", "-v", "--header", &jwt_header],
            vec!["tokens", "create", "-v", "-n", "r", "--header", &jwt_header],
            vec!["tokens", "view", "-v", "r"],
            vec!["tokens", "rm", "-v", "r"],
            vec!["tokens", "ls", "-v", "--header-command", &failing],
            vec!["login", "status", "-v", "--header", &jwt_header],
            vec!["logout", "--yes", "-v"],
        ] {
            sweep.run(&args);
        }
        sweep
            .run(&[
                "login",
                url,
                "-v",
                "--token",
                owner,
                "--use-token-as-session",
            ])
            .failure(1);
    }
    let reached = other.received_requests().await.unwrap();
    assert!(reached.is_empty(), "{reached:?}");
    assert!(plain.requests().is_empty(), "{:?}", plain.requests());
    let step = sweep
        .steps
        .iter()
        .find(|s| s.label.contains("Cf-Access-Jwt-Assertion"))
        .unwrap();
    assert!(
        step.run.stderr.contains("cf-access-jwt-assertion: ***"),
        "{}",
        step.run.block()
    );
}

/// Runs the binary under `umask 000`, so only the modes the code asks for protect files.
#[cfg(unix)]
fn run_with_open_umask(env: &Env, args: &[&str]) -> std::process::Output {
    let template = env.command(args);
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(crate::harness::BIN)
        .args(args);
    for (key, value) in template.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    cmd.stdin(std::process::Stdio::null()).output().unwrap()
}

#[cfg(unix)]
#[test]
fn the_session_is_private_and_logout_leaves_no_file() {
    use std::os::unix::fs::PermissionsExt;

    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::new();
    let out = run_with_open_umask(
        &env,
        &["login", &sandbox.url(), "--token", &sandbox.owner_token()],
    );
    assert!(out.status.success(), "{out:?}");
    let mode = |name: &str| {
        std::fs::metadata(env.config().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("session"), 0o600);
    assert_eq!(mode("url"), 0o600);
    assert_eq!(mode(""), 0o700);
    let names = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let mut files = names(&env.config());
    files.sort();
    assert_eq!(
        files,
        [".session.lock", "session", "url"],
        "no temporary file is left behind"
    );

    env.run(&["logout", "--yes"]).success();
    // The lock file stays (removing it could let two processes lock at once); it is empty.
    assert_eq!(names(&env.config()), [".session.lock"]);
    assert_eq!(env.read_config(".session.lock").as_deref(), Some(""));
}

#[test]
fn a_login_that_could_not_save_the_url_fails_before_anything_is_sent() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::new();
    // A directory where the url file belongs.
    std::fs::create_dir_all(env.config().join("url")).unwrap();
    let run = env.run(&["login", &sandbox.url(), "--token", &sandbox.owner_token()]);
    run.failure(1);
    assert!(
        run.stderr.contains("url: it is a directory"),
        "{}",
        run.block()
    );
    assert!(!env.config().join("session").exists(), "{}", run.block());
    // Nothing was minted: not a request reached the deployment.
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}

#[cfg(target_os = "linux")]
#[test]
fn a_login_with_an_unavailable_keyring_writes_nothing_and_names_the_fix() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let mut env = Env::new();
    env.var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .var("CODER_KEYRING_TIMEOUT", "3s");
    let started = std::time::Instant::now();
    let run = env.run(&[
        "login",
        &sandbox.url(),
        "--token",
        &sandbox.owner_token(),
        "--use-keyring",
    ]);
    run.failure(1);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(
        run.stderr.contains("--use-keyring=false"),
        "{}",
        run.block()
    );
    assert!(!env.config().join("url").exists());
    assert!(!env.config().join("session").exists());
    // The store is opened before anything is sent.
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}
