//! The engine alone, answered by hand: gates, failures, retries, skips, escalation, waits
//! and compensations, with no platform behind it.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use healthdeck::health::{Monitor, MonitorKind, Protocol, Role, Server};
use healthdeck::runbook::Expectation::{
    ComponentActive, MonitorHealthy, ProbeSucceeded, ServerHealthy,
};
use healthdeck::runbook::{
    Answer, Ending, Expectation, Next, SkipReason, StepExit, StepStatus, Walk, WalkError,
};

fn server(name: &str, role: Role) -> Server {
    Server {
        name: name.to_owned(),
        role,
        site: "AMS".to_owned(),
    }
}

fn ctp() -> Monitor {
    Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::Ctp,
    }
}

fn step(walk: &Walk<'_>) -> String {
    match walk.next() {
        Next::Run(call) => call.step.clone(),
        Next::Failed(call, _) => format!("{} (failed)", call.step),
        Next::Done(outcome) => format!("done: {}", outcome.ending.name()),
    }
}

fn ok(walk: &mut Walk<'_>, facts: &[(Expectation, bool)]) {
    walk.answer(&Answer::succeeded(facts.to_vec())).unwrap();
}

/// Answers the CTP procedure up to `rerun-with-logging` with the probe still failing.
fn ctp_to_logging(walk: &mut Walk<'_>) {
    ok(walk, &[(ServerHealthy, false), (MonitorHealthy, false)]);
    ok(walk, &[(ProbeSucceeded, false)]);
    assert_eq!(step(walk), "check-component");
    ok(walk, &[(ComponentActive, true)]);
    // An Active component is left alone.
    assert_eq!(step(walk), "restart-front-end");
    ok(walk, &[]);
    ok(walk, &[(ProbeSucceeded, false)]);
    assert_eq!(step(walk), "logging-on");
    ok(walk, &[]);
    ok(walk, &[]);
    assert_eq!(step(walk), "rerun-with-logging");
}

#[test]
fn a_stop_with_compensations_owed_runs_them_before_ending() {
    let library = common::drill::library();
    let mut walk = Walk::start(library, "imap-ctp", server("cas-02", Role::Cas), ctp()).unwrap();
    ctp_to_logging(&mut walk);
    // The probe passes with logging on: stop, but switch logging off first.
    ok(&mut walk, &[(ProbeSucceeded, true)]);
    assert_eq!(step(&walk), "logging-off");
    let Next::Run(call) = walk.next() else {
        panic!()
    };
    assert!(call.compensating);
    ok(&mut walk, &[]);
    assert_eq!(step(&walk), "restart-after-logging");
    ok(&mut walk, &[]);
    let Next::Done(outcome) = walk.next() else {
        panic!()
    };
    assert_eq!((outcome.ending, outcome.owed.len()), (Ending::Resolved, 0));
}

#[test]
fn an_inactive_component_is_set_active_and_one_never_read_is_not() {
    let library = common::drill::library();
    let cas = || server("cas-02", Role::Cas);
    let proxy = Monitor {
        protocol: Protocol::Pop,
        kind: MonitorKind::ProxyTest,
    };
    let mut walk = Walk::start(library, "pop-proxy", cas(), proxy).unwrap();
    ok(
        &mut walk,
        &[(ServerHealthy, false), (MonitorHealthy, false)],
    );
    ok(&mut walk, &[(ProbeSucceeded, false)]);
    assert_eq!(step(&walk), "check-component");
    ok(&mut walk, &[(ComponentActive, false)]);
    assert_eq!(step(&walk), "set-component-active");
    ok(&mut walk, &[]);
    assert_eq!(step(&walk), "restart-front-end");

    // Unknown is never Inactive: a check that read nothing, skipped, opens no gate.
    let mut walk = Walk::start(library, "pop-proxy", cas(), proxy).unwrap();
    ok(
        &mut walk,
        &[(ServerHealthy, false), (MonitorHealthy, false)],
    );
    ok(&mut walk, &[(ProbeSucceeded, false)]);
    walk.answer(&Answer::exited(StepExit::Failed(Some(1))))
        .unwrap();
    assert_eq!(step(&walk), "check-component (failed)");
    walk.skip().unwrap();
    assert_eq!(step(&walk), "restart-front-end");
    let set = walk
        .history()
        .iter()
        .find(|r| r.step == "set-component-active")
        .unwrap();
    assert!(
        matches!(set.status, StepStatus::Skipped(_)),
        "{:?}",
        set.status
    );
}

#[test]
fn a_failed_command_waits_for_retry_skip_or_escalate() {
    let library = common::drill::library();
    let mut walk = Walk::start(library, "imap-ctp", server("cas-02", Role::Cas), ctp()).unwrap();
    ctp_to_logging(&mut walk);
    walk.answer(&Answer::exited(StepExit::Failed(Some(1))))
        .unwrap();
    assert_eq!(step(&walk), "rerun-with-logging (failed)");
    assert!(
        walk.answer(&Answer::succeeded(vec![])).is_err(),
        "no answer while failed"
    );
    walk.retry().unwrap();
    assert_eq!(step(&walk), "rerun-with-logging");
    walk.answer(&Answer::exited(StepExit::TimedOut)).unwrap();
    walk.skip().unwrap();
    assert_eq!(step(&walk), "log-location");
    let skipped = &walk.history()[walk.history().len() - 1];
    assert_eq!(skipped.status, StepStatus::Skipped(SkipReason::ByEngineer));
    // Escalating now jumps over the rest; logging is still on, so it is owed.
    walk.escalate().unwrap();
    assert_eq!(step(&walk), "escalate");
    ok(&mut walk, &[]);
    let Next::Done(outcome) = walk.next() else {
        panic!()
    };
    assert_eq!(outcome.ending, Ending::Escalated);
    let owed: Vec<&str> = outcome.owed.iter().map(|o| o.step.as_str()).collect();
    assert_eq!(owed, ["logging-off", "restart-after-logging"]);
}

