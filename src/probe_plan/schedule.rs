//! When each probe runs and how many run at once (ARCHITECTURE "Keeping the schedule").
//! Pure: times are offsets from the prober's start, read by the runtime and handed in.
//!
//! Every probe has a due time on its own grid (`first + k × interval`), spread over the
//! interval so that neither the fleet nor one server sees its probes fire together. A due
//! probe starts when there is room: fewer than `limit` in flight, fewer than
//! [`PER_SERVER`] on its server. `limit` follows what the fleet needs (Little's law: probes
//! a second × how long one takes, twice over) between [`FLOOR`] and the ceiling.

use super::pace::{Pace, Window};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Duration;

/// Probes in flight on one server at most: a fleet is never hammered by its console.
pub const PER_SERVER: u8 = 2;
/// The bound never goes below this: a small fleet still probes in parallel.
pub const FLOOR: usize = 8;
/// The default ceiling: 10,000 servers × 4 probes a minute at 100 ms RTT (~0.6 s for a
/// login probe) need about 400 at once; this leaves room for a slow minute.
pub const DEFAULT_CEILING: usize = 1_024;
/// The bound is the need times this: a slower minute stays on schedule.
const HEADROOM: f64 = 2.0;
/// How long a probe takes before any was timed: pessimistic, so the first round is not
/// held back while the estimate settles.
const PRIOR: Duration = Duration::from_secs(1);
/// Weight of one new duration in the running mean (1/16: a few seconds of a large fleet).
const SMOOTHING: f64 = 1.0 / 16.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Waiting,
    Ready,
    Running,
    /// Ran once, for `check`: not due again.
    Done,
}

#[derive(Debug, Clone)]
struct Slot {
    server: usize,
    interval: Duration,
    due: Duration,
    place: Place,
}

/// A probe to start now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub slot: usize,
    /// How long after its due time it starts.
    pub late: Duration,
}

pub struct Schedule {
    slots: Vec<Slot>,
    /// Not yet due, earliest first.
    waiting: BinaryHeap<Reverse<(Duration, usize)>>,
    /// Due and waiting for room, in the order they came due.
    ready: VecDeque<usize>,
    /// Probes in flight per server.
    busy: Vec<u8>,
    in_flight: usize,
    /// Probes a second the whole fleet needs.
    rate: f64,
    /// Running mean of a probe's duration, in seconds.
    mean_s: f64,
    ceiling: usize,
    limit: usize,
    window: Window,
    /// Every probe once, all due now, as many at once as the ceiling allows (`check`).
    once: bool,
}

/// A probe is late once it starts more than a fifth of its interval after it was due.
pub fn tolerance(interval: Duration) -> Duration {
    interval / 5
}

impl Schedule {
    /// `probes`: each probe's server and interval, in fleet order (a server's together).
    pub fn new(probes: &[(usize, Duration)], ceiling: usize) -> Schedule {
        let servers = probes.iter().map(|p| p.0 + 1).max().unwrap_or(0);
        let rate = probes
            .iter()
            .map(|p| 1.0 / p.1.as_secs_f64().max(0.001))
            .sum();
        let mut slots: Vec<Slot> = probes
            .iter()
            .map(|&(server, interval)| Slot {
                server,
                interval,
                due: Duration::ZERO,
                place: Place::Waiting,
            })
            .collect();
        // Spread in the order (n-th probe of its server, server): a server's probes lie a
        // fraction of the interval apart, and so do neighbouring servers'.
        let mut order: Vec<(usize, usize, usize)> = Vec::with_capacity(slots.len());
        let mut nth = 0;
        for (i, slot) in slots.iter().enumerate() {
            nth = if i > 0 && slots[i - 1].server == slot.server {
                nth + 1
            } else {
                0
            };
            order.push((nth, slot.server, i));
        }
        order.sort_unstable();
        let count = order.len().max(1) as f64;
        let mut waiting = BinaryHeap::with_capacity(slots.len());
        for (rank, &(_, _, i)) in order.iter().enumerate() {
            let slot = &mut slots[i];
            slot.due = slot.interval.mul_f64(rank as f64 / count);
            waiting.push(Reverse((slot.due, i)));
        }
        let ceiling = ceiling.max(1);
        let mut schedule = Schedule {
            slots,
            waiting,
            ready: VecDeque::new(),
            busy: vec![0; servers],
            in_flight: 0,
            rate,
            mean_s: PRIOR.as_secs_f64(),
            ceiling,
            limit: ceiling.min(FLOOR),
            window: Window::default(),
            once: false,
        };
        schedule.limit = schedule.bound();
        schedule
    }

