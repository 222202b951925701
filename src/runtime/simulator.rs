//! Plays the training simulator on the fleet clock and sends its answers as events — the
//! same events real probes send — and performs the training steps asked of it.

use super::clock::FleetClock;
use crate::event::Event;
use crate::health::monitors::MonitorInput;
use crate::health::{AlertValue, MetricReport, Monitor, ProbeReport, Protocol};
use crate::runbook::StepCall;
use crate::runbook::platform::training::{self, Performed};
use crate::training::Simulator;
use crate::training::simulator::mix;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// How often the simulator task wakes (wall time) to see what is due.
const WAKE: Duration = Duration::from_millis(100);

/// A training step for the simulator task to perform on its fleet, at fleet time now.
#[derive(Debug)]
pub struct SimRequest {
    pub call: StepCall,
    /// The console's alert values for the call's server (`training::alerts_of`).
    pub alerts: Vec<(Monitor, AlertValue)>,
    pub reply: oneshot::Sender<Performed>,
}

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

/// Runs the probe schedule and performs `jobs` between probe rounds, until `tx` is
/// closed. A closed `jobs` channel only means no more steps: the probes go on.
pub async fn run(
    mut simulator: Simulator,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
    mut jobs: mpsc::Receiver<SimRequest>,
) {
    let mut schedule = schedule(&simulator, clock.start());
    let mut ticker = tokio::time::interval(WAKE);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut jobs_open = true;
    loop {
        tokio::select! {
            _ = ticker.tick() => {
                let (probes, metrics) = sample(&simulator, &mut schedule, clock.now());
                if !probes.is_empty() && tx.send(Event::Probes(probes)).await.is_err() {
                    return;
                }
                if !metrics.is_empty() && tx.send(Event::Metrics(metrics)).await.is_err() {
                    return;
                }
            }
            request = jobs.recv(), if jobs_open => match request {
                Some(SimRequest { call, alerts, reply }) => {
                    let performed = training::perform(&mut simulator, &alerts, &call, clock.now());
                    // The step's runner may be gone (its console quit): nobody to tell.
                    let _ = reply.send(performed);
                }
                None => jobs_open = false,
            },
            () = tx.closed() => return,
        }
    }
}

/// Every probe and metric of the fleet, each at its monitor's interval, the first rounds
/// spread over one interval so they do not all land on the same tick.
fn schedule(simulator: &Simulator, start: DateTime<Utc>) -> Schedule {
    let policies = simulator.scenario().policies();
    let interval_of = |input: MonitorInput| {
        Monitor::ALL
            .iter()
            .find(|m| m.input() == input)
            .map_or(TimeDelta::seconds(60), |m| policies[m.index()].interval.0)
    };
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
    Schedule::new(schedule)
}

/// The fleet's probes and metrics, and which come next: a wake with nothing due looks at
/// the head of a queue or two, not at every probe of the fleet (ARCHITECTURE "Idle is idle").
struct Schedule {
    entries: Vec<Due>,
    /// Indices into `entries`, one queue per interval, each in order of `next`. A sample
    /// goes back at the tail with `next` moved on by its queue's interval, which keeps the
    /// queue in order: O(1) a sample, however large the fleet.
    queues: Vec<VecDeque<usize>>,
}

impl Schedule {
    fn new(entries: Vec<Due>) -> Schedule {
        let mut by_interval: BTreeMap<TimeDelta, Vec<usize>> = BTreeMap::new();
        for (i, due) in entries.iter().enumerate() {
            by_interval.entry(due.interval).or_default().push(i);
        }
        let queues = by_interval
            .into_values()
            .map(|mut queue| {
                queue.sort_by_key(|&i| (entries[i].next, i));
                queue.into()
            })
            .collect();
        Schedule { entries, queues }
    }
}

/// Runs whatever is due at `now`, each at most once, in schedule order: probe reports (in
/// time order) and metric reports.
fn sample(
    simulator: &Simulator,
    schedule: &mut Schedule,
    now: DateTime<Utc>,
) -> (Vec<ProbeReport>, Vec<MetricReport>) {
    let mut probes = Vec::new();
    let mut metrics = Vec::new();
    // (queue, entry), in each queue's order.
    let mut popped: Vec<(usize, usize)> = Vec::new();
    for (q, queue) in schedule.queues.iter_mut().enumerate() {
        while let Some(&i) = queue.front()
            && schedule.entries[i].next <= now
        {
            queue.pop_front();
            popped.push((q, i));
        }
    }
    let mut due_now: Vec<usize> = popped.iter().map(|&(_, i)| i).collect();
    due_now.sort_unstable();
    for &i in &due_now {
        let due = &mut schedule.entries[i];
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
    // Moved on by the same interval and caught up to the same `now`: still in order.
    for (q, i) in popped {
        schedule.queues[q].push_back(i);
    }
    probes.sort_by_key(|r| r.at);
    (probes, metrics)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::training::Scenario;

    /// The schedule as it was: every entry looked at on every wake.
    fn sample_every_entry(
        simulator: &Simulator,
        entries: &mut [Due],
        now: DateTime<Utc>,
    ) -> (Vec<ProbeReport>, Vec<MetricReport>) {
        let (mut probes, mut metrics) = (Vec::new(), Vec::new());
        for due in entries.iter_mut().filter(|d| d.next <= now) {
            let at = due.next;
            match due.what {
                Sampled::Probe(p) => probes.push(simulator.probe(due.server, p, at, due.seq)),
                Sampled::Queue(p) => metrics.push(simulator.queued(due.server, p, at, due.seq)),
            }
            due.seq += 1;
            due.next = (at + due.interval).max(now - due.interval);
        }
        probes.sort_by_key(|r| r.at);
        (probes, metrics)
    }

    #[test]
    fn queues_by_interval_sample_exactly_what_a_pass_over_every_entry_does() {
        let text = "name: t\ntitle: t\nfleet:\n\
            - { name: cas-01, role: cas, site: AMS }\n\
            - { name: mbx-01, role: mailbox, site: AMS }\n\
            - { name: ex-01, role: both, site: DUB }\n\
            rules:\n  ImapCTPMonitor: { interval: 7s }\n  PopSelfTestMonitor: { interval: 95s }\n";
        let scenario = Scenario::parse(text, "t.yaml").unwrap();
        let start = DateTime::UNIX_EPOCH;
        let simulator = Simulator::new(scenario, start);
        let mut queued = schedule(&simulator, start);
        let mut every = schedule(&simulator, start).entries;
        assert!(queued.queues.len() >= 3, "several intervals");
        let mut now = start;
        for wake in 0..3_000u64 {
            // Mostly short wakes, now and then a stall longer than an interval.
            let step = if wake % 97 == 0 {
                130_000
            } else {
                100 + (wake * 37) % 900
            };
            now += TimeDelta::milliseconds(step as i64);
            let got = sample(&simulator, &mut queued, now);
            let want = sample_every_entry(&simulator, &mut every, now);
            assert_eq!(got, want, "wake {wake}");
        }
    }
}
