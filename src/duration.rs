//! Durations: token lifetimes (`--lifetime`), time limits from the environment, and
//! Go's `Duration.String()` format for messages.

use std::time::Duration;

const NS: i128 = 1;
const US: i128 = 1_000;
const MS: i128 = 1_000_000;
const SEC: i128 = 1_000_000_000;
const MIN: i128 = 60 * SEC;
const HOUR: i128 = 60 * MIN;
const DAY: i128 = 24 * HOUR;
const YEAR: i128 = 365 * DAY;

/// Units; a unit is the whole run of text between two numbers, so `ms` is never `m` + `s`.
const UNITS: [(&str, i128); 9] = [
    ("ns", NS),
    ("us", US),
    ("µs", US),
    ("ms", MS),
    ("s", SEC),
    ("m", MIN),
    ("h", HOUR),
    ("d", DAY),
    ("y", YEAR),
];

pub const ACCEPTED_UNITS: &str =
    "ns, us, µs, ms, s, m (minutes), h, d (24h), y (365d); e.g. 8h, 30d, 1y, 1d12h30m, 1.5d";

/// Parses a lifetime such as `30d`, `1d12h30m` or `1.5d` into nanoseconds.
///
/// Accepts what the Go CLI accepts, with one difference: text it would silently drop
/// (a bare `30`, `1w`, `1mo`, `1h30`) is an error here, because the Go CLI then sends a
/// lifetime of 0 and the user gets the server's default without noticing.
pub fn parse_lifetime(input: &str) -> Result<i64, String> {
    let (negative, body) = match input.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, input),
    };
    match body {
        "" => return Err(format!("invalid duration {input:?}: it is empty")),
        // A bare zero needs no unit, as in Go's durations: `--lifetime 0` is then
        // refused for being zero, with its hint, rather than for lacking a unit.
        "0" => return Ok(0),
        _ => {}
    }
    let mut rest = body;
    let mut total: i128 = 0;
    while !rest.is_empty() {
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if int_len == 0 {
            return Err(leading_dot(input, rest).unwrap_or_else(|| {
                format!("invalid duration {input:?}: expected a number at {rest:?}")
            }));
        }
        let (int_part, after) = rest.split_at(int_len);
        let (frac_part, after) = match after.strip_prefix('.') {
            Some(frac) => {
                let len = frac.bytes().take_while(u8::is_ascii_digit).count();
                if len == 0 {
                    return Err(format!(
                        "invalid duration {input:?}: expected digits after '.'"
                    ));
                }
                frac.split_at(len)
            }
            None => ("", after),
        };
        let unit = &after[..after
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(after.len())];
        let Some((_, scale)) = UNITS.iter().find(|(name, _)| *name == unit) else {
            let what = if unit.is_empty() {
                format!("{int_part}{} has no unit", dotted(frac_part))
            } else {
                format!("unknown unit {unit:?}")
            };
            return Err(format!("invalid duration {input:?}: {what}"));
        };
        let overflow = || format!("invalid duration {input:?}: too long");
        let whole: i128 = int_part.parse().map_err(|_| overflow())?;
        let mut value = whole.checked_mul(*scale).ok_or_else(overflow)?;
        if !frac_part.is_empty() {
            let digits = &frac_part[..frac_part.len().min(18)];
            let frac: i128 = digits.parse().map_err(|_| overflow())?;
            value = value
                .checked_add(frac * scale / 10i128.pow(digits.len() as u32))
                .ok_or_else(overflow)?;
        }
        total = total.checked_add(value).ok_or_else(overflow)?;
        if total > i64::MAX as i128 {
            return Err(overflow());
        }
        rest = &after[unit.len()..];
    }
    let total = total as i64;
    Ok(if negative { -total } else { total })
}

/// `.5h` is 5h to the Go CLI (its parser skips the dot) and 30m to Go's
/// time.ParseDuration: whichever is meant, the other is a surprise, so it is refused.
fn leading_dot(input: &str, rest: &str) -> Option<String> {
    let mut bytes = rest.bytes();
    let (Some(b'.'), Some(digit)) = (bytes.next(), bytes.next()) else {
        return None;
    };
    digit.is_ascii_digit().then(|| {
        format!(
            "invalid duration {input:?}: {rest:?} has no digit before its dot, which makes it \
             ambiguous: the Go CLI skips the dot (.5h is 5h there), Go's own durations read \
             a fraction (.5h is 30m); write 0.5h or 5h"
        )
    })
}

fn dotted(frac: &str) -> String {
    if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    }
}

/// Parses a time limit from the environment: seconds (`30`) or a duration (`500ms`).
pub fn parse_timeout(input: &str) -> Result<Duration, String> {
    let input = input.trim();
    let nanos = match input.parse::<u64>() {
        Ok(secs) => i64::try_from(secs)
            .ok()
            .and_then(|s| s.checked_mul(SEC as i64))
            .ok_or_else(|| format!("{input:?} is too long"))?,
        Err(_) => parse_lifetime(input)?,
    };
    if nanos <= 0 {
        return Err(format!("{input:?} must be longer than zero"));
    }
    Ok(Duration::from_nanos(nanos as u64))
}

