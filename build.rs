//! Two link-time choices for Linux with glibc, both about what the dynamic loader does at
//! every start (`coder login token` runs in every CI step):
//!
//! - packed relative relocations (DT_RELR, glibc ≥ 2.36, binutils ≥ 2.38): the loader
//!   touches a 1.5 KB table instead of 130 KB of relocations, and the binary is 130 KB
//!   smaller. Full RELRO and immediate binding are kept.
//! - the unwinder linked statically: Rust's standard library asks for it as `-lgcc_s`,
//!   libgcc's shared library, which the loader would open, relocate and initialise. A
//!   directory searched first offers the same unwinder under that name as a static
//!   archive, libgcc_eh (what Rust links into static binaries). `login token`: 684 K ->
//!   655 K instructions, 143 -> 124 page faults, 1.66 -> 1.44 ms (300 interleaved runs);
//!   +18 KB of binary. Where the C compiler has no libgcc_eh, the shared library stays.
//! - the functions `login token` runs placed together, first in the text segment
//!   (`link/login-token.ld`, written by `bench/login-token-layout.sh`): the kernel maps
//!   the text 64 KB at a time as it is first touched, and those functions lie in two
//!   such pieces instead of twenty. Both GNU ld and LLD read the script, which only adds
//!   an output section before `.text`; a name in it that no longer exists matches
//!   nothing.
use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

fn main() {
    record_the_commit();
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && target_env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
        link_the_unwinder_statically();
        let layout = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
            .join("link/login-token.ld");
        println!("cargo:rerun-if-changed={}", layout.display());
        // `-T` and its path as two arguments: a path with a comma would not survive `-Wl,`.
        println!("cargo:rustc-link-arg-bins=-T");
        println!("cargo:rustc-link-arg-bins={}", layout.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CC");
}

fn link_the_unwinder_statically() {
    let compiler = env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let Ok(found) = Command::new(compiler)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    let archive = PathBuf::from(String::from_utf8_lossy(&found.stdout).trim());
    // Not found, the compiler prints the bare name back.
    if !archive.is_absolute() || !archive.is_file() {
        return;
    }
    let dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("unwinder");
    if fs::create_dir_all(&dir).is_ok() && fs::copy(&archive, dir.join("libgcc_s.a")).is_ok() {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
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
