//! `coder login status`: which deployment, which user, where the token came from, and
//! when it stops working. Exit 0 only when the deployment accepts the token (and, with
//! `--valid-for`, will for at least that long); the status goes to stdout only then.

use anyhow::Result;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use url::Url;

use super::Context;
use crate::cli::StatusArgs;
use crate::client::ApiError;
use crate::client::types::ApiKey;
use crate::error::CliError;
use crate::output;
use crate::output::format::CreateFormat;
use crate::output::status::{self as show, Key, Provenance, Status, When};
use crate::runtime::Runtime;
use crate::session::{self, Origin, Target};

/// `coder login status`.
pub fn status(context: &Context, args: &StatusArgs) -> Result<()> {
    let valid_for = valid_for(args.valid_for.as_deref())?;
    let found = session::find(&context.options)?;
    super::keyring_note(&context.options);
    let Some(url) = found.url else {
        return Err(no_url(&found.url_file));
    };
    session::refuse_withheld(found.withheld.as_ref(), &context.options)?;
    let Some(token) = found.token else {
        return Err(no_token(&url.value, &found.store));
    };
    let key_id = token.value.key_id().map(str::to_string);
    let target = Target {
        url: url.value.clone(),
        token: Some(token.value.clone()),
        headers: found.headers,
    };
    let client = context.client(target, "login status")?;
    let (user, key) = Runtime::new()?.block_on(async {
        let key = async {
            match &key_id {
                Some(id) => Some(client.key_by_id("me", id).await),
                None => None,
            }
        };
        tokio::join!(client.user("me"), key)
    });
    let now = OffsetDateTime::now_utc();
    let user = user.map_err(|err| rejected(err, &url.value, &token.origin))?;
    let key = known(key);
    let key = match &key {
        Ok((key, expires, last_used)) => Key::Known {
            key,
            expires: *expires,
            last_used: *last_used,
        },
        Err(why) => Key::Unknown(why),
    };
    check(now, &key, valid_for, &url.value, &token.origin)?;
    let version = client.build_version();
    let shown = deployment(&url.value);
    let status = Status {
        now,
        url: &shown,
        url_from: provenance(&url.origin),
        version: version.as_deref(),
        user: &user,
        token_from: provenance(&token.origin),
        key_id: key_id.as_deref(),
        key,
    };
    output::write_stdout("the status", |out| match args.output {
        CreateFormat::Text => show::write_text(out, &status),
        CreateFormat::Json => show::write_json(out, &status),
    })
}

/// `--valid-for` in nanoseconds, and as given; read as `--lifetime` is.
fn valid_for(text: Option<&str>) -> Result<Option<(i64, &str)>> {
    let Some(text) = text else {
        return Ok(None);
    };
    let hint = "pass how long the token must still be valid, e.g. 30m, 2h or 7d";
    let nanos = super::positive_duration("--valid-for", "the duration", text, hint)?;
    Ok(Some((nanos, text)))
}

/// The URL as people write it: without the slash `Url` adds to a bare host.
fn deployment(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_string()
}

fn provenance(origin: &Origin) -> Provenance<'_> {
    match origin {
        Origin::Flag => Provenance::Flag,
        Origin::Env => Provenance::Env,
        Origin::File(path) => Provenance::File(path),
        Origin::Keyring => Provenance::Keyring,
    }
}

fn no_url(url_file: &std::path::Path) -> anyhow::Error {
    session::not_logged_in(Some(&format!(
        "no deployment URL in --url, CODER_URL or {}",
        url_file.display()
    )))
}

fn no_token(url: &Url, store: &Origin) -> anyhow::Error {
    let url = deployment(url);
    CliError::failure(format!(
        "You are not logged in to {url}: no session token in --token, CODER_SESSION_TOKEN \
         or {}",
        store.token_place()
    ))
    .with_hint(format!(
        "log in with 'coder login {url}', or set CODER_SESSION_TOKEN"
    ))
    .into()
}

