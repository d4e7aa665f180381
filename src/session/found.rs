//! What the session settings lead to, each part with where it was found: the one
//! reading behind [`super::resolve`], and what `coder login status` reports (it says
//! what is missing instead of failing).

use std::path::PathBuf;

use anyhow::Result;
use url::Url;

use super::config::{SESSION_FILE, URL_FILE};
use super::{Options, Source, Storage, Store, Stored, address, headers, parse_url};
use crate::error::fail;
use crate::secret::Secret;

/// Where the deployment URL or the session token was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--url` / `--token`.
    Flag,
    /// `CODER_URL` / `CODER_SESSION_TOKEN`.
    Env,
    /// A file of the config dir: `url`, or `session` (file storage).
    File(PathBuf),
    /// The OS keyring.
    Keyring,
}

impl Origin {
    /// Where a session token found here is, in words: the option or variable it was
    /// given with, the session file's path, or the OS keyring.
    pub fn token_place(&self) -> String {
        match self {
            Origin::Flag => Source::Flag.token_name().to_string(),
            Origin::Env => Source::Env.token_name().to_string(),
            Origin::File(path) => path.display().to_string(),
            Origin::Keyring => "the OS keyring".to_string(),
        }
    }
}

impl From<Source> for Origin {
    fn from(source: Source) -> Origin {
        match source {
            Source::Flag => Origin::Flag,
            Source::Env => Origin::Env,
        }
    }
}

/// A value and where it was found.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub origin: Origin,
}

/// The session settings of one invocation, read: nothing in it is required.
pub struct Found {
    /// `--url`/`CODER_URL`, else `<config>/url`; `None` when there is none.
    pub url: Option<Located<Url>>,
    /// `--token`/`CODER_SESSION_TOKEN`, else the token stored for the URL; `None` when
    /// there is none (or no URL to look one up for).
    pub token: Option<Located<Secret>>,
    /// The config dir's `url` file, looked at when no URL is given.
    pub url_file: PathBuf,
    /// Where a stored token is kept: the session file or the OS keyring.
    pub store: Origin,
    /// The extra headers; none without a URL (a header command is given the URL).
    pub headers: Vec<(String, String)>,
    /// The stored token when it was withheld from the URL, another deployment's.
    pub withheld: Option<Withheld>,
}

/// A file-store token kept from a `--url`/`CODER_URL` of another origin than the
/// stored URL (`stored`, if there is one): it goes only to its own deployment.
#[derive(Debug, Clone)]
pub struct Withheld {
    pub stored: Option<String>,
}

/// Reads URL, token and headers as [`super::resolve`] does (the store is reached only
/// when no token is given, headers only with a URL), without requiring any of them.
pub fn find(options: &Options) -> Result<Found> {
    find_with_store(options).map(|(found, _)| found)
}

/// [`find`], and the token store when it was opened to look a token up (a URL and no
/// `--token`/`CODER_SESSION_TOKEN`), so that `logout` opens it once.
pub(super) fn find_with_store(options: &Options) -> Result<(Found, Option<Store>)> {
    let storage = Storage::new(options)?;
    let _lock = storage.config.read_lock()?;
    let url_file = storage.config.file(URL_FILE);
    let url = match options.url() {
        Some(given) => Some(Located {
            value: parse_url(&given.value)?,
            origin: given.source.into(),
        }),
        None => storage.stored()?.map(|value| Located {
            value,
            origin: Origin::File(url_file.clone()),
        }),
    };
    let store = storage.origin();
    let mut withheld = None;
    let mut opened = None;
    let token = match (options.token(), &url) {
        (Some(given), _) => Some(Located {
            value: given.value.clone(),
            origin: given.source.into(),
        }),
        (None, Some(url)) => {
            let (stored, tokens) = storage.token_for(&url.value, options.url())?;
            opened = Some(tokens);
            match stored {
                Stored::Token(value) => Some(Located {
                    value,
                    origin: store.clone(),
                }),
                Stored::Nothing => None,
                Stored::Withheld(held) => {
                    withheld = Some(held);
                    None
                }
            }
        }
        (None, None) => None,
    };
    let headers = match &url {
        Some(url) => headers(options, &url.value)?,
        None => Vec::new(),
    };
    let found = Found {
        url,
        token,
        url_file,
        store,
        headers,
        withheld,
    };
    Ok((found, opened))
}

impl Storage {
    /// Where a stored token is kept: the session file or the OS keyring.
    pub(super) fn origin(&self) -> Origin {
        if self.keyring {
            Origin::Keyring
        } else {
            Origin::File(self.config.file(SESSION_FILE))
        }
    }

    /// The URL in `<config>/url`, if there is one.
    fn stored(&self) -> Result<Option<Url>> {
        self.stored_url()?
            .map(|stored| self.checked(&stored))
            .transpose()
    }

    /// `stored`, the text of `<config>/url`, as a deployment URL; an error naming the
    /// file when it is none.
    pub(super) fn checked(&self, stored: &str) -> Result<Url> {
        address::checked_url(stored).map_err(|why| {
            fail(
                format!(
                    "{} does not hold a valid deployment URL: {why}",
                    self.config.file(URL_FILE).display()
                ),
                "log in again with 'coder login <url>' to replace it",
            )
        })
    }
}
