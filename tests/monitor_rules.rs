//! The default monitor rules (ARCHITECTURE "Default monitor rules"), driven through `update` by events: no terminal, no clock.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::event::Event;
use healthdeck::health::alert::roll_up;
use healthdeck::health::{
    AlertValue, FleetState, HealthSet, MetricReport, Monitor, MonitorKind, MonitorPolicy, Probe,
    ProbeKind, ProbeReport, Protocol, Role, Server,
};
use healthdeck::update::{AppState, Banner, Mode, update};

fn t(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 3, 0, 0).unwrap() + TimeDelta::seconds(secs)
}

fn server(name: &str, role: Role) -> Server {
    Server {
        name: name.into(),
        role,
        site: "AMS".into(),
    }
}

/// cas-01 (0), mbx-01 (1), ex-01 (2, both roles).
fn console() -> AppState {
    let servers = vec![
        server("cas-01", Role::Cas),
        server("mbx-01", Role::Mailbox),
        server("ex-01", Role::Both),
    ];
    let fleet = FleetState::new(servers, MonitorPolicy::defaults(), true);
    let banner = Banner {
        mode: Mode::Training {
            speed: 10.0,
            scenario: "test".into(),
        },
        dry_run: false,
        read_only: false,
    };
    AppState::new(fleet, banner, t(0))
}

fn probe(server: usize, kind: ProbeKind, succeeded: bool, at: i64) -> Event {
    Event::Probes(vec![ProbeReport {
        server,
        probe: Probe {
            protocol: Protocol::Imap,
            kind,
        },
        at: t(at),
        succeeded,
        latency_ms: if succeeded { 20 } else { 30_000 },
        error: (!succeeded).then(|| "timed out".to_owned()),
        late_ms: 0,
    }])
}

fn alert(state: &AppState, server: usize, kind: MonitorKind) -> AlertValue {
    let monitor = Monitor {
        protocol: Protocol::Imap,
        kind,
    };
    state.fleet.monitor(server, monitor).unwrap().alert
}

/// mbx-01's IMAP requests-queued metric reads `n` at `at`.
fn queued(at: i64, n: f64) -> Event {
    Event::Metrics(vec![MetricReport {
        server: 1,
        protocol: Protocol::Imap,
        at: t(at),
        queued: n,
    }])
}

const QUEUE: Monitor = Monitor {
    protocol: Protocol::Imap,
    kind: MonitorKind::RequestsQueued,
};

/// Feeds one probe result a minute from `start`, each `true` a success.
fn feed(state: &mut AppState, server: usize, kind: ProbeKind, start: i64, results: &[bool]) {
    for (i, ok) in results.iter().enumerate() {
        update(state, probe(server, kind, *ok, start + 60 * i as i64));
    }
}

#[test]
fn ctp_fails_after_three_consecutive_failures_not_two() {
    let mut s = console();
    feed(&mut s, 0, ProbeKind::Ctp, 0, &[true, false, false]);
    assert_eq!(alert(&s, 0, MonitorKind::Ctp), AlertValue::Healthy);
    feed(&mut s, 0, ProbeKind::Ctp, 180, &[false]);
    assert_eq!(alert(&s, 0, MonitorKind::Ctp), AlertValue::Degraded);
}

#[test]
fn a_success_resets_the_consecutive_count() {
    let mut s = console();
    feed(
        &mut s,
        0,
        ProbeKind::Ctp,
        0,
        &[false, false, true, false, false],
    );
    assert_eq!(alert(&s, 0, MonitorKind::Ctp), AlertValue::Healthy);
}

#[test]
fn self_test_fails_after_two_consecutive_failures() {
    let mut s = console();
    feed(&mut s, 1, ProbeKind::SelfTest, 0, &[true, false]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Healthy);
    feed(&mut s, 1, ProbeKind::SelfTest, 120, &[false]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Degraded);
}

#[test]
fn a_first_failure_below_the_threshold_is_not_called_healthy() {
    let mut s = console();
    feed(&mut s, 1, ProbeKind::SelfTest, 0, &[false]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Unknown);
    feed(&mut s, 1, ProbeKind::SelfTest, 60, &[false]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Degraded);
}

