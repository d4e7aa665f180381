use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(coder::run(std::env::args_os()))
}
