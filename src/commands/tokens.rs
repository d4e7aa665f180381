//! `coder tokens create | list | view | remove`.

use anyhow::{Context as _, Result};

use super::Context;
use super::token_arg::{self, ME, shown};
use crate::allow_list;
use crate::cli::{CreateArgs, ListArgs, RemoveArgs, TokensCommand, ViewArgs};
use crate::client::Client;
use crate::client::types::{AllowTarget, ApiKey, CreateTokenRequest, TokensFilter};
use crate::csv::Fields;
use crate::duration;
use crate::error::{self, CliError, Reported, fail, usage};
use crate::output::format::{Column, CreateFormat, TableFormat};
use crate::output::tokens as show;
use crate::runtime::{self, Runtime};
use crate::secret::{Secret, full_token_id};
use crate::{output, term};

pub fn run(context: &Context, command: TokensCommand) -> Result<()> {
    match command {
        TokensCommand::Create(args) => create(context, &args),
        TokensCommand::List(args) => list(context, &args),
        TokensCommand::View(args) => view(context, &args),
        TokensCommand::Remove(args) => remove(context, &args),
    }
}

/// `--lifetime`, in nanoseconds; `None` (also for an empty one, as the Go CLI reads
/// `--lifetime "$UNSET"` or `CODER_TOKEN_LIFETIME=`) asks for the deployment's maximum.
/// Zero and less are refused here: a deployment quietly gives a zero lifetime its
/// default, and refuses a negative one only once asked.
/// `option` names where the text came from (`--lifetime` or its variable).
fn requested_lifetime(text: Option<&str>, option: &str) -> Result<Option<i64>> {
    let Some(text) = text.filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let hint = "pass a duration longer than zero, e.g. 8h or 30d, or leave --lifetime out to \
                get the deployment's maximum";
    super::positive_duration(option, "a lifetime", text, hint).map(Some)
}

/// The `--allow` entries, each checked.
fn allow_list(entries: &[String]) -> Result<Vec<AllowTarget<'static>>> {
    entries
        .iter()
        .map(|entry| {
            allow_list::parse_entry(entry).map_err(|err| {
                usage(
                    format!("invalid --allow: {err}"),
                    "use <type>:<id>, where <type> is * or a resource type such as workspace or \
                     template, and <id> is * or a UUID",
                )
            })
        })
        .collect()
}

/// The `--scope` values, each a scope: an empty one (`--scope "$UNSET"`, `a,,b`) is
/// refused, as no scopes at all would ask for a token that may do everything.
fn scopes(values: &[Fields<String>]) -> Result<Vec<String>> {
    let scopes = Fields::flatten(values);
    if scopes.iter().any(String::is_empty) {
        return Err(usage(
            "invalid --scope: a scope cannot be empty",
            "name a scope, e.g. --scope workspace:read, or leave --scope out for a token with \
             every permission (coder:all)",
        ));
    }
    Ok(scopes)
}

/// The lifetime to ask for: the requested one, which must not pass the deployment's
/// maximum, else the maximum itself.
fn capped_lifetime(requested: Option<i64>, max: i64) -> Result<i64> {
    match requested {
        None => Ok(max),
        Some(lifetime) if lifetime > max => Err(fail(
            format!(
                "lifetime ({}) is greater than the maximum allowed lifetime ({})",
                duration::go_string(lifetime),
                duration::go_string(max)
            ),
            "pass a shorter --lifetime, or omit it to get the maximum",
        )),
        Some(lifetime) => Ok(lifetime),
    }
}

