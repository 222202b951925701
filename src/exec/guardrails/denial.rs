//! Why a restart is refused, in words an engineer reads at 3 a.m.

use super::budget::Limits;
use crate::i18n::Said;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use std::fmt;

/// A restart refused by its budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exhausted {
    pub server: String,
    pub service: String,
    pub used_hour: u32,
    pub used_day: u32,
    pub limits: Limits,
    /// When the next restart is allowed; `None` if a limit is 0.
    pub next_at: Option<DateTime<Utc>>,
    /// When the budget was checked, so the message can say how long to wait.
    pub checked_at: DateTime<Utc>,
}

impl Exhausted {
    /// Which windows are spent and when the next restart is allowed.
    pub fn said(&self) -> Said {
        let Exhausted { limits, .. } = self;
        let mut windows = Vec::new();
        if self.used_hour >= limits.per_hour {
            let hour = Said::new("said-restarted-hour")
                .count("count", self.used_hour)
                .count("limit", limits.per_hour);
            windows.push(hour);
        }
        if self.used_day >= limits.per_day {
            let day = Said::new("said-restarted-day")
                .count("count", self.used_day)
                .count("limit", limits.per_day);
            windows.push(day);
        }
        let windows = windows
            .into_iter()
            .reduce(|first, then| {
                Said::new("said-both")
                    .said("first", first)
                    .said("then", then)
            })
            .unwrap_or_else(|| Said::as_is(""));
        let restarted = Said::new("said-restarted")
            .text("service", &self.service)
            .text("server", &self.server)
            .said("windows", windows);
        match self.next_at {
            Some(at) => Said::new("said-next-restart")
                .said("restarted", restarted)
                .said("at", allowed_at(at, self.checked_at)),
            None => Said::new("said-restarts-off").said("restarted", restarted),
        }
    }
}

impl fmt::Display for Exhausted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for Exhausted {}

/// Why `spend` did not record a restart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    /// The budget is used up: do not restart.
    Exhausted(Exhausted),
    /// The budget could not be read or written (the message names the path): do not restart
    /// on an unrecorded budget.
    Io(String),
}

impl Denied {
    pub fn said(&self) -> Said {
        match self {
            Denied::Exhausted(exhausted) => exhausted.said(),
            Denied::Io(message) => Said::as_is(message),
        }
    }
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for Denied {}

/// "03:41 UTC (in 41 min)", "03:41 UTC tomorrow (in 23 h 2 min)": rounded up to the minute,
/// so that at the time shown the restart is allowed.
fn allowed_at(at: DateTime<Utc>, checked: DateTime<Utc>) -> Said {
    let minute = TimeDelta::minutes(1);
    let at = match at.duration_trunc(minute) {
        Ok(down) if down < at => down + minute,
        _ => at,
    };
    let said = match (at.date_naive() - checked.date_naive()).num_days() {
        0 => Said::new("said-at"),
        1 => Said::new("said-at-tomorrow"),
        _ => Said::new("said-at-on").text("date", at.format("%Y-%m-%d").to_string()),
    };
    let wait = ((at - checked).num_seconds().max(0) + 59) / 60;
    let wait = match (wait / 60, wait % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    };
    said.text("time", at.format("%H:%M UTC").to_string())
        .text("wait", wait)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 14, h, m, s).unwrap()
    }

    fn exhausted(used_hour: u32, used_day: u32, next_at: Option<DateTime<Utc>>) -> Exhausted {
        Exhausted {
            server: "mbx-02".to_owned(),
            service: "dovecot".to_owned(),
            used_hour,
            used_day,
            limits: Limits::default(),
            next_at,
            checked_at: at(3, 0, 30),
        }
    }

    #[test]
    fn the_hour_window_says_when_the_next_restart_is_allowed() {
        assert_eq!(
            exhausted(1, 1, Some(at(3, 40, 12))).to_string(),
            "dovecot on mbx-02 was restarted 1 time in the last hour (limit 1 per hour): \
             the next restart is allowed at 03:41 UTC (in 41 min)"
        );
    }

    #[test]
    fn the_day_window_says_tomorrow() {
        let next = Utc.with_ymd_and_hms(2025, 1, 15, 1, 0, 0).unwrap();
        assert_eq!(
            exhausted(1, 4, Some(next)).to_string(),
            "dovecot on mbx-02 was restarted 1 time in the last hour (limit 1 per hour) and \
             4 times in the last 24 hours (limit 4 per day): the next restart is allowed at \
             01:00 UTC tomorrow (in 22 h)"
        );
    }

    #[test]
    fn a_limit_of_zero_says_restarts_are_off() {
        let mut off = exhausted(0, 0, None);
        off.limits.per_hour = 0;
        assert_eq!(
            Denied::Exhausted(off).to_string(),
            "dovecot on mbx-02 was restarted 0 times in the last hour (limit 0 per hour): a \
             limit of 0 turns its restarts off"
        );
    }
}
