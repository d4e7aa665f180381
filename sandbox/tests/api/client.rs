//! A tiny blocking HTTP/1.1 client, enough to talk to the sandbox over TCP or TLS.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use coder_sandbox::{Config, Sandbox};
use serde_json::Value;

pub struct Response {
    pub status: u16,
    pub content_type: Option<String>,
    /// Every header, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy; see `bytes`).
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {:?}", self.body))
    }
}

/// Sends one request (with `Connection: close`) over `stream` and reads the response.
pub fn exchange(
    mut stream: impl Read + Write,
    host: &str,
    method: &str,
    target: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Response {
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    if let Some(token) = token {
        head += &format!("Coder-Session-Token: {token}\r\n");
    }
    if let Some(body) = body {
        head += &format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
    }
    head += "\r\n";
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.unwrap_or("").as_bytes()).unwrap();
    stream.flush().unwrap();

    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let (mut content_type, mut content_length, mut headers) = (None, 0, Vec::new());
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let Some((name, value)) = line.trim_end().split_once(": ") else {
            break;
        };
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "content-type" => content_type = Some(value.to_owned()),
            "content-length" => content_length = value.parse().unwrap(),
            _ => {}
        }
        headers.push((name, value.to_owned()));
    }
    let mut bytes = vec![0; content_length];
    reader.read_exact(&mut bytes).unwrap();
    Response {
        status,
        content_type,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}

/// Talks plain HTTP to a sandbox, authenticated with `token` when given.
pub struct Client {
    host: String,
    token: Option<String>,
}

impl Client {
    pub fn new(sandbox: &Sandbox, token: Option<String>) -> Client {
        let url = sandbox.url();
        let host = url
            .strip_prefix("http://")
            .expect("a plain-HTTP sandbox")
            .to_owned();
        Client { host, token }
    }

    pub fn owner(sandbox: &Sandbox) -> Client {
        Client::new(sandbox, Some(sandbox.owner_token()))
    }

    pub fn member(sandbox: &Sandbox) -> Client {
        Client::new(sandbox, Some(sandbox.member_token()))
    }

    pub fn send(&self, method: &str, target: &str, body: Option<&str>) -> Response {
        let stream = TcpStream::connect(&self.host).unwrap();
        exchange(
            stream,
            &self.host,
            method,
            target,
            self.token.as_deref(),
            body,
        )
    }

    pub fn get(&self, target: &str) -> Response {
        self.send("GET", target, None)
    }

    /// GETs `target`, asserts a 200 and returns the JSON body.
    pub fn get_json(&self, target: &str) -> Value {
        let response = self.get(target);
        assert_eq!(response.status, 200, "GET {target}: {}", response.body);
        response.json()
    }

    pub fn post(&self, target: &str, body: &str) -> Response {
        self.send("POST", target, Some(body))
    }

    /// Creates a token for `me` and returns the full `<id>-<secret>` key.
    pub fn create_token(&self, body: &str) -> String {
        let response = self.post("/api/v2/users/me/keys/tokens", body);
        assert_eq!(response.status, 201, "{}", response.body);
        response.json()["key"].as_str().unwrap().to_owned()
    }
}

pub fn start(config: Config) -> Sandbox {
    Sandbox::start(config).expect("sandbox starts")
}

pub fn sandbox() -> Sandbox {
    start(Config::default())
}

/// The token names in a token list, in order.
pub fn names(tokens: &Value) -> Vec<&str> {
    tokens
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["token_name"].as_str().unwrap())
        .collect()
}
