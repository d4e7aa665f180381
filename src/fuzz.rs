//! Input generators shared by the property tests next to each parser.

use proptest::prelude::*;

/// `text` as an error message quotes it (Rust's `{:?}`), without the closing quote so
/// that a prefix also matches.
pub fn quoted(text: &str) -> String {
    let mut shown = format!("{text:?}");
    shown.pop();
    shown
}

/// Text that looks like input to a parser: mostly its own alphabet, sometimes anything.
pub fn input(alphabet: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::string::string_regex(alphabet).unwrap(),
        1 => any::<String>(),
    ]
}
