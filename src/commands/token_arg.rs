//! The token arguments of `tokens view` and `tokens rm`: a name, an ID or a full token
//! (`<id>-<secret>`), checked, shown without its secret, and looked up.

use anyhow::Result;

use crate::client::types::ApiKey;
use crate::client::{ApiError, Client};
use crate::error::{CliError, usage};
use crate::secret::{full_token_id, token_secrets};

/// Token commands act on the caller's own keys.
pub const ME: &str = "me";

/// How an argument may be shown: a full token shows only its ID (`<id>-***`), and
/// anything else is quoted with the secret of every full token in it hidden the same way.
pub fn shown(arg: &str) -> String {
    if let Some(id) = full_token_id(arg.trim()) {
        return format!("{id}-***");
    }
    let mut masked = String::with_capacity(arg.len());
    let mut copied = 0;
    for secret in token_secrets(arg) {
        masked.push_str(&arg[copied..secret.start]);
        masked.push_str("***");
        copied = secret.end;
    }
    masked.push_str(&arg[copied..]);
    format!("{masked:?}")
}

/// Rejects names and IDs that cannot be what the user meant: empty, with surrounding
/// whitespace or control characters, a full token with other text around it (whose
/// secret would go into a URL), or `.` and `..`.
pub fn check(arg: &str) -> Result<()> {
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
    if full_token_id(arg).is_none() && !token_secrets(arg).is_empty() {
        return Err(usage(
            format!(
                "invalid token argument {}: it has a full token inside it, with other text \
                 around it",
                shown(arg)
            ),
            "pass each token as an argument of its own, exactly as 'coder tokens create' \
             printed it, or name the token by its name or ID",
        ));
    }
    if PATH_STEPS.contains(&arg) {
        return Err(usage(
            format!(
                "no token can be found by the name {arg:?}: in a URL it means a directory step"
            ),
            "name the token by its ID, which 'coder tokens ls' shows",
        ));
    }
    Ok(())
}

/// The name `tokens view` and `tokens rm` could never look up: the deployment's route
/// for it is its token settings.
const SETTINGS_ROUTE: &str = "tokenconfig";

/// Names that a URL path cannot carry as a segment: `.` and `..` are resolved away
/// (`/keys/tokens/..` is `/keys`), so `view` and `rm` would reach another route.
const PATH_STEPS: [&str; 2] = [".", ".."];

/// Rejects a name for a new token that `tokens view` and `tokens rm` could never take
/// back: with surrounding whitespace or control characters, `tokenconfig`, `.` or
/// `..`. No name at all is fine: the deployment picks one. `option` names where the
/// name came from (`--name` or its variable).
pub fn check_new_name(name: &str, option: &str) -> Result<()> {
    if name.trim() != name || name.chars().any(char::is_control) {
        let cleaned: String = name.trim().chars().filter(|c| !c.is_control()).collect();
        return Err(usage(
            format!(
                "invalid {option} {}: it has surrounding whitespace or control characters, so \
                 'coder tokens view' and 'coder tokens rm' could never name it",
                shown(name)
            ),
            format!("pass the name without them: --name {}", shown(&cleaned)),
        ));
    }
    if !token_secrets(name).is_empty() {
        return Err(usage(
            format!(
                "invalid {option} {}: it has the shape of a full token (10 letters or digits, \
                 a dash and 22 more), so 'coder tokens view' and 'coder tokens rm' would take \
                 it for one and could never name it",
                shown(name)
            ),
            "choose another name",
        ));
    }
    if name == SETTINGS_ROUTE {
        return Err(usage(
            format!(
                "a token cannot be named {SETTINGS_ROUTE:?}: 'coder tokens view {SETTINGS_ROUTE}' \
                 reaches the deployment's token settings, not a token"
            ),
            "choose another name",
        ));
    }
    if PATH_STEPS.contains(&name) {
        return Err(usage(
            format!(
                "a token cannot be named {name:?}: in a URL it means a directory step, so \
                 'coder tokens view' and 'coder tokens rm' could never reach it"
            ),
            "choose another name",
        ));
    }
    Ok(())
}

/// Rejects a user for `tokens create` that a URL path cannot carry as it was given: with
/// surrounding whitespace or control characters (dropped on the way), `.` or `..`
/// (resolved away). `option` names where it came from (`--user` or its variable).
pub fn check_user(user: &str, option: &str) -> Result<()> {
    if user.trim() != user || user.chars().any(char::is_control) || PATH_STEPS.contains(&user) {
        return Err(usage(
            format!(
                "invalid {option} {user:?}: a username or user ID has no surrounding \
                 whitespace or control characters and is not a directory step"
            ),
            "pass the username or user ID exactly as the deployment shows it, or leave it \
             out for your own token",
        ));
    }
    Ok(())
}

