//! When a monitor's deadline can have come sooner, told without date arithmetic: most
//! results only push it later (ARCHITECTURE "Idle is idle").

use super::alert::AlertValue;
use chrono::{DateTime, Utc};

/// The state [`MonitorState::next_due`](super::monitor::MonitorState::next_due) depends on. Each of its terms only grows as the
/// instant it is made of grows (or goes away), so comparing inputs tells whether the
/// deadline can have come sooner, without any date arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineInputs {
    pub(super) alert: AlertValue,
    pub(super) failing_since: Option<DateTime<Utc>>,
    pub(super) last_sample_at: Option<DateTime<Utc>>,
    pub(super) first_change: Option<DateTime<Utc>>,
    pub(super) first_failure: Option<DateTime<Utc>>,
}

impl DeadlineInputs {
    /// False when the deadline computed from `self` may be earlier than the one computed
    /// from `before`; true means it is not (same policy).
    pub fn not_sooner_than(&self, before: &DeadlineInputs) -> bool {
        // A term is "no deadline" when its instant is absent: absent is the latest of all.
        let later = |now: Option<DateTime<Utc>>, then: Option<DateTime<Utc>>| match (now, then) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(now), Some(then)) => now >= then,
        };
        self.alert == before.alert
            && self.failing_since == before.failing_since
            && later(self.last_sample_at, before.last_sample_at)
            && later(self.first_change, before.first_change)
            && later(self.first_failure, before.first_failure)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[allow(clippy::unnecessary_wraps)] // reads as the fields it fills
    fn at(secs: i64) -> Option<DateTime<Utc>> {
        Some(DateTime::UNIX_EPOCH + TimeDelta::seconds(secs))
    }

    fn healthy(last: i64) -> DeadlineInputs {
        DeadlineInputs {
            alert: AlertValue::Healthy,
            failing_since: None,
            last_sample_at: at(last),
            first_change: None,
            first_failure: None,
        }
    }

    #[test]
    fn only_instants_that_move_later_or_go_away_keep_the_deadline() {
        let before = healthy(60);
        assert!(healthy(120).not_sooner_than(&before), "a later result");
        assert!(
            !healthy(30).not_sooner_than(&before),
            "a result from the past"
        );
        let degraded = DeadlineInputs {
            alert: AlertValue::Degraded,
            failing_since: at(120),
            ..healthy(120)
        };
        assert!(!degraded.not_sooner_than(&before), "a new alert value");
        let first_failure = DeadlineInputs {
            first_failure: at(120),
            ..healthy(120)
        };
        assert!(!first_failure.not_sooner_than(&before), "a window starts");
        let pruned = DeadlineInputs {
            first_failure: None,
            ..healthy(180)
        };
        assert!(pruned.not_sooner_than(&first_failure), "a window empties");
        let moved = DeadlineInputs {
            first_failure: at(150),
            ..healthy(180)
        };
        assert!(
            moved.not_sooner_than(&first_failure),
            "its oldest entry leaves"
        );
    }
}
