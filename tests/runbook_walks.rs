//! Golden walks: every procedure on the training platform, by events, no terminal.
#![allow(clippy::unwrap_used)]

mod common;

use common::drill::{Drill, Driver};
use healthdeck::health::{Monitor, MonitorKind, Protocol};
use healthdeck::runbook::platform::training;
use healthdeck::runbook::{Ending, Outcome, Walk};

fn monitor(protocol: Protocol, kind: MonitorKind) -> Monitor {
    Monitor { protocol, kind }
}

/// A small two-site fleet. mbx-09 is alone in LON: its databases have nowhere to go.
fn scenario(faults: &str) -> String {
    format!(
        "name: drill\ntitle: drill\nbriefing: drill\nfleet:\n\
         \x20 - {{ name: cas-01, role: cas, site: AMS }}\n\
         \x20 - {{ name: cas-02, role: cas, site: AMS }}\n\
         \x20 - {{ name: mbx-01, role: mailbox, site: AMS }}\n\
         \x20 - {{ name: mbx-02, role: mailbox, site: AMS }}\n\
         \x20 - {{ name: ex-03, role: both, site: DUB }}\n\
         \x20 - {{ name: ex-04, role: both, site: DUB }}\n\
         \x20 - {{ name: mbx-09, role: mailbox, site: LON }}\n\
         monitoring_mailboxes:\n  cas-01: mbx-01\n  cas-02: mbx-02\n\
         faults:\n{faults}"
    )
}

/// A fault from the start of the drill. `itself` heals after 10 hours (never, for a walk);
/// `transient` is a fault that heals by itself after 4 minutes.
fn fault(server: &str, service: &str, symptom: &str, healed_by: &str) -> String {
    let (healed_by, extra) = match healed_by {
        "itself" => ("itself", "    clears_after: 10h\n"),
        "transient" => ("itself", "    clears_after: 4m\n"),
        other => (other, ""),
    };
    let symptom = match symptom {
        "slow" => "slow_commands\n    latency: 70s".to_owned(),
        "queued" => "requests_queued\n    queued: 900".to_owned(),
        s => s.to_owned(),
    };
    format!(
        "  - server: {server}\n    service: {service}\n    at: 0s\n    symptom: {symptom}\n    \
         healed_by: {healed_by}\n{extra}"
    )
}

/// The services of a protocol, for faults.
#[derive(Clone, Copy)]
struct Family {
    protocol: Protocol,
    prefix: &'static str,
    front: &'static str,
    back: &'static str,
}

const IMAP: Family = Family {
    protocol: Protocol::Imap,
    prefix: "imap",
    front: "MSExchangeIMAP4",
    back: "MSExchangeIMAP4BE",
};

const POP: Family = Family {
    protocol: Protocol::Pop,
    prefix: "pop",
    front: "MSExchangePOP3",
    back: "MSExchangePOP3BE",
};

struct Case {
    faults: String,
    /// Fleet minutes played before the walk opens: long enough for the monitor to alert.
    minutes: i64,
    procedure: String,
    server: &'static str,
    monitor: Monitor,
    driver: Driver,
}

/// Walks a case, checks its golden transcript, and returns the drill for further checks.
fn walk(name: &str, case: &Case) -> (Drill, Outcome) {
    let mut drill = Drill::new(&scenario(&case.faults), case.minutes);
    let (outcome, text) = drill.walk(&case.procedure, case.server, case.monitor, case.driver);
    insta::assert_snapshot!(name, text);
    (drill, outcome)
}

fn owed(outcome: &Outcome) -> Vec<String> {
    outcome
        .owed
        .iter()
        .map(|o| format!("{}/{}", o.procedure, o.step))
        .collect()
}

fn deep_self(f: Family, faults: String, server: &'static str, driver: Driver) -> Case {
    Case {
        faults,
        minutes: 8,
        procedure: format!("{}-deep-self", f.prefix),
        server,
        monitor: monitor(f.protocol, MonitorKind::DeepTest),
        driver,
    }
}

