//! `coder login [<url>]`, `coder login token` and `coder logout`.

use anyhow::{Context as _, Result};
use url::Url;

use super::Context;
use super::terminal::{self, Answer};
use crate::cli::{LoginArgs, LogoutArgs};
use crate::client::{ApiError, Client};
use crate::error::{CliError, fail, usage};
use crate::runtime::{self, Runtime};
use crate::secret::Secret;
use crate::session::{self, LoginUrl, Source, Storage, Target};
use crate::{output, term};

/// `coder login token`: prints the stored session token. No network, no runtime, no
/// HTTP client: this runs in every CI step and must cost no more than reading a file.
pub fn token(context: &Context) -> Result<()> {
    let token = session::stored_token(&context.options)?;
    super::keyring_note(&context.options);
    output::stdout("the session token", &format!("{}\n", token.expose()))
}

/// A token the user gave: on the command line, in the environment or on stdin.
struct GivenToken {
    token: Secret,
    /// Whether to exchange it for a fresh session key rather than store it.
    exchange: bool,
}

/// A session the deployment accepted, not saved yet.
struct Authenticated {
    token: Secret,
    username: String,
    /// The ID of the session key minted for it, if one was.
    minted: Option<String>,
}

/// `coder login [<url>]`.
pub fn login(context: &Context, args: &LoginArgs) -> Result<()> {
    let storage = Storage::new(&context.options)?;
    super::keyring_note(&context.options);
    storage.check()?;
    let mut login = storage.login_url(&context.options, args.url.as_deref())?;
    let given = given_token(
        &context.options,
        args.use_token_as_session,
        context.stdin_is_terminal(),
    )?;
    // The session must have somewhere to go before anything is sent: a keyring that
    // does not answer or a config dir that takes no files fails now, not after a
    // session key was minted.
    let store = storage.open()?;
    store.check()?;
    let target = Target {
        url: login.url.clone(),
        token: given.as_ref().map(|given| given.token.clone()),
        headers: session::headers(&context.options, &login.url)?,
    };
    // One client and one runtime for the whole login.
    let mut client = context.client(target, "login")?;
    let runtime = Runtime::new()?;
    let session = runtime.block_on(authenticate(&mut client, &mut login, given, context))?;
    let minted = session.minted.is_some();
    if let Err(err) = store.save(&login.url, &login.text, &session.token, minted) {
        return Err(runtime.block_on(unmint(&client, &session, err)));
    }
    output::stdout(
        "the welcome message",
        &format!(
            "Welcome to Coder, {}! You're authenticated.\n",
            term::visible(&session.username)
        ),
    )
}

/// A session key minted for a login that could not be saved is deleted again (best
/// effort), so that no valid key nobody knows of is left on the deployment.
async fn unmint(client: &Client, session: &Authenticated, err: anyhow::Error) -> anyhow::Error {
    let Some(id) = session.minted.as_deref() else {
        return err;
    };
    let outcome = match client.delete_key("me", id).await {
        Ok(()) => format!("the session key minted for this login ({id}) was deleted again"),
        Err(delete) => format!(
            "the session key minted for this login ({id}) could not be deleted: {delete}; \
             remove it with 'coder tokens rm {id}'"
        ),
    };
    let mut failure = CliError::failure(format!("{err:#}")).with_detail(outcome);
    if let Some(cause) = err.chain().find_map(|c| c.downcast_ref::<CliError>()) {
        failure.hint = cause.hint.clone();
    }
    failure.into()
}

/// The token from `--token`/`CODER_SESSION_TOKEN`, exchanged for a fresh session key
/// unless `--use-token-as-session`; else one line of stdin when it is not a terminal
/// (and `--force-tty` is not given), stored as pasted, as the Go CLI stores it; `None`
/// means: ask at the prompt.
fn given_token(
    options: &session::Options,
    as_session: bool,
    at_terminal: bool,
) -> Result<Option<GivenToken>> {
    let exchange = !as_session;
    match options.token() {
        Some(token) if token.source == Source::Env && exchange => Err(CliError::failure(
            "CODER_SESSION_TOKEN is set; it takes precedence over any session token stored on disk",
        )
        .with_hint("to log in, unset it first: unset CODER_SESSION_TOKEN")
        .into()),
        Some(token) => {
            session::check_given_token(&token.value, token.source.token_name())?;
            Ok(Some(GivenToken {
                token: token.value.clone(),
                exchange,
            }))
        }
        None if !at_terminal => Ok(Some(GivenToken {
            token: read_stdin_token()?,
            exchange: false,
        })),
        None => Ok(None),
    }
}

