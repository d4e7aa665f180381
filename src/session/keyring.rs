//! The OS keyring store, in the Go CLI's format: one item, service
//! `coder-v2-credentials`, holding JSON keyed by the deployment's lowercased
//! `host[:port]`. We also record the URL scheme, so that a token saved for
//! `https://host` is never handed to `http://host`; entries written by the Go CLI
//! carry no scheme and are treated as HTTPS-only.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Result;
use keyring_core::Entry;
use keyring_core::api::CredentialStore;
use serde::{Deserialize, Serialize};
use url::Url;

use super::TokenStore;
use crate::error::CliError;
use crate::secret::Secret;

pub const SERVICE: &str = "coder-v2-credentials";
pub const ACCOUNT: &str = "coder-login-credentials";

/// How long one keyring operation may take before we give up on it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Credential {
    coder_url: String,
    #[serde(serialize_with = "expose_secret")]
    api_token: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url_scheme: Option<String>,
}

type Credentials = BTreeMap<String, Credential>;

/// The keyring item is the one place the token is written out in full.
fn expose_secret<S: serde::Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}

type Modifiers = HashMap<&'static str, &'static str>;

pub struct KeyringStore {
    store: Arc<CredentialStore>,
    /// How the item is addressed in `store`: the platform's modifiers in the OS keyring,
    /// none in any other store (keyring-core's mock store refuses modifiers).
    modifiers: Option<Modifiers>,
    timeout: Duration,
}

fn fallback_hint() -> String {
    "unlock or start the keyring, or store the session in a file instead with \
     --use-keyring=false (CODER_USE_KEYRING=false)"
        .to_string()
}

fn keyring_error(what: &str, err: impl std::fmt::Display) -> anyhow::Error {
    CliError::failure(format!("the OS keyring failed to {what}: {err}"))
        .with_hint(fallback_hint())
        .into()
}

/// Runs `op` on a helper thread and gives up after `timeout`, so that a keyring that
/// never answers (a locked or absent Secret Service) cannot hang the command.
fn with_timeout<T: Send + 'static>(
    timeout: Duration,
    what: &str,
    op: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(op());
    });
    rx.recv_timeout(timeout).map_err(|_| {
        CliError::failure(format!(
            "the OS keyring did not answer within {}s while trying to {what}",
            timeout.as_secs_f64()
        ))
        .with_hint(fallback_hint())
        .into()
    })
}

/// How the OS keyring's item is addressed as the Go CLI addresses it. In the Windows
/// Credential Manager that is a generic credential whose target is the service name
/// alone, persisted on the local machine.
fn platform_modifiers() -> Option<Modifiers> {
    cfg!(target_os = "windows")
        .then(|| HashMap::from([("target", SERVICE), ("persistence", "Local")]))
}

/// The item in `store`.
fn entry(store: &CredentialStore, modifiers: Option<&Modifiers>) -> keyring_core::Result<Entry> {
    store.build(SERVICE, ACCOUNT, modifiers)
}

/// The key the Go CLI uses: lowercased `host[:port]`.
pub fn host_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

impl KeyringStore {
    /// Connects to the platform's keyring.
    pub fn open(timeout: Duration) -> Result<Self> {
        let store = with_timeout(timeout, "open", platform_store)??;
        Ok(KeyringStore {
            store,
            modifiers: platform_modifiers(),
            timeout,
        })
    }

    /// Uses a given credential store (keyring-core's mock store), which addresses the
    /// item by service and account alone.
    #[cfg(test)]
    fn with_store(store: Arc<CredentialStore>, timeout: Duration) -> Self {
        KeyringStore {
            store,
            modifiers: None,
            timeout,
        }
    }

