//! `coder --version` (and `-V`): the version and the commit the binary was built from,
//! and which Go CLI runs the commands this binary does not have.

use anyhow::Result;

use crate::{forward, output, term};

/// The commit, as build.rs found it: its short hash (12 hex digits), `-dirty` after it
/// when the binary's sources differed from it, or `unknown` when it was not built from a
/// git checkout.
const COMMIT: &str = env!("CODER_COMMIT");

pub fn print() -> Result<()> {
    output::stdout("the version", &text())
}

/// One line per fact, the first `coder <version> (<commit>)`, which is all scripts that
/// read the version need; then the Go CLI other commands go to.
fn text() -> String {
    let go_cli = match forward::go_cli() {
        Some(path) => format!("other commands: the Go CLI at {}", path.display()),
        None => "other commands: no Go CLI found (CODER_GO_CLI, PATH)".to_string(),
    };
    let lines = [
        format!("coder {} ({COMMIT})", env!("CARGO_PKG_VERSION")),
        term::visible(&go_cli).into_owned(),
    ];
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_line_names_the_version_and_the_commit() {
        let text = super::text();
        let first = text.lines().next().unwrap();
        let commit = first
            .strip_prefix(concat!("coder ", env!("CARGO_PKG_VERSION"), " ("))
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("{first:?}"));
        let hash = commit.strip_suffix("-dirty").unwrap_or(commit);
        assert!(
            hash == "unknown" || (hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit())),
            "{first:?}"
        );
        assert!(text.ends_with('\n'));
    }
}