fn create(context: &Context, args: &CreateArgs) -> Result<()> {
    let lifetime_option = context.option_name("lifetime", "--lifetime", "CODER_TOKEN_LIFETIME");
    let lifetime = requested_lifetime(args.lifetime.as_deref(), lifetime_option)?;
    let allow_list = allow_list(&Fields::flatten(&args.allow))?;
    let scopes = scopes(&args.scope)?;
    let name_option = context.option_name("name", "--name", "CODER_TOKEN_NAME");
    token_arg::check_new_name(args.name.as_deref().unwrap_or_default(), name_option)?;
    let user_option = context.option_name("user", "--user", "CODER_TOKEN_USER");
    token_arg::check_user(&args.user, user_option)?;
    let user = if args.user.is_empty() { ME } else { &args.user };
    let client = context.connect("tokens create")?;
    let runtime = Runtime::new()?;
    let config = runtime
        .block_on(client.token_config(user))
        .context("get token config")?;
    let request = CreateTokenRequest {
        lifetime: capped_lifetime(lifetime, config.max_token_lifetime)?,
        scopes,
        token_name: args.name.clone().unwrap_or_default(),
        allow_list,
    };
    let created = runtime
        .block_on(client.create_token(user, &request))
        .context("create token")?;
    let Some(id) = full_token_id(created.key.expose()) else {
        return Err(malformed_key(created.key.expose(), args.name.as_deref()));
    };
    let printed = match args.output {
        CreateFormat::Text => output::stdout(
            "the new token's key",
            &format!("{}\n", created.key.expose()),
        ),
        CreateFormat::Json => {
            let key = runtime.block_on(metadata(&client, user, id));
            print_created(&key, &created.key)
        }
    };
    printed.map_err(|err| unprinted(err, args.name.as_deref(), id))
}

/// The deployment answered with a key that is not shaped like Coder's (a 10-character
/// ID, `-`, a 22-character secret of ASCII letters and digits): it is not printed, as
/// it could hold anything (an escape sequence for the terminal, a second line for a
/// script). The token may exist: it is named by its ID when that part is plainly one.
fn malformed_key(key: &str, name: Option<&str>) -> anyhow::Error {
    let id = key.split_once('-').map(|(id, _)| id).filter(|id| {
        !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    let name = name.filter(|n| !n.is_empty());
    let (detail, hint) = match (id, name) {
        (Some(id), _) => (
            format!("the new token's ID is {id}"),
            format!("the token may exist: remove it with 'coder tokens rm {id}'"),
        ),
        (None, Some(name)) => (
            format!("the new token is named {:?}", term::visible(name)),
            format!(
                "the token may exist: remove it with 'coder tokens rm {}'",
                shown(name)
            ),
        ),
        (None, None) => (
            "its ID cannot be told from the key".to_string(),
            "the token may exist: find it with 'coder tokens ls' and remove it with \
             'coder tokens rm <name>'"
                .to_string(),
        ),
    };
    CliError::failure(
        "the deployment answered with a key that is not shaped like a Coder token key (a \
         10-character ID, '-', and 22 letters and digits); it was not printed",
    )
    .with_detail(detail)
    .with_hint(hint)
    .into()
}

/// The token exists on the deployment but its key could not be printed (a full disk, a
/// closed terminal): say so, and how to remove it, rather than lose it without a word.
/// A reader that stopped reading (`| head`) is not that: it chose to stop.
fn unprinted(err: anyhow::Error, name: Option<&str>, id: &str) -> anyhow::Error {
    if error::is_broken_pipe(&err) {
        return err;
    }
    let name = match name.filter(|n| !n.is_empty()) {
        Some(name) => format!("{:?}", term::visible(name)),
        None => "(named by the deployment)".to_string(),
    };
    CliError::failure(format!(
        "the token was created but its key could not be printed: {}",
        err.root_cause()
    ))
    .with_detail(format!("token {name}, ID {id}"))
    .with_hint(format!(
        "the key cannot be shown again; remove the token with 'coder tokens rm {id}' and create a new one"
    ))
    .into()
}

/// The created token's metadata; when it cannot be fetched, a warning and a key that
/// knows only its ID (the token exists and is printed all the same).
async fn metadata(client: &Client, user: &str, id: &str) -> ApiKey<'static> {
    client.key_by_id(user, id).await.unwrap_or_else(|err| {
        term::info(&format!(
            "warning: could not fetch metadata for the created token: {}",
            term::visible(&err.to_string())
        ));
        ApiKey::with_id(id)
    })
}

fn print_created(key: &ApiKey, secret: &Secret) -> Result<()> {
    output::write_stdout("the new token", |out| {
        show::write_created_json(out, key, secret)
    })
}

fn list(context: &Context, args: &ListArgs) -> Result<()> {
    let client = context.connect("tokens list")?;
    let filter = TokensFilter {
        include_all: args.all,
        include_expired: args.include_expired,
    };
    let columns = show::columns(&Fields::flatten(&args.format.column), args.all);
    let mut listing = show::Listing::new(args.format.output, &columns);
    let mut each = |key: &ApiKey| listing.push(key);
    runtime::block_on(client.tokens(ME, filter, &mut each))?.context("list tokens")?;
    print_listing(&listing, "the token list")
}

/// Prints a listing; `what` names it should that fail.
fn print_listing(listing: &show::Listing, what: &str) -> Result<()> {
    if let show::Listing::Table { .. } = listing
        && listing.is_empty()
    {
        term::info("No tokens found.");
        return Ok(());
    }
    output::write_stdout(what, |out| listing.write_to(out))
}

fn view(context: &Context, args: &ViewArgs) -> Result<()> {
    token_arg::check(&args.token)?;
    let client = context.connect("tokens view")?;
    let columns = show::columns(&Fields::flatten(&args.format.column), true);
    let owner = args.format.output == TableFormat::Table && columns.contains(&Column::Owner);
    let key = runtime::block_on(find_with_owner(&client, &args.token, owner))??;
    let mut listing = show::Listing::new(args.format.output, &columns);
    listing.push(&key);
    print_listing(&listing, "the token")
}

/// The token `arg` names; with `owner`, its owner's name filled in when the deployment
/// did not send it (worth one more request; without it the cell stays empty).
async fn find_with_owner(client: &Client, arg: &str, owner: bool) -> Result<ApiKey<'static>> {
    let mut key = token_arg::resolve(client, arg).await?;
    if owner
        && key.username.is_empty()
        && !key.user_id.is_empty()
        && let Ok(user) = client.user(&key.user_id).await
    {
        key.username = user.username.into();
    }
    Ok(key)
}