/// One line from stdin: `printf %s "$TOKEN" | coder login URL` keeps it out of argv.
fn read_stdin_token() -> Result<Secret> {
    let line = terminal::read_line()?.unwrap_or_default();
    let token = line.trim();
    if token.is_empty() {
        return Err(usage(
            "no session token given: stdin is not a terminal and was empty",
            "pass it with --token or CODER_SESSION_TOKEN, or pipe it in: printf %s \"$TOKEN\" | coder login <url>",
        ));
    }
    let token = Secret::new(token);
    session::check_given_token(&token, "the token read from stdin")?;
    Ok(token)
}

/// Checks the deployment (without credentials: an `http://` URL the deployment
/// redirects to `https://` becomes that URL before any secret is sent), then gets a
/// session token for it: the given one (exchanged when it is to be) or one pasted at
/// the prompt. Returns the token and the user's name.
async fn authenticate(
    client: &mut Client,
    login: &mut LoginUrl,
    given: Option<GivenToken>,
    context: &Context,
) -> Result<Authenticated> {
    let deployment = client.check_deployment().await.map_err(|err| {
        if err.is_not_coder() {
            anyhow::Error::new(err)
        } else {
            anyhow::Error::new(err).context(format!(
                "could not check that {} is a Coder deployment",
                login.text
            ))
        }
    })?;
    if let Some(secure) = &deployment.upgraded {
        upgrade(login, secure);
    }
    if !deployment.has_first_user {
        return Err(fail(
            format!("{} has no users yet", login.text),
            format!(
                "create the first user in a browser at {} and log in again",
                login.text
            ),
        ));
    }
    term::info(&format!(
        "Attempting to authenticate with {} URL: '{}'",
        login.source,
        term::visible(&login.text)
    ));
    match given {
        Some(given) => exchange_token(client, &login.url, given).await,
        None => prompt_for_token(client, login, context).await,
    }
}

/// Moves the login to the https URL the deployment redirected its http URL to (as the
/// client now uses it), and says so: that URL is the one stored, with or without a
/// trailing slash as it was given.
fn upgrade(login: &mut LoginUrl, secure: &Url) {
    let mut text = secure.as_str().trim_end_matches('/').to_string();
    if login.text.ends_with('/') {
        text.push('/');
    }
    term::info(&format!(
        "{} redirects to {}: logging in there, with nothing sent over plain HTTP; the https \
         URL is the one saved",
        term::visible(&login.text),
        term::visible(&text)
    ));
    login.url = secure.clone();
    login.text = text;
}

async fn exchange_token(client: &Client, url: &Url, given: GivenToken) -> Result<Authenticated> {
    let user = client
        .user("me")
        .await
        .map_err(|err| rejected_token(err, url))?;
    if !given.exchange {
        return Ok(Authenticated {
            token: given.token,
            username: user.username,
            minted: None,
        });
    }
    let token = client
        .create_session_key("me")
        .await
        .context("create a session key")?
        .key;
    // Stored as it is and sent on every request: only a key of Coder's shape (an ID,
    // '-', a secret), in printable ASCII.
    let printable = token.expose().bytes().all(|b| b.is_ascii_graphic());
    let Some(minted) = token.key_id().filter(|_| printable).map(str::to_string) else {
        return Err(fail(
            "the deployment answered with a session key that is not shaped like a Coder key \
             (an ID, '-', and a secret, in letters and digits); nothing was saved",
            "the stored session, if any, is unchanged; check that the URL is the Coder \
             deployment's, or log in with --use-token-as-session to store the given token",
        ));
    };
    Ok(Authenticated {
        token,
        username: user.username,
        minted: Some(minted),
    })
}

