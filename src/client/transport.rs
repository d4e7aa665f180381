//! Sending one API request: headers, retries, reading the body, and naming what went
//! wrong below HTTP. The endpoints (`super`) say what to send; this says how.

use std::cell::{Cell, RefCell};
use std::io::Read as _;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{
    ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, LOCATION,
    RETRY_AFTER,
};
use reqwest::{Method, Response, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeSeed;
use url::Url;

use super::decode::{
    coder_message, decode_body_with, decode_error, describe_body, incomplete, unreadable,
};
use super::error::{ApiError, ProxyFailure, RequestLine, TlsFailure, TransportKind};
use super::proxy::{Proxies, Proxy, Refusal};
use super::redirect::{self, Hop};
use super::retry::{self, Next, Retry};
use super::tls;
use super::types::{ApiKey, EachKey};
use crate::secret::{Secret, is_sensitive};

/// The most a body may hold, as sent and once decompressed (100,000 tokens are about
/// 41 MB): past it the answer is refused as it is read, never held whole.
const MAX_BODY: usize = 256 << 20;

const SESSION_HEADER: &str = "coder-session-token";

/// Coder's API sends it with every answer; the Go SDK tells Coder by it.
const BUILD_VERSION: &str = "x-coder-build-version";

/// What the client reports while it works.
#[derive(Debug)]
pub enum Event<'a> {
    /// A request going out (each hop of a redirected one).
    Request {
        method: &'a Method,
        url: &'a str,
        headers: &'a HeaderMap,
        /// The proxy it goes through and the variable naming it, without credentials.
        proxy: Option<(String, &'static str)>,
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
    /// The deployment `from` redirected a request to https, at `to` (reported once);
    /// `token`: the session token had gone out over plain HTTP first.
    Upgraded {
        from: &'a str,
        to: &'a str,
        token: bool,
    },
}

pub type Observer = Box<dyn Fn(&Event<'_>)>;

/// The highest status a call accepts as success. Each call of Coder's Go SDK compares
/// the status with the one its endpoint documents and treats anything above it as an
/// error, anything at or below as success (the reference's acceptance table, §4.1).
#[derive(Debug, Clone, Copy)]
pub(super) enum Expect {
    /// 200: reads and the session calls.
    Ok = 200,
    /// 201: creating keys, and reading one key.
    Created = 201,
    /// 204: expiring and deleting a key.
    NoContent = 204,
    /// Any status: the caller looks at it (whether a server is Coder at all).
    Any = 599,
}

/// One request to send.
pub(super) struct Call {
    pub method: Method,
    pub url: Url,
    pub body: Option<Vec<u8>>,
    pub expect: Expect,
    pub line: RequestLine,
}

/// A successful response: status, content type and body.
pub(super) struct Answer {
    pub(super) status: u16,
    /// Where the answer came from, after any redirects.
    pub(super) url: Url,
    content_type: String,
    body: Vec<u8>,
    /// Whether it carries the `X-Coder-Build-Version` header Coder's API always sends.
    pub(super) build_version: bool,
    request: RequestLine,
}

impl Answer {
    /// The answer as the error it is for a call that accepts only lower statuses.
    pub(super) fn into_error(self) -> ApiError {
        decode_error(self.status, &self.content_type, &self.body, self.request)
    }

    /// The answer as Coder's API writes it (the build-version header, or a JSON object
    /// with a `message`); `None` when it does not look like Coder's, else the message
    /// (empty without one).
    pub(super) fn coder_message(&self) -> Option<String> {
        let message = coder_message(&self.content_type, &self.body);
        match message {
            Some(message) => Some(message),
            None if self.build_version => Some(String::new()),
            None => None,
        }
    }

    /// What the answer was, for an error saying it is not Coder's.
    pub(super) fn not_coder(self) -> ApiError {
        ApiError::NotCoder {
            status: self.status,
            body: describe_body(&self.content_type, &self.body),
            request: Box::new(self.request),
        }
    }

    /// Decodes a small body through a [`serde_json::Value`], whose objects keep the
    /// last of duplicated keys, as Go does; the value owns its text.
    pub(super) fn decode<T: Deserialize<'static>>(&self) -> Result<T, ApiError> {
        let value: serde_json::Value = self.decode_with(PhantomData)?;
        T::deserialize(value).map_err(|err| {
            let request = self.request.clone();
            self.vouched(unreadable(self.status, &self.content_type, request, &err))
        })
    }

    /// The error for a body that decoded but lacks `what` it must hold.
    pub(super) fn lacking(&self, what: &str) -> ApiError {
        let request = self.request.clone();
        self.vouched(incomplete(self.status, &self.content_type, request, what))
    }

    /// Gives each key of a token list to `each`, as it is read (its text borrowed from
    /// the body).
    pub(super) fn each_key(&self, each: &mut dyn FnMut(&ApiKey<'_>)) -> Result<(), ApiError> {
        self.decode_with(EachKey(each))
    }

    /// Decodes the body with `seed`, which may borrow text from it.
    pub(super) fn decode_with<S, V>(&self, seed: S) -> Result<V, ApiError>
    where
        S: for<'de> DeserializeSeed<'de, Value = V>,
    {
        decode_body_with(
            self.status,
            &self.content_type,
            &self.body,
            self.request.clone(),
            seed,
        )
        .map_err(|err| self.vouched(err))
    }

    /// `err` about this answer's body, marked as Coder's when its header says so.
    fn vouched(&self, mut err: ApiError) -> ApiError {
        if let ApiError::InvalidBody { from_coder, .. } = &mut err {
            *from_coder = self.build_version;
        }
        err
    }
}

pub(super) struct Transport {
    http: reqwest::Client,
    headers: HeaderMap,
    timeout: Duration,
    observer: Option<Observer>,
    answered: Cell<bool>,
    /// The `X-Coder-Build-Version` of the latest response that carried one.
    build_version: RefCell<Option<String>>,
    proxies: Arc<Proxies>,
    /// Whether an upgrade to https was reported already.
    upgraded: Cell<bool>,
}

impl Transport {
    /// `command` is the full command name (`coder tokens list`) for the User-Agent.
    pub(super) fn new(
        headers: &[(String, String)],
        command: &str,
        timeout: Duration,
        observer: Option<Observer>,
    ) -> Result<Transport, ApiError> {
        let user_agent = format!(
            "coder-cli/{} ({}/{}; {command})",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            go_arch(),
        );
        let proxies = Arc::new(Proxies::from_env());
        let route = Arc::clone(&proxies);
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls::config())
            // Redirects are followed in `attempt`, hop by hop.
            .redirect(reqwest::redirect::Policy::none())
            // The proxies Go would use, and no others (reqwest reads ALL_PROXY too).
            .no_proxy()
            .proxy(reqwest::Proxy::custom(move |url| {
                route
                    .for_url(url)
                    .ok()
                    .flatten()
                    .map(|proxy| proxy.url.clone())
            }))
            .referer(false)
            .user_agent(user_agent)
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()
            // What fails here is loading the certificates to trust.
            .map_err(|err| ApiError::Setup {
                cause: innermost(&err),
            })?;
        Ok(Transport {
            http,
            headers: header_map(headers)?,
            timeout,
            observer,
            answered: Cell::new(false),
            build_version: RefCell::new(None),
            proxies,
            upgraded: Cell::new(false),
        })
    }

    /// Takes the session token off later requests, to put it back with [`put_token`].
    ///
    /// [`put_token`]: Transport::put_token
    pub(super) fn take_token(&mut self) -> Option<HeaderValue> {
        self.headers.remove(SESSION_HEADER)
    }

    pub(super) fn put_token(&mut self, token: Option<HeaderValue>) {
        if let Some(token) = token {
            self.headers.insert(SESSION_HEADER, token);
        }
    }

    /// Authenticates later requests with `token` (or with none).
    pub(super) fn set_token(&mut self, token: Option<&Secret>) -> Result<(), ApiError> {
        self.headers.remove(SESSION_HEADER);
        if let Some(token) = token {
            let mut value = HeaderValue::from_str(token.expose()).map_err(|_| ApiError::Token)?;
            value.set_sensitive(true);
            self.headers.insert(SESSION_HEADER, value);
        }
        Ok(())
    }

    /// Sends `call`; retries idempotent ones on connection failures and on
    /// 429/502/503/504. Statuses above the expected one become errors.
    pub(super) async fn send(&self, call: Call) -> Result<Answer, ApiError> {
        let mut retry = Retry::new(call.method != Method::POST);
        loop {
            let outcome = self.attempt(&call).await;
            let next = match &outcome {
                Err(err) if is_retryable_failure(err) => retry.next(None),
                Ok((response, _)) if is_retryable_status(response.status()) => {
                    retry.next(retry_after(response.headers()))
                }
                _ => Next::Stop,
            };
            match (next, outcome) {
                (Next::Wait(wait), outcome) => self.pause(wait, &outcome).await,
                (Next::TooLong { asked, waited }, Ok((response, _))) => {
                    return Err(ApiError::Throttled {
                        status: response.status().as_u16(),
                        asked,
                        waited,
                        request: Box::new(call.line),
                    });
                }
                (_, Err(err)) => return Err(err),
                (_, Ok((response, hop))) => return self.finish(response, call.expect, hop).await,
            }
        }
    }

    /// One try: the request goes out (to https at once when its http origin redirected
    /// there before in this process), redirects within the deployment are followed hop
    /// by hop (see [`redirect`]), and the last response's head comes back with the hop
    /// it answers.
    async fn attempt(&self, call: &Call) -> Result<(Response, Sent), ApiError> {
        let mut hop = Sent {
            hop: Hop {
                method: call.method.clone(),
                url: call.url.clone(),
                body: call.body.is_some(),
            },
            line: call.line.clone(),
        };
        if let Some(url) = redirect::secured(&call.url) {
            let next = Hop {
                url,
                ..hop.hop.clone()
            };
            hop = moved(hop, next);
        }
        let first = hop.hop.url.clone();
        let mut hops = 0;
        loop {
            let response = self.send_hop(call, &hop).await?;
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok());
            let status = response.status().as_u16();
            hop = match redirect::next(&first, &hop.hop, status, location, hops) {
                redirect::Next::Answer => return Ok((response, hop)),
                redirect::Next::Follow(next) => {
                    hops += 1;
                    self.note_upgrade(&hop, &next.url);
                    moved(hop, next)
                }
                redirect::Next::Refuse { location, why } => {
                    // Not followed (for its method, say), and still the deployment's
                    // word when it says it lives on https.
                    self.note_upgrade(&hop, &location);
                    return Err(ApiError::Redirect {
                        status,
                        location: Some(without_query(location)),
                        why,
                        request: Box::new(hop.line),
                    });
                }
            };
        }
    }

    /// When `from` redirected from http to https at `to` on the same host: that is
    /// remembered for every later request of this process, and reported (once).
    fn note_upgrade(&self, from: &Sent, to: &Url) {
        let from_url = &from.hop.url;
        if !redirect::is_upgrade(from_url, to) || !redirect::may_follow(from_url, to) {
            return;
        }
        redirect::remember_upgrade(from_url, to);
        if !self.upgraded.replace(true) {
            self.notify(Event::Upgraded {
                from: &from.line.deployment,
                to: &upgraded_deployment(&from.line.deployment, to),
                token: self.headers.contains_key(SESSION_HEADER),
            });
        }
    }

    /// Sends one hop, through the proxy the environment names for it, if any.
    async fn send_hop(&self, call: &Call, sent: &Sent) -> Result<Response, ApiError> {
        let hop = &sent.hop;
        let proxy = self.proxy_for(sent)?;
        let mut builder = self
            .http
            .request(hop.method.clone(), hop.url.clone())
            .headers(self.headers.clone());
        if !self.headers.contains_key(ACCEPT_ENCODING) {
            // As Go's HTTP client does; `read_body` undoes it.
            builder = builder.header(ACCEPT_ENCODING, "gzip");
        }
        if let (Some(body), true) = (&call.body, hop.body) {
            builder = builder
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        self.notify(Event::Request {
            method: &hop.method,
            url: &sent.line.url,
            headers: &self.headers,
            proxy: proxy.map(|proxy| (proxy.shown(), proxy.variable)),
        });
        let started = Instant::now();
        let response = builder
            .send()
            .await
            .map_err(|err| self.transport_error(&err, sent.line.clone(), proxy))?;
        self.notify(Event::Response {
            status: response.status().as_u16(),
            elapsed: started.elapsed(),
        });
        if let (Some(proxy), 407) = (proxy, response.status().as_u16()) {
            let failure = ProxyFailure::Unreachable(PROXY_WANTS_CREDENTIALS.into());
            return Err(proxy_error(proxy, failure, sent.line.clone()));
        }
        self.record_warnings(response.headers());
        self.record_build_version(response.headers());
        Ok(response)
    }

    /// The proxy for a hop; one this client cannot or may not use is an error.
    fn proxy_for(&self, sent: &Sent) -> Result<Option<&Proxy>, ApiError> {
        let proxy = self
            .proxies
            .for_url(&sent.hop.url)
            .map_err(|Refusal::Cgi(variable)| ApiError::Proxy {
                proxy: String::new(),
                variable,
                failure: ProxyFailure::Cgi,
                request: Box::new(sent.line.clone()),
            })?;
        match proxy {
            Some(proxy) if !proxy.is_supported() => Err(proxy_error(
                proxy,
                ProxyFailure::Unsupported,
                sent.line.clone(),
            )),
            proxy => Ok(proxy),
        }
    }

    async fn pause(&self, wait: Duration, outcome: &Result<(Response, Sent), ApiError>) {
        let reason = match outcome {
            Ok((response, _)) => format!("HTTP {}", response.status().as_u16()),
            Err(err) => err.to_string(),
        };
        self.notify(Event::Retry { wait, reason });
        tokio::time::sleep(wait).await;
    }

    /// Reads the body and checks the status against what the call accepts.
    async fn finish(
        &self,
        response: Response,
        expect: Expect,
        sent: Sent,
    ) -> Result<Answer, ApiError> {
        let Sent { hop, line: request } = sent;
        let status = response.status().as_u16();
        if response.status().is_redirection() {
            // One not followed: no usable Location, or a status that is no redirect to
            // follow (300, 304).
            return Err(redirected(status, response.headers(), &hop.url, request));
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let build_version = response.headers().contains_key(BUILD_VERSION);
        let body = self
            .read_body(response, &request)
            .await
            .map_err(|(kind, cause)| ApiError::Transport {
                kind,
                cause,
                timeout: self.timeout,
                request: Box::new(request.clone()),
            })?;
        if status == 400 && request.url.starts_with("http:") && is_plain_http_refusal(&body) {
            return Err(ApiError::Transport {
                kind: TransportKind::ExpectsTls,
                cause: String::new(),
                timeout: self.timeout,
                request: Box::new(request),
            });
        }
        if status > expect as u16 {
            return Err(decode_error(status, &content_type, &body, request));
        }
        Ok(Answer {
            status,
            url: hop.url,
            content_type,
            body,
            build_version,
            request,
        })
    }

    /// The body as sent before `Content-Encoding`, chunk by chunk into one buffer, at
    /// most [`MAX_BODY`] bytes as sent and once decompressed.
    async fn read_body(
        &self,
        mut response: Response,
        request: &RequestLine,
    ) -> Result<Vec<u8>, (TransportKind, String)> {
        let encoding = encoding(response.headers().get(CONTENT_ENCODING))
            .map_err(|cause| (TransportKind::Decompression, cause))?;
        let announced = response.content_length().unwrap_or(0) as usize;
        let mut body = Vec::with_capacity(announced.min(MAX_BODY));
        let too_large = TransportKind::TooLarge {
            limit: MAX_BODY,
            decompressed: false,
        };
        while let Some(chunk) = response.chunk().await.map_err(|err| {
            let https = request.url.starts_with("https:");
            (classify(&err, https), innermost(&err))
        })? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err((too_large, String::new()));
            }
            body.extend_from_slice(&chunk);
        }
        match encoding {
            Encoding::Identity => Ok(body),
            Encoding::Gzip => gunzip(&body, MAX_BODY),
        }
    }

    fn notify(&self, event: Event<'_>) {
        if let Some(observer) = &self.observer {
            observer(&event);
        }
    }

    fn record_warnings(&self, headers: &HeaderMap) {
        if self.answered.replace(true) {
            return;
        }
        // Header values are bytes: text in any language arrives as UTF-8, read leniently.
        for value in headers.get_all("x-coder-entitlements-warning") {
            let text = String::from_utf8_lossy(value.as_bytes());
            self.notify(Event::EntitlementWarning(&text));
        }
    }

    /// Notes the deployment's version from any response, errors and redirects included.
    fn record_build_version(&self, headers: &HeaderMap) {
        if let Some(value) = headers.get(BUILD_VERSION) {
            let version = String::from_utf8_lossy(value.as_bytes()).into_owned();
            self.build_version.replace(Some(version));
        }
    }

    /// The version the deployment named in its responses so far (`X-Coder-Build-Version`).
    pub(super) fn build_version(&self) -> Option<String> {
        self.build_version.borrow().clone()
    }

    /// A request that got no answer; through a proxy, a failure to connect is the
    /// proxy's (unless it is the deployment's TLS, which goes through the tunnel). A
    /// connection that broke before the answer's head came was closed without an
    /// answer, whatever the words.
    fn transport_error(
        &self,
        err: &reqwest::Error,
        request: RequestLine,
        proxy: Option<&Proxy>,
    ) -> ApiError {
        let kind = match classify(err, request.url.starts_with("https:")) {
            TransportKind::Interrupted => TransportKind::Closed,
            kind => kind,
        };
        let deployments = matches!(kind, TransportKind::Tls(_) | TransportKind::NotHttps);
        if let (Some(proxy), true, false) = (proxy, err.is_connect(), deployments) {
            let failure = ProxyFailure::Unreachable(proxy_problem(&kind, err, proxy));
            return proxy_error(proxy, failure, request);
        }
        ApiError::Transport {
            kind,
            cause: innermost(err),
            timeout: self.timeout,
            request: Box::new(request),
        }
    }
}

/// A hop as it was sent, and the request line errors name it by.
#[derive(Debug)]
struct Sent {
    hop: Hop,
    line: RequestLine,
}

/// `from` moved on to `next`: the request line names `next` (and, after an upgrade to
/// https, the deployment's https URL).
fn moved(from: Sent, next: Hop) -> Sent {
    let mut line = from.line;
    if redirect::is_upgrade(&from.hop.url, &next.url) {
        line.deployment = upgraded_deployment(&line.deployment, &next.url);
    }
    line.method = next.method.to_string();
    line.url = shown(&next.url);
    Sent { hop: next, line }
}

/// The deployment URL `deployment` once upgraded to https at `to`.
fn upgraded_deployment(deployment: &str, to: &Url) -> String {
    Url::parse(deployment)
        .map(|deployment| redirect::upgraded(&deployment, to))
        .map(|url| url.as_str().trim_end_matches('/').to_string())
        .unwrap_or_else(|_| deployment.to_string())
}

fn proxy_error(proxy: &Proxy, failure: ProxyFailure, request: RequestLine) -> ApiError {
    ApiError::Proxy {
        proxy: proxy.shown(),
        variable: proxy.variable,
        failure,
        request: Box::new(request),
    }
}

/// A proxy that answered 407, through either way it is reached (a plain request or a
/// CONNECT tunnel).
const PROXY_WANTS_CREDENTIALS: &str = "it asks for credentials (HTTP 407)";

/// What went wrong with a proxy, in words that never hold its credentials.
fn proxy_problem(kind: &TransportKind, err: &reqwest::Error, proxy: &Proxy) -> String {
    let chain = error_chain(err);
    let words = match kind {
        TransportKind::Refused => "the connection was refused".to_string(),
        TransportKind::Dns => "its host name does not resolve".to_string(),
        TransportKind::Timeout => "it did not answer in time".to_string(),
        _ if chain.contains("proxy authorization required") => PROXY_WANTS_CREDENTIALS.to_string(),
        _ if chain.contains("tunnel error: unsuccessful") => {
            "it did not open a tunnel to the deployment (its answer to CONNECT was not 200)"
                .to_string()
        }
        _ => innermost(err),
    };
    match proxy.url.password().filter(|p| !p.is_empty()) {
        Some(password) => words.replace(password, "***"),
        None => words,
    }
}

/// A redirect that was not followed: where it pointed (without its query), if anywhere.
fn redirected(status: u16, headers: &HeaderMap, from: &Url, request: RequestLine) -> ApiError {
    let location = headers
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| from.join(value).ok());
    ApiError::Redirect {
        status,
        location: location.map(without_query),
        why: redirect::Refusal::Elsewhere,
        request: Box::new(request),
    }
}

