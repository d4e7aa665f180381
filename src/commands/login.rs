//! `coder login [<url>]`, `coder login token` and `coder logout`.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, Result};
use url::Url;

use super::{block_on, client_for, stdin_is_terminal};
use crate::cli::{GlobalArgs, LoginArgs, LogoutArgs};
use crate::client::Client;
use crate::error::{CliError, fail, usage};
use crate::output;
use crate::secret::Secret;
use crate::session::config::{ORGANIZATION_FILE, URL_FILE};
use crate::session::{self, ConfigDir, Connection, TokenStore};

/// `coder login token`: prints the stored session token. No network, no runtime, no
/// HTTP client: this runs in every CI step and must cost no more than reading a file.
/// `--token` and `CODER_SESSION_TOKEN` are ignored on purpose (as upstream does).
pub fn token(global: &GlobalArgs) -> Result<()> {
    let config = ConfigDir::resolve(global.global_config.clone())?;
    let stored_url = config.read(URL_FILE)?.filter(|u| !u.is_empty());
    let requested = global.url.clone().filter(|u| !u.is_empty());
    let Some(url_text) = requested.clone().or(stored_url.clone()) else {
        return Err(no_session_token());
    };
    let keyring = session::uses_keyring(global, &config);
    if let (false, Some(requested), Some(stored)) = (keyring, &requested, &stored_url)
        && requested.trim() != stored
    {
        return Err(fail(
            format!(
                "file session token storage only supports one server at a time: \
                 requested {requested} but logged into {stored}"
            ),
            format!("log in to {requested} first, or drop --url / CODER_URL"),
        ));
    }
    let url = session::parse_url(&url_text)?;
    let store = session::open_store(global, &config)?;
    let token = store
        .read(&url)
        .context("read session token")?
        .ok_or_else(no_session_token)?;
    output::stdout(&format!("{}\n", token.expose()))
}

fn no_session_token() -> anyhow::Error {
    fail("no session token found", "run 'coder login <url>' first")
}

/// Where the login URL came from, as the greeting says.
fn login_url(
    global: &GlobalArgs,
    args: &LoginArgs,
    config: &ConfigDir,
) -> Result<(String, &'static str)> {
    if let Some(url) = args.url.as_deref().filter(|u| !u.is_empty()) {
        return Ok((url.to_string(), "argument"));
    }
    if let Some(url) = global.url.as_deref().filter(|u| !u.is_empty()) {
        let from_env = std::env::var("CODER_URL").is_ok_and(|env| env == url);
        return Ok((
            url.to_string(),
            if from_env { "environment" } else { "flag" },
        ));
    }
    if let Some(url) = config.read(URL_FILE)?.filter(|u| !u.is_empty()) {
        return Ok((url, "config"));
    }
    Err(usage(
        "no deployment URL given",
        "pass it as an argument: coder login https://coder.example.com",
    ))
}

/// `coder login [<url>]`.
pub fn login(global: &GlobalArgs, args: &LoginArgs) -> Result<()> {
    let config = ConfigDir::resolve(global.global_config.clone())?;
    config.check()?;
    let (raw, source) = login_url(global, args, &config)?;
    let url_text = session::with_default_scheme(&raw);
    let url = session::parse_url(&url_text)?;

    let env_token = std::env::var("CODER_SESSION_TOKEN")
        .ok()
        .filter(|t| !t.is_empty());
    let given = global.token.clone().filter(|t| !t.is_empty());
    let token_from_env = given
        .as_ref()
        .is_some_and(|t| env_token.as_deref() == Some(t.expose()));
    if token_from_env && !args.use_token_as_session {
        return Err(CliError::failure(
            "CODER_SESSION_TOKEN is set; it takes precedence over any session token stored on disk",
        )
        .with_hint("to log in, unset it first: unset CODER_SESSION_TOKEN")
        .into());
    }
    // Given tokens (flag, or a line on stdin) are exchanged for a fresh session key;
    // a token pasted at the prompt is a session token already.
    let (token, exchange) = match given {
        Some(token) => (Some(token), !args.use_token_as_session),
        None if !stdin_is_terminal() => (Some(read_stdin_token()?), !args.use_token_as_session),
        None => (None, false),
    };

    // Open the store first, so a broken keyring fails before anything else happens.
    let store = session::open_store(global, &config)?;
    let connection = Connection {
        url: url.clone(),
        token: token.clone(),
        headers: session::headers(global, &url)?,
    };
    // One client and one runtime for the whole login.
    let mut client = client_for(global, connection, "login")?;
    let (session_token, username) = block_on(async {
        let has_first_user = client
            .has_first_user()
            .await
            .with_context(|| format!("could not check that {url_text} is a Coder deployment"))?;
        if !has_first_user {
            return Err(fail(
                format!("{url_text} has no users yet"),
                format!("create the first user in a browser at {url_text} and log in again"),
            ));
        }
        output::info(&format!(
            "Attempting to authenticate with {source} URL: '{url_text}'"
        ));
        match token {
            Some(token) => {
                let user = client
                    .user("me")
                    .await
                    .map_err(|err| rejected_token(err, &url))?;
                let session_token = if exchange {
                    client
                        .create_session_key("me")
                        .await
                        .context("create a session key")?
                        .key
                } else {
                    token
                };
                Ok((session_token, user.username))
            }
            None => prompt_for_token(&mut client, &url, &url_text, args.no_open).await,
        }
    })??;

    save_session(store.as_ref(), &config, &url, &url_text, &session_token)?;
    output::stdout(&format!(
        "Welcome to Coder, {username}! You're authenticated.\n"
    ))
}

