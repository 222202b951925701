//! The two windows of a restart budget, the last hour and the last day, and when each has
//! room again.

use super::budget::{Limits, Remaining};
use chrono::{DateTime, TimeDelta, Utc};

pub(super) const HOUR: TimeDelta = TimeDelta::hours(1);
pub(super) const DAY: TimeDelta = TimeDelta::days(1);

/// One service's restarts inside each window, oldest first. A restart exactly one window ago
/// has left it: the next one is allowed at `first + 1 h`.
pub(super) struct Usage {
    pub(super) hour: Vec<DateTime<Utc>>,
    pub(super) day: Vec<DateTime<Utc>>,
}

impl Usage {
    /// The restarts among `times` that count at `now`. Ones later than `now` (another host's
    /// clock ahead of ours) count too.
    pub(super) fn at(times: impl IntoIterator<Item = DateTime<Utc>>, now: DateTime<Utc>) -> Usage {
        let mut day: Vec<_> = times.into_iter().filter(|at| *at > now - DAY).collect();
        day.sort_unstable();
        let hour = day.iter().copied().filter(|at| *at > now - HOUR).collect();
        Usage { hour, day }
    }

    pub(super) fn remaining(&self, limits: Limits) -> Remaining {
        let hour = limits.per_hour.saturating_sub(count(&self.hour));
        let day = limits.per_day.saturating_sub(count(&self.day));
        let next_at = if hour == 0 || day == 0 {
            match (
                room(&self.hour, limits.per_hour, HOUR),
                room(&self.day, limits.per_day, DAY),
            ) {
                (Room::Never, _) | (_, Room::Never) => None,
                (Room::At(hour), Room::At(day)) => Some(hour.max(day)),
                (Room::At(at), Room::Now) | (Room::Now, Room::At(at)) => Some(at),
                (Room::Now, Room::Now) => None,
            }
        } else {
            None
        };
        Remaining { hour, day, next_at }
    }
}

/// When a window has room for one more restart.
enum Room {
    Now,
    At(DateTime<Utc>),
    /// A limit of 0.
    Never,
}

/// When `times` (oldest first, all inside `window`) leave room for one more under `limit`.
fn room(times: &[DateTime<Utc>], limit: u32, window: TimeDelta) -> Room {
    if limit == 0 {
        return Room::Never;
    }
    // Once the restart `limit` places from the newest leaves the window, there is room.
    let oldest_in_the_way = times.len().checked_sub(limit as usize);
    match oldest_in_the_way.and_then(|index| times.get(index)) {
        Some(at) => Room::At(*at + window),
        None => Room::Now,
    }
}

pub(super) fn count(times: &[DateTime<Utc>]) -> u32 {
    u32::try_from(times.len()).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 14, h, m, 0).unwrap()
    }

    #[test]
    fn the_next_restart_waits_for_the_window_that_frees_last() {
        let limits = Limits::default();
        let usage = Usage::at([at(0, 0), at(1, 0), at(2, 0), at(3, 0)], at(3, 30));
        let left = usage.remaining(limits);
        assert_eq!((left.hour, left.day), (0, 0));
        // The hour frees at 04:00, the day only when 00:00 leaves it.
        assert_eq!(left.next_at, Some(at(0, 0) + DAY));
    }

    #[test]
    fn restarts_outside_the_day_do_not_count() {
        let usage = Usage::at([at(0, 0) - DAY, at(0, 0)], at(0, 0) + DAY - HOUR);
        assert_eq!(usage.day, [at(0, 0)]);
        assert!(usage.hour.is_empty());
        let left = usage.remaining(Limits::default());
        assert_eq!((left.hour, left.day, left.next_at), (1, 3, None));
    }

    #[test]
    fn more_restarts_than_the_limit_wait_for_enough_of_them_to_leave() {
        let limits = Limits {
            per_hour: 2,
            per_day: 10,
        };
        let usage = Usage::at([at(3, 0), at(3, 10), at(3, 20)], at(3, 30));
        assert_eq!(usage.remaining(limits).next_at, Some(at(4, 10)));
    }

    #[test]
    fn a_limit_of_zero_never_has_room() {
        let off = Limits {
            per_hour: 0,
            per_day: 4,
        };
        let left = Usage::at([], at(3, 0)).remaining(off);
        assert_eq!((left.hour, left.day, left.next_at), (0, 4, None));
    }
}
