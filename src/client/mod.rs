//! The typed Coder API client: one method per endpoint. It never prints; callers may
//! watch requests through an [`Observer`].

mod error;
mod tls;
pub mod types;

use std::cell::Cell;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed};
use url::Url;

pub use error::{ApiError, BodyKind, RequestLine, TransportKind, decode_body_with, decode_error};
use types::{ApiKey, BuildInfo, CreateTokenRequest, GeneratedKey, TokenConfig, TokensFilter, User};

use crate::secret::{Secret, is_sensitive};

/// How many times an idempotent request is tried in all.
const ATTEMPTS: u32 = 3;
/// The first back-off; it doubles after every retry.
const BACKOFF: Duration = Duration::from_millis(200);
/// The longest we wait between attempts, in all; a `Retry-After` that would take us
/// past it ends the command instead.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(5);

/// The most memory reserved up front for a body, whatever its `Content-Length` says.
const MAX_PREALLOCATION: u64 = 64 << 20;

/// What the client reports while it works.
#[derive(Debug)]
pub enum Event<'a> {
    Request {
        method: &'a Method,
        url: &'a str,
        headers: &'a HeaderMap,
    },
    Response {
        status: u16,
        elapsed: Duration,
    },
    Retry {
        wait: Duration,
        reason: String,
    },
    /// An `X-Coder-Entitlements-Warning` of the first response.
    EntitlementWarning(&'a str),
}

pub type Observer = Box<dyn Fn(&Event<'_>)>;

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
    http: reqwest::Client,
    base: Url,
    headers: HeaderMap,
    timeout: Duration,
    observer: Option<Observer>,
    answered: Cell<bool>,
}

