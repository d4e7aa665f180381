//! When to try a request again: idempotent requests get three attempts in all, with a
//! back-off that doubles, or the server's `Retry-After`, within a total wait budget.

use std::time::Duration;

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
    /// The server asks for a wait past the budget: give up now and say so.
    TooLong(Duration),
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
        if let Some(wait) = retry_after
            && self.waited + wait > MAX_RETRY_WAIT
        {
            return Next::TooLong(wait);
        }
        let wait = retry_after.unwrap_or(self.backoff);
        self.waited += wait;
        self.backoff *= 2;
        self.attempt += 1;
        Next::Wait(wait)
    }
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
        assert_eq!(retry.next(Some(ms(3000))), Next::TooLong(ms(3000)));
        assert_eq!(
            Retry::new(true).next(Some(Duration::from_secs(120))),
            Next::TooLong(Duration::from_secs(120))
        );
        // A back-off after an honoured Retry-After is still the doubled one.
        let mut retry = Retry::new(true);
        assert_eq!(retry.next(Some(ms(1000))), Next::Wait(ms(1000)));
        assert_eq!(retry.next(None), Next::Wait(ms(400)));
    }
}
