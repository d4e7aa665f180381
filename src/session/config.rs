//! The configuration directory (`coderv2`) and its small files, changed as a whole.
//!
//! A session is two files (`session` and `url`, as the Go CLI keeps them), so a
//! reader could see one deployment's URL with another's token, and a crash between
//! the two writes could leave them mixed for good. Here every change happens under an
//! exclusive lock and goes through a small journal:
//!
//! 1. a record of the change (the files it replaces; whether its token is a session
//!    key minted for it) is written beside the commit marker;
//! 2. the new contents are written to temporary files next to their targets, the URL
//!    first (so that a minted key left behind always has its deployment beside it);
//! 3. the record is renamed into the commit marker: the moment the change happens;
//! 4. the temporary files go over their targets, and when the URL changes the old
//!    token is removed *before* the new URL goes in: readers that know nothing of the
//!    journal (the Go CLI, the VS Code extension, which read `url` and `session`
//!    directly) see the old pair, the old URL without a token, the new URL without a
//!    token, or the new pair; never one deployment's URL with another's token;
//! 5. the marker goes.
//!
//! Whoever finds the marker afterwards (the next run, whatever it does) finishes the
//! job in the same order; an unfinished change without a marker is removed, and a
//! session key minted for it is kept in the list of keys to delete on their
//! deployment (see [`super::orphans`]). Readers hold a shared lock, so they see the old
//! files or the new ones, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::orphans;
use crate::error::{CliError, fail};
use crate::files::{target, temp_for};
use crate::secret::Secret;

pub const URL_FILE: &str = "url";
pub const SESSION_FILE: &str = "session";
pub const ORGANIZATION_FILE: &str = "organization";

/// Held while the session is read (shared) or changed (exclusive).
const LOCK_FILE: &str = ".session.lock";
/// Present from the moment a change is committed until it is in place: its record.
/// Before the commit, the record waits beside it as `..session.commit.tmp`.
const COMMIT_FILE: &str = ".session.commit";
/// The line of a record saying that the change stores a session key minted for it.
const MINTED: &str = "minted";
/// The files a change may replace.
const JOURNALED: [&str; 3] = [SESSION_FILE, URL_FILE, ORGANIZATION_FILE];

/// What a change replaces, as its record holds it: one file name a line, and
/// [`MINTED`] when its session token is a key minted for it.
struct Record {
    names: Vec<String>,
    minted: bool,
}

impl Record {
    fn text(&self) -> String {
        let mut lines = self.names.clone();
        if self.minted {
            lines.push(MINTED.to_string());
        }
        lines.join("\n")
    }

    fn parse(text: &str) -> Record {
        let mut record = Record {
            names: Vec::new(),
            minted: false,
        };
        for line in text.lines().map(str::trim) {
            match line {
                MINTED => record.minted = true,
                name if JOURNALED.contains(&name) => record.names.push(name.to_string()),
                _ => {}
            }
        }
        record
    }
}

#[derive(Debug, Clone)]
pub struct ConfigDir {
    pub path: PathBuf,
    /// Whether this is the OS default (`<config dir>/coderv2`), which decides keyring use.
    pub is_default: bool,
}

/// The lock for reading the session, released when dropped. It holds nothing when
/// there was nothing to lock (no config dir yet, or one nobody can write to).
#[must_use]
pub struct ReadLock {
    _file: Option<File>,
}

/// The lock for changing the session, released when dropped; the changes take it as
/// proof.
#[must_use]
pub struct WriteLock {
    file: File,
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

