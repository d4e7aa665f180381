//! Deployment URLs as users type them.

use anyhow::Result;
use url::Url;

use crate::error::usage;

/// Adds `https://` (`http://` for localhost) when the text has no scheme, as
/// `coder login` does; a scheme in any case (`HTTP://`) is one, written in lower case.
/// The result is what `<config>/url` stores.
pub fn with_default_scheme(raw: &str) -> String {
    let raw = raw.trim();
    let starts = |prefix: &str| {
        raw.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    if let Some(scheme) = ["http://", "https://"].into_iter().find(|s| starts(s)) {
        format!("{scheme}{}", &raw[scheme.len()..])
    } else if starts("localhost") {
        format!("http://{raw}")
    } else {
        format!("https://{raw}")
    }
}

/// Parses a deployment URL; only http and https URLs with a host are accepted.
pub fn parse_url(raw: &str) -> Result<Url> {
    checked_url(raw).map_err(|why| {
        usage(
            format!("invalid deployment URL {raw:?}: {why}"),
            "use the address you open Coder at in a browser, e.g. https://coder.example.com",
        )
    })
}

/// Parses a deployment URL, or says what is wrong with it (without quoting it).
pub fn checked_url(raw: &str) -> Result<Url, String> {
    let text = raw.trim();
    let url = Url::parse(text).map_err(|err| match err {
        url::ParseError::RelativeUrlWithoutBase => "it has no scheme (http:// or https://)".into(),
        err => err.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("it must start with http:// or https://".into());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("credentials do not belong in the URL".into());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_urls_get_a_scheme_and_others_do_not() {
        assert_eq!(
            with_default_scheme("coder.example.com/sub"),
            "https://coder.example.com/sub"
        );
        assert_eq!(
            with_default_scheme("localhost:3000"),
            "http://localhost:3000"
        );
        assert_eq!(with_default_scheme(" http://x "), "http://x");
        assert_eq!(with_default_scheme("HTTP://Host:3000"), "http://Host:3000");
        assert_eq!(with_default_scheme("Https://h/Sub"), "https://h/Sub");
        assert_eq!(
            with_default_scheme("LocalHost:3000"),
            "http://LocalHost:3000"
        );
        assert_eq!(
            with_default_scheme("httpbin.example"),
            "https://httpbin.example"
        );
        assert!(parse_url("https://coder.example.com/sub").is_ok());
        assert!(parse_url("coder.example.com:8080").is_err());
        assert!(parse_url("https://").is_err());
        assert!(parse_url("ftp://x").is_err());
        assert!(parse_url("https://user:pw@x").is_err());
    }
}
