//! `coder completion`: installs the completion script for the user's shell, or prints
//! it (`--print`, the shell named as an argument, or stdout not a terminal). The printed
//! scripts are the ones shipped in `completions/`.

mod go_block;
mod install;
mod script;

use std::io::Write;

use anyhow::Result;
use clap_complete::Shell;

use crate::cli::CompletionArgs;
use crate::error::usage;
use crate::{output, term};
use install::{Outcome, Places};

/// `terminal`: a person reads stdout (or `--force-tty`), so the script is installed
/// rather than printed.
pub fn run(args: &CompletionArgs, terminal: bool) -> Result<()> {
    if let Some(shell) = args.print_for {
        return print(shell);
    }
    let shell = match args.shell {
        Some(shell) => shell,
        None => detected_shell()?,
    };
    // As the Go CLI: a script that redirects the output (`> file`) gets the script.
    if args.print.unwrap_or(!terminal) {
        return print(shell);
    }
    let places = Places::from_env()?;
    let changes = install::plan(shell, &places, script::generate(shell))?;
    let outcomes = install::apply(&changes)?;
    term::info(&report(shell, &outcomes));
    Ok(())
}

fn print(shell: Shell) -> Result<()> {
    let script = script::generate(shell);
    output::write_stdout("the completion script", |out| out.write_all(&script))
}

const NAME_IT: &str = "name it: coder completion --shell bash (or zsh, fish, powershell, elvish)";

/// The shell `$SHELL` names (on Windows, without it, PowerShell).
fn detected_shell() -> Result<Shell> {
    let named = crate::env::var_os("SHELL");
    let Some(named) = named else {
        if cfg!(windows) {
            return Ok(Shell::PowerShell);
        }
        return Err(usage(
            "cannot tell which shell to install completions for: SHELL is not set",
            NAME_IT,
        ));
    };
    Shell::from_shell_path(&named).ok_or_else(|| {
        let path = std::path::Path::new(&named);
        let name = path.file_stem().unwrap_or(path.as_os_str());
        usage(
            format!(
                "coder has no completions for {} (SHELL is {})",
                name.to_string_lossy(),
                term::visible(&named.to_string_lossy())
            ),
            NAME_IT,
        )
    })
}

/// What was installed, and how to undo it.
fn report(shell: Shell, outcomes: &[Outcome]) -> String {
    let unchanged = |o: &Outcome| matches!(o, Outcome::AlreadyThere(_));
    if outcomes.iter().all(unchanged) {
        let mut text =
            format!("{shell} completions for coder are installed already; nothing changed:");
        for outcome in outcomes {
            if let Outcome::AlreadyThere(path) = outcome {
                text.push_str(&format!("\n  {}", path.display()));
            }
        }
        return text;
    }
    let mut text = format!("Installed {shell} completions for coder:");
    let mut undo = Vec::new();
    for outcome in outcomes {
        text.push_str(&format!("\n  {}", outcome_line(outcome, &mut undo)));
    }
    let loader = match shell {
        Shell::Bash => "bash-completion loads them in new shells",
        _ => "They load in new shells",
    };
    text.push_str(&format!("\n{loader}. To undo: {}.", undo.join("; ")));
    text.push_str(&after_go(shell, outcomes));
    text
}

/// What was done about one change, and (into `undo`) how to undo it.
fn outcome_line(outcome: &Outcome, undo: &mut Vec<String>) -> String {
    match outcome {
        Outcome::Wrote(path) | Outcome::Updated(path) => {
            undo.push(format!("delete {}", path.display()));
            let verb = if matches!(outcome, Outcome::Wrote(_)) {
                "wrote"
            } else {
                "updated"
            };
            format!("{verb} {}", path.display())
        }
        Outcome::Added(path, added) => {
            undo.push(format!(
                "remove the lines after \"{}\" in {}",
                install::MARK,
                path.display()
            ));
            format!("added to {}: {}", path.display(), added.join(" and "))
        }
        Outcome::AlreadyThere(path) => format!("{} needed no change", path.display()),
        Outcome::RemovedGoBlock(path) => format!(
            "removed the completion block of Coder's Go CLI from {}, so that only one \
             completes coder",
            path.display()
        ),
        Outcome::ReplacedGoScript(path) => {
            undo.push(format!("delete {}", path.display()));
            format!(
                "replaced the completion script of Coder's Go CLI in {} with this one",
                path.display()
            )
        }
    }
}

/// When the Go CLI's completion was taken out: how to have its commands completed too.
fn after_go(shell: Shell, outcomes: &[Outcome]) -> String {
    let replaced =
        |o: &Outcome| matches!(o, Outcome::RemovedGoBlock(_) | Outcome::ReplacedGoScript(_));
    let dynamic = match shell {
        Shell::Bash => "source <(COMPLETE=bash coder) in ~/.bashrc",
        Shell::Zsh => "source <(COMPLETE=zsh coder) in ~/.zshrc",
        Shell::Fish => "COMPLETE=fish coder | source in ~/.config/fish/config.fish",
        _ => return String::new(),
    };
    if !outcomes.iter().any(replaced) {
        return String::new();
    }
    format!(
        "\nThis script completes this coder's commands; to complete the Go CLI's \
         (coder ssh, ...) too, load this coder's dynamic completion instead: {dynamic}"
    )
}
