//! The few facts of an X.509 certificate that the exact-match trust path checks and
//! webpki does not expose: its validity period, whether it has a subjectAltName, and
//! its extended key usage. A small DER walk (RFC 5280 §4.1) rather than an X.509
//! library, for the binary's size; anything it cannot read is `None`, and the
//! certificate is then refused.

use time::{Date, Month, PrimitiveDateTime, Time};

/// What [`read`] found in a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// `notBefore`, in seconds since the Unix epoch.
    pub not_before: i64,
    /// `notAfter`, in seconds since the Unix epoch.
    pub not_after: i64,
    /// Whether it has a subjectAltName extension.
    pub has_subject_alt_name: bool,
    /// The extended key usage OIDs (DER contents), when it has the extension.
    pub extended_key_usage: Option<Vec<Vec<u8>>>,
}

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const OID: u8 = 0x06;
const BOOLEAN: u8 = 0x01;
const OCTET_STRING: u8 = 0x04;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;
const VERSION: u8 = 0xA0;
const ISSUER_UID: u8 = 0x81;
const SUBJECT_UID: u8 = 0x82;
const EXTENSIONS: u8 = 0xA3;

/// id-ce-subjectAltName, 2.5.29.17.
const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1D, 0x11];
/// id-ce-extKeyUsage, 2.5.29.37.
const EXT_KEY_USAGE: &[u8] = &[0x55, 0x1D, 0x25];
/// id-kp-serverAuth, 1.3.6.1.5.5.7.3.1.
pub const SERVER_AUTH: &[u8] = &[0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];
/// anyExtendedKeyUsage, 2.5.29.37.0.
pub const ANY_EXTENDED_KEY_USAGE: &[u8] = &[0x55, 0x1D, 0x25, 0x00];

impl Facts {
    /// Whether the extended key usage, when there is one, allows a TLS server (Go
    /// accepts serverAuth or anyExtendedKeyUsage; no extension means any use).
    pub fn allows_server_auth(&self) -> bool {
        self.extended_key_usage.as_ref().is_none_or(|usages| {
            usages
                .iter()
                .any(|oid| oid == SERVER_AUTH || oid == ANY_EXTENDED_KEY_USAGE)
        })
    }
}

/// Reads a DER-encoded certificate; `None` when it is not one.
pub fn read(der: &[u8]) -> Option<Facts> {
    let (certificate, rest) = element(der, SEQUENCE)?;
    if !rest.is_empty() {
        return None;
    }
    let (mut tbs, _) = element(certificate, SEQUENCE)?;
    if tbs.first() == Some(&VERSION) {
        tbs = element(tbs, VERSION)?.1;
    }
    let (_serial, tbs) = element(tbs, INTEGER)?;
    let (_signature, tbs) = element(tbs, SEQUENCE)?;
    let (_issuer, tbs) = element(tbs, SEQUENCE)?;
    let (validity, tbs) = element(tbs, SEQUENCE)?;
    let (not_before, validity) = time_element(validity)?;
    let (not_after, _) = time_element(validity)?;
    let (_subject, tbs) = element(tbs, SEQUENCE)?;
    let (_key, mut tbs) = element(tbs, SEQUENCE)?;
    for optional in [ISSUER_UID, SUBJECT_UID] {
        if tbs.first() == Some(&optional) {
            tbs = element(tbs, optional)?.1;
        }
    }
    let mut facts = Facts {
        not_before,
        not_after,
        has_subject_alt_name: false,
        extended_key_usage: None,
    };
    if tbs.first() == Some(&EXTENSIONS) {
        let (extensions, _) = element(tbs, EXTENSIONS)?;
        let (mut list, _) = element(extensions, SEQUENCE)?;
        while !list.is_empty() {
            let (extension, rest) = element(list, SEQUENCE)?;
            read_extension(extension, &mut facts)?;
            list = rest;
        }
    }
    Some(facts)
}

