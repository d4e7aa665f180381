//! The token arguments of `tokens view` and `tokens rm`: a name, an ID or a full token
//! (`<id>-<secret>`), checked, shown without its secret, and looked up.

use anyhow::Result;

use crate::client::types::ApiKey;
use crate::client::{ApiError, Client};
use crate::error::{CliError, usage};

/// Token commands act on the caller's own keys.
pub const ME: &str = "me";

/// Whether `arg` has the shape of a full token, `<10 alphanumerics>-<22 alphanumerics>`.
pub fn full_token_id(arg: &str) -> Option<&str> {
    let (id, secret) = arg.split_once('-')?;
    let alnum =
        |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_alphanumeric());
    (alnum(id, 10) && alnum(secret, 22)).then_some(id)
}

/// How an argument may be shown: a full token (even with stray whitespace around it)
/// shows only its ID.
pub fn shown(arg: &str) -> String {
    match full_token_id(arg.trim()) {
        Some(id) => format!("{id}-***"),
        None => format!("{arg:?}"),
    }
}

/// Rejects names and IDs that cannot be what the user meant.
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
    client
        .key_by_id(ME, id)
        .await
        .map_err(|err| not_found(err, arg))
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
        CliError::failure(format!(
            "token {} not found: it is neither the name nor the ID of one of your tokens",
            shown(arg)
        ))
        .with_hint("list your tokens with 'coder tokens ls' (add --all for everyone's)")
        .into()
    } else {
        anyhow::Error::new(err).context(format!("look up token {}", shown(arg)))
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
    fn bad_arguments_are_usage_errors_that_hide_secrets() {
        let err = check(" Xk2m9QpR7a-Zb3Qw8Lp1Vn6Tr4Ys0Hc2J").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("Zb3Qw8"), "{text}");
        assert!(check("a\tb").is_err());
        assert!(check("").is_err());
        assert!(check("a b/c?d#e").is_ok());
    }
}
