//! Routing and handlers for the Coder API subset the sandbox serves.

use hyper::{Method, StatusCode};
use percent_encoding::percent_decode_str;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::catalog;
use crate::store::{
    API_SESSION_LIFETIME, AllowTarget, Caller, DEFAULT_TOKEN_LIFETIME, Key, LoginType, Store,
};

/// The parts of an HTTP request the handlers look at.
pub(crate) struct Request<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub token: Option<&'a str>,
    pub body: &'a [u8],
}

/// A status and, unless the status is 204, a body (JSON, from the API).
pub(crate) struct Reply {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub body: Option<Vec<u8>>,
}

impl Reply {
    fn json(status: StatusCode, value: &impl Serialize) -> Reply {
        let mut body = serde_json::to_vec(value).expect("API values serialize");
        body.push(b'\n');
        Reply {
            status,
            content_type: "application/json",
            body: Some(body),
        }
    }

    fn message(status: StatusCode, message: &str) -> Reply {
        Reply::json(status, &json!({ "message": message }))
    }

    fn no_content() -> Reply {
        Reply {
            status: StatusCode::NO_CONTENT,
            content_type: "application/json",
            body: None,
        }
    }
}

/// A `codersdk.Response` error body with its status.
#[derive(Serialize)]
struct ApiError {
    #[serde(skip)]
    status: StatusCode,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    validations: Vec<Validation>,
}

/// A `codersdk.ValidationError`.
#[derive(Serialize)]
struct Validation {
    field: &'static str,
    detail: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            detail: None,
            validations: Vec::new(),
        }
    }

    fn with_detail(mut self, detail: impl Into<String>) -> ApiError {
        self.detail = Some(detail.into());
        self
    }

    fn with_validation(mut self, field: &'static str, detail: impl Into<String>) -> ApiError {
        self.validations.push(Validation {
            field,
            detail: detail.into(),
        });
        self
    }

    fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "Resource not found or you do not have access to this resource",
        )
    }
}

enum Route<'a> {
    BuildInfo,
    FirstUser,
    Authenticated(Endpoint<'a>),
}