/// Finds a token by full token (its ID only, so the secret never enters a URL), by
/// name, or — when no such name exists — by the text before the first `-` as an ID.
pub async fn resolve(client: &Client, arg: &str) -> Result<ApiKey<'static>> {
    if let Some(id) = full_token_id(arg) {
        return client
            .key_by_id(ME, id)
            .await
            .map_err(|err| not_found(err, arg));
    }
    match client.token_by_name(ME, arg).await {
        Ok(Some(key)) => return Ok(key),
        Ok(None) => {}
        Err(err) => {
            return Err(anyhow::Error::new(err).context(format!("look up token {}", shown(arg))));
        }
    }
    let id = arg.split('-').next().unwrap_or(arg);
    if id.is_empty() || PATH_STEPS.contains(&id) {
        // No ID is empty or a directory step: asking would reach another route.
        return Err(unknown(arg));
    }
    client
        .key_by_id(ME, id)
        .await
        .map_err(|err| not_found(err, arg))
}

/// No token of the caller's has `arg` as its name or ID.
fn unknown(arg: &str) -> anyhow::Error {
    CliError::failure(format!(
        "token {} not found: it is neither the name nor the ID of one of your tokens",
        shown(arg)
    ))
    .with_hint("list your tokens with 'coder tokens ls' (add --all for everyone's)")
    .into()
}

/// A 404 for `arg` in words; any other failure (a wrong URL among them) as it is.
pub fn not_found(err: ApiError, arg: &str) -> anyhow::Error {
    if err.is_not_found() && arg == SETTINGS_ROUTE {
        CliError::failure(format!(
            "no token can be found by the name {SETTINGS_ROUTE:?}: the deployment answers that \
             name with its token settings"
        ))
        .with_hint("name the token by its ID, which 'coder tokens ls' shows")
        .into()
    } else if err.is_not_found() {
        unknown(arg)
    } else {
        anyhow::Error::new(err).context(format!("look up token {}", shown(arg)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_tokens_show_only_their_id() {
        assert_eq!(shown("Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J"), "Xk2m9QpR7a-***");
    }

    #[test]
    fn new_names_must_be_ones_view_and_rm_can_take() {
        let check = |name| check_new_name(name, "--name");
        for good in [
            "",
            "ci",
            "a b",
            "ci-pipeline",
            "TokenConfig",
            "...",
            ".ci",
            "a..b",
        ] {
            assert!(check(good).is_ok(), "{good:?}");
        }
        let err = check(" lead").unwrap_err().to_string();
        assert!(
            err.contains("\" lead\"") && err.contains("whitespace"),
            "{err}"
        );
        assert!(check("ci\n").is_err());
        assert!(check("a\u{7}b").is_err());
        let err = check("tokenconfig").unwrap_err().to_string();
        assert!(err.contains("token settings"), "{err}");
        for step in [".", ".."] {
            let err = check(step).unwrap_err().to_string();
            assert!(err.contains("directory step"), "{err}");
        }
        let err = check_new_name(" x", "CODER_TOKEN_NAME")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("invalid CODER_TOKEN_NAME"), "{err}");
    }

    #[test]
    fn tokens_inside_other_text_have_their_secrets_hidden() {
        const T: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
        assert_eq!(
            shown(&format!("{T},{T}")),
            "\"Xk2m9QpR7a-***,Xk2m9QpR7a-***\""
        );
        assert_eq!(shown(&format!("é {T}")), "\"é Xk2m9QpR7a-***\"");
        assert_eq!(shown("a\u{1b}b"), "\"a\\u{1b}b\"");
    }

    #[test]
    fn arguments_with_a_token_inside_and_directory_steps_are_refused() {
        const T: &str = "Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J";
        assert!(check(T).is_ok());
        for arg in [format!("{T},{T}"), format!("Bearer {T}"), format!("{T}\"")] {
            let err = check(&arg).unwrap_err().to_string();
            assert!(err.contains("a full token inside it"), "{err}");
            assert!(!err.contains("Zb3Qw8"), "{err}");
        }
        for step in [".", ".."] {
            let err = check(step).unwrap_err().to_string();
            assert!(err.contains("directory step"), "{err}");
        }
        assert!(check("...").is_ok() && check(".ci").is_ok());
        let err = check_new_name("nightlyjob-databasesnapshotlondon", "--name")
            .unwrap_err()
            .to_string();
        assert!(err.contains("shape of a full token"), "{err}");
        assert!(check_new_name(&format!("ci {T}"), "--name").is_err());
        assert!(check_new_name("nightlyjob-databasesnapshotlondonx", "--name").is_ok());
    }

    #[test]
    fn users_must_reach_their_own_route() {
        for good in [
            "me",
            "bob",
            "b.o.b",
            "...",
            "4a7c8b56-0c0f-4a55-9f7e-1a2b3c4d5e6f",
        ] {
            assert!(check_user(good, "--user").is_ok(), "{good}");
        }
        for bad in [".", "..", "bob\n", " bob", "b\u{7}ob"] {
            let err = check_user(bad, "CODER_TOKEN_USER").unwrap_err().to_string();
            assert!(err.starts_with("invalid CODER_TOKEN_USER"), "{err}");
        }
    }

    #[test]
    fn bad_arguments_are_usage_errors_that_hide_token_secrets() {
        let err = check(" Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("Zb3Qw8"), "{text}");
        assert!(check("a\tb").is_err());
        assert!(check("").is_err());
        assert!(check("a b/c?d#e").is_ok());
    }
}
