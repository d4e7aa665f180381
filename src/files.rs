//! Files replaced as a whole: written beside their place, then renamed over it, through
//! any symbolic links (dotfile managers and secrets mounts use them). Shared by the
//! session files and the installed completion scripts.

use std::fs;
use std::path::{Path, PathBuf};

/// How many symbolic links are followed to the file a name stands for.
const MAX_LINKS: usize = 40;

/// The file `path` stands for: itself, or where its symbolic links lead.
pub fn target(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(link) = fs::read_link(&target) else {
            break;
        };
        target = match target.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    target
}

/// The temporary file for `target`: `.<name>.tmp` beside it, so that the final rename
/// stays on one file system.
pub fn temp_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.tmp"))
}
