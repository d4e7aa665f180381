//! `coder completion <shell>`: the static completion scripts shipped in `completions/`.

mod script;

use std::io::Write;

use anyhow::Result;
use clap_complete::Shell;

pub fn run(shell: Shell) -> Result<()> {
    let script = script::generate(shell);
    crate::output::write_stdout(|out| out.write_all(&script))?;
    Ok(())
}
