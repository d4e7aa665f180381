//! The typed Coder API client: one method per endpoint. It never prints; callers may
//! watch requests through an [`Observer`].

mod certificate;
mod decode;
mod error;
mod proxy;
mod redirect;
mod retry;
mod tls;
mod transport;
pub mod types;

use std::time::Duration;

use reqwest::Method;
use url::Url;

pub use error::{ApiError, RequestLine};
use transport::{Answer, Call, Expect, Transport};
pub use transport::{Event, Observer};
use types::{ApiKey, CreateTokenRequest, GeneratedKey, TokenConfig, TokensFilter, User};

use crate::secret::Secret;

pub struct ClientConfig {
    /// The deployment URL; a sub-path (`https://host/coder`) is kept.
    pub url: Url,
    pub token: Option<Secret>,
    /// Extra headers from `--header` and `--header-command`.
    pub headers: Vec<(String, String)>,
    /// The full command name, e.g. `coder tokens list`, for the User-Agent.
    pub command: String,
    /// Limit on one whole request, response body included.
    pub timeout: Duration,
    pub observer: Option<Observer>,
}

pub struct Client {
    transport: Transport,
    base: Url,
}

/// What [`Client::check_deployment`] found.
#[derive(Debug)]
pub struct Deployment {
    pub has_first_user: bool,
    /// The https URL the deployment redirected its http URL to, which the client now
    /// uses (same host and path, the port it redirected to).
    pub upgraded: Option<Url>,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client, ApiError> {
        let mut transport = Transport::new(
            &config.headers,
            &config.command,
            config.timeout,
            config.observer,
        )?;
        transport.set_token(config.token.as_ref())?;
        let mut base = config.url;
        if let Ok(mut segments) = base.path_segments_mut() {
            segments.pop_if_empty();
        }
        Ok(Client { transport, base })
    }

    /// Authenticates later requests with `token` (or with none).
    pub fn set_token(&mut self, token: Option<&Secret>) -> Result<(), ApiError> {
        self.transport.set_token(token)
    }

    /// The deployment's version, as the `X-Coder-Build-Version` header of any response
    /// so far named it; `None` before a response or when none carried it.
    pub fn build_version(&self) -> Option<String> {
        self.transport.build_version()
    }

    /// The URL of an API path below `/api/v2/`, each segment percent-encoded.
    fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .expect("http(s) URLs always have a path")
            .extend(["api", "v2"])
            .extend(segments);
        url
    }

    async fn call(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, &str)],
        body: Option<Vec<u8>>,
        expect: Expect,
    ) -> Result<Answer, ApiError> {
        let mut url = self.endpoint(segments);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let line = RequestLine {
            method: method.to_string(),
            url: url.to_string(),
            deployment: self.base.as_str().trim_end_matches('/').to_string(),
        };
        let call = Call {
            method,
            url,
            body,
            expect,
            line,
        };
        self.transport.send(call).await
    }

    async fn get<T: serde::Deserialize<'static>>(
        &self,
        segments: &[&str],
        expect: Expect,
    ) -> Result<T, ApiError> {
        let answer = self.call(Method::GET, segments, &[], None, expect).await?;
        answer.decode()
    }

    async fn post<T: serde::de::DeserializeOwned>(
        &self,
        segments: &[&str],
        body: Option<Vec<u8>>,
    ) -> Result<T, ApiError> {
        let answer = self
            .call(Method::POST, segments, &[], body, Expect::Created)
            .await?;
        answer.decode()
    }

    /// `GET /api/v2/users/first`, sent without credentials (the endpoint needs none):
    /// whether the URL leads to a Coder deployment, and whether it has its first user
    /// yet. An `http://` deployment that redirects it to `https://` on the same host
    /// lives there: later requests go to the https URL straight away, before any secret
    /// is sent (see [`Deployment::upgraded`]).
    ///
    /// An answer that is not Coder's (no build-version header and no Coder message: a
    /// web server's 404 page, an app's HTML) is [`ApiError::NotCoder`], as is a 404 from
    /// Coder's router for a route it does not know (the URL has a wrong sub-path).
    pub async fn check_deployment(&mut self) -> Result<Deployment, ApiError> {
        let token = self.transport.take_token();
        let answer = self
            .call(Method::GET, &["users", "first"], &[], None, Expect::Any)
            .await;
        self.transport.put_token(token);
        let answer = answer?;
        let has_first_user = match (answer.status, answer.coder_message()) {
            (_, Some(message)) if message == error::ROUTE_NOT_FOUND => {
                return Err(answer.not_coder());
            }
            (200, Some(_)) => true,
            (404, Some(_)) => false,
            (200 | 404, None) => return Err(answer.not_coder()),
            _ => return Err(answer.into_error()),
        };
        let upgraded = redirect::is_upgrade(&self.base, &answer.url)
            .then(|| redirect::upgraded(&self.base, &answer.url));
        if let Some(url) = &upgraded {
            self.base = url.clone();
        }
        Ok(Deployment {
            has_first_user,
            upgraded,
        })
    }

    /// `GET /api/v2/users/{user}`.
    pub async fn user(&self, user: &str) -> Result<User, ApiError> {
        self.get(&["users", user], Expect::Ok).await
    }

    /// `POST /api/v2/users/{user}/keys`: a new session key.
    pub async fn create_session_key(&self, user: &str) -> Result<GeneratedKey, ApiError> {
        self.post(&["users", user, "keys"], None).await
    }

    /// `POST /api/v2/users/logout`.
    pub async fn logout(&self) -> Result<(), ApiError> {
        self.call(Method::POST, &["users", "logout"], &[], None, Expect::Ok)
            .await
            .map(drop)
    }

    /// `GET /api/v2/users/{user}/keys/tokens`: each key goes to `each` as soon as it is
    /// read, so 10,000 keys never sit in memory at once. A JSON `null` is no keys.
    pub async fn tokens(
        &self,
        user: &str,
        filter: TokensFilter,
        each: &mut dyn FnMut(&ApiKey<'_>),
    ) -> Result<(), ApiError> {
        let query = [
            ("include_all", bool_str(filter.include_all)),
            ("include_expired", bool_str(filter.include_expired)),
        ];
        let segments = ["users", user, "keys", "tokens"];
        let answer = self
            .call(Method::GET, &segments, &query, None, Expect::Ok)
            .await?;
        answer.each_key(each)
    }

    /// `POST /api/v2/users/{user}/keys/tokens`. Never retried: a retry could mint two.
    pub async fn create_token(
        &self,
        user: &str,
        request: &CreateTokenRequest,
    ) -> Result<GeneratedKey, ApiError> {
        let body = serde_json::to_vec(request).expect("a plain struct always serializes");
        self.post(&["users", user, "keys", "tokens"], Some(body))
            .await
    }

    /// `GET /api/v2/users/{user}/keys/tokens/tokenconfig`.
    pub async fn token_config(&self, user: &str) -> Result<TokenConfig, ApiError> {
        let segments = ["users", user, "keys", "tokens", "tokenconfig"];
        self.get(&segments, Expect::Ok).await
    }

    /// `GET /api/v2/users/{user}/keys/tokens/{name}`; `None` when the user has no
    /// token of that name. The name `tokenconfig` reaches the static token-config
    /// route instead, whose answer reads as a key without an ID: no such token either.
    pub async fn token_by_name(
        &self,
        user: &str,
        name: &str,
    ) -> Result<Option<ApiKey<'static>>, ApiError> {
        let segments = ["users", user, "keys", "tokens", name];
        match self.get::<ApiKey>(&segments, Expect::Created).await {
            Ok(key) if key.id.is_empty() => Ok(None),
            Ok(key) => Ok(Some(key)),
            Err(err) if err.is_not_found() => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// `GET /api/v2/users/{user}/keys/{id}`. An answer without an ID (a proxy's or an
    /// SSO's `{"message": …}`) is no key: an error, so that no caller goes on to expire
    /// or delete `keys//`.
    pub async fn key_by_id(&self, user: &str, id: &str) -> Result<ApiKey<'static>, ApiError> {
        let segments = ["users", user, "keys", id];
        let answer = self
            .call(Method::GET, &segments, &[], None, Expect::Created)
            .await?;
        let key: ApiKey = answer.decode()?;
        if key.id.is_empty() {
            return Err(answer.lacking("a key ID"));
        }
        Ok(key)
    }

    /// `DELETE /api/v2/users/{user}/keys/{id}`.
    pub async fn delete_key(&self, user: &str, id: &str) -> Result<(), ApiError> {
        let segments = ["users", user, "keys", id];
        self.call(Method::DELETE, &segments, &[], None, Expect::NoContent)
            .await
            .map(drop)
    }

    /// `PUT /api/v2/users/{user}/keys/{id}/expire`.
    pub async fn expire_key(&self, user: &str, id: &str) -> Result<(), ApiError> {
        let segments = ["users", user, "keys", id, "expire"];
        self.call(Method::PUT, &segments, &[], None, Expect::NoContent)
            .await
            .map(drop)
    }
}

