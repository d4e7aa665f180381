//! Never leak, never mix: redirects never carry anything to another origin, `-v` shows
//! no credential, server text cannot drive the terminal, a session changes as a whole,
//! the terminal is restored after Ctrl-C, and a created key is never lost silently.

use std::process::Stdio;

use coder_sandbox::{Config, Sandbox};
use serde_json::json;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::harness::{self, Env, Run, SESSION, settings};

/// A header value the user sends to the deployment, which no one else may see.
const HEADER_SECRET: &str = "hdrRedirectSecret0123456789";

/// A server that answers everything as a deployment would, to catch what reaches it.
pub async fn other_origin() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// A deployment that answers every request with `status` to `to` + the same path.
pub async fn redirecting(status: u16, to: &str) -> MockServer {
    let server = MockServer::start().await;
    let to = to.to_string();
    Mock::given(any())
        .respond_with(move |request: &Request| {
            let target = match request.url.query() {
                Some(query) => format!("{to}{}?{query}", request.url.path()),
                None => format!("{to}{}", request.url.path()),
            };
            ResponseTemplate::new(status).insert_header("location", target.as_str())
        })
        .mount(&server)
        .await;
    server
}

/// Every command that talks to the deployment, logged in to `deployment`.
fn every_command(env: &Env, deployment: &str) -> Vec<(String, Run)> {
    let header = format!("X-Secret={HEADER_SECRET}");
    let commands: [&[&str]; 6] = [
        &["tokens", "ls"],
        &["tokens", "create", "-n", "ci"],
        &["tokens", "view", "ci"],
        &["tokens", "rm", "ci"],
        &["logout", "--yes"],
        &["login", deployment, "--token", SESSION],
    ];
    commands
        .iter()
        .map(|args| {
            env.login_files(deployment, SESSION);
            let mut args = args.to_vec();
            args.extend(["-v", "--header", &header]);
            (args.join(" "), env.run(&args))
        })
        .collect()
}

/// The command stopped at the redirect, named where it pointed and showed no secret.
fn assert_refused(command: &str, run: &Run, pointed: &str) {
    let named = format!("was redirected to {pointed}");
    assert!(run.stderr.contains(&named), "{command}:\n{}", run.block());
    assert!(!run.stderr.contains(HEADER_SECRET), "{}", run.block());
    assert_eq!(run.code, 1, "{command}:\n{}", run.block());
}

#[tokio::test]
async fn redirects_to_another_origin_are_not_followed_and_nothing_reaches_it() {
    let other = other_origin().await;
    for status in [301, 302, 303, 307, 308] {
        let deployment = redirecting(status, &other.uri()).await;
        let env = Env::new();
        for (command, run) in every_command(&env, &deployment.uri()) {
            assert_refused(&command, &run, &format!("{}/api/v2/", other.uri()));
        }
        let reached = other.received_requests().await.unwrap();
        assert!(reached.is_empty(), "HTTP {status}: {reached:?}");
    }
}

#[tokio::test]
async fn a_redirect_error_names_where_it_pointed_and_what_to_do() {
    let other = other_origin().await;
    let deployment = redirecting(302, &format!("{}/sso", other.uri())).await;
    let env = Env::new();
    env.login_files(&deployment.uri(), SESSION);
    let run = env.run(&["tokens", "ls"]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: list tokens: GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false was redirected to http://[HOST]/sso/api/v2/users/me/keys/tokens?… (HTTP 302 Found); the redirect was not followed and nothing was sent there
        hint: if http://[HOST] is the deployment, use that URL (coder login http://[HOST]); a proxy or SSO in front of Coder must let /api/v2 requests through
        ");
    });
}

