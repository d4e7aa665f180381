//! Drop-in details for scripts and dotfiles written for the Go CLI: lists read as CSV,
//! the `completion` command's interface, a piped answer to `logout`, lifetimes and
//! names that can be addressed.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::completions::{
    ZSH_RECORDER, assert_offers_tokens_subcommands, dynamic_completions, run_shell, script_path,
    zsh_offers,
};
use crate::harness::{Env, Run, SESSION, example};

const TOKENS: &str = "/api/v2/users/me/keys/tokens";

async fn on(server: &MockServer, verb: &str, at: &str, body: Value, status: u16) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(server)
        .await;
}

/// A deployment that lists the example tokens and creates the example key.
async fn deployment() -> MockServer {
    let server = MockServer::start().await;
    on(&server, "GET", TOKENS, example("tokens-list.json"), 200).await;
    let config = json!({ "max_token_lifetime": 3_155_760_000_000_000_000_i64 });
    on(
        &server,
        "GET",
        &format!("{TOKENS}/tokenconfig"),
        config,
        200,
    )
    .await;
    on(&server, "POST", TOKENS, example("generate-key.json"), 201).await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// The value of header `name` in every request the server received.
async fn header_values(server: &MockServer, name: &str) -> Vec<String> {
    received(server)
        .await
        .iter()
        .map(|r| {
            r.headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// The JSON body of the one POST the server received.
async fn posted(server: &MockServer) -> Value {
    let requests = received(server).await;
    let posts: Vec<_> = requests
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .collect();
    assert_eq!(posts.len(), 1, "one POST");
    serde_json::from_slice(&posts[0].body).unwrap()
}

#[track_caller]
fn assert_usage_error(run: &Run, needles: &[&str]) {
    run.failure(2);
    assert_eq!(run.stdout, "", "{}", run.block());
    assert!(run.stderr.starts_with("error: "), "{}", run.block());
    for needle in needles {
        assert!(
            run.stderr.contains(needle),
            "wanted {needle:?}:\n{}",
            run.block()
        );
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.block());
}

// --- Lists are CSV -------------------------------------------------------------------

#[tokio::test]
async fn coder_header_reads_quoted_fields_with_commas() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    env.var("CODER_HEADER", r#""X-A=c, d",X-B=e"#);
    env.run(&["tokens", "ls", "-v"]).success();
    assert_eq!(header_values(&server, "x-a").await, ["c, d"]);
    assert_eq!(header_values(&server, "x-b").await, ["e"]);
}

/// The Go CLI reads a string array from its variable, then appends the flags' values.
#[tokio::test]
async fn coder_header_and_header_flags_both_apply_the_environments_first() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    env.var("CODER_HEADER", "X-A=env,X-Only-Env=1");
    let run = env.run(&["tokens", "ls", "--header", "X-A=flag", "--header", "X-B=2"]);
    run.success();
    let request = &received(&server).await[0];
    let values = |name: &str| -> Vec<&str> {
        request
            .headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect()
    };
    assert_eq!(values("x-a"), ["env", "flag"]);
    assert_eq!(values("x-only-env"), ["1"]);
    assert_eq!(values("x-b"), ["2"]);
    // Alone, either one is all there is; an empty variable adds nothing.
    env.var("CODER_HEADER", "");
    env.run(&["tokens", "ls", "--header", "X-A=flag"]).success();
    assert_eq!(header_values(&server, "x-a").await[1], "flag");
}

#[tokio::test]
async fn a_header_flag_may_quote_a_value_with_a_comma() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&[
        "tokens",
        "ls",
        "--header",
        r#""X-Q=a,b""#,
        "--header",
        "X-R=1,X-S=2",
    ]);
    run.success();
    assert_eq!(header_values(&server, "x-q").await, ["a,b"]);
    assert_eq!(header_values(&server, "x-r").await, ["1"]);
    assert_eq!(header_values(&server, "x-s").await, ["2"]);
}

#[tokio::test]
async fn scopes_and_allow_entries_are_csv_too() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let workspace = "workspace:dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5";
    let allow = format!(r#""{workspace}",template:*"#);
    let run = env.run(&[
        "tokens",
        "create",
        "-n",
        "ci",
        "--scope",
        r#""workspace:read",template:read"#,
        "--scope",
        "user:read",
        "--allow",
        &allow,
    ]);
    run.success();
    let body = posted(&server).await;
    assert_eq!(
        body["scopes"],
        json!(["workspace:read", "template:read", "user:read"])
    );
    assert_eq!(
        body["allow_list"],
        json!([
            {"type": "workspace", "id": "dbb02d01-e7d9-4c2a-b5f4-4153ff5141d5"},
            {"type": "template", "id": "*"}
        ])
    );
}

#[tokio::test]
async fn columns_are_csv_and_each_is_checked() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "ls", "-c", r#""last used",id"#]);
    run.success();
    let header = run.stdout.lines().next().unwrap();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["LAST", "USED", "ID"]
    );
    let run = env.run(&["tokens", "ls", "-c", r#"id,"bogus""#]);
    assert_usage_error(&run, &["'bogus'", "--column"]);
}

#[tokio::test]
async fn broken_quoting_is_a_usage_error_naming_the_field_before_any_request() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "create", "--scope", r#"a,b"c"#]);
    assert_usage_error(&run, &["--scope", "field 2", r#""b\"c""#, "tip:"]);
    let run = env.run(&["tokens", "ls", "-c", r#""id"x,name"#]);
    assert_usage_error(&run, &["--column", "field 1", "after its closing quote"]);
    let run = env.run(&["tokens", "create", "--allow", r#""*:*"#]);
    assert_usage_error(&run, &["--allow", "field 1", "never closed"]);
    // Header values may be credentials: the field is named by number only.
    env.var("CODER_HEADER", r#"X-A=1,Authorization=Bearer "hunter2""#);
    let run = env.run(&["tokens", "ls"]);
    assert_usage_error(&run, &["CODER_HEADER", "field 2"]);
    assert!(!run.stderr.contains("hunter2"), "{}", run.block());
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_second_line_in_a_list_is_an_error_not_dropped() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    env.var("CODER_HEADER", "X-A=1\nX-B=2");
    assert_usage_error(&env.run(&["tokens", "ls"]), &["line break", "field 1"]);
    assert!(received(&server).await.is_empty());
}

// --- Completions offer what can be typed back ------------------------------------------

/// What the shipped bash script offers for the last of `words`, run in `cwd`.
fn bash_offers(words: &[&str], cwd: &Path) -> Option<Vec<String>> {
    let script = r#"
set -e
source "$SCRIPT"
# Outside a real completion compopt fails; what it would set does not change COMPREPLY.
compopt() { :; }
[[ $(complete -p coder) =~ -F\ ([^ ]+) ]]
read -ra COMP_WORDS <<< "$WORDS"
[[ $WORDS == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$WORDS"
COMP_POINT=${#COMP_LINE}
# When nothing matches, `COMPREPLY=($(compgen ...))` has compgen's status 1, which
# `set -e` must not take for a failure.
"${BASH_REMATCH[1]}" coder "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" || true
printf 'offer:%s\n' "${COMPREPLY[@]}"
"#;
    let line = words.join(" ");
    let out = run_shell(
        "bash",
        &["--norc", "--noprofile", "-c", script],
        &[
            ("SCRIPT", script_path("coder.bash").as_os_str()),
            ("WORDS", OsStr::new(&line)),
        ],
        Some(cwd),
    )?;
    Some(
        out.lines()
            .filter_map(|l| l.strip_prefix("offer:"))
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// What the shipped fish script offers for `line`, run in `cwd`.
fn fish_offers(line: &str, cwd: &Path) -> Option<Vec<String>> {
    let script = r#"source $SCRIPT; and complete -C "$LINE""#;
    let out = run_shell(
        "fish",
        &["--no-config", "-c", script],
        &[
            ("SCRIPT", script_path("coder.fish").as_os_str()),
            ("LINE", OsStr::new(line)),
        ],
        Some(cwd),
    )?;
    Some(
        out.lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect(),
    )
}

pub const COLUMNS: [&str; 8] = [
    "id",
    "name",
    "scopes",
    "allow_list",
    "last_used",
    "expires_at",
    "created_at",
    "owner",
];

/// A directory with a file in it, so that completing file names would show.
fn dir_with_a_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file.txt"), "").unwrap();
    dir
}

#[test]
fn bash_offers_columns_as_typed_and_after_a_comma_and_no_files_for_values() {
    let cwd = dir_with_a_file();
    let Some(offered) = bash_offers(&["coder", "tokens", "ls", "-c", ""], cwd.path()) else {
        return;
    };
    assert_eq!(offered, COLUMNS, "-c <TAB>");
    let offered = bash_offers(
        &["coder", "tokens", "view", "x", "--column", "id,"],
        cwd.path(),
    )
    .unwrap();
    // `id` is in the list already: it is not offered again.
    let after_id: Vec<String> = COLUMNS[1..].iter().map(|c| format!("id,{c}")).collect();
    assert_eq!(offered, after_id, "-c id,<TAB>");
    let offered = bash_offers(&["coder", "tokens", "ls", "-c", "id,last"], cwd.path()).unwrap();
    assert_eq!(offered, ["id,last_used"]);
    let words = ["coder", "tokens", "ls", "-c", "name,id,owner,na"];
    let offered = bash_offers(&words, cwd.path()).unwrap();
    assert!(offered.is_empty(), "-c name,id,owner,na<TAB>: {offered:?}");
    let words = ["coder", "tokens", "ls", "-c", "name,id,o"];
    assert_eq!(bash_offers(&words, cwd.path()).unwrap(), ["name,id,owner"]);
    for flag in ["--lifetime", "--scope", "--allow", "--name", "--url"] {
        let offered = bash_offers(&["coder", "tokens", "create", flag, ""], cwd.path()).unwrap();
        assert!(offered.is_empty(), "{flag} <TAB> offers {offered:?}");
    }
    // A Go-style boolean takes no word after it: the flags are offered, not files.
    let offered = bash_offers(&["coder", "tokens", "ls", "-a", ""], cwd.path()).unwrap();
    assert!(offered.contains(&"--column".to_string()), "{offered:?}");
    assert!(!offered.contains(&"a-file.txt".to_string()), "{offered:?}");
}

#[test]
fn fish_offers_columns_as_typed_and_after_a_comma_and_no_files_for_values() {
    let cwd = dir_with_a_file();
    let Some(offered) = fish_offers("coder tokens ls -c ", cwd.path()) else {
        return;
    };
    let mut sorted = COLUMNS.to_vec();
    sorted.sort();
    assert_eq!(offered, sorted, "-c <TAB>");
    let offered = fish_offers("coder tokens ls -c id,", cwd.path()).unwrap();
    // `id` is in the list already: it is not offered again.
    let mut after_id: Vec<String> = COLUMNS[1..].iter().map(|c| format!("id,{c}")).collect();
    after_id.sort();
    assert_eq!(offered, after_id, "-c id,<TAB>");
    let offered = fish_offers("coder tokens ls -c name,id,owner,na", cwd.path()).unwrap();
    assert!(offered.is_empty(), "-c name,id,owner,na<TAB>: {offered:?}");
    let offered = fish_offers("coder tokens ls -c name,id,o", cwd.path()).unwrap();
    assert_eq!(offered, ["name,id,owner"]);
    let offered = fish_offers("coder tokens ls --column=name,id,na", cwd.path()).unwrap();
    assert!(offered.is_empty(), "--column=name,id,na<TAB>: {offered:?}");
    let offered = fish_offers("coder tokens ls --column=name,id,o", cwd.path()).unwrap();
    assert_eq!(offered, ["--column=name,id,owner"]);
    for flag in ["--lifetime", "--scope", "--allow", "--name", "--url"] {
        let offered = fish_offers(&format!("coder tokens create {flag} "), cwd.path()).unwrap();
        assert!(offered.is_empty(), "{flag} <TAB> offers {offered:?}");
    }
}

#[test]
fn zsh_offers_columns_as_typed_and_after_a_comma_and_no_files_for_values() {
    let cwd = dir_with_a_file();
    let Some(offered) = zsh_offers("coder tokens ls -c ", cwd.path()) else {
        return;
    };
    for column in COLUMNS {
        assert!(
            offered.contains(&column.to_string()),
            "-c <TAB>: {offered:?}"
        );
    }
    assert!(!offered.contains(&"allow".to_string()), "{offered:?}");
    let offered = zsh_offers("coder tokens ls -c id,la", cwd.path()).unwrap();
    assert!(
        offered.contains(&"last_used".to_string()),
        "-c id,la<TAB>: {offered:?}"
    );
    // `_sequence` leaves out what the list has already.
    let offered = zsh_offers("coder tokens ls -c id,", cwd.path()).unwrap();
    assert!(
        offered.contains(&"name".to_string()),
        "-c id,<TAB>: {offered:?}"
    );
    assert!(
        !offered.contains(&"id".to_string()),
        "-c id,<TAB>: {offered:?}"
    );
    for flag in ["--lifetime", "--scope", "--allow", "--url"] {
        let offered = zsh_offers(&format!("coder tokens create {flag} "), cwd.path()).unwrap();
        assert!(
            !offered.contains(&"a-file.txt".to_string()),
            "{flag}: {offered:?}"
        );
    }
}

// --- Token names complete from the deployment the line names -----------------------------

/// `url` cut as bash cuts words at `:` (`COMP_WORDBREAKS`).
fn cut_at_colons(url: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for (n, piece) in url.split(':').enumerate() {
        if n > 0 {
            words.push(":");
        }
        words.push(piece);
    }
    words
}

/// Two deployments: the stored login points at the first (alice's tokens only), the
/// line at the second (which also holds `bench-00001` and `bench-00002`).
struct TwoDeployments {
    stored: coder_sandbox::Sandbox,
    other: coder_sandbox::Sandbox,
    env: Env,
}

fn two_deployments() -> TwoDeployments {
    let stored = coder_sandbox::Sandbox::start_logging(coder_sandbox::Config::default()).unwrap();
    let other = coder_sandbox::Sandbox::start(coder_sandbox::Config {
        extra_tokens: 2,
        ..Default::default()
    })
    .unwrap();
    let env = Env::new();
    env.login_files(&stored.url(), &stored.owner_token());
    TwoDeployments { stored, other, env }
}

#[track_caller]
fn assert_names_of_the_other(two: &TwoDeployments, offered: &str) {
    assert!(
        offered.contains("bench-00001") && offered.contains("bench-00002"),
        "not the line's deployment: {offered}"
    );
    let sent: Vec<_> = two.stored.requests();
    assert!(sent.is_empty(), "the stored deployment was asked: {sent:?}");
}

#[test]
fn token_names_come_from_the_url_and_token_on_the_line_even_as_bash_cuts_them() {
    let two = two_deployments();
    let url = two.other.url();
    let token = two.other.owner_token();
    let mut words = vec!["coder", "--url"];
    words.extend(cut_at_colons(&url));
    words.extend(["--token", &token, "tokens", "rm", ""]);
    let (run, _) = dynamic_completions(&two.env, "bash", &words);
    run.success();
    assert_names_of_the_other(&two, &run.stdout);
    // `--url=…` is cut at the `=` too.
    let mut words = vec!["coder", "tokens", "view", "--url", "="];
    words.extend(cut_at_colons(&url));
    words.extend(["--token", "=", &token, "bench"]);
    let (run, _) = dynamic_completions(&two.env, "bash", &words);
    assert_names_of_the_other(&two, &run.stdout);
    assert!(!run.stdout.contains("ci-pipeline"), "{}", run.block());
}

#[test]
fn token_names_come_from_quoted_words_the_environment_or_another_config_dir() {
    let two = two_deployments();
    let (url, token) = (two.other.url(), two.other.owner_token());
    let quoted_url = format!("'{url}'");
    let quoted_token = format!("\"{token}\"");
    let words = [
        "coder",
        "--url",
        &quoted_url,
        "--token",
        &quoted_token,
        "tokens",
        "rm",
        "",
    ];
    let (run, _) = dynamic_completions(&two.env, "zsh", &words);
    assert_names_of_the_other(&two, &run.stdout);

    let mut env = Env::new();
    env.login_files(&two.stored.url(), &two.stored.owner_token());
    env.var("CODER_URL", &url)
        .var("CODER_SESSION_TOKEN", &token);
    let (run, _) = dynamic_completions(&env, "bash", &["coder", "tokens", "rm", ""]);
    assert_names_of_the_other(&two, &run.stdout);

    let elsewhere = two.env.home.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("url"), &url).unwrap();
    std::fs::write(elsewhere.join("session"), &token).unwrap();
    let dir = elsewhere.to_str().unwrap();
    let (run, _) = dynamic_completions(
        &two.env,
        "fish",
        &["coder", "--global-config", dir, "tokens", "rm", ""],
    );
    assert_names_of_the_other(&two, &run.stdout);

    // And without anything on the line, the stored login.
    let (run, _) = dynamic_completions(&two.env, "bash", &["coder", "tokens", "rm", ""]);
    assert!(
        run.stdout.contains("ci-pipeline") && !run.stdout.contains("bench-"),
        "{}",
        run.block()
    );
}

#[tokio::test]
async fn token_names_give_up_within_two_seconds_in_all_and_quietly() {
    // Every attempt is answered at once with "come back in 2 s": retries alone would
    // take 4 s.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "2"))
        .mount(&server)
        .await;
    let two = two_deployments();
    let uri = server.uri();
    let words = [
        "coder", "--url", &uri, "--token", SESSION, "tokens", "view", "",
    ];
    let (run, elapsed) = dynamic_completions(&two.env, "fish", &words);
    run.success();
    assert!(elapsed < Duration::from_millis(3000), "took {elapsed:?}");
    assert!(
        run.stdout.lines().all(|l| l.starts_with("--")),
        "{}",
        run.block()
    );
    assert_eq!(run.stderr, "");
}

/// Types `keys` into `program` (run interactively on a pseudo-terminal by zsh's zpty,
/// after its `READY> ` prompt), then leaves it; returns what the terminal showed.
fn type_keys(env: &Env, program: &str, keys: &str, envs: &[(&str, &OsStr)]) -> Option<String> {
    let driver = r#"
zmodload zsh/zpty
zpty z $=PROGRAM
zpty -r z out '*READY> '
zpty -w -n z "$KEYS"
sleep 0.3
zpty -w -n z $'\C-u'
zpty -w z 'exit'
while zpty -r z line; do print -rn -- "$line"; done
"#;
    let mut cmd = env.program("zsh");
    cmd.args(["-f", "-c", driver])
        .env("PROGRAM", program)
        .env("KEYS", keys)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in envs {
        cmd.env(key, value);
    }
    crate::harness::finish("zsh", cmd)
}

/// Types `line` and a TAB into `program`; see [`type_keys`].
fn type_tab(env: &Env, program: &str, line: &str, envs: &[(&str, &OsStr)]) -> Option<()> {
    type_keys(env, program, &format!("{line}\t"), envs).map(drop)
}

#[test]
fn a_real_bash_completes_token_names_from_the_line_s_deployment() {
    let two = two_deployments();
    let dir = tempfile::tempdir().unwrap();
    let hits = dir.path().join("hits");
    let rc = dir.path().join("bashrc");
    std::fs::write(
        &rc,
        r#"PS1='READY> '
source <(COMPLETE=bash "$CODER")
eval "orig$(declare -f _clap_complete_coder)"
_clap_complete_coder() { orig_clap_complete_coder "$@"; printf '%s\n' "${COMPREPLY[@]}" >> "$HITS"; }
"#,
    )
    .unwrap();
    let (url, token) = (two.other.url(), two.other.owner_token());
    let program = format!("bash --rcfile {} -i", rc.display());
    let envs = [
        ("CODER", OsStr::new(crate::harness::BIN)),
        ("HITS", hits.as_os_str()),
    ];
    // Before the command, and after it (where a URL cut at its colons would otherwise
    // be read as token names).
    for line in [
        format!("coder --url {url} --token {token} tokens rm "),
        format!("coder tokens view --url={url} --token {token} "),
    ] {
        if type_tab(&two.env, &program, &line, &envs).is_none() {
            return;
        }
        let offered = std::fs::read_to_string(&hits).unwrap_or_default();
        assert_names_of_the_other(&two, &offered);
        std::fs::remove_file(&hits).unwrap();
    }
}

#[test]
fn a_real_zsh_completes_token_names_from_quoted_words_on_the_line() {
    let two = two_deployments();
    let dir = tempfile::tempdir().unwrap();
    let hits = dir.path().join("hits");
    std::fs::write(
        dir.path().join(".zshrc"),
        format!(
            "PS1='READY> '\nautoload -Uz compinit && compinit -u -D\nsource <(COMPLETE=zsh \"$CODER\")\n{ZSH_RECORDER}\n"
        ),
    )
    .unwrap();
    let line = format!(
        "coder --url '{}' --token \"{}\" tokens view ",
        two.other.url(),
        two.other.owner_token()
    );
    let envs = [
        ("CODER", OsStr::new(crate::harness::BIN)),
        ("HITS", hits.as_os_str()),
        ("ZDOTDIR", dir.path().as_os_str()),
    ];
    if type_tab(&two.env, "zsh -d -i", &line, &envs).is_none() {
        return;
    }
    let offered = std::fs::read_to_string(&hits).unwrap_or_default();
    assert_names_of_the_other(&two, &offered);
}

// --- `coder completion`: the Go CLI's interface, and installing ----------------------------

/// A temp HOME whose shell is `shell`, with every place `coder completion` looks at
/// inside it.
pub fn shell_home(shell: &str) -> Env {
    let mut env = Env::new();
    let home = env.home.path().to_path_buf();
    env.var("SHELL", shell)
        .var("XDG_DATA_HOME", home.join(".local/share").to_str().unwrap())
        .var("ZDOTDIR", home.to_str().unwrap())
        .var("BASH_COMPLETION_USER_DIR", "");
    env
}

/// Every file under `dir`, with its contents.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let contents = std::fs::read(&path).unwrap();
                found.push((path, contents));
            }
        }
    }
    found.sort();
    found
}

/// The script `coder completion <shell>` prints.
fn printed(shell: &str) -> String {
    let run = Env::new().run(&["completion", shell]);
    run.success();
    run.stdout
}

/// Installs with `args` (and `--print=false`: stdout is not a terminal here, where
/// the script would be printed instead), twice: the first run writes, the second
/// changes nothing.
#[track_caller]
fn install_twice(env: &Env, args: &[&str]) -> Run {
    let args: Vec<&str> = args.iter().copied().chain(["--print=false"]).collect();
    let args = &args[..];
    let first = env.run(args);
    first.success();
    assert_eq!(first.stdout, "", "{}", first.block());
    assert!(first.stderr.contains("To undo:"), "{}", first.block());
    let before = files_under(env.home.path());
    let second = env.run(args);
    second.success();
    assert!(
        second.stderr.contains("nothing changed"),
        "{}",
        second.block()
    );
    assert_eq!(
        files_under(env.home.path()),
        before,
        "the second run changed files"
    );
    first
}

#[test]
fn go_style_print_flags_print_the_script_and_write_nothing() {
    let env = shell_home("/usr/bin/fish");
    for (args, shell) in [
        (&["completion", "-s", "zsh", "-p"][..], "zsh"),
        (&["completion", "--shell", "bash", "--print"], "bash"),
        (
            &["completion", "--shell=powershell", "--print=true"],
            "powershell",
        ),
        (&["completion", "-p"], "fish"),
        (&["completion", "zsh"], "zsh"),
        (&["completion", "elvish", "--print"], "elvish"),
    ] {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stdout, printed(shell), "{args:?}");
        assert_eq!(run.stderr, "", "{args:?}");
    }
    assert_eq!(files_under(env.home.path()), [], "printing wrote files");
}

/// The Go CLI prints instead of installing when stdout is not a terminal, so dotfiles
/// and install docs redirect it: `coder completion --shell bash > file`.
#[test]
fn redirected_output_gets_the_script_as_from_the_go_cli() {
    let env = shell_home("/bin/bash");
    for args in [&["completion", "--shell", "bash"][..], &["completion"]] {
        let run = env.run(args);
        run.success();
        assert!(run.stdout.contains("_coder"), "{args:?}: {}", run.block());
        assert_eq!(run.stderr, "", "{args:?}");
    }
    assert_eq!(files_under(env.home.path()), [], "nothing was installed");
}

/// At a terminal, the same command installs.
#[cfg(target_os = "linux")]
#[test]
fn at_a_terminal_the_script_is_installed() {
    let env = shell_home("/bin/bash");
    let command = format!(
        "'{}' completion --shell bash; echo done",
        crate::harness::BIN
    );
    let (code, screen) = crate::harness::shell_on_terminal(&env, &command, "done", &[]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Installed bash completions"), "{screen}");
    let script = env
        .home
        .path()
        .join(".local/share/bash-completion/completions/coder");
    assert!(std::fs::read_to_string(script).unwrap().contains("_coder"));
}

#[test]
fn completion_without_a_shell_it_can_tell_is_a_usage_error() {
    // (On Windows no SHELL means PowerShell.)
    let unset = [("", "SHELL is not set")]
        .into_iter()
        .filter(|_| cfg!(unix));
    for (shell, needle) in unset.chain([("/bin/tcsh", "no completions for tcsh")]) {
        let env = shell_home(shell);
        let run = env.run(&["completion"]);
        assert_usage_error(&run, &[needle, "--shell"]);
        assert_eq!(files_under(env.home.path()), []);
    }
    let env = shell_home("/bin/bash");
    let run = env.run(&["completion", "bash", "--shell", "zsh"]);
    run.failure(2);
    assert!(
        run.stderr.contains("cannot be used with"),
        "{}",
        run.block()
    );
    let run = env.run(&["completion", "-s", "tcsh"]);
    run.failure(2);
    assert!(run.stderr.contains("tcsh"), "{}", run.block());
    assert_eq!(files_under(env.home.path()), []);
}

#[cfg(unix)]
#[test]
fn bash_install_goes_where_bash_completion_looks_and_a_fresh_bash_completes() {
    let env = shell_home("/bin/bash");
    let first = install_twice(&env, &["completion"]);
    let script = env
        .home
        .path()
        .join(".local/share/bash-completion/completions/coder");
    assert!(
        first
            .stderr
            .contains(&format!("wrote {}", script.display())),
        "{}",
        first.block()
    );
    assert_eq!(std::fs::read_to_string(&script).unwrap(), printed("bash"));
    let loader = Path::new("/usr/share/bash-completion/bash_completion");
    if !loader.exists() {
        eprintln!("note: bash-completion is not installed; skipping the shell part");
        return;
    }
    // A user's usual ~/.bashrc loads bash-completion (Debian's default one does).
    std::fs::write(
        env.home.path().join(".bashrc"),
        format!("PS1='READY> '\n. {}\n", loader.display()),
    )
    .unwrap();
    let Some(screen) = type_keys(&env, "bash -i", "coder tokens \t\t", &[]) else {
        return;
    };
    for sub in crate::completions::SUBCOMMANDS {
        assert!(screen.contains(sub), "no {sub} offered:\n{screen}");
    }
    assert!(
        !screen.contains(crate::completions::NOT_A_TOKENS_SUBCOMMAND),
        "{screen}"
    );
}

/// What an interactive zsh in `env`'s HOME offers for `coder tokens <TAB>`; its
/// `.zshenv` records each match (the `.zshrc` is the user's, and ours).
fn fresh_zsh_offers(env: &Env) -> Option<Vec<String>> {
    let hits = env.home.path().join("hits");
    std::fs::write(
        env.home.path().join(".zshenv"),
        format!("PS1='READY> '\n{ZSH_RECORDER}\n"),
    )
    .unwrap();
    let envs = [("HITS", hits.as_os_str())];
    type_keys(env, "zsh -d -i", "coder tokens \t", &envs)?;
    let recorded = std::fs::read_to_string(&hits).unwrap_or_default();
    std::fs::remove_file(&hits).ok();
    Some(recorded.lines().map(str::to_string).collect())
}

#[track_caller]
fn assert_tokens_subcommands(offered: &[String]) {
    let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
    assert_offers_tokens_subcommands("zsh", &offered);
}

#[test]
fn zsh_install_adds_fpath_and_compinit_and_a_fresh_zsh_completes() {
    let env = shell_home("/usr/bin/zsh");
    let first = install_twice(&env, &["completion"]);
    let home = env.home.path();
    assert_eq!(
        std::fs::read_to_string(home.join(".zfunc/_coder")).unwrap(),
        printed("zsh")
    );
    let zshrc = std::fs::read_to_string(home.join(".zshrc")).unwrap();
    assert_eq!(
        zshrc,
        "# added by 'coder completion'\nfpath=(~/.zfunc $fpath)\n\
         # added by 'coder completion'\nautoload -Uz compinit && compinit\n"
    );
    assert!(
        first.stderr.contains("fpath=(~/.zfunc $fpath)"),
        "{}",
        first.block()
    );
    if let Some(offered) = fresh_zsh_offers(&env) {
        assert_tokens_subcommands(&offered);
    }
}

#[test]
fn zsh_install_puts_fpath_before_the_users_compinit() {
    let env = shell_home("/bin/sh");
    let home = env.home.path();
    let users = "export EDITOR=vi\nautoload -Uz compinit && compinit\nalias ll='ls -l'\n";
    std::fs::write(home.join(".zshrc"), users).unwrap();
    install_twice(&env, &["completion", "--shell", "zsh"]);
    assert_eq!(
        std::fs::read_to_string(home.join(".zshrc")).unwrap(),
        "export EDITOR=vi\n# added by 'coder completion'\nfpath=(~/.zfunc $fpath)\n\
         autoload -Uz compinit && compinit\nalias ll='ls -l'\n"
    );
    if let Some(offered) = fresh_zsh_offers(&env) {
        assert_tokens_subcommands(&offered);
    }
}

#[cfg(unix)]
#[test]
fn fish_install_goes_where_fish_autoloads_and_a_fresh_fish_completes() {
    let env = shell_home("/usr/bin/fish");
    install_twice(&env, &["completion"]);
    let script = env.xdg().join("fish/completions/coder.fish");
    assert_eq!(std::fs::read_to_string(&script).unwrap(), printed("fish"));
    // fish loads completions for commands it can find, as `coder` is once installed.
    let bin = env.home.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(crate::harness::BIN, bin.join("coder")).unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut fish = env.program("fish");
    fish.args(["-c", r#"complete -C "coder tokens ""#])
        .env("PATH", path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let Some(out) = crate::harness::finish("fish", fish) else {
        return;
    };
    let offered: Vec<String> = out
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    assert_tokens_subcommands(&offered);
}

/// (On Windows the profile is in the user's Documents, which the tests cannot give
/// each their own.)
#[cfg(unix)]
#[test]
fn powershell_and_elvish_installs_add_one_line_to_the_startup_file() {
    let env = shell_home("/usr/bin/pwsh");
    install_twice(&env, &["completion"]);
    let profile = env
        .xdg()
        .join("powershell/Microsoft.PowerShell_profile.ps1");
    assert_eq!(
        std::fs::read_to_string(profile).unwrap(),
        "# added by 'coder completion'\n\
         coder completion powershell | Out-String | Invoke-Expression\n"
    );
    let env = shell_home("/usr/local/bin/elvish");
    let rc = env.xdg().join("elvish/rc.elv");
    std::fs::create_dir_all(rc.parent().unwrap()).unwrap();
    std::fs::write(&rc, "use str").unwrap();
    install_twice(&env, &["completion"]);
    assert_eq!(
        std::fs::read_to_string(&rc).unwrap(),
        "use str\n\n# added by 'coder completion'\nuse coder\n"
    );
    let lib = env.xdg().join("elvish/lib/coder.elv");
    assert_eq!(std::fs::read_to_string(lib).unwrap(), printed("elvish"));
}

/// Dotfile managers link `.zshrc` into their repository, sometimes before the file
/// there exists: either way the link stays and its target gets the line.
#[cfg(unix)]
#[test]
fn a_startup_file_that_is_a_symlink_is_written_through_even_when_dangling() {
    for before in [Some("compinit\n"), None] {
        let env = shell_home("/usr/bin/zsh");
        let home = env.home.path();
        let dotfiles = home.join("dotfiles");
        std::fs::create_dir_all(&dotfiles).unwrap();
        if let Some(text) = before {
            std::fs::write(dotfiles.join("zshrc"), text).unwrap();
        }
        std::os::unix::fs::symlink("dotfiles/zshrc", home.join(".zshrc")).unwrap();
        install_twice(&env, &["completion"]);
        assert!(home.join(".zshrc").symlink_metadata().unwrap().is_symlink());
        let text = std::fs::read_to_string(dotfiles.join("zshrc")).unwrap();
        let expected = format!("fpath=(~/.zfunc $fpath)\n{}", before.unwrap_or(""));
        assert!(text.contains(&expected), "{text}");
        let names: Vec<_> = std::fs::read_dir(&dotfiles)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["zshrc"], "no temporary file is left beside it");
    }
}

// --- `logout` reads a piped answer -------------------------------------------------------

pub async fn logging_out() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/logout"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_piped_answer_other_than_yes_cancels_logout_and_changes_nothing() {
    let server = logging_out().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    for (stdin, why) in [
        ("n\n", "is not yes"),
        ("no", "is not yes"),
        ("yes please\n", "is not yes"),
        ("", "holds no answer"),
    ] {
        let run = env.run_with_stdin(&["logout"], stdin);
        run.failure(1);
        assert!(
            run.stderr
                .contains("Are you sure you want to log out? [y/N]"),
            "{}",
            run.block()
        );
        assert!(run.stderr.contains(why), "{stdin:?}: {}", run.block());
        assert!(run.stderr.contains("--yes"), "{}", run.block());
        assert_eq!(run.stdout, "");
        assert_eq!(env.read_config("session").as_deref(), Some(SESSION));
        assert_eq!(env.read_config("url"), Some(server.uri()));
    }
    assert!(received(&server).await.is_empty(), "a request was sent");
}

#[tokio::test]
async fn a_piped_yes_logs_out() {
    for answer in ["y\n", "yes\n", "YES", "  y  \r\n"] {
        let server = logging_out().await;
        let env = Env::new();
        env.login_files(&server.uri(), SESSION);
        let run = env.run_with_stdin(&["logout"], answer);
        run.success();
        assert!(
            run.stdout.contains("no longer logged in"),
            "{}",
            run.block()
        );
        assert_eq!(env.read_config("session"), None, "{answer:?}");
        assert_eq!(received(&server).await.len(), 1);
    }
}

// --- Lifetimes and values that start with a dash ---------------------------------------

#[tokio::test]
async fn zero_and_negative_lifetimes_are_refused_before_any_request() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    for lifetime in [
        &["--lifetime", "-1h"][..],
        &["--lifetime=-1h"],
        &["--lifetime", "0s"],
        &["--lifetime", "0"],
        &["--lifetime", "-0s"],
        &["--lifetime", "0d0h"],
    ] {
        let mut args = vec!["tokens", "create", "-n", "ci"];
        args.extend_from_slice(lifetime);
        assert_usage_error(&env.run(&args), &["a lifetime must be positive", "hint:"]);
    }
    env.var("CODER_TOKEN_LIFETIME", "0s");
    assert_usage_error(&env.run(&["tokens", "create"]), &["must be positive"]);
    assert!(received(&server).await.is_empty(), "a request was sent");
}

#[tokio::test]
async fn a_lifetime_without_a_digit_before_its_dot_is_refused_as_ambiguous() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let run = env.run(&["tokens", "create", "--lifetime", ".5h"]);
    assert_usage_error(&run, &["\".5h\"", "ambiguous", "0.5h or 5h"]);
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_value_starting_with_a_dash_is_a_value_unless_it_is_a_flag() {
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    env.run(&["tokens", "create", "-n", "-x", "--lifetime", "1h"])
        .success();
    let body = posted(&server).await;
    assert_eq!(body["token_name"], "-x");
    assert_eq!(body["lifetime"], 3_600_000_000_000_i64);
    // A flag after `-n` is a flag: `-n` has no value, and nothing is sent.
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    for args in [
        &["tokens", "create", "-n", "--lifetime", "1h"][..],
        &["tokens", "create", "-n", "-v"],
    ] {
        let run = env.run(args);
        assert_usage_error(&run, &["a value is required for '--name <NAME>'"]);
    }
    assert!(received(&server).await.is_empty());
}

// --- Names `create` takes can be addressed by `view` and `rm` -----------------------------

#[tokio::test]
async fn create_refuses_names_view_and_rm_could_never_take() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    for name in [" lead", "lead ", "ci\n", "a\tb", "tokenconfig", ".", ".."] {
        let run = env.run(&["tokens", "create", "-n", name]);
        assert_usage_error(&run, &["hint:"]);
    }
    let run = env.run(&["tokens", "create", "--name", ".."]);
    assert_usage_error(&run, &["named \"..\"", "directory step"]);
    let run = env.run(&["tokens", "create", "-n", " lead"]);
    assert_usage_error(&run, &["\" lead\"", "whitespace", "--name \"lead\""]);
    let run = env.run(&["tokens", "create", "--name=tokenconfig"]);
    assert_usage_error(&run, &["\"tokenconfig\"", "token settings"]);
    env.var("CODER_TOKEN_NAME", "\tci");
    assert_usage_error(
        &env.run(&["tokens", "create"]),
        &["invalid CODER_TOKEN_NAME", "whitespace"],
    );
    assert!(received(&server).await.is_empty(), "a request was sent");
}

#[tokio::test]
async fn create_refuses_names_shaped_like_a_token_and_users_a_url_cannot_carry() {
    let server = deployment().await;
    let mut env = Env::at(&server.uri(), SESSION);
    // `view` and `rm` take this shape for a full token and look up only its ID.
    let run = env.run(&[
        "tokens",
        "create",
        "-n",
        "nightlyjob-databasesnapshotlondon",
    ]);
    assert_usage_error(&run, &["nightlyjob-***", "shape of a full token"]);
    assert!(!run.stderr.contains("databasesnapshot"), "{}", run.block());
    for user in [".", "..", "bob\n", " bob"] {
        let run = env.run(&["tokens", "create", "-n", "ci", "-u", user]);
        assert_usage_error(&run, &["invalid --user", "directory step"]);
    }
    env.var("CODER_TOKEN_USER", "..");
    let run = env.run(&["tokens", "create", "-n", "ci"]);
    assert_usage_error(&run, &["invalid CODER_TOKEN_USER \"..\""]);
    assert!(received(&server).await.is_empty(), "a request was sent");
}

#[tokio::test]
async fn view_and_rm_refuse_a_token_with_text_around_it_and_directory_steps() {
    const KEY: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
    const OTHER: &str = "Yk2m9QpR7a-Yb3Qw8Lp1Vn6Tr4Ys0Hc2J";
    let server = deployment().await;
    let env = Env::at(&server.uri(), SESSION);
    let pasted = [
        format!("{KEY},{OTHER}"),
        format!("Bearer {KEY}"),
        format!("\u{feff}{KEY}"),
        format!("{KEY}\""),
    ];
    for arg in &pasted {
        for command in [
            &["tokens", "rm"][..],
            &["tokens", "view"],
            &["-v", "tokens", "rm"],
        ] {
            let run = env.run(&[command, &[arg.as_str()]].concat());
            assert_usage_error(&run, &["a full token inside it", "Xk2m9QpR7a-***"]);
            assert!(!run.stderr.contains("Zb3Qw8"), "{}", run.block());
            assert!(!run.stderr.contains("Yb3Qw8"), "{}", run.block());
        }
    }
    // The first is checked with the others before anything is removed.
    let run = env.run(&["tokens", "rm", KEY, &pasted[0]]);
    assert_usage_error(&run, &["a full token inside it"]);
    for step in [".", ".."] {
        let run = env.run(&["tokens", "view", step]);
        assert_usage_error(&run, &["directory step", "by its ID"]);
    }
    assert!(received(&server).await.is_empty(), "a request was sent");
}

#[test]
fn view_and_rm_of_tokenconfig_say_why_no_name_reaches_it() {
    let sandbox = coder_sandbox::Sandbox::start(coder_sandbox::Config::default()).unwrap();
    let mut env = Env::new();
    env.var("CODER_URL", &sandbox.url())
        .var("CODER_SESSION_TOKEN", &sandbox.owner_token());
    for args in [
        &["tokens", "view", "tokenconfig"][..],
        &["tokens", "rm", "tokenconfig"],
    ] {
        let run = env.run(args);
        run.failure(1);
        assert!(run.stderr.contains("token settings"), "{}", run.block());
        assert!(run.stderr.contains("by its ID"), "{}", run.block());
    }
}

// --- An overridden keyring request is noted ---------------------------------------------

/// Only macOS and Windows override an explicit keyring request (the decision itself is
/// unit-tested for every system in `src/session/backend.rs`).
#[cfg(any(target_os = "macos", target_os = "windows"))]
#[test]
fn an_explicit_keyring_request_overridden_by_the_config_dir_is_noted_once() {
    let env = Env::new();
    let dir = env.home.path().join("extension");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("url"), "http://127.0.0.1:9").unwrap();
    std::fs::write(dir.join("session"), SESSION).unwrap();
    let dir = dir.to_str().unwrap();
    let run = env.run(&["login", "token", "--use-keyring", "--global-config", dir]);
    run.success();
    assert_eq!(run.stdout.trim(), SESSION);
    assert_eq!(
        run.stderr.matches("note: --use-keyring").count(),
        1,
        "{}",
        run.block()
    );
    // logout opens the store twice; the note still comes once.
    let run = env.run(&[
        "logout",
        "--yes",
        "--use-keyring=true",
        "--global-config",
        dir,
    ]);
    assert_eq!(
        run.stderr.matches("note: --use-keyring").count(),
        1,
        "{}",
        run.block()
    );
}

#[test]
fn no_keyring_note_when_nothing_is_overridden() {
    let env = Env::new();
    let dir = env.home.path().join("extension");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("url"), "http://127.0.0.1:9").unwrap();
    std::fs::write(dir.join("session"), SESSION).unwrap();
    let dir = dir.to_str().unwrap();
    for args in [
        &["login", "token", "--global-config", dir][..],
        &[
            "login",
            "token",
            "--use-keyring=false",
            "--global-config",
            dir,
        ],
    ] {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stderr, "", "{}", run.block());
    }
}
