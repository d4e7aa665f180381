//! Where the deployment URL, the session token and extra headers come from
//! (flag > environment > stored), and where a session is kept: saved as a whole, read
//! back, forgotten. Everything arrives as plain [`Options`]; nothing here reads the
//! command line or re-reads its environment variables.

mod address;
mod backend;
mod config;
mod file;
mod found;
mod headers;
mod keyring;
mod orphans;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use url::Url;

use crate::error::{CliError, fail, usage};
use crate::secret::Secret;
pub use address::parse_url;
use config::{ConfigDir, ORGANIZATION_FILE, URL_FILE};
use file::FileStore;
pub use found::{Origin, Withheld, find};
pub use headers::headers;
use keyring::KeyringStore;

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Given<T> {
    pub value: T,
    pub source: Source,
}

impl Source {
    /// The option or variable a session token given this way is set with.
    pub fn token_name(self) -> &'static str {
        match self {
            Source::Flag => "--token",
            Source::Env => "CODER_SESSION_TOKEN",
        }
    }

    /// The option or variable a deployment URL given this way is set with.
    fn url_name(self) -> &'static str {
        match self {
            Source::Flag => "--url",
            Source::Env => "CODER_URL",
        }
    }
}

/// The session settings of one invocation, as plain values.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--url` / `CODER_URL`.
    pub url: Option<Given<String>>,
    /// `--token` / `CODER_SESSION_TOKEN`.
    pub token: Option<Given<Secret>>,
    /// `--global-config` / `CODER_CONFIG_DIR`.
    pub config_dir: Option<PathBuf>,
    /// `--use-keyring` / `CODER_USE_KEYRING`, when given.
    pub use_keyring: Option<bool>,
    /// `--header` / `CODER_HEADER`, as `key=value`.
    pub headers: Vec<String>,
    /// `--header-command` / `CODER_HEADER_COMMAND`.
    pub header_command: Option<String>,
}

impl Options {
    fn url(&self) -> Option<&Given<String>> {
        self.url.as_ref().filter(|url| !url.value.is_empty())
    }

    /// The token given on the command line or in the environment, if any.
    pub fn token(&self) -> Option<&Given<Secret>> {
        self.token.as_ref().filter(|token| !token.value.is_empty())
    }
}