#[test]
fn degraded_for_sixty_seconds_then_unhealthy() {
    let mut s = console();
    feed(&mut s, 1, ProbeKind::SelfTest, 0, &[false, false]); // failing from t=60
    update(&mut s, Event::Tick(t(119)));
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Degraded);
    update(&mut s, Event::Tick(t(120)));
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Unhealthy);
    let cell = s.fleet.cell(1, HealthSet::ImapProtocol);
    assert_eq!(cell.alert, Some(AlertValue::Unhealthy));
    assert_eq!(
        cell.since,
        Some(t(60)),
        "the age counts from leaving Healthy"
    );
}

#[test]
fn deep_test_three_failures_within_fifteen_minutes() {
    let mut s = console();
    // Not consecutive, but three within 15 minutes.
    feed(
        &mut s,
        1,
        ProbeKind::DeepTest,
        0,
        &[false, true, true, false, true, true, false],
    );
    assert_eq!(alert(&s, 1, MonitorKind::DeepTest), AlertValue::Degraded);

    let mut spread = console();
    // Three failures, but the first falls out of the window before the third.
    update(&mut spread, probe(1, ProbeKind::DeepTest, true, -60));
    update(&mut spread, probe(1, ProbeKind::DeepTest, false, 0));
    update(&mut spread, probe(1, ProbeKind::DeepTest, false, 600));
    update(&mut spread, probe(1, ProbeKind::DeepTest, false, 960));
    assert_eq!(
        alert(&spread, 1, MonitorKind::DeepTest),
        AlertValue::Healthy
    );
}

#[test]
fn healthy_again_after_two_successes_not_one() {
    let mut s = console();
    feed(&mut s, 1, ProbeKind::SelfTest, 0, &[false, false, false]);
    update(&mut s, Event::Tick(t(200)));
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Unhealthy);
    feed(&mut s, 1, ProbeKind::SelfTest, 240, &[true]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Unhealthy);
    feed(&mut s, 1, ProbeKind::SelfTest, 300, &[true]);
    assert_eq!(alert(&s, 1, MonitorKind::SelfTest), AlertValue::Healthy);
    assert_eq!(s.fleet.cell(1, HealthSet::ImapProtocol).since, None);
}

#[test]
fn four_changes_in_ten_minutes_is_flapping() {
    let mut s = console();
    let at = |i: i64| i * 20; // probes 20 s apart: never Degraded long enough to be Unhealthy
    let results = [true, false, false, true, true, false, false, true, true];
    for (i, ok) in results.iter().enumerate() {
        update(&mut s, probe(1, ProbeKind::SelfTest, *ok, at(i as i64)));
    }
    // Healthy (from Unknown: not a change), Degraded, Healthy, Degraded, Healthy: at the
    // third change no badge yet.
    let mut three = console();
    for (i, ok) in results[..8].iter().enumerate() {
        update(&mut three, probe(1, ProbeKind::SelfTest, *ok, at(i as i64)));
    }
    assert!(!three.fleet.cell(1, HealthSet::ImapProtocol).flapping);
    let cell = s.fleet.cell(1, HealthSet::ImapProtocol);
    assert!(cell.flapping, "four changes within ten minutes");
    assert_eq!(
        alert(&s, 1, MonitorKind::SelfTest),
        AlertValue::Healthy,
        "a badge, not a state"
    );
    // Ten quiet (healthy) minutes after the first change, it falls out: no badge.
    for minute in 0..8 {
        update(
            &mut s,
            probe(1, ProbeKind::SelfTest, true, 200 + minute * 60),
        );
    }
    update(&mut s, Event::Tick(t(at(2) + 601)));
    assert!(!s.fleet.cell(1, HealthSet::ImapProtocol).flapping);
}