/// Formats nanoseconds as Go's `time.Duration.String()` does: `36h0m0s`, `1.5s`, `100ms`.
pub fn go_string(nanos: i64) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.unsigned_abs() as u128;
    let frac = |value: u128, unit: u128| -> String {
        let whole = value / unit;
        let rest = value % unit;
        if rest == 0 {
            return whole.to_string();
        }
        let width = unit.to_string().len() - 1;
        let digits = format!("{rest:0width$}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    };
    let body = if n < 1_000 {
        format!("{n}ns")
    } else if n < 1_000_000 {
        format!("{}µs", frac(n, 1_000))
    } else if n < 1_000_000_000 {
        format!("{}ms", frac(n, 1_000_000))
    } else {
        let secs_total = n / 1_000_000_000;
        let hours = secs_total / 3600;
        let minutes = (secs_total % 3600) / 60;
        let seconds = frac(n % 60_000_000_000, 1_000_000_000);
        if hours > 0 {
            format!("{hours}h{minutes}m{seconds}s")
        } else if minutes > 0 {
            format!("{minutes}m{seconds}s")
        } else {
            format!("{seconds}s")
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000_000_000;
    const M: i64 = 60_000_000_000;

    #[test]
    fn upstream_vectors() {
        assert_eq!(parse_lifetime("1d"), Ok(24 * H));
        assert_eq!(parse_lifetime("1y"), Ok(8760 * H));
        // The reference lists 8813h here, which contradicts its own units: 8760h + 48h + 3h.
        assert_eq!(parse_lifetime("1y2d3h"), Ok(8811 * H));
        assert_eq!(parse_lifetime("1d12h30m"), Ok(36 * H + 30 * M));
        assert_eq!(parse_lifetime("1.5d"), Ok(36 * H));
        assert_eq!(parse_lifetime("-2h10m"), Ok(-(2 * H + 10 * M)));
        for bad in ["-", "--10s", "10s-10m", "1w", "1mo", ""] {
            assert!(parse_lifetime(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn go_units_and_fractions() {
        assert_eq!(parse_lifetime("0.5h"), Ok(30 * M));
        assert_eq!(parse_lifetime("100ms"), Ok(100_000_000));
        assert_eq!(parse_lifetime("1µs1us1ns"), Ok(2_001));
        assert_eq!(parse_lifetime("90m"), Ok(90 * M));
        assert_eq!(parse_lifetime("0s"), Ok(0));
        assert_eq!(parse_lifetime("0"), Ok(0));
        assert_eq!(parse_lifetime("-0"), Ok(0));
        assert!(parse_lifetime("00").unwrap_err().contains("00 has no unit"));
    }

    #[test]
    fn text_upstream_silently_drops_is_rejected_with_the_reason() {
        let err = parse_lifetime("30").unwrap_err();
        assert!(
            err.contains("\"30\"") && err.contains("has no unit"),
            "{err}"
        );
        let err = parse_lifetime("1h30").unwrap_err();
        assert!(err.contains("30 has no unit"), "{err}");
        let err = parse_lifetime("1w").unwrap_err();
        assert!(err.contains("unknown unit \"w\""), "{err}");
        let err = parse_lifetime("1mo").unwrap_err();
        assert!(err.contains("unknown unit \"mo\""), "{err}");
        let err = parse_lifetime("1d2x3h").unwrap_err();
        assert!(err.contains("unknown unit \"x\""), "{err}");
        let err = parse_lifetime("30 d").unwrap_err();
        assert!(err.contains("unknown unit \" d\""), "{err}");
        let err = parse_lifetime("1.d").unwrap_err();
        assert!(err.contains("digits after"), "{err}");
        let err = parse_lifetime(".5h").unwrap_err();
        assert!(
            err.contains("ambiguous") && err.contains("0.5h or 5h"),
            "{err}"
        );
        let err = parse_lifetime("1h.5m").unwrap_err();
        assert!(err.contains("\".5m\" has no digit before its dot"), "{err}");
    }

    #[test]
    fn overflow_is_an_error() {
        assert!(parse_lifetime("300y").unwrap_err().contains("too long"));
        assert!(parse_lifetime("99999999999999999999999h").is_err());
        assert!(parse_lifetime("292y").is_ok());
    }

    #[test]
    fn go_duration_strings() {
        assert_eq!(go_string(8760 * H), "8760h0m0s");
        assert_eq!(go_string(876_000 * H), "876000h0m0s");
        assert_eq!(go_string(36 * H), "36h0m0s");
        assert_eq!(go_string(H + 30 * M), "1h30m0s");
        assert_eq!(go_string(0), "0s");
        assert_eq!(go_string(1_500_000_000), "1.5s");
        assert_eq!(go_string(100_000_000), "100ms");
        assert_eq!(go_string(90 * M + 500_000_000), "1h30m0.5s");
        assert_eq!(go_string(-2 * H), "-2h0m0s");
        assert_eq!(go_string(1_500), "1.5µs");
    }

    #[test]
    fn timeouts_take_seconds_or_durations() {
        assert_eq!(parse_timeout("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("500ms"), Ok(Duration::from_millis(500)));
        assert!(parse_timeout("0").is_err());
        assert!(parse_timeout("soon").is_err());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::fuzz::{input, quoted};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lifetimes_parse_or_name_the_input(text in input("-?[0-9.]{0,25}(ns|us|µs|ms|s|m|h|d|y|w|mo|x)?([0-9.]{0,4}[a-zµ]{0,2}){0,3}")) {
            if let Err(message) = parse_lifetime(&text) {
                prop_assert!(message.contains(&quoted(&text)), "{message}");
            }
        }
    }

    #[test]
    fn the_largest_lifetimes_are_errors_not_overflows() {
        for text in [
            "9223372036854775807ns",
            "9223372036854775808ns",
            "170141183460469231731687303715884105727ns",
            "47261439850130342147690917.999999999999999999h",
            "292y",
            "293y",
            "99999999999999999999999999999999999999.9y",
        ] {
            if let Err(message) = parse_lifetime(text) {
                assert!(message.contains(text), "{message}");
            }
        }
    }
}
