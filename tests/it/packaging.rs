//! What a release archive ships beside the binary (`.ci/package`): the man pages the
//! hidden `coder generate-man-pages DIR` writes, complete and hidden themselves, and a
//! `--version` that names the commit.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::completions::{dynamic_completions, script_path};
use crate::harness::Env;

const HIDDEN: &str = "generate-man-pages";

/// The shipped completion scripts (`completions/`).
const SCRIPTS: [&str; 5] = [
    "coder.bash",
    "_coder",
    "coder.fish",
    "_coder.ps1",
    "coder.elv",
];

/// Every command, as the words after `coder` (the root first, as none), found by walking
/// the help: each command's `Commands:` section names the ones under it.
fn command_paths(env: &Env) -> Vec<Vec<String>> {
    let mut paths = vec![Vec::new()];
    let mut next = 0;
    while next < paths.len() {
        let path = paths[next].clone();
        next += 1;
        for name in subcommands(&help(env, &path)) {
            let mut sub = path.clone();
            sub.push(name);
            paths.push(sub);
        }
    }
    paths
}

fn help(env: &Env, path: &[String]) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    let run = env.run(&args);
    run.success();
    run.stdout
}

/// The names in a help text's `Commands:` section, but clap's `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        // A description's continuation is indented further than a name.
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// The long options a help text defines (`-n, --name <NAME>`, `--all[=<BOOL>]`).
fn long_options(help: &str) -> BTreeSet<String> {
    help.lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with('-'))
        .filter_map(|line| {
            line.split([' ', ',', '[', '='])
                .find(|word| word.starts_with("--") && word.len() > 2)
        })
        .map(str::to_string)
        .collect()
}

/// `coder-tokens-create` for `["tokens", "create"]`.
fn page_name(path: &[String]) -> String {
    std::iter::once("coder")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// Text as it appears in roff source, where `-` is written `\-`.
fn roff(text: &str) -> String {
    text.replace('-', "\\-")
}

/// The pages `coder generate-man-pages` writes into a fresh directory, by file name.
fn generate_pages(env: &Env) -> Vec<(String, String)> {
    let dir = env.home.path().join("man/man1");
    let run = env.run(&[HIDDEN, dir.to_str().unwrap()]);
    run.success();
    assert_eq!(run.stdout, "", "{}", run.block());
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn man_pages_are_written_for_every_command() {
    let env = Env::new();
    let paths = command_paths(&env);
    // The walk must see the tree it is there to see.
    assert!(
        paths.contains(&vec!["login".to_string(), "token".to_string()]),
        "{paths:?}"
    );
    let expected: BTreeSet<String> = paths
        .iter()
        .map(|path| format!("{}.1", page_name(path)))
        .collect();
    let pages = generate_pages(&env);
    let written: BTreeSet<String> = pages.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(written, expected);
}

#[test]
fn every_command_and_option_is_in_its_man_page() {
    let env = Env::new();
    let pages = generate_pages(&env);
    let page = |name: &str| {
        let file = format!("{name}.1");
        pages
            .iter()
            .find(|(page, _)| *page == file)
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("no {file}"))
    };
    let root = page("coder");
    let root_help = help(&env, &[]);
    let global = long_options(&root_help);
    assert!(
        global.contains("--url") && global.contains("--global-config"),
        "{global:?}"
    );
    for path in command_paths(&env) {
        let name = page_name(&path);
        let text = page(&name);
        assert!(
            text.contains(&format!("\n.TH {name} 1 ")),
            "{name}.1 is not a man page:\n{text}"
        );
        // The root page names every command; each page, every option its help shows,
        // the global ones included.
        assert!(root.contains(&roff(&name)), "coder.1 does not name {name}");
        let options = long_options(&help(&env, &path));
        assert!(global.is_subset(&options), "{name}: {options:?}");
        for option in options {
            assert!(
                text.contains(&roff(&option)),
                "{name}.1 does not show {option}"
            );
        }
        // And a command's page names the commands under it.
        for sub in subcommands(&help(&env, &path)) {
            assert!(
                text.contains(&roff(&format!("{name}-{sub}"))),
                "{name}.1 does not name {sub}"
            );
        }
    }
}

#[test]
fn man_pages_render_without_warnings() {
    let env = Env::new();
    let dir = env.home.path().join("pages");
    env.run(&[HIDDEN, dir.to_str().unwrap()]).success();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let page = entry.unwrap().path();
        let Some((stdout, stderr)) = man(&page) else {
            return;
        };
        assert_eq!(stderr, "", "man --warnings -l {}", page.display());
        assert!(stdout.contains("NAME"), "{stdout}");
    }
}

