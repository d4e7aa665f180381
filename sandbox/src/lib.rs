//! An in-memory, Coder-API-compatible HTTP(S) server for the `coder` CLI's demo,
//! end-to-end tests and benchmarks.
//!
//! It serves the token, user and build-info endpoints of a Coder deployment with an owner
//! `alice` and a member `bob`, each holding a few seeded tokens.
//!
//! ```no_run
//! use coder_sandbox::{Config, Sandbox};
//!
//! let sandbox = Sandbox::start(Config::default())?;
//! println!("{} {}", sandbox.url(), sandbox.owner_token());
//! # Ok::<(), std::io::Error>(())
//! ```

mod api;
mod catalog;
mod store;
mod tls;

use std::convert::Infallible;
use std::fmt;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_ENCODING, CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

use store::Store;
pub use tls::{Certificate, CertificateKind, Validity};

/// How to start a [`Sandbox`].
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Port to listen on (on 127.0.0.1); 0 picks any free port.
    pub port: u16,
    /// Extra tokens seeded onto the owner, named `bench-00001`, `bench-00002`, …
    pub extra_tokens: usize,
    /// Serve HTTPS with [`Config::certificate`] (by default a self-signed certificate for
    /// `localhost` and `127.0.0.1`).
    pub tls: bool,
    /// Answer every request with this redirect instead: the status and the origin it
    /// points to (the request's path and query are kept), as a proxy or an SSO in front
    /// of a deployment does.
    pub redirect: Option<(u16, String)>,
    /// The certificate served with `tls`.
    pub certificate: Certificate,
    /// Compress every response body with gzip (`Content-Encoding: gzip`), whether the
    /// client asked for it or not, as some proxies do.
    pub gzip: bool,
    /// Answer every request like a web server that is not Coder, instead of the API.
    pub not_coder: Option<NotCoder>,
}

/// Web servers that are not Coder, as a wrong URL finds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotCoder {
    /// 404 with the HTML page a plain web server (nginx) sends for a missing file.
    NotFound,
    /// 200 with an HTML page for every path, as a single-page app's catch-all does.
    Html,
}

/// The version the sandbox reports, in `X-Coder-Build-Version` and `/api/v2/buildinfo`.
pub const BUILD_VERSION: &str = "v2.31.0-sandbox";

/// One line of the access log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    /// The request target as sent (not percent-decoded).
    pub path_and_query: String,
    pub status: u16,
}

impl fmt::Display for LoggedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} -> {}",
            self.method, self.path_and_query, self.status
        )
    }
}

/// A running sandbox server. It serves on a background thread until dropped.
pub struct Sandbox {
    url: String,
    owner_token: String,
    member_token: String,
    cert_pem: Option<String>,
    server_cert_pem: Option<String>,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<thread::JoinHandle<()>>,
}

/// State shared between the server thread and the [`Sandbox`] handle.
struct Shared {
    store: Mutex<Store>,
    log: Mutex<Vec<LoggedRequest>>,
    echo_log: bool,
    redirect: Option<(u16, String)>,
    gzip: bool,
    not_coder: Option<NotCoder>,
}

impl Sandbox {
    /// Starts a sandbox on 127.0.0.1 and returns once it accepts connections.
    pub fn start(cfg: Config) -> io::Result<Sandbox> {
        Sandbox::launch(cfg, false)
    }

    /// Like [`Sandbox::start`], but also prints each access-log line to stderr.
    pub fn start_logging(cfg: Config) -> io::Result<Sandbox> {
        Sandbox::launch(cfg, true)
    }

    fn launch(cfg: Config, echo_log: bool) -> io::Result<Sandbox> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", cfg.port))?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let (url, served) = if cfg.tls {
            (
                format!("https://localhost:{port}"),
                Some(cfg.certificate.serve()?),
            )
        } else {
            (format!("http://127.0.0.1:{port}"), None)
        };
        let (cert_pem, server_cert_pem, acceptor) = match served {
            Some(served) => (
                Some(served.trust_pem),
                Some(served.server_pem),
                Some(served.acceptor),
            ),
            None => (None, None, None),
        };

        let seeded = Store::seeded(url.clone(), cfg.extra_tokens);
        let shared = Arc::new(Shared {
            store: Mutex::new(seeded.store),
            log: Mutex::default(),
            echo_log,
            redirect: cfg.redirect.clone(),
            gzip: cfg.gzip,
            not_coder: cfg.not_coder,
        });

        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (shutdown, stop) = oneshot::channel();
        let server = serve(listener, acceptor, Arc::clone(&shared), stop);
        let thread = thread::Builder::new()
            .name("coder-sandbox".into())
            .spawn(move || runtime.block_on(server))?;

        Ok(Sandbox {
            url,
            owner_token: seeded.owner_token,
            member_token: seeded.member_token,
            cert_pem,
            server_cert_pem,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, or `https://localhost:PORT` with TLS.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Session token of the owner `alice`.
    pub fn owner_token(&self) -> String {
        self.owner_token.clone()
    }

    /// Session token of the member `bob`.
    pub fn member_token(&self) -> String {
        self.member_token.clone()
    }

    /// The certificate (PEM) to trust when serving TLS: the self-signed server
    /// certificate, or the private CA's.
    pub fn ca_cert_pem(&self) -> Option<String> {
        self.cert_pem.clone()
    }

    /// The certificate (PEM) the server presents when serving TLS.
    pub fn server_cert_pem(&self) -> Option<String> {
        self.server_cert_pem.clone()
    }

    /// The port the sandbox listens on.
    pub fn port(&self) -> u16 {
        self.url
            .rsplit(':')
            .next()
            .and_then(|port| port.parse().ok())
            .expect("the URL ends in the port")
    }

    /// The access log so far, oldest first.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.shared.log).clone()
    }

    pub fn clear_requests(&self) {
        lock(&self.shared.log).clear();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // The server may already be gone; then there is nothing to stop.
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            // A panic on the server thread has already been reported by the panic hook.
            let _ = thread.join();
        }
    }
}

