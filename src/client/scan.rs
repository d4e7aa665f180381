//! A fast reader for the one large body: the token list (10,000 keys are 4 MB). It
//! reads the shape Coder sends — an array of flat objects — straight from the bytes,
//! borrowing every string, with the same rules as the general decoder (`null` as the
//! zero value, the last of duplicated keys, unknown keys skipped). Anything else — a
//! value of another type, an escape, broken JSON, deep nesting — it does not read: the
//! general decoder (serde) reads that body instead and reports what is wrong exactly as
//! it always has.

use std::borrow::Cow;

use super::types::{AllowTarget, ApiKey, KeySink, ZERO_TIME};

/// How deep an unknown value may nest before the general decoder is left to judge it
/// (serde_json's own limit is 128).
const MAX_DEPTH: usize = 64;

/// Reads the list in `text` and gives each key to `sink`: `false` when the body is not
/// of the plain shape (the sink may have had some keys by then). `printable`: the body
/// is known to be printable ASCII (so it has no control characters to look for).
pub(super) fn keys(text: &str, printable: bool, sink: &mut dyn KeySink) -> bool {
    Scanner::new(text, printable).list(sink).is_some()
}

/// The fields of a key the scanner reads.
#[derive(Clone, Copy)]
enum KeyField {
    Id,
    UserId,
    LastUsed,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
    LoginType,
    Scope,
    Scopes,
    TokenName,
    LifetimeSeconds,
    AllowList,
    Username,
}