#[test]
fn without_a_mailbox_server_the_detour_is_skipped_with_the_reason() {
    let library = common::drill::library();
    let mut walk = Walk::start(library, "imap-ctp", server("cas-02", Role::Cas), ctp()).unwrap();
    ctp_to_logging(&mut walk);
    ok(&mut walk, &[(ProbeSucceeded, false)]);
    ok(&mut walk, &[]); // log location
    assert_eq!(step(&walk), "identify-mailbox");
    ok(&mut walk, &[(ProbeSucceeded, false)]); // no _Mbx: found
    let skipped: Vec<String> = walk.history().iter().map(ToString::to_string).collect();
    assert!(
        skipped
            .iter()
            .any(|l| l
                .ends_with("mailbox-health @cas-02: skipped (no Mailbox server was identified)")),
        "{skipped:#?}"
    );
    // The CAS restart is gated on the Mailbox server being healthy: unknown, so skipped.
    assert_eq!(step(&walk), "rerun-after-restart");
}

#[test]
fn a_recheck_before_the_wait_is_over_is_refused() {
    let library = common::drill::library();
    let latency = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::CommandLatency,
    };
    let mut walk = Walk::start(
        library,
        "imap-latency",
        server("mbx-01", Role::Mailbox),
        latency,
    )
    .unwrap();
    ok(
        &mut walk,
        &[(ServerHealthy, false), (MonitorHealthy, false)],
    );
    ok(&mut walk, &[]);
    let Next::Run(call) = walk.next().clone() else {
        panic!()
    };
    assert_eq!(
        (call.step.as_str(), call.wait),
        ("recheck-1", TimeDelta::minutes(10))
    );
    let mut early = Answer::succeeded(vec![(MonitorHealthy, true)]);
    early.waited = TimeDelta::minutes(9);
    assert_eq!(
        walk.answer(&early),
        Err(WalkError::WaitNotOver {
            remaining: TimeDelta::minutes(1)
        })
    );
    early.waited = TimeDelta::minutes(10);
    walk.answer(&early).unwrap();
    assert_eq!(step(&walk), "recheck-2");
}

#[test]
fn an_unknown_procedure_is_an_error_not_a_panic() {
    let library = common::drill::library();
    let result = Walk::start(
        library,
        "no-such-procedure",
        server("cas-01", Role::Cas),
        ctp(),
    );
    assert!(matches!(result, Err(WalkError::UnknownProcedure(_))));
}

#[test]
fn destructive_steps_ask_for_confirmation_per_platform() {
    use healthdeck::runbook::RecoveryAction as A;
    use healthdeck::runbook::platform::Platform;
    for action in [
        A::FailoverDatabases,
        A::RestartServer,
        A::RebalanceDatabases,
    ] {
        assert!(Platform::Exchange.destructive(action) && Platform::Training.destructive(action));
    }
    assert!(Platform::Exchange.destructive(A::RestartService));
    assert!(!Platform::Training.destructive(A::RestartService));
    for action in [
        A::RerunProbe,
        A::CheckActiveCopies,
        A::ReenableActivation,
        A::Escalate,
    ] {
        assert!(!Platform::Exchange.destructive(action), "{action}");
    }
}

#[test]
fn an_optional_step_can_be_skipped_and_the_walk_still_resolves() {
    use healthdeck::runbook::Expectation::NoActiveCopies;
    let library = common::drill::library();
    let deep = Monitor {
        protocol: Protocol::Pop,
        kind: MonitorKind::DeepTest,
    };
    let mut walk = Walk::start(
        library,
        "pop-deep-self",
        server("mbx-02", Role::Mailbox),
        deep,
    )
    .unwrap();
    assert!(walk.skip().is_err(), "a required step cannot be skipped");
    ok(
        &mut walk,
        &[(ServerHealthy, false), (MonitorHealthy, false)],
    );
    for (expected, facts) in [
        ("rerun-probe", vec![(ProbeSucceeded, false)]),
        ("restart-back-end", vec![]),
        ("rerun-after-service", vec![(ProbeSucceeded, false)]),
        ("failover", vec![]),
        ("check-copies", vec![(NoActiveCopies, true)]),
        ("restart-server", vec![]),
        ("rerun-after-restart", vec![(ProbeSucceeded, true)]),
        ("reenable-activation", vec![]),
    ] {
        assert_eq!(step(&walk), expected);
        ok(&mut walk, &facts);
    }
    let Next::Run(call) = walk.next() else {
        panic!()
    };
    assert_eq!((call.step.as_str(), call.optional), ("rebalance", true));
    walk.skip().unwrap();
    let Next::Done(outcome) = walk.next() else {
        panic!()
    };
    assert_eq!((outcome.ending, outcome.owed.len()), (Ending::Resolved, 0));
}
