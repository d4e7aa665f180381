//! The shipped completion scripts in `completions/`: fresh, and working in real shells.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{self, Env};

/// Setting this rewrites stale files instead of failing.
const UPDATE: &str = "UPDATE_COMPLETIONS";

/// Each shell `coder completion` knows, and the file shipped for it.
const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "coder.bash"),
    ("zsh", "_coder"),
    ("fish", "coder.fish"),
    ("powershell", "_coder.ps1"),
    ("elvish", "coder.elv"),
];

/// What completing `coder tokens ` must offer, and what it must not (a top-level command).
pub const SUBCOMMANDS: [&str; 4] = ["create", "list", "view", "remove"];
pub const NOT_A_TOKENS_SUBCOMMAND: &str = "login";

/// A zsh `compadd` that also appends each match it adds to the file `$HITS`.
pub const ZSH_RECORDER: &str = r#"compadd() { local -a hits; builtin compadd -O hits "$@"; print -rl -- $hits >> "$HITS"; builtin compadd "$@"; }"#;

/// The shipped script for `file` in `completions/`.
pub fn script_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file)
}

#[test]
fn shipped_scripts_match_what_the_binary_generates() {
    let env = Env::new();
    let update = std::env::var_os(UPDATE).is_some_and(|v| !v.is_empty());
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let run = env.run(&["completion", shell]);
        run.success();
        assert!(
            run.stdout.contains("coder"),
            "{shell} script is empty:\n{}",
            run.block()
        );
        let path = script_path(file);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(run.stdout.as_str()) {
            continue;
        }
        if update {
            std::fs::write(&path, &run.stdout).unwrap();
        } else {
            stale.push(format!("completions/{file}"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale completion scripts: {}\nregenerate them with: {UPDATE}=1 cargo test --test it completions::",
        stale.join(", ")
    );
}

#[test]
fn completion_rejects_an_unknown_shell() {
    let run = Env::new().run(&["completion", "tcsh"]);
    run.failure(2);
    assert!(run.stderr.contains("tcsh"), "{}", run.block());
}

/// Runs `program` in a temp HOME (and `cwd`, when given) with `envs`, waiting at most
/// 30 s; returns stdout, or `None` (after a note) when the program is not installed.
pub fn run_shell(
    program: &str,
    args: &[&str],
    envs: &[(&str, &OsStr)],
    cwd: Option<&Path>,
) -> Option<String> {
    let env = Env::new();
    let mut cmd = env.program(program);
    cmd.args(args)
        .env("XDG_DATA_HOME", env.home.path().join(".local/share"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(cwd) = cwd {
        cmd.current_dir(cwd);
    }
    for (key, value) in envs {
        cmd.env(key, value);
    }
    harness::finish(program, cmd)
}

#[track_caller]
pub fn assert_offers_tokens_subcommands(shell: &str, offered: &[&str]) {
    for sub in SUBCOMMANDS {
        assert!(
            offered.contains(&sub),
            "{shell}: `coder tokens ` does not offer {sub}; offered: {offered:?}"
        );
    }
    assert!(
        !offered.contains(&NOT_A_TOKENS_SUBCOMMAND),
        "{shell}: `coder tokens ` offers the top-level {NOT_A_TOKENS_SUBCOMMAND}: {offered:?}"
    );
}

#[test]
fn bash_completes_tokens_subcommands() {
    // `complete -p coder` prints the registration; its `-F` names the function to call
    // the way bash would for `coder tokens <TAB>`.
    let script = r#"
set -e
source "$SCRIPT"
complete -p coder
[[ $(complete -p coder) =~ -F\ ([^ ]+) ]]
func=${BASH_REMATCH[1]}
COMP_WORDS=(coder tokens "")
COMP_CWORD=2
COMP_LINE="coder tokens "
COMP_POINT=${#COMP_LINE}
"$func" coder "" tokens
printf 'offer:%s\n' "${COMPREPLY[@]}"
"#;
    let Some(out) = run_shell(
        "bash",
        &["--norc", "--noprofile", "-c", script],
        &[("SCRIPT", script_path("coder.bash").as_os_str())],
        None,
    ) else {
        return;
    };
    let registration = out.lines().next().unwrap_or_default();
    assert!(
        registration.starts_with("complete ") && registration.ends_with(" coder"),
        "complete -p coder: {out}"
    );
    let offered: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("offer:"))
        .collect();
    assert_offers_tokens_subcommands("bash", &offered);
}

/// The registration `COMPLETE=bash coder` prints runs the program by the path it was
/// started with, which may hold anything a directory name can: a real bash that
/// sources it completes, and runs nothing the path spells.
#[cfg(unix)]
#[test]
fn bash_registration_runs_a_program_whose_path_has_shell_characters() {
    let bin = crate::go_cli::Bin::new();
    let coder = bin.copy_of_us(r#"sp ace $(touch pwned) "q" `touch tick` it's \ a!b"#, true);
    let script = r#"
source <(COMPLETE=bash "$CODER")
COMP_WORDS=(coder tokens "")
COMP_CWORD=2
COMP_LINE="coder tokens "
COMP_POINT=${#COMP_LINE}
_clap_complete_coder coder "" tokens
printf 'offer:%s\n' "${COMPREPLY[@]}"
"#;
    let cwd = tempfile::tempdir().unwrap();
    let Some(out) = run_shell(
        "bash",
        &["--norc", "--noprofile", "-c", script],
        &[("CODER", coder.as_os_str())],
        Some(cwd.path()),
    ) else {
        return;
    };
    let offered: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("offer:"))
        .collect();
    assert_offers_tokens_subcommands("bash", &offered);
    let ran: Vec<_> = std::fs::read_dir(cwd.path()).unwrap().collect();
    assert!(ran.is_empty(), "{ran:?}");
}

#[test]
fn fish_completes_tokens_subcommands() {
    let Some(offered) = fish_offers("coder tokens ") else {
        return;
    };
    let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
    assert_offers_tokens_subcommands("fish", &offered);
}

/// What the shipped fish script offers for `line` (`complete -C`); `None` without fish.
fn fish_offers(line: &str) -> Option<Vec<String>> {
    let script = r#"source $SCRIPT; and complete -C "$LINE""#;
    let out = run_shell(
        "fish",
        &["--no-config", "-c", script],
        &[
            ("SCRIPT", script_path("coder.fish").as_os_str()),
            ("LINE", OsStr::new(line)),
        ],
        None,
    )?;
    // Each line is `candidate<TAB>description`.
    Some(
        out.lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect(),
    )
}

/// zsh completes only inside the line editor, so this drives an interactive zsh on a
/// pseudo-terminal (zsh/zpty), types `coder tokens <TAB>`, and records every match
/// added through `compadd` to a file.
#[test]
fn zsh_completes_tokens_subcommands() {
    let cwd = tempfile::tempdir().unwrap();
    let Some(offered) = zsh_offers("coder tokens ", cwd.path()) else {
        return;
    };
    let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
    assert_offers_tokens_subcommands("zsh", &offered);
}

/// What the shipped zsh script adds as matches (`compadd`) when `line` and a TAB are
/// typed into an interactive zsh on a pseudo-terminal, in `cwd`.
pub fn zsh_offers(line: &str, cwd: &Path) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let hits = dir.path().join("hits");
    std::fs::write(
        dir.path().join(".zshrc"),
        format!(
            "PS1='READY> '\nautoload -Uz compinit && compinit -u -D\nsource \"$SCRIPT\"\n{ZSH_RECORDER}\n"
        ),
    )
    .unwrap();
    let driver = r#"
zmodload zsh/zpty
zpty z zsh -d -i
zpty -r z out '*READY> '
zpty -w -n z "$LINE"$'\t'
sleep 0.3
zpty -w -n z $'\C-u'
zpty -w z 'exit'
while zpty -r z line; do :; done
"#;
    let script = script_path("_coder");
    let envs = [
        ("ZDOTDIR", dir.path().as_os_str()),
        ("SCRIPT", script.as_os_str()),
        ("HITS", hits.as_os_str()),
        ("LINE", OsStr::new(line)),
    ];
    run_shell("zsh", &["-f", "-c", driver], &envs, Some(cwd))?;
    let recorded = std::fs::read_to_string(&hits).unwrap_or_default();
    Some(recorded.lines().map(str::to_string).collect())
}

/// Asks the binary for the completions of the last of `words`, as the registration
/// script for `shell` does (bash and zsh hand over the words as typed).
pub fn dynamic_completions(env: &Env, shell: &str, words: &[&str]) -> (harness::Run, Duration) {
    dynamic_completions_with(env, shell, words, &[])
}

/// [`dynamic_completions`], with more of the registration's variables set (`vars`).
fn dynamic_completions_with(
    env: &Env,
    shell: &str,
    words: &[&str],
    vars: &[(&str, &str)],
) -> (harness::Run, Duration) {
    let mut args = vec!["--"];
    args.extend_from_slice(words);
    let mut cmd = env.command(&args);
    cmd.envs(vars.iter().copied());
    cmd.env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n");
    let started = Instant::now();
    let run = harness::run_command(cmd, "");
    (run, started.elapsed())
}

#[test]
fn token_names_complete_from_the_deployment() {
    let sandbox = coder_sandbox::Sandbox::start(coder_sandbox::Config::default()).unwrap();
    let env = Env::new();
    env.login_files(&sandbox.url(), &sandbox.owner_token());
    let (run, _) = dynamic_completions(&env, "bash", &["coder", "tokens", "view", "ci"]);
    run.success();
    assert_eq!(run.stdout.trim(), "ci-pipeline", "{}", run.block());
    let (run, _) = dynamic_completions(&env, "bash", &["coder", "tokens", "rm", ""]);
    let names: Vec<&str> = run.stdout.lines().collect();
    assert!(
        names.contains(&"ci-pipeline") && names.contains(&"readonly-dashboard"),
        "{names:?}"
    );
    // Expired tokens are not offered, and nobody else's.
    assert!(
        !names.contains(&"old-laptop") && !names.contains(&"bob-laptop"),
        "{names:?}"
    );
}

#[test]
fn token_name_completion_gives_up_quietly_and_quickly() {
    // A deployment that accepts the connection and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let env = Env::new();
    env.login_files(
        &format!("http://{}", listener.local_addr().unwrap()),
        harness::SESSION,
    );
    let (run, elapsed) = dynamic_completions(&env, "bash", &["coder", "tokens", "view", ""]);
    run.success();
    // Only the flags clap always offers: no names, no error text in the shell.
    assert!(
        run.stdout.lines().all(|l| l.starts_with("--")),
        "{}",
        run.block()
    );
    assert_eq!(run.stderr, "");
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    drop(listener);
}

/// Commands are offered by their names, and by an alias only when the name does not
/// match what was typed; short flags are not offered run together with the one typed.
#[test]
fn commands_are_offered_by_name_and_no_short_flags_run_together() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let offered = |words: &[&str]| {
            let (run, _) = dynamic_completions(&env, shell, words);
            run.success();
            run.stdout
                .lines()
                .map(|l| l.split(['\t', ':']).next().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let top = offered(&["coder", ""]);
        assert!(
            top.contains(&"tokens".into()) && !top.contains(&"token".into()),
            "{shell}: {top:?}"
        );
        assert_eq!(offered(&["coder", "to"]), ["tokens"], "{shell}");
        let tokens = offered(&["coder", "tokens", ""]);
        assert_offers_tokens_subcommands(
            shell,
            &tokens.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        for alias in ["token", "ls", "rm", "delete"] {
            assert!(!tokens.contains(&alias.into()), "{shell}: {tokens:?}");
        }
        assert_eq!(offered(&["coder", "tokens", "r"]), ["remove"], "{shell}");
        assert_eq!(offered(&["coder", "tokens", "d"]), ["delete"], "{shell}");
        assert_eq!(
            offered(&["coder", "tokens", "rm", "-r"]),
            Vec::<String>::new(),
            "{shell}"
        );
        let flags = offered(&["coder", "tokens", "rm", "-v"]);
        assert!(
            flags.iter().all(|f| f.len() <= 2 || f.starts_with("--")),
            "{shell}: {flags:?}"
        );
    }
}

/// bash's pieces of a word it cut at `=` and `:`, with the line up to the cursor, as
/// its registration passes them: the candidates complete the whole word and are given
/// without the part bash leaves in place.
#[test]
fn bash_candidates_replace_only_the_piece_after_the_last_cut() {
    let env = Env::new();
    let offered = |words: &[&str], line: &str| {
        let vars = [("_CODER_COMPLETE_LINE", line)];
        let (run, _) = dynamic_completions_with(&env, "bash", words, &vars);
        run.success();
        run.stdout.lines().map(str::to_string).collect::<Vec<_>>()
    };
    let words = ["coder", "tokens", "ls", "--output", "=", "j"];
    assert_eq!(offered(&words, "coder tokens ls --output=j"), ["json"]);
    let words = ["coder", "tokens", "ls", "-c", "=", "id,na"];
    assert_eq!(offered(&words, "coder tokens ls -c=id,na"), ["id,name"]);
    // Right after `=`, bash hands over an empty piece in its place.
    let words = ["coder", "tokens", "ls", "--output", ""];
    assert_eq!(
        offered(&words, "coder tokens ls --output="),
        ["table", "json"]
    );
    assert_eq!(
        offered(&["coder", "--url", ""], "coder --url="),
        Vec::<String>::new()
    );
}

#[test]
fn login_status_and_its_options_complete() {
    let env = Env::new();
    let offered = |words: &[&str]| {
        let (run, _) = dynamic_completions(&env, "bash", words);
        run.success();
        run.stdout.lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(offered(&["coder", "login", "st"]), ["status"]);
    let options = offered(&["coder", "login", "status", "--"]);
    for option in ["--valid-for", "--output"] {
        assert!(options.iter().any(|o| o == option), "{options:?}");
    }
    assert_eq!(
        offered(&["coder", "login", "status", "-o", ""]),
        ["text", "json"]
    );

    // The shipped script, too.
    if let Some(offered) = fish_offers("coder login ") {
        for sub in ["status", "token"] {
            assert!(offered.iter().any(|o| o == sub), "{offered:?}");
        }
    }
}
