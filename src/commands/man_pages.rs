//! `coder generate-man-pages DIR` (hidden): `coder.1` and a page per command, made from
//! the command line the parser reads, so that a new command or option is in them the
//! moment it is declared.

use std::fs;
use std::path::Path;

use anyhow::Result;
use clap::Command;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::{self, ManPagesArgs};
use crate::error::fail;

pub fn write(args: &ManPagesArgs) -> Result<()> {
    let dir = &args.dir;
    fs::create_dir_all(dir).map_err(|err| cannot("create", dir, &err))?;
    // Built, every command knows its full name (`coder tokens create`) and the global
    // options it inherits; `help` is clap's, not a command with a page of its own.
    let mut root = without_help_commands(cli::parser_command());
    root.build();
    let mut pages = Vec::new();
    pages_of(&root, &mut pages);
    let names: Vec<String> = pages.iter().map(|cmd| page_name(cmd)).collect();
    for cmd in pages {
        let path = dir.join(format!("{}.1", page_name(cmd)));
        fs::write(&path, page(cmd, &names)).map_err(|err| cannot("write", &path, &err))?;
    }
    Ok(())
}

fn cannot(what: &str, path: &Path, err: &std::io::Error) -> anyhow::Error {
    fail(
        format!("cannot {what} {}: {err}", path.display()),
        "name a directory you can write to",
    )
}

fn without_help_commands(cmd: Command) -> Command {
    let mut cmd = cmd.disable_help_subcommand(true);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, without_help_commands);
    }
    cmd
}

/// `cmd` (built) and every command under it that is not hidden, parents first.
fn pages_of<'a>(cmd: &'a Command, pages: &mut Vec<&'a Command>) {
    pages.push(cmd);
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        pages_of(sub, pages);
    }
}

/// `coder`, `coder-tokens`, `coder-tokens-create`: the page's name, and its file's
/// without `.1`.
fn page_name(cmd: &Command) -> String {
    cmd.get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string()
}

/// The page of `cmd`: clap_mangen's sections, but the text after the help (examples,
/// tables) kept as written, and a SEE ALSO section (`pages`: every page's name, the
/// root's first).
fn page(cmd: &Command, pages: &[String]) -> Vec<u8> {
    let after_help = cmd
        .get_after_long_help()
        .or_else(|| cmd.get_after_help())
        .map(ToString::to_string);
    let bare = cmd.clone().after_help(None).after_long_help(None);
    let mut rendered = Vec::new();
    Man::new(bare)
        .render(&mut rendered)
        .expect("writing to a Vec cannot fail");
    let rendered = String::from_utf8(rendered).expect("clap_mangen writes UTF-8");
    let name = page_name(cmd);
    // clap_mangen leaves an empty date out of the title line rather than quoting it,
    // which would shift the source into the date's place.
    let mut out = String::new();
    for line in rendered.lines() {
        if line.starts_with(".TH ") {
            out.push_str(&format!(
                ".TH {name} 1 \"\" \"coder {}\"",
                env!("CARGO_PKG_VERSION")
            ));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }

    let mut more = Roff::new();
    if let Some(text) = after_help {
        more.control("SH", ["NOTES"]).control("nf", []);
        for line in text.lines() {
            more.text([roman(line)]);
        }
        more.control("fi", []);
    }
    let root = &pages[0];
    // The root page names every other page; a command's names the root and its parent.
    let see_also: Vec<&String> = if name == *root {
        pages[1..].iter().collect()
    } else {
        let parent = name
            .rsplit_once('-')
            .map_or(root.as_str(), |(parent, _)| parent);
        pages
            .iter()
            .filter(|page| *page == root || *page == parent)
            .collect()
    };
    // Names are neither hyphenated nor spread out.
    more.control("SH", ["SEE ALSO"])
        .control("nh", [])
        .control("ad", ["l"]);
    let mut refs = Vec::new();
    for (n, page) in see_also.iter().enumerate() {
        refs.push(bold(page.as_str()));
        refs.push(roman(if n + 1 < see_also.len() {
            "(1), "
        } else {
            "(1)"
        }));
    }
    more.text(refs);
    out.push_str(&more.to_roff());
    out.into_bytes()
}
