//! `coder-sandbox`: runs the in-memory Coder API server until killed.

use std::path::PathBuf;
use std::process::ExitCode;

use coder_sandbox::{CertificateKind, Config, NotCoder, Sandbox, Validity};

const USAGE: &str = "\
Usage: coder-sandbox [--port N] [--seed N] [--tls [CERTIFICATE OPTIONS] [--cert-out PATH]]
                     [--gzip] [--not-coder 404|html] [--log]

Serves an in-memory Coder API on 127.0.0.1 until killed, after printing
url=<url>, owner_token=<token> and member_token=<token>, one per line.

Options:
  --port N             Port to listen on (default 0: any free port)
  --seed N             Extra tokens to seed onto the owner, named bench-00001... (default 0)
  --tls                Serve HTTPS with a self-signed certificate for localhost and 127.0.0.1
  --cert-out PATH      With --tls: write the certificate to trust (PEM) to PATH
  --gzip               Compress every response body with gzip, asked for or not
  --not-coder KIND     Answer every request like a web server that is not Coder:
                       404 (nginx's 404 page) or html (200 with an HTML page)
  --log                Print each request to stderr as `METHOD path?query -> status`
  -h, --help           Print this help

Certificate options (with --tls):
  --cert KIND          self-signed (default; no basic constraints), openssl (self-signed
                       with CA:TRUE, as `openssl req -x509` makes it) or private-ca (issued
                       by a private CA; --cert-out then writes the CA)
  --cert-names LIST    Comma-separated subjectAltName entries, DNS names or IP addresses
                       (default localhost,127.0.0.1); empty for a CN-only certificate
  --cert-expired       Valid from 2024-01-01 until 2025-01-01 only
  --cert-not-yet-valid Valid from 2099-01-01 until 2100-01-01 only
  --cert-file PATH     Serve this certificate (PEM) instead, with --key-file
  --key-file PATH      The private key (PEM) of --cert-file";

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
    let mut files = (None, None);
    let mut cert_options = false;
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
            "--not-coder" => options.config.not_coder = Some(not_coder(&value()?)?),
            "--cert" => options.config.certificate.kind = certificate_kind(&value()?)?,
            "--cert-names" => options.config.certificate.names = names(&value()?),
            "--cert-file" => files.0 = Some(value()?),
            "--key-file" => files.1 = Some(value()?),
            "--tls" | "--log" | "--gzip" | "--cert-expired" | "--cert-not-yet-valid"
                if inline.is_some() =>
            {
                return Err(format!("{flag} takes no value"));
            }
            "--tls" => options.config.tls = true,
            "--log" => options.log = true,
            "--gzip" => options.config.gzip = true,
            "--cert-expired" => options.config.certificate.validity = Validity::Expired,
            "--cert-not-yet-valid" => options.config.certificate.validity = Validity::NotYet,
            _ => return Err(format!("unknown argument {flag:?}")),
        }
        cert_options |= flag.starts_with("--cert") || flag == "--key-file";
    }
    if cert_options && !options.config.tls {
        return Err("--cert-out and the certificate options need --tls".into());
    }
    if let Some(kind) = given_certificate(files)? {
        options.config.certificate.kind = kind;
    }
    Ok(options)
}

fn not_coder(value: &str) -> Result<NotCoder, String> {
    match value {
        "404" => Ok(NotCoder::NotFound),
        "html" => Ok(NotCoder::Html),
        other => Err(format!("--not-coder: {other:?} is not 404 or html")),
    }
}

fn certificate_kind(value: &str) -> Result<CertificateKind, String> {
    match value {
        "self-signed" => Ok(CertificateKind::SelfSigned),
        "openssl" => Ok(CertificateKind::SelfSignedCa),
        "private-ca" => Ok(CertificateKind::PrivateCa),
        other => Err(format!(
            "--cert: {other:?} is not self-signed, openssl or private-ca"
        )),
    }
}

fn names(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `--cert-file` and `--key-file`, read; both or neither.
fn given_certificate(
    files: (Option<String>, Option<String>),
) -> Result<Option<CertificateKind>, String> {
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    match files {
        (None, None) => Ok(None),
        (Some(cert), Some(key)) => Ok(Some(CertificateKind::Pem {
            cert: read(&cert)?,
            key: read(&key)?,
        })),
        _ => Err("--cert-file and --key-file go together".into()),
    }
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
    use coder_sandbox::{CertificateKind, NotCoder, Validity};

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
        let options = parse(&[
            "--tls",
            "--cert=openssl",
            "--cert-names",
            "coder.internal, 10.0.0.1",
            "--cert-expired",
            "--gzip",
            "--not-coder",
            "html",
        ])
        .unwrap();
        let certificate = &options.config.certificate;
        assert_eq!(certificate.kind, CertificateKind::SelfSignedCa);
        assert_eq!(certificate.names, ["coder.internal", "10.0.0.1"]);
        assert!(certificate.validity == Validity::Expired && options.config.gzip);
        assert_eq!(options.config.not_coder, Some(NotCoder::Html));
        let cn_only = parse(&["--tls", "--cert", "private-ca", "--cert-names="]).unwrap();
        assert!(cn_only.config.certificate.names.is_empty());
        let early = parse(&["--tls", "--cert-not-yet-valid"]).unwrap();
        assert_eq!(early.config.certificate.validity, Validity::NotYet);
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
            (&["--gzip=1"], "--gzip takes no value"),
            (
                &["--cert-out", "c.pem"],
                "--cert-out and the certificate options need --tls",
            ),
            (
                &["--cert", "openssl"],
                "--cert-out and the certificate options need --tls",
            ),
            (
                &["--tls", "--cert", "rsa"],
                "--cert: \"rsa\" is not self-signed, openssl or private-ca",
            ),
            (
                &["--tls", "--cert-file", "c.pem"],
                "--cert-file and --key-file go together",
            ),
            (
                &["--not-coder", "500"],
                "--not-coder: \"500\" is not 404 or html",
            ),
            (&["serve"], "unknown argument \"serve\""),
        ] {
            assert_eq!(parse(args).err().as_deref(), Some(error), "{args:?}");
        }
    }
}
