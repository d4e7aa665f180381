//! `coder completion <shell>`: the static completion scripts shipped in `completions/`.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn run(shell: Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "coder", &mut script);
    crate::output::write_stdout(|out| out.write_all(&script))?;
    Ok(())
}