/// What `man --warnings -l page` prints (stdout, stderr), or `None` (after a note) when
/// man is not installed.
fn man(page: &Path) -> Option<(String, String)> {
    let out = match Command::new("man")
        .args(["--warnings", "-l"])
        .arg(page)
        .env("MANWIDTH", "80")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) => out,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("note: man is not installed; skipping its test");
            return None;
        }
        Err(err) => panic!("spawn man: {err}"),
    };
    assert!(out.status.success(), "man -l {}: {out:?}", page.display());
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn the_man_page_command_is_hidden() {
    let env = Env::new();
    for args in [&["--help"][..], &["help"], &["tokens", "--help"]] {
        let run = env.run(args);
        run.success();
        assert!(!run.stdout.contains(HIDDEN), "{args:?}:\n{}", run.block());
    }
    for (shell, file) in ["bash", "zsh", "fish", "powershell", "elvish"]
        .into_iter()
        .zip(SCRIPTS)
    {
        let run = env.run(&["completion", shell]);
        run.success();
        assert!(!run.stdout.contains(HIDDEN), "coder completion {shell}");
        let shipped = std::fs::read_to_string(script_path(file)).unwrap();
        assert!(!shipped.contains(HIDDEN), "completions/{file}");
    }
    // Not offered by the binary either, not even to its first letters.
    for typed in ["", "g", "gen"] {
        let (run, _) = dynamic_completions(&env, "bash", &["coder", typed]);
        run.success();
        assert!(!run.stdout.contains(HIDDEN), "{typed:?}: {}", run.block());
    }
    for (name, text) in generate_pages(&env) {
        assert!(
            !text.contains(&roff(HIDDEN)) && !text.contains(HIDDEN),
            "{name} names the hidden command"
        );
    }
}

#[test]
fn the_man_page_command_fails_like_any_other() {
    let env = Env::new();
    let run = env.run(&[HIDDEN]);
    run.failure(2);
    assert!(run.stderr.contains("<DIR>"), "{}", run.block());
    // A file where the directory should be.
    let file = env.home.path().join("file");
    std::fs::write(&file, "").unwrap();
    let run = env.run(&[HIDDEN, file.join("man").to_str().unwrap()]);
    run.failure(1);
    assert!(
        run.stderr.starts_with("error: cannot create "),
        "{}",
        run.block()
    );
    assert!(run.stdout.is_empty(), "{}", run.block());
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let env = Env::new();
    let mut first_lines = Vec::new();
    for args in [&["--version"][..], &["-V"], &["tokens", "--version"]] {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stderr, "", "{args:?}");
        let first = run.stdout.lines().next().unwrap_or_default().to_string();
        first_lines.push(first);
    }
    let first = &first_lines[0];
    assert!(
        first_lines.iter().all(|line| line == first),
        "{first_lines:?}"
    );
    let commit = first
        .strip_prefix(&format!("coder {} (", env!("CARGO_PKG_VERSION")))
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{first:?} is not 'coder <version> (<commit>)'"));
    let hash = commit.strip_suffix("-dirty").unwrap_or(commit);
    if hash == "unknown" {
        return;
    }
    assert!(
        hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{first:?}"
    );
    // Built from this checkout: its HEAD (when git can say; not under Wine).
    let head = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|out| out.status.success());
    if let Some(out) = head {
        assert_eq!(
            hash,
            String::from_utf8_lossy(&out.stdout).trim(),
            "{first:?}"
        );
    }
}
