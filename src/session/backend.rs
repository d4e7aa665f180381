//! Which store keeps the session: the OS keyring or `<config>/session`. On macOS and
//! Windows the keyring is the default, but only with the default config directory: a
//! program that passes its own `--global-config` (the VS Code extension does) reads the
//! session file, so it gets one even when `--use-keyring` is also given. That rule is
//! the Go CLI's and stays; unlike the Go CLI, an explicit request it overrides is
//! answered with a note (for the command to show). On Linux an explicit request is followed.

use std::path::Path;

/// The operating systems the rule tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    /// macOS.
    Mac,
    Windows,
    /// Systems this client has no keyring for.
    Other,
}

impl Os {
    pub const CURRENT: Os = if cfg!(target_os = "linux") {
        Os::Linux
    } else if cfg!(target_os = "macos") {
        Os::Mac
    } else if cfg!(target_os = "windows") {
        Os::Windows
    } else {
        Os::Other
    };
}

/// Where the session goes, and whether an explicit request for the keyring was
/// overridden (which deserves a note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub keyring: bool,
    pub overridden: bool,
}

/// The store for `explicit` (`--use-keyring` / `CODER_USE_KEYRING`, when given), with
/// the default config dir or not, on `os`.
pub fn choose(explicit: Option<bool>, default_dir: bool, os: Os) -> Choice {
    let keyring = match (os, explicit) {
        (Os::Linux, Some(explicit)) => explicit,
        (_, Some(false)) => false,
        (Os::Mac | Os::Windows, _) => default_dir,
        (Os::Linux | Os::Other, None) | (Os::Other, Some(true)) => false,
    };
    Choice {
        keyring,
        overridden: explicit == Some(true) && !keyring,
    }
}

/// The one line that says an explicit keyring request was overridden, and why.
fn note(os: Os, config_dir: &Path) -> String {
    let session = config_dir.join("session");
    let why = match os {
        Os::Other => "this client has no OS keyring on this system".to_string(),
        _ => "the config directory is not the default one (--global-config / \
              CODER_CONFIG_DIR), which means file storage"
            .to_string(),
    };
    format!(
        "note: --use-keyring / CODER_USE_KEYRING is ignored: {why}; the session is kept in {}",
        session.display()
    )
}

/// The note to show when `explicit` is overridden on `os` (see [`choose`]).
pub fn overridden_note(
    explicit: Option<bool>,
    config_dir: &Path,
    default_dir: bool,
    os: Os,
) -> Option<String> {
    choose(explicit, default_dir, os)
        .overridden
        .then(|| note(os, config_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyring_rule_on_each_system() {
        use Os::*;
        let keyring = |explicit, default_dir, os| choose(explicit, default_dir, os).keyring;
        // macOS and Windows: on by default with the default dir, file storage otherwise,
        // whatever was asked for; off when asked.
        for os in [Mac, Windows] {
            assert!(keyring(None, true, os));
            assert!(keyring(Some(true), true, os));
            assert!(!keyring(None, false, os));
            assert!(!keyring(Some(true), false, os));
            assert!(!keyring(Some(false), true, os));
        }
        // Linux: only when asked, and then whatever the dir.
        assert!(!keyring(None, true, Linux));
        assert!(keyring(Some(true), false, Linux));
        assert!(!keyring(Some(false), true, Linux));
        assert!(!keyring(Some(true), true, Other));
    }

    #[test]
    fn a_note_is_due_only_when_an_explicit_request_is_overridden() {
        use Os::*;
        let overridden = |explicit, default_dir, os| choose(explicit, default_dir, os).overridden;
        assert!(overridden(Some(true), false, Mac));
        assert!(overridden(Some(true), false, Windows));
        assert!(overridden(Some(true), true, Other));
        for (explicit, default_dir, os) in [
            (None, false, Mac),
            (Some(false), false, Windows),
            (Some(true), true, Mac),
            (Some(true), false, Linux),
            (None, true, Linux),
        ] {
            assert!(
                !overridden(explicit, default_dir, os),
                "{explicit:?} {default_dir} {os:?}"
            );
        }
    }

    #[test]
    fn the_note_is_due_when_overridden_and_names_where_the_session_goes() {
        let dir = Path::new("/work/vscode");
        assert!(!choose(Some(true), false, Os::Mac).keyring);
        let note = overridden_note(Some(true), dir, false, Os::Mac).expect("a note");
        assert!(note.starts_with("note: --use-keyring"), "{note}");
        assert!(note.contains("--global-config"), "{note}");
        assert!(note.contains(&dir.join("session").display().to_string()));
        assert!(!note.contains('\n'));
        assert_eq!(overridden_note(Some(true), dir, false, Os::Linux), None);
        assert_eq!(overridden_note(None, dir, true, Os::Windows), None);
    }
}
