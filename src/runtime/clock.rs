//! The fleet clock: wall time, sped up in training so waits and windows pass faster.

use chrono::{DateTime, TimeDelta, Utc};
use std::time::{Duration, Instant};

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

    /// How many fleet seconds pass in a wall second (1 in production).
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// The wall time in which `fleet` time passes. A speed that is not a positive number
    /// (never given by the command line) counts as 1.
    pub fn wall(&self, fleet: Duration) -> Duration {
        if self.speed.is_finite() && self.speed > 0.0 {
            Duration::try_from_secs_f64(fleet.as_secs_f64() / self.speed).unwrap_or(fleet)
        } else {
            fleet
        }
    }
}

/// Wall time elapsed since a start, for probe phase timings. Monotonic, never the fleet
/// clock: a probe's latency is real time even in training.
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch(Instant);

// Like the fleet clock, the one other place that reads the time.
#[allow(clippy::disallowed_methods)]
impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch(Instant::now())
    }

    pub fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }

    /// The instant `limit` after the start, for `tokio::time::timeout_at`: one deadline for
    /// a whole probe (ARCHITECTURE: Probe deadline and protocol errors).
    pub fn deadline(&self, limit: Duration) -> tokio::time::Instant {
        let start = tokio::time::Instant::from_std(self.0);
        // A limit past the end of time waits a century instead.
        start
            .checked_add(limit)
            .unwrap_or_else(|| start + Duration::from_secs(100 * 365 * 86_400))
    }
}
