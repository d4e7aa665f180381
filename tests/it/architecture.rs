//! The layering `src/lib.rs` describes, checked on the source: every `crate::` path
//! between top-level modules points down the order, and only `output/` and `error.rs`
//! write to stdout or stderr.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Top-level modules, first to last; a module may use only those in later groups.
const LAYERS: &[&[&str]] = &[
    &["commands", "complete"],
    &["cli"],
    &["session"],
    &["runtime"],
    &["error"],
    &["output"],
    &["allow_list", "argv", "csv", "duration"],
    &["client"],
    &["secret", "memory", "files", "ascii", "fuzz"],
];

fn rank(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` is not in LAYERS"))
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/client/mod.rs` → `client`); `None` for
/// the crate root and the binary.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The code of a file without its comments (doc comments name modules freely).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module named by a `crate::` path, grouped imports included.
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let group = rest
            .strip_prefix('{')
            .map(|g| &g[..g.find('}').unwrap_or(g.len())]);
        let names: Vec<&str> = match group {
            Some(group) => group.split(',').collect(),
            None => vec![rest],
        };
        for name in names {
            let name: String = name
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != "self" {
                found.insert(name);
            }
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_module_uses_only_the_modules_after_it() {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut edges = BTreeSet::new();
    let mut wrong = Vec::new();
    for file in &files {
        let Some(from) = module_of(&src, file) else {
            continue;
        };
        for to in uses(&code(&std::fs::read_to_string(file).unwrap())) {
            if to == from {
                continue;
            }
            if rank(&to) <= rank(&from) {
                wrong.push(format!("{} uses crate::{to}", file.display()));
            }
            edges.insert(format!("{from} -> {to}"));
        }
    }
    assert!(wrong.is_empty(), "against the flow:\n{}", wrong.join("\n"));
    // The check must see the edges it is there to check.
    assert!(edges.contains("commands -> session"), "{edges:?}");
    assert!(edges.contains("output -> client"), "{edges:?}");
}

#[test]
fn only_output_and_error_write_to_the_terminal() {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let writers = [
        "io::stdout()",
        "io::stderr()",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
    ];
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        if relative.starts_with("output") || relative == Path::new("error.rs") {
            continue;
        }
        let code = code(&std::fs::read_to_string(file).unwrap());
        for writer in writers.iter().filter(|w| code.contains(**w)) {
            wrong.push(format!("{} uses {writer}", relative.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checks_recognise_what_they_look_for() {
    let found = uses("use crate::{cli::Cli, output};\nlet x = crate::session::resolve();");
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["cli", "output", "session"]
    );
    assert!(!code("let a = 1; // crate::cli").contains("crate::cli"));
}
