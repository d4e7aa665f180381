//! TAB in real shells, against a deployment whose token names are hostile: each name
//! is inserted as one literal word, and what runs after Enter is exactly what the line
//! says. Both completers are driven: this binary's own (`COMPLETE=<shell> coder`) and
//! the block Coder's Go CLI installs, which asks this binary through its completion
//! protocol.

use std::io::{Read, Write};
use std::path::Path;

use coder_sandbox::Sandbox;

use crate::go_cli::{BEGIN, Bin, END, go_script};
use crate::harness::Env;
use crate::tty::{PROMPT, Terminal};

/// Token names a deployment may hold: anyone who may create tokens for the user (an
/// owner) chooses them.
const HOSTILE: [&str; 11] = [
    "uniq my token",
    "uniq other",
    "zz$(touch pwned)",
    "a;b",
    "*",
    "-rf",
    "~x",
    "it's",
    "back`tick`",
    "x|y&z",
    "qq\nline",
];

/// A deployment with the hostile names, a `coder` on `PATH` that is this binary, and a
/// directory to work in holding a file named like an existing token (so that a glob
/// that expanded would name it).
struct Setup {
    sandbox: Sandbox,
    env: Env,
    bin: Bin,
    cwd: tempfile::TempDir,
}

fn setup() -> Setup {
    setup_with(&HOSTILE)
}

/// [`setup`], with a deployment holding `names`.
fn setup_with(names: &[&str]) -> Setup {
    let sandbox = Sandbox::start(coder_sandbox::Config::default()).unwrap();
    for name in names {
        create_token(&sandbox, name);
    }
    let mut env = Env::new();
    env.var("CODER_URL", &sandbox.url())
        .var("CODER_SESSION_TOKEN", &sandbox.owner_token());
    let bin = Bin::new();
    bin.copy_of_us("bin", true);
    let cwd = tempfile::tempdir().unwrap();
    std::fs::write(cwd.path().join("ci-pipeline"), "").unwrap();
    sandbox.clear_requests();
    Setup {
        sandbox,
        env,
        bin,
        cwd,
    }
}