/// A successful response: status, content type and body.
struct Answer {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    request: RequestLine,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client, crate::error::CliError> {
        use crate::error::CliError;
        let mut headers = HeaderMap::new();
        for (key, value) in &config.headers {
            let name = HeaderName::from_bytes(key.as_bytes()).map_err(|_| {
                CliError::usage(format!("invalid header name {key:?}"))
                    .with_hint("header names are letters, digits and '-', as in X-Custom=value")
            })?;
            let mut value = HeaderValue::from_str(value).map_err(|_| {
                CliError::usage(format!("invalid value for header {key:?}"))
                    .with_hint("header values must be visible ASCII text without newlines")
            })?;
            value.set_sensitive(is_sensitive(name.as_str()));
            headers.append(name, value);
        }
        let user_agent = format!(
            "coder-cli/{} ({}/{}; {})",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            go_arch(),
            config.command
        );
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls::config())
            .user_agent(user_agent)
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|err| {
                // What fails here is loading the certificates to trust.
                CliError::failure(format!(
                    "could not set up the HTTP client: {}",
                    innermost(&err)
                ))
                .with_hint(error::certificate_hint())
            })?;
        let mut base = config.url;
        if let Ok(mut segments) = base.path_segments_mut() {
            segments.pop_if_empty();
        }
        let mut client = Client {
            http,
            base,
            headers,
            timeout: config.timeout,
            observer: config.observer,
            answered: Cell::new(false),
        };
        client.set_token(config.token.as_ref())?;
        Ok(client)
    }

    /// Authenticates later requests with `token` (or with none).
    pub fn set_token(&mut self, token: Option<&Secret>) -> Result<(), crate::error::CliError> {
        self.headers.remove("coder-session-token");
        if let Some(token) = token {
            let mut value = HeaderValue::from_str(token.expose()).map_err(|_| {
                crate::error::CliError::usage(
                    "the session token contains characters that cannot be sent",
                )
                .with_hint("check the token for stray characters")
            })?;
            value.set_sensitive(true);
            self.headers.insert("coder-session-token", value);
        }
        Ok(())
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

    fn notify(&self, event: Event<'_>) {
        if let Some(observer) = &self.observer {
            observer(&event);
        }
    }

    /// Sends a request; retries idempotent ones on connection failures and on
    /// 429/502/503/504. Statuses above `ok_max` become errors.
    async fn call(
        &self,
        method: Method,
        segments: &[&str],
        query: &[(&str, &str)],
        body: Option<Vec<u8>>,
        ok_max: u16,
    ) -> Result<Answer, ApiError> {
        let mut url = self.endpoint(segments);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let request = RequestLine {
            method: method.to_string(),
            url: url.to_string(),
            deployment: self.base.as_str().trim_end_matches('/').to_string(),
        };
        let attempts = if method == Method::POST { 1 } else { ATTEMPTS };
        let mut backoff = BACKOFF;
        let mut waited = Duration::ZERO;
        let mut attempt = 1;
        loop {
            let mut builder = self
                .http
                .request(method.clone(), url.clone())
                .headers(self.headers.clone());
            if let Some(body) = &body {
                builder = builder
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            self.notify(Event::Request {
                method: &method,
                url: &request.url,
                headers: &self.headers,
            });
            let started = Instant::now();
            let mut response = match builder.send().await {
                Ok(response) => response,
                Err(err) => {
                    let err = self.transport_error(&err, request.clone());
                    let retryable = matches!(
                        err,
                        ApiError::Transport {
                            kind: TransportKind::Refused | TransportKind::Interrupted,
                            ..
                        }
                    );
                    if retryable && attempt < attempts {
                        self.notify(Event::Retry {
                            wait: backoff,
                            reason: err.to_string(),
                        });
                        tokio::time::sleep(backoff).await;
                        waited += backoff;
                        backoff *= 2;
                        attempt += 1;
                        continue;
                    }
                    return Err(err);
                }
            };
            let status = response.status();
            self.notify(Event::Response {
                status: status.as_u16(),
                elapsed: started.elapsed(),
            });
            self.record_warnings(response.headers());
            if is_retryable_status(status) && attempt < attempts {
                match retry_after(response.headers()) {
                    Some(wait) if waited + wait > MAX_RETRY_WAIT => {
                        return Err(ApiError::Throttled {
                            status: status.as_u16(),
                            wait_secs: wait.as_secs(),
                            request: Box::new(request),
                        });
                    }
                    wait => {
                        let wait = wait.unwrap_or(backoff);
                        self.notify(Event::Retry {
                            wait,
                            reason: format!("HTTP {}", status.as_u16()),
                        });
                        tokio::time::sleep(wait).await;
                        waited += wait;
                        backoff *= 2;
                        attempt += 1;
                        continue;
                    }
                }
            }
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            // Chunk by chunk into one buffer of the announced size: no copies of a
            // body that may be megabytes (10,000 tokens are 4 MB).
            let announced = response
                .content_length()
                .unwrap_or(0)
                .min(MAX_PREALLOCATION);
            let mut bytes = Vec::with_capacity(announced as usize);
            loop {
                match response.chunk().await {
                    Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
                    Ok(None) => break,
                    Err(err) => return Err(self.transport_error(&err, request)),
                }
            }
            if status.as_u16() > ok_max {
                return Err(decode_error(
                    status.as_u16(),
                    &content_type,
                    &bytes,
                    request,
                ));
            }
            return Ok(Answer {
                status: status.as_u16(),
                content_type,
                body: bytes,
                request,
            });
        }
    }

    fn record_warnings(&self, headers: &HeaderMap) {
        if self.answered.replace(true) {
            return;
        }
        for value in headers.get_all("x-coder-entitlements-warning") {
            if let Ok(text) = value.to_str() {
                self.notify(Event::EntitlementWarning(text));
            }
        }
    }

    fn transport_error(&self, err: &reqwest::Error, request: RequestLine) -> ApiError {
        let chain = error_chain(err);
        let lower = chain.to_ascii_lowercase();
        let kind = if err.is_timeout() || lower.contains("timed out") {
            TransportKind::Timeout
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
        {
            TransportKind::Tls
        } else if lower.contains("dns error")
            || lower.contains("failed to lookup")
            || lower.contains("name or service not known")
        {
            TransportKind::Dns
        } else if lower.contains("connection refused") {
            TransportKind::Refused
        } else if err.is_body() || err.is_decode() || lower.contains("connection reset") {
            TransportKind::Interrupted
        } else {
            TransportKind::Other
        };
        ApiError::Transport {
            kind,
            cause: innermost(err),
            timeout: self.timeout,
            request: Box::new(request),
        }
    }

    async fn get<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        ok_max: u16,
    ) -> Result<T, ApiError> {
        let answer = self.call(Method::GET, segments, &[], None, ok_max).await?;
        answer.decode()
    }

    /// A `GET` of one key, which must outlive the response body it is decoded from.
    async fn get_key(&self, segments: &[&str]) -> Result<ApiKey<'static>, ApiError> {
        let answer = self.call(Method::GET, segments, &[], None, 201).await?;
        let key: ApiKey = answer.decode_with(PhantomData)?;
        Ok(key.into_owned())
    }

    async fn post<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        body: Option<Vec<u8>>,
        ok_max: u16,
    ) -> Result<T, ApiError> {
        let answer = self.call(Method::POST, segments, &[], body, ok_max).await?;
        answer.decode()
    }

    /// `GET /api/v2/buildinfo` (no authentication needed).
    pub async fn build_info(&self) -> Result<BuildInfo, ApiError> {
        self.get(&["buildinfo"], 200).await
    }

    /// `GET /api/v2/users/first`: whether the deployment has its first user yet.
    pub async fn has_first_user(&self) -> Result<bool, ApiError> {
        match self
            .call(Method::GET, &["users", "first"], &[], None, 200)
            .await
        {
            Ok(_) => Ok(true),
            Err(err) if err.status() == Some(404) => Ok(false),
            Err(err) => Err(err),
        }
    }

    /// `GET /api/v2/users/{user}`.
    pub async fn user(&self, user: &str) -> Result<User, ApiError> {
        self.get(&["users", user], 200).await
    }

    /// `POST /api/v2/users/{user}/keys`: a new session key.
    pub async fn create_session_key(&self, user: &str) -> Result<GeneratedKey, ApiError> {
        self.post(&["users", user, "keys"], None, 201).await
    }

    /// `POST /api/v2/users/logout`.
    pub async fn logout(&self) -> Result<(), ApiError> {
        self.call(Method::POST, &["users", "logout"], &[], None, 200)
            .await
            .map(drop)
    }

    /// `GET /api/v2/users/{user}/keys/tokens`: each key goes to `each` as soon as it is
    /// decoded, so 10,000 keys never sit in memory at once. A JSON `null` is no keys.
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
        let answer = self
            .call(
                Method::GET,
                &["users", user, "keys", "tokens"],
                &query,
                None,
                200,
            )
            .await?;
        answer.decode_with(types::EachKey(each))
    }

    /// `POST /api/v2/users/{user}/keys/tokens`. Never retried: a retry could mint two.
    pub async fn create_token(
        &self,
        user: &str,
        request: &CreateTokenRequest,
    ) -> Result<GeneratedKey, ApiError> {
        let body = serde_json::to_vec(request).expect("a plain struct always serializes");
        self.post(&["users", user, "keys", "tokens"], Some(body), 201)
            .await
    }

    /// `GET /api/v2/users/{user}/keys/tokens/tokenconfig`.
    pub async fn token_config(&self, user: &str) -> Result<TokenConfig, ApiError> {
        self.get(&["users", user, "keys", "tokens", "tokenconfig"], 200)
            .await
    }

    /// `GET /api/v2/users/{user}/keys/tokens/{name}`.
    pub async fn token_by_name(&self, user: &str, name: &str) -> Result<ApiKey<'static>, ApiError> {
        self.get_key(&["users", user, "keys", "tokens", name]).await
    }

    /// `GET /api/v2/users/{user}/keys/{id}`.
    pub async fn key_by_id(&self, user: &str, id: &str) -> Result<ApiKey<'static>, ApiError> {
        self.get_key(&["users", user, "keys", id]).await
    }

    /// `DELETE /api/v2/users/{user}/keys/{id}`.
    pub async fn delete_key(&self, user: &str, id: &str) -> Result<(), ApiError> {
        self.call(Method::DELETE, &["users", user, "keys", id], &[], None, 204)
            .await
            .map(drop)
    }

    /// `PUT /api/v2/users/{user}/keys/{id}/expire`.
    pub async fn expire_key(&self, user: &str, id: &str) -> Result<(), ApiError> {
        self.call(
            Method::PUT,
            &["users", user, "keys", id, "expire"],
            &[],
            None,
            204,
        )
        .await
        .map(drop)
    }
}

