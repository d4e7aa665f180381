//! End-to-end tests: each test starts its own sandbox and talks HTTP to it.

mod client;
mod schema;
mod semantics;
mod setups;
mod tls;
