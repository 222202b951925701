//! Plays the training simulator on the fleet clock and sends its answers as events — the
//! same events real probes send — and performs the training steps asked of it.

use super::clock::FleetClock;
use crate::event::Event;
use crate::health::monitors::MonitorInput;
use crate::health::{AlertValue, MetricReport, Monitor, Probe, ProbeReport, Protocol};
use crate::runbook::StepCall;
use crate::runbook::platform::training::{self, Performed};
use crate::training::Simulator;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// A server's places in the first round: its queue metric, then each probe.
const LANES: u64 = 16;

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

/// One probe or metric of the schedule. Times are microseconds after the schedule's start:
/// plain integers, no calendar arithmetic per sample.
struct Due {
    next: i64,
    interval: i64,
    /// Samples taken so far: what varies one from the next.
    seq: u32,
    /// Small, so that a wake's entries take few cache lines: 32 bytes, not 56.
    server: u32,
    what: Sampled,
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
/// spread over one interval so they do not all land on the same tick. Public for the
/// benchmark (`benches/tick.rs`), as is [`sample`].
pub fn schedule(simulator: &Simulator, start: DateTime<Utc>) -> Schedule {
    let policies = simulator.scenario().policies();
    let interval_of = |input: MonitorInput| {
        Monitor::ALL
            .iter()
            .find(|m| m.input() == input)
            .map_or(TimeDelta::seconds(60), |m| policies[m.index()].interval.0)
            .num_microseconds()
            .unwrap_or(i64::MAX)
            .max(1)
    };
    // Spread in fleet order, a server's probes one after another: the results of one wake
    // then land on neighbouring monitors in memory (ARCHITECTURE "Idle is idle").
    let places = simulator.scenario().fleet.len().max(1) as u64 * LANES;
    let first = |server: usize, lane: u64, interval: i64| {
        let place = server as u64 * LANES + lane;
        let offset = (i128::from(place) * i128::from(interval) / i128::from(places)) as i64;
        // Whole milliseconds, as a record shows them.
        offset - offset % 1_000
    };
    let mut schedule: Vec<Due> = Vec::new();
    for (server, probe) in simulator.probes() {
        let interval = interval_of(MonitorInput::Probe(probe));
        let lane = Probe::all()
            .position(|p| p == probe)
            .map_or(0, |p| p as u64 + 1);
        schedule.push(Due {
            server: server as u32,
            what: Sampled::Probe(probe),
            next: first(server, lane, interval),
            interval,
            seq: 0,
        });
    }
    for server in 0..simulator.scenario().fleet.len() {
        let interval = interval_of(MonitorInput::RequestsQueued(Protocol::Imap));
        schedule.push(Due {
            server: server as u32,
            what: Sampled::Queue(Protocol::Imap),
            next: first(server, 0, interval),
            interval,
            seq: 0,
        });
    }
    Schedule::new(start, schedule)
}

/// The fleet's probes and metrics, and which come next: a wake with nothing due looks at
/// the head of a queue or two, not at every probe of the fleet (ARCHITECTURE "Idle is idle").
pub struct Schedule {
    start: DateTime<Utc>,
    /// `start` in nanoseconds since the Unix epoch, when it has a plain one.
    start_ns: Option<i64>,
    /// The day of the last instant made (days since the epoch) and its date: most
    /// instants of a wake fall on the same day, and a date costs more to make than a time.
    day: Option<(i64, NaiveDate)>,
    entries: Vec<Due>,
    /// Indices into `entries`, one queue per interval, each in order of `next`. A sample
    /// goes back at the tail with `next` moved on by its queue's interval, which keeps the
    /// queue in order: O(1) a sample, however large the fleet.
    queues: Vec<VecDeque<usize>>,
}

impl Schedule {
    fn new(start: DateTime<Utc>, entries: Vec<Due>) -> Schedule {
        let mut by_interval: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
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
        Schedule {
            start,
            // A leap second's nanoseconds have no plain count: such a start takes the long way.
            start_ns: start
                .timestamp_nanos_opt()
                .filter(|_| start.timestamp_subsec_nanos() < 1_000_000_000),
            day: None,
            entries,
            queues,
        }
    }

    /// The instant `us` microseconds after the start: `start + us`, made from a cached
    /// date and a time of day rather than by calendar arithmetic.
    fn instant(&mut self, us: i64) -> DateTime<Utc> {
        self.plain_instant(us)
            .unwrap_or_else(|| self.start + TimeDelta::microseconds(us))
    }

