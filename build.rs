//! Records the commit the binary is built from, for `coder --version`.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    record_the_commit();
    println!("cargo:rerun-if-changed=build.rs");
}

/// The commit the binary is built from, for `coder --version`: `CODER_COMMIT` is the
/// 12-digit short hash of HEAD, with `-dirty` when tracked files differ from it, or
/// `unknown` outside a git checkout (a crates tarball, a vendored copy). Only a checkout
/// of this very directory counts: a source tree unpacked inside some other repository
/// must not take that repository's commit.
fn record_the_commit() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&dir)
            .arg("--no-optional-locks") // `status` must not rewrite the index it watches
            .args(args)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        out.status.success().then(|| text.trim().to_string())
    };
    let commit = if dir.join(".git").exists() {
        git(&["rev-parse", "--short=12", "HEAD"]).filter(|hash| !hash.is_empty())
    } else {
        None
    };
    let Some(commit) = commit else {
        println!("cargo:rustc-env=CODER_COMMIT=unknown");
        return;
    };
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|changes| !changes.is_empty());
    println!(
        "cargo:rustc-env=CODER_COMMIT={commit}{}",
        if dirty { "-dirty" } else { "" }
    );
    // Run again when HEAD moves, the index changes or the binary's sources do (for
    // `-dirty`). In a worktree `.git` is a file: HEAD and the index are in the worktree's
    // own git dir, branches in the common one. Only paths that exist are named (cargo
    // would run this every time for a missing one).
    let absolute = |path: String| dir.join(path);
    let mut watched = vec![
        dir.join("src"),
        dir.join("Cargo.toml"),
        dir.join("Cargo.lock"),
    ];
    if let Some(git_dir) = git(&["rev-parse", "--git-dir"]).map(absolute) {
        watched.push(git_dir.join("HEAD"));
        watched.push(git_dir.join("index"));
    }
    if let Some(common) = git(&["rev-parse", "--git-common-dir"]).map(absolute) {
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watched.push(common.join(branch));
        }
        watched.push(common.join("packed-refs"));
    }
    for path in watched.iter().filter(|path| path.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}