/// A URL as messages show it: without a user name or password (a redirect's Location
/// may carry them), `…@` in their place.
fn shown(url: &Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut bare = url.clone();
    // Both always succeed for an http(s) URL with a host.
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    let mut text = bare.to_string();
    text.insert_str(bare.scheme().len() + "://".len(), "…@");
    text
}

/// A URL as an error shows it: without its query (which may carry an identity
/// provider's state), fragment or user information (see [`shown`]).
fn without_query(mut url: Url) -> String {
    let elided = if url.query().is_some() { "?…" } else { "" };
    url.set_query(None);
    url.set_fragment(None);
    format!("{}{elided}", shown(&url))
}

/// The user's extra headers, with credentials marked so that no log shows them.
fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, ApiError> {
    let mut map = HeaderMap::new();
    for (key, value) in headers {
        let name = HeaderName::from_bytes(key.as_bytes())
            .map_err(|_| ApiError::HeaderName { name: key.clone() })?;
        let mut value = HeaderValue::from_str(value)
            .map_err(|_| ApiError::HeaderValue { name: key.clone() })?;
        value.set_sensitive(is_sensitive(name.as_str()));
        map.append(name, value);
    }
    Ok(map)
}

/// How a body was encoded (`Content-Encoding`), asked for or not.
enum Encoding {
    Identity,
    Gzip,
}

