//! Which proxy a request goes through, read from the environment exactly as Go's
//! `net/http.ProxyFromEnvironment` reads it (golang.org/x/net/http/httpproxy), so that
//! this client and the Go CLI go the same way:
//!
//! - `HTTPS_PROXY` for `https://` URLs, `HTTP_PROXY` for `http://` URLs (no fallback
//!   between them), each upper case first, an empty value falling through to the lower
//!   case one; `ALL_PROXY` is not read.
//! - A proxy without a scheme (`proxy:3128`) is `http://`; a value that does not parse
//!   even so is ignored, as Go ignores it.
//! - Never for `localhost` or a loopback address (127.0.0.0/8, ::1).
//! - `NO_PROXY` (then `no_proxy`): comma-separated, each entry trimmed and lower-cased;
//!   `*` anywhere means no proxy at all; `host` matches the host and its subdomains,
//!   `.host` and `*.host` only subdomains; `host:port` only that port (a URL without a
//!   port has its scheme's); IP addresses (optionally `ip:port`, `[v6]:port`) and CIDR
//!   ranges match only URLs whose host is an IP address, never a name.
//! - When `REQUEST_METHOD` is set (a CGI program), `HTTP_PROXY` is refused for `http://`
//!   URLs: a client can set that variable through a `Proxy:` header ("httpoxy").

use std::fmt;
use std::net::IpAddr;

use url::{Host, Url};

use crate::env;

/// A proxy named by the environment, and the variable that named it.
#[derive(Clone, PartialEq, Eq)]
pub struct Proxy {
    /// With its credentials, if it has any: never shown.
    pub url: Url,
    pub variable: &'static str,
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.shown(), self.variable)
    }
}

impl Proxy {
    /// The proxy's address for messages: scheme, host and port, never its credentials.
    pub fn shown(&self) -> String {
        let host = match self.url.host() {
            Some(Host::Ipv6(ip)) => format!("[{ip}]"),
            Some(host) => host.to_string(),
            None => String::new(),
        };
        match self.url.port_or_known_default() {
            Some(port) => format!("{}://{host}:{port}", self.url.scheme()),
            None => format!("{}://{host}", self.url.scheme()),
        }
    }

    /// Whether this client can talk to the proxy (an `http://` or `https://` one; Go
    /// also speaks SOCKS5).
    pub fn is_supported(&self) -> bool {
        matches!(self.url.scheme(), "http" | "https")
    }
}

/// Why a request may not go out at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `REQUEST_METHOD` is set and `HTTP_PROXY` (this variable) would carry an
    /// `http://` request.
    Cgi(&'static str),
}

/// The proxy settings of the environment.
#[derive(Debug, Clone, Default)]
pub struct Proxies {
    http: Option<Proxy>,
    https: Option<Proxy>,
    no_proxy: NoProxy,
    cgi: bool,
}

impl Proxies {
    /// The settings in this process's environment.
    pub fn from_env() -> Proxies {
        Proxies::from_lookup(|name| env::var(name))
    }

    /// The settings in an environment that `get` reads.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Proxies {
        let first = |names: [&'static str; 2]| {
            names
                .into_iter()
                .find_map(|name| get(name).filter(|v| !v.is_empty()).map(|v| (name, v)))
        };
        let proxy = |names| {
            let (variable, value) = first(names)?;
            Some(Proxy {
                url: parse_proxy(&value)?,
                variable,
            })
        };
        Proxies {
            http: proxy(["HTTP_PROXY", "http_proxy"]),
            https: proxy(["HTTPS_PROXY", "https_proxy"]),
            no_proxy: first(["NO_PROXY", "no_proxy"])
                .map(|(_, value)| NoProxy::parse(&value))
                .unwrap_or_default(),
            cgi: get("REQUEST_METHOD").is_some_and(|v| !v.is_empty()),
        }
    }

    /// The proxy a request to `url` goes through; `None`: straight to the server.
    pub fn for_url(&self, url: &Url) -> Result<Option<&Proxy>, Refusal> {
        let proxy = match url.scheme() {
            "https" => self.https.as_ref(),
            "http" => match &self.http {
                Some(proxy) if self.cgi => return Err(Refusal::Cgi(proxy.variable)),
                proxy => proxy.as_ref(),
            },
            _ => None,
        };
        let Some(proxy) = proxy else {
            return Ok(None);
        };
        let port = url.port_or_known_default().unwrap_or(0).to_string();
        let direct = match url.host() {
            None => false,
            Some(Host::Domain(name)) => name == "localhost" || self.no_proxy.has_name(name, &port),
            Some(Host::Ipv4(ip)) => self.no_proxy.is_direct_ip(IpAddr::V4(ip), &port),
            Some(Host::Ipv6(ip)) => self.no_proxy.is_direct_ip(IpAddr::V6(ip), &port),
        };
        Ok((!direct).then_some(proxy))
    }
}