#[test]
fn mean_latency_over_five_minutes_above_sixty_seconds() {
    let mut s = console();
    let slow = |at: i64, ms: u32| {
        Event::Probes(vec![ProbeReport {
            server: 0,
            probe: Probe {
                protocol: Protocol::Pop,
                kind: ProbeKind::Ctp,
            },
            at: t(at),
            succeeded: true,
            latency_ms: ms,
            error: None,
            late_ms: 0,
        }])
    };
    let latency = Monitor {
        protocol: Protocol::Pop,
        kind: MonitorKind::CommandLatency,
    };
    update(&mut s, slow(0, 59_000));
    update(&mut s, slow(60, 60_000));
    assert_eq!(
        s.fleet.monitor(0, latency).unwrap().alert,
        AlertValue::Healthy
    );
    update(&mut s, slow(120, 70_000));
    assert_eq!(
        s.fleet.monitor(0, latency).unwrap().alert,
        AlertValue::Degraded
    );
    assert_eq!(
        s.fleet.cell(0, HealthSet::Pop).alert,
        Some(AlertValue::Degraded)
    );
}

#[test]
fn requests_queued_above_500_for_five_minutes() {
    let mut s = console();
    let monitor = QUEUE;
    for minute in 0..5 {
        update(&mut s, queued(minute * 60, 650.0));
    }
    assert_eq!(
        s.fleet.monitor(1, monitor).unwrap().alert,
        AlertValue::Healthy,
        "4 minutes"
    );
    update(&mut s, queued(300, 650.0));
    assert_eq!(
        s.fleet.monitor(1, monitor).unwrap().alert,
        AlertValue::Degraded
    );
}

#[test]
fn queue_monitor_is_disabled_without_a_metric_source() {
    let fleet = FleetState::new(
        vec![server("cas-01", Role::Cas)],
        MonitorPolicy::defaults(),
        false,
    );
    let monitor = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::RequestsQueued,
    };
    assert_eq!(
        fleet.monitor(0, monitor).unwrap().alert,
        AlertValue::Disabled
    );
}

#[test]
fn unknown_until_probed_and_when_silent() {
    let mut s = console();
    assert_eq!(alert(&s, 0, MonitorKind::ProxyTest), AlertValue::Unknown);
    feed(&mut s, 0, ProbeKind::ProxyTest, 0, &[true]);
    assert_eq!(alert(&s, 0, MonitorKind::ProxyTest), AlertValue::Healthy);
    update(&mut s, Event::Tick(t(301)));
    assert_eq!(
        alert(&s, 0, MonitorKind::ProxyTest),
        AlertValue::Unknown,
        "stale after 5 min"
    );
}

#[test]
fn roll_up_is_worst_first_and_skips_disabled() {
    use AlertValue::{Degraded, Disabled, Healthy, Repairing, Unhealthy, Unknown};
    assert_eq!(roll_up([Healthy, Degraded, Unhealthy]), Some(Unhealthy));
    assert_eq!(roll_up([Degraded, Repairing]), Some(Repairing));
    assert_eq!(roll_up([Healthy, Unknown, Degraded]), Some(Degraded));
    assert_eq!(roll_up([Healthy, Unknown]), Some(Unknown));
    assert_eq!(roll_up([Disabled, Healthy]), Some(Healthy));
    assert_eq!(roll_up([Disabled]), None);
}

#[test]
fn cells_for_health_sets_a_role_does_not_run_are_not_applicable() {
    let s = console();
    let na = |server, set| s.fleet.cell(server, set).alert.is_none();
    assert!(
        na(0, HealthSet::ImapProtocol) && na(0, HealthSet::PopProtocol),
        "CAS: no back end"
    );
    assert!(
        na(1, HealthSet::ImapProxy) && na(1, HealthSet::PopProxy),
        "Mailbox: no proxy"
    );
    assert!(
        HealthSet::ALL.iter().all(|set| !na(2, *set)),
        "both roles run everything"
    );
}

#[test]
fn counts_follow_alert_changes() {
    let mut s = console();
    let unhealthy = AlertValue::Unhealthy.index();
    assert_eq!(s.fleet.counts()[unhealthy], 0);
    feed(&mut s, 1, ProbeKind::SelfTest, 0, &[false, false]);
    update(&mut s, Event::Tick(t(200)));
    assert_eq!(s.fleet.counts()[unhealthy], 1);
}

