//! The simulated fleet answers like the real one would, and heals only for the right fix.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use healthdeck::health::{AlertValue, HealthSet, Probe, ProbeKind, Protocol};
use healthdeck::training::scenario::Remedy;
use healthdeck::training::{self, Simulator};

fn sim() -> Simulator {
    Simulator::new(
        training::load("imap-backend-down").unwrap(),
        common::start(),
    )
}

fn at(secs: i64) -> chrono::DateTime<chrono::Utc> {
    common::start() + TimeDelta::seconds(secs)
}

const SELF_TEST: Probe = Probe {
    protocol: Protocol::Imap,
    kind: ProbeKind::SelfTest,
};
const CTP: Probe = Probe {
    protocol: Protocol::Imap,
    kind: ProbeKind::Ctp,
};

#[test]
fn the_fault_starts_on_time_and_hits_the_right_probes() {
    let s = sim();
    assert!(
        s.probe(4, SELF_TEST, at(19), 0).succeeded,
        "mbx-02 before +20 s"
    );
    let failed = s.probe(4, SELF_TEST, at(20), 1);
    assert!(!failed.succeeded);
    assert!(
        failed
            .error
            .unwrap()
            .contains("MSExchangeIMAP4BE on mbx-02")
    );
    // cas-02's monitoring mailbox lives on mbx-02, cas-01's on mbx-01.
    assert!(!s.probe(1, CTP, at(60), 1).succeeded);
    assert!(s.probe(0, CTP, at(60), 1).succeeded);
    // POP on mbx-02 is untouched.
    assert!(
        s.probe(
            4,
            Probe {
                protocol: Protocol::Pop,
                kind: ProbeKind::SelfTest
            },
            at(60),
            1
        )
        .succeeded
    );
}

#[test]
fn restarting_the_wrong_service_heals_nothing() {
    let mut s = sim();
    assert!(!s.apply_remedy(
        "mbx-02",
        Remedy::RestartService,
        Some("MSExchangeIMAP4"),
        at(100)
    ));
    assert!(!s.apply_remedy("mbx-02", Remedy::RestartServer, None, at(100)));
    assert!(!s.apply_remedy(
        "mbx-01",
        Remedy::RestartService,
        Some("MSExchangeIMAP4BE"),
        at(100)
    ));
    assert!(!s.probe(4, SELF_TEST, at(110), 2).succeeded);
    assert!(s.apply_remedy(
        "mbx-02",
        Remedy::RestartService,
        Some("MSExchangeIMAP4BE"),
        at(120)
    ));
    assert!(s.probe(4, SELF_TEST, at(130), 3).succeeded);
}

#[test]
fn the_default_scenario_is_unhealthy_within_thirty_wall_seconds_at_ten_times() {
    // 30 wall seconds × 10 = 300 s of fleet time.
    let state = common::played("imap-backend-down", 300, 80, 24);
    assert_eq!(
        state.fleet.cell(4, HealthSet::ImapProtocol).alert,
        Some(AlertValue::Unhealthy)
    );
}

#[test]
fn a_transient_fault_clears_by_itself() {
    // cas-04's IMAP4 stops answering at +2 min for 4 min.
    let during = common::played("pop-slow-commands", 330, 80, 24);
    let after = common::played("pop-slow-commands", 900, 80, 24);
    assert!(
        during
            .fleet
            .cell(5, HealthSet::ImapProxy)
            .alert
            .unwrap()
            .is_problem()
    );
    assert_eq!(
        after.fleet.cell(5, HealthSet::ImapProxy).alert,
        Some(AlertValue::Healthy)
    );
    // Meanwhile POP commands on cas-01 are slow enough for the latency monitor.
    assert_eq!(
        after.fleet.cell(0, HealthSet::Pop).alert,
        Some(AlertValue::Unhealthy)
    );
}

#[test]
fn an_intermittent_fault_flaps_and_a_long_queue_fires() {
    // Down 4 min, up 4 min from +1 min: by +15 min it has changed state four times.
    let early = common::played("imap-proxy-flapping", 240, 80, 24);
    assert!(!early.fleet.cell(2, HealthSet::ImapProxy).flapping);
    let later = common::played("imap-proxy-flapping", 900, 80, 24);
    assert!(
        later.fleet.cell(2, HealthSet::ImapProxy).flapping,
        "cas-03 comes and goes"
    );
    let state = common::played("imap-proxy-flapping", 1_500, 80, 24);
    assert_eq!(
        state.fleet.cell(9, HealthSet::Imap).alert,
        Some(AlertValue::Unhealthy),
        "mbx-05 queue"
    );
}
