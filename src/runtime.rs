//! The async runtime, started only by commands that talk HTTP: one thread, and no
//! waiting at exit for blocking work (a hung DNS lookup) past a request's time limit.

use std::future::Future;

use anyhow::Result;

use crate::error::CliError;

pub struct Runtime(Option<tokio::runtime::Runtime>);

impl Runtime {
    pub fn new() -> Result<Runtime> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|err| {
                CliError::failure(format!("could not start the async runtime: {err}"))
            })?;
        Ok(Runtime(Some(runtime)))
    }

    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.0
            .as_ref()
            .expect("the runtime lives until dropped")
            .block_on(future)
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// Runs one future on a runtime of its own.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    Ok(Runtime::new()?.block_on(future))
}
