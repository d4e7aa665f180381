//! A guided tour of `coder` that needs no Coder deployment: `cargo run --example demo`.
//!
//! It starts the in-memory sandbox deployment on a free loopback port and runs the real
//! CLI code in this process, printing each command before its output. Everything it
//! stores goes to a temporary config dir that is removed at the end.

use std::ffi::OsStr;
use std::process::ExitCode;

use coder_sandbox::{Config, Sandbox};

const TOKEN: &str = "demo-token";

fn main() -> ExitCode {
    // Only the tour's own flags count: no CODER_* setting from the user's shell, and
    // loopback requests never go through a proxy.
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("CODER_") {
            // SAFETY: no other thread exists yet.
            unsafe { std::env::remove_var(key) };
        }
    }
    // SAFETY: as above.
    unsafe { std::env::set_var("NO_PROXY", "127.0.0.1,localhost") };

    let sandbox = match Sandbox::start(Config::default()) {
        Ok(sandbox) => sandbox,
        Err(err) => {
            eprintln!("demo: could not start the sandbox: {err}");
            return ExitCode::FAILURE;
        }
    };
    let config = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => {
            eprintln!("demo: could not create a temporary config dir: {err}");
            return ExitCode::FAILURE;
        }
    };
    let url = sandbox.url();
    let owner_token = sandbox.owner_token();
    println!("A sandbox Coder deployment (owner: alice) is running at {url}.");
    println!(
        "Every command below also gets --global-config {}, removed at the end.",
        config.path().display()
    );

    let steps: [(&str, Vec<&str>); 9] = [
        (
            "Log in as alice; the token is exchanged for a fresh session",
            vec!["login", &url, "--token", &owner_token],
        ),
        (
            "Who, where, and until when: fails (exit 1) unless the session lasts 2 more hours",
            vec!["login", "status", "--valid-for", "2h"],
        ),
        (
            "Create a token; its key is shown this once",
            vec!["tokens", "create", "--name", TOKEN, "--lifetime", "7d"],
        ),
        ("List your tokens", vec!["tokens", "ls"]),
        ("Show one token by name", vec!["tokens", "view", TOKEN]),
        (
            "Revoke it: rm expires the token (add --delete to delete it)",
            vec!["tokens", "rm", TOKEN],
        ),
        (
            "Expired tokens are hidden unless asked for",
            vec!["tokens", "ls", "--include-expired"],
        ),
        (
            "Print the session token for scripts",
            vec!["login", "token"],
        ),
        (
            "Log out: the session ends on the deployment and the files go",
            vec!["logout", "--yes"],
        ),
    ];
    for (what, args) in steps {
        println!("\n# {what}\n$ coder {}", args.join(" "));
        let mut argv = vec![
            "coder".as_ref(),
            "--global-config".as_ref(),
            config.path().as_os_str(),
        ];
        argv.extend(args.iter().map(OsStr::new));
        let code = coder::run(argv);
        if code != 0 {
            eprintln!(
                "\ndemo: `coder {}` failed with exit status {code}",
                args.join(" ")
            );
            return ExitCode::FAILURE;
        }
    }
    println!("\nThat was the tour. Try it on your deployment: coder login <url>");
    ExitCode::SUCCESS
}
