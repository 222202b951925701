//! The fleet clock: wall time, sped up in training so waits and windows pass faster.

use chrono::{DateTime, TimeDelta, Utc};
use std::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct FleetClock {
    wall_start: Instant,
    fleet_start: DateTime<Utc>,
    speed: f64,
}

// The one place the console reads the time.
#[allow(clippy::disallowed_methods)]
impl FleetClock {
    pub fn new(speed: f64) -> FleetClock {
        FleetClock {
            wall_start: Instant::now(),
            fleet_start: Utc::now(),
            speed,
        }
    }

    pub fn start(&self) -> DateTime<Utc> {
        self.fleet_start
    }

    /// Fleet time now: the start plus wall time elapsed × speed.
    pub fn now(&self) -> DateTime<Utc> {
        let wall = self.wall_start.elapsed().as_secs_f64() * self.speed;
        self.fleet_start + TimeDelta::milliseconds((wall * 1_000.0) as i64)
    }
}