fn deep_self_walks(f: Family) {
    let p = f.prefix;
    let back = |healed| fault("mbx-02", f.back, "stops_answering", healed);
    let case = deep_self(f, back("transient"), "mbx-02", Driver::RunAll);
    let (_, outcome) = walk(&format!("{p}-deep-self-transient"), &case);
    assert_eq!(outcome.ending, Ending::Transient);

    let case = deep_self(f, back("restart_service"), "mbx-02", Driver::RunAll);
    let (_, outcome) = walk(&format!("{p}-deep-self-service-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));

    // Restarting the service does not help; the failover, the server restart, the
    // failback and the optional rebalance do.
    let case = deep_self(f, back("restart_server"), "mbx-02", Driver::RunAll);
    let (drill, outcome) = walk(&format!("{p}-deep-self-server-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));
    let mbx02 = drill.simulator.server_index("mbx-02").unwrap();
    assert!(!drill.simulator.databases().activation_disabled(mbx02));
    assert_eq!(
        drill.simulator.databases().active_count(mbx02),
        2,
        "rebalanced back"
    );

    let case = deep_self(f, back("itself"), "mbx-02", Driver::RunAll);
    let (drill, outcome) = walk(&format!("{p}-deep-self-escalation"), &case);
    assert_eq!(outcome.ending, Ending::Escalated);
    assert_eq!(
        owed(&outcome),
        [format!("{p}-deep-self/reenable-activation")]
    );
    assert!(
        drill.simulator.databases().activation_disabled(mbx02),
        "left disabled"
    );

    // mbx-09 has no DAG partner: its databases cannot move, so it is not restarted.
    let stuck = fault("mbx-09", f.back, "stops_answering", "restart_server");
    let case = deep_self(f, stuck, "mbx-09", Driver::RunAll);
    let (drill, outcome) = walk(&format!("{p}-deep-self-copies-stuck"), &case);
    assert_eq!(outcome.ending, Ending::Escalated);
    assert_eq!(
        owed(&outcome),
        [format!("{p}-deep-self/reenable-activation")]
    );
    assert!(
        !drill
            .commands
            .iter()
            .any(|c| c.starts_with("restart-server"))
    );
}

#[test]
fn deep_self_walks_imap_and_pop() {
    deep_self_walks(IMAP);
    deep_self_walks(POP);
}

/// Aborting after the failover owes the failback; running the compensations re-enables
/// activation and owes nothing more.
fn abort_then_compensate(name: &str, case: &Case, expect_owed: &[&str]) -> Drill {
    let mut drill = Drill::new(&scenario(&case.faults), case.minutes);
    let server = training::server_named(&drill.simulator, case.server).unwrap();
    let library = common::drill::library();
    let mut walk = Walk::start(library, &case.procedure, server, case.monitor).unwrap();
    let outcome = drill.drive(&mut walk, case.driver);
    assert_eq!(outcome.ending, Ending::Aborted);
    assert_eq!(owed(&outcome), expect_owed);
    walk.compensate().unwrap();
    let after = drill.drive(&mut walk, Driver::RunAll);
    assert_eq!((after.ending, after.owed.len()), (Ending::Aborted, 0));
    insta::assert_snapshot!(name, common::drill::transcript(&walk, &after));
    drill
}

#[test]
fn deep_self_abort_after_failover_owes_the_failback() {
    for f in [IMAP, POP] {
        let p = f.prefix;
        let faults = fault("mbx-02", f.back, "stops_answering", "itself");
        let case = deep_self(f, faults, "mbx-02", Driver::AbortAt("check-copies"));
        let owed = format!("{p}-deep-self/reenable-activation");
        let drill = abort_then_compensate(&format!("{p}-deep-self-abort"), &case, &[&owed]);
        let mbx02 = drill.simulator.server_index("mbx-02").unwrap();
        assert!(!drill.simulator.databases().activation_disabled(mbx02));
    }
}

fn on_cas(f: Family, kind: MonitorKind, name: &str, faults: String, driver: Driver) -> Case {
    Case {
        faults,
        minutes: 8,
        procedure: format!("{}-{name}", f.prefix),
        server: "cas-02",
        monitor: monitor(f.protocol, kind),
        driver,
    }
}

fn ctp_walks(f: Family) {
    let p = f.prefix;
    let front = |healed| fault("cas-02", f.front, "stops_answering", healed);
    let ctp = |faults, driver| on_cas(f, MonitorKind::Ctp, "ctp", faults, driver);

    let (_, outcome) = walk(
        &format!("{p}-ctp-transient"),
        &ctp(front("transient"), Driver::RunAll),
    );
    assert_eq!(outcome.ending, Ending::Transient);

    let case = ctp(front("restart_service"), Driver::RunAll);
    let (_, outcome) = walk(&format!("{p}-ctp-service-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));

    // The back end of cas-02's monitoring mailbox (mbx-02) is down: restarting the CAS
    // front end (the wrong service) heals nothing; the detour through the Mailbox
    // server's health into the deep-test procedure does, and logging goes off again.
    let back = fault("mbx-02", f.back, "stops_answering", "restart_service");
    let (drill, outcome) = walk(
        &format!("{p}-ctp-mailbox-detour"),
        &ctp(back, Driver::RunAll),
    );
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));
    let cas02 = drill.simulator.server_index("cas-02").unwrap();
    assert!(!drill.simulator.protocol_logging(cas02, f.protocol));
    assert!(
        drill
            .commands
            .iter()
            .any(|c| c.starts_with("restart-back-end")
                && c.ends_with(&format!(
                    "-ComputerName mbx-02 -ScriptBlock {{ Restart-Service -Name {} }}",
                    f.back
                )))
    );

    // A CAS whose front end only a restart of the server heals.
    let case = ctp(front("restart_server"), Driver::RunAll);
    let (_, outcome) = walk(&format!("{p}-ctp-cas-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));

    let (drill, outcome) = walk(
        &format!("{p}-ctp-escalation"),
        &ctp(front("itself"), Driver::RunAll),
    );
    assert_eq!(
        (outcome.ending, owed(&outcome)),
        (Ending::Escalated, vec![])
    );
    assert!(
        !drill.simulator.protocol_logging(cas02, f.protocol),
        "logging off before escalating"
    );
}

#[test]
fn ctp_walks_imap_and_pop() {
    ctp_walks(IMAP);
    ctp_walks(POP);
}

#[test]
fn ctp_abort_with_logging_on_owes_logging_off() {
    for f in [IMAP, POP] {
        let p = f.prefix;
        let faults = fault("cas-02", f.front, "stops_answering", "itself");
        let case = on_cas(
            f,
            MonitorKind::Ctp,
            "ctp",
            faults,
            Driver::AbortAt("log-location"),
        );
        let expect = [
            format!("{p}-ctp/logging-off"),
            format!("{p}-ctp/restart-after-logging"),
        ];
        let expect: Vec<&str> = expect.iter().map(String::as_str).collect();
        let drill = abort_then_compensate(&format!("{p}-ctp-abort"), &case, &expect);
        let cas02 = drill.simulator.server_index("cas-02").unwrap();
        assert!(!drill.simulator.protocol_logging(cas02, f.protocol));
    }
}

fn proxy_walks(f: Family) {
    let p = f.prefix;
    let front = |healed| fault("cas-02", f.front, "stops_answering", healed);
    let proxy = |faults, driver| on_cas(f, MonitorKind::ProxyTest, "proxy", faults, driver);
    let cases = [
        ("transient", "transient", Ending::Transient),
        ("service-restart", "restart_service", Ending::Resolved),
        ("cas-restart", "restart_server", Ending::Resolved),
        ("escalation", "itself", Ending::Escalated),
    ];
    for (name, healed_by, ending) in cases {
        let (_, outcome) = walk(
            &format!("{p}-proxy-{name}"),
            &proxy(front(healed_by), Driver::RunAll),
        );
        assert_eq!(
            (outcome.ending, owed(&outcome)),
            (ending, vec![]),
            "{p}-proxy-{name}"
        );
    }
    let case = proxy(front("itself"), Driver::AbortAt("restart-cas"));
    let (_, outcome) = walk(&format!("{p}-proxy-abort"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Aborted, vec![]));
}

#[test]
fn proxy_walks_imap_and_pop() {
    proxy_walks(IMAP);
    proxy_walks(POP);
}

fn latency(f: Family, server: &'static str, faults: String, driver: Driver) -> Case {
    Case {
        faults,
        minutes: 12,
        procedure: format!("{}-latency", f.prefix),
        server,
        monitor: monitor(f.protocol, MonitorKind::CommandLatency),
        driver,
    }
}

fn latency_walks(f: Family) {
    let p = f.prefix;
    let slow = |server, service, healed| fault(server, service, "slow", healed);

    let case = latency(
        f,
        "mbx-01",
        slow("mbx-01", f.back, "transient"),
        Driver::RunAll,
    );
    let (_, outcome) = walk(&format!("{p}-latency-transient"), &case);
    assert_eq!(outcome.ending, Ending::Transient);

    let case = latency(
        f,
        "mbx-01",
        slow("mbx-01", f.back, "restart_service"),
        Driver::RunAll,
    );
    let (_, outcome) = walk(&format!("{p}-latency-service-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));

    // A multi-role server restarts both its services; the server restart comes after a
    // failover, and activation is re-enabled once the monitor stays healthy.
    let both = slow("ex-03", f.front, "restart_server") + &slow("ex-03", f.back, "restart_server");
    let case = latency(f, "ex-03", both, Driver::RunAll);
    let (drill, outcome) = walk(&format!("{p}-latency-server-restart"), &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));
    let restart = drill
        .commands
        .iter()
        .find(|c| c.starts_with("restart-service"))
        .unwrap();
    assert!(
        restart.contains(&format!("-Name {},{}", f.back, f.front)),
        "{restart}"
    );

    let case = latency(
        f,
        "mbx-01",
        slow("mbx-01", f.back, "itself"),
        Driver::RunAll,
    );
    let (_, outcome) = walk(&format!("{p}-latency-escalation"), &case);
    assert_eq!(outcome.ending, Ending::Escalated);
    assert_eq!(owed(&outcome), [format!("{p}-latency/reenable-activation")]);

    // On a CAS there is no failover and nothing to re-enable.
    let case = latency(
        f,
        "cas-01",
        slow("cas-01", f.front, "itself"),
        Driver::RunAll,
    );
    let (_, outcome) = walk(&format!("{p}-latency-cas-escalation"), &case);
    assert_eq!(
        (outcome.ending, owed(&outcome)),
        (Ending::Escalated, vec![])
    );
}

#[test]
fn latency_walks_imap_and_pop() {
    latency_walks(IMAP);
    latency_walks(POP);
}

#[test]
fn latency_abort_after_failover_owes_the_failback() {
    for f in [IMAP, POP] {
        let p = f.prefix;
        let case = latency(
            f,
            "mbx-01",
            fault("mbx-01", f.back, "slow", "itself"),
            Driver::AbortAt("check-copies"),
        );
        let owed = format!("{p}-latency/reenable-activation");
        abort_then_compensate(&format!("{p}-latency-abort"), &case, &[&owed]);
    }
}

#[test]
fn requests_queued_on_a_cas_is_cured_by_a_server_restart() {
    let faults = fault("cas-01", IMAP.front, "queued", "restart_server");
    let case = Case {
        monitor: monitor(Protocol::Imap, MonitorKind::RequestsQueued),
        ..latency(IMAP, "cas-01", faults, Driver::RunAll)
    };
    let (_, outcome) = walk("imap-latency-queued-cas-restart", &case);
    assert_eq!((outcome.ending, owed(&outcome)), (Ending::Resolved, vec![]));
}

#[test]
fn verify_procedures_stop_on_a_transient_problem_and_complete_on_a_lasting_one() {
    for (healed_by, ending) in [
        ("transient", Ending::Transient),
        ("itself", Ending::Completed),
    ] {
        let faults = fault("mbx-01", IMAP.back, "stops_answering", healed_by);
        let case = Case {
            procedure: "verify-probe".to_owned(),
            ..deep_self(IMAP, faults, "mbx-01", Driver::RunAll)
        };
        let (_, outcome) = walk(&format!("verify-probe-{healed_by}"), &case);
        assert_eq!(outcome.ending, ending);

        let faults = fault("mbx-01", IMAP.back, "slow", healed_by);
        let case = Case {
            procedure: "verify-metric".to_owned(),
            ..latency(IMAP, "mbx-01", faults, Driver::RunAll)
        };
        let (_, outcome) = walk(&format!("verify-metric-{healed_by}"), &case);
        assert_eq!(outcome.ending, ending);
    }
}

/// The simulator heals only what the scenario says heals a fault.
#[test]
fn restarting_the_wrong_service_does_not_heal_the_fault() {
    let faults = fault("mbx-02", IMAP.back, "stops_answering", "restart_service");
    let mut drill = Drill::new(&scenario(&faults), 8);
    let deep = monitor(Protocol::Imap, MonitorKind::DeepTest);
    let library = common::drill::library();
    let mbx02 = training::server_named(&drill.simulator, "mbx-02").unwrap();
    let cas02 = training::server_named(&drill.simulator, "cas-02").unwrap();
    // The CTP procedure's first restart is the CAS front end: wrong for this fault.
    let mut walk = Walk::start(
        library,
        "imap-ctp",
        cas02,
        monitor(Protocol::Imap, MonitorKind::Ctp),
    )
    .unwrap();
    while !matches!(walk.next(), healthdeck::runbook::Next::Run(c) if c.step == "restart-front-end")
    {
        let healthdeck::runbook::Next::Run(call) = walk.next().clone() else {
            panic!()
        };
        let alerts = drill.alerts(&call);
        let performed = training::perform(&mut drill.simulator, &alerts, &call, drill.now);
        walk.answer(&performed.answer).unwrap();
    }
    let healthdeck::runbook::Next::Run(call) = walk.next().clone() else {
        panic!()
    };
    let alerts = drill.alerts(&call);
    training::perform(&mut drill.simulator, &alerts, &call, drill.now);
    let probe = deep.probe().unwrap();
    let server = drill.simulator.server_index("mbx-02").unwrap();
    assert!(!drill.simulator.probe(server, probe, drill.now, 1).succeeded);
    // The back end, on the right server, heals it.
    let mut walk = Walk::start(library, "imap-deep-self", mbx02, deep).unwrap();
    drill.drive(&mut walk, Driver::RunAll);
    assert!(drill.simulator.probe(server, probe, drill.now, 2).succeeded);
}
