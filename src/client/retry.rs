//! When to try a request again: idempotent requests get three attempts in all, with a
//! back-off that doubles, or the server's `Retry-After` (seconds or an HTTP date), within
//! a total wait budget.

use std::time::Duration;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// How many times an idempotent request is tried in all.
const ATTEMPTS: u32 = 3;
/// The first back-off; it doubles after every retry.
const BACKOFF: Duration = Duration::from_millis(200);
/// The longest we wait between attempts, in all; a `Retry-After` that would take us
/// past it ends the command instead.
pub(super) const MAX_RETRY_WAIT: Duration = Duration::from_secs(5);

/// The state of one request's retries.
#[derive(Debug)]
pub(super) struct Retry {
    attempts: u32,
    attempt: u32,
    waited: Duration,
    backoff: Duration,
}

/// What to do after an attempt that failed in a way worth retrying.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Next {
    /// Wait this long, then try again.
    Wait(Duration),
    /// No attempts left: the failure stands.
    Stop,
    /// The server asks for a wait (`asked`) past what is left of the budget after
    /// `waited`: give up now and say so.
    TooLong { asked: Duration, waited: Duration },
}

impl Retry {
    /// A request that may be sent again (GET, PUT, DELETE) gets three attempts; one
    /// that may not (POST: a retry could mint two tokens) gets one.
    pub(super) fn new(idempotent: bool) -> Retry {
        Retry {
            attempts: if idempotent { ATTEMPTS } else { 1 },
            attempt: 1,
            waited: Duration::ZERO,
            backoff: BACKOFF,
        }
    }

    /// Decides after a failed attempt; `retry_after` is what the server asked for.
    pub(super) fn next(&mut self, retry_after: Option<Duration>) -> Next {
        if self.attempt >= self.attempts {
            return Next::Stop;
        }
        if let Some(asked) = retry_after
            && self.waited + asked > MAX_RETRY_WAIT
        {
            return Next::TooLong {
                asked,
                waited: self.waited,
            };
        }
        let wait = retry_after.unwrap_or(self.backoff);
        self.waited += wait;
        self.backoff *= 2;
        self.attempt += 1;
        Next::Wait(wait)
    }
}

/// How long a `Retry-After` value asks to wait at `now`: seconds, or until an HTTP
/// date (a date gone by asks for no wait). `None` for anything else. The date is RFC
/// 7231's IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), read as the RFC 2822 date it
/// is; its obsolete RFC 850 and asctime forms are not read.
pub(super) fn retry_after(value: &str, now: OffsetDateTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = OffsetDateTime::parse(value, &Rfc2822).ok()?;
    Some(Duration::try_from(date - now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn idempotent_requests_get_three_attempts_with_doubling_back_off() {
        let mut retry = Retry::new(true);
        assert_eq!(retry.next(None), Next::Wait(ms(200)));
        assert_eq!(retry.next(None), Next::Wait(ms(400)));
        assert_eq!(retry.next(None), Next::Stop);
    }

    #[test]
    fn posts_are_never_retried() {
        assert_eq!(Retry::new(false).next(Some(ms(1))), Next::Stop);
    }

    #[test]
    fn retry_after_is_honoured_within_the_budget_and_refused_past_it() {
        let mut retry = Retry::new(true);
        assert_eq!(retry.next(Some(ms(3000))), Next::Wait(ms(3000)));
        // 3 s waited; another 3 s would pass the 5 s budget.
        assert_eq!(
            retry.next(Some(ms(3000))),
            Next::TooLong {
                asked: ms(3000),
                waited: ms(3000)
            }
        );
        assert_eq!(
            Retry::new(true).next(Some(Duration::from_secs(120))),
            Next::TooLong {
                asked: Duration::from_secs(120),
                waited: Duration::ZERO
            }
        );
        // A back-off after an honoured Retry-After is still the doubled one.
        let mut retry = Retry::new(true);
        assert_eq!(retry.next(Some(ms(1000))), Next::Wait(ms(1000)));
        assert_eq!(retry.next(None), Next::Wait(ms(400)));
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        let now = time::macros::datetime!(1994-11-06 08:49:30 UTC);
        let secs = |n| Some(Duration::from_secs(n));
        assert_eq!(retry_after("120", now), secs(120));
        assert_eq!(retry_after(" 0 ", now), secs(0));
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), secs(7));
        assert_eq!(
            retry_after("Mon, 07 Nov 1994 08:49:30 GMT", now),
            secs(86_400)
        );
        // A date gone by asks for no wait.
        assert_eq!(retry_after("Sat, 05 Nov 1994 08:49:37 GMT", now), secs(0));
        for unreadable in [
            "",
            "-1",
            "1.5",
            "soon",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(retry_after(unreadable, now), None, "{unreadable:?}");
        }
    }
}
