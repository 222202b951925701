//! Health read from Prometheus, driven by events: pending is Degraded, firing Unhealthy
//! (since the alert's activeAt), no alert with a fresh result Healthy, no data Unknown,
//! an unreachable Prometheus every monitor Unknown with why — never stale-green; and the
//! acknowledgement: `a` asks how long and why, becomes a silence request, lands in the
//! record, shows on the cell in words, and `A` expires it.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use common::screen::{render, text, theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::effect::Effect;
use healthdeck::event::{AckDone, Event};
use healthdeck::health::shared::{Ack, AckSource, SharedAlert, SharedReading, SharedUpdate};
use healthdeck::health::{
    AlertValue, FleetState, HealthSet, Monitor, MonitorPolicy, Probe, ProbeReport, Role, Server,
};
use healthdeck::incident::Entry;
use healthdeck::update::{AppState, update};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap()
}

fn ctp() -> Monitor {
    Monitor::judging(Probe::all().next().unwrap())
}

/// cas-01 and cas-02, judged by Prometheus; Alertmanager read or not.
fn console(width: u16, height: u16) -> AppState {
    let servers = ["cas-01", "cas-02"].map(|name| Server {
        name: name.to_owned(),
        role: Role::Cas,
        site: "LAB".to_owned(),
    });
    let mut fleet = FleetState::new(servers.into(), MonitorPolicy::defaults(), false);
    fleet.watch_shared(t0(), TimeDelta::seconds(60));
    let mut state = common::production(fleet, "team", t0());
    "alice".clone_into(&mut state.launch.operator);
    update(&mut state, Event::Resize { width, height });
    state
}

/// Every CAS probe of both servers succeeded `ago` before `at`.
fn results(at: DateTime<Utc>, ago: i64) -> Vec<ProbeReport> {
    (0..2)
        .flat_map(|server| {
            Probe::all()
                .filter(|p| p.role() == Role::Cas)
                .map(move |probe| ProbeReport {
                    server,
                    probe,
                    at: at - TimeDelta::seconds(ago),
                    succeeded: true,
                    latency_ms: 12,
                    error: None,
                    late_ms: 0,
                })
        })
        .collect()
}

fn read(state: &mut AppState, at: DateTime<Utc>, alerts: Vec<SharedAlert>, acks: AckSource) {
    state.now = at;
    let mut results = results(at, 5);
    if let Some(a) = alerts.first() {
        // The failing probe's own result says why.
        let r = results
            .iter_mut()
            .find(|r| r.server == a.server && Monitor::judging(r.probe) == a.monitor)
            .unwrap();
        r.succeeded = false;
        r.error = Some("connect: connection refused".to_owned());
    }
    update(
        state,
        Event::Shared(SharedUpdate::Read(SharedReading {
            at,
            results,
            alerts,
            acks,
            warnings: Vec::new(),
        })),
    );
}

fn alert(firing: bool, active_at: DateTime<Utc>) -> SharedAlert {
    SharedAlert {
        server: 0,
        monitor: ctp(),
        firing,
        active_at,
    }
}

fn press(state: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        press(state, KeyCode::Char(c));
    }
}

#[test]
fn pending_is_degraded_firing_unhealthy_and_no_alert_with_fresh_results_healthy() {
    let mut state = console(120, 36);
    let alert_of = |s: &AppState| s.fleet.monitor(0, ctp()).unwrap().alert;
    assert_eq!(alert_of(&state), AlertValue::Unknown, "nothing read yet");
    read(&mut state, t0(), Vec::new(), AckSource::None);
    assert_eq!(alert_of(&state), AlertValue::Healthy);
    let began = t0() + TimeDelta::seconds(100);
    read(
        &mut state,
        began + TimeDelta::seconds(20),
        vec![alert(false, began)],
        AckSource::None,
    );
    assert_eq!(alert_of(&state), AlertValue::Degraded);
    read(
        &mut state,
        began + TimeDelta::seconds(70),
        vec![alert(true, began)],
        AckSource::None,
    );
    assert_eq!(alert_of(&state), AlertValue::Unhealthy);
    let cell = state.fleet.cell(0, HealthSet::Imap);
    assert_eq!(cell.alert, Some(AlertValue::Unhealthy));
    assert_eq!(cell.since, Some(began), "since when: the alert's activeAt");
    let last = state.fleet.monitor(0, ctp()).unwrap().last().unwrap();
    assert!(!last.succeeded);
    assert_eq!(last.error.as_deref(), Some("connect: connection refused"));
    read(
        &mut state,
        began + TimeDelta::seconds(200),
        Vec::new(),
        AckSource::None,
    );
    assert_eq!(alert_of(&state), AlertValue::Healthy, "resolved is Healthy");
}