/// Locks `mutex`, ignoring poisoning: every update leaves the data consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Accepts connections until `stop` fires (or its sender is dropped).
async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    shared: Arc<Shared>,
    mut stop: oneshot::Receiver<()>,
) {
    loop {
        let stream = tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        // Without this, keep-alive clients wait out delayed ACKs on small responses.
        let _ = stream.set_nodelay(true);
        tokio::spawn(serve_stream(stream, tls.clone(), Arc::clone(&shared)));
    }
}

/// Serves one accepted connection, after its TLS handshake when serving HTTPS.
async fn serve_stream(stream: TcpStream, tls: Option<TlsAcceptor>, shared: Arc<Shared>) {
    let Some(acceptor) = tls else {
        return serve_connection(stream, shared).await;
    };
    if let Ok(stream) = acceptor.accept(stream).await {
        serve_connection(stream, shared).await;
    }
}

async fn serve_connection<S>(io: S, shared: Arc<Shared>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = service_fn(move |request| {
        let shared = Arc::clone(&shared);
        async move { Ok::<_, Infallible>(shared.respond(request).await) }
    });
    // Errors here are clients going away mid-request; there is no one to tell.
    let _ = http1::Builder::new()
        .serve_connection(TokioIo::new(io), service)
        .await;
}

impl Shared {
    async fn respond(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        let (parts, body) = request.into_parts();
        let body = body
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        let token = parts
            .headers
            .get("coder-session-token")
            .and_then(|v| v.to_str().ok());
        if let Some((status, origin)) = &self.redirect {
            return self.redirected(&parts, *status, origin);
        }
        let reply = match self.not_coder {
            None => api::handle(
                &mut lock(&self.store),
                &api::Request {
                    method: &parts.method,
                    path: parts.uri.path(),
                    query: parts.uri.query(),
                    token,
                    body: &body,
                },
            ),
            Some(kind) => not_coder(kind),
        };
        self.log(&parts, reply.status.as_u16());
        self.response(reply)
    }

    fn response(&self, reply: api::Reply) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::default());
        *response.status_mut() = reply.status;
        let headers = response.headers_mut();
        if self.not_coder.is_none() {
            // Coder's API sets it on every response; clients tell Coder by it.
            headers.insert(
                "x-coder-build-version",
                HeaderValue::from_static(BUILD_VERSION),
            );
        }
        if let Some(body) = reply.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(reply.content_type));
            let body = if self.gzip {
                headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                gzip(&body)
            } else {
                body
            };
            *response.body_mut() = Full::from(body);
        }
        response
    }

    fn log(&self, parts: &hyper::http::request::Parts, status: u16) {
        let entry = LoggedRequest {
            method: parts.method.to_string(),
            path_and_query: parts
                .uri
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_owned(),
            status,
        };
        if self.echo_log {
            eprintln!("{entry}");
        }
        lock(&self.log).push(entry);
    }

    /// The redirect mode's answer: `origin` + the request's path and query.
    fn redirected(
        &self,
        parts: &hyper::http::request::Parts,
        status: u16,
        origin: &str,
    ) -> Response<Full<Bytes>> {
        self.log(parts, status);
        let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        let mut response = Response::new(Full::default());
        *response.status_mut() =
            hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::FOUND);
        if let Ok(location) = HeaderValue::from_str(&format!("{origin}{target}")) {
            response
                .headers_mut()
                .insert(hyper::header::LOCATION, location);
        }
        response
    }
}

/// What a web server that is not Coder answers, whatever was asked.
fn not_coder(kind: NotCoder) -> api::Reply {
    let (status, page) = match kind {
        NotCoder::NotFound => (
            hyper::StatusCode::NOT_FOUND,
            "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n\
             <center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n\
             </body>\r\n</html>\r\n",
        ),
        NotCoder::Html => (
            hyper::StatusCode::OK,
            "<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n\
             <body><div id=\"root\"></div><script src=\"/app.js\"></script></body></html>\n",
        ),
    };
    api::Reply {
        status,
        content_type: "text/html",
        body: Some(page.as_bytes().to_vec()),
    }
}

/// Level 1, nginx's default `gzip_comp_level`: fast, so that a benchmark measures the
/// client more than the compressor.
fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .expect("writing to memory does not fail")
}