/// Endpoints that need a session token. A first field is the `{user}` path parameter.
enum Endpoint<'a> {
    Logout,
    User(&'a str),
    CreateSessionKey(&'a str),
    ListTokens(&'a str),
    CreateToken(&'a str),
    TokenConfig(&'a str),
    TokenByName(&'a str, &'a str),
    GetKey(&'a str, &'a str),
    DeleteKey(&'a str, &'a str),
    ExpireKey(&'a str, &'a str),
}

/// Answers one request. Never fails: errors become `codersdk.Response` bodies.
pub(crate) fn handle(store: &mut Store, req: &Request) -> Reply {
    respond(store, req).unwrap_or_else(|e| Reply::json(e.status, &e))
}

fn respond(store: &mut Store, req: &Request) -> Result<Reply, ApiError> {
    let segments = segments(req.path).ok_or_else(route_not_found)?;
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let endpoint = match route(&segments, req.method) {
        Some(Route::BuildInfo) => return Ok(build_info(store)),
        Some(Route::FirstUser) => {
            return Ok(Reply::message(
                StatusCode::OK,
                "The initial user has already been created.",
            ));
        }
        Some(Route::Authenticated(endpoint)) => endpoint,
        None => {
            let methods = [Method::GET, Method::POST, Method::PUT, Method::DELETE];
            return Err(if methods.iter().any(|m| route(&segments, m).is_some()) {
                ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed.")
            } else {
                route_not_found()
            });
        }
    };

    let now = OffsetDateTime::now_utc();
    let caller = req
        .token
        .filter(|t| !t.is_empty())
        .and_then(|token| store.authenticate(token, now))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "You are signed out or your session has expired. Please sign in again to continue.",
            )
        })?;

    match endpoint {
        Endpoint::Logout => {
            store.keys.shift_remove(&caller.key_id);
            Ok(Reply::message(StatusCode::OK, "You've been logged out!"))
        }
        Endpoint::User(user) => {
            let user = target_user(store, &caller, user)?;
            Ok(Reply::json(StatusCode::OK, &store.users[user]))
        }
        Endpoint::CreateSessionKey(user) => {
            let user = target_user(store, &caller, user)?;
            let key = Key::session(&store.users[user].id, now, API_SESSION_LIFETIME);
            Ok(generated(store.insert(key)))
        }
        Endpoint::ListTokens(user) => {
            list_tokens(store, &caller, user, req.query.unwrap_or(""), now)
        }
        Endpoint::CreateToken(user) => create_token(store, &caller, user, req.body, now),
        Endpoint::TokenConfig(user) => {
            let max = store.users[target_user(store, &caller, user)?].max_token_lifetime();
            Ok(Reply::json(
                StatusCode::OK,
                &json!({ "max_token_lifetime": max.whole_nanoseconds() as i64 }),
            ))
        }
        Endpoint::TokenByName(user, name) => {
            let user = &store.users[target_user(store, &caller, user)?];
            let key = store
                .token_by_name(&user.id, name)
                .ok_or_else(ApiError::not_found)?;
            Ok(Reply::json(StatusCode::OK, key))
        }
        Endpoint::GetKey(user, id) => Ok(Reply::json(
            StatusCode::OK,
            key_by_id(store, &caller, user, id)?,
        )),
        Endpoint::DeleteKey(user, id) => {
            key_by_id(store, &caller, user, id)?;
            store.keys.shift_remove(id);
            Ok(Reply::no_content())
        }
        Endpoint::ExpireKey(user, id) => {
            let key = key_by_id(store, &caller, user, id)?;
            key.expires_at = now;
            key.updated_at = now;
            Ok(Reply::no_content())
        }
    }
}

/// The percent-decoded segments of an `/api/v2/...` path, or `None` for any other path
/// or one with an empty segment.
fn segments(path: &str) -> Option<Vec<String>> {
    path.strip_prefix("/api/v2/")?
        .split('/')
        .map(|s| (!s.is_empty()).then(|| percent_decode_str(s).decode_utf8_lossy().into_owned()))
        .collect()
}

fn route<'a>(segments: &[&'a str], method: &Method) -> Option<Route<'a>> {
    use Endpoint::*;
    let endpoint = match (segments, method.as_str()) {
        (["buildinfo"], "GET") => return Some(Route::BuildInfo),
        (["users", "first"], "GET") => return Some(Route::FirstUser),
        (["users", "logout"], "POST") => Logout,
        (["users", user], "GET") => User(user),
        (["users", user, "keys"], "POST") => CreateSessionKey(user),
        (["users", user, "keys", "tokens"], "GET") => ListTokens(user),
        (["users", user, "keys", "tokens"], "POST") => CreateToken(user),
        (["users", user, "keys", "tokens", "tokenconfig"], "GET") => TokenConfig(user),
        (["users", user, "keys", "tokens", name], "GET") => TokenByName(user, name),
        (["users", user, "keys", id], "GET") => GetKey(user, id),
        (["users", user, "keys", id], "DELETE") => DeleteKey(user, id),
        (["users", user, "keys", id, "expire"], "PUT") => ExpireKey(user, id),
        _ => return None,
    };
    Some(Route::Authenticated(endpoint))
}

fn route_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "Route not found.")
}

fn build_info(store: &Store) -> Reply {
    Reply::json(
        StatusCode::OK,
        &json!({
            "agent_api_version": "2.6",
            "dashboard_url": store.dashboard_url,
            "deployment_id": "56694f40-9ad0-4151-80fa-42d636d86f46",
            "external_url": "https://github.com/coder/coder",
            "provisioner_api_version": "1.11",
            "telemetry": false,
            "upgrade_message": "",
            "version": crate::BUILD_VERSION,
            "webpush_public_key": "",
            "workspace_proxy": false,
        }),
    )
}

fn generated(key: String) -> Reply {
    Reply::json(StatusCode::CREATED, &json!({ "key": key }))
}

/// Resolves `{user}` (`me`, a username or an id). Members may only address themselves;
/// anything else is reported as not found, as Coder does.
fn target_user(store: &Store, caller: &Caller, user: &str) -> Result<usize, ApiError> {
    let index = if user == "me" {
        Some(caller.user)
    } else {
        store.find_user(user)
    };
    index
        .filter(|&i| i == caller.user || store.users[caller.user].is_owner())
        .ok_or_else(ApiError::not_found)
}

/// A key by id. As in Coder, `{user}` must resolve but need not own the key: owners may
/// reach every key, members only their own.
fn key_by_id<'s>(
    store: &'s mut Store,
    caller: &Caller,
    user: &str,
    id: &str,
) -> Result<&'s mut Key, ApiError> {
    target_user(store, caller, user)?;
    let caller = &store.users[caller.user];
    store
        .keys
        .get_mut(id)
        .filter(|k| caller.is_owner() || k.user_id == caller.id)
        .ok_or_else(ApiError::not_found)
}

/// `codersdk.APIKeyWithOwner`, the element type of the token list.
#[derive(Serialize)]
struct KeyWithOwner<'a> {
    #[serde(flatten)]
    key: &'a Key,
    username: &'a str,
}

