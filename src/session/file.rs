//! The file store: `<config>/session`, as the Go CLI writes it. Its writes go through
//! the config dir together with the URL (see [`super::config`]).

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

    fn check(&self, files: &mut Vec<&'static str>) -> Result<()> {
        files.push(SESSION_FILE);
        Ok(())
    }

    fn save(
        &self,
        _url: &Url,
        token: &Secret,
        files: &mut Vec<(&'static str, String)>,
    ) -> Result<()> {
        files.push((SESSION_FILE, token.expose().to_string()));
        Ok(())
    }

    fn forget(&self, _url: &Url, files: &mut Vec<&'static str>) -> Result<()> {
        files.push(SESSION_FILE);
        Ok(())
    }
}