/// Somewhere a session token is kept. A store that keeps it in the config dir leaves
/// its file work to the config dir (the `files` lists), so that the token and the URL
/// change as one.
trait TokenStore {
    fn read(&self, url: &Url) -> Result<Option<Secret>>;
    /// Checks that a token could be saved now, naming the config files it would write.
    fn check(&self, files: &mut Vec<&'static str>) -> Result<()>;
    fn save(
        &self,
        url: &Url,
        token: &Secret,
        files: &mut Vec<(&'static str, String)>,
    ) -> Result<()>;
    fn forget(&self, url: &Url, files: &mut Vec<&'static str>) -> Result<()>;
}

/// Default limit for one HTTP request; `CODER_HTTP_TIMEOUT` overrides it.
const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(30);

/// The limit for one HTTP request, and for the header command: `CODER_HTTP_TIMEOUT`,
/// else 30 s.
pub fn http_timeout() -> Result<Duration> {
    timeout_from_env("CODER_HTTP_TIMEOUT", DEFAULT_HTTP_TIMEOUT)
}

/// A time limit from the environment variable `name` (seconds or a duration such as
/// `45s`), else `default`.
pub fn timeout_from_env(name: &str, default: Duration) -> Result<Duration> {
    let hint = "use seconds or a duration, e.g. 30 or 45s";
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => crate::duration::parse_timeout(&value)
            .map_err(|err| usage(format!("invalid {name}: {err}"), hint)),
        Err(std::env::VarError::NotUnicode(_)) => Err(usage(
            format!("invalid {name}: it is not valid UTF-8 text"),
            hint,
        )),
        _ => Ok(default),
    }
}

/// Everything a command needs to talk to the deployment.
pub struct Target {
    pub url: Url,
    pub token: Option<Secret>,
    pub headers: Vec<(String, String)>,
}

/// Resolves URL (`--url`/`CODER_URL`, else `<config>/url`), token (`--token`/
/// `CODER_SESSION_TOKEN`, else the store) and headers (see [`find`]). A missing token
/// is not an error: the request goes out and the server says 401.
pub fn resolve(options: &Options) -> Result<Target> {
    let found = find(options)?;
    let url = found.url.ok_or_else(|| not_logged_in(None))?.value;
    refuse_withheld(found.withheld.as_ref(), options)?;
    if let Some(token) = &found.token {
        check_sendable(&token.value, &token.origin)?;
    }
    Ok(Target {
        url,
        token: found.token.map(|token| token.value),
        headers: found.headers,
    })
}

/// One line for the user when an explicit `--use-keyring` is overridden (on macOS and
/// Windows, with a config dir of its own), saying where the session is kept instead:
/// for the commands that use the stored session to show.
pub fn keyring_note(options: &Options) -> Option<String> {
    let config = ConfigDir::resolve(options.config_dir.clone()).ok()?;
    backend::overridden_note(
        options.use_keyring,
        &config.path,
        config.is_default,
        backend::Os::CURRENT,
    )
}

/// The keys minted for the deployment at `url` by logins killed before they were saved
/// (see [`Target::orphans`]).
pub fn orphans_for(options: &Options, url: &Url) -> Result<Vec<Secret>> {
    let storage = Storage::new(options)?;
    let _lock = storage.config.read_lock()?;
    orphans::for_deployment(&storage.config, url)
}

/// Takes a key minted by a killed login off the list once it is deleted on its
/// deployment (or found to be no longer valid there).
pub fn forget_orphan(options: &Options, key: &Secret) -> Result<()> {
    let config = Storage::new(options)?.config;
    let lock = config.write_lock()?;
    orphans::remove(&config, &lock, key)
}

/// The stored session token, for `coder login token`: no network, and `--token` /
/// `CODER_SESSION_TOKEN` ignored on purpose (as upstream does). The file store holds
/// one deployment's session, so a `--url` other than the stored one is refused.
pub fn stored_token(options: &Options) -> Result<Secret> {
    let storage = Storage::new(options)?;
    let _lock = storage.config.read_lock()?;
    let stored = storage.stored_url()?;
    let requested = options.url().map(|url| url.value.as_str());
    let url = match (requested, &stored) {
        (Some(requested), _) => parse_url(requested)?,
        (None, Some(stored)) => storage.checked(stored)?,
        (None, None) => return Err(not_logged_in(None)),
    };
    if let (false, Some(requested), Some(stored)) = (storage.keyring, requested, &stored)
        && !belongs(stored, &url)
    {
        return Err(fail(
            format!(
                "file session token storage only supports one server at a time: \
                 requested {requested} but logged into {stored}"
            ),
            format!("log in to {requested} first, or drop --url / CODER_URL"),
        ));
    }
    let origin = storage.origin();
    let token = storage
        .open()?
        .read(&url)
        .context("read session token")?
        .ok_or_else(no_session_token)?;
    check_sendable(&token, &origin)?;
    Ok(token)
}

/// Fails when `token` has characters no request can carry (a control character, text
/// other than ASCII), naming where it came from: a usage error for `--token` and
/// `CODER_SESSION_TOKEN`, a damaged store otherwise (which logging in again replaces).
fn check_sendable(token: &Secret, origin: &Origin) -> Result<()> {
    match origin {
        Origin::Flag | Origin::Env => check_given_token(token, &origin.token_place()),
        _ if sendable(token) => Ok(()),
        stored => Err(fail(
            format!("the session token in {} {UNSENDABLE}", stored.token_place()),
            "log in again with 'coder login <url>' to replace it",
        )),
    }
}

/// Fails with a usage error when a token the user gave (on the command line, in the
/// environment or on stdin: `named`) has characters no request can carry.
pub fn check_given_token(token: &Secret, named: &str) -> Result<()> {
    if sendable(token) {
        return Ok(());
    }
    Err(usage(
        format!("{named} {UNSENDABLE}"),
        "check it for a stray newline or a pasted character",
    ))
}

const UNSENDABLE: &str =
    "has characters no request can carry (a control character, or text other than ASCII)";

fn sendable(token: &Secret) -> bool {
    reqwest::header::HeaderValue::from_str(token.expose()).is_ok()
}

fn no_session_token() -> anyhow::Error {
    fail("no session token found", "run 'coder login <url>' first")
}

/// Whether two deployment URLs are one deployment to a session token: the same origin
/// (scheme, host and port). A stored token goes to no other.
pub fn same_deployment(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin()
}

/// Whether a token stored with the URL text `stored` belongs to `url`.
fn belongs(stored: &str, url: &Url) -> bool {
    address::checked_url(stored).is_ok_and(|stored| same_deployment(&stored, url))
}

/// What a stored token is looked up for, which decides what a refusal suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// A request to the deployment.
    Use,
    /// `coder logout`.
    Logout,
}

/// The session `coder logout` ends: the deployment (`--url`/`CODER_URL`, else
/// `<config>/url`), the token stored for it (never `--token`/`CODER_SESSION_TOKEN`;
/// `None` when none is), the headers for it, and the store holding it.
pub struct StoredSession {
    pub url: Url,
    pub token: Option<Secret>,
    pub headers: Vec<(String, String)>,
    pub store: Store,
}

/// The stored session, for `coder logout`; nothing is sent or changed.
pub fn stored_session(options: &Options) -> Result<StoredSession> {
    let options = Options {
        token: None,
        ..options.clone()
    };
    let (found, store) = found::find_with_store(&options)?;
    let (Some(url), Some(store)) = (found.url, store) else {
        // The Go CLI's words (its tests and scripts look for them), in our shape.
        return Err(fail(
            "You are not logged in: no session is stored, so there is nothing to log out",
            "Try logging in using 'coder login <url>'; nothing was sent or changed",
        ));
    };
    if let (Some(withheld), Some(given)) = (&found.withheld, options.url()) {
        return Err(elsewhere(withheld, given, Purpose::Logout));
    }
    if let Some(token) = &found.token {
        check_sendable(&token.value, &token.origin)?;
    }
    Ok(StoredSession {
        url: url.value,
        token: found.token.map(|token| token.value),
        headers: found.headers,
        store,
    })
}

/// Fails when the stored token was `withheld` from the URL `options` name, another
/// deployment's (see [`find`]), saying whose it is and the ways on.
pub fn refuse_withheld(withheld: Option<&Withheld>, options: &Options) -> Result<()> {
    match (withheld, options.url()) {
        (Some(withheld), Some(given)) => Err(elsewhere(withheld, given, Purpose::Use)),
        _ => Ok(()),
    }
}

/// The refusal to send the file store's token to a URL that `given` named and that is
/// not the deployment the token was stored for.
fn elsewhere(withheld: &Withheld, given: &Given<String>, purpose: Purpose) -> anyhow::Error {
    let from = given.source.url_name();
    let requested = given.value.trim();
    let whose = match &withheld.stored {
        Some(stored) => format!("is for {stored}"),
        None => "names no deployment (no url file)".to_string(),
    };
    let hint = match (purpose, &withheld.stored) {
        (Purpose::Logout, Some(stored)) => {
            format!("to end the session for {stored}, run 'coder logout' without {from}")
        }
        _ => format!(
            "pass a token for {requested} (--token or CODER_SESSION_TOKEN), or log in \
             there: coder login {requested}"
        ),
    };
    CliError::failure(format!(
        "the stored session {whose}, not {requested} (from {from}); a stored token is sent \
         only to the deployment it was stored for"
    ))
    .with_hint(hint)
    .into()
}

/// The deployment the options name (`--url`/`CODER_URL`), else the stored one, for a
/// hint; `None` when there is none, it cannot be read or it is no deployment URL (a
/// token, one with credentials), as the hint would show it.
pub fn known_url(options: &Options) -> Option<Url> {
    let url = match options.url() {
        Some(url) => url.value.clone(),
        None => Storage::new(options).ok()?.stored_url().ok().flatten()?,
    };
    address::checked_url(&url).ok()
}

/// Where `coder login` got its URL, as its greeting says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlSource {
    Argument,
    Flag,
    Environment,
    Config,
}

