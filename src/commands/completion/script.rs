//! The completion scripts `coder completion` prints (and `completions/` ships): clap's,
//! with what its generators cannot say. `-c` takes a list, so its column names are
//! completed field by field, after the last comma, leaving out those already in the
//! list (bash, fish, zsh); the Go-style booleans (`--all`, `--all=false`) are flags, so
//! nothing is completed after them.

use clap::{ArgAction, Command, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::output::format::Column;

/// The script for `shell`.
pub fn generate(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "coder", &mut script);
    let script = String::from_utf8(script).expect("clap writes UTF-8");
    let names: Vec<String> = Column::names().collect();
    match shell {
        Shell::Bash => bash_lists(&script, &names),
        Shell::Fish => fish_lists(&script, &names),
        Shell::Zsh => zsh_lists(&script, &names),
        _ => script,
    }
    .into_bytes()
}

/// The command line as the generators should see it: `--all[=BOOL]` and its kind take
/// their value only after `=`, so for completing they are flags (else `--all <TAB>`
/// would offer file names).
fn command() -> Command {
    booleans_as_flags(Cli::command())
}

fn booleans_as_flags(mut cmd: Command) -> Command {
    let booleans: Vec<String> = cmd
        .get_arguments()
        .filter(|arg| arg.is_require_equals_set())
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in booleans {
        cmd = cmd.mut_arg(id, |arg| {
            arg.num_args(0)
                .require_equals(false)
                .action(ArgAction::SetTrue)
                .default_missing_value(None::<&str>)
        });
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(name, booleans_as_flags);
    }
    cmd
}

/// bash: the names not among the fields before the last comma are matched against
/// the text after it, and offered with those fields.
fn bash_lists(script: &str, names: &[String]) -> String {
    let words = names.join(" ");
    let function = format!(
        "__coder_columns() {{\n    local name\n    for name in {words}; do\n        \
         [[ ,$1 == *,$name,* ]] || printf '%s\\n' \"$name\"\n    done\n}}\n\n"
    );
    let script = script.replace(
        &format!(r#"compgen -W "{words}" -- "${{cur}}""#),
        r#"compgen -P "${cur%"${cur##*,}"}" -W "$(__coder_columns "${cur%"${cur##*,}"}")" -- "${cur##*,}""#,
    );
    format!("{function}{script}")
}

/// fish: `__fish_complete_list` (shipped with fish) completes comma-separated lists;
/// the names already among the fields before the last comma are left out (the token
/// is the whole word, so `--column=` is taken off it first).
fn fish_lists(script: &str, names: &[String]) -> String {
    let offered: Vec<String> = names.iter().map(|name| format!(r"{name}\t''")).collect();
    let needle = format!(r#"-a "{}""#, offered.join("\n"));
    let function = format!(
        "function __coder_columns\n    \
         set -l chosen (commandline -t | string replace -r -- '^-[^=]*=' '' \
         | string replace -r -- ',?[^,]*$' '' | string split ,)\n    \
         for name in {}\n        contains -- $name $chosen; or echo $name\n    end\nend\n\n",
        names.join(" ")
    );
    let script = script.replace(&needle, r#"-a "(__fish_complete_list , __coder_columns)""#);
    format!("{function}{script}")
}

/// zsh: `_sequence` completes each element of a comma-separated list, leaving out
/// those already in it.
fn zsh_lists(script: &str, names: &[String]) -> String {
    let words = names.join(" ");
    script.replace(
        &format!(":COLUMN:({words})"),
        &format!(":COLUMN:_sequence compadd - {words}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(shell: Shell) -> String {
        String::from_utf8(generate(shell)).unwrap()
    }

    /// Each rewrite finds what it rewrites: a generator that changed its output would
    /// otherwise leave the list completed as one word without anyone noticing.
    #[test]
    fn every_column_list_is_completed_field_by_field() {
        let bash = script(Shell::Bash);
        assert_eq!(
            bash.matches(r#"-- "${cur##*,}""#).count(),
            4,
            "-c and --column, list and view"
        );
        assert!(!bash.contains(r#"created_at owner" -- "${cur}""#));
        let fish = script(Shell::Fish);
        assert!(fish.starts_with("function __coder_columns"));
        assert!(!fish.contains(r"owner\t''"));
        assert!(fish.contains("(__fish_complete_list , __coder_columns)"));
        let zsh = script(Shell::Zsh);
        assert!(zsh.contains(":COLUMN:_sequence compadd - id "));
        assert!(!zsh.contains(":COLUMN:(id"));
    }

    #[test]
    fn booleans_take_no_word_after_them_when_completing() {
        let mut cmd = command();
        cmd.build();
        let list = cmd
            .find_subcommand("tokens")
            .and_then(|tokens| tokens.find_subcommand("list"))
            .unwrap();
        for id in ["all", "include_expired", "verbose"] {
            let arg = list.get_arguments().find(|a| a.get_id() == id).unwrap();
            assert!(!arg.get_action().takes_values(), "{id}");
        }
    }
}
