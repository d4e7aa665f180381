//! Deployment URLs as users type them.

use anyhow::Result;
use url::Url;

use crate::error::usage;
use crate::secret::full_token_id;

/// What every refused deployment URL suggests.
const HINT: &str = "use the address you open Coder at in a browser, e.g. https://coder.example.com";

/// The URL `coder login` goes to, as `<config>/url` keeps it, and parsed: `raw` with
/// `https://` added when it has no scheme (`http://` for localhost), as the Go CLI
/// does; a scheme in any case (`HTTP://`) is one, written in lower case. Another
/// scheme or a mistyped one (`ftp://`, `https:/`) is refused, not taken for a host.
pub fn login_url(raw: &str) -> Result<(String, Url)> {
    let raw = raw.trim();
    refuse_token(raw)?;
    let starts = |prefix: &str| {
        raw.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    let text = if let Some(scheme) = ["http://", "https://"].into_iter().find(|s| starts(s)) {
        format!("{scheme}{}", &raw[scheme.len()..])
    } else if authority_start(raw) > 0 {
        return Err(invalid(raw, "it must start with http:// or https://"));
    } else if starts("localhost") {
        format!("http://{raw}")
    } else {
        format!("https://{raw}")
    };
    let url = parse_url(&text)?;
    Ok((text, url))
}

/// Parses a deployment URL; only http and https URLs with a host are accepted.
pub fn parse_url(raw: &str) -> Result<Url> {
    refuse_token(raw)?;
    checked_url(raw).map_err(|why| invalid(raw, &why))
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

/// A token given where the deployment URL goes (`coder login $TOKEN`) is refused
/// before it is looked up as a host, and never shown.
fn refuse_token(raw: &str) -> Result<()> {
    match full_token_id(raw.trim()) {
        Some(_) => Err(usage(
            "invalid deployment URL: it has the shape of a token (10 letters or digits, a dash \
             and 22 more), not of an address",
            "give the address you open Coder at in its place (e.g. https://coder.example.com), \
             and the token with --token or CODER_SESSION_TOKEN or at the prompt of \
             'coder login <url>'",
        )),
        None => Ok(()),
    }
}

/// The refusal of `raw`, quoted with any credentials in it hidden.
fn invalid(raw: &str, why: &str) -> anyhow::Error {
    usage(
        format!(
            "invalid deployment URL {:?}: {why}",
            without_userinfo(raw.trim())
        ),
        HINT,
    )
}

/// `text` with whatever stands before an `@` in its authority (a user name and
/// password) replaced by `***`, as the URL parser would take it apart.
fn without_userinfo(text: &str) -> String {
    let start = authority_start(text);
    let authority = &text[start..];
    let authority = &authority[..authority
        .find(['/', '\\', '?', '#'])
        .unwrap_or(authority.len())];
    match authority.rfind('@') {
        Some(at) => format!("{}***{}", &text[..start], &text[start + at..]),
        None => text.to_string(),
    }
}

/// Where the authority begins when `text` starts with a scheme (a letter, then letters,
/// digits, `+`, `-` or `.`) followed by `:` and a slash (`/` or `\`), after all its
/// slashes; 0 when it does not.
fn authority_start(text: &str) -> usize {
    let Some((scheme, rest)) = text.split_once(':') else {
        return 0;
    };
    let mut chars = scheme.chars();
    let scheme_like = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let after = rest.trim_start_matches(['/', '\\']);
    if scheme_like && after.len() < rest.len() {
        text.len() - after.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login_text(raw: &str) -> String {
        login_url(raw)
            .map(|(text, _)| text)
            .unwrap_or_else(|err| panic!("{raw}: {err}"))
    }

    fn refusal(result: Result<impl std::fmt::Debug>) -> String {
        format!("{:#}", result.unwrap_err())
    }

    #[test]
    fn login_urls_get_a_scheme_and_others_do_not() {
        for (raw, text) in [
            ("coder.example.com/sub", "https://coder.example.com/sub"),
            ("localhost:3000", "http://localhost:3000"),
            (" http://x ", "http://x"),
            ("HTTP://Host:3000", "http://Host:3000"),
            ("Https://h/Sub", "https://h/Sub"),
            ("LocalHost:3000", "http://LocalHost:3000"),
            ("httpbin.example", "https://httpbin.example"),
            ("host:8080/path", "https://host:8080/path"),
            ("[::1]:3000", "https://[::1]:3000"),
            ("127.0.0.1:3000", "https://127.0.0.1:3000"),
        ] {
            assert_eq!(login_text(raw), text, "{raw}");
        }
        assert!(parse_url("https://coder.example.com/sub").is_ok());
        assert!(parse_url("coder.example.com:8080").is_err());
        assert!(parse_url("https://").is_err());
        assert!(parse_url("ftp://x").is_err());
        assert!(parse_url("https://user:pw@x").is_err());
    }

    #[test]
    fn another_or_mistyped_scheme_is_no_host_name() {
        for raw in [
            "ftp://coder.example.com",
            "https:/coder.example.com",
            "htps://coder.example.com",
            "ws://coder.example.com",
            "file:///etc/passwd",
            "http:\\\\coder.example.com",
        ] {
            let err = refusal(login_url(raw));
            assert!(
                err.contains("it must start with http:// or https://"),
                "{raw}: {err}"
            );
        }
    }

    #[test]
    fn refusals_never_quote_credentials() {
        for raw in [
            "http://x:s3cr3t@127.0.0.1:3000",
            "http://s3cr3t@127.0.0.1:3000",
            "x:s3cr3t@127.0.0.1:3000",
            "https:/x:s3cr3t@coder.example.com",
            "ftp://s3cr3t@coder.example.com/a@b",
        ] {
            for err in [refusal(parse_url(raw)), refusal(login_url(raw))] {
                assert!(!err.contains("s3cr3t"), "{raw}: {err}");
                assert!(err.contains("***@"), "{raw}: {err}");
            }
        }
        assert_eq!(
            without_userinfo("http://u:p@h:1/a@b?c@d"),
            "http://***@h:1/a@b?c@d"
        );
        assert_eq!(without_userinfo("https://h/a@b"), "https://h/a@b");
    }

    #[test]
    fn a_token_is_no_url_and_never_shown() {
        let token = "vuJ2l92hjY-8aAHBOWFaHCMVtAcJcROXw";
        for err in [refusal(parse_url(token)), refusal(login_url(token))] {
            assert!(err.contains("the shape of a token"), "{err}");
            assert!(!err.contains("vuJ2l92hjY"), "{err}");
        }
    }
}