    /// Every probe once, all due at the start (`check`): the fleet needs them all now, so
    /// the ceiling and the per-server limit are the only bounds.
    pub fn once(probes: &[(usize, Duration)], ceiling: usize) -> Schedule {
        let mut schedule = Schedule::new(probes, ceiling);
        schedule.once = true;
        schedule.waiting.clear();
        for (i, slot) in schedule.slots.iter_mut().enumerate() {
            slot.due = Duration::ZERO;
            schedule.waiting.push(Reverse((Duration::ZERO, i)));
        }
        schedule.limit = schedule.bound();
        schedule
    }

    /// Nothing left to run (`check`): every probe ran once and ended.
    pub fn all_done(&self) -> bool {
        self.once && self.slots.iter().all(|s| s.place == Place::Done)
    }

    /// What the fleet needs in flight now, between the floor and the ceiling.
    fn bound(&self) -> usize {
        if self.once {
            return self.ceiling;
        }
        let need = (self.rate * self.mean_s * HEADROOM).ceil();
        (need as usize).clamp(FLOOR.min(self.ceiling), self.ceiling)
    }

    /// The next probe to start at `now`, if one is due and there is room for it.
    pub fn next_start(&mut self, now: Duration) -> Option<Start> {
        while let Some(&Reverse((due, slot))) = self.waiting.peek()
            && due <= now
        {
            self.waiting.pop();
            self.slots[slot].place = Place::Ready;
            self.ready.push_back(slot);
        }
        if self.in_flight >= self.limit {
            return None;
        }
        let at = self
            .ready
            .iter()
            .position(|&s| self.busy[self.slots[s].server] < PER_SERVER)?;
        let slot = self.ready.remove(at)?;
        let late = now.saturating_sub(self.slots[slot].due);
        let entry = &mut self.slots[slot];
        entry.place = Place::Running;
        self.busy[entry.server] += 1;
        self.in_flight += 1;
        self.window
            .started(late, tolerance(entry.interval), self.in_flight);
        Some(Start { slot, late })
    }

    /// A probe ended at `now` after `took`: its next due time is one interval after the
    /// last, skipping whole intervals that passed without it.
    pub fn finished(&mut self, slot: usize, now: Duration, took: Duration) {
        let Some(entry) = self.slots.get_mut(slot) else {
            return;
        };
        if entry.place != Place::Running {
            return;
        }
        self.busy[entry.server] = self.busy[entry.server].saturating_sub(1);
        self.in_flight = self.in_flight.saturating_sub(1);
        if self.once {
            entry.place = Place::Done;
            return;
        }
        let mut due = entry.due + entry.interval;
        while due + entry.interval <= now {
            due += entry.interval;
            self.window.skipped += 1;
        }
        entry.due = due;
        entry.place = Place::Waiting;
        self.waiting.push(Reverse((due, slot)));
        self.mean_s += (took.as_secs_f64() - self.mean_s) * SMOOTHING;
        self.limit = self.bound();
    }

    /// When the next probe comes due, for the runtime's timer (`None`: none waiting).
    pub fn next_wake(&self) -> Option<Duration> {
        self.waiting.peek().map(|Reverse((due, _))| *due)
    }

    /// How far behind the prober is at `now`: due probes still waiting past their
    /// tolerance, and the oldest's lateness.
    pub fn pace(&self, now: Duration) -> Pace {
        let mut late = 0;
        let mut worst = Duration::ZERO;
        for &slot in &self.ready {
            let entry = &self.slots[slot];
            let by = now.saturating_sub(entry.due);
            if by > tolerance(entry.interval) {
                late += 1;
                worst = worst.max(by);
            }
        }
        Pace {
            limit: self.limit,
            ceiling: self.ceiling,
            late,
            worst_late: worst,
            window: None,
        }
    }

    /// The window's counts since the last call, for the record.
    pub fn take_window(&mut self, span: Duration) -> Window {
        let mut window = std::mem::take(&mut self.window);
        window.span = span;
        window.limit = self.limit;
        window
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub fn limit(&self) -> usize {
        self.limit
    }
}