impl fmt::Display for UrlSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlSource::Argument => "argument",
            UrlSource::Flag => "flag",
            UrlSource::Environment => "environment",
            UrlSource::Config => "config",
        })
    }
}

/// The deployment `coder login` logs in to.
pub struct LoginUrl {
    /// As the user gave it, with a scheme added when it had none; `<config>/url` keeps it.
    pub text: String,
    pub url: Url,
    pub source: UrlSource,
}

/// What a store holds for a URL.
enum Stored {
    Token(Secret),
    Nothing,
    /// The file store's token, which belongs to another deployment.
    Withheld(Withheld),
}

/// The config directory and the token store it implies.
pub struct Storage {
    config: ConfigDir,
    keyring: bool,
}

impl Storage {
    pub fn new(options: &Options) -> Result<Storage> {
        let config = ConfigDir::resolve(options.config_dir.clone())?;
        let keyring =
            backend::choose(options.use_keyring, config.is_default, backend::Os::CURRENT).keyring;
        Ok(Storage { config, keyring })
    }

    /// Fails when something other than a directory stands where the config dir goes.
    pub fn check(&self) -> Result<()> {
        self.config.check()
    }

    fn stored_url(&self) -> Result<Option<String>> {
        Ok(self.config.read(URL_FILE)?.filter(|url| !url.is_empty()))
    }

    /// The token stored for `url`, and the store it was read from. The keyring keeps
    /// one per origin; the file store keeps one, for `<config>/url`: when `given`
    /// (`--url`/`CODER_URL`) names another origin, that token is withheld.
    fn token_for(self, url: &Url, given: Option<&Given<String>>) -> Result<(Stored, Store)> {
        let stored_url = match given.filter(|_| !self.keyring) {
            Some(_) => Some(self.stored_url()?),
            None => None,
        };
        let store = self.open()?;
        let stored = match (stored_url, store.read(url)?) {
            (_, None) => Stored::Nothing,
            (Some(stored), Some(_)) if !stored.as_deref().is_some_and(|s| belongs(s, url)) => {
                Stored::Withheld(Withheld { stored })
            }
            (_, Some(token)) => Stored::Token(token),
        };
        Ok((stored, store))
    }