/// Creates a token named `name` (any text: the API takes it) for the sandbox's owner.
fn create_token(sandbox: &Sandbox, name: &str) {
    let body = serde_json::json!({ "token_name": name }).to_string();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", sandbox.port())).unwrap();
    write!(
        stream,
        "POST /api/v2/users/me/keys/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Coder-Session-Token: {}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        sandbox.owner_token(),
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{name:?}: {answer}");
}

impl Setup {
    /// `PATH` with this binary as `coder` first.
    fn path(&self) -> std::ffi::OsString {
        self.bin.path(&["bin"], std::env::var_os("PATH"))
    }

    /// The names the deployment was asked to look up (`tokens rm <name>`), decoded.
    fn looked_up(&self) -> Vec<String> {
        let prefix = "/api/v2/users/me/keys/tokens/";
        self.sandbox
            .requests()
            .iter()
            .filter(|r| r.method == "GET")
            .filter_map(|r| r.path_and_query.strip_prefix(prefix))
            .map(percent_decoded)
            .collect()
    }

    /// How many tokens were expired.
    fn expired(&self) -> usize {
        let requests = self.sandbox.requests();
        let expires = |r: &&coder_sandbox::LoggedRequest| {
            r.method == "PUT" && r.path_and_query.ends_with("/expire") && r.status == 204
        };
        requests.iter().filter(expires).count()
    }

    /// Asserts that exactly the tokens `names` were looked up and expired, and that
    /// nothing else ran: no `pwned` file, no other token touched.
    #[track_caller]
    fn assert_ran_exactly(&self, names: &[&str]) {
        assert_eq!(self.looked_up(), names, "the names `tokens rm` was given");
        assert_eq!(self.expired(), names.len());
        assert!(
            !self.cwd.path().join("pwned").exists() && !self.env.home.path().join("pwned").exists(),
            "a command substitution ran"
        );
    }
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' && at + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[at + 1..at + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// One TAB: what is typed after `coder tokens rm `, the command line expected after
/// TAB (after `coder tokens rm `), and the token name it stands for (`None`: no
/// candidate, the line stays as typed and is not run).
type Case = (&'static str, &'static str, Option<&'static str>);

/// Types each case on `terminal`, checks the line after TAB, runs it, and finally
/// checks that exactly the tokens named ran.
fn drive(setup: &Setup, terminal: &Terminal<'_>, cases: &[Case]) {
    let mut ran = Vec::new();
    for (typed, expected, name) in cases {
        let line = terminal.complete(&format!("coder tokens rm {typed}"));
        assert_eq!(
            line.trim_end(),
            format!("coder tokens rm {expected}"),
            "after TAB on {typed:?}; the screen:\n{}",
            terminal.screen()
        );
        match name {
            Some(name) => {
                let screen = terminal.run_line();
                assert!(
                    screen.contains("Token has been expired."),
                    "{typed:?}:\n{screen}"
                );
                ran.push(*name);
            }
            None => terminal.press(&["C-u"]),
        }
    }
    setup.assert_ran_exactly(&ran);
}

/// The cases every shell shares: what they insert is written in the shell's own
/// quoting, which these three agree on.
const CASES: [Case; 9] = [
    ("uniq\\ m", r"uniq\ my\ token", Some("uniq my token")),
    ("zz", r"zz\$\(touch\ pwned\)", Some("zz$(touch pwned)")),
    ("a", r"a\;b", Some("a;b")),
    ("'*", "'*'", Some("*")),
    ("\\~", r"\~x", Some("~x")),
    ("it", r"it\'s", Some("it's")),
    ("x", r"x\|y\&z", Some("x|y&z")),
    ("\"uniq o", "\"uniq other\"", Some("uniq other")),
    // A name that cannot be one line is not offered at all.
    ("qq", "qq", None),
];

/// A directory with a shell's startup file.
fn rc_dir(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    dir
}

const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// bash with bash-completion loaded (as a user's `.bashrc` on Debian does), then
/// `registration`.
fn bash<'e>(setup: &'e Setup, registration: &str) -> Option<(Terminal<'e>, tempfile::TempDir)> {
    if !Path::new(BASH_COMPLETION).exists() {
        eprintln!("note: bash-completion is not installed; skipping this test");
        return None;
    }
    let rc = rc_dir(
        "bashrc",
        &format!("PS1='{PROMPT}'\n. {BASH_COMPLETION}\n{registration}\n"),
    );
    let shell = format!("bash --rcfile {} -i", rc.path().join("bashrc").display());
    let path = setup.path();
    let envs = [("PATH", path.as_os_str())];
    let terminal = Terminal::start(&setup.env, &shell, &envs, setup.cwd.path())?;
    Some((terminal, rc))
}

fn zsh<'e>(setup: &'e Setup, registration: &str) -> Option<(Terminal<'e>, tempfile::TempDir)> {
    let rc = rc_dir(
        ".zshrc",
        &format!("PS1='{PROMPT}'\nautoload -Uz compinit && compinit -u -D\n{registration}\n"),
    );
    let path = setup.path();
    let envs = [
        ("PATH", path.as_os_str()),
        ("ZDOTDIR", rc.path().as_os_str()),
    ];
    let terminal = Terminal::start(&setup.env, "zsh -d -i", &envs, setup.cwd.path())?;
    Some((terminal, rc))
}

/// fish with `config.fish` and, when given, `completions/coder.fish`.
fn fish<'e>(
    setup: &'e Setup,
    config: &str,
    completions: Option<&str>,
) -> Option<(Terminal<'e>, tempfile::TempDir)> {
    let rc = rc_dir(
        "fish/config.fish",
        &format!(
            "function fish_prompt; echo -n '{PROMPT}'; end\nset -g fish_greeting ''\n\
             set -g fish_autosuggestion_enabled 0\n{config}\n"
        ),
    );
    if let Some(script) = completions {
        let path = rc.path().join("fish/completions/coder.fish");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, script).unwrap();
    }
    let path = setup.path();
    let envs = [
        ("PATH", path.as_os_str()),
        ("XDG_CONFIG_HOME", rc.path().as_os_str()),
    ];
    let terminal = Terminal::start(&setup.env, "fish -i", &envs, setup.cwd.path())?;
    Some((terminal, rc))
}

#[test]
fn bash_inserts_each_hostile_name_as_one_literal_word() {
    let setup = setup();
    let Some((terminal, _rc)) = bash(&setup, "source <(COMPLETE=bash coder)") else {
        return;
    };
    drive(&setup, &terminal, &CASES);
}

#[test]
fn zsh_inserts_each_hostile_name_as_one_literal_word() {
    let setup = setup();
    let Some((terminal, _rc)) = zsh(&setup, "source <(COMPLETE=zsh coder)") else {
        return;
    };
    drive(&setup, &terminal, &CASES);
}