    fn load(&self) -> Result<Credentials> {
        let (store, modifiers) = (self.store.clone(), self.modifiers.clone());
        let raw = with_timeout(self.timeout, "read the session", move || {
            entry(&*store, modifiers.as_ref()).and_then(|entry| entry.get_secret())
        })?;
        match raw {
            Ok(raw) => decode(&raw).ok_or_else(|| {
                CliError::failure(format!(
                    "the keyring item {SERVICE:?} does not hold valid credentials"
                ))
                .with_hint("log in again to replace it: coder login <url>")
                .into()
            }),
            Err(keyring_core::Error::NoEntry) => Ok(Credentials::new()),
            Err(err) => Err(keyring_error("read the session", err)),
        }
    }

    fn save(&self, credentials: Credentials) -> Result<()> {
        let (store, modifiers) = (self.store.clone(), self.modifiers.clone());
        let result = with_timeout(self.timeout, "save the session", move || {
            let entry = entry(&*store, modifiers.as_ref())?;
            if credentials.is_empty() {
                match entry.delete_credential() {
                    Err(keyring_core::Error::NoEntry) => Ok(()),
                    other => other,
                }
            } else {
                entry.set_secret(encode(&credentials).as_bytes())
            }
        })?;
        result.map_err(|err| keyring_error("save the session", err))
    }
}

impl TokenStore for KeyringStore {
    fn read(&self, url: &Url) -> Result<Option<Secret>> {
        self.get(url)
    }

    /// The keyring answers (unlocked, reachable); it writes no config file.
    fn check(&self, _files: &mut Vec<&'static str>) -> Result<()> {
        self.load().map(drop)
    }

    fn save(
        &self,
        url: &Url,
        token: &Secret,
        _files: &mut Vec<(&'static str, String)>,
    ) -> Result<()> {
        self.write(url, token)
    }

    fn forget(&self, url: &Url, _files: &mut Vec<&'static str>) -> Result<()> {
        self.delete(url).map(drop)
    }
}

impl KeyringStore {
    fn get(&self, url: &Url) -> Result<Option<Secret>> {
        let credentials = self.load()?;
        Ok(credentials
            .get(&host_key(url))
            .filter(|c| c.url_scheme.as_deref().unwrap_or("https") == url.scheme())
            .filter(|c| !c.api_token.is_empty())
            .map(|c| c.api_token.clone()))
    }

    pub fn write(&self, url: &Url, token: &Secret) -> Result<()> {
        let mut credentials = self.load()?;
        let key = host_key(url);
        credentials.insert(
            key.clone(),
            Credential {
                coder_url: key,
                api_token: token.clone(),
                url_scheme: Some(url.scheme().to_string()),
            },
        );
        self.save(credentials)
    }

    /// Forgets the token; `Ok(false)` when there was none.
    pub fn delete(&self, url: &Url) -> Result<bool> {
        let mut credentials = self.load()?;
        let removed = credentials.remove(&host_key(url)).is_some();
        if removed {
            self.save(credentials)?;
        }
        Ok(removed)
    }
}

/// macOS stores base64 of the JSON (as the Go CLI's `security` calls do); others raw JSON.
#[cfg(target_os = "macos")]
fn encode(credentials: &Credentials) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .encode(serde_json::to_vec(credentials).expect("plain data serializes"))
}

#[cfg(not(target_os = "macos"))]
fn encode(credentials: &Credentials) -> String {
    serde_json::to_string(credentials).expect("plain data serializes")
}

/// The item's bytes are UTF-8 JSON (raw, as the Go CLI writes them on Windows) or, on
/// macOS, its base64.
fn decode(raw: &[u8]) -> Option<Credentials> {
    if let Ok(credentials) = serde_json::from_slice(raw) {
        return Some(credentials);
    }
    decode_base64(raw)
}

