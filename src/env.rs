//! The environment as the Go CLI reads it: a variable set to the empty text (as CI
//! makes from an undefined one) counts as unset.

use std::ffi::{OsStr, OsString};

/// The value of `name`, unless it is unset or empty.
pub fn var_os(name: impl AsRef<OsStr>) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}

/// Whether a variable whose name starts with `prefix` is set (and not empty).
pub fn any_set_with_prefix(prefix: &str) -> bool {
    std::env::vars_os().any(|(name, value)| {
        !value.is_empty() && name.to_str().is_some_and(|name| name.starts_with(prefix))
    })
}

/// The value of `name` as text, unless it is unset, empty or not Unicode.
pub fn var(name: impl AsRef<OsStr>) -> Option<String> {
    var_os(name)?.into_string().ok()
}
