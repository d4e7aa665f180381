//! The binary: answers the shell's completion requests, or runs the command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    coder::complete_if_asked();
    ExitCode::from(coder::run(std::env::args_os()))
}
