use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=<shell> coder …` answers the shell's completion requests, then exits.
    clap_complete::CompleteEnv::with_factory(<coder::cli::Cli as clap::CommandFactory>::command)
        .complete();
    ExitCode::from(coder::run(std::env::args_os()))
}