fn bool_str(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(url: &str) -> Client {
        Client::new(ClientConfig {
            url: Url::parse(url).unwrap(),
            token: None,
            headers: vec![],
            command: "coder test".into(),
            timeout: Duration::from_secs(5),
            observer: None,
        })
        .unwrap()
    }

    /// The version comes from any response that names it, an error included, and the
    /// latest one wins; a response without the header keeps what was known.
    #[tokio::test]
    async fn the_build_version_is_read_from_any_response() {
        use wiremock::matchers::path;
        use wiremock::{Mock, MockServer, ResponseTemplate};

        let server = MockServer::start().await;
        let answer = |status, version: Option<&str>| {
            let template = ResponseTemplate::new(status).set_body_json(serde_json::json!({}));
            match version {
                Some(version) => template.insert_header("X-Coder-Build-Version", version),
                None => template,
            }
        };
        for (route, status, version) in [
            ("/api/v2/users/first", 200, Some("v2.30.0")),
            ("/api/v2/users/me", 401, Some("v2.31.0")),
            ("/api/v2/buildinfo", 200, None),
        ] {
            Mock::given(path(route))
                .respond_with(answer(status, version))
                .mount(&server)
                .await;
        }
        let mut c = client(&server.uri());
        assert_eq!(c.build_version(), None);
        c.check_deployment().await.unwrap();
        assert_eq!(c.build_version().as_deref(), Some("v2.30.0"));
        c.user("me").await.unwrap_err();
        assert_eq!(c.build_version().as_deref(), Some("v2.31.0"));
        let _: serde_json::Value = c.get(&["buildinfo"], Expect::Ok).await.unwrap();
        assert_eq!(c.build_version().as_deref(), Some("v2.31.0"));
    }

    #[test]
    fn endpoint_keeps_sub_path_and_encodes_segments() {
        let c = client("https://host/coder/");
        assert_eq!(
            c.endpoint(&["users", "me", "keys", "tokens", "a/b?c#d e"])
                .as_str(),
            "https://host/coder/api/v2/users/me/keys/tokens/a%2Fb%3Fc%23d%20e"
        );
        let c = client("http://127.0.0.1:3000");
        assert_eq!(
            c.endpoint(&["buildinfo"]).as_str(),
            "http://127.0.0.1:3000/api/v2/buildinfo"
        );
    }
}