#[test]
fn fish_inserts_each_hostile_name_as_one_literal_word() {
    let setup = setup();
    let Some((terminal, _rc)) = fish(&setup, "COMPLETE=fish coder | source", None) else {
        return;
    };
    drive(&setup, &terminal, &CASES);
}

/// bash cuts words at `:` and `=` and replaces only the piece after the last cut: a
/// name with them in it completes from what was typed of the whole name, and so do
/// `--flag=value` and a list after `=`.
#[test]
fn bash_completes_words_bash_cuts_at_colons_and_equals_signs() {
    let setup = setup_with(&["cc:colon=eq", "cc:colon=uniq my token"]);
    let Some((terminal, _rc)) = bash(&setup, "source <(COMPLETE=bash coder)") else {
        return;
    };
    for (typed, expected) in [
        (
            "coder tokens ls --output=j",
            "coder tokens ls --output=json",
        ),
        (
            "coder tokens ls --column=id,na",
            "coder tokens ls --column=id,name",
        ),
        ("coder tokens ls -c=id,na", "coder tokens ls -c=id,name"),
        ("coder tokens rm cc:", "coder tokens rm cc:colon="),
        ("coder tokens rm cc:c", "coder tokens rm cc:colon="),
        // A name that starts like one of those but is cut elsewhere matches none.
        ("coder tokens rm cc : c", "coder tokens rm cc : c"),
    ] {
        let line = terminal.complete(typed);
        assert_eq!(line.trim_end(), expected, "{}", terminal.screen());
        terminal.press(&["C-u"]);
    }
    let cases = [
        ("cc:colon=e", "cc:colon=eq", Some("cc:colon=eq")),
        (
            "cc:colon=u",
            r"cc:colon=uniq\ my\ token",
            Some("cc:colon=uniq my token"),
        ),
    ];
    drive(&setup, &terminal, &cases);
}

/// The Go CLI's block, as its installer writes it.
fn go_block(file: &str) -> String {
    format!("{BEGIN}{}{END}\n", go_script(file))
}

/// What the Go CLI's blocks must complete with this binary: subcommands, flags,
/// choices, token names (then run: `cases`).
fn drive_go_block(setup: &Setup, terminal: &Terminal<'_>, cases: &[Case]) {
    for (typed, expected) in [
        ("coder tok", "coder tokens"),
        ("coder tokens li", "coder tokens list"),
        (
            "coder tokens list --inc",
            "coder tokens list --include-expired",
        ),
        (
            "coder tokens list --output j",
            "coder tokens list --output json",
        ),
        (
            "coder completion --shell=fi",
            "coder completion --shell=fish",
        ),
    ] {
        let line = terminal.complete(typed);
        assert_eq!(line.trim_end(), expected, "{}", terminal.screen());
        terminal.press(&["C-u"]);
    }
    drive(setup, terminal, cases);
}

/// zsh and fish match the candidates against the word as they read it.
const GO_BLOCK_CASES: [Case; 4] = [
    ("uniq\\ m", r"uniq\ my\ token", Some("uniq my token")),
    ("zz", r"zz\$\(touch\ pwned\)", Some("zz$(touch pwned)")),
    ("\\~", r"\~x", Some("~x")),
    ("qq", "qq", None),
];

#[test]
fn the_go_cli_s_bash_block_completes_with_this_binary() {
    let setup = setup();
    let Some((terminal, _rc)) = bash(&setup, &go_block("bash.sh")) else {
        return;
    };
    // Its `compgen` matches the word as typed, quotes and all: quoted prefixes find
    // nothing there (with the Go CLI too).
    let cases = [
        ("zz", r"zz\$\(touch\ pwned\)", Some("zz$(touch pwned)")),
        ("it", r"it\'s", Some("it's")),
        ("qq", "qq", None),
    ];
    drive_go_block(&setup, &terminal, &cases);
}

#[test]
fn the_go_cli_s_zsh_block_completes_with_this_binary() {
    let setup = setup();
    let Some((terminal, _rc)) = zsh(&setup, &go_block("zsh.zsh")) else {
        return;
    };
    drive_go_block(&setup, &terminal, &GO_BLOCK_CASES);
}

#[test]
fn the_go_cli_s_fish_script_completes_with_this_binary() {
    let setup = setup();
    let Some((terminal, _rc)) = fish(&setup, "", Some(&go_block("fish.fish"))) else {
        return;
    };
    drive_go_block(&setup, &terminal, &GO_BLOCK_CASES);
}
