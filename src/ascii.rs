//! Bytes as ASCII: the one predicate for a printable byte, and one pass over a large
//! body that tells its readers what they would otherwise each look for in a pass of
//! their own (is it text at all, does any string need a check, an escape).

/// Whether `b` is printable ASCII, a space to `~`.
pub fn printable(b: u8) -> bool {
    (b' '..=b'~').contains(&b)
}

/// What a body holds, its trailing ASCII whitespace left out (Go's encoder ends a body
/// with a line break, which is no string's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Survey {
    /// Every byte is printable ASCII: the body is text (valid UTF-8), and holds no
    /// control character, no DEL and nothing beyond ASCII.
    pub printable: bool,
    /// Some byte is `<`, `>` or `&` (characters Go's JSON encoder escapes).
    pub markup: bool,
}

impl Survey {
    /// One pass over `body` with no early exit, written so that it is vectorised: the
    /// least and the greatest byte kept (printable ASCII is every byte from `' '` to
    /// `'~'`), and whether any is markup ORed together.
    pub fn of(body: &[u8]) -> Survey {
        let (mut least, mut greatest, mut markup) = (u8::MAX, 0u8, 0u8);
        for &b in body.trim_ascii_end() {
            least = least.min(b);
            greatest = greatest.max(b);
            // `<` and `>` differ in one bit only.
            markup |= u8::from(b | 2 == b'>') | u8::from(b == b'&');
        }
        Survey {
            printable: least >= b' ' && greatest <= b'~',
            markup: markup != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn printable_is_a_space_to_tilde() {
        let found: Vec<u8> = (0..=255).filter(|&b| printable(b)).collect();
        assert_eq!(found, (b' '..=b'~').collect::<Vec<u8>>());
    }

    #[test]
    fn a_survey_leaves_out_only_the_trailing_whitespace() {
        let plain = Survey {
            printable: true,
            markup: false,
        };
        assert_eq!(Survey::of(b"[{\"id\":\"a b~\",\"n\":1}]\n \t\r"), plain);
        assert_eq!(Survey::of(b""), plain);
        for odd in ["\n", "\t", "\x7f", "\u{e9}", "\u{202e}", "\x1b", "\0"] {
            let body = format!("[\"a{odd}b\"]\n");
            assert!(!Survey::of(body.as_bytes()).printable, "{odd:?}");
        }
        for markup in ["<", ">", "&"] {
            let body = format!("[\"{markup}\"]");
            assert!(Survey::of(body.as_bytes()).markup, "{markup:?}");
        }
        for near in ["=", "?", "%", "'", "|", "^"] {
            let body = format!("[\"{near}\"]");
            assert_eq!(Survey::of(body.as_bytes()), plain, "{near:?}");
        }
    }

    proptest! {
        /// The vectorised pass answers as a byte-by-byte look does, for any bytes
        /// (those that matter made likely).
        #[test]
        fn a_survey_answers_as_each_byte_looked_at_does(
            body in proptest::collection::vec(
                prop_oneof![
                    any::<u8>(),
                    proptest::sample::select(b" \n\t\r\x0c\\<>&\x7f\x1f~".to_vec()),
                ],
                0..300,
            )
        ) {
            let kept = body.trim_ascii_end();
            let expected = Survey {
                printable: kept.iter().all(|&b| printable(b)),
                markup: kept.iter().any(|b| b"<>&".contains(b)),
            };
            prop_assert_eq!(Survey::of(&body), expected);
        }
    }
}
