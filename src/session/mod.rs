//! Where the deployment URL, the session token and extra headers come from
//! (flag > environment > stored), and the stores that keep the token.

pub mod config;
mod file;
pub mod keyring;

use std::process::Command;
use std::time::Duration;

use anyhow::Result;
use url::Url;

pub use config::ConfigDir;
pub use file::FileStore;
pub use keyring::KeyringStore;

use crate::cli::GlobalArgs;
use crate::error::{CliError, fail, usage};
use crate::secret::{Secret, is_sensitive};

/// Somewhere a session token is kept.
pub trait TokenStore {
    fn read(&self, url: &Url) -> Result<Option<Secret>>;
    fn write(&self, url: &Url, token: &Secret) -> Result<()>;
    /// Forgets the token; `Ok(false)` when there was none.
    fn delete(&self, url: &Url) -> Result<bool>;
}

/// Whether the OS keyring holds the session: on macOS and Windows by default when the
/// config dir is the default one (as the Go CLI does); on Linux only when asked for
/// explicitly with `--use-keyring` / `CODER_USE_KEYRING=true`.
pub fn uses_keyring(global: &GlobalArgs, config: &ConfigDir) -> bool {
    match global.use_keyring {
        Some(explicit) if cfg!(target_os = "linux") => explicit,
        Some(false) => false,
        _ => cfg!(any(target_os = "macos", target_os = "windows")) && config.is_default,
    }
}

/// A time limit from the environment variable `name` (seconds or a duration such as
/// `45s`), else `default`.
pub fn timeout_from_env(name: &str, default: Duration) -> Result<Duration> {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => crate::duration::parse_timeout(&value).map_err(|err| {
            usage(
                format!("invalid {name}: {err}"),
                "use seconds or a duration, e.g. 30 or 45s",
            )
        }),
        _ => Ok(default),
    }
}

pub fn open_store(global: &GlobalArgs, config: &ConfigDir) -> Result<Box<dyn TokenStore>> {
    if uses_keyring(global, config) {
        Ok(Box::new(KeyringStore::open(timeout_from_env(
            "CODER_KEYRING_TIMEOUT",
            keyring::DEFAULT_TIMEOUT,
        )?)?))
    } else {
        Ok(Box::new(FileStore::new(config.clone())))
    }
}

/// Adds `https://` (`http://` for localhost) when the text has no scheme, as
/// `coder login` does. The result is what `<config>/url` stores.
pub fn with_default_scheme(raw: &str) -> String {
    let raw = raw.trim();
    if raw.starts_with("http://") || raw.starts_with("https://") {
        raw.to_string()
    } else if raw.starts_with("localhost") {
        format!("http://{raw}")
    } else {
        format!("https://{raw}")
    }
}

/// Parses a deployment URL; only http and https URLs with a host are accepted.
pub fn parse_url(raw: &str) -> Result<Url> {
    let text = raw.trim();
    let bad = |why: String| {
        usage(
            format!("invalid deployment URL {raw:?}: {why}"),
            "use the address you open Coder at in a browser, e.g. https://coder.example.com",
        )
    };
    let url = Url::parse(text).map_err(|err| bad(err.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("it must start with http:// or https://".into()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host".into()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("credentials do not belong in the URL".into()));
    }
    Ok(url)
}

fn not_logged_in() -> anyhow::Error {
    CliError::failure("you are not logged in")
        .with_hint("log in with 'coder login <url>', or set CODER_URL and CODER_SESSION_TOKEN")
        .into()
}

/// The deployment URL: `--url`/`CODER_URL`, else `<config>/url`.
pub fn resolve_url(global: &GlobalArgs, config: &ConfigDir) -> Result<Url> {
    if let Some(url) = global.url.as_deref().filter(|u| !u.is_empty()) {
        return parse_url(url);
    }
    match config.read(config::URL_FILE)? {
        Some(stored) if !stored.is_empty() => parse_url(&stored).map_err(|_| {
            fail(
                format!(
                    "{} does not hold a valid deployment URL",
                    config.file(config::URL_FILE).display()
                ),
                "log in again with 'coder login <url>' to replace it",
            )
        }),
        _ => Err(not_logged_in()),
    }
}

/// Everything a command needs to talk to the deployment.
pub struct Connection {
    pub url: Url,
    pub token: Option<Secret>,
    pub headers: Vec<(String, String)>,
}

/// Resolves URL, token (`--token`/`CODER_SESSION_TOKEN`, else the store) and headers.
/// A missing token is not an error: the request goes out and the server says 401.
pub fn connect(global: &GlobalArgs) -> Result<Connection> {
    let config = ConfigDir::resolve(global.global_config.clone())?;
    let url = resolve_url(global, &config)?;
    let token = match global.token.clone().filter(|t| !t.is_empty()) {
        token @ Some(_) => token,
        None => open_store(global, &config)?.read(&url)?,
    };
    let headers = headers(global, &url)?;
    Ok(Connection {
        url,
        token,
        headers,
    })
}

/// `key=value` with the value hidden when the key names a credential.
fn redact_header_text(raw: &str) -> String {
    match raw.split_once('=') {
        Some((key, _)) if is_sensitive(key) => format!("{key}=***"),
        Some(_) => raw.to_string(),
        None if is_sensitive(raw) => {
            format!("{}: ***", raw.split([':', ' ']).next().unwrap_or(""))
        }
        None if raw.len() > 40 => format!("{}…", raw.chars().take(12).collect::<String>()),
        None => raw.to_string(),
    }
}

/// Splits `key=value` at the first `=`.
pub fn parse_header(raw: &str) -> Result<(String, String)> {
    match raw.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_string(), value.to_string()))
        }
        _ => Err(usage(
            format!(
                "invalid header {:?}: expected key=value",
                redact_header_text(raw)
            ),
            "pass headers as --header 'X-Name=value' (CODER_HEADER takes a comma-separated list)",
        )),
    }
}