/// Where a person gets a session token: `<deployment>/cli-auth`.
fn cli_auth_url(url: &Url) -> Url {
    let mut auth_url = url.clone();
    if let Ok(mut segments) = auth_url.path_segments_mut() {
        segments.pop_if_empty().push("cli-auth");
    }
    auth_url
}

fn rejected_token(err: ApiError, url: &Url) -> anyhow::Error {
    if err.status() == Some(401) {
        CliError::failure("the deployment rejected the token; nothing was saved")
            .with_hint(format!(
                "check the token, or get a new one at {}",
                cli_auth_url(url)
            ))
            .into()
    } else {
        anyhow::Error::new(err).context("check the token")
    }
}

/// Asks for a token at a hidden prompt until the deployment accepts one.
async fn prompt_for_token(
    client: &mut Client,
    login: &LoginUrl,
    context: &Context,
) -> Result<Authenticated> {
    let auth_url = cli_auth_url(&login.url);
    let opened = !context.no_open
        && context.stdout_is_terminal()
        && terminal::open_browser(auth_url.as_str());
    let lead = if opened {
        "Your browser has been opened to visit:"
    } else {
        "Open the following in your browser:"
    };
    term::info(&format!("{lead}\n\n\t{auth_url}\n"));
    loop {
        let token = terminal::prompt_token()?;
        if token.is_empty() {
            continue;
        }
        // One no request can carry (a stray control character) is no valid token
        // either: asked for again, as the Go CLI does.
        if client.set_token(Some(&token)).is_err() {
            term::info("That's not a valid token!");
            continue;
        }
        match client.user("me").await {
            Ok(user) => {
                return Ok(Authenticated {
                    token,
                    username: user.username,
                    minted: None,
                });
            }
            Err(err) if err.status() == Some(401) => term::info("That's not a valid token!"),
            Err(err) => {
                return Err(
                    anyhow::Error::new(err).context(format!("check the token with {}", login.text))
                );
            }
        }
    }
}

/// Asks before logging out; anything but a yes cancels, before anything is changed.
fn confirm_logout(at_terminal: bool) -> Result<()> {
    let why = match terminal::confirm("Are you sure you want to log out?", at_terminal)? {
        Answer::Yes => return Ok(()),
        Answer::No if at_terminal => "logout cancelled",
        Answer::No => "logout cancelled: the answer read from stdin is not yes",
        Answer::Nothing if at_terminal => "logout cancelled: no answer was typed (end of input)",
        Answer::Nothing => "logout cancelled: stdin is not a terminal and holds no answer",
    };
    Err(fail(
        why,
        "pass --yes to log out without the question (or pipe in the answer: echo y | coder logout)",
    ))
}

/// `coder logout`: ends the stored session, and only it. The request carries the
/// stored token, never `--token`/`CODER_SESSION_TOKEN`; nothing stored means nothing to
/// end, and nothing is sent. The config directory must take the change before the
/// deployment is asked, so that a session is never ended there and kept here.
pub fn logout(context: &Context, args: &LogoutArgs) -> Result<()> {
    let stored = session::stored_session(&context.options)?;
    super::keyring_note(&context.options);
    if let Some(given) = context.options.token() {
        term::info(&format!(
            "note: {} is set; it is not the session this logs out, and it stays valid",
            given.source.token_name()
        ));
    }
    let Some(token) = stored.token else {
        return Err(fail(
            format!(
                "you are not logged in to {}: no session is stored for it, so there is \
                 nothing to log out",
                stored.url.as_str().trim_end_matches('/')
            ),
            "nothing was sent or changed; log in with 'coder login <url>'",
        ));
    };
    stored.store.check().context(
        "the session cannot be removed from the config directory, so it was not ended \
         (nothing was sent)",
    )?;
    if !args.yes {
        confirm_logout(context.stdin_is_terminal())?;
    }
    let key_id = token.key_id().map(str::to_string);
    let target = Target {
        url: stored.url.clone(),
        token: Some(token),
        headers: stored.headers,
    };
    let client = context.client(target, "logout")?;
    let ended = runtime::block_on(client.logout())?;
    let left = stored.store.forget(&stored.url);
    if !left.is_empty() {
        return Err(not_forgotten(ended.is_ok(), left));
    }
    if let Err(err) = ended {
        return Err(not_ended(&err, key_id.as_deref()));
    }
    output::stdout(
        "the logout message",
        "You are no longer logged in. You can log in using 'coder login <url>'.\n",
    )
}