#[test]
fn no_data_is_unknown_and_an_unreachable_prometheus_turns_every_cell_unknown_with_why() {
    let mut state = console(120, 36);
    read(&mut state, t0(), Vec::new(), AckSource::None);
    // Results older than the monitor's staleness: Prometheus holds no fresh data.
    let later = t0() + TimeDelta::minutes(20);
    state.now = later;
    update(
        &mut state,
        Event::Shared(SharedUpdate::Read(SharedReading {
            at: later,
            results: results(later, 600),
            alerts: Vec::new(),
            acks: AckSource::None,
            warnings: Vec::new(),
        })),
    );
    assert_eq!(
        state.fleet.monitor(0, ctp()).unwrap().alert,
        AlertValue::Unknown
    );
    read(
        &mut state,
        t0() + TimeDelta::minutes(21),
        Vec::new(),
        AckSource::None,
    );
    let effects = update(
        &mut state,
        Event::Shared(SharedUpdate::Failed {
            at: t0() + TimeDelta::minutes(22),
            why: "Prometheus: connection refused".to_owned(),
        }),
    );
    for server in 0..2 {
        for set in [HealthSet::Imap, HealthSet::ImapProxy, HealthSet::Pop] {
            assert_eq!(
                state.fleet.cell(server, set).alert,
                Some(AlertValue::Unknown)
            );
        }
    }
    let recorded = effects.iter().any(|e| {
        matches!(e, Effect::Record(Entry::SharedSource { state, why: Some(why) })
            if state == "failed" && why.contains("connection refused"))
    });
    assert!(recorded, "{effects:?}");
    for (w, h) in [(80, 24), (120, 36)] {
        update(
            &mut state,
            Event::Resize {
                width: w,
                height: h,
            },
        );
        let screen = text(&render(&state, &theme("default"), false));
        let banner = screen.lines().next().unwrap();
        assert!(
            banner.contains("PROMETHEUS DOWN: Prometheus: connection refused")
                || banner.contains("PROM DOWN"),
            "{banner}"
        );
        assert!(
            screen.contains("nothing known: Prometheus: connection refused"),
            "never an all-clear:\n{screen}"
        );
        for row in screen.lines().filter(|l| l.contains("cas-0")) {
            assert!(!row.contains("OK") && !row.contains("Healthy"), "{screen}");
        }
    }
}

#[test]
fn the_banner_says_what_prometheus_warned_of() {
    let mut state = console(120, 36);
    update(
        &mut state,
        Event::Shared(SharedUpdate::Read(SharedReading {
            at: t0(),
            results: results(t0(), 5),
            alerts: Vec::new(),
            acks: AckSource::None,
            warnings: vec!["3 series or alerts name a server not in this inventory".to_owned()],
        })),
    );
    let screen = text(&render(&state, &theme("default"), false));
    let banner = screen.lines().next().unwrap();
    assert!(banner.contains("warns: 3 series or alerts"), "{banner}");
}