/// Go's `parseProxy`: a value without a scheme and host is tried once more with
/// `http://` in front; `None` when it is no URL even so.
fn parse_proxy(value: &str) -> Option<Url> {
    match Url::parse(value) {
        Ok(url) if url.has_host() && !url.host_str().unwrap_or_default().is_empty() => Some(url),
        parsed => Url::parse(&format!("http://{value}"))
            .ok()
            .or_else(|| parsed.ok()),
    }
}

/// The entries of `NO_PROXY`.
#[derive(Debug, Clone, Default)]
struct NoProxy {
    /// `*`: nothing goes through a proxy.
    all: bool,
    ips: Vec<IpEntry>,
    domains: Vec<DomainEntry>,
}

#[derive(Debug, Clone)]
enum IpEntry {
    /// An address, and the port it applies to (empty: any).
    Address(IpAddr, String),
    /// A CIDR range (any port).
    Range(IpAddr, u8),
}

#[derive(Debug, Clone)]
struct DomainEntry {
    /// Starts with `.`.
    suffix: String,
    /// Empty: any port.
    port: String,
    /// Whether the name itself matches too (the entry had no leading `.` or `*.`).
    exact: bool,
}

impl NoProxy {
    fn parse(value: &str) -> NoProxy {
        let mut no_proxy = NoProxy::default();
        for entry in value.split(',') {
            let entry = entry.trim().to_lowercase();
            if entry.is_empty() {
                continue;
            }
            if entry == "*" {
                return NoProxy {
                    all: true,
                    ..NoProxy::default()
                };
            }
            no_proxy.add(&entry);
        }
        no_proxy
    }

    fn add(&mut self, entry: &str) {
        if let Some(range) = parse_cidr(entry) {
            self.ips.push(range);
            return;
        }
        let (host, port) = match split_host_port(entry) {
            Some(("", _)) => return,
            Some((host, port)) => (host, port),
            None => (entry, ""),
        };
        if let Ok(ip) = host.parse::<IpAddr>() {
            self.ips
                .push(IpEntry::Address(ip.to_canonical(), port.to_string()));
            return;
        }
        if host.is_empty() {
            return;
        }
        // `*.example.com` is `.example.com`.
        let host = if host.starts_with("*.") {
            &host[1..]
        } else {
            host
        };
        let (suffix, exact) = if host.starts_with('.') {
            (host.to_string(), false)
        } else {
            (format!(".{host}"), true)
        };
        self.domains.push(DomainEntry {
            suffix: ascii_domain(&suffix),
            port: port.to_string(),
            exact,
        });
    }

    fn has_name(&self, name: &str, port: &str) -> bool {
        let name = name.trim();
        self.all
            || self.domains.iter().any(|entry| {
                let matches =
                    name.ends_with(&entry.suffix) || (entry.exact && name == &entry.suffix[1..]);
                matches && (entry.port.is_empty() || entry.port == port)
            })
    }

    fn is_direct_ip(&self, ip: IpAddr, port: &str) -> bool {
        let ip = ip.to_canonical();
        ip.is_loopback()
            || self.all
            || self.ips.iter().any(|entry| match entry {
                IpEntry::Address(address, only) => {
                    *address == ip && (only.is_empty() || only == port)
                }
                IpEntry::Range(network, bits) => in_range(ip, *network, *bits),
            })
    }
}

