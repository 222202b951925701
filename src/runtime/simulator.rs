//! Plays the training simulator on the fleet clock and sends its answers as events — the
//! same events real probes send.

use super::clock::FleetClock;
use crate::event::Event;
use crate::health::monitors::MonitorInput;
use crate::health::{Monitor, Protocol};
use crate::training::Simulator;
use crate::training::simulator::mix;
use chrono::{DateTime, TimeDelta, Utc};
use std::time::Duration;
use tokio::sync::mpsc;

/// How often the simulator task wakes (wall time) to see what is due.
const WAKE: Duration = Duration::from_millis(100);

struct Due {
    server: usize,
    what: Sampled,
    next: DateTime<Utc>,
    interval: TimeDelta,
    seq: u64,
}

enum Sampled {
    Probe(crate::health::Probe),
    Queue(Protocol),
}

/// Runs until the receiver is dropped.
pub async fn run(simulator: Simulator, clock: FleetClock, tx: mpsc::Sender<Event>) {
    let policies = simulator.scenario().policies();
    let interval_of = |input: MonitorInput| {
        Monitor::ALL
            .iter()
            .find(|m| m.input() == input)
            .map_or(TimeDelta::seconds(60), |m| policies[m.index()].interval.0)
    };
    let start = clock.start();
    let jitter = |i: usize, interval: TimeDelta| {
        let ms = interval.num_milliseconds().max(1) as u64;
        start + TimeDelta::milliseconds((mix(i as u64, 17) % ms) as i64)
    };
    let mut schedule: Vec<Due> = Vec::new();
    for (i, (server, probe)) in simulator.probes().into_iter().enumerate() {
        let interval = interval_of(MonitorInput::Probe(probe));
        schedule.push(Due {
            server,
            what: Sampled::Probe(probe),
            next: jitter(i, interval),
            interval,
            seq: 0,
        });
    }
    for server in 0..simulator.scenario().fleet.len() {
        let interval = interval_of(MonitorInput::RequestsQueued(Protocol::Imap));
        let i = schedule.len();
        schedule.push(Due {
            server,
            what: Sampled::Queue(Protocol::Imap),
            next: jitter(i, interval),
            interval,
            seq: 0,
        });
    }
    let mut ticker = tokio::time::interval(WAKE);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        ticker.tick().await;
        let now = clock.now();
        let mut probes = Vec::new();
        let mut metrics = Vec::new();
        for due in schedule.iter_mut().filter(|d| d.next <= now) {
            let at = due.next;
            match due.what {
                Sampled::Probe(probe) => {
                    probes.push(simulator.probe(due.server, probe, at, due.seq));
                }
                Sampled::Queue(protocol) => {
                    metrics.push(simulator.queued(due.server, protocol, at, due.seq));
                }
            }
            due.seq += 1;
            // Catch up without a burst if the machine stalled.
            due.next = (at + due.interval).max(now - due.interval);
        }
        probes.sort_by_key(|r| r.at);
        if !probes.is_empty() && tx.send(Event::Probes(probes)).await.is_err() {
            return;
        }
        if !metrics.is_empty() && tx.send(Event::Metrics(metrics)).await.is_err() {
            return;
        }
    }
}
