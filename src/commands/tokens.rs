//! `coder tokens create | list | view | remove`.

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::{block_on, connect};
use crate::allow_list;
use crate::cli::{
    Cli, Column, CreateArgs, CreateFormat, GlobalArgs, ListArgs, RemoveArgs, TableFormat,
    TokensCommand, ViewArgs,
};
use crate::client::types::{ApiKey, CreateTokenRequest, TokensFilter};
use crate::client::{ApiError, Client};
use crate::duration;
use crate::error::{CliError, fail, usage};
use crate::output;
use crate::output::tokens as show;

/// Token commands always act on the caller's own keys unless `--user` says otherwise.
const ME: &str = "me";

/// `coder tokens` without a subcommand prints its help and succeeds.
pub fn help() -> Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let tokens = cli
        .find_subcommand_mut("tokens")
        .expect("the tokens command is defined");
    output::stdout(&format!("{}\n", tokens.render_help()))
}

pub fn run(global: &GlobalArgs, command: TokensCommand) -> Result<()> {
    match command {
        TokensCommand::Create(args) => create(global, &args),
        TokensCommand::List(args) => list(global, &args),
        TokensCommand::View(args) => view(global, &args),
        TokensCommand::Remove(args) => remove(global, &args),
    }
}

fn create(global: &GlobalArgs, args: &CreateArgs) -> Result<()> {
    let lifetime = args
        .lifetime
        .as_deref()
        .map(|text| {
            duration::parse_lifetime(text).map_err(|err| {
                usage(
                    format!("invalid --lifetime: {err}"),
                    format!("accepted units: {}", duration::ACCEPTED_UNITS),
                )
            })
        })
        .transpose()?;
    let allow_list = args
        .allow
        .iter()
        .map(|entry| {
            allow_list::parse_entry(entry).map_err(|err| {
                usage(
                    format!("invalid --allow: {err}"),
                    "use <type>:<id>, where <type> is * or a resource type such as workspace or template, and <id> is * or a UUID",
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let user = if args.user.is_empty() { ME } else { &args.user };

    let client = connect(global, "tokens create")?;
    block_on(async {
        let config = client
            .token_config(user)
            .await
            .context("get token config")?;
        let lifetime = match lifetime {
            None => config.max_token_lifetime,
            Some(lifetime) if lifetime > config.max_token_lifetime => {
                return Err(fail(
                    format!(
                        "lifetime ({}) is greater than the maximum allowed lifetime ({})",
                        duration::go_string(lifetime),
                        duration::go_string(config.max_token_lifetime)
                    ),
                    "pass a shorter --lifetime, or omit it to get the maximum",
                ));
            }
            Some(lifetime) => lifetime,
        };
        let request = CreateTokenRequest {
            lifetime,
            scopes: args
                .scope
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect(),
            token_name: args.name.clone().unwrap_or_default(),
            allow_list,
        };
        let created = client
            .create_token(user, &request)
            .await
            .context("create token")?;
        let Some((id, _)) = created.key.expose().split_once('-') else {
            return Err(fail(
                "the deployment returned a malformed token key",
                "the token may exist anyway; check with 'coder tokens ls'",
            ));
        };
        match args.output {
            CreateFormat::Text => output::stdout(&format!("{}\n", created.key.expose())),
            CreateFormat::Json => {
                let key = match client.key_by_id(user, id).await {
                    Ok(key) => key,
                    Err(err) => {
                        output::info(&format!(
                            "warning: could not fetch metadata for the created token: {err}"
                        ));
                        ApiKey::with_id(id)
                    }
                };
                output::write_stdout(|out| show::write_created_json(out, &key, &created.key))?;
                Ok(())
            }
        }
    })?
}

fn list(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let client = connect(global, "tokens list")?;
    let filter = TokensFilter {
        include_all: args.all,
        include_expired: args.include_expired,
    };
    let columns = show::columns(&args.format.column, args.all);
    let mut listing = show::Listing::new(args.format.output, &columns);
    block_on(client.tokens(ME, filter, &mut |key| listing.push(key)))?.context("list tokens")?;
    print_listing(&listing)
}

fn print_listing(listing: &show::Listing) -> Result<()> {
    if let show::Listing::Table { .. } = listing
        && listing.is_empty()
    {
        output::info("No tokens found.");
        return Ok(());
    }
    output::write_stdout(|out| listing.write_to(out))?;
    Ok(())
}

fn view(global: &GlobalArgs, args: &ViewArgs) -> Result<()> {
    check_token_arg(&args.token)?;
    let client = connect(global, "tokens view")?;
    let columns = show::columns(&args.format.column, true);
    let wants_owner = args.format.output == TableFormat::Table && columns.contains(&Column::Owner);
    let key = block_on(async {
        let mut key = resolve(&client, &args.token).await?;
        if wants_owner && key.username.is_empty() && !key.user_id.is_empty() {
            // The owner cell is worth one more request; without it the cell stays empty.
            if let Ok(owner) = client.user(&key.user_id).await {
                key.username = owner.username.into();
            }
        }
        Ok::<_, anyhow::Error>(key)
    })??;
    let mut listing = show::Listing::new(args.format.output, &columns);
    listing.push(&key);
    print_listing(&listing)
}

/// Whether `arg` has the shape of a full token, `<10 alphanumerics>-<22 alphanumerics>`.
fn full_token_id(arg: &str) -> Option<&str> {
    let (id, secret) = arg.split_once('-')?;
    let alnum =
        |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_alphanumeric());
    (alnum(id, 10) && alnum(secret, 22)).then_some(id)
}

/// How an argument may be shown: a full token (even with stray whitespace around it)
/// shows only its ID.
fn shown(arg: &str) -> String {
    match full_token_id(arg.trim()) {
        Some(id) => format!("{id}-***"),
        None => format!("{arg:?}"),
    }
}

/// Rejects names and IDs that cannot be what the user meant.
fn check_token_arg(arg: &str) -> Result<()> {
    if arg.is_empty() {
        return Err(usage(
            "the token name or ID is empty",
            "list your tokens with 'coder tokens ls'",
        ));
    }
    if arg.trim() != arg || arg.chars().any(char::is_control) {
        return Err(usage(
            format!(
                "invalid token name or ID {}: it has surrounding whitespace or control characters",
                shown(arg)
            ),
            "pass the name or ID exactly as 'coder tokens ls' shows it",
        ));
    }
    Ok(())
}

/// Finds a token by full token (its ID only, so the secret never enters a URL), by
/// name, or — when no such name exists — by the text before the first `-` as an ID.
async fn resolve(client: &Client, arg: &str) -> Result<ApiKey<'static>> {
    if let Some(id) = full_token_id(arg) {
        return client
            .key_by_id(ME, id)
            .await
            .map_err(|err| not_found(err, arg));
    }
    match client.token_by_name(ME, arg).await {
        // The static `tokenconfig` route answers for that name with an empty key.
        Ok(key) if !key.id.is_empty() => return Ok(key),
        Ok(_) => {}
        Err(err) if err.status() == Some(404) => {}
        Err(err) => {
            return Err(anyhow::Error::new(err).context(format!("look up token {}", shown(arg))));
        }
    }
    let id = arg.split('-').next().unwrap_or(arg);
    client
        .key_by_id(ME, id)
        .await
        .map_err(|err| not_found(err, arg))
}

fn not_found(err: ApiError, arg: &str) -> anyhow::Error {
    if err.status() == Some(404) {
        CliError::failure(format!(
            "no token matches {}: neither a name nor an ID",
            shown(arg)
        ))
        .with_hint("list your tokens with 'coder tokens ls' (add --all for everyone's)")
        .into()
    } else {
        anyhow::Error::new(err).context(format!("look up token {}", shown(arg)))
    }
}

fn remove(global: &GlobalArgs, args: &RemoveArgs) -> Result<()> {
    for arg in &args.tokens {
        check_token_arg(arg)?;
    }
    let client = connect(global, "tokens remove")?;
    let verbose = global.verbose;
    let several = args.tokens.len() > 1;
    let (done, verb) = if args.delete {
        ("deleted", "delete")
    } else {
        ("expired", "expire")
    };
    let failed = block_on(async {
        let mut failed = Vec::new();
        for arg in &args.tokens {
            match remove_one(&client, arg, args.delete).await {
                Ok(label) => {
                    let line = if several {
                        format!("Token {label} has been {done}.\n")
                    } else {
                        format!("Token has been {done}.\n")
                    };
                    output::stdout(&line)?;
                }
                Err(err) => {
                    let err = err.context(format!("{verb} token {}", shown(arg)));
                    if !several {
                        return Err(err);
                    }
                    crate::error::report(&err, verbose);
                    failed.push(shown(arg));
                }
            }
        }
        Ok::<_, anyhow::Error>(failed)
    })??;
    if failed.is_empty() {
        return Ok(());
    }
    Err(CliError::failure(format!(
        "could not {verb} {} of {} tokens: {}",
        failed.len(),
        args.tokens.len(),
        failed.join(", ")
    ))
    .into())
}

/// Expires or deletes one token; returns how to name it in the result line.
async fn remove_one(client: &Client, arg: &str, delete: bool) -> Result<String> {
    let (id, label) = match full_token_id(arg) {
        Some(id) => (id.to_string(), id.to_string()),
        None => {
            let key = resolve(client, arg).await?;
            let label = if key.token_name.is_empty() {
                key.id.to_string()
            } else {
                format!("{:?} ({})", key.token_name, key.id)
            };
            (key.id.into_owned(), label)
        }
    };
    let result = if delete {
        client.delete_key(ME, &id).await
    } else {
        client.expire_key(ME, &id).await
    };
    match result {
        Ok(()) => Ok(label),
        Err(err) if !delete && err.status() == Some(404) && err.server_message() == Some("Route not found.") => {
            Err(CliError::failure("this deployment cannot expire tokens (it has no expire endpoint)")
                .with_hint("the deployment predates token expiry; use 'coder tokens rm --delete' to delete the token instead")
                .into())
        }
        Err(err) if err.status() == Some(404) => Err(not_found(err, arg)),
        Err(err) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_tokens_are_recognised_by_shape() {
        assert_eq!(
            full_token_id("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"),
            Some("Xk2m9QpR7a")
        );
        assert_eq!(full_token_id("my-token"), None);
        assert_eq!(full_token_id("Xk2m9QpR7a-short"), None);
        assert_eq!(shown("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"), "Xk2m9QpR7a-***");
    }

    #[test]
    fn bad_arguments_are_usage_errors_that_hide_secrets() {
        let err = check_token_arg(" Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("Zb3Qw8"), "{text}");
        assert!(check_token_arg("a\tb").is_err());
        assert!(check_token_arg("").is_err());
        assert!(check_token_arg("a b/c?d#e").is_ok());
    }
}