/// The encoding `value` names; one this client cannot undo is an error in words.
fn encoding(value: Option<&HeaderValue>) -> Result<Encoding, String> {
    let Some(value) = value else {
        return Ok(Encoding::Identity);
    };
    let name = value.to_str().unwrap_or("").trim().to_ascii_lowercase();
    match name.as_str() {
        "" | "identity" => Ok(Encoding::Identity),
        "gzip" | "x-gzip" => Ok(Encoding::Gzip),
        other => {
            let shown: String = other.chars().take(40).collect();
            Err(format!(
                "it is compressed with {shown:?}, which this client does not read (only gzip)"
            ))
        }
    }
}

/// Undoes gzip (every member of the stream, as RFC 1952 allows several), reading at
/// most `limit` bytes out: a body that inflates past it stops there.
fn gunzip(body: &[u8], limit: usize) -> Result<Vec<u8>, (TransportKind, String)> {
    let mut out = Vec::with_capacity(body.len().saturating_mul(4).min(limit));
    flate2::read::MultiGzDecoder::new(body)
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|err| (TransportKind::Decompression, gzip_problem(&err)))?;
    if out.len() > limit {
        return Err((
            TransportKind::TooLarge {
                limit,
                decompressed: true,
            },
            String::new(),
        ));
    }
    Ok(out)
}