/// The token, as the error that names it says: where it came from.
fn token_words(origin: &Origin) -> String {
    match origin {
        Origin::Flag | Origin::Env => format!("the token from {}", origin.token_place()),
        stored => format!("the session token stored in {}", stored.token_place()),
    }
}

/// What to do about a token that no longer works, by where it came from.
fn renew_hint(origin: &Origin, url: &Url) -> String {
    let url = deployment(url);
    match origin {
        Origin::Flag => {
            "pass a valid token with --token, or leave it out to use the stored session".into()
        }
        Origin::Env => format!(
            "set CODER_SESSION_TOKEN to a valid token, or unset it to use the session \
             'coder login {url}' stores"
        ),
        _ => format!("log in again with 'coder login {url}'"),
    }
}

/// The error for a failed `GET /users/me`: a 401 says the token is not accepted;
/// anything else (an unreachable deployment, say) is the client's own error.
fn rejected(err: ApiError, url: &Url, origin: &Origin) -> anyhow::Error {
    if err.status() != Some(401) {
        return err.into();
    }
    CliError::failure(format!(
        "the deployment rejected {}: it has expired, was revoked or is not a token of {}",
        token_words(origin),
        deployment(url)
    ))
    .with_detail(err.to_string())
    .with_hint(renew_hint(origin, url))
    .into()
}

/// A time the deployment wrote; Go's zero time (any time in year 1) is "never".
fn when(text: &str) -> Option<When> {
    let at = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    Some(if at.year() <= 1 {
        When::Never
    } else {
        When::At(at)
    })
}

/// The key as the deployment gave it, with its times read; else why it is unknown.
fn known(
    key: Option<Result<ApiKey<'static>, ApiError>>,
) -> Result<(ApiKey<'static>, When, Option<When>), String> {
    let key = match key {
        None => {
            return Err("the token is not of the form <id>-<secret>, so it names no key".into());
        }
        Some(Ok(key)) => key,
        Some(Err(err)) => return Err(unknown_reason(&err)),
    };
    let Some(expires) = when(&key.expires_at) else {
        return Err(format!(
            "the deployment sent an expiry that is not a time: {:?}",
            key.expires_at
        ));
    };
    let last_used = when(&key.last_used);
    Ok((key, expires, last_used))
}

/// Why the key's details are unknown, from the failed `GET /users/me/keys/{id}`.
fn unknown_reason(err: &ApiError) -> String {
    let why = if err.is_route_not_found() {
        "it has no API route for reading a key by its ID (an older deployment)".to_string()
    } else if err.status() == Some(403) {
        format!("the token may not read its own key: {err}")
    } else {
        err.to_string()
    };
    format!("the deployment does not say: {why}")
}

