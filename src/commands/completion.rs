//! `coder completion <shell>`.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`, as shipped in `completions/`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "coder", &mut out);
    out
}

pub fn run(shell: Shell) -> Result<()> {
    let script = script(shell);
    crate::output::write_stdout(|out| out.write_all(&script))?;
    Ok(())
}