#[test]
fn the_banner_says_health_comes_from_prometheus_and_how_old_it_is() {
    let mut state = console(120, 36);
    read(&mut state, t0(), Vec::new(), AckSource::None);
    state.now = t0() + TimeDelta::seconds(12);
    let screen = text(&render(&state, &theme("default"), false));
    assert!(
        screen.lines().next().unwrap().contains("PROMETHEUS 12s"),
        "{screen}"
    );
    update(
        &mut state,
        Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    let drill = text(&render(&state, &theme("default"), false));
    assert!(drill.contains("ImapCTPMonitor  Prometheus"), "{drill}");
    assert!(
        drill.contains("3 consecutive failures — Prometheus' alert: not active"),
        "no count of the console's own: {drill}"
    );
}

#[test]
fn a_asks_how_long_and_why_and_asks_alertmanager_for_a_silence_by_the_operator() {
    let mut state = console(120, 36);
    let began = t0();
    read(
        &mut state,
        began + TimeDelta::seconds(90),
        vec![alert(true, began)],
        AckSource::Read(Vec::new()),
    );
    press(&mut state, KeyCode::Char('a'));
    assert!(state.view.prompt.is_some(), "{:?}", state.view.flash);
    type_text(&mut state, "soon checking");
    press(&mut state, KeyCode::Enter);
    assert!(state.view.prompt.is_some(), "not a duration: asked again");
    press(&mut state, KeyCode::Char('u'));
    update(
        &mut state,
        Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    type_text(&mut state, "2h login failures, on it");
    let effects = press(&mut state, KeyCode::Enter);
    let Some(Effect::Acknowledge(asked)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(asked.server, "cas-01");
    assert_eq!(asked.monitor, "ImapCTPMonitor");
    assert_eq!(asked.health_set, "IMAP");
    assert_eq!(asked.by, "alice");
    assert_eq!(asked.comment, "login failures, on it");
    assert_eq!(asked.until - asked.starts, TimeDelta::hours(2));
    let effects = update(
        &mut state,
        Event::AckDone(AckDone {
            server: "cas-01".to_owned(),
            monitor: "ImapCTPMonitor",
            made: Some(asked.clone()),
            result: Ok("0d3f-silence".to_owned()),
        }),
    );
    assert!(
        matches!(effects.first(), Some(Effect::Record(Entry::Acknowledged { by, silence, .. }))
            if by == "alice" && silence == "0d3f-silence"),
        "{effects:?}"
    );
    // The next read carries the silence: every console shows it, with who and until when.
    let ack = Ack {
        id: "0d3f-silence".to_owned(),
        server: 0,
        monitor: ctp(),
        by: "alice".to_owned(),
        comment: "login failures, on it".to_owned(),
        until: asked.until,
    };
    read(
        &mut state,
        began + TimeDelta::seconds(100),
        vec![alert(true, began)],
        AckSource::Read(vec![ack]),
    );
    state.view.flash = None;
    for (w, h) in [(80, 24), (120, 36)] {
        update(
            &mut state,
            Event::Resize {
                width: w,
                height: h,
            },
        );
        let screen = text(&render(&state, &theme("default"), false));
        let row = screen.lines().find(|l| l.contains("cas-01")).unwrap();
        assert!(row.contains("ACK") || row.contains("Acked"), "{row}");
        let status = screen.lines().last().unwrap();
        assert!(status.contains("acked by alice until"), "{status}");
    }
    let effects = press(&mut state, KeyCode::Char('A'));
    assert!(
        matches!(effects.first(), Some(Effect::Unacknowledge { id, .. }) if id == "0d3f-silence"),
        "{effects:?}"
    );
}

#[test]
fn a_says_why_it_cannot_acknowledge() {
    // Healthy: nothing to acknowledge.
    let mut state = console(120, 36);
    read(&mut state, t0(), Vec::new(), AckSource::Read(Vec::new()));
    assert!(press(&mut state, KeyCode::Char('a')).is_empty());
    assert!(state.view.prompt.is_none());
    assert!(
        state
            .view
            .flash
            .as_deref()
            .unwrap()
            .contains("only an Unhealthy monitor")
    );
    // No Alertmanager in the inventory.
    let mut state = console(120, 36);
    read(
        &mut state,
        t0() + TimeDelta::seconds(90),
        vec![alert(true, t0())],
        AckSource::None,
    );
    press(&mut state, KeyCode::Char('a'));
    assert!(state.view.prompt.is_none());
    assert!(
        state
            .view
            .flash
            .as_deref()
            .unwrap()
            .contains("needs Alertmanager"),
        "{:?}",
        state.view.flash
    );
    // A console that probes the fleet itself has no Alertmanager to ask.
    let mut plain = common::production(
        FleetState::new(
            vec![Server {
                name: "cas-01".into(),
                role: Role::Cas,
                site: "LAB".into(),
            }],
            MonitorPolicy::defaults(),
            false,
        ),
        "plain",
        t0(),
    );
    update(
        &mut plain,
        Event::Resize {
            width: 120,
            height: 36,
        },
    );
    press(&mut plain, KeyCode::Char('a'));
    assert!(
        plain
            .view
            .flash
            .as_deref()
            .unwrap()
            .contains("needs Alertmanager")
    );
}

#[test]
fn ack_in_the_command_line_acknowledges_at_once_and_checks_what_the_prompt_checks() {
    let mut state = console(120, 36);
    read(
        &mut state,
        t0() + TimeDelta::seconds(90),
        vec![alert(true, t0())],
        AckSource::Read(Vec::new()),
    );
    press(&mut state, KeyCode::Char(':'));
    type_text(&mut state, "ack 3w too long");
    press(&mut state, KeyCode::Enter);
    assert!(state.view.prompt.is_some(), "refused, asked again");
    update(
        &mut state,
        Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    press(&mut state, KeyCode::Char(':'));
    type_text(&mut state, "ack 30m db failover running");
    let effects = press(&mut state, KeyCode::Enter);
    let Some(Effect::Acknowledge(asked)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(asked.until - asked.starts, TimeDelta::minutes(30));
    assert_eq!(asked.comment, "db failover running");
}