/// The session was removed here, but the deployment did not end it (as the Go CLI, a
/// failure): it keeps working until it expires, which a script revoking it must know.
fn not_ended(err: &ApiError, key_id: Option<&str>) -> anyhow::Error {
    let hint = match key_id {
        Some(id) => format!(
            "the token still works until it expires; once the deployment answers, log in \
             again and end it with 'coder tokens rm --delete {id}'"
        ),
        None => "the token still works until it expires".to_string(),
    };
    fail(
        format!(
            "the session was removed here, but the deployment did not end it: {}",
            term::visible(&err.to_string())
        ),
        hint,
    )
}

/// The session could not all be removed locally: say whether it still works, and what
/// is left.
fn not_forgotten(ended: bool, left: Vec<String>) -> anyhow::Error {
    let (message, hint) = if ended {
        (
            "the session has ended on the deployment, but it could not all be removed here",
            "the stored token no longer works; remove what is named above by hand",
        )
    } else {
        (
            "the session could not all be removed here (and the deployment did not end it)",
            "remove what is named above by hand, or run 'coder logout' again",
        )
    };
    let mut err = CliError::failure(message).with_hint(hint);
    for failure in left {
        err = err.with_detail(failure);
    }
    err.into()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::client::ClientConfig;

    fn minted(id: Option<&str>) -> Authenticated {
        Authenticated {
            token: Secret::new("NewSe55ion-NewSe55ionSecret0123456"),
            username: "alice".into(),
            minted: id.map(str::to_string),
        }
    }

    async fn unmint_against(status: u16, session: &Authenticated) -> (CliError, usize) {
        let server = MockServer::start().await;
        Mock::given(method("DELETE"))
            .and(path("/api/v2/users/me/keys/NewSe55ion"))
            .respond_with(ResponseTemplate::new(status))
            .mount(&server)
            .await;
        let client = Client::new(ClientConfig {
            url: Url::parse(&server.uri()).unwrap(),
            token: Some(Secret::new("GivenT0ken-GivenT0kenSecret0123456")),
            headers: vec![],
            command: "coder login".into(),
            timeout: Duration::from_secs(5),
            observer: None,
        })
        .unwrap();
        let saving = anyhow::Error::new(
            CliError::failure("cannot write /cfg/url: it is a directory").with_hint("remove it"),
        )
        .context("save the session");
        let err = unmint(&client, session, saving).await;
        let deletes = server.received_requests().await.unwrap().len();
        (err.downcast::<CliError>().unwrap(), deletes)
    }

    #[tokio::test]
    async fn a_minted_key_that_could_not_be_saved_is_deleted_again() {
        let (err, deletes) = unmint_against(204, &minted(Some("NewSe55ion"))).await;
        assert_eq!(deletes, 1);
        assert_eq!(
            err.message,
            "save the session: cannot write /cfg/url: it is a directory"
        );
        assert_eq!(
            err.details,
            ["the session key minted for this login (NewSe55ion) was deleted again"]
        );
        assert_eq!(err.hint.as_deref(), Some("remove it"));
    }

    #[tokio::test]
    async fn a_key_that_cannot_be_deleted_is_named_with_how_to_remove_it() {
        let (err, _) = unmint_against(500, &minted(Some("NewSe55ion"))).await;
        assert!(
            err.details[0].contains("could not be deleted"),
            "{:?}",
            err.details
        );
        assert!(
            err.details[0].contains("coder tokens rm NewSe55ion"),
            "{:?}",
            err.details
        );
    }

    #[tokio::test]
    async fn nothing_is_deleted_when_nothing_was_minted() {
        let (err, deletes) = unmint_against(204, &minted(None)).await;
        assert_eq!(deletes, 0);
        assert!(err.details.is_empty());
    }
}
