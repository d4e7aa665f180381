//! The binary. Rust's runtime start-up is skipped (`no_main`): on Linux it reads
//! `/proc/self/maps` to place the main thread's stack guard, a seventh of what
//! `coder login token` executes. The one thing it does that the program relies on is
//! done here: SIGPIPE is ignored, so that writing to a closed pipe is an error the
//! program handles (`coder tokens ls | head -1` exits 0) rather than a signal. (`run`
//! flushes stdout itself, which the runtime's clean-up would otherwise do.)
#![no_main]

#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    coder::complete_if_asked();
    std::ffi::c_int::from(coder::run(std::env::args_os()))
}