fn remove(context: &Context, args: &RemoveArgs) -> Result<()> {
    for arg in &args.tokens {
        token_arg::check(arg)?;
    }
    let client = context.connect("tokens remove")?;
    let runtime = Runtime::new()?;
    let (done, verb) = if args.delete {
        ("deleted", "delete")
    } else {
        ("expired", "expire")
    };
    let several = args.tokens.len() > 1;
    let mut failed = 0;
    for arg in &args.tokens {
        let outcome = runtime
            .block_on(remove_one(&client, arg, args.delete))
            .with_context(|| format!("{verb} token {}", shown(arg)));
        match outcome {
            Ok(label) if several => output::stdout(
                "the result",
                &format!("Token {} has been {done}.\n", term::visible(&label)),
            )?,
            Ok(_) => output::stdout("the result", &format!("Token has been {done}.\n"))?,
            Err(err) if !several => return Err(err),
            Err(err) => {
                error::report(&err, context.verbose);
                failed += 1;
            }
        }
    }
    match failed {
        0 => Ok(()),
        failed => Err(Reported {
            failed,
            total: args.tokens.len(),
        }
        .into()),
    }
}

/// Expires or deletes one token; returns how to name it in the result line.
async fn remove_one(client: &Client, arg: &str, delete: bool) -> Result<String> {
    let (id, label) = match full_token_id(arg) {
        Some(id) => (id.to_string(), id.to_string()),
        None => {
            let key = token_arg::resolve(client, arg).await?;
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
        Err(err) if !delete && err.is_route_not_found() => Err(fail(
            "this deployment cannot expire tokens (it has no expire endpoint)",
            "the deployment predates token expiry; use 'coder tokens rm --delete' to delete \
             the token instead",
        )),
        Err(err) if err.is_not_found() => Err(token_arg::not_found(err, arg)),
        Err(err) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000_000_000;

    #[test]
    fn lifetimes_default_to_the_maximum_and_may_not_pass_it() {
        assert_eq!(requested_lifetime(Some(""), "--lifetime").unwrap(), None);
        assert_eq!(requested_lifetime(None, "--lifetime").unwrap(), None);
        assert_eq!(capped_lifetime(None, 168 * H).unwrap(), 168 * H);
        assert_eq!(capped_lifetime(Some(H), 168 * H).unwrap(), H);
        let err = capped_lifetime(Some(169 * H), 168 * H).unwrap_err();
        assert_eq!(
            err.to_string(),
            "lifetime (169h0m0s) is greater than the maximum allowed lifetime (168h0m0s)"
        );
    }
}