#[tokio::test]
async fn a_redirects_user_name_and_password_are_never_shown() {
    let hidden = |run: &Run| {
        assert!(!run.stderr.contains("hunter2pw"), "{}", run.block());
        assert!(!run.stderr.contains("bob"), "{}", run.block());
    };
    // To another origin: refused, and named without them.
    let other = other_origin().await;
    let to = other.uri().replace("http://", "http://bob:hunter2pw@");
    let deployment = redirecting(302, &to).await;
    let run = Env::at(&deployment.uri(), SESSION).run(&["tokens", "ls", "-v"]);
    run.failure(1);
    let named = other
        .uri()
        .replace("http://", "was redirected to http://…@");
    assert!(run.stderr.contains(&named), "{}", run.block());
    hidden(&run);
    // Within the deployment: followed, and shown without them.
    let server = MockServer::start().await;
    let moved = server.uri().replace("http://", "http://bob:hunter2pw@") + "/moved";
    Mock::given(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", moved.as_str()))
        .mount(&server)
        .await;
    Mock::given(path("/moved"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let run = Env::at(&server.uri(), SESSION).run(&["tokens", "ls", "-v"]);
    run.success();
    let shown = server.uri().replace("http://", "> GET http://…@") + "/moved\n";
    assert!(run.stderr.contains(&shown), "{}", run.block());
    hidden(&run);
}

#[test]
fn https_never_redirects_to_plain_http() {
    let plain = Sandbox::start(Config::default()).unwrap();
    let plain_localhost = plain.url().replace("127.0.0.1", "localhost");
    let secure = Sandbox::start(Config {
        tls: true,
        redirect: Some((307, plain_localhost)),
        ..Config::default()
    })
    .unwrap();
    let mut env = Env::new();
    env.trust(&secure.ca_cert_pem().unwrap());
    for (command, run) in every_command(&env, &secure.url()) {
        assert_refused(&command, &run, "http://localhost");
        // No hint to use the plain HTTP URL instead.
        assert!(!run.stderr.contains("coder login http:"), "{}", run.block());
    }
    assert!(plain.requests().is_empty(), "{:?}", plain.requests());
}

#[test]
fn http_to_https_on_the_same_host_and_same_origin_redirects_are_followed() {
    let secure = Sandbox::start(Config {
        tls: true,
        ..Config::default()
    })
    .unwrap();
    // http://localhost:A redirects to https://localhost:B: the same host, upgraded.
    let upgrade = Sandbox::start(Config {
        redirect: Some((307, secure.url())),
        ..Config::default()
    })
    .unwrap();
    let mut env = Env::new();
    env.trust(&secure.ca_cert_pem().unwrap());
    let deployment = upgrade.url().replace("127.0.0.1", "localhost");
    env.login_files(&deployment, &secure.owner_token());
    env.run(&["tokens", "ls"]).success();
    // A 307 replays the POST, to the deployment itself.
    let key = env
        .run(&["tokens", "create", "-n", "upgraded"])
        .success()
        .stdout
        .clone();
    assert!(key.trim().len() > 20, "{key}");
    assert!(
        secure.requests().iter().any(|r| r.method == "POST"),
        "{:?}",
        secure.requests()
    );
}

/// A header the user adds in front of Coder (an access proxy's JWT): `-v` names it and
/// never shows its value; nor does any other header's value appear.
#[tokio::test]
async fn verbose_output_shows_header_names_never_values() {
    let server = other_origin().await;
    let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let run = env.run(&[
        "tokens",
        "ls",
        "-v",
        "--header",
        &format!("Cf-Access-Jwt-Assertion={jwt}"),
        "--header",
        "X-Goog-IAP-JWT-Assertion=plainvalue",
    ]);
    settings().bind(|| {
        insta::assert_snapshot!(run.block(), @r"
        exit: 0
        --- stdout ---
        --- stderr ---
        > GET http://[HOST]/api/v2/users/me/keys/tokens?include_all=false&include_expired=false
        >   cf-access-jwt-assertion: ***
        >   x-goog-iap-jwt-assertion: ***
        >   coder-session-token: ***
        < 200 ([N] ms)
        No tokens found.
        ");
    });
}

#[tokio::test]
async fn a_header_commands_output_is_never_echoed() {
    let server = other_origin().await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let leaky = crate::harness::shell(
        "echo 'failed: token ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected, Basic dXNlcjpwYXNz' >&2; exit 3",
        "echo failed: token ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected, Basic dXNlcjpwYXNz 1>&2 & exit 3",
    );
    let run = env.run(&["tokens", "ls", "--header-command", leaky]);
    let not_a_header = crate::harness::shell(
        "echo 'Authorization Bearer s3cr3tValue'",
        "echo Authorization Bearer s3cr3tValue",
    );
    let run2 = env.run(&["tokens", "ls", "--header-command", not_a_header]);
    settings().bind(|| {
        insta::assert_snapshot!(format!("{}{}", run.block(), run2.block()), @r"
        exit: 1
        --- stdout ---
        --- stderr ---
        error: the header command failed (exit status: 3)
          its stderr begins: failed: token *** rejected, Basic ***
        hint: check --header-command / CODER_HEADER_COMMAND
        exit: 2
        --- stdout ---
        --- stderr ---
        error: line 1 of the header command's output is not a key=value header
        hint: print one key=value header per line
        ");
    });
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// A full token, as `coder tokens create` prints one.
const FULL_TOKEN: &str = "vuJ2l92hjY-8aAHBOWFaHCMVtAcJcROXw";

/// One refused run: the variables it sets, its arguments and how the snapshot names it
/// (without the secret). `PORT` in a variable or argument is the deployment's port.
type Refused<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str);

/// Runs each case with the token on stdin, against a deployment on loopback (whose URL
/// and token are stored) and a proxy that any other host would be reached through:
/// each is a usage error that shows none of `secrets` (in any case) and sends nothing
/// to either. Their output, for a snapshot.
async fn refused_before_sending(cases: &[Refused<'_>], secrets: &[&str]) -> String {
    let server = other_origin().await;
    let port = server.address().port();
    let proxy =
        crate::boundaries::LoggingProxy::start(port, crate::boundaries::Answer::Refuse(403));
    let port = port.to_string();
    let mut blocks = String::new();
    for (vars, args, label) in cases {
        let mut env = Env::new();
        env.login_files(&server.uri(), SESSION);
        env.var("HTTPS_PROXY", &proxy.url(""))
            .var("HTTP_PROXY", &proxy.url(""));
        for (key, value) in *vars {
            env.var(key, &value.replace("PORT", &port));
        }
        let args: Vec<String> = args.iter().map(|arg| arg.replace("PORT", &port)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = env.run_with_stdin(&args, SESSION);
        let shown = format!("{}{}", run.stdout, run.stderr).to_lowercase();
        for secret in secrets {
            assert!(
                !shown.contains(&secret.to_lowercase()),
                "{label}: {}",
                run.block()
            );
        }
        run.failure(2);
        blocks.push_str(&format!(
            "### {label}\n{}",
            run.block().replace(&port, "[PORT]")
        ));
    }
    assert_eq!(proxy.log(), Vec::<String>::new());
    assert!(server.received_requests().await.unwrap().is_empty());
    blocks
}

/// curl's `Name: value` (with `=` in a base64 value or not) and a header whose name was
/// left out show no value, from `--header`, `CODER_HEADER` or the header command.
#[tokio::test]
async fn a_header_that_is_not_key_value_never_shows_its_value() {
    let basic = "Authorization: Basic dXNlcjpwYTU1dzByZA==";
    let command = format!("echo '{basic}'");
    let command = harness::shell(&command, "echo Authorization: Basic dXNlcjpwYTU1dzByZA==");
    let blocks = refused_before_sending(
        &[
            (
                &[],
                &["tokens", "ls", "--header", basic],
                "--header 'Authorization: Basic <secret>=='",
            ),
            (
                &[],
                &["tokens", "ls", "--header", "X-Api-Key: s3cr3tpass=="],
                "--header 'X-Api-Key: <secret>=='",
            ),
            (
                &[],
                &["tokens", "ls", "--header", "=hunter2hunter2"],
                "--header '=<secret>'",
            ),
            (
                &[("CODER_HEADER", basic)],
                &["tokens", "ls"],
                "CODER_HEADER='Authorization: Basic <secret>=='",
            ),
            (
                &[],
                &["tokens", "ls", "--header-command", command],
                "--header-command \"echo 'Authorization: Basic <secret>=='\"",
            ),
        ],
        &["dXNlcjpwYTU1dzByZA", "s3cr3tpass", "hunter2hunter2"],
    )
    .await;
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
        ### --header 'Authorization: Basic <secret>=='
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid header "Authorization: ***": expected key=value
        hint: pass headers as --header 'X-Name=value', not curl's 'X-Name: value' (a name is letters, digits and '-'; CODER_HEADER takes a comma-separated list)
        ### --header 'X-Api-Key: <secret>=='
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid header "X-Api-Key: ***": expected key=value
        hint: pass headers as --header 'X-Name=value', not curl's 'X-Name: value' (a name is letters, digits and '-'; CODER_HEADER takes a comma-separated list)
        ### --header '=<secret>'
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid header "=***": expected key=value
        hint: pass headers as --header 'X-Name=value', not curl's 'X-Name: value' (a name is letters, digits and '-'; CODER_HEADER takes a comma-separated list)
        ### CODER_HEADER='Authorization: Basic <secret>=='
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid header "Authorization: ***": expected key=value
        hint: pass headers as --header 'X-Name=value', not curl's 'X-Name: value' (a name is letters, digits and '-'; CODER_HEADER takes a comma-separated list)
        ### --header-command "echo 'Authorization: Basic <secret>=='"
        exit: 2
        --- stdout ---
        --- stderr ---
        error: line 1 of the header command's output is not a key=value header
        hint: print one key=value header per line
        "#);
    });
}

/// A user name or password in the deployment URL is refused without being shown, from
/// `--url`, `CODER_URL` or `coder login`'s argument.
#[tokio::test]
async fn credentials_in_a_deployment_url_are_refused_unseen() {
    let blocks = refused_before_sending(
        &[
            (
                &[],
                &[
                    "login",
                    "token",
                    "--url",
                    "http://x:s3cr3tPassw0rd@127.0.0.1:PORT",
                ],
                "login token --url http://x:<secret>@…",
            ),
            (
                &[("CODER_URL", "http://s3cr3tPassw0rd@127.0.0.1:PORT")],
                &["tokens", "ls"],
                "CODER_URL=http://<secret>@… tokens ls",
            ),
            (
                &[],
                &[
                    "login",
                    "x:s3cr3tPassw0rd@127.0.0.1:PORT",
                    "--token",
                    SESSION,
                ],
                "login x:<secret>@… --token …",
            ),
            (
                &[],
                &["tokens", "ls", "--url", "x:s3cr3tPassw0rd@127.0.0.1:PORT"],
                "tokens ls --url x:<secret>@…",
            ),
        ],
        &["s3cr3tPassw0rd"],
    )
    .await;
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
        ### login token --url http://x:<secret>@…
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "http://***@127.0.0.1:[PORT]": credentials do not belong in the URL
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### CODER_URL=http://<secret>@… tokens ls
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "http://***@127.0.0.1:[PORT]": credentials do not belong in the URL
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### login x:<secret>@… --token …
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "https://***@127.0.0.1:[PORT]": credentials do not belong in the URL
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### tokens ls --url x:<secret>@…
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "***@127.0.0.1:[PORT]": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        "#);
    });
}

/// `coder login $TOKEN`: a token where the deployment URL goes is not looked up as a
/// host name (nor sent to a proxy), and not shown.
#[tokio::test]
async fn a_token_given_as_the_deployment_url_is_refused_unseen() {
    let blocks = refused_before_sending(
        &[
            (&[], &["login", FULL_TOKEN], "login $TOKEN"),
            (&[], &["login", "--url", FULL_TOKEN], "login --url $TOKEN"),
            (
                &[],
                &["login", "token", "--url", FULL_TOKEN],
                "login token --url $TOKEN",
            ),
            (
                &[],
                &["tokens", "ls", "--url", FULL_TOKEN],
                "tokens ls --url $TOKEN",
            ),
            (
                &[("CODER_URL", FULL_TOKEN)],
                &["tokens", "ls"],
                "CODER_URL=$TOKEN tokens ls",
            ),
        ],
        &[FULL_TOKEN],
    )
    .await;
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
        ### login $TOKEN
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL: it has the shape of a token (10 letters or digits, a dash and 22 more), not of an address
        hint: give the address you open Coder at in its place (e.g. https://coder.example.com), and the token with --token or CODER_SESSION_TOKEN or at the prompt of 'coder login <url>'
        ### login --url $TOKEN
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL: it has the shape of a token (10 letters or digits, a dash and 22 more), not of an address
        hint: give the address you open Coder at in its place (e.g. https://coder.example.com), and the token with --token or CODER_SESSION_TOKEN or at the prompt of 'coder login <url>'
        ### login token --url $TOKEN
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL: it has the shape of a token (10 letters or digits, a dash and 22 more), not of an address
        hint: give the address you open Coder at in its place (e.g. https://coder.example.com), and the token with --token or CODER_SESSION_TOKEN or at the prompt of 'coder login <url>'
        ### tokens ls --url $TOKEN
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL: it has the shape of a token (10 letters or digits, a dash and 22 more), not of an address
        hint: give the address you open Coder at in its place (e.g. https://coder.example.com), and the token with --token or CODER_SESSION_TOKEN or at the prompt of 'coder login <url>'
        ### CODER_URL=$TOKEN tokens ls
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL: it has the shape of a token (10 letters or digits, a dash and 22 more), not of an address
        hint: give the address you open Coder at in its place (e.g. https://coder.example.com), and the token with --token or CODER_SESSION_TOKEN or at the prompt of 'coder login <url>'
        "#);
    });
}

/// Another scheme or a mistyped one is refused at login, not made the host name of an
/// `https://` URL and looked up.
#[tokio::test]
async fn login_refuses_another_or_a_mistyped_scheme() {
    let login = |url| (&[][..], ["login", url], url);
    let cases = [
        login("ftp://coder.example.com"),
        login("https:/coder.example.com"),
        login("htps://coder.example.com"),
        login("ws://coder.example.com"),
        login("file:///etc/coder"),
    ];
    let cases: Vec<Refused> = cases
        .iter()
        .map(|(vars, args, label)| (*vars, &args[..], *label))
        .collect();
    let blocks = refused_before_sending(&cases, &[]).await;
    settings().bind(|| {
        insta::assert_snapshot!(blocks, @r#"
        ### ftp://coder.example.com
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "ftp://coder.example.com": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### https:/coder.example.com
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "https:/coder.example.com": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### htps://coder.example.com
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "htps://coder.example.com": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### ws://coder.example.com
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "ws://coder.example.com": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        ### file:///etc/coder
        exit: 2
        --- stdout ---
        --- stderr ---
        error: invalid deployment URL "file:///etc/coder": it must start with http:// or https://
        hint: use the address you open Coder at in a browser, e.g. https://coder.example.com
        "#);
    });
}

/// A key of a list named `name`.
fn listed(id: &str, name: &str) -> serde_json::Value {
    json!({
        "id": id, "user_id": "u", "last_used": "0001-01-01T00:00:00Z",
        "expires_at": "2030-01-01T00:00:00Z", "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z", "login_type": "token", "scope": "",
        "scopes": ["coder:all"], "token_name": name, "lifetime_seconds": 1,
        "allow_list": [{"type": "*", "id": "*"}]
    })
}

/// Token names with escape sequences, a newline, a bidi override, and wide characters.
fn hostile_list() -> serde_json::Value {
    json!([
        listed("aaaaaaaaa1", "\u{1b}[31mred\u{1b}[0m"),
        listed("aaaaaaaaa2", "\u{1b}]0;pwned\u{7}title"),
        listed("aaaaaaaaa3", "two\nlines"),
        listed("aaaaaaaaa4", "abc\u{202e}fed"),
        listed("aaaaaaaaa5", "日本語"),
        listed("aaaaaaaaa6", "🔑key"),
    ])
}

#[tokio::test]
async fn server_text_cannot_drive_the_terminal() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(hostile_list()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens/x"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "message": "\u{1b}[2Jboom\nforged: line", "detail": "\u{1b}]0;t\u{7}"
        })))
        .mount(&server)
        .await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let list = env.run(&["tokens", "ls", "-c", "id,name"]);
    let error = env.run(&["tokens", "view", "x"]);
    let json = env.run(&["tokens", "ls", "-o", "json"]);
    settings().bind(|| {
        insta::assert_snapshot!(format!("{}{}", list.block(), error.block()), @r#"
        exit: 0
        --- stdout ---
        ID          NAME                   
        aaaaaaaaa1  \x1b[31mred\x1b[0m     
        aaaaaaaaa2  \x1b]0;pwned\x07title  
        aaaaaaaaa3  two\nlines             
        aaaaaaaaa4  abc\u202efed           
        aaaaaaaaa5  日本語                 
        aaaaaaaaa6  🔑key                  
        --- stderr ---
        exit: 1
        --- stdout ---
        --- stderr ---
        error: look up token "x": \x1b[2Jboom\nforged: line (HTTP 500 Internal Server Error)
          detail: \x1b]0;t\x07
        hint: the deployment could not handle the request; retry later or ask its administrator
        "#);
    });
    // JSON keeps the exact values, escaped by JSON itself.
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let names: Vec<&str> = parsed
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["token_name"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = hostile_list()
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["token_name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, expected);
    assert!(!json.stdout.contains('\u{1b}'), "{}", json.stdout);
}

/// Bodies of printable ASCII alone, one with a control character written as a JSON
/// escape, one with markup as it is: the table shows the control character visible,
/// and JSON writes Go's escapes.
#[tokio::test]
async fn escapes_in_a_body_of_printable_ascii_are_still_made_visible() {
    // `tokens ls` as a table and as JSON, from a deployment that lists one key named
    // `name`.
    async fn listed_as(name: &str) -> (String, String) {
        let body = serde_json::to_string(&json!([listed("aaaaaaaaa1", name)])).unwrap();
        assert!(body.bytes().all(|b| (b' '..=b'~').contains(&b)), "{body}");
        let (_server, env) = crate::deployments::listing(&body).await;
        let table = env.run(&["tokens", "ls", "-c", "id,name"]).stdout;
        (table, env.run(&["tokens", "ls", "-o", "json"]).stdout)
    }
    let (table, json) = listed_as("\u{1b}[31mred").await;
    assert_eq!(
        table,
        "ID          NAME         \naaaaaaaaa1  \\x1b[31mred  \n"
    );
    assert!(json.contains(r#""token_name": "\u001b[31mred""#), "{json}");
    let (table, json) = listed_as("a<b&c>d").await;
    assert_eq!(table, "ID          NAME     \naaaaaaaaa1  a<b&c>d  \n");
    assert!(
        json.contains(r#""token_name": "a\u003cb\u0026c\u003ed""#),
        "{json}"
    );
}

/// Scopes and allow-list entries are server text too: a list of one is shown as it is
/// and a longer one sorted and joined, every control character made visible either way.
#[tokio::test]
async fn list_cells_of_one_and_of_many_entries_are_made_visible() {
    let mut one = listed("aaaaaaaaa1", "one");
    one["scopes"] = json!(["\u{1b}[2Jscope"]);
    one["allow_list"] = json!([{"type": "work\u{202e}space", "id": "id\n2"}]);
    let mut many = listed("aaaaaaaaa2", "many");
    many["scopes"] = json!(["b\u{7}", "a\t"]);
    many["allow_list"] = json!([{"type": "t", "id": "z\u{1b}"}, {"type": "t", "id": "a"}]);
    let body = serde_json::to_string(&json!([one, many])).unwrap();
    let (_server, env) = crate::deployments::listing(&body).await;
    let run = env.run(&["tokens", "ls", "-c", "id,scopes,allow list"]);
    run.success();
    assert_eq!(
        run.stdout,
        "ID          SCOPES        ALLOW LIST             \n\
         aaaaaaaaa1  \\x1b[2Jscope  work\\u202espace:id\\n2  \n\
         aaaaaaaaa2  a\\t, b\\x07    t:a, t:z\\x1b           \n"
    );
}

/// A completion candidate is inserted into the command line as it is: a name that
/// cannot be one line, or would act on the terminal, is left out rather than shown
/// escaped (an escaped name would name another token, or none).
#[tokio::test]
async fn completion_candidates_leave_out_names_that_would_act_on_the_terminal() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me/keys/tokens"))
        .respond_with(ResponseTemplate::new(200).set_body_json(hostile_list()))
        .mount(&server)
        .await;
    let env = Env::new();
    env.login_files(&server.uri(), SESSION);
    let (run, _) =
        crate::completions::dynamic_completions(&env, "bash", &["coder", "tokens", "rm", ""]);
    // The names (the options offered after them aside).
    let names: Vec<&str> = run.stdout.lines().filter(|l| !l.starts_with('-')).collect();
    settings().bind(|| {
        insta::assert_snapshot!(names.join("\n"), @r"
        日本語
        🔑key
        ");
    });
}

/// A deployment that mints `key` for anyone and records the tokens it is sent.
async fn minting(key: &str) -> MockServer {
    let server = MockServer::start().await;
    crate::harness::has_first_user(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"username": "alice"})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/users/me/keys"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"key": key})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// The session tokens a server received.
pub async fn tokens_received(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter_map(|r| r.headers.get("coder-session-token"))
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

const KEY_A: &str = "AaAaAaAaA1-AaAaAaAaAaAaAaAaAaAaAaAa";
const KEY_B: &str = "BbBbBbBbB2-BbBbBbBbBbBbBbBbBbBbBbBb";

/// The stored pair, as (url, session).
fn stored(env: &Env) -> (Option<String>, Option<String>) {
    (env.read_config("url"), env.read_config("session"))
}

#[tokio::test]
async fn concurrent_logins_never_mix_deployments() {
    let a = minting(KEY_A).await;
    let b = minting(KEY_B).await;
    let env = Env::new();
    let spawn = |args: &[&str]| {
        let mut cmd = env.command(args);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        harness::spawn(&mut cmd)
    };
    for _ in 0..25 {
        let mut children = vec![
            spawn(&["login", &a.uri(), "--token", SESSION]),
            spawn(&["login", &b.uri(), "--token", SESSION]),
        ];
        // Readers while the logins run: each sends the stored token to the stored URL.
        children.extend((0..3).map(|_| spawn(&["tokens", "ls"])));
        for mut child in children {
            child.wait().unwrap();
        }
        let pair = stored(&env);
        let a_pair = (Some(a.uri()), Some(KEY_A.to_string()));
        let b_pair = (Some(b.uri()), Some(KEY_B.to_string()));
        assert!(pair == a_pair || pair == b_pair, "mixed: {pair:?}");
    }
    // No reader ever sent one deployment's key to the other.
    assert!(!tokens_received(&a).await.contains(&KEY_B.to_string()));
    assert!(!tokens_received(&b).await.contains(&KEY_A.to_string()));
}

#[cfg(unix)]
#[tokio::test]
async fn a_login_killed_at_any_moment_leaves_the_old_session_or_the_new_one() {
    let a = minting(KEY_A).await;
    let b = minting(KEY_B).await;
    let env = Env::new();
    let a_pair = (Some(a.uri()), Some(KEY_A.to_string()));
    let b_pair = (Some(b.uri()), Some(KEY_B.to_string()));
    for round in 0..30u64 {
        env.run(&["login", &a.uri(), "--token", SESSION]).success();
        let mut child = env
            .command(&["login", &b.uri(), "--token", SESSION])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(round * 700));
        let _ = child.kill();
        child.wait().unwrap();
        // The next command finishes or undoes what the killed one left.
        env.run(&["login", "token"]);
        let pair = stored(&env);
        assert!(pair == a_pair || pair == b_pair, "round {round}: {pair:?}");
    }
    env.run(&["login", &b.uri(), "--token", SESSION]).success();
    let leftovers: Vec<String> = std::fs::read_dir(env.config())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp") || name.contains("commit"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[tokio::test]
async fn a_symlinked_session_is_written_through_the_link() {
    let a = minting(KEY_A).await;
    let env = Env::new();
    let mount = env.home.path().join("secrets");
    std::fs::create_dir_all(&mount).unwrap();
    std::fs::create_dir_all(env.config()).unwrap();
    std::fs::write(mount.join("coder-session"), "old").unwrap();
    std::os::unix::fs::symlink(mount.join("coder-session"), env.config().join("session")).unwrap();
    env.run(&["login", &a.uri(), "--token", SESSION]).success();
    let link = std::fs::symlink_metadata(env.config().join("session")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert_eq!(
        std::fs::read_to_string(mount.join("coder-session")).unwrap(),
        KEY_A
    );
    env.run(&["login", "token"]).success();
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_created_key_that_cannot_be_printed_is_named_with_how_to_remove_it() {
    let sandbox = Sandbox::start(Config::default()).unwrap();
    let env = Env::new();
    env.login_files(&sandbox.url(), &sandbox.owner_token());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = env
        .command(&["tokens", "create", "-n", "lost"])
        .stdin(Stdio::null())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let listed = env.run(&["tokens", "view", "lost", "-c", "id", "-o", "json"]);
    let id = serde_json::from_str::<serde_json::Value>(&listed.stdout).unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let expected = format!(
        "error: the token was created but its key could not be printed: No space left on device (os error 28)\n  \
         token \"lost\", ID {id}\nhint: the key cannot be shown again; remove the token with 'coder tokens rm {id}' and create a new one\n"
    );
    assert_eq!(stderr, expected);
    // A reader that stops reading chose to: no error.
    let mut child = env
        .command(&["tokens", "create", "-n", "piped"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `login` at a hidden prompt on a terminal, interrupted by `keys` typed at the
/// prompt or by `signal` sent by a watcher once echo is off; checks the exit status and
/// that echo is on again afterwards.
#[cfg(target_os = "linux")]
#[track_caller]
fn interrupted_login_restores_echo(url: &str, keys: &[&str], signal: Option<&str>, status: u32) {
    let env = Env::new();
    let pid = env.home.path().join("pid");
    let pid = pid.display();
    // The watcher waits for the prompt to turn echo off (tcgetattr is allowed from the
    // background; a background job's stdin is /dev/null), then signals the login. `-w`:
    // `stty -a` lists `-echonl` and `-echoprt` with echo on, which a bare `-echo` would
    // match at once, signalling before the handlers are in place.
    let watcher = signal.map_or_else(String::new, |signal| {
        format!(
            "(until [ -s '{pid}' ] && stty -a </dev/tty | grep -qw -- -echo; do sleep 0.05; done; \
             kill -{signal} \"$(cat '{pid}')\") & "
        )
    });
    let command = format!(
        "{watcher}sh -c 'echo $$ > \"$0\"; exec \"$1\" login \"$2\" --no-open' '{pid}' '{}' \
         '{url}'; echo \"exit=$?\"; stty -a",
        crate::harness::BIN,
    );
    let (_, screen) =
        crate::harness::shell_on_terminal(&env, &command, "Paste your token here:", keys);
    assert!(screen.contains(&format!("exit={status}")), "{screen}");
    let settings: Vec<&str> = screen.split_whitespace().collect();
    assert!(settings.contains(&"echo"), "echo is on again: {screen}");
    assert!(!settings.contains(&"-echo"), "{screen}");
    assert_eq!(env.read_config("session"), None);
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn ctrl_c_at_the_hidden_prompt_gives_the_terminal_its_echo_back() {
    let a = minting(KEY_A).await;
    interrupted_login_restores_echo(&a.uri(), &["\u{3}"], None, 130);
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_signal_at_the_hidden_prompt_gives_the_terminal_its_echo_back() {
    let a = minting(KEY_A).await;
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("QUIT", 131)] {
        interrupted_login_restores_echo(&a.uri(), &[], Some(signal), status);
    }
}
