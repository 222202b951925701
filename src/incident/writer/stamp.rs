//! The record's two clocks: callers pass fleet times (the console's clock, sped up in
//! training), the record keeps wall-clock UTC in `at` and, in training, the fleet time in
//! `fleet_at`. Never one labelled as the other.

use crate::incident::entry::format_at;
use crate::runtime::FleetClock;
use chrono::{DateTime, TimeDelta, Utc};

/// How the console's fleet times become the record's wall-clock times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RecordClock {
    /// A real fleet: its clock is the wall clock, and entries carry no `fleet_at`.
    Wall,
    /// Training: the fleet clock started at `fleet_start`, the wall time at that same
    /// instant, and runs `speed` times faster. Entries carry both times.
    Training {
        fleet_start: DateTime<Utc>,
        speed: f64,
    },
}

impl RecordClock {
    /// The mapping of a training console's clock.
    pub fn training(clock: &FleetClock) -> RecordClock {
        RecordClock::Training {
            fleet_start: clock.start(),
            speed: clock.speed(),
        }
    }

    /// `at` for the record, and `fleet_at` in training, of a fleet time:
    /// wall = fleet_start + (fleet − fleet_start) / speed.
    #[inline]
    pub fn stamp(&self, fleet: DateTime<Utc>) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
        match *self {
            RecordClock::Wall => (fleet, None),
            RecordClock::Training { fleet_start, speed } => {
                // A speed that is not a positive number (never given by the command line)
                // counts as 1, as `FleetClock::wall` does.
                let speed = if speed.is_finite() && speed > 0.0 {
                    speed
                } else {
                    1.0
                };
                let wall = (fleet - fleet_start)
                    .num_microseconds()
                    .map_or(fleet, |us| {
                        fleet_start + TimeDelta::microseconds((us as f64 / speed).round() as i64)
                    });
                (wall, Some(fleet))
            }
        }
    }
}

/// `format_at` for a flood of lines: lines of one second share all but the milliseconds.
#[derive(Debug, Default)]
pub(super) struct Stamp {
    second: Option<i64>,
    text: String,
}

impl Stamp {
    // Once per output line: worth inlining into the hot loop in its own module.
    #[inline]
    pub(super) fn write(&mut self, at: DateTime<Utc>, out: &mut Vec<u8>) {
        let nanos = at.timestamp_subsec_nanos();
        // A leap second reads `:60`, and years past 9999 are longer: format those in full.
        if nanos >= 1_000_000_000 {
            out.extend_from_slice(format_at(&at).as_bytes());
            return;
        }
        if self.second != Some(at.timestamp()) {
            self.text = format_at(&at);
            let fixed = self.text.len() == 24 && self.text.as_bytes()[19] == b'.';
            self.second = fixed.then(|| at.timestamp());
            out.extend_from_slice(self.text.as_bytes());
            return;
        }
        let millis = nanos / 1_000_000;
        let bytes = self.text.as_bytes();
        out.extend_from_slice(&bytes[..20]);
        out.extend_from_slice(&[
            b'0' + (millis / 100) as u8,
            b'0' + (millis / 10 % 10) as u8,
            b'0' + (millis % 10) as u8,
        ]);
        out.push(b'Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn training_times_map_back_to_the_wall_clock() {
        let start = Utc.with_ymd_and_hms(2026, 11, 22, 21, 9, 0).unwrap();
        let clock = RecordClock::Training {
            fleet_start: start,
            speed: 10.0,
        };
        // Six fleet minutes are 36 wall seconds at ×10.
        let fleet = start + TimeDelta::minutes(6);
        assert_eq!(
            clock.stamp(fleet),
            (start + TimeDelta::seconds(36), Some(fleet))
        );
        assert_eq!(clock.stamp(start), (start, Some(start)));
        assert_eq!(RecordClock::Wall.stamp(fleet), (fleet, None));
        let odd = RecordClock::Training {
            fleet_start: start,
            speed: f64::NAN,
        };
        assert_eq!(odd.stamp(fleet), (fleet, Some(fleet)));
    }
}
