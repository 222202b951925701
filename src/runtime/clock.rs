//! The fleet clock: wall time, sped up in training so waits and windows pass faster.

use chrono::{DateTime, TimeDelta, Utc};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct FleetClock {
    wall_start: Instant,
    fleet_start: DateTime<Utc>,
    speed: f64,
}

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

    /// How much wall time a span of fleet time takes.
    pub fn wall(&self, fleet: TimeDelta) -> Duration {
        let ms = fleet.num_milliseconds().max(0) as f64 / self.speed;
        Duration::from_millis(ms as u64)
    }
}