    /// [`Schedule::instant`] by day and time of day; `None` where that cannot be done
    /// (a leap-second start, an instant out of range).
    fn plain_instant(&mut self, us: i64) -> Option<DateTime<Utc>> {
        const DAY_NS: i64 = 86_400_000_000_000;
        let ns = self.start_ns?.checked_add(us.checked_mul(1_000)?)?;
        let (day, in_day) = (ns.div_euclid(DAY_NS), ns.rem_euclid(DAY_NS));
        let date = match self.day {
            Some((cached, date)) if cached == day => date,
            _ => DateTime::from_timestamp(day * 86_400, 0)?.date_naive(),
        };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(
            (in_day / 1_000_000_000) as u32,
            (in_day % 1_000_000_000) as u32,
        )?;
        self.day = Some((day, date));
        Some(NaiveDateTime::new(date, time).and_utc())
    }
}

/// Runs whatever is due at `now`, each at most once: probe reports and metric reports,
/// each in time order.
pub fn sample(
    simulator: &Simulator,
    schedule: &mut Schedule,
    now: DateTime<Utc>,
) -> (Vec<ProbeReport>, Vec<MetricReport>) {
    let now = (now - schedule.start)
        .num_microseconds()
        .unwrap_or(i64::MAX);
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
    // In time order, ties in schedule order. Mostly in order already (one interval, no
    // stall): the sort then is one pass.
    let mut due_now: Vec<usize> = popped.iter().map(|&(_, i)| i).collect();
    due_now.sort_by_key(|&i| (schedule.entries[i].next, i));
    let mut probes = Vec::with_capacity(due_now.len());
    let mut metrics = Vec::new();
    for &i in &due_now {
        let at = schedule.instant(schedule.entries[i].next);
        let due = &mut schedule.entries[i];
        let (server, seq) = (due.server as usize, u64::from(due.seq));
        match due.what {
            Sampled::Probe(probe) => probes.push(simulator.probe(server, probe, at, seq)),
            Sampled::Queue(protocol) => metrics.push(simulator.queued(server, protocol, at, seq)),
        }
        due.seq = due.seq.wrapping_add(1);
        // Catch up without a burst if the machine stalled.
        due.next = (due.next + due.interval).max(now - due.interval);
    }
    // Moved on by the same interval and caught up to the same `now`: still in order.
    for (q, i) in popped {
        schedule.queues[q].push_back(i);
    }
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
        start: DateTime<Utc>,
        entries: &mut [Due],
        now: DateTime<Utc>,
    ) -> (Vec<ProbeReport>, Vec<MetricReport>) {
        let (mut probes, mut metrics) = (Vec::new(), Vec::new());
        let time = |us: i64| start + TimeDelta::microseconds(us);
        for due in entries.iter_mut().filter(|d| time(d.next) <= now) {
            let at = time(due.next);
            let (server, seq) = (due.server as usize, u64::from(due.seq));
            match due.what {
                Sampled::Probe(p) => probes.push(simulator.probe(server, p, at, seq)),
                Sampled::Queue(p) => metrics.push(simulator.queued(server, p, at, seq)),
            }
            due.seq += 1;
            let interval = TimeDelta::microseconds(due.interval);
            let next = (at + interval).max(now - interval);
            due.next = (next - start).num_microseconds().unwrap();
        }
        probes.sort_by_key(|r| r.at);
        metrics.sort_by_key(|r| r.at);
        (probes, metrics)
    }

    #[test]
    fn an_instant_made_from_a_cached_date_is_the_start_plus_the_offset() {
        let starts = [
            "1970-01-01T00:00:00Z",
            "2026-12-05T23:59:58.123456789Z",
            "2028-02-28T23:59:59.999999999Z",
        ];
        for start in starts.map(|s| DateTime::parse_from_rfc3339(s).unwrap().to_utc()) {
            let mut schedule = Schedule::new(start, Vec::new());
            // Back before the start (a catch-up), across midnight and a leap day, and far on.
            let offsets = (-3_000_000..5_000_000).step_by(123_457).chain([
                86_400_000_000,
                86_400_000_001,
                400 * 86_400_000_000,
            ]);
            for us in offsets {
                let want = start + TimeDelta::microseconds(us);
                assert_eq!(schedule.instant(us), want, "{start} + {us} µs");
            }
        }
    }

    #[test]
    fn the_first_round_goes_through_the_fleet_in_order_a_server_at_a_time() {
        let mut text = "name: t\ntitle: t\nfleet:\n".to_owned();
        for i in 0..40 {
            let role = ["cas", "mailbox", "both"][i % 3];
            text += &format!("  - {{ name: s-{i:02}, role: {role}, site: AMS }}\n");
        }
        let scenario = Scenario::parse(&text, "t.yaml").unwrap();
        let start = DateTime::UNIX_EPOCH;
        let simulator = Simulator::new(scenario, start);
        let mut schedule = schedule(&simulator, start);
        let (probes, metrics) = sample(
            &simulator,
            &mut schedule,
            start + TimeDelta::milliseconds(59_999),
        );
        let servers: Vec<usize> = probes.iter().map(|r| r.server).collect();
        assert!(
            servers.is_sorted(),
            "fleet order, each server's probes together"
        );
        assert_eq!(servers.first(), Some(&0));
        assert_eq!(servers.last(), Some(&39));
        assert_eq!(
            probes.len(),
            simulator.probes().len(),
            "one round within the interval"
        );
        assert_eq!(metrics.len(), 40);
        assert!(metrics.iter().map(|m| m.server).is_sorted());
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
            let want = sample_every_entry(&simulator, start, &mut every, now);
            assert_eq!(got, want, "wake {wake}");
        }
    }
}
