//! Deployment URLs as users type them.

use anyhow::Result;
use url::Url;

use crate::error::usage;

/// Adds `https://` (`http://` for localhost) when the text has no scheme, as
/// `coder login` does. The result is what `<config>/url` stores.
pub fn with_default_scheme(raw: &str) -> String {
    let raw = raw.trim();
    if raw.starts_with("http://") || raw.starts_with("https://") {
        raw.to_string()
    } else if raw.starts_with("localhost") {
        format!("http://{raw}")
    } else {
        format!("https://{raw}")
    }
}

/// Parses a deployment URL; only http and https URLs with a host are accepted.
pub fn parse_url(raw: &str) -> Result<Url> {
    let text = raw.trim();
    let bad = |why: String| {
        usage(
            format!("invalid deployment URL {raw:?}: {why}"),
            "use the address you open Coder at in a browser, e.g. https://coder.example.com",
        )
    };
    let url = Url::parse(text).map_err(|err| bad(err.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("it must start with http:// or https://".into()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host".into()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("credentials do not belong in the URL".into()));
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
        assert!(parse_url("https://coder.example.com/sub").is_ok());
        assert!(parse_url("coder.example.com:8080").is_err());
        assert!(parse_url("https://").is_err());
        assert!(parse_url("ftp://x").is_err());
        assert!(parse_url("https://user:pw@x").is_err());
    }
}