fn list_tokens(
    store: &Store,
    caller: &Caller,
    user: &str,
    query: &str,
    now: OffsetDateTime,
) -> Result<Reply, ApiError> {
    let user_id = &store.users[target_user(store, caller, user)?].id;
    let everyone = query_flag(query, "include_all")? && store.users[caller.user].is_owner();
    let include_expired = query_flag(query, "include_expired")?;
    let tokens: Vec<KeyWithOwner> = store
        .keys
        .values()
        .filter(|k| k.login_type == LoginType::Token && (everyone || k.user_id == *user_id))
        .filter(|k| include_expired || k.expires_at > now)
        .map(|key| KeyWithOwner {
            key,
            username: store.username(&key.user_id),
        })
        .collect();
    Ok(Reply::json(StatusCode::OK, &tokens))
}

/// A boolean query parameter, parsed like Go's `strconv.ParseBool`; absent or empty is false.
fn query_flag(query: &str, name: &'static str) -> Result<bool, ApiError> {
    let value = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v);
    match value.as_deref().unwrap_or("") {
        "" | "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        other => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "Query parameters have invalid values.",
        )
        .with_validation(
            name,
            format!("Query param {name:?} must be a valid boolean: {other:?}"),
        )),
    }
}

/// `codersdk.CreateTokenRequest`.
#[derive(Deserialize)]
struct CreateTokenRequest {
    #[serde(default)]
    lifetime: i64,
    scope: Option<String>,
    scopes: Option<Vec<String>>,
    token_name: Option<String>,
    allow_list: Option<Vec<AllowTarget>>,
}

fn create_token(
    store: &mut Store,
    caller: &Caller,
    user: &str,
    body: &[u8],
    now: OffsetDateTime,
) -> Result<Reply, ApiError> {
    let user = &store.users[target_user(store, caller, user)?];
    let request: CreateTokenRequest = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(StatusCode::BAD_REQUEST, "Request body must be valid JSON.")
            .with_detail(e.to_string())
    })?;
    let create_failed = |detail: String| {
        ApiError::new(StatusCode::BAD_REQUEST, "Failed to create API key.").with_detail(detail)
    };

    let scopes = match (request.scopes.unwrap_or_default(), request.scope) {
        (scopes, _) if !scopes.is_empty() => scopes,
        (_, Some(legacy)) if !legacy.is_empty() => vec![legacy],
        _ => vec!["coder:all".into()],
    };
    if let Some(bad) = scopes.iter().find(|s| !catalog::is_scope(s)) {
        return Err(create_failed(format!(
            "invalid or unsupported API key scope: {bad:?}"
        )));
    }

    let allow_list = request
        .allow_list
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec![AllowTarget::unrestricted()]);
    for target in &allow_list {
        if !catalog::is_rbac_resource(&target.kind) {
            return Err(create_failed(format!(
                "unknown resource type {:?}",
                target.kind
            )));
        }
        if target.id != "*" && !is_uuid(&target.id) {
            return Err(create_failed(format!(
                "invalid {} ID (must be UUID): {:?}",
                target.kind, target.id
            )));
        }
    }

    let invalid_lifetime = |detail: String| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "Failed to validate create API key request.",
        )
        .with_detail(detail)
    };
    let lifetime = match request.lifetime {
        0 => DEFAULT_TOKEN_LIFETIME,
        n if n < 0 => {
            return Err(invalid_lifetime(
                "lifetime must be positive number greater than 0".into(),
            ));
        }
        n => Duration::nanoseconds(n),
    };
    let max = user.max_token_lifetime();
    if lifetime > max {
        // Maximum lifetimes are whole hours, which Go prints as e.g. `168h0m0s`.
        return Err(invalid_lifetime(format!(
            "lifetime must be less than {}h0m0s",
            max.whole_hours()
        )));
    }

    let name = match request.token_name.filter(|n| !n.is_empty()) {
        Some(name) if store.token_by_name(&user.id, &name).is_some() => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                format!("A token with name {name:?} already exists."),
            )
            .with_validation("name", "This value is already in use and should be unique."));
        }
        Some(name) => name,
        None => {
            let base = catalog::random_name();
            std::iter::once(base.clone())
                .chain((2..).map(|i| format!("{base}{i}")))
                .find(|n| store.token_by_name(&user.id, n).is_none())
                .expect("an unbounded candidate list has a free name")
        }
    };

    let key = Key::new(&user.id, LoginType::Token, name, now, lifetime)
        .with_scopes(scopes)
        .with_allow_list(allow_list);
    Ok(generated(store.insert(key)))
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}
