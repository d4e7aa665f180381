//! Redirects, followed here hop by hop rather than inside the HTTP library, so that
//! every hop is seen (`-v` shows each), an upgrade from `http://` to `https://` is
//! known (login moves to the https URL; other commands warn), and nothing goes where it
//! does not belong.
//!
//! A redirect is followed only within the deployment's origin, or from `http://` to
//! `https://` on the same host, and never back from https to http. 307 and 308 repeat
//! the request as it was (method and body). 301, 302 and 303 turn a request into a GET,
//! as Go does, which is right for a GET; a POST, PUT or DELETE would become a different
//! request (a DELETE answered by the token's own page would look done), so those are
//! not followed and the error says why.
//!
//! An upgrade to https is remembered for the rest of the process: once the deployment
//! said it lives on https, no later request or retry goes to its http URL again.

use std::sync::{Mutex, PoisonError};

use reqwest::Method;
use url::{Origin, Url};

/// The most redirects followed for one request.
pub(super) const MAX_REDIRECTS: usize = 10;

/// One request as it goes out on one hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hop {
    pub method: Method,
    pub url: Url,
    /// Whether the request's body goes with it.
    pub body: bool,
}

/// Why a redirect was not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It points outside the deployment, back to plain HTTP, or nowhere usable.
    Elsewhere,
    /// 301, 302 or 303 for a request that is not a GET: following it would send another
    /// request than the one asked for.
    MethodChange,
    /// More than [`MAX_REDIRECTS`] in a row.
    TooMany,
}

/// What to do with a hop's answer.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Next {
    /// It is the answer (not a redirect this client follows, or one without a usable
    /// `Location`, which then becomes an error naming it).
    Answer,
    Follow(Hop),
    Refuse {
        location: Url,
        why: Refusal,
    },
}

/// Decides after `hop` (the `hops`-th redirect so far) was answered with `status` and
/// `location`; `first` is the URL the request was made for.
pub(super) fn next(
    first: &Url,
    hop: &Hop,
    status: u16,
    location: Option<&str>,
    hops: usize,
) -> Next {
    if !matches!(status, 301 | 302 | 303 | 307 | 308) {
        return Next::Answer;
    }
    let Some(location) = location.and_then(|l| hop.url.join(l).ok()) else {
        return Next::Answer;
    };
    let why = if !may_follow(&hop.url, &location) || !may_follow(first, &location) {
        Refusal::Elsewhere
    } else if hops >= MAX_REDIRECTS {
        Refusal::TooMany
    } else {
        let same = matches!(status, 307 | 308) || hop.method == Method::HEAD;
        let method = match same {
            true => hop.method.clone(),
            false if hop.method == Method::GET => Method::GET,
            false => {
                return Next::Refuse {
                    location,
                    why: Refusal::MethodChange,
                };
            }
        };
        return Next::Follow(Hop {
            method,
            url: location,
            body: hop.body && same,
        });
    };
    Next::Refuse { location, why }
}

/// Whether a redirect from `from` to `to` may be followed: within the same origin
/// (scheme, host and port), or from http to https on the same host. Anything else could
/// hand the session token, the user's headers or a request body to someone other than
/// the deployment, or put them on the wire unencrypted.
pub(super) fn may_follow(from: &Url, to: &Url) -> bool {
    from.origin() == to.origin() || (is_upgrade(from, to) && from.host() == to.host())
}

/// Whether a hop goes from `http://` to `https://`.
pub(super) fn is_upgrade(from: &Url, to: &Url) -> bool {
    from.scheme() == "http" && to.scheme() == "https"
}

/// The http origins that redirected to https in this process, each with the URL it
/// redirected to.
static UPGRADES: Mutex<Vec<(Origin, Url)>> = Mutex::new(Vec::new());

/// Remembers that `from` (http) redirected to `to` (https on the same host): later
/// requests to `from`'s origin go to https at once (see [`secured`]).
pub(super) fn remember_upgrade(from: &Url, to: &Url) {
    let mut upgrades = UPGRADES.lock().unwrap_or_else(PoisonError::into_inner);
    if !upgrades.iter().any(|(origin, _)| *origin == from.origin()) {
        upgrades.push((from.origin(), to.clone()));
    }
}

/// `url` on https when its origin redirected to https earlier in this process (see
/// [`upgraded`]); `None` when it did not.
pub(super) fn secured(url: &Url) -> Option<Url> {
    let upgrades = UPGRADES.lock().unwrap_or_else(PoisonError::into_inner);
    upgrades
        .iter()
        .find(|(origin, _)| *origin == url.origin())
        .map(|(_, to)| upgraded(url, to))
}

