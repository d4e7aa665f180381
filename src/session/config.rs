//! The configuration directory (`coderv2`) and its small files.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{CliError, fail};

pub const URL_FILE: &str = "url";
pub const SESSION_FILE: &str = "session";
pub const ORGANIZATION_FILE: &str = "organization";

#[derive(Debug, Clone)]
pub struct ConfigDir {
    pub path: PathBuf,
    /// Whether this is the OS default (`<config dir>/coderv2`), which decides keyring use.
    pub is_default: bool,
}

/// The OS default: `$XDG_CONFIG_HOME/coderv2` or `~/.config/coderv2` on Linux,
/// `~/Library/Application Support/coderv2` on macOS, `%APPDATA%\coderv2` on Windows.
pub fn default_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("coderv2"))
}

impl ConfigDir {
    pub fn resolve(flag: Option<PathBuf>) -> Result<ConfigDir> {
        let default = default_dir();
        match flag.filter(|p| !p.as_os_str().is_empty()) {
            Some(path) => Ok(ConfigDir {
                is_default: default.as_deref() == Some(path.as_path()),
                path,
            }),
            None => match default {
                Some(path) => Ok(ConfigDir {
                    path,
                    is_default: true,
                }),
                None => Err(fail(
                    "could not find a configuration directory (HOME is not set)",
                    "set HOME, or pass --global-config / CODER_CONFIG_DIR",
                )),
            },
        }
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Reads a file's trimmed text; `None` when it does not exist.
    pub fn read(&self, name: &str) -> Result<Option<String>> {
        let path = self.file(name);
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(Some(text.trim().to_string())),
                Err(_) => Err(fail(
                    format!("{} is not text", path.display()),
                    format!("remove it and log in again: rm {}", path.display()),
                )),
            },
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) if err.kind() == io::ErrorKind::NotADirectory => Err(fail(
                format!(
                    "cannot read {}: {} is not a directory",
                    path.display(),
                    self.path.display()
                ),
                "point --global-config / CODER_CONFIG_DIR at a directory",
            )),
            Err(err) => Err(fail(
                format!("cannot read {}: {err}", path.display()),
                "check the file's permissions, or use another --global-config",
            )),
        }
    }

    /// Writes a file atomically with mode 0600: a temporary file that is private from
    /// the moment it exists, then a rename. A crash leaves the old file or the new one.
    pub fn write(&self, name: &str, contents: &str) -> Result<()> {
        self.ensure_dir()?;
        let path = self.file(name);
        write_private_atomic(&path, contents.as_bytes()).map_err(|err| {
            CliError::failure(format!("cannot write {}: {err}", path.display()))
                .with_hint("check the directory's permissions, or use another --global-config")
                .into()
        })
    }

    /// Removes a file; `Ok(false)` when it was not there.
    pub fn remove(&self, name: &str) -> Result<bool> {
        let path = self.file(name);
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(fail(
                format!("cannot remove {}: {err}", path.display()),
                "check the directory's permissions",
            )),
        }
    }

    /// Fails when something other than a directory stands where the config dir goes.
    pub fn check(&self) -> Result<()> {
        if self.path.exists() && !self.path.is_dir() {
            return Err(fail(
                format!("{} is not a directory", self.path.display()),
                "point --global-config / CODER_CONFIG_DIR at a directory",
            ));
        }
        Ok(())
    }

    fn ensure_dir(&self) -> Result<()> {
        self.check()?;
        if self.path.is_dir() {
            return Ok(());
        }
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.path).map_err(|err| {
            CliError::failure(format!("cannot create {}: {err}", self.path.display()))
                .with_hint("check the permissions of its parent, or use another --global-config")
                .into()
        })
    }
}

fn write_private_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> (tempfile::TempDir, ConfigDir) {
        let tmp = tempfile::tempdir().unwrap();
        let config = ConfigDir {
            path: tmp.path().join("nested").join("coderv2"),
            is_default: false,
        };
        (tmp, config)
    }

    #[test]
    fn write_creates_private_files_and_reads_back_trimmed() {
        let (_tmp, config) = dir();
        config.write(URL_FILE, "https://example.com \n").unwrap();
        assert_eq!(
            config.read(URL_FILE).unwrap().as_deref(),
            Some("https://example.com")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&config.file(URL_FILE)), 0o600);
            assert_eq!(mode(&config.path), 0o700);
        }
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(&config.path).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn missing_files_read_as_none_and_remove_reports_absence() {
        let (_tmp, config) = dir();
        assert_eq!(config.read(SESSION_FILE).unwrap(), None);
        assert!(!config.remove(SESSION_FILE).unwrap());
    }

    #[test]
    fn a_config_dir_that_is_a_file_is_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("plain");
        fs::write(&file, "x").unwrap();
        let config = ConfigDir {
            path: file.clone(),
            is_default: false,
        };
        let err = config.write(URL_FILE, "https://x").unwrap_err();
        assert!(err.to_string().contains("is not a directory"), "{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "x");
    }

    #[test]
    fn explicit_default_path_counts_as_default() {
        let default = default_dir().unwrap();
        assert!(ConfigDir::resolve(Some(default)).unwrap().is_default);
        assert!(
            !ConfigDir::resolve(Some(PathBuf::from("/elsewhere")))
                .unwrap()
                .is_default
        );
    }
}