/// What was wrong with a gzip stream, in words.
fn gzip_problem(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::UnexpectedEof => "the gzip stream is cut short".into(),
        _ => format!("the gzip stream is unreadable: {err}"),
    }
}

/// What TLS servers answer a plain HTTP request with: Go's net/http (so Coder itself)
/// and nginx.
fn is_plain_http_refusal(body: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    start.contains("client sent an http request to an https server")
        || start.contains("the plain http request was sent to https port")
}

/// What went wrong, from the error and its causes; `https` is the request's scheme.
fn classify(err: &reqwest::Error, https: bool) -> TransportKind {
    let lower = error_chain(err).to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    if let Some(tls) = rustls_error(err) {
        match tls {
            // The first bytes back were no TLS record: a plain HTTP answer.
            rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => {
                TransportKind::NotHttps
            }
            tls => TransportKind::Tls(tls::failure(tls)),
        }
    } else if !https && has(&["invalid http version parsed"]) {
        // The first bytes back were not HTTP; from a TLS server, they are a TLS alert.
        TransportKind::ExpectsTls
    } else if err.is_timeout() || has(&["timed out"]) {
        TransportKind::Timeout
    } else if has(&["certificate", "tls", "handshake"]) {
        TransportKind::Tls(TlsFailure::Other(tls::words(&innermost(err))))
    } else if has(&["dns error", "failed to lookup", "name or service not known"]) {
        TransportKind::Dns
    } else if has(&["connection refused"]) {
        TransportKind::Refused
    } else if has(&["connection closed before message completed"]) {
        TransportKind::Closed
    } else if err.is_body() || err.is_decode() || has(&["connection reset"]) {
        TransportKind::Interrupted
    } else {
        TransportKind::Other
    }
}