/// Headers from `--header`/`CODER_HEADER`, then from `--header-command`.
pub fn headers(global: &GlobalArgs, url: &Url) -> Result<Vec<(String, String)>> {
    let mut headers = global
        .header
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| parse_header(h))
        .collect::<Result<Vec<_>>>()?;
    if let Some(command) = global.header_command.as_deref().filter(|c| !c.is_empty()) {
        headers.extend(run_header_command(command, url)?);
    }
    Ok(headers)
}

fn run_header_command(command: &str, url: &Url) -> Result<Vec<(String, String)>> {
    #[cfg(windows)]
    let mut cmd = {
        let mut c = Command::new("cmd.exe");
        c.arg("/c").arg(command);
        c
    };
    #[cfg(not(windows))]
    let mut cmd = {
        let mut c = Command::new("sh");
        c.arg("-c").arg(command);
        c
    };
    let output = cmd
        .env("CODER_URL", url.as_str().trim_end_matches('/'))
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|err| {
            fail(
                format!("could not run the header command: {err}"),
                "check --header-command / CODER_HEADER_COMMAND",
            )
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        let mut err = CliError::failure(format!("the header command failed ({})", output.status))
            .with_hint("check --header-command / CODER_HEADER_COMMAND");
        if !first.is_empty() {
            err = err.with_detail(format!("its stderr begins: {}", redact_header_text(first)));
        }
        return Err(err.into());
    }
    let stdout = String::from_utf8(output.stdout).map_err(|_| {
        fail(
            "the header command printed something that is not text",
            "print one key=value header per line",
        )
    })?;
    stdout
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(parse_header)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_urls_get_a_scheme_and_others_do_not() {
        assert_eq!(
            with_default_scheme("coder.example.com/sub"),
            "https://coder.example.com/sub"
        );
        assert_eq!(
            with_default_scheme("localhost:3000"),
            "http://localhost:3000"
        );
        assert_eq!(with_default_scheme(" http://x "), "http://x");
        assert!(parse_url("https://coder.example.com/sub").is_ok());
        assert!(parse_url("coder.example.com:8080").is_err());
        assert!(parse_url("https://").is_err());
        assert!(parse_url("ftp://x").is_err());
        assert!(parse_url("https://user:pw@x").is_err());
    }

    #[test]
    fn headers_split_at_the_first_equals_sign() {
        assert_eq!(
            parse_header("X-A=b=c").unwrap(),
            ("X-A".to_string(), "b=c".to_string())
        );
        let err = parse_header("novalue").unwrap_err();
        assert!(err.to_string().contains("expected key=value"), "{err}");
    }

    #[test]
    fn credential_headers_are_redacted() {
        assert_eq!(
            redact_header_text("Authorization=Bearer x"),
            "Authorization=***"
        );
        assert_eq!(redact_header_text("X-Trace=1"), "X-Trace=1");
        let curl_style = redact_header_text("Authorization: Bearer s3cr3t");
        assert_eq!(curl_style, "Authorization: ***");
    }
}