    /// Reads a file's trimmed text, without the byte-order mark some editors put first;
    /// `None` when it does not exist.
    pub fn read(&self, name: &str) -> Result<Option<String>> {
        let path = self.file(name);
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(Some(text.trim_start_matches('\u{feff}').trim().to_string())),
                Err(_) => Err(fail(
                    format!("{} is not text", path.display()),
                    format!("remove it and log in again: rm {}", path.display()),
                )),
            },
            Err(err) if err.kind() == io::ErrorKind::NotFound => self.missing(),
            Err(err) if err.kind() == io::ErrorKind::NotADirectory => Err(self.not_a_directory()),
            Err(err) => Err(self.read_failed(&path, err)),
        }
    }

    pub(super) fn read_failed(&self, path: &Path, err: io::Error) -> anyhow::Error {
        fail(
            format!("cannot read {}: {err}", path.display()),
            "check the file's permissions, or use another --global-config",
        )
    }

    /// A file that is not there is no error, unless the config dir itself is not a
    /// directory (which some systems report as "not found").
    fn missing(&self) -> Result<Option<String>> {
        match fs::metadata(&self.path) {
            Ok(meta) if !meta.is_dir() => Err(self.not_a_directory()),
            _ => Ok(None),
        }
    }

    fn not_a_directory(&self) -> anyhow::Error {
        fail(
            format!("{} is not a directory", self.path.display()),
            "point --global-config / CODER_CONFIG_DIR at a directory",
        )
    }

    /// Fails when something other than a directory stands where the config dir goes.
    pub fn check(&self) -> Result<()> {
        if self.path.exists() && !self.path.is_dir() {
            return Err(self.not_a_directory());
        }
        Ok(())
    }

    /// Takes the lock for reading the session. What a killed process left behind (a
    /// change committed but not finished, or one never committed) is dealt with first.
    pub fn read_lock(&self) -> Result<ReadLock> {
        let Some(file) = self.lock_file(false)? else {
            return Ok(ReadLock { _file: None });
        };
        file.lock_shared().map_err(|err| self.lock_failed(err))?;
        if !self.has_leftovers() {
            return Ok(ReadLock { _file: Some(file) });
        }
        drop(file);
        let WriteLock { file } = self.write_lock()?;
        Ok(ReadLock { _file: Some(file) })
    }

    /// Whether a change was left unfinished: its marker, its record or one of its
    /// temporary files is there (under the shared lock, no change is under way).
    fn has_leftovers(&self) -> bool {
        let marker = self.file(COMMIT_FILE);
        marker.exists()
            || temp_for(&marker).exists()
            || JOURNALED
                .iter()
                .any(|name| temp_for(&target(&self.file(name))).exists())
    }

    /// Takes the lock for changing the session (creating the directory if needed), and
    /// finishes or removes what a killed process left behind.
    pub fn write_lock(&self) -> Result<WriteLock> {
        self.ensure_dir()?;
        let file = self
            .lock_file(true)?
            .expect("the lock file exists once the directory does");
        file.lock().map_err(|err| self.lock_failed(err))?;
        self.recover()
            .map_err(|err| self.write_failed(&self.path, err))?;
        Ok(WriteLock { file })
    }

    /// Opens (with `create`, makes) the lock file; `None` when there is nothing to lock.
    fn lock_file(&self, create: bool) -> Result<Option<File>> {
        let path = self.file(LOCK_FILE);
        let mut options = fs::OpenOptions::new();
        options.read(true);
        if create {
            options.write(true).create(true);
            private(&mut options);
        }
        match options.open(&path) {
            Ok(file) => Ok(Some(file)),
            Err(err) if err.kind() == io::ErrorKind::NotADirectory => Err(self.not_a_directory()),
            // No directory, or one nobody can write to: nobody changes the session under us.
            Err(_) if !create => Ok(self.lock_file(true).ok().flatten()),
            Err(err) => Err(self.write_failed(&path, err)),
        }
    }

    fn lock_failed(&self, err: io::Error) -> anyhow::Error {
        fail(
            format!("cannot lock {}: {err}", self.file(LOCK_FILE).display()),
            "check the directory's permissions, or use another --global-config",
        )
    }

    pub(super) fn write_failed(&self, path: &Path, err: io::Error) -> anyhow::Error {
        CliError::failure(format!("cannot write {}: {err}", path.display()))
            .with_hint("check the directory's permissions, or use another --global-config")
            .into()
    }

    /// Writes `files` (name, contents) as one change: afterwards all are in place or,
    /// after a crash, none or all are (never some). Each file is private (0600) from the
    /// moment it exists; a name that is a symbolic link is written through the link.
    /// `minted` says that the new session token is a key minted for this change, to be
    /// deleted on its deployment should the change never be committed.
    pub fn write_files(
        &self,
        lock: &WriteLock,
        files: &[(&str, &str)],
        minted: bool,
    ) -> Result<()> {
        self.probe(lock, files.iter().map(|(name, _)| *name))?;
        let record = Record {
            names: files.iter().map(|(name, _)| name.to_string()).collect(),
            minted,
        };
        let staged = self.stage(&record, files).and_then(|()| {
            let marker = self.file(COMMIT_FILE);
            fs::rename(temp_for(&marker), &marker)
                .and_then(|()| sync_dir(&self.path))
                .map_err(|err| (self.path.clone(), err))
        });
        if let Err((path, err)) = staged.and_then(|()| self.complete(&record)) {
            self.discard();
            return Err(self.write_failed(&path, err));
        }
        Ok(())
    }

    /// Writes the record of a change, then the new contents beside their targets (the
    /// URL first); on failure, the path that could not be written.
    fn stage(&self, record: &Record, files: &[(&str, &str)]) -> Result<(), (PathBuf, io::Error)> {
        let pending = temp_for(&self.file(COMMIT_FILE));
        write_private(&pending, record.text().as_bytes())
            .map_err(|err| (self.path.clone(), err))?;
        let url_first = files
            .iter()
            .filter(|(name, _)| *name == URL_FILE)
            .chain(files.iter().filter(|(name, _)| *name != URL_FILE));
        for (name, contents) in url_first {
            let temp = temp_for(&target(&self.file(name)));
            write_private(&temp, contents.as_bytes()).map_err(|err| (self.file(name), err))?;
        }
        Ok(())
    }

    /// Checks that the named files could be written now: none of them is a directory,
    /// and the directory where each goes takes a new private file.
    pub fn probe<'a>(
        &self,
        _lock: &WriteLock,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<()> {
        for name in names {
            let target = target(&self.file(name));
            if target.is_dir() {
                return Err(fail(
                    format!("cannot write {}: it is a directory", target.display()),
                    "remove it, or use another --global-config",
                ));
            }
            let probe = temp_for(&target);
            let result = write_private(&probe, b"");
            let _ = fs::remove_file(&probe);
            result.map_err(|err| self.write_failed(&target, err))?;
        }
        Ok(())
    }

    /// Puts a committed change in place (see [`ConfigDir::finish`]). Should a file
    /// refuse to be replaced (a mount point, an immutable file), the change is taken
    /// back while its session token is still staged (it goes last): its record is
    /// renamed back beside the marker, as if it had never been committed, so that the
    /// caller can undo what it made for it and no later run puts in place a key that
    /// is no longer valid. What went in already leaves a consistent pair (the old
    /// one, or a URL without a token). On failure, the path that failed.
    fn complete(&self, record: &Record) -> Result<(), (PathBuf, io::Error)> {
        let Err(failed) = self.finish(record) else {
            return Ok(());
        };
        let staged = record
            .names
            .iter()
            .any(|name| temp_for(&target(&self.file(name))).exists());
        if !staged {
            // All of it is in place; only the marker is left, for the next run.
            return Ok(());
        }
        let marker = self.file(COMMIT_FILE);
        fs::rename(&marker, temp_for(&marker)).map_err(|err| (marker, err))?;
        Err(failed)
    }

    /// Puts a committed change in place (see the module's order; the session token
    /// last), then removes its marker. Run again on what a killed run left, it picks
    /// up where that one stopped. On failure, the path that failed.
    fn finish(&self, record: &Record) -> Result<(), (PathBuf, io::Error)> {
        let changes_url = record.names.iter().any(|name| name == URL_FILE);
        if changes_url
            && self
                .url_changes()
                .map_err(|err| (self.file(URL_FILE), err))?
        {
            // The other deployment's token goes before the new URL comes.
            let session = target(&self.file(SESSION_FILE));
            match fs::remove_file(&session) {
                Ok(()) => sync_dir(session.parent().unwrap_or(&self.path))
                    .map_err(|err| (self.path.clone(), err))?,
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err((session, err)),
            }
        }
        let mut order: Vec<&String> = record.names.iter().collect();
        order.sort_by_key(|name| match name.as_str() {
            URL_FILE => 0,
            SESSION_FILE => 2,
            _ => 1,
        });
        for name in order {
            let target = target(&self.file(name));
            let temp = temp_for(&target);
            if temp.exists() {
                fs::rename(&temp, &target).map_err(|err| (target.clone(), err))?;
                sync_dir(target.parent().unwrap_or(&self.path))
                    .map_err(|err| (self.path.clone(), err))?;
            }
        }
        let marker = self.file(COMMIT_FILE);
        fs::remove_file(&marker).map_err(|err| (marker, err))?;
        sync_dir(&self.path).map_err(|err| (self.path.clone(), err))
    }

    /// Whether a staged URL differs from the one in place (or none is in place).
    fn url_changes(&self) -> io::Result<bool> {
        let url = target(&self.file(URL_FILE));
        let staged = match fs::read(temp_for(&url)) {
            Ok(staged) => staged,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(err) => return Err(err),
        };
        match fs::read(&url) {
            Ok(current) => Ok(current.trim_ascii() != staged.trim_ascii()),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(true),
            Err(err) => Err(err),
        }
    }

    /// Finishes a committed change; removes an uncommitted one (or one taken back
    /// because it could not be finished), keeping a session key minted for it in the
    /// list of keys to delete on their deployment.
    fn recover(&self) -> io::Result<()> {
        let marker = self.file(COMMIT_FILE);
        match fs::read_to_string(&marker) {
            Ok(text) => match self.complete(&Record::parse(&text)) {
                Ok(()) => {}
                Err(_) if !marker.exists() => self.rescue_minted_key()?,
                Err((_, err)) => return Err(err),
            },
            Err(err) if err.kind() == io::ErrorKind::NotFound => self.rescue_minted_key()?,
            Err(err) => return Err(err),
        }
        self.discard();
        Ok(())
    }

    /// The session key an uncommitted change was to store, when it was minted for it,
    /// goes to the list of keys to delete, with the URL it belongs to.
    fn rescue_minted_key(&self) -> io::Result<()> {
        let record = match fs::read_to_string(temp_for(&self.file(COMMIT_FILE))) {
            Ok(text) => Record::parse(&text),
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(err) => return Err(err),
        };
        if !record.minted {
            return Ok(());
        }
        let staged = |name: &str| {
            fs::read_to_string(temp_for(&target(&self.file(name))))
                .map(|text| text.trim().to_string())
                .unwrap_or_default()
        };
        let (mut url, key) = (staged(URL_FILE), staged(SESSION_FILE));
        if url.is_empty() {
            // Already in place (a change taken back after its URL went in), or not
            // part of the change: the URL in place is the key's.
            url = fs::read_to_string(target(&self.file(URL_FILE)))
                .map(|text| text.trim().to_string())
                .unwrap_or_default();
        }
        if url.is_empty() || key.is_empty() {
            return Ok(());
        }
        orphans::add(self, &url, Secret::new(key))
    }

    /// Removes what an unfinished change left (its record and temporary files, and
    /// those of older versions of this program, named `.<file>.<pid>.tmp`); best effort.
    fn discard(&self) {
        let _ = fs::remove_file(temp_for(&self.file(COMMIT_FILE)));
        for name in JOURNALED {
            let _ = fs::remove_file(temp_for(&target(&self.file(name))));
        }
        let _ = fs::remove_file(temp_for(&self.file(orphans::FILE)));
        let Ok(entries) = fs::read_dir(&self.path) else {
            return;
        };
        for entry in entries.flatten() {
            let file = entry.file_name();
            if is_stale_temp(&file.to_string_lossy()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Removes a file; `Ok(false)` when it was not there.
    pub fn remove(&self, _lock: &WriteLock, name: &str) -> Result<bool> {
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

/// `.session.1234.tmp` and the like, left by older versions killed mid-write.
fn is_stale_temp(name: &str) -> bool {
    let Some(middle) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    JOURNALED.iter().any(|file| {
        middle
            .strip_prefix(file)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn private(options: &mut fs::OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    #[cfg(not(unix))]
    let _ = options;
}

/// Writes `path` (replacing it), private from the moment it exists, and flushes it to
/// the disk.
pub(super) fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    let _ = fs::remove_file(path);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    private(&mut options);
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Makes a rename in `dir` durable (directories cannot be opened as files on Windows,
/// where the rename is durable by itself).
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
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

    fn names(config: &ConfigDir) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&config.path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn write_creates_private_files_and_reads_back_trimmed() {
        let (_tmp, config) = dir();
        let lock = config.write_lock().unwrap();
        config
            .write_files(&lock, &[(URL_FILE, "https://example.com \n")], false)
            .unwrap();
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
        // Nothing but the file and the lock is left behind.
        assert_eq!(names(&config), [LOCK_FILE, URL_FILE]);
    }

    #[test]
    fn missing_files_read_as_none_and_remove_reports_absence() {
        let (_tmp, config) = dir();
        assert_eq!(config.read(SESSION_FILE).unwrap(), None);
        let lock = config.write_lock().unwrap();
        assert!(!config.remove(&lock, SESSION_FILE).unwrap());
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
        for err in [
            config.write_lock().err().unwrap(),
            config.read(URL_FILE).unwrap_err(),
        ] {
            assert!(err.to_string().contains("is not a directory"), "{err}");
        }
        assert_eq!(fs::read_to_string(&file).unwrap(), "x");
    }

    /// The pair an outside reader (the Go CLI, the VS Code extension) sees: `url` and
    /// `session` read directly, without the lock or the journal.
    fn outside_view(config: &ConfigDir) -> (Option<String>, Option<String>) {
        let raw = |name| fs::read_to_string(config.file(name)).ok();
        (raw(URL_FILE), raw(SESSION_FILE))
    }

    /// A login to another deployment killed after each step of its change (as
    /// [`ConfigDir::write_files`] takes them; the integration tests kill the real
    /// binary at each file-system call): outside readers never see a mixed pair, and
    /// the next run turns what is left into the old pair or the new one. A minted key
    /// whose change was never committed goes to the list of keys to delete.
    #[test]
    fn a_change_killed_at_any_point_ends_as_the_old_or_the_new_pair() {
        let some = |url: &str, token: &str| (Some(url.to_string()), Some(token.to_string()));
        let old = some("https://a", "token-a");
        let new = some("https://b", "token-b");
        let unpaired = [
            (Some("https://a".to_string()), None),
            (Some("https://b".to_string()), None),
        ];
        for killed_after in 0..=8 {
            let (_tmp, config) = dir();
            let lock = config.write_lock().unwrap();
            let files = [(SESSION_FILE, "token-a"), (URL_FILE, "https://a")];
            config.write_files(&lock, &files, false).unwrap();
            let record = temp_for(&config.file(COMMIT_FILE));
            let url = config.file(URL_FILE);
            let session = config.file(SESSION_FILE);
            let steps: [&dyn Fn(); 8] = [
                &|| write_private(&record, b"session\nurl\nminted").unwrap(),
                &|| write_private(&temp_for(&url), b"https://b").unwrap(),
                &|| write_private(&temp_for(&session), b"token-b").unwrap(),
                &|| fs::rename(&record, config.file(COMMIT_FILE)).unwrap(),
                &|| fs::remove_file(&session).unwrap(),
                &|| fs::rename(temp_for(&url), &url).unwrap(),
                &|| fs::rename(temp_for(&session), &session).unwrap(),
                &|| fs::remove_file(config.file(COMMIT_FILE)).unwrap(),
            ];
            for (step, run) in steps.iter().enumerate().take(killed_after) {
                run();
                let seen = outside_view(&config);
                assert!(
                    seen == old || seen == new || unpaired.contains(&seen),
                    "after step {}: {seen:?}",
                    step + 1
                );
            }
            drop(lock);
            let _read = config.read_lock().unwrap();
            let expected = if killed_after >= 4 { &new } else { &old };
            assert_eq!(
                &outside_view(&config),
                expected,
                "killed after step {killed_after}"
            );
            drop(_read);
            let mut left = vec![LOCK_FILE, SESSION_FILE, URL_FILE];
            if killed_after == 3 {
                // Committed never; the minted key is kept for deleting on its deployment.
                let listed = fs::read_to_string(config.file(orphans::FILE)).unwrap();
                assert_eq!(listed, "token-b https://b\n");
                left.insert(1, orphans::FILE);
            }
            assert_eq!(names(&config), left, "killed after step {killed_after}");
        }
    }

    /// A committed change whose session token cannot go in (here a directory took its
    /// place; a mount point or an immutable file does the same) is taken back rather than
    /// left for a later run to put in place after its caller has deleted the key: the
    /// old pair stays, and the minted key goes to the list of keys to delete.
    #[test]
    fn a_committed_change_that_cannot_be_finished_is_taken_back() {
        let (_tmp, config) = dir();
        let lock = config.write_lock().unwrap();
        let files = [(SESSION_FILE, "token-a"), (URL_FILE, "https://a")];
        config.write_files(&lock, &files, false).unwrap();
        let session = config.file(SESSION_FILE);
        write_private(
            &temp_for(&config.file(COMMIT_FILE)),
            b"session\nurl\nminted",
        )
        .unwrap();
        write_private(&temp_for(&config.file(URL_FILE)), b"https://a").unwrap();
        write_private(&temp_for(&session), b"token-b").unwrap();
        fs::rename(
            temp_for(&config.file(COMMIT_FILE)),
            config.file(COMMIT_FILE),
        )
        .unwrap();
        let kept = config.file("kept");
        fs::rename(&session, &kept).unwrap();
        fs::create_dir(&session).unwrap();
        fs::write(session.join("x"), "").unwrap();
        drop(lock);
        drop(
            config
                .read_lock()
                .expect("a change that cannot go in does not block reading"),
        );
        assert!(!config.file(COMMIT_FILE).exists());
        let listed = fs::read_to_string(config.file(orphans::FILE)).unwrap();
        assert_eq!(listed, "token-b https://a\n");
        assert_eq!(
            names(&config),
            [LOCK_FILE, orphans::FILE, "kept", SESSION_FILE, URL_FILE]
        );
        fs::remove_dir_all(&session).unwrap();
        fs::rename(&kept, &session).unwrap();
        assert_eq!(
            outside_view(&config),
            (Some("https://a".into()), Some("token-a".into()))
        );
    }

    /// A change to the same deployment replaces the token in one rename: readers never
    /// find the session missing.
    #[test]
    fn a_new_token_for_the_same_deployment_never_leaves_the_session_missing() {
        let (_tmp, config) = dir();
        let lock = config.write_lock().unwrap();
        let files = [(SESSION_FILE, "token-a"), (URL_FILE, "https://a")];
        config.write_files(&lock, &files, false).unwrap();
        assert!(!config.url_changes().unwrap());
        write_private(&temp_for(&config.file(URL_FILE)), b"https://a\n").unwrap();
        assert!(!config.url_changes().unwrap(), "the same URL, written anew");
        write_private(&temp_for(&config.file(URL_FILE)), b"https://b").unwrap();
        assert!(config.url_changes().unwrap());
    }

    /// With the token in the keyring, a login to another deployment writes only `url`:
    /// a `session` file left from file storage belonged to the old URL and goes.
    #[test]
    fn a_new_url_takes_the_old_deployments_session_file_with_it() {
        let (_tmp, config) = dir();
        let lock = config.write_lock().unwrap();
        let files = [(SESSION_FILE, "token-a"), (URL_FILE, "https://a")];
        config.write_files(&lock, &files, false).unwrap();
        config
            .write_files(&lock, &[(URL_FILE, "https://a")], false)
            .unwrap();
        assert_eq!(outside_view(&config).1.as_deref(), Some("token-a"));
        config
            .write_files(&lock, &[(URL_FILE, "https://b")], false)
            .unwrap();
        assert_eq!(outside_view(&config), (Some("https://b".into()), None));
    }

    #[test]
    fn temporary_files_of_older_versions_are_removed() {
        let (_tmp, config) = dir();
        drop(config.write_lock().unwrap());
        fs::write(config.file(".session.4242.tmp"), "token").unwrap();
        fs::write(config.file(".url.17.tmp"), "url").unwrap();
        fs::write(config.file(".keep.1.tmp"), "not ours").unwrap();
        drop(config.write_lock().unwrap());
        assert_eq!(names(&config), [".keep.1.tmp", LOCK_FILE]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_file_is_written_through_its_link() {
        let (tmp, config) = dir();
        let mount = tmp.path().join("secrets");
        fs::create_dir_all(&mount).unwrap();
        fs::create_dir_all(&config.path).unwrap();
        std::os::unix::fs::symlink(mount.join("coder-session"), config.file(SESSION_FILE)).unwrap();
        let lock = config.write_lock().unwrap();
        config
            .write_files(
                &lock,
                &[(SESSION_FILE, "token"), (URL_FILE, "https://a")],
                false,
            )
            .unwrap();
        let link = fs::symlink_metadata(config.file(SESSION_FILE)).unwrap();
        assert!(link.file_type().is_symlink());
        assert_eq!(
            fs::read_to_string(mount.join("coder-session")).unwrap(),
            "token"
        );
        assert_eq!(fs::read_dir(&mount).unwrap().count(), 1);
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