/// Where a person gets a session token: `<deployment>/cli-auth`.
fn cli_auth_url(url: &Url) -> Url {
    let mut auth_url = url.clone();
    if let Ok(mut segments) = auth_url.path_segments_mut() {
        segments.pop_if_empty().push("cli-auth");
    }
    auth_url
}

fn rejected_token(err: crate::client::ApiError, url: &Url) -> anyhow::Error {
    if err.status() == Some(401) {
        CliError::failure("the deployment rejected the token; nothing was saved")
            .with_hint(format!(
                "check the token, or get a new one at {}",
                cli_auth_url(url)
            ))
            .into()
    } else {
        anyhow::Error::new(err).context("check the token")
    }
}

/// One line from stdin: `printf %s "$TOKEN" | coder login URL` keeps it out of argv.
fn read_stdin_token() -> Result<Secret> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|err| {
            fail(
                format!("could not read a token from stdin: {err}"),
                "pipe the token in as one line",
            )
        })?;
    let token = line.trim();
    if token.is_empty() {
        return Err(usage(
            "no session token given: stdin is not a terminal and was empty",
            "pass it with --token or CODER_SESSION_TOKEN, or pipe it in: printf %s \"$TOKEN\" | coder login <url>",
        ));
    }
    Ok(Secret::new(token))
}

/// Asks for a token at a hidden prompt until the deployment accepts one.
async fn prompt_for_token(
    client: &mut Client,
    url: &Url,
    url_text: &str,
    no_open: bool,
) -> Result<(Secret, String)> {
    let auth_url = cli_auth_url(url);
    let opened = !no_open && std::io::stdout().is_terminal() && open_browser(auth_url.as_str());
    let lead = if opened {
        "Your browser has been opened to visit:"
    } else {
        "Open the following in your browser:"
    };
    output::info(&format!("{lead}\n\n\t{auth_url}\n"));
    loop {
        let typed = rpassword::prompt_password("Paste your token here: ").map_err(|e| {
            fail(
                format!("could not read the token: {e}"),
                "run in a terminal, or pass --token",
            )
        })?;
        let token = Secret::new(typed.trim());
        if token.is_empty() {
            continue;
        }
        client.set_token(Some(&token))?;
        match client.user("me").await {
            Ok(user) => return Ok((token, user.username)),
            Err(err) if err.status() == Some(401) => output::info("That's not a valid token!"),
            Err(err) => {
                return Err(
                    anyhow::Error::new(err).context(format!("check the token with {url_text}"))
                );
            }
        }
    }
}

/// Best effort: `$BROWSER`, else the platform's opener.
fn open_browser(target: &str) -> bool {
    let program = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else if cfg!(windows) {
                "explorer"
            } else {
                "xdg-open"
            }
            .to_string()
        });
    std::process::Command::new(program)
        .arg(target)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Stores the token, then the URL; if the URL cannot be written the token is taken
/// back out, so a failed login never leaves half a session.
fn save_session(
    store: &dyn TokenStore,
    config: &ConfigDir,
    url: &Url,
    url_text: &str,
    token: &Secret,
) -> Result<()> {
    store.write(url, token).context("write session token")?;
    if let Err(err) = config.write(URL_FILE, url_text) {
        let _ = store.delete(url);
        return Err(err.context("write server url"));
    }
    Ok(())
}

/// `coder logout`.
pub fn logout(global: &GlobalArgs, args: &LogoutArgs) -> Result<()> {
    let config = ConfigDir::resolve(global.global_config.clone())?;
    let connection = session::connect(global)?;
    let url = connection.url.clone();
    if !args.yes && stdin_is_terminal() && !confirm("Are you sure you want to log out?")? {
        return Err(fail("logout cancelled", "pass --yes to skip the question"));
    }
    let client = client_for(global, connection, "logout")?;
    if let Err(err) = block_on(client.logout())? {
        output::info(&format!(
            "warning: the deployment did not end the session ({err}); removing it locally anyway"
        ));
    }
    let store = session::open_store(global, &config)?;
    let mut failures = Vec::new();
    if let Err(err) = store.delete(&url) {
        failures.push(format!("{err:#}"));
    }
    for file in [URL_FILE, ORGANIZATION_FILE] {
        if let Err(err) = config.remove(file) {
            failures.push(format!("{err:#}"));
        }
    }
    if !failures.is_empty() {
        let mut err = CliError::failure("failed to log out completely")
            .with_hint("remove the files named above by hand");
        for failure in failures {
            err = err.with_detail(failure);
        }
        return Err(err.into());
    }
    output::stdout("You are no longer logged in. You can log in using 'coder login <url>'.\n")
}

fn confirm(question: &str) -> Result<bool> {
    output::ask(&format!("{question} [y/N] "));
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