/// Connection failures worth another try: nothing reached the server, the server
/// closed the connection without answering, or the answer broke off.
fn is_retryable_failure(err: &ApiError) -> bool {
    matches!(
        err,
        ApiError::Transport {
            kind: TransportKind::Refused | TransportKind::Closed | TransportKind::Interrupted,
            ..
        }
    )
}

fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// The wait `Retry-After` asks for: seconds, or until an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    retry::retry_after(value, time::OffsetDateTime::now_utc())
}

/// The TLS error among `err`'s causes. An I/O error carries its cause inside (its
/// `source` skips it), sometimes in another I/O error.
fn rustls_error<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut next = Some(err);
    while let Some(cause) = next {
        if let Some(tls) = cause.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        next = match cause
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
        {
            Some(inner) => Some(inner),
            None => cause.source(),
        };
    }
    None
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

    #[test]
    fn debug_of_a_request_event_hides_the_token_and_credential_headers() {
        let mut transport = Transport::new(
            &[
                ("Authorization".into(), "Bearer HeaderSecretValue".into()),
                ("X-Trace".into(), "visible".into()),
            ],
            "coder test",
            Duration::from_secs(1),
            None,
        )
        .unwrap();
        transport
            .set_token(Some(&Secret::new("SessionSecretValue")))
            .unwrap();
        let event = Event::Request {
            method: &Method::GET,
            url: "https://host/api/v2/users/me",
            headers: &transport.headers,
            proxy: None,
        };
        let shown = format!("{event:?}");
        assert!(!shown.contains("SessionSecretValue"), "{shown}");
        assert!(!shown.contains("HeaderSecretValue"), "{shown}");
        assert!(shown.contains("visible"), "{shown}");
    }

    #[test]
    fn a_redirect_not_followed_names_where_it_pointed_without_its_query_or_password() {
        let mut headers = HeaderMap::new();
        headers.insert(
            LOCATION,
            HeaderValue::from_static("https://bob:hunter2pw@sso.example.com/auth?state=s3cr3t#x"),
        );
        let request = RequestLine {
            method: "GET".into(),
            url: "https://coder.example.com/api/v2/users/me".into(),
            deployment: "https://coder.example.com".into(),
        };
        let from = Url::parse(&request.url).unwrap();
        let err = redirected(302, &headers, &from, request);
        let text = err.to_string();
        assert!(text.contains("https://…@sso.example.com/auth?…"), "{text}");
        for secret in ["s3cr3t", "bob", "hunter2pw"] {
            assert!(!text.contains(secret), "{text}");
        }
        headers.insert(LOCATION, HeaderValue::from_static("/login"));
        let request = RequestLine {
            method: "GET".into(),
            url: "https://coder.example.com/api/v2/users/me".into(),
            deployment: "https://coder.example.com".into(),
        };
        let from = Url::parse(&request.url).unwrap();
        let err = redirected(307, &headers, &from, request);
        assert!(
            err.to_string().contains("https://coder.example.com/login"),
            "{err}"
        );
    }

    #[test]
    fn headers_and_tokens_http_cannot_carry_are_named() {
        let bad_name = [("a b".to_string(), "v".to_string())];
        let err = Transport::new(&bad_name, "t", Duration::from_secs(1), None).err();
        assert!(matches!(err, Some(ApiError::HeaderName { name }) if name == "a b"));
        let bad_value = [("X-A".to_string(), "line\nbreak".to_string())];
        let err = Transport::new(&bad_value, "t", Duration::from_secs(1), None).err();
        assert!(matches!(err, Some(ApiError::HeaderValue { name }) if name == "X-A"));
        let mut transport = Transport::new(&[], "t", Duration::from_secs(1), None).unwrap();
        let err = transport.set_token(Some(&Secret::new("a\nb"))).unwrap_err();
        assert!(matches!(err, ApiError::Token));
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn gzip_is_undone_member_after_member_and_within_the_limit() {
        let body = [gzip(b"[{\"id\":"), gzip(b"\"a\"}]")].concat();
        assert_eq!(gunzip(&body, 100).unwrap(), b"[{\"id\":\"a\"}]");
        let large = gzip(&[b' '; 1000]);
        assert_eq!(gunzip(&large, 1000).unwrap().len(), 1000);
        let (kind, _) = gunzip(&large, 999).unwrap_err();
        assert_eq!(
            kind,
            TransportKind::TooLarge {
                limit: 999,
                decompressed: true
            }
        );
    }

    #[test]
    fn a_broken_gzip_stream_says_what_is_wrong() {
        let whole = gzip(b"hello, gzip");
        for cut in 1..whole.len() {
            let (kind, cause) = gunzip(&whole[..cut], 100).unwrap_err();
            assert_eq!(kind, TransportKind::Decompression, "cut at {cut}");
            assert!(cause.starts_with("the gzip stream is"), "{cause}");
        }
        let (_, cause) = gunzip(&whole[..whole.len() - 4], 100).unwrap_err();
        assert_eq!(cause, "the gzip stream is cut short");
        let (_, cause) = gunzip(b"{\"not\": \"gzip\"}", 100).unwrap_err();
        assert!(
            cause.starts_with("the gzip stream is unreadable"),
            "{cause}"
        );
    }
}