/// The deployment URL `deployment` as it is reached after an upgrade to `to`: https,
/// with `to`'s port (none when it is https's own), the same host and path.
pub(super) fn upgraded(deployment: &Url, to: &Url) -> Url {
    let mut url = deployment.clone();
    // Both always succeed for an http(s) URL with a host.
    let _ = url.set_scheme("https");
    let _ = url.set_port(to.port());
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn hop(method: Method, at: &str) -> Hop {
        Hop {
            method,
            url: url(at),
            body: true,
        }
    }

    #[test]
    fn redirects_are_followed_only_within_the_deployment() {
        let deployment = url("http://coder.example.com/api/v2/users/me");
        for same in [
            "http://coder.example.com/other",
            "http://coder.example.com:80/x",
            "https://coder.example.com/api/v2/users/me",
            "https://coder.example.com:8443/x",
        ] {
            assert!(may_follow(&deployment, &url(same)), "{same}");
        }
        for other in [
            "http://sso.example.com/login",
            "http://coder.example.com:8080/x",
            "http://127.0.0.1/x",
            "ftp://coder.example.com/x",
            "https://sso.example.com/x",
        ] {
            assert!(!may_follow(&deployment, &url(other)), "{other}");
        }
        let secure = url("https://coder.example.com/x");
        assert!(!may_follow(&secure, &url("http://coder.example.com/x")));
    }

    #[test]
    fn an_upgrade_keeps_its_method_for_307_and_308_and_becomes_a_get_for_301_to_303() {
        let first = url("http://h/api/v2/users/first");
        let get = hop(Method::GET, "http://h/api/v2/users/first");
        for status in [301, 302, 303, 307, 308] {
            let next = next(
                &first,
                &get,
                status,
                Some("https://h/api/v2/users/first"),
                0,
            );
            let expected = Hop {
                method: Method::GET,
                url: url("https://h/api/v2/users/first"),
                body: matches!(status, 307 | 308),
            };
            assert_eq!(next, Next::Follow(expected), "{status}");
        }
        let post = hop(Method::POST, "http://h/api/v2/users/me/keys/tokens");
        for status in [307, 308] {
            let Next::Follow(next) = next(&first, &post, status, Some("https://h:8443/k"), 3)
            else {
                panic!("{status} is followed");
            };
            assert_eq!((next.method, next.body), (Method::POST, true));
            assert_eq!(next.url.as_str(), "https://h:8443/k");
        }
        for (method, status) in [
            (Method::POST, 301),
            (Method::POST, 302),
            (Method::POST, 303),
            (Method::DELETE, 301),
            (Method::PUT, 302),
        ] {
            let request = hop(method.clone(), "http://h/api/v2/users/me/keys/abc");
            let answer = next(&first, &request, status, Some("https://h/x"), 0);
            assert_eq!(
                answer,
                Next::Refuse {
                    location: url("https://h/x"),
                    why: Refusal::MethodChange
                },
                "{method} {status}"
            );
        }
        let head = hop(Method::HEAD, "http://h/x");
        let Next::Follow(next) = next(&first, &head, 301, Some("/y"), 0) else {
            panic!("HEAD follows");
        };
        assert_eq!(
            (next.method, next.url.as_str()),
            (Method::HEAD, "http://h/y")
        );
    }

    #[test]
    fn no_hop_goes_back_to_http_elsewhere_or_past_the_limit() {
        let first = url("http://h/a");
        let secure = hop(Method::GET, "https://h/a");
        // Back to http after an upgrade: refused, though it is the first URL's origin.
        assert_eq!(
            next(&first, &secure, 302, Some("http://h/a"), 1),
            Next::Refuse {
                location: url("http://h/a"),
                why: Refusal::Elsewhere
            }
        );
        // Another port after the upgrade.
        let moved = hop(Method::GET, "https://h:8443/a");
        assert!(matches!(
            next(&first, &moved, 302, Some("https://h:9443/a"), 1),
            Next::Refuse {
                why: Refusal::Elsewhere,
                ..
            }
        ));
        let plain = hop(Method::GET, "http://h/a");
        assert!(matches!(
            next(&first, &plain, 307, Some("/b"), MAX_REDIRECTS),
            Next::Refuse {
                why: Refusal::TooMany,
                ..
            }
        ));
        assert!(matches!(
            next(&first, &plain, 307, Some("/b"), MAX_REDIRECTS - 1),
            Next::Follow(_)
        ));
    }

    #[test]
    fn other_statuses_and_missing_locations_are_the_answer() {
        let first = url("http://h/a");
        let get = hop(Method::GET, "http://h/a");
        for status in [200, 300, 304, 305, 401] {
            assert_eq!(next(&first, &get, status, Some("/b"), 0), Next::Answer);
        }
        assert_eq!(next(&first, &get, 302, None, 0), Next::Answer);
        assert_eq!(
            next(&first, &get, 302, Some("http://[bad"), 0),
            Next::Answer
        );
    }

    #[test]
    fn an_upgrade_holds_for_its_http_origin_only() {
        let from = url("http://remembered.example:8080/api/v2/users/me");
        remember_upgrade(
            &from,
            &url("https://remembered.example:8443/api/v2/users/me"),
        );
        assert_eq!(
            secured(&url("http://remembered.example:8080/coder/api/v2/x?a=1"))
                .unwrap()
                .as_str(),
            "https://remembered.example:8443/coder/api/v2/x?a=1"
        );
        for other in [
            "http://remembered.example:9090/x",
            "http://other.example:8080/x",
            "https://remembered.example:8080/x",
        ] {
            assert_eq!(secured(&url(other)), None, "{other}");
        }
    }

    #[test]
    fn an_upgraded_deployment_keeps_host_and_path_and_takes_the_new_port() {
        let deployment = url("http://coder.example.com/coder");
        assert_eq!(
            upgraded(&deployment, &url("https://coder.example.com/x")).as_str(),
            "https://coder.example.com/coder"
        );
        assert_eq!(
            upgraded(
                &url("http://localhost:8080"),
                &url("https://localhost:8443/y")
            )
            .as_str(),
            "https://localhost:8443/"
        );
    }
}
