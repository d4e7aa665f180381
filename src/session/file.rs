//! The file store: `<config>/session`, as the Go CLI writes it.

use anyhow::Result;
use url::Url;

use super::TokenStore;
use super::config::{ConfigDir, SESSION_FILE};
use crate::secret::Secret;

pub struct FileStore {
    config: ConfigDir,
}

impl FileStore {
    pub fn new(config: ConfigDir) -> Self {
        FileStore { config }
    }
}

impl TokenStore for FileStore {
    fn read(&self, _url: &Url) -> Result<Option<Secret>> {
        Ok(self
            .config
            .read(SESSION_FILE)?
            .filter(|token| !token.is_empty())
            .map(Secret::new))
    }

    fn write(&self, _url: &Url, token: &Secret) -> Result<()> {
        self.config.write(SESSION_FILE, token.expose())
    }

    fn delete(&self, _url: &Url) -> Result<bool> {
        self.config.remove(SESSION_FILE)
    }
}
