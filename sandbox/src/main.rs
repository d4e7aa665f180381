//! `coder-sandbox`: runs the in-memory Coder API server until killed.

use std::path::PathBuf;
use std::process::ExitCode;

use coder_sandbox::{Config, Sandbox};

const USAGE: &str = "\
Usage: coder-sandbox [--port N] [--seed N] [--tls [--cert-out PATH]] [--log]

Serves an in-memory Coder API on 127.0.0.1 until killed, after printing
url=<url>, owner_token=<token> and member_token=<token>, one per line.

Options:
  --port N         Port to listen on (default 0: any free port)
  --seed N         Extra tokens to seed onto the owner, named bench-00001... (default 0)
  --tls            Serve HTTPS with a self-signed certificate for localhost and 127.0.0.1
  --cert-out PATH  With --tls: write that certificate (PEM) to PATH
  --log            Print each request to stderr as `METHOD path?query -> status`
  -h, --help       Print this help";

struct Options {
    config: Config,
    cert_out: Option<PathBuf>,
    log: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("coder-sandbox: {message}\nRun `coder-sandbox --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("coder-sandbox: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: Options) -> Result<(), String> {
    let start = if options.log {
        Sandbox::start_logging
    } else {
        Sandbox::start
    };
    let sandbox = start(options.config).map_err(|e| format!("cannot start: {e}"))?;
    if let (Some(path), Some(pem)) = (&options.cert_out, sandbox.ca_cert_pem()) {
        std::fs::write(path, pem).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("url={}", sandbox.url());
    println!("owner_token={}", sandbox.owner_token());
    println!("member_token={}", sandbox.member_token());
    loop {
        std::thread::park();
    }
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        config: Config::default(),
        cert_out: None,
        log: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => options.config.port = number(&flag, &value()?)?,
            "--seed" => options.config.extra_tokens = number(&flag, &value()?)?,
            "--cert-out" => options.cert_out = Some(value()?.into()),
            "--tls" | "--log" if inline.is_some() => return Err(format!("{flag} takes no value")),
            "--tls" => options.config.tls = true,
            "--log" => options.log = true,
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    if options.cert_out.is_some() && !options.config.tls {
        return Err("--cert-out needs --tls".into());
    }
    Ok(options)
}

fn number<T>(flag: &str, value: &str) -> Result<T, String>
where
    T: std::str::FromStr<Err = std::num::ParseIntError>,
{
    value
        .parse()
        .map_err(|e| format!("{flag}: invalid value {value:?} ({e})"))
}

#[cfg(test)]
mod tests {
    use super::parse_args;

    fn parse(args: &[&str]) -> Result<super::Options, String> {
        parse_args(args.iter().map(|a| a.to_string()).collect())
    }

    #[test]
    fn parses_flags_in_both_spellings() {
        let options = parse(&[
            "--port",
            "8080",
            "--seed=10000",
            "--tls",
            "--cert-out",
            "c.pem",
            "--log",
        ])
        .unwrap();
        assert_eq!(options.config.port, 8080);
        assert_eq!(options.config.extra_tokens, 10_000);
        assert!(options.config.tls && options.log);
        assert_eq!(options.cert_out.unwrap().to_str(), Some("c.pem"));
        let defaults = parse(&[]).unwrap();
        assert_eq!((defaults.config.port, defaults.config.extra_tokens), (0, 0));
        assert!(!defaults.config.tls && !defaults.log && defaults.cert_out.is_none());
    }

    #[test]
    fn rejects_bad_flags_clearly() {
        for (args, error) in [
            (
                &["--port", "x"][..],
                "--port: invalid value \"x\" (invalid digit found in string)",
            ),
            (
                &["--port", "70000"],
                "--port: invalid value \"70000\" (number too large to fit in target type)",
            ),
            (
                &["--seed", "-1"],
                "--seed: invalid value \"-1\" (invalid digit found in string)",
            ),
            (&["--seed"], "--seed needs a value"),
            (&["--log=yes"], "--log takes no value"),
            (&["--cert-out", "c.pem"], "--cert-out needs --tls"),
            (&["serve"], "unknown argument \"serve\""),
        ] {
            assert_eq!(parse(args).err().as_deref(), Some(error), "{args:?}");
        }
    }
}
