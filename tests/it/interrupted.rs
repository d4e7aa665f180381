//! A login killed part-way: what the Go CLI and the VS Code extension (which read
//! `url` and `session` directly) see meanwhile, and what the next run makes of it.
//! Kills are real where strace can place them (at each file-system step of a login),
//! and otherwise stood in for by a config dir left as a kill at that step leaves it.

use std::path::Path;

use crate::harness::{Env, SESSION};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The session of the deployment logged in to before (deployment A).
const OLD: &str = "OldSe55ion-OldSe55ionSecret01234567";
/// The session key deployment B mints for the login.
const NEW_KEY: &str = "NewSe55ion-NewSe55ionSecret0123456";
const NEW_ID: &str = "NewSe55ion";

/// Deployment B: it checks the given token, mints `NEW_KEY`, and lets a key delete
/// itself.
async fn deployment() -> MockServer {
    let server = MockServer::start().await;
    let ok = |body| ResponseTemplate::new(200).set_body_json(body);
    crate::harness::has_first_user(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(ok(json!({"username": "alice"})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/me/keys"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"key": NEW_KEY})))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/api/v2/users/me/keys/{NEW_ID}")))
        .and(header("coder-session-token", NEW_KEY))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ok(json!([])))
        .mount(&server)
        .await;
    server
}

/// The pair an outside reader sees: `url` and `session`, read directly.
fn outside_view(config: &Path) -> (Option<String>, Option<String>) {
    let raw = |name: &str| std::fs::read_to_string(config.join(name)).ok();
    (raw("url"), raw("session"))
}

/// The config dir's entries, sorted.
fn entries(config: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(config)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// How many requests carried `token` as their session token.
async fn sent_with(server: &MockServer, token: &str) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| {
            r.headers
                .get("coder-session-token")
                .is_some_and(|v| v == token)
        })
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect()
}

/// A config dir as a login to `new_url` killed just before its commit leaves it: the
/// change's record (with its minted key), the staged URL and the staged key beside
/// the old pair.
fn killed_before_commit(env: &Env, old_url: &str, new_url: &str) {
    env.login_files(old_url, OLD);
    let config = env.config();
    std::fs::write(config.join("..session.commit.tmp"), "session\nurl\nminted").unwrap();
    std::fs::write(config.join(".url.tmp"), new_url).unwrap();
    std::fs::write(config.join(".session.tmp"), NEW_KEY).unwrap();
}

#[tokio::test]
async fn an_uncommitted_login_is_undone_by_login_token_and_its_key_deleted_only_on_its_deployment()
{
    let old = deployment().await;
    let new = deployment().await;
    let env = Env::new();
    killed_before_commit(&env, &old.uri(), &new.uri());
    let config = env.config();

    // `login token` (offline) puts the old session back and keeps the key aside.
    let run = env.run(&["login", "token"]);
    assert_eq!(run.success().stdout, format!("{OLD}\n"));
    assert_eq!(run.stderr, "");
    assert_eq!(
        entries(&config),
        [".session.lock", ".session.orphans", "session", "url"]
    );
    assert_eq!(outside_view(&config), (Some(old.uri()), Some(OLD.into())));

    // A command talking to the old deployment never sends the key there.
    env.run(&["tokens", "ls"]).success();
    assert!(sent_with(&old, NEW_KEY).await.is_empty());
    assert!(config.join(".session.orphans").exists());

    // The next command that talks to the deployment the key was minted for deletes it
    // there (the key authenticating its own deletion), and says so.
    let mut on_new = Env::at(&new.uri(), SESSION);
    on_new.var("CODER_CONFIG_DIR", config.to_str().unwrap());
    let run = on_new.run(&["tokens", "ls"]);
    run.success();
    assert_eq!(
        run.stderr.lines().next().unwrap(),
        format!(
            "note: deleted the session key {NEW_ID} on {}: a login that was interrupted \
             before saving it had created it",
            new.uri()
        ),
        "{}",
        run.block()
    );
    assert_eq!(
        sent_with(&new, NEW_KEY).await,
        [format!("DELETE /api/v2/users/me/keys/{NEW_ID}")]
    );
    assert_eq!(entries(&config), [".session.lock", "session", "url"]);
    // Once.
    on_new.run(&["tokens", "ls"]).success();
    assert_eq!(sent_with(&new, NEW_KEY).await.len(), 1);
    assert!(sent_with(&old, NEW_KEY).await.is_empty());
}

