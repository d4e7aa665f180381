//! Session keys minted for a login that was killed before it was saved: nobody holds
//! them, yet they stay valid on their deployment. The next run keeps each with the URL
//! it was minted for in `<config>/.session.orphans` (private, one `<key> <url>` a line);
//! the next command that talks to that deployment anyway deletes it there, and never
//! sends it anywhere else.

use std::fs;
use std::io;

use anyhow::Result;
use url::Url;

use super::address::parse_url;
use super::config::{ConfigDir, WriteLock, sync_dir, write_private};
use crate::files::temp_for;
use crate::secret::Secret;

/// The list, in the config dir.
pub const FILE: &str = ".session.orphans";

/// A key to delete, and the deployment it belongs to.
pub struct Orphan {
    pub key: Secret,
    pub url: String,
}

/// The listed keys, in the order they were found.
fn read(config: &ConfigDir) -> io::Result<Vec<Orphan>> {
    let text = match fs::read_to_string(config.file(FILE)) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    Ok(text
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(key, url)| Orphan {
            key: Secret::new(key),
            url: url.to_string(),
        })
        .collect())
}

/// Replaces the list (removed when empty), atomically.
fn write(config: &ConfigDir, orphans: &[Orphan]) -> io::Result<()> {
    let path = config.file(FILE);
    if orphans.is_empty() {
        return match fs::remove_file(&path) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => sync_dir(&config.path),
        };
    }
    let text: String = orphans
        .iter()
        .map(|orphan| format!("{} {}\n", orphan.key.expose(), orphan.url))
        .collect();
    let temp = temp_for(&path);
    write_private(&temp, text.as_bytes())?;
    fs::rename(&temp, &path)?;
    sync_dir(&config.path)
}

/// Adds `key`, minted for the deployment at `url`, unless it is listed already (under
/// the write lock, which recovery holds).
pub fn add(config: &ConfigDir, url: &str, key: Secret) -> io::Result<()> {
    let mut orphans = read(config)?;
    if orphans.iter().any(|orphan| orphan.key == key) {
        return Ok(());
    }
    orphans.push(Orphan {
        key,
        url: url.to_string(),
    });
    write(config, &orphans)
}

/// The listed keys that belong to the deployment at `url`: same scheme, host, port
/// and path (a trailing `/` aside). A URL that no longer reads as one matches nothing.
pub fn for_deployment(config: &ConfigDir, url: &Url) -> Result<Vec<Secret>> {
    let listed = read(config).map_err(|err| config.read_failed(&config.file(FILE), err))?;
    Ok(listed
        .into_iter()
        .filter(|orphan| parse_url(&orphan.url).is_ok_and(|listed| same_deployment(&listed, url)))
        .map(|orphan| orphan.key)
        .collect())
}

/// Takes `key` off the list.
pub fn remove(config: &ConfigDir, _lock: &WriteLock, key: &Secret) -> Result<()> {
    let path = config.file(FILE);
    let result = read(config).and_then(|mut orphans| {
        orphans.retain(|orphan| orphan.key != *key);
        write(config, &orphans)
    });
    result.map_err(|err| config.write_failed(&path, err))
}

fn same_deployment(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin() && a.path().trim_end_matches('/') == b.path().trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn a_key_belongs_only_to_the_deployment_it_was_minted_for() {
        let deployment = url("https://coder.example.com/sub");
        for same in [
            "https://coder.example.com/sub/",
            "https://coder.example.com:443/sub",
            "https://CODER.example.com/sub",
        ] {
            assert!(same_deployment(&deployment, &url(same)), "{same}");
        }
        for other in [
            "http://coder.example.com/sub",
            "https://coder.example.com/",
            "https://coder.example.com:8443/sub",
            "https://coder.example.com.evil.test/sub",
            "https://coder.example.com/sub/other",
        ] {
            assert!(!same_deployment(&deployment, &url(other)), "{other}");
        }
    }

    #[test]
    fn keys_are_listed_once_and_taken_off_one_by_one() {
        let tmp = tempfile::tempdir().unwrap();
        let config = ConfigDir {
            path: tmp.path().to_path_buf(),
            is_default: false,
        };
        let lock = config.write_lock().unwrap();
        add(
            &config,
            "https://a.example.com",
            Secret::new("KeyA000001-secret"),
        )
        .unwrap();
        add(
            &config,
            "https://a.example.com",
            Secret::new("KeyA000001-secret"),
        )
        .unwrap();
        add(
            &config,
            "https://b.example.com",
            Secret::new("KeyB000001-secret"),
        )
        .unwrap();
        let keys = |at: &str| -> Vec<String> {
            for_deployment(&config, &url(at))
                .unwrap()
                .iter()
                .map(|key| key.expose().to_string())
                .collect()
        };
        assert_eq!(keys("https://a.example.com/"), ["KeyA000001-secret"]);
        assert_eq!(keys("https://b.example.com"), ["KeyB000001-secret"]);
        assert!(keys("https://c.example.com").is_empty());
        remove(&config, &lock, &Secret::new("KeyA000001-secret")).unwrap();
        assert!(keys("https://a.example.com").is_empty());
        remove(&config, &lock, &Secret::new("KeyB000001-secret")).unwrap();
        assert!(!config.file(FILE).exists(), "an empty list is no file");
    }
}
