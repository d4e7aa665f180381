//! The integration tests, in one binary: the real `coder` binary in a hermetic
//! environment (see `harness`) against wiremock stubs, the sandbox deployment or raw
//! sockets. One module per area; run one area with `cargo test --test it <module>::`.

mod harness;

mod architecture;
mod bad_input;
mod boundaries;
mod completions;
#[cfg(windows)]
mod credential_manager;
mod deployments;
mod dropin;
mod e2e;
mod faults;
mod foundation;
mod go_cli;
mod interrupted;
#[cfg(target_os = "linux")]
mod keyring;
mod layout;
mod lenient;
mod messages;
mod packaging;
#[cfg(unix)]
mod quoting;
mod secrets;
mod security;
mod status;
mod tokens;
#[cfg(unix)]
mod tty;