/// Go's `net.ParseCIDR`: `address/bits`.
fn parse_cidr(entry: &str) -> Option<IpEntry> {
    let (address, bits) = entry.split_once('/')?;
    let address: IpAddr = address.parse().ok()?;
    if bits.is_empty() || !bits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let bits: u8 = bits.parse().ok()?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    (bits <= max).then_some(IpEntry::Range(address, bits))
}

fn in_range(ip: IpAddr, network: IpAddr, bits: u8) -> bool {
    let masked = |value: u128, width: u32| {
        let shift = width - u32::from(bits);
        if shift >= 128 { 0 } else { value >> shift }
    };
    match (ip, network.to_canonical()) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            masked(u32::from(ip).into(), 32) == masked(u32::from(net).into(), 32)
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            masked(u128::from(ip), 128) == masked(u128::from(net), 128)
        }
        _ => false,
    }
}

/// Go's `net.SplitHostPort`: `host:port` or `[host]:port`; `None` without a port.
fn split_host_port(text: &str) -> Option<(&str, &str)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let port = after.strip_prefix(':')?;
        return (!host.contains('[') && !port.contains([']', '['])).then_some((host, port));
    }
    let (host, port) = text.rsplit_once(':')?;
    (!host.contains(':') && !host.contains(['[', ']'])).then_some((host, port))
}