    /// The URL to log in to: the argument, else `--url`/`CODER_URL`, else `<config>/url`
    /// (read as a killed login left it once finished or undone).
    pub fn login_url(&self, options: &Options, argument: Option<&str>) -> Result<LoginUrl> {
        let _lock = self.config.read_lock()?;
        let given = match (argument.filter(|a| !a.is_empty()), options.url()) {
            (Some(argument), _) => Some((argument.to_string(), UrlSource::Argument)),
            (None, Some(url)) if url.source == Source::Env => {
                Some((url.value.clone(), UrlSource::Environment))
            }
            (None, Some(url)) => Some((url.value.clone(), UrlSource::Flag)),
            (None, None) => None,
        };
        let (raw, source) = match given {
            Some(given) => given,
            None => match self.stored_url()? {
                Some(stored) => (stored, UrlSource::Config),
                None => {
                    return Err(usage(
                        "no deployment URL given",
                        "pass it as an argument: coder login https://coder.example.com",
                    ));
                }
            },
        };
        let (text, url) = address::login_url(&raw)?;
        Ok(LoginUrl { text, url, source })
    }

    /// Opens the token store (the OS keyring is reached here, so a broken one fails now).
    pub fn open(self) -> Result<Store> {
        let tokens: Box<dyn TokenStore> = if self.keyring {
            let timeout = timeout_from_env("CODER_KEYRING_TIMEOUT", keyring::DEFAULT_TIMEOUT)?;
            Box::new(KeyringStore::open(timeout)?)
        } else {
            Box::new(FileStore::new(self.config.clone()))
        };
        Ok(Store {
            config: self.config,
            tokens,
        })
    }
}

/// No deployment URL anywhere, in the Go CLI's words (its tests and scripts look for
/// them) within this client's error shape.
/// `why`, when given, says what was looked for and not found.
pub fn not_logged_in(why: Option<&str>) -> anyhow::Error {
    let line = match why {
        Some(why) => format!("You are not logged in: {why}"),
        None => "You are not logged in".to_string(),
    };
    CliError::failure(line)
        .with_hint(
            "Try logging in using 'coder login <url>' (or set CODER_URL and CODER_SESSION_TOKEN)",
        )
        .into()
}

/// An open session store: the token store and the config directory's files.
pub struct Store {
    config: ConfigDir,
    tokens: Box<dyn TokenStore>,
}

impl Store {
    fn read(&self, url: &Url) -> Result<Option<Secret>> {
        self.tokens.read(url)
    }

    /// Checks that a session could be saved now (before one is minted): the keyring
    /// answers, and the config dir takes the files.
    pub fn check(&self) -> Result<()> {
        let mut files = Vec::new();
        self.tokens.check(&mut files)?;
        files.push(URL_FILE);
        let lock = self.config.write_lock()?;
        self.config.probe(&lock, files)
    }

    /// Saves a session as a unit: token and URL change together (see [`config`]), and
    /// a token saved in the keyring is taken back out when the URL cannot be written.
    /// `minted` says the token is a session key minted for this login.
    pub fn save(&self, url: &Url, url_text: &str, token: &Secret, minted: bool) -> Result<()> {
        let lock = self.config.write_lock()?;
        let mut files = Vec::new();
        self.tokens
            .save(url, token, &mut files)
            .context("write session token")?;
        files.push((URL_FILE, url_text.to_string()));
        let files: Vec<(&str, &str)> = files.iter().map(|(n, c)| (*n, c.as_str())).collect();
        if let Err(err) = self.config.write_files(&lock, &files, minted) {
            let _ = self.tokens.forget(url, &mut Vec::new());
            return Err(err.context("save the session"));
        }
        Ok(())
    }

    /// Removes the token, `url` and `organization`; every removal is attempted, and
    /// what failed is returned, one line each (empty: all gone).
    pub fn forget(&self, url: &Url) -> Vec<String> {
        let lock = match self.config.write_lock() {
            Ok(lock) => lock,
            Err(err) => return vec![format!("{err:#}")],
        };
        let mut failures = Vec::new();
        let mut files = Vec::new();
        if let Err(err) = self.tokens.forget(url, &mut files) {
            failures.push(format!("{err:#}"));
        }
        files.extend([URL_FILE, ORGANIZATION_FILE]);
        for file in files {
            if let Err(err) = self.config.remove(&lock, file) {
                failures.push(format!("{err:#}"));
            }
        }
        failures
    }
}