/// Fails for a key that has expired, or (with `--valid-for`) expires too soon or at a
/// time the deployment does not say.
fn check(
    now: OffsetDateTime,
    key: &Key,
    valid_for: Option<(i64, &str)>,
    url: &Url,
    origin: &Origin,
) -> Result<()> {
    let expires = match key {
        Key::Known {
            expires: When::At(at),
            ..
        } => *at,
        Key::Known { .. } => return Ok(()),
        Key::Unknown(why) => {
            let Some((_, text)) = valid_for else {
                return Ok(());
            };
            return Err(CliError::failure(format!(
                "cannot tell whether {} is valid for --valid-for {text}: {why}",
                token_words(origin)
            ))
            .with_hint(
                "without --valid-for, login status checks only that the deployment accepts \
                 the token",
            )
            .into());
        }
    };
    let when = format!(
        "{} (at {})",
        show::relative(now, expires),
        show::utc(expires)
    );
    if expires <= now {
        return Err(CliError::failure(format!(
            "{} has expired: it expired {when}",
            token_words(origin)
        ))
        .with_hint(renew_hint(origin, url))
        .into());
    }
    let Some((nanos, text)) = valid_for else {
        return Ok(());
    };
    if expires < now + time::Duration::nanoseconds(nanos) {
        return Err(CliError::failure(format!(
            "{} expires {when}, sooner than --valid-for {text}",
            token_words(origin)
        ))
        .with_hint(renew_hint(origin, url))
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use time::macros::datetime;

    use super::*;
    use crate::duration;

    const NOW: OffsetDateTime = datetime!(2026-03-01 12:00:00 UTC);

    /// What [`check`] says of a key expiring at `expires` (or of an unknown one, `None`),
    /// checked with `valid_for`; `Ok` or the error's message.
    fn verdict(expires: Option<When>, valid_for: Option<&str>) -> Result<(), String> {
        let api_key = ApiKey::deserialize(serde_json::json!({"id": "SeSs10nIdX"})).unwrap();
        let key = match expires {
            Some(expires) => Key::Known {
                key: &api_key,
                expires,
                last_used: None,
            },
            None => Key::Unknown("the deployment does not say: HTTP 404"),
        };
        let valid_for = valid_for.map(|text| (duration::parse_lifetime(text).unwrap(), text));
        let url = Url::parse("https://coder.example.com").unwrap();
        check(NOW, &key, valid_for, &url, &Origin::Env).map_err(|err| {
            let err = err.downcast::<CliError>().unwrap();
            assert!(err.hint.is_some(), "{}", err.message);
            err.message
        })
    }

    #[test]
    fn a_key_passes_until_it_expires_and_with_valid_for_until_that_long_before() {
        let at = |hours: i64| Some(When::At(NOW + time::Duration::hours(hours)));
        assert_eq!(verdict(at(3), None), Ok(()));
        assert_eq!(verdict(at(8), Some("8h")), Ok(()));
        assert_eq!(verdict(at(9), Some("8h")), Ok(()));
        assert_eq!(
            verdict(at(3), Some("8h")),
            Err("the token from CODER_SESSION_TOKEN expires in 3 hours (at \
                 2026-03-01T15:00:00Z), sooner than --valid-for 8h"
                .into())
        );
        assert_eq!(
            verdict(at(-2), None),
            Err(
                "the token from CODER_SESSION_TOKEN has expired: it expired 2 hours ago \
                 (at 2026-03-01T10:00:00Z)"
                    .into()
            )
        );
        assert!(verdict(at(0), None).unwrap_err().contains("has expired"));
    }

    #[test]
    fn a_key_that_never_expires_passes_and_an_unknown_expiry_fails_only_a_valid_for() {
        assert_eq!(verdict(Some(When::Never), Some("100y")), Ok(()));
        assert_eq!(verdict(None, None), Ok(()));
        let err = verdict(None, Some("2h")).unwrap_err();
        assert!(
            err.starts_with(
                "cannot tell whether the token from CODER_SESSION_TOKEN is valid \
                 for --valid-for 2h: the deployment does not say: HTTP 404"
            ),
            "{err}"
        );
    }

    #[test]
    fn valid_for_takes_lifetimes_and_refuses_zero_and_less_as_usage_errors() {
        assert_eq!(valid_for(None).unwrap(), None);
        assert_eq!(
            valid_for(Some("1d12h")).unwrap(),
            Some((36 * 3_600_000_000_000, "1d12h"))
        );
        for bad in ["0s", "-1h", "30", ".5h", ""] {
            let err = valid_for(Some(bad))
                .unwrap_err()
                .downcast::<CliError>()
                .unwrap();
            assert_eq!(err.kind, crate::error::ExitKind::Usage, "{bad}");
            assert!(err.message.contains("--valid-for"), "{}", err.message);
        }
    }

    #[test]
    fn go_zero_time_is_never_and_other_text_is_no_time() {
        assert_eq!(when("0001-01-01T00:00:00Z"), Some(When::Never));
        assert_eq!(
            when("2026-03-02T08:00:12.345678Z"),
            Some(When::At(
                time::macros::datetime!(2026-03-02 08:00:12.345678 UTC)
            ))
        );
        assert_eq!(when("soon"), None);
    }
}