fn read_extension(extension: &[u8], facts: &mut Facts) -> Option<()> {
    let (id, mut rest) = element(extension, OID)?;
    if rest.first() == Some(&BOOLEAN) {
        rest = element(rest, BOOLEAN)?.1;
    }
    let (value, _) = element(rest, OCTET_STRING)?;
    if id == SUBJECT_ALT_NAME {
        facts.has_subject_alt_name = true;
    } else if id == EXT_KEY_USAGE {
        let (mut oids, _) = element(value, SEQUENCE)?;
        let mut usages = Vec::new();
        while !oids.is_empty() {
            let (oid, rest) = element(oids, OID)?;
            usages.push(oid.to_vec());
            oids = rest;
        }
        facts.extended_key_usage = Some(usages);
    }
    Some(())
}

/// The contents of the element with `tag` at the start of `input`, and what follows it.
fn element(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&first, rest) = input.split_first()?;
    if first != tag {
        return None;
    }
    let (&length, mut rest) = rest.split_first()?;
    let length = if length < 0x80 {
        usize::from(length)
    } else {
        // Long form: the next 1 to 4 bytes hold the length, big-endian.
        let count = usize::from(length & 0x7F);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (bytes, after) = rest.split_at(count);
        rest = after;
        bytes
            .iter()
            .fold(0usize, |sum, &byte| (sum << 8) | usize::from(byte))
    };
    (rest.len() >= length).then(|| rest.split_at(length))
}

/// A UTCTime or GeneralizedTime at the start of `input`, in Unix seconds.
fn time_element(input: &[u8]) -> Option<(i64, &[u8])> {
    let tag = *input.first()?;
    let (text, rest) = element(input, tag)?;
    let seconds = match tag {
        UTC_TIME => parse_time(text, 2)?,
        GENERALIZED_TIME => parse_time(text, 4)?,
        _ => return None,
    };
    Some((seconds, rest))
}

