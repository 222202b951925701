//! A tick visits only the monitors that are due (ARCHITECTURE "Idle is idle"), and the fleet
//! behaves exactly as if every monitor were visited on every tick.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::health::monitor::MonitorState;
use healthdeck::health::monitors::MonitorInput;
use healthdeck::health::{
    AlertValue, FleetState, HealthSet, Monitor, MonitorKind, MonitorPolicy, Probe, ProbeKind,
    ProbeReport, Protocol, Role, Rule, Server, Span, Transition,
};

fn t(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 3, 0, 0).unwrap() + TimeDelta::seconds(secs)
}

fn servers() -> Vec<Server> {
    [
        ("cas-01", Role::Cas),
        ("mbx-01", Role::Mailbox),
        ("ex-01", Role::Both),
    ]
    .into_iter()
    .map(|(name, role)| Server {
        name: name.into(),
        role,
        site: "AMS".into(),
    })
    .collect()
}

/// Short windows, so that a few minutes of events cross every kind of deadline.
fn policies() -> [MonitorPolicy; Monitor::COUNT] {
    policies_with_failure_window(90)
}

/// `failure_window` shorter than staleness (45 s): a failure can leave its window while
/// nothing else would visit its monitor.
fn policies_with_failure_window(failure_window: i64) -> [MonitorPolicy; Monitor::COUNT] {
    MonitorPolicy::defaults().map(|p| MonitorPolicy {
        rule: match p.rule {
            Rule::FailuresWithin { count, .. } => Rule::FailuresWithin {
                count,
                window: Span::seconds(failure_window),
            },
            Rule::MeanLatencyAbove { threshold, .. } => Rule::MeanLatencyAbove {
                threshold,
                window: Span::seconds(40),
            },
            rule => rule,
        },
        degraded_for: Span::seconds(20),
        stale_after: Span::seconds(45),
        flap_changes: 3,
        flap_window: Span::seconds(120),
        ..p
    })
}

fn report(server: usize, probe: Probe, at: DateTime<Utc>, succeeded: bool) -> ProbeReport {
    ProbeReport {
        server,
        probe,
        at,
        succeeded,
        latency_ms: 20,
        error: None,
        late_ms: 0,
    }
}

/// Every monitor visited on every tick, as the fleet did before it kept deadlines.
struct VisitAll {
    roles: Vec<Role>,
    policies: [MonitorPolicy; Monitor::COUNT],
    monitors: Vec<MonitorState>,
}

impl VisitAll {
    fn new(servers: &[Server], policies: &[MonitorPolicy; Monitor::COUNT]) -> VisitAll {
        let monitors = vec![MonitorState::default(); servers.len() * Monitor::COUNT];
        let roles = servers.iter().map(|s| s.role).collect();
        VisitAll {
            roles,
            policies: *policies,
            monitors,
        }
    }

    fn applicable(&self) -> impl Iterator<Item = (usize, Monitor)> + '_ {
        (0..self.roles.len()).flat_map(move |server| {
            Monitor::ALL
                .into_iter()
                .filter(move |m| m.applies_to(self.roles[server]))
                .map(move |m| (server, m))
        })
    }

    fn apply_probe(&mut self, r: &ProbeReport) {
        for monitor in Monitor::ALL {
            let fed = match monitor.input() {
                MonitorInput::Probe(p) => p == r.probe,
                // A failed probe measured no command.
                MonitorInput::CommandLatency(protocol) => {
                    protocol == r.probe.protocol && r.succeeded
                }
                MonitorInput::RequestsQueued(_) => false,
            };
            if fed && monitor.applies_to(self.roles[r.server]) {
                let sample = healthdeck::health::monitor::Sample::Probe {
                    succeeded: r.succeeded,
                    latency_ms: r.latency_ms,
                };
                let slot = r.server * Monitor::COUNT + monitor.index();
                self.monitors[slot].observe(&self.policies[monitor.index()], r.at, sample);
            }
        }
    }

    /// The transitions a visit of every monitor makes, in fleet order.
    fn tick(&mut self, now: DateTime<Utc>) -> Vec<Transition> {
        let mut out = Vec::new();
        for (server, monitor) in self.applicable().collect::<Vec<_>>() {
            let state = &mut self.monitors[server * Monitor::COUNT + monitor.index()];
            let from = state.alert;
            state.tick(&self.policies[monitor.index()], now);
            let to = state.alert;
            if from != to && !(from == AlertValue::Unknown && to == AlertValue::Healthy) {
                out.push(Transition {
                    server,
                    monitor,
                    from,
                    to,
                });
            }
        }
        out
    }

    fn assert_same(&self, fleet: &FleetState, when: &str) {
        for (server, monitor) in self.applicable() {
            let policy = &self.policies[monitor.index()];
            let want = &self.monitors[server * Monitor::COUNT + monitor.index()];
            let got = fleet.monitor(server, monitor).unwrap();
            let what = format!("{when}: server {server} {}", monitor.name());
            assert_eq!(got.alert, want.alert, "{what}");
            assert_eq!(got.is_flapping(policy), want.is_flapping(policy), "{what}");
            assert_eq!(
                got.failing_count(policy),
                want.failing_count(policy),
                "{what}"
            );
            assert_eq!(got.left_healthy_at, want.left_healthy_at, "{what}");
        }
    }
}

