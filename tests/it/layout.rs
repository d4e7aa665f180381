//! Every test file is compiled into this binary: a file in `tests/it/` that `main.rs`
//! does not declare is never built, and a `.rs` file directly in `tests/` (or a
//! `tests/<dir>/main.rs`) would be a binary of its own.

use std::collections::BTreeSet;
use std::path::Path;

const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");

/// The module names the entries of `dir` stand for: `name.rs` files and directories.
fn modules_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            if path.is_dir() {
                Some(name)
            } else {
                name.strip_suffix(".rs").map(String::from)
            }
        })
        .collect()
}

#[test]
fn every_file_in_tests_it_is_a_module_of_main() {
    let it = Path::new(TESTS).join("it");
    let main = std::fs::read_to_string(it.join("main.rs")).unwrap();
    let declared: BTreeSet<String> = main
        .lines()
        .filter_map(|line| line.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(String::from)
        .collect();
    let mut files = modules_in(&it);
    files.remove("main");
    assert_eq!(
        files, declared,
        "tests/it/ and the `mod`s of tests/it/main.rs"
    );
}

#[test]
fn tests_holds_no_other_test_binary() {
    let tests = Path::new(TESTS);
    let mut others: Vec<String> = std::fs::read_dir(tests)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let is_rs = path.extension().is_some_and(|ext| ext == "rs");
            let is_binary_dir = path.is_dir() && path.join("main.rs").exists();
            is_rs || (is_binary_dir && !path.ends_with("it"))
        })
        .map(|path| path.display().to_string())
        .collect();
    others.sort();
    assert!(
        others.is_empty(),
        "make these modules of tests/it/main.rs: {others:?}"
    );
}