/// `YYMMDDHHMMSSZ` (UTCTime, years 1950–2049) or `YYYYMMDDHHMMSSZ` (GeneralizedTime),
/// the only forms RFC 5280 allows.
fn parse_time(text: &[u8], year_digits: usize) -> Option<i64> {
    if text.len() != year_digits + 11
        || text.last() != Some(&b'Z')
        || !text[..text.len() - 1].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let number = |from: usize, to: usize| {
        text[from..to]
            .iter()
            .fold(0i32, |sum, &digit| sum * 10 + i32::from(digit - b'0'))
    };
    let mut year = number(0, year_digits);
    if year_digits == 2 {
        year += if year >= 50 { 1900 } else { 2000 };
    }
    let field = |at: usize| u8::try_from(number(year_digits + at, year_digits + at + 2)).ok();
    let date = Date::from_calendar_date(year, Month::try_from(field(0)?).ok()?, field(2)?).ok()?;
    let time = Time::from_hms(field(4)?, field(6)?, field(8)?).ok()?;
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_utc()
            .unix_timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A DER element: tag, length (short or long form), contents.
    fn der(tag: u8, contents: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match contents.len() {
            n if n < 0x80 => out.push(n as u8),
            n if n < 0x100 => out.extend([0x81, n as u8]),
            n => out.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        out.extend_from_slice(contents);
        out
    }

    fn extension(id: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
        let mut contents = der(OID, id);
        if critical {
            contents.extend(der(BOOLEAN, &[0xFF]));
        }
        contents.extend(der(OCTET_STRING, value));
        der(SEQUENCE, &contents)
    }

    /// A certificate's outline: only the fields `read` looks at have content.
    fn certificate(version: bool, times: (&[u8], &[u8]), extensions: &[Vec<u8>]) -> Vec<u8> {
        let mut tbs = Vec::new();
        if version {
            tbs.extend(der(VERSION, &der(INTEGER, &[2])));
        }
        tbs.extend(der(INTEGER, &[0x01, 0x02]));
        tbs.extend(der(SEQUENCE, &der(OID, &[0x2A, 0x86, 0x48])));
        tbs.extend(der(SEQUENCE, &[]));
        let tag = |t: &[u8]| {
            if t.len() == 13 {
                UTC_TIME
            } else {
                GENERALIZED_TIME
            }
        };
        let mut validity = der(tag(times.0), times.0);
        validity.extend(der(tag(times.1), times.1));
        tbs.extend(der(SEQUENCE, &validity));
        tbs.extend(der(SEQUENCE, &[]));
        tbs.extend(der(SEQUENCE, &[0u8; 300]));
        if !extensions.is_empty() {
            tbs.extend(der(EXTENSIONS, &der(SEQUENCE, &extensions.concat())));
        }
        let mut body = der(SEQUENCE, &tbs);
        body.extend(der(SEQUENCE, &der(OID, &[0x2A])));
        body.extend(der(0x03, &[0x00, 0xAB]));
        der(SEQUENCE, &body)
    }

    #[test]
    fn validity_in_both_time_forms() {
        let cert = certificate(true, (b"240101000000Z", b"20500101000000Z"), &[]);
        let facts = read(&cert).unwrap();
        assert_eq!(facts.not_before, 1_704_067_200);
        assert_eq!(facts.not_after, 2_524_608_000);
        assert!(!facts.has_subject_alt_name && facts.extended_key_usage.is_none());
        // UTCTime years 50-99 are the 1900s.
        let cert = certificate(false, (b"500101000000Z", b"491231235959Z"), &[]);
        let facts = read(&cert).unwrap();
        assert_eq!(facts.not_before, -631_152_000);
        assert_eq!(facts.not_after, 2_524_608_000 - 1);
    }

    #[test]
    fn subject_alt_name_and_extended_key_usage() {
        let san = extension(SUBJECT_ALT_NAME, false, &der(SEQUENCE, &der(0x82, b"h")));
        let client_only = [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];
        let eku = |oids: &[&[u8]]| {
            let list: Vec<u8> = oids.iter().flat_map(|oid| der(OID, oid)).collect();
            extension(EXT_KEY_USAGE, true, &der(SEQUENCE, &list))
        };
        let times = (&b"240101000000Z"[..], &b"250101000000Z"[..]);
        let facts = read(&certificate(true, times, std::slice::from_ref(&san))).unwrap();
        assert!(facts.has_subject_alt_name && facts.allows_server_auth());
        let facts = read(&certificate(true, times, &[eku(&[&client_only]), san])).unwrap();
        assert!(facts.has_subject_alt_name && !facts.allows_server_auth());
        for allowed in [SERVER_AUTH, ANY_EXTENDED_KEY_USAGE] {
            let facts = read(&certificate(true, times, &[eku(&[&client_only, allowed])])).unwrap();
            assert!(facts.allows_server_auth());
        }
    }

    #[test]
    fn anything_else_is_not_a_certificate() {
        let good = certificate(true, (b"240101000000Z", b"250101000000Z"), &[]);
        assert!(read(&good).is_some());
        for cut in 0..good.len() {
            assert_eq!(read(&good[..cut]), None, "cut at {cut}");
        }
        let mut trailing = good.clone();
        trailing.push(0);
        assert_eq!(read(&trailing), None);
        for times in [
            (&b"240101000000"[..], &b"250101000000Z"[..]),
            (b"241301000000Z", b"250101000000Z"),
            (b"240101250000Z", b"250101000000Z"),
            (b"24010100000aZ", b"250101000000Z"),
            (b"2401010000Z", b"250101000000Z"),
        ] {
            assert_eq!(read(&certificate(true, times, &[])), None, "{times:?}");
        }
        assert_eq!(read(b""), None);
        assert_eq!(read(&[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]), None);
    }
}