/// A small deterministic generator: the same walk on every run.
struct Walk(u64);

impl Walk {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn visiting_only_due_monitors_changes_nothing_a_visit_of_every_monitor_would_see() {
    let probes: Vec<Probe> = Probe::all().collect();
    for (seed, failure_window) in (1..=12).map(|s| (s, 90)).chain((13..=24).map(|s| (s, 30))) {
        let mut walk = Walk(seed);
        let policies = policies_with_failure_window(failure_window);
        let mut fleet = FleetState::new(servers(), policies, true);
        let mut all = VisitAll::new(fleet.servers(), &policies);
        let mut now = 0;
        for step in 0..600 {
            // Whole seconds, so ticks land exactly on many deadlines.
            now += walk.next(9) as i64;
            if walk.next(10) < 6 {
                let server = walk.next(3) as usize;
                let probe = probes[walk.next(probes.len() as u64) as usize];
                let succeeded = walk.next(10) < 5;
                let mut r = report(server, probe, t(now), succeeded);
                // Slow now and then: the latency monitors fail and recover too.
                r.latency_ms = if walk.next(10) < 3 { 70_000 } else { 20 };
                fleet.apply_probe(&r);
                all.apply_probe(&r);
                fleet.take_transitions();
            }
            fleet.tick(t(now));
            let want = all.tick(t(now));
            assert_eq!(fleet.take_transitions(), want, "seed {seed} step {step}");
            all.assert_same(&fleet, &format!("seed {seed} step {step} at {now}s"));
        }
    }
}

const CTP: Monitor = Monitor {
    protocol: Protocol::Imap,
    kind: MonitorKind::Ctp,
};

fn ctp(server: usize, at: i64, succeeded: bool) -> ProbeReport {
    let probe = Probe {
        protocol: Protocol::Imap,
        kind: ProbeKind::Ctp,
    };
    report(server, probe, t(at), succeeded)
}

#[test]
fn a_tick_with_nothing_due_changes_nothing() {
    let mut fleet = FleetState::new(servers(), policies(), true);
    assert_eq!(
        fleet.next_due(),
        None,
        "no result yet: time alone changes nothing"
    );
    for at in 0..3 {
        fleet.apply_probe(&ctp(0, at, false));
    }
    fleet.take_transitions();
    let due = fleet.next_due().unwrap();
    assert_eq!(
        due,
        t(2) + TimeDelta::seconds(20),
        "Degraded turns Unhealthy then"
    );
    let cells = |f: &FleetState| -> Vec<_> {
        (0..3)
            .flat_map(|s| HealthSet::ALL.map(|set| f.cell(s, set)))
            .collect()
    };
    let (before, generation) = (cells(&fleet), fleet.alert_generation);
    let monitor = format!("{:?}", fleet.monitor(0, CTP).unwrap());
    fleet.tick(due - TimeDelta::nanoseconds(1));
    assert_eq!(fleet.take_transitions(), vec![]);
    assert_eq!(
        (cells(&fleet), fleet.alert_generation),
        (before, generation)
    );
    assert_eq!(format!("{:?}", fleet.monitor(0, CTP).unwrap()), monitor);
    assert_eq!(fleet.next_due(), Some(due), "still queued");
}

#[test]
fn a_due_deadline_still_fires() {
    let mut fleet = FleetState::new(servers(), policies(), true);
    for at in 0..3 {
        fleet.apply_probe(&ctp(0, at, false));
    }
    fleet.take_transitions();
    fleet.tick(t(22));
    let fired = fleet.take_transitions();
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!((fired[0].server, fired[0].monitor), (0, CTP));
    assert_eq!(
        (fired[0].from, fired[0].to),
        (AlertValue::Degraded, AlertValue::Unhealthy)
    );

    // A Healthy monitor that hears nothing goes Unknown once past stale_after, not at it.
    fleet.apply_probe(&ctp(2, 30, true));
    fleet.tick(t(30 + 45));
    let ctp_of_ex = |f: &FleetState| f.monitor(2, CTP).unwrap().alert;
    assert_eq!(ctp_of_ex(&fleet), AlertValue::Healthy);
    fleet.tick(t(30 + 45) + TimeDelta::nanoseconds(1));
    assert_eq!(ctp_of_ex(&fleet), AlertValue::Unknown);
}