#[tokio::test]
async fn a_key_the_deployment_cannot_delete_now_is_tried_again_by_the_next_command() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"message": "boom"})))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"message": "gone"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let env = Env::new();
    killed_before_commit(&env, &server.uri(), &server.uri());
    let run = env.run(&["tokens", "ls"]);
    run.success();
    assert!(
        run.stderr.starts_with(&format!(
            "warning: could not delete the session key {NEW_ID} that an interrupted login had \
             created on {}",
            server.uri()
        )),
        "{}",
        run.block()
    );
    assert!(env.config().join(".session.orphans").exists());
    // The deployment no longer knows the key: it is forgotten, with a word.
    let run = env.run(&["tokens", "ls"]);
    assert!(
        run.stderr.contains(&format!("the session key {NEW_ID}"))
            && run.stderr.contains("is no longer valid there"),
        "{}",
        run.block()
    );
    assert!(!env.config().join(".session.orphans").exists());
}

#[tokio::test]
async fn a_listed_key_cut_short_is_forgotten_without_being_sent() {
    let server = deployment().await;
    let env = Env::new();
    killed_before_commit(&env, &server.uri(), &server.uri());
    // The staged key lost its ID and dash: no deployment could be asked to delete it.
    let cut_short = "NewSe55ionNewSe55ion";
    std::fs::write(env.config().join(".session.tmp"), cut_short).unwrap();
    env.run(&["login", "token"]).success();
    assert!(env.config().join(".session.orphans").exists());
    let run = env.run(&["tokens", "ls"]);
    run.success();
    assert_eq!(run.stderr, "No tokens found.\n");
    assert!(!env.config().join(".session.orphans").exists());
    // One request, the listing, with the session's own token.
    assert!(sent_with(&server, cut_short).await.is_empty());
    assert_eq!(
        sent_with(&server, OLD).await,
        ["GET /api/v2/users/me/keys/tokens"]
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[test]
fn a_committed_login_is_finished_by_the_next_run_whatever_step_it_was_killed_at() {
    // After the commit: (the old session still there | already removed | the URL in place).
    for step in ["committed", "old token removed", "url renamed"] {
        let env = Env::new();
        let config = env.config();
        env.login_files("https://a.example.com", OLD);
        std::fs::write(config.join(".url.tmp"), "https://b.example.com").unwrap();
        std::fs::write(config.join(".session.tmp"), NEW_KEY).unwrap();
        std::fs::write(config.join(".session.commit"), "session\nurl\nminted").unwrap();
        if step != "committed" {
            std::fs::remove_file(config.join("session")).unwrap();
        }
        if step == "url renamed" {
            std::fs::rename(config.join(".url.tmp"), config.join("url")).unwrap();
        }
        let run = env.run(&["login", "token"]);
        assert_eq!(run.success().stdout, format!("{NEW_KEY}\n"), "{step}");
        assert_eq!(
            outside_view(&config),
            (Some("https://b.example.com".into()), Some(NEW_KEY.into())),
            "{step}"
        );
        assert_eq!(
            entries(&config),
            [".session.lock", "session", "url"],
            "{step}"
        );
    }
}

/// The file-system calls that change the config dir, as strace names them.
#[cfg(target_os = "linux")]
const CHANGES: &str = "rename,renameat,renameat2,unlink,unlinkat";

/// The file-system calls a login makes, in order (their names), or `None` without strace.
#[cfg(target_os = "linux")]
fn traced_calls(env: &Env, url: &str) -> Option<Vec<String>> {
    let log = env.home.path().join("trace");
    let mut cmd = env.program("strace");
    cmd.args(["-f", "-qq", "-e", &format!("trace={CHANGES}"), "-o"])
        .arg(&log)
        .args([crate::harness::BIN, "login", url, "--token", SESSION])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    crate::harness::finish("strace", cmd)?;
    let trace = std::fs::read_to_string(&log).unwrap();
    Some(
        trace
            .lines()
            .filter_map(|line| line.split_whitespace().nth(1))
            .filter_map(|call| call.split_once('(').map(|(name, _)| name.to_string()))
            .collect(),
    )
}

/// A login to another deployment, killed (SIGKILL, by strace) at each file-system call
/// it makes: meanwhile, readers outside the journal never see one deployment's URL with
/// the other's token; afterwards, the next run leaves the old pair or the new one, and
/// a key minted but never committed is listed for deletion.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_login_killed_at_each_file_step_never_leaves_a_mixed_pair() {
    let server = deployment().await;
    let new_url = server.uri();
    let old_url = "https://a.example.com";
    let fresh = || {
        let env = Env::new();
        env.login_files(old_url, OLD);
        env
    };
    let Some(calls) = traced_calls(&fresh(), &new_url) else {
        return;
    };
    assert!(calls.len() >= 5, "{calls:?}");
    let old = (Some(old_url.to_string()), Some(OLD.to_string()));
    let new = (Some(new_url.clone()), Some(NEW_KEY.to_string()));
    let allowed = [
        old.clone(),
        new.clone(),
        (Some(old_url.to_string()), None),
        (Some(new_url.clone()), None),
    ];
    let mut outcomes = Vec::new();
    for (at, call) in calls.iter().enumerate() {
        let nth = calls[..at].iter().filter(|c| *c == call).count() + 1;
        let env = fresh();
        let config = env.config();
        let mut cmd = env.program("strace");
        cmd.args([
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            &format!("trace={CHANGES}"),
        ])
        .arg("-e")
        .arg(format!("inject={call}:signal=KILL:when={nth}"))
        .args([crate::harness::BIN, "login", &new_url, "--token", SESSION]);
        let run = crate::harness::run_command(cmd, "");
        assert_ne!(run.code, 0, "killed at {call} #{nth}:\n{}", run.block());
        let seen = outside_view(&config);
        assert!(allowed.contains(&seen), "killed at {call} #{nth}: {seen:?}");
        let staged_key = std::fs::read_to_string(config.join(".session.tmp")).ok();
        let committed = config.join(".session.commit").exists();

        let token = env.run(&["login", "token"]);
        let after = outside_view(&config);
        assert!(
            after == old || after == new,
            "killed at {call} #{nth}: {after:?}"
        );
        assert_eq!(
            token.success().stdout,
            format!("{}\n", after.1.as_deref().unwrap())
        );
        let listed = std::fs::read_to_string(config.join(".session.orphans")).ok();
        if staged_key.as_deref() == Some(NEW_KEY) && !committed {
            assert_eq!(
                listed,
                Some(format!("{NEW_KEY} {new_url}\n")),
                "at {call} #{nth}"
            );
        } else {
            assert_eq!(listed, None, "at {call} #{nth}");
        }
        let left: Vec<String> = entries(&config)
            .into_iter()
            .filter(|name| name.ends_with(".tmp") || name.ends_with(".commit"))
            .collect();
        assert!(left.is_empty(), "killed at {call} #{nth}: {left:?}");
        outcomes.push(if after == new { "new" } else { "old" });
    }
    // Both outcomes happen: kills before the commit and after it.
    assert!(
        outcomes.contains(&"old") && outcomes.contains(&"new"),
        "{outcomes:?}"
    );
}

/// `coder login` without a URL logs in again to the stored one: the one a killed login
/// committed, not the one it replaced.
#[tokio::test]
async fn login_without_a_url_reads_the_url_a_killed_login_committed() {
    let server = deployment().await;
    let env = Env::new();
    let config = env.config();
    env.login_files("https://a.example.com", OLD);
    std::fs::write(config.join(".url.tmp"), server.uri()).unwrap();
    std::fs::write(config.join(".session.commit"), "url").unwrap();
    let run = env.run_with_stdin(
        &["login", "--use-token-as-session"],
        &format!("{SESSION}\n"),
    );
    run.success();
    assert!(
        run.stderr
            .contains(&format!("with config URL: '{}'", server.uri())),
        "{}",
        run.block()
    );
    assert_eq!(
        outside_view(&config),
        (Some(server.uri()), Some(SESSION.into()))
    );
}