impl Answer {
    fn decode<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        self.decode_with(PhantomData)
    }

    /// Decodes the body with `seed`, which may borrow text from it.
    fn decode_with<'a, S: DeserializeSeed<'a>>(&'a self, seed: S) -> Result<S::Value, ApiError> {
        decode_body_with(
            self.status,
            &self.content_type,
            &self.body,
            self.request.clone(),
            seed,
        )
    }
}

fn bool_str(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// `Retry-After` in seconds (the HTTP-date form is rare from Coder and ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn innermost(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last: &dyn std::error::Error = err;
    while let Some(cause) = last.source() {
        last = cause;
    }
    last.to_string()
}

/// Go's name for the architecture, as Coder's User-Agent uses it.
fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: &str) -> ClientConfig {
        ClientConfig {
            url: Url::parse(url).unwrap(),
            token: None,
            headers: vec![],
            command: "coder test".into(),
            timeout: Duration::from_secs(1),
            observer: None,
        }
    }

    fn client(url: &str) -> Client {
        Client::new(config(url)).unwrap()
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

    #[test]
    fn debug_of_a_request_event_hides_the_token_and_credential_headers() {
        let client = Client::new(ClientConfig {
            token: Some(Secret::new("SessionSecretValue")),
            headers: vec![
                ("Authorization".into(), "Bearer HeaderSecretValue".into()),
                ("X-Trace".into(), "visible".into()),
            ],
            ..config("https://host")
        })
        .unwrap();
        let event = Event::Request {
            method: &Method::GET,
            url: "https://host/api/v2/users/me",
            headers: &client.headers,
        };
        let shown = format!("{event:?}");
        assert!(!shown.contains("SessionSecretValue"), "{shown}");
        assert!(!shown.contains("HeaderSecretValue"), "{shown}");
        assert!(shown.contains("visible"), "{shown}");
    }
}