#[cfg(target_os = "macos")]
fn decode_base64(raw: &[u8]) -> Option<Credentials> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(raw.trim_ascii())
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(not(target_os = "macos"))]
fn decode_base64(_raw: &[u8]) -> Option<Credentials> {
    None
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<Arc<CredentialStore>> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(|err| {
            CliError::failure(format!("no Secret Service keyring is available: {err}"))
                .with_hint(fallback_hint())
                .into()
        })
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<Arc<CredentialStore>> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(|err| keyring_error("open the login keychain", err))
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<Arc<CredentialStore>> {
    windows_native_keyring_store::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(|err| keyring_error("open the Credential Manager", err))
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> Result<Arc<CredentialStore>> {
    Err(
        CliError::failure("keyring storage is not supported on this operating system")
            .with_hint("omit --use-keyring to use file-based storage")
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::Instant;

    use keyring_core::api::CredentialStoreApi;
    use keyring_core::{Entry, Error};

    use super::*;

    fn mock() -> KeyringStore {
        let store: Arc<CredentialStore> = keyring_core::mock::Store::new().unwrap();
        KeyringStore::with_store(store, DEFAULT_TIMEOUT)
    }

    /// Makes the mock's next call on our item fail with `err`.
    fn fail_next(store: &KeyringStore, err: Error) {
        let entry = store.store.build(SERVICE, ACCOUNT, None).unwrap();
        let cred: &keyring_core::mock::Cred = entry.as_any().downcast_ref().unwrap();
        cred.set_error(err);
    }

    fn locked() -> Error {
        Error::NoStorageAccess("the collection is locked".into())
    }

    /// The message and hint of a failed keyring operation.
    fn explain(err: anyhow::Error) -> (String, String) {
        let cli = err.downcast::<CliError>().expect("a CliError");
        (cli.message, cli.hint.unwrap_or_default())
    }

    /// A keyring that takes `delay` to answer anything, like a Secret Service that
    /// waits for an unlock prompt nobody sees.
    struct SlowStore(Duration);

    impl CredentialStoreApi for SlowStore {
        fn vendor(&self) -> String {
            "slow test store".into()
        }

        fn id(&self) -> String {
            "slow".into()
        }

        fn build(
            &self,
            _service: &str,
            _user: &str,
            _modifiers: Option<&HashMap<&str, &str>>,
        ) -> keyring_core::Result<Entry> {
            std::thread::sleep(self.0);
            Err(Error::NoStorageAccess("woke up too late".into()))
        }

        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    #[test]
    fn a_round_trip_keeps_other_deployments_and_schemes_apart() {
        let store = mock();
        let a = url("https://a.example.com");
        let b = url("http://b.example.com:3000");
        store.write(&a, &Secret::new("token-a")).unwrap();
        store.write(&b, &Secret::new("token-b")).unwrap();
        assert_eq!(store.read(&a).unwrap().unwrap().expose(), "token-a");
        assert_eq!(store.read(&b).unwrap().unwrap().expose(), "token-b");
        // A token saved for https is never handed to plain http.
        assert!(store.read(&url("http://a.example.com")).unwrap().is_none());
        assert!(store.delete(&a).unwrap());
        assert!(!store.delete(&a).unwrap());
        assert_eq!(store.read(&b).unwrap().unwrap().expose(), "token-b");
        assert!(store.delete(&b).unwrap());
        // The last one out removes the item itself.
        let entry = store.store.build(SERVICE, ACCOUNT, None).unwrap();
        assert!(matches!(entry.get_password(), Err(Error::NoEntry)));
    }

    #[test]
    fn a_locked_keyring_names_the_file_fallback() {
        let store = mock();
        let a = url("https://a.example.com");
        store.write(&a, &Secret::new("token-a")).unwrap();
        fail_next(&store, locked());
        let (message, hint) = explain(store.read(&a).unwrap_err());
        assert!(message.contains("read the session"), "{message}");
        assert!(message.contains("locked"), "{message}");
        assert!(hint.contains("--use-keyring=false"), "{hint}");
    }

    #[test]
    fn a_failed_write_leaves_the_stored_session_as_it_was() {
        let store = mock();
        let a = url("https://a.example.com");
        store.write(&a, &Secret::new("token-a")).unwrap();
        fail_next(
            &store,
            Error::PlatformFailure("the keyring daemon went away".into()),
        );
        let (message, hint) = explain(store.write(&a, &Secret::new("token-new")).unwrap_err());
        assert!(message.contains("went away"), "{message}");
        assert!(hint.contains("--use-keyring=false"), "{hint}");
        assert_eq!(store.read(&a).unwrap().unwrap().expose(), "token-a");
        fail_next(&store, locked());
        assert!(store.delete(&a).is_err());
        assert_eq!(store.read(&a).unwrap().unwrap().expose(), "token-a");
    }

    #[test]
    fn a_slow_keyring_ends_at_the_timeout_with_the_fix() {
        let store = KeyringStore::with_store(
            Arc::new(SlowStore(Duration::from_secs(3))),
            Duration::from_millis(200),
        );
        let started = Instant::now();
        let err = store.read(&url("https://a.example.com")).unwrap_err();
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
        let (message, hint) = explain(err);
        assert_eq!(
            message,
            "the OS keyring did not answer within 0.2s while trying to read the session"
        );
        assert!(hint.contains("--use-keyring=false"), "{hint}");
        let started = Instant::now();
        assert!(
            store
                .write(&url("https://a.example.com"), &Secret::new("t"))
                .is_err()
        );
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_garbled_item_says_to_log_in_again() {
        let store = mock();
        let entry = store.store.build(SERVICE, ACCOUNT, None).unwrap();
        entry.set_password("not json {").unwrap();
        let (message, hint) = explain(store.read(&url("https://a.example.com")).unwrap_err());
        assert!(
            message.contains("does not hold valid credentials"),
            "{message}"
        );
        assert!(hint.contains("coder login"), "{hint}");
        assert!(!message.contains("not json"), "{message}");
    }

    #[test]
    fn debug_of_a_credential_hides_the_token() {
        let credential = Credential {
            coder_url: "a.example.com".into(),
            api_token: Secret::new("SuperSecretToken"),
            url_scheme: Some("https".into()),
        };
        let shown = format!("{credential:?}");
        assert!(!shown.contains("SuperSecretToken"), "{shown}");
        // Only the keyring item itself holds the token in full.
        let item = encode(&BTreeMap::from([("a".to_string(), credential)]));
        assert_eq!(
            decode(item.as_bytes()).unwrap()["a"].api_token.expose(),
            "SuperSecretToken"
        );
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    /// The real Credential Manager item is the Go CLI's generic credential. Building an
    /// entry neither reads nor writes the store.
    #[cfg(target_os = "windows")]
    #[test]
    fn the_credential_manager_item_is_the_go_clis() {
        let store = windows_native_keyring_store::Store::new().unwrap();
        let entry = entry(&*store, platform_modifiers().as_ref()).unwrap();
        let shown = format!("{entry:?}");
        assert!(
            shown.contains(r#"target_name: "coder-v2-credentials""#),
            "{shown}"
        );
        assert!(shown.contains("persistence: Local"), "{shown}");
    }

    #[test]
    fn entries_are_keyed_by_lowercased_host_and_port() {
        assert_eq!(
            host_key(&url("https://Coder.Example.com/x")),
            "coder.example.com"
        );
        assert_eq!(host_key(&url("http://127.0.0.1:3000")), "127.0.0.1:3000");
    }

    #[test]
    fn go_written_items_are_read_for_https_only() {
        let raw = r#"{"coder.example.com":{"coder_url":"coder.example.com","api_token":"tok"}}"#;
        let creds = decode(raw.as_bytes()).unwrap();
        assert_eq!(creds["coder.example.com"].api_token.expose(), "tok");
        assert!(creds["coder.example.com"].url_scheme.is_none());
        // And what we write still has the Go CLI's two fields.
        let text = encode(&creds);
        assert!(
            text.contains("\"coder_url\":\"coder.example.com\""),
            "{text}"
        );
    }
}