/// A `.suffix` in the ASCII form URLs carry hosts in (IDNA); as it is when it has none.
fn ascii_domain(suffix: &str) -> String {
    if suffix.is_ascii() {
        return suffix.to_string();
    }
    match Host::parse(&suffix[1..]) {
        Ok(Host::Domain(ascii)) => format!(".{ascii}"),
        _ => suffix.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(vars: &[(&str, &str)]) -> Proxies {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Proxies::from_lookup(|name| {
            vars.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        })
    }

    /// The proxy (as shown) and its variable for `url`, or `direct`.
    fn route(proxies: &Proxies, url: &str) -> String {
        match proxies.for_url(&Url::parse(url).unwrap()) {
            Ok(Some(proxy)) => format!("{} {}", proxy.shown(), proxy.variable),
            Ok(None) => "direct".into(),
            Err(refusal) => format!("{refusal:?}"),
        }
    }

    #[test]
    fn each_scheme_has_its_own_variable_upper_case_first_and_empty_falls_through() {
        let p = proxies(&[
            ("HTTP_PROXY", "http://hp:1"),
            ("HTTPS_PROXY", "http://sp:2"),
        ]);
        assert_eq!(
            route(&p, "http://coder.example.com"),
            "http://hp:1 HTTP_PROXY"
        );
        assert_eq!(
            route(&p, "https://coder.example.com"),
            "http://sp:2 HTTPS_PROXY"
        );
        // No fallback from one scheme's variable to the other's.
        let p = proxies(&[("HTTP_PROXY", "http://hp:1")]);
        assert_eq!(route(&p, "https://coder.example.com"), "direct");
        let p = proxies(&[("HTTPS_PROXY", "http://sp:2")]);
        assert_eq!(route(&p, "http://coder.example.com"), "direct");
        // Upper case wins; an empty upper-case value falls through to the lower case.
        let p = proxies(&[
            ("HTTPS_PROXY", "http://upper:1"),
            ("https_proxy", "http://lower:2"),
        ]);
        assert_eq!(route(&p, "https://c.example"), "http://upper:1 HTTPS_PROXY");
        let p = proxies(&[("HTTPS_PROXY", ""), ("https_proxy", "http://lower:2")]);
        assert_eq!(route(&p, "https://c.example"), "http://lower:2 https_proxy");
        let p = proxies(&[("http_proxy", "http://lower:3")]);
        assert_eq!(route(&p, "http://c.example"), "http://lower:3 http_proxy");
        // ALL_PROXY is not read, whatever its scheme.
        let p = proxies(&[
            ("ALL_PROXY", "socks5://s:1080"),
            ("all_proxy", "http://a:1"),
        ]);
        assert_eq!(route(&p, "https://c.example"), "direct");
        assert_eq!(route(&p, "http://c.example"), "direct");
        assert_eq!(route(&proxies(&[]), "https://c.example"), "direct");
    }

    #[test]
    fn a_proxy_without_a_scheme_is_http_and_shows_no_credentials() {
        for (value, shown) in [
            ("proxy:3128", "http://proxy:3128"),
            ("proxy.corp:3128", "http://proxy.corp:3128"),
            ("10.0.0.1:3128", "http://10.0.0.1:3128"),
            ("proxy", "http://proxy:80"),
            ("user:pw@proxy:3128", "http://proxy:3128"),
            ("http://user:s3cret@proxy:8080", "http://proxy:8080"),
            ("https://proxy", "https://proxy:443"),
            ("socks5://s:1080", "socks5://s:1080"),
            ("[::1]:3128", "http://[::1]:3128"),
        ] {
            let p = proxies(&[("HTTPS_PROXY", value)]);
            let proxy = p.for_url(&Url::parse("https://c.example").unwrap());
            let proxy = proxy.unwrap().unwrap_or_else(|| panic!("{value}"));
            assert_eq!(proxy.shown(), shown, "{value}");
        }
        let p = proxies(&[("HTTPS_PROXY", "user:pw@proxy:3128")]);
        let proxy = p.https.as_ref().unwrap();
        assert_eq!(
            (proxy.url.username(), proxy.url.password()),
            ("user", Some("pw"))
        );
        let debug = format!("{p:?}");
        assert!(
            debug.contains("http://proxy:3128 (HTTPS_PROXY)") && !debug.contains("pw"),
            "{debug}"
        );
        assert!(proxy.is_supported());
        assert!(
            !proxies(&[("HTTPS_PROXY", "socks5://s")])
                .https
                .unwrap()
                .is_supported()
        );
    }

    #[test]
    fn localhost_and_loopback_addresses_never_go_through_a_proxy() {
        let p = proxies(&[("HTTP_PROXY", "http://p:1"), ("HTTPS_PROXY", "http://p:1")]);
        for url in [
            "http://localhost:3000",
            "https://localhost",
            "http://127.0.0.1:8080",
            "https://127.1.2.3",
            "http://[::1]:3000",
            "https://[::ffff:127.0.0.1]",
        ] {
            assert_eq!(route(&p, url), "direct", "{url}");
        }
        // Only the name `localhost` itself, and only loopback addresses.
        for url in [
            "http://foo.localhost",
            "http://localhost.example.com",
            "http://10.0.0.1",
            "http://[::2]",
            "http://0.0.0.0",
        ] {
            assert_eq!(route(&p, url), "http://p:1 HTTP_PROXY", "{url}");
        }
    }

    fn direct(no_proxy: &str, url: &str) -> bool {
        let p = proxies(&[
            ("HTTP_PROXY", "http://p:1"),
            ("HTTPS_PROXY", "http://p:1"),
            ("NO_PROXY", no_proxy),
        ]);
        route(&p, url) == "direct"
    }

    #[test]
    fn no_proxy_names_match_the_name_and_its_subdomains() {
        assert!(direct("example.com", "https://example.com"));
        assert!(direct("example.com", "https://coder.example.com"));
        assert!(direct("example.com", "https://a.b.example.com:8443"));
        assert!(!direct("example.com", "https://badexample.com"));
        assert!(!direct("example.com", "https://example.com.evil"));
        // `.suffix` and `*.suffix`: subdomains only.
        for entry in [".example.com", "*.example.com"] {
            assert!(direct(entry, "https://coder.example.com"), "{entry}");
            assert!(!direct(entry, "https://example.com"), "{entry}");
        }
        // Trimmed, case-insensitive, empty entries skipped, several entries.
        assert!(direct(
            " Other.Org , ,EXAMPLE.com ",
            "https://coder.example.com"
        ));
        assert!(direct("other.org,example.com", "https://other.org"));
        // The lower-case variable when the upper case one is unset or empty.
        let p = proxies(&[
            ("HTTPS_PROXY", "http://p:1"),
            ("NO_PROXY", ""),
            ("no_proxy", "example.com"),
        ]);
        assert_eq!(route(&p, "https://example.com"), "direct");
        // Internationalised names compare in their ASCII form.
        assert!(direct("bücher.example", "https://coder.bücher.example"));
    }

    #[test]
    fn no_proxy_ports_restrict_an_entry_to_that_port() {
        assert!(direct("example.com:8443", "https://coder.example.com:8443"));
        assert!(!direct("example.com:8443", "https://coder.example.com"));
        // A URL without a port has its scheme's.
        assert!(direct("example.com:443", "https://example.com"));
        assert!(direct("example.com:80", "http://example.com"));
        assert!(!direct("example.com:80", "https://example.com"));
        assert!(direct("10.0.0.1:8080", "http://10.0.0.1:8080"));
        assert!(!direct("10.0.0.1:8080", "http://10.0.0.1:8081"));
        assert!(direct("[2001:db8::1]:443", "https://[2001:db8::1]"));
        assert!(!direct("[2001:db8::1]:80", "https://[2001:db8::1]"));
        // `host:` has an empty port: any.
        assert!(direct("example.com:", "https://example.com:9"));
    }

    #[test]
    fn no_proxy_addresses_and_ranges_match_only_addresses() {
        assert!(direct("10.0.0.1", "https://10.0.0.1"));
        assert!(!direct("10.0.0.1", "https://10.0.0.2"));
        assert!(direct("2001:db8::1", "https://[2001:db8::1]:8443"));
        assert!(direct("10.0.0.0/8", "https://10.200.3.4:8443"));
        assert!(direct("10.1.2.3/8", "https://10.200.3.4"));
        assert!(!direct("10.0.0.0/8", "https://11.0.0.1"));
        assert!(direct("2001:db8::/32", "https://[2001:db8:1::5]"));
        assert!(!direct("2001:db8::/32", "https://[2001:db9::5]"));
        assert!(direct("0.0.0.0/0", "https://192.0.2.1"));
        // An IPv4 entry matches the IPv4-mapped IPv6 form of its address.
        assert!(direct("192.0.2.1", "https://[::ffff:192.0.2.1]"));
        // Names are never resolved: an address entry does not match a name, nor a name
        // entry an address.
        assert!(!direct("10.0.0.1", "https://coder.internal"));
        assert!(!direct("0.0.0.0/0", "https://coder.internal"));
        assert!(!direct("1.example", "https://10.0.0.1"));
        // A range with a port is nothing Go can read as a range.
        assert!(!direct("10.0.0.0/8:443", "https://10.0.0.1"));
    }

    #[test]
    fn a_star_anywhere_in_no_proxy_sends_everything_direct() {
        assert!(direct("*", "https://coder.example.com"));
        assert!(direct("example.org, * ,10.0.0.1", "https://10.9.9.9"));
        assert!(
            !direct("*.", "https://coder.example.com"),
            "`*.` is no star"
        );
    }

    #[test]
    fn http_proxy_is_refused_for_http_urls_in_a_cgi_program() {
        let p = proxies(&[
            ("HTTP_PROXY", "http://evil:1"),
            ("HTTPS_PROXY", "http://p:2"),
            ("REQUEST_METHOD", "GET"),
        ]);
        assert_eq!(route(&p, "http://coder.example.com"), "Cgi(\"HTTP_PROXY\")");
        assert_eq!(route(&p, "http://localhost"), "Cgi(\"HTTP_PROXY\")");
        assert_eq!(
            route(&p, "https://coder.example.com"),
            "http://p:2 HTTPS_PROXY"
        );
        let p = proxies(&[("REQUEST_METHOD", "GET")]);
        assert_eq!(route(&p, "http://coder.example.com"), "direct");
        let p = proxies(&[("HTTP_PROXY", "http://p:1"), ("REQUEST_METHOD", "")]);
        assert_eq!(
            route(&p, "http://coder.example.com"),
            "http://p:1 HTTP_PROXY"
        );
    }

    #[test]
    fn host_and_port_are_split_as_go_splits_them() {
        assert_eq!(split_host_port("a.com:80"), Some(("a.com", "80")));
        assert_eq!(split_host_port("a.com:"), Some(("a.com", "")));
        assert_eq!(split_host_port("[::1]:80"), Some(("::1", "80")));
        assert_eq!(split_host_port("a.com"), None);
        assert_eq!(split_host_port("::1"), None);
        assert_eq!(split_host_port("[::1]"), None);
    }
}