#[test]
fn every_monitor_knows_its_place_and_health_set() {
    for (i, monitor) in Monitor::ALL.iter().enumerate() {
        assert_eq!(monitor.index(), i, "{}", monitor.name());
        assert_eq!(
            Monitor::find(monitor.health_set(), monitor.name()),
            Some(*monitor)
        );
    }
    let names: Vec<_> = Monitor::of(HealthSet::ImapProtocol)
        .map(Monitor::name)
        .collect();
    assert_eq!(names, ["ImapDeepTestMonitor", "ImapSelfTestMonitor"]);
}

#[test]
fn a_dip_in_the_queue_does_not_make_a_long_queue_healthy() {
    let mut s = console();
    let monitor = QUEUE;
    for minute in 0..=7 {
        update(&mut s, queued(minute * 60, 650.0));
    }
    assert_eq!(
        s.fleet.monitor(1, monitor).unwrap().alert,
        AlertValue::Unhealthy
    );
    update(&mut s, queued(480, 400.0));
    update(&mut s, queued(540, 650.0));
    assert_eq!(
        s.fleet.monitor(1, monitor).unwrap().alert,
        AlertValue::Unhealthy
    );
    update(&mut s, queued(600, 100.0));
    update(&mut s, queued(660, 100.0));
    assert_eq!(
        s.fleet.monitor(1, monitor).unwrap().alert,
        AlertValue::Healthy
    );
}

#[test]
fn failures_older_than_the_window_stop_counting() {
    let mut s = console();
    feed(&mut s, 1, ProbeKind::DeepTest, 0, &[true, false, false]);
    let deep = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::DeepTest,
    };
    let policy = *s.fleet.policy(deep);
    assert_eq!(
        s.fleet.monitor(1, deep).unwrap().failing_count(&policy),
        (2, 3)
    );
    feed(&mut s, 1, ProbeKind::DeepTest, 900, &[true]);
    update(&mut s, Event::Tick(t(60 * 18)));
    assert_eq!(
        s.fleet.monitor(1, deep).unwrap().failing_count(&policy),
        (0, 3)
    );
}

#[test]
fn a_failed_probe_is_neither_a_latency_problem_nor_a_fast_command() {
    let mut s = console();
    update(&mut s, probe(0, ProbeKind::Ctp, false, 0)); // 30 s: below the 60 s mean
    let latency = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::CommandLatency,
    };
    // No command was measured: the latency monitor knows nothing yet.
    assert_eq!(
        s.fleet.monitor(0, latency).unwrap().alert,
        AlertValue::Unknown
    );
    assert_eq!(alert(&s, 0, MonitorKind::Ctp), AlertValue::Unknown);
}

#[test]
fn failed_probes_are_no_command_latency_so_a_silent_server_is_never_called_healthy() {
    // mbx-01 never greets: every probe times out after 1 s. Its latency monitor must not
    // read the timeouts as fast commands and turn the IMAP cell green.
    let mut s = console();
    for (i, kind) in [ProbeKind::DeepTest, ProbeKind::SelfTest]
        .repeat(3)
        .into_iter()
        .enumerate()
    {
        let mut event = probe(1, kind, false, i as i64 * 20);
        if let Event::Probes(reports) = &mut event {
            reports[0].latency_ms = 1_000;
        }
        update(&mut s, event);
    }
    let latency = alert(&s, 1, MonitorKind::CommandLatency);
    assert_ne!(latency, AlertValue::Healthy);
    assert_ne!(
        s.fleet.cell(1, HealthSet::Imap).alert,
        Some(AlertValue::Healthy)
    );
    // Once it answers, its commands' latency counts.
    update(&mut s, probe(1, ProbeKind::SelfTest, true, 200));
    assert_eq!(
        alert(&s, 1, MonitorKind::CommandLatency),
        AlertValue::Healthy
    );
}
