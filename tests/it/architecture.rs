//! The layering `src/lib.rs` describes, checked on the source: rules saying which
//! top-level module may not use which (read from every `crate::` path), no cycle among
//! them, and which modules may write to stdout or stderr.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that use nothing else of the crate: anything may use them.
const LEAVES: &[&str] = &[
    "term", "secret", "files", "csv", "duration", "argv", "helper", "env", "quote", "fuzz",
];

/// Test-only input generators, which every property test may use.
const TEST_ONLY: &str = "fuzz";

/// Who may not use whom, and why. Every top-level module is a leaf or has a rule.
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "client",
        &[
            "cli", "commands", "complete", "session", "output", "error", "runtime", "term",
        ],
        "the API client never prints, nor reads the command line or the session store",
    ),
    (
        "output",
        &["cli", "commands", "complete", "session", "error", "runtime"],
        "output shapes what it is given; it fetches and decides nothing",
    ),
    (
        "session",
        &["cli", "commands", "complete", "client", "output", "runtime"],
        "the session says where the URL and token come from; it prints nothing (notes are values)",
    ),
    (
        "error",
        &[
            "cli", "commands", "complete", "session", "output", "runtime",
        ],
        "errors are printed in one place, from what the layers below say",
    ),
    (
        "runtime",
        &["cli", "commands", "complete", "session", "client", "output"],
        "the async runtime knows no command",
    ),
    (
        "allow_list",
        &[
            "cli", "commands", "complete", "session", "output", "error", "runtime",
        ],
        "a parser of values, below the commands",
    ),
    (
        "cli",
        &["commands", "client", "runtime", "error"],
        "cli declares the command line; it runs nothing",
    ),
    (
        "complete",
        &["cli", "commands"],
        "completers are attached where arguments are declared (cli), never the other way",
    ),
    (
        "forward",
        &[
            "cli", "commands", "complete", "session", "client", "output", "runtime",
        ],
        "forwarding to the Go CLI reads the words alone, before anything of ours runs",
    ),
    ("commands", &[], "orchestration: the top"),
];

/// The modules that write to stdout or stderr.
const WRITERS: &[&str] = &["term", "output", "error"];

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

/// Every top-level module with the modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(&src, file) else {
            continue;
        };
        let used = uses(&code(&std::fs::read_to_string(file).unwrap()));
        let entry = graph.entry(from.clone()).or_default();
        entry.extend(used.into_iter().filter(|to| *to != from && to != TEST_ONLY));
    }
    graph
}

#[test]
fn every_module_keeps_the_rules() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (module, used) in &graph {
        if LEAVES.contains(&module.as_str()) {
            wrong.extend(
                used.iter()
                    .map(|to| format!("{module} is a leaf but uses {to}")),
            );
            continue;
        }
        let Some((_, never, why)) = RULES.iter().find(|(name, ..)| name == module) else {
            wrong.push(format!("{module} is neither a leaf nor in RULES"));
            continue;
        };
        for to in used.iter().filter(|to| never.contains(&to.as_str())) {
            wrong.push(format!("{module} uses {to}: {why}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The check must see the edges it is there to check.
    assert!(graph["commands"].contains("session"), "{graph:?}");
    assert!(graph["output"].contains("client"), "{graph:?}");
    assert!(graph["cli"].contains("complete"), "{graph:?}");
}

#[test]
fn no_module_uses_one_that_uses_it() {
    let graph = graph();
    // Depth-first: a module met again while it is still being walked closes a cycle.
    fn walk<'a>(
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        module: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<String> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            return Some(format!("{} -> {module}", path[at..].join(" -> ")));
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = walk(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        let cycle = walk(&graph, module, &mut Vec::new(), &mut done);
        assert!(cycle.is_none(), "a cycle: {}", cycle.unwrap());
    }
}

#[test]
fn only_the_writers_write_to_the_terminal() {
    let src = src();
    let mut files = Vec::new();
    sources(&src, &mut files);
    let writes = [
        "io::stdout()",
        "io::stderr()",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
    ];
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        if WRITERS.contains(&module.as_str()) {
            continue;
        }
        let code = code(&std::fs::read_to_string(file).unwrap());
        for write in writes.iter().filter(|w| code.contains(**w)) {
            wrong.push(format!("{} uses {write}", file.display()));
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