/// A key's fields as each is written before its value, in the order Coder writes them.
const KEY_FIELDS: [(&str, KeyField); 13] = [
    (r#""id":"#, KeyField::Id),
    (r#""user_id":"#, KeyField::UserId),
    (r#""last_used":"#, KeyField::LastUsed),
    (r#""expires_at":"#, KeyField::ExpiresAt),
    (r#""created_at":"#, KeyField::CreatedAt),
    (r#""updated_at":"#, KeyField::UpdatedAt),
    (r#""login_type":"#, KeyField::LoginType),
    (r#""scope":"#, KeyField::Scope),
    (r#""scopes":"#, KeyField::Scopes),
    (r#""token_name":"#, KeyField::TokenName),
    (r#""lifetime_seconds":"#, KeyField::LifetimeSeconds),
    (r#""allow_list":"#, KeyField::AllowList),
    (r#""username":"#, KeyField::Username),
];

/// The fields of an allow-list entry.
#[derive(Clone, Copy)]
enum TargetField {
    Type,
    Id,
}

/// An allow-list entry's fields, as [`KEY_FIELDS`] are given.
const TARGET_FIELDS: [(&str, TargetField); 2] = [
    (r#""type":"#, TargetField::Type),
    (r#""id":"#, TargetField::Id),
];

/// Where the reading stopped: not the plain shape.
type Step<T> = Option<T>;

struct Scanner<'a> {
    text: &'a str,
    at: usize,
    specials: Specials<'a>,
    /// Whether the body has no control characters at all (Coder's compact JSON has
    /// none), so that no string needs checking for them.
    clean: bool,
    /// The last key's lists, emptied, for the next key to fill: one allocation for
    /// the whole body instead of two for every key.
    spare: Spare<'a>,
}

#[derive(Default)]
struct Spare<'a> {
    scopes: Vec<Cow<'a, str>>,
    targets: Vec<AllowTarget<'a>>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, printable: bool) -> Scanner<'a> {
        // One pass over the body without an early exit, which is vectorised, where it
        // is not known to be printable; the line break Go's encoder ends a body with is
        // no string's.
        let controls = !printable
            && text
                .trim_end_matches([' ', '\n', '\r', '\t'])
                .bytes()
                .fold(false, |found, b| found | (b < 0x20));
        Scanner {
            text,
            at: 0,
            specials: Specials::new(text.as_bytes()),
            clean: !controls,
            spare: Spare::default(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Step<u8> {
        self.bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// The next byte after spaces, which must be `byte`.
    fn expect(&mut self, byte: u8) -> Step<()> {
        self.skip_space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// The next byte after spaces, consumed when it is `byte`.
    fn accept(&mut self, byte: u8) -> bool {
        self.skip_space();
        let matched = self.peek() == Some(byte);
        self.at += usize::from(matched);
        matched
    }

    fn literal(&mut self, word: &str) -> bool {
        self.skip_space();
        let matched = self.bytes()[self.at..].starts_with(word.as_bytes());
        self.at += if matched { word.len() } else { 0 };
        matched
    }

    /// `[` key, … `]` or `null`, and nothing after it but spaces.
    fn list(mut self, sink: &mut dyn KeySink) -> Step<()> {
        if !self.literal("null") {
            self.items(|scanner| {
                let key = scanner.key()?;
                sink.key(&key);
                scanner.recycle(key);
                Some(())
            })?;
        }
        self.skip_space();
        (self.at == self.text.len()).then_some(())
    }

    /// `[` item, … `]`, each read by `item`.
    fn items(&mut self, mut item: impl FnMut(&mut Self) -> Step<()>) -> Step<()> {
        self.expect(b'[')?;
        if self.accept(b']') {
            return Some(());
        }
        loop {
            item(self)?;
            if !self.accept(b',') {
                return self.expect(b']');
            }
        }
    }

    /// `{` "name": value, … `}`, each value read by `field`, told which of `names` the
    /// field's name is (`None` for a name not among them).
    fn fields<F: Copy>(
        &mut self,
        names: &[(&str, F)],
        mut field: impl FnMut(&mut Self, Option<F>) -> Step<()>,
    ) -> Step<()> {
        self.expect(b'{')?;
        if self.accept(b'}') {
            return Some(());
        }
        let mut next = 0;
        loop {
            let name = self.name(names, &mut next)?;
            field(self, name)?;
            if !self.accept(b',') {
                return self.expect(b'}');
            }
        }
    }

    /// A field's name and its colon: which of `names` (each written `"name":`) it is.
    /// Coder writes an object's fields in one order, so the names from `next` on are
    /// tried first, as they stand in the text; any other spelling of a name (spaces
    /// before the colon, a name out of order or unknown) is read as a string.
    fn name<F: Copy>(&mut self, names: &[(&str, F)], next: &mut usize) -> Step<Option<F>> {
        self.skip_space();
        let rest = &self.bytes()[self.at..];
        let ahead = names.get(*next..).unwrap_or_default();
        if let Some(i) = ahead
            .iter()
            .position(|(quoted, _)| rest.starts_with(quoted.as_bytes()))
        {
            let (quoted, field) = ahead[i];
            self.at += quoted.len();
            *next += i + 1;
            return Some(Some(field));
        }
        let name = self.plain_string()?;
        self.expect(b':')?;
        let known = names
            .iter()
            .position(|(quoted, _)| quoted.get(1..quoted.len() - 2) == Some(name));
        Some(known.map(|i| {
            *next = i + 1;
            names[i].1
        }))
    }

    /// One API key; a field given twice keeps its last value.
    fn key(&mut self) -> Step<ApiKey<'a>> {
        use KeyField::*;
        let start = self.at;
        if let Some(key) = self.compact_key() {
            return Some(key);
        }
        self.at = start;
        let mut key = ApiKey::with_id("");
        self.fields(&KEY_FIELDS, |scanner, field| {
            let Some(field) = field else {
                return scanner.skip_value(0);
            };
            match field {
                Id => key.id = Cow::Borrowed(scanner.text_or("")?),
                UserId => key.user_id = Cow::Borrowed(scanner.text_or("")?),
                LastUsed => key.last_used = Cow::Borrowed(scanner.text_or(ZERO_TIME)?),
                ExpiresAt => key.expires_at = Cow::Borrowed(scanner.text_or(ZERO_TIME)?),
                CreatedAt => key.created_at = Cow::Borrowed(scanner.text_or(ZERO_TIME)?),
                UpdatedAt => key.updated_at = Cow::Borrowed(scanner.text_or(ZERO_TIME)?),
                LoginType => key.login_type = Cow::Borrowed(scanner.text_or("")?),
                Scope => key.scope = Cow::Borrowed(scanner.text_or("")?),
                Scopes => key.scopes = scanner.scopes()?,
                TokenName => key.token_name = Cow::Borrowed(scanner.text_or("")?),
                LifetimeSeconds => key.lifetime_seconds = scanner.integer()?,
                AllowList => key.allow_list = scanner.allow_list()?,
                Username => key.username = Cow::Borrowed(scanner.text_or("")?),
            }
            Some(())
        })?;
        Some(key)
    }

    /// A key exactly as Coder writes it: compact, every field in [`KEY_FIELDS`]' order
    /// (the owner's name may be missing) and each time a string. What stands between
    /// two values is then known, and is compared as a constant (a few instructions,
    /// where reading each name and looking it up costs a call or two); at the first
    /// difference `None`, and [`Scanner::key`] reads the key again field by field.
    fn compact_key(&mut self) -> Step<ApiKey<'a>> {
        let string = |scanner: &mut Self, before: &[u8]| {
            scanner.constant(before)?;
            scanner.string_rest().map(Cow::Borrowed)
        };
        let id = string(self, br#"{"id":""#)?;
        let user_id = string(self, br#","user_id":""#)?;
        let last_used = string(self, br#","last_used":""#)?;
        let expires_at = string(self, br#","expires_at":""#)?;
        let created_at = string(self, br#","created_at":""#)?;
        let updated_at = string(self, br#","updated_at":""#)?;
        let login_type = string(self, br#","login_type":""#)?;
        let scope = string(self, br#","scope":""#)?;
        self.constant(br#","scopes":"#)?;
        let scopes = self.scopes()?;
        let token_name = string(self, br#","token_name":""#)?;
        self.constant(br#","lifetime_seconds":"#)?;
        let lifetime_seconds = self.integer()?;
        self.constant(br#","allow_list":"#)?;
        let allow_list = self.allow_list()?;
        // A key without its owner's name (as one key alone is sent) is read alike.
        let username = if self.constant(b"}").is_some() {
            Cow::Borrowed("")
        } else {
            let username = string(self, br#","username":""#)?;
            self.constant(b"}")?;
            username
        };
        Some(ApiKey {
            id,
            user_id,
            last_used,
            expires_at,
            created_at,
            updated_at,
            login_type,
            scope,
            scopes,
            token_name,
            lifetime_seconds,
            allow_list,
            username,
        })
    }

    /// `text` next, as it is (no spaces before it); inlined where `text` is a constant.
    #[inline(always)]
    fn constant(&mut self, text: &[u8]) -> Step<()> {
        let matched = self.bytes()[self.at..].starts_with(text);
        self.at += if matched { text.len() } else { 0 };
        matched.then_some(())
    }

    /// Keeps `key`'s lists for the next key.
    fn recycle(&mut self, key: ApiKey<'a>) {
        if let Some(scopes) = key.scopes {
            self.spare.scopes = scopes;
        }
        if let Some(targets) = key.allow_list {
            self.spare.targets = targets;
        }
    }

    /// A string, or `null` as `zero`.
    fn text_or(&mut self, zero: &'static str) -> Step<&'a str> {
        // Coder's compact JSON: the string's quote comes at once.
        if self.peek() == Some(b'"') {
            self.at += 1;
            return self.string_rest();
        }
        if self.literal("null") {
            return Some(zero);
        }
        self.plain_string()
    }

    /// A string without escapes (the only kind Coder's keys hold in practice; one with
    /// escapes is left to the general decoder), borrowed from the body.
    fn plain_string(&mut self) -> Step<&'a str> {
        self.expect(b'"')?;
        self.string_rest()
    }

    /// The rest of a plain string whose opening quote has been read.
    fn string_rest(&mut self) -> Step<&'a str> {
        let start = self.at;
        let end = self.specials.next(start)?;
        // JSON has no raw control characters in strings.
        let controls = || {
            self.bytes()[start..end]
                .iter()
                .fold(false, |found, &b| found | (b < 0x20))
        };
        if self.bytes()[end] != b'"' || (!self.clean && controls()) {
            return None;
        }
        self.at = end + 1;
        // SAFETY: `start` is just after a `"` and `end` at one (`start <= end`, and
        // `end` indexes a byte of the text): both are ASCII, so both are the edges of
        // characters in the UTF-8 text.
        Some(unsafe { self.text.get_unchecked(start..end) })
    }

    /// An integer that fits an `i64` (no fraction or exponent), or `null` as 0.
    fn integer(&mut self) -> Step<i64> {
        if self.literal("null") {
            return Some(0);
        }
        self.skip_space();
        let start = self.at;
        self.number()?;
        self.text[start..self.at].parse().ok()
    }

    /// A JSON number, as its grammar has it.
    fn number(&mut self) -> Step<()> {
        self.at += usize::from(self.peek() == Some(b'-'));
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            self.at += usize::from(matches!(self.peek(), Some(b'+' | b'-')));
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Step<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// `null`, or a list of strings (`null` ones as "").
    fn scopes(&mut self) -> Step<Option<Vec<Cow<'a, str>>>> {
        if self.literal("null") {
            return Some(None);
        }
        let mut scopes = std::mem::take(&mut self.spare.scopes);
        scopes.clear();
        self.items(|scanner| {
            scopes.push(Cow::Borrowed(scanner.text_or("")?));
            Some(())
        })?;
        Some(Some(scopes))
    }

    /// `null`, or a list of `{"type", "id"}` objects (`null` ones empty).
    fn allow_list(&mut self) -> Step<Option<Vec<AllowTarget<'a>>>> {
        if self.literal("null") {
            return Some(None);
        }
        let mut targets = std::mem::take(&mut self.spare.targets);
        targets.clear();
        self.items(|scanner| {
            targets.push(scanner.target()?);
            Some(())
        })?;
        Some(Some(targets))
    }

    /// One `{"type", "id"}` object, or `null` as an empty one.
    fn target(&mut self) -> Step<AllowTarget<'a>> {
        let mut target = AllowTarget::default();
        if self.literal("null") {
            return Some(target);
        }
        self.fields(&TARGET_FIELDS, |scanner, field| {
            match field {
                Some(TargetField::Type) => target.kind = Cow::Borrowed(scanner.text_or("")?),
                Some(TargetField::Id) => target.id = Cow::Borrowed(scanner.text_or("")?),
                None => scanner.skip_value(0)?,
            }
            Some(())
        })?;
        Some(target)
    }

    /// Any value, checked as JSON and passed over.
    fn skip_value(&mut self, depth: usize) -> Step<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'"' => self.plain_string().map(drop),
            b'[' => self.items(|scanner| scanner.skip_value(depth + 1)),
            b'{' => self.fields::<()>(&[], |scanner, _| scanner.skip_value(depth + 1)),
            b't' => self.literal("true").then_some(()),
            b'f' => self.literal("false").then_some(()),
            b'n' => self.literal("null").then_some(()),
            _ => self.number(),
        }
    }
}

/// Where the `"` and `\\` bytes of a text are, found 64 bytes at a time: one mask per
/// block, kept while the reading stays in it, so that the end of a string is a bit scan
/// (the strings of a key are 2 to 36 bytes, too short for a search of their own to pay).
struct Specials<'a> {
    bytes: &'a [u8],
    /// The block `mask` is of.
    block: usize,
    mask: u64,
}

impl<'a> Specials<'a> {
    fn new(bytes: &'a [u8]) -> Specials<'a> {
        Specials {
            bytes,
            block: 0,
            mask: block_mask(bytes),
        }
    }

    /// The first `"` or `\\` at or after `from`.
    fn next(&mut self, from: usize) -> Option<usize> {
        let mut block = from / 64;
        let mut mask = self.mask(block) & (u64::MAX << (from % 64));
        while mask == 0 {
            block += 1;
            if block * 64 >= self.bytes.len() {
                return None;
            }
            mask = self.mask(block);
        }
        Some(block * 64 + mask.trailing_zeros() as usize)
    }

    fn mask(&mut self, block: usize) -> u64 {
        if block != self.block {
            self.block = block;
            self.mask = block_mask(self.bytes.get(block * 64..).unwrap_or_default());
        }
        self.mask
    }
}

/// A bit for each `"` or `\\` among the first 64 bytes of `bytes` (bit `i` for byte `i`):
/// on x86-64 with SSE2 (every x86-64 has it), sixteen bytes per compare.
#[cfg(target_arch = "x86_64")]
fn block_mask(bytes: &[u8]) -> u64 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    first_block(bytes, |block| {
        block
            .chunks_exact(16)
            .enumerate()
            .fold(0, |mask, (i, sixteen)| {
                // SAFETY: SSE2 is part of x86-64 itself, so these instructions exist on every
                // machine this code runs on; `sixteen` is 16 readable bytes, and this load
                // needs no alignment.
                let hits = unsafe {
                    let v = _mm_loadu_si128(sixteen.as_ptr().cast());
                    let quotes = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
                    let backslashes = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
                    _mm_movemask_epi8(_mm_or_si128(quotes, backslashes))
                };
                mask | u64::from(hits as u16) << (i * 16)
            })
    })
}

/// The same mask without vector instructions: the bytes compared all at once (which
/// compilers vectorise where they can), then each eight 0-or-1 bytes gathered into
/// eight bits by one multiplication. Also the oracle of the SSE2 mask's tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn portable_block_mask(bytes: &[u8]) -> u64 {
    first_block(bytes, |block| {
        let marks = block.map(|b| u8::from(b == b'"' || b == b'\\'));
        marks
            .chunks_exact(8)
            .enumerate()
            .fold(0, |mask, (i, eight)| {
                let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                mask | gather(eight) << (i * 8)
            })
    })
}

#[cfg(not(target_arch = "x86_64"))]
use portable_block_mask as block_mask;

/// `mask` of the first 64 bytes of `bytes`: read in place, or, where fewer are left (the
/// body's last block), from a copy padded with zeros.
#[inline(always)]
fn first_block(bytes: &[u8], mask: impl Fn(&[u8; 64]) -> u64) -> u64 {
    match bytes.first_chunk() {
        Some(block) => mask(block),
        None => mask(&padded(bytes)),
    }
}

/// `bytes` (fewer than 64) padded with zeros to 64.
#[cold]
fn padded(bytes: &[u8]) -> [u8; 64] {
    let mut block = [0u8; 64];
    block[..bytes.len()].copy_from_slice(bytes);
    block
}

#[cfg(any(test, not(target_arch = "x86_64")))]
/// The low bits of eight bytes that are each 0 or 1, as one byte (byte `i`'s as bit `i`):
/// the product puts byte `i`'s bit at bit 56 + `i`, and no other terms reach there.
fn gather(eight: u64) -> u64 {
    eight.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::client::types::EachKey;

    /// What the general decoder makes of `text`: each key's debug form, or its error.
    fn general(text: &str) -> Result<Vec<String>, String> {
        let mut keys = Vec::new();
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde::de::DeserializeSeed::deserialize(
            EachKey(&mut |key| keys.push(format!("{key:?}"))),
            &mut deserializer,
        )
        .and_then(|()| deserializer.end())
        .map_err(|e| e.to_string())?;
        Ok(keys)
    }

    fn fast(text: &str) -> Option<Vec<String>> {
        let mut keys = Vec::new();
        keys_read(text, &mut keys).then_some(keys)
    }

    /// The keys' debug forms, as a sink collects them.
    struct Collected(Vec<String>);

    impl KeySink for Collected {
        fn key(&mut self, key: &ApiKey<'_>) {
            self.0.push(format!("{key:?}"));
        }

        fn restart(&mut self) {
            self.0.clear();
        }
    }

    fn keys_read(text: &str, out: &mut Vec<String>) -> bool {
        let mut sink = Collected(Vec::new());
        // As the transport calls it: told what the one pass over the body found.
        let printable = crate::ascii::Survey::of(text.as_bytes()).printable;
        let read = keys(text, printable, &mut sink);
        *out = sink.0;
        read
    }

    /// `len` bytes of `a` with `mark` at `at` and, after it, bytes that look alike to a
    /// careless bit trick.
    fn marked(len: usize, at: usize, mark: u8) -> Vec<u8> {
        let mut text = vec![b'a'; len];
        text[at] = mark;
        for later in text.iter_mut().skip(at + 1).step_by(3) {
            *later = b'#';
        }
        text
    }

    #[test]
    fn the_next_quote_or_backslash_is_found_from_wherever_the_reading_is() {
        let lens = [0, 1, 7, 63, 64, 65, 127, 128, 130, 200];
        let cases = lens
            .into_iter()
            .flat_map(|len| (0..len).flat_map(move |at| [(len, at, b'"'), (len, at, b'\\')]));
        for (len, at, mark) in cases {
            let text = marked(len, at, mark);
            // One reader forward through the text, as the scanner reads, and a fresh
            // one for each start.
            let mut reader = Specials::new(&text);
            for from in 0..=len {
                let expected = (from <= at).then_some(at);
                assert_eq!(reader.next(from), expected, "{len} {at} {from}");
                assert_eq!(Specials::new(&text).next(from), expected);
            }
        }
        for len in lens {
            assert_eq!(Specials::new(&vec![b'x'; len]).next(0), None);
        }
        assert_eq!(Specials::new("é\"".as_bytes()).next(0), Some(2));
    }

    proptest! {
        /// The mask in use (SSE2 on x86-64) is the portable one, for any bytes and any
        /// length, a block's end included.
        #[test]
        fn the_block_mask_is_the_portable_one(
            bytes in proptest::collection::vec(prop_oneof![Just(b'"'), Just(b'\\'), any::<u8>()], 0..80),
        ) {
            prop_assert_eq!(block_mask(&bytes), portable_block_mask(&bytes));
        }
    }

    #[test]
    fn eight_marks_are_gathered_into_their_bits() {
        for bits in 0..=255u8 {
            let bytes: [u8; 8] = std::array::from_fn(|i| (bits >> i) & 1);
            assert_eq!(gather(u64::from_le_bytes(bytes)), u64::from(bits));
        }
    }

    /// Wherever the scanner reads a body, it reads what the general decoder reads.
    fn same(text: &str) {
        if let Some(read) = fast(text) {
            assert_eq!(Ok(read), general(text), "{text}");
        }
    }

    #[test]
    fn coders_list_is_read_as_the_general_decoder_reads_it() {
        let list = r#"[{"id":"Xk2m9QpR7a","user_id":"u-1","username":"alice","last_used":"0001-01-01T00:00:00Z","expires_at":"2026-01-01T00:00:00Z","created_at":"2025-01-01T00:00:00.5Z","updated_at":"2025-01-01T00:00:00Z","login_type":"token","scope":"all","scopes":["coder:all","b"],"token_name":"ci","lifetime_seconds":86400,"allow_list":[{"type":"*","id":"*"}]}]"#;
        assert!(fast(list).is_some());
        same(list);
        for plain in [
            "[]",
            " [ ] ",
            "null",
            r#"[{}]"#,
            r#"[{"id":null,"last_used":null,"scopes":null,"allow_list":null,"lifetime_seconds":null}]"#,
            r#"[{"id":"a","id":"b"}]"#,
            r#"[{"extra":{"n":[1,2.5e3,-0,true,false,null,"x"]},"id":"a"}]"#,
            r#"[{"scopes":["a",null],"allow_list":[null,{"id":"x","other":1,"type":"t"}]}]"#,
            r#"[{"lifetime_seconds":-9223372036854775808}]"#,
            "[\n  {\n    \"id\": \"a\"\n  }\n]\n",
            // Names out of Coder's order, a name a prefix of the next, a space before
            // the colon, and names that only start like known ones.
            r#"[{"username":"u","scopes":["s"],"scope":"one","id" :"a","ids":"x","user_id":"b","id":"c"}]"#,
            r#"[{"allow_list":[{"id":"i","type":"t","type" :"u"}],"token_names":"n","token_name":"m"}]"#,
        ] {
            assert!(fast(plain).is_some(), "{plain}");
            same(plain);
        }
    }

    #[test]
    fn anything_else_is_left_to_the_general_decoder() {
        for other in [
            "",
            "{}",
            "[1]",
            r#"[{"id":1}]"#,
            r#"[{"id":"a\"b"}]"#,
            r#"[{"lifetime_seconds":1.5}]"#,
            r#"[{"lifetime_seconds":9223372036854775808}]"#,
            r#"[{"scopes":"all"}]"#,
            r#"[{"id":"a"}"#,
            r#"[{"id":"a"}] x"#,
            "[{\"id\":\"a\tb\"}]",
            r#"[{"x":01}]"#,
            r#"[{"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]"#,
        ] {
            assert!(fast(other).is_none(), "{other}");
        }
    }

    /// JSON values of any shape, as the fields of a key might hold.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(|f| serde_json::json!(f)),
            "[a-z\"\\\\\u{1}é<>&\u{2028} ]{0,8}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    const FIELDS: [&str; 14] = [
        "id",
        "user_id",
        "last_used",
        "expires_at",
        "created_at",
        "updated_at",
        "login_type",
        "scope",
        "scopes",
        "token_name",
        "lifetime_seconds",
        "allow_list",
        "username",
        "type",
    ];

    /// A list of objects with the key's fields (and others) holding any values, in any
    /// order, some twice; written compactly or spaced.
    fn list() -> impl Strategy<Value = String> {
        let field = (prop::sample::select(&FIELDS[..]), value());
        let object = prop::collection::vec(field, 0..8).prop_map(|fields| {
            let parts: Vec<String> = fields
                .iter()
                .map(|(name, value)| format!("{name:?}:{value}"))
                .collect();
            format!("{{{}}}", parts.join(","))
        });
        (prop::collection::vec(object, 0..4), any::<bool>()).prop_map(|(objects, spaced)| {
            let separator = if spaced { ",\n " } else { "," };
            format!("[{}]", objects.join(separator))
        })
    }

    /// A value of the type `field` holds (or `null`), as Coder sends them.
    fn typed(field: &'static str) -> BoxedStrategy<serde_json::Value> {
        let text = "[a-z0-9é<>&\u{2028}: -]{0,12}".prop_map(serde_json::Value::from);
        let text_or_null = prop_oneof![text.clone(), Just(serde_json::Value::Null)];
        match field {
            "scopes" => prop_oneof![
                Just(serde_json::Value::Null),
                prop::collection::vec(text_or_null, 0..3).prop_map(serde_json::Value::from),
            ]
            .boxed(),
            "allow_list" => {
                let target = (text.clone(), text)
                    .prop_map(|(kind, id)| serde_json::json!({"type": kind, "id": id}));
                prop_oneof![
                    Just(serde_json::Value::Null),
                    prop::collection::vec(target, 0..3).prop_map(serde_json::Value::from),
                ]
                .boxed()
            }
            "lifetime_seconds" => prop_oneof![
                Just(serde_json::Value::Null),
                any::<i64>().prop_map(serde_json::Value::from),
            ]
            .boxed(),
            // Unknown to a key: anything without escapes (those go to the general decoder).
            "type" => prop_oneof![
                text_or_null.clone(),
                any::<i64>().prop_map(serde_json::Value::from),
                any::<bool>().prop_map(serde_json::Value::from),
                prop::collection::vec(text_or_null, 0..3).prop_map(serde_json::Value::from),
            ]
            .boxed(),
            _ => text_or_null.boxed(),
        }
    }

    /// A list as Coder sends it: every known field of the right type, in any order,
    /// some twice, with unknown ones among them.
    fn typed_list() -> impl Strategy<Value = String> {
        let field = prop::sample::select(&FIELDS[..])
            .prop_flat_map(|name| typed(name).prop_map(move |value| format!("{name:?}:{value}")));
        let object =
            prop::collection::vec(field, 0..16).prop_map(|f| format!("{{{}}}", f.join(",")));
        prop::collection::vec(object, 0..4).prop_map(|objects| format!("[{}]", objects.join(",")))
    }

    /// A list as Coder writes it: compact, every field in Coder's order, of the right
    /// type (`null` now and then, which the compact reading leaves to the field by
    /// field one), the owner's name sometimes missing.
    fn compact_list() -> impl Strategy<Value = String> {
        let named = |name: &'static str| typed(name).prop_map(move |v| format!("{name:?}:{v}"));
        let fields: Vec<_> = FIELDS[..12].iter().map(|&name| named(name)).collect();
        let object = (fields, prop::option::of(named("username"))).prop_map(|(mut f, user)| {
            f.extend(user);
            format!("{{{}}}", f.join(","))
        });
        prop::collection::vec(object, 0..4).prop_map(|objects| format!("[{}]", objects.join(",")))
    }

    #[test]
    fn a_key_as_coder_writes_it_is_read_at_once() {
        let key = r#"{"id":"Xk2m9QpR7a","user_id":"u-1","last_used":"0001-01-01T00:00:00Z","expires_at":"2026-01-01T00:00:00Z","created_at":"2025-01-01T00:00:00.5Z","updated_at":"2025-01-01T00:00:00Z","login_type":"token","scope":"all","scopes":["coder:all","b"],"token_name":"ci","lifetime_seconds":86400,"allow_list":[{"type":"*","id":"*"}],"username":"alice"}"#;
        for key in [key.to_string(), key.replace(r#","username":"alice""#, "")] {
            let read = Scanner::new(&key, true)
                .compact_key()
                .map(|k| format!("{k:?}"));
            assert_eq!(Ok(vec![read.expect(&key)]), general(&format!("[{key}]")));
        }
        // Any other spelling is read field by field.
        for other in [key.replace(",\"", ", \""), key.replace(r#""ci""#, "null")] {
            assert!(
                Scanner::new(&other, true).compact_key().is_none(),
                "{other}"
            );
            same(&format!("[{other}]"));
        }
    }

    proptest! {
        #[test]
        fn keys_as_coder_writes_them_are_read_alike(text in compact_list()) {
            let read = fast(&text);
            prop_assert!(read.is_some(), "{}", text);
            prop_assert_eq!(Ok(read.unwrap()), general(&text));
        }

        #[test]
        fn the_scanner_reads_what_the_general_decoder_reads(text in list()) {
            same(&text);
        }

        #[test]
        fn lists_as_coder_sends_them_are_read_by_the_scanner_alike(text in typed_list()) {
            let read = fast(&text);
            prop_assert!(read.is_some(), "{}", text);
            prop_assert_eq!(Ok(read.unwrap()), general(&text));
        }

        #[test]
        fn cut_or_changed_bodies_are_read_alike_or_left_alone(
            text in prop_oneof![list(), compact_list()], cut in any::<usize>(), byte in any::<u8>()
        ) {
            let mut bytes = text.into_bytes();
            let at = cut % (bytes.len() + 1);
            bytes.insert(at, byte);
            if let Ok(text) = String::from_utf8(bytes.clone()) {
                same(&text);
            }
            bytes.truncate(at);
            if let Ok(text) = String::from_utf8(bytes) {
                same(&text);
            }
        }
    }
}
