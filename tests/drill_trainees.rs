//! Scripted trainees by events on the simulator (ARCHITECTURE "Drills"), beside those in
//! `drill_console`: a slow one, one who tries to skip the verification, one who goes for a
//! healthy server's runbook (to fail it over), and one who escalates a problem already solved. Each one's
//! keys on the default drill, and the exact score and findings the console gives them.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::health::{AlertValue, Monitor};
use healthdeck::training::drill::{Debrief, DrillEnd, Finding, Points};
use healthdeck::update::Prompt;

/// Fleet minutes a trainee is given to reach a state before the test gives up.
const DEADLINE: usize = 60;

fn alert(console: &Console, server: &str, monitor: &str) -> AlertValue {
    let names = console.server_names();
    let server = names.iter().position(|n| n == server).unwrap();
    let monitor = Monitor::ALL.into_iter().find(|m| m.name() == monitor);
    let state = console.state.fleet.monitor(server, monitor.unwrap());
    state.unwrap().alert
}

fn self_test(console: &Console) -> AlertValue {
    alert(console, "mbx-02", "ImapSelfTestMonitor")
}

/// The default drill, at the moment mbx-02's self test turns Unhealthy.
fn at_the_fault() -> Console {
    let mut console = Console::drill("imap-backend-down", 120, 36);
    console.event(Event::Tick(console.state.now));
    for _ in 0..DEADLINE {
        if self_test(&console) == AlertValue::Unhealthy {
            return console;
        }
        console.advance(TimeDelta::seconds(60));
    }
    panic!("the fault never showed: {:?}", console.kinds());
}

/// Keys on the grid, then Enter twice: the cell's drill-down, then its runbook.
fn open(console: &mut Console, keys: &str) {
    for key in keys.chars() {
        console.key(KeyCode::Char(key));
    }
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    console.drawn();
}

/// Enter runs the next step, each on the simulator, `pace` of fleet time apart, until
/// `done` (or the drill ends).
fn walk(console: &mut Console, pace: i64, done: impl Fn(&Console) -> bool) {
    for _ in 0..DEADLINE * 3 {
        if done(console) || debrief(console).is_some() {
            return;
        }
        console.key(KeyCode::Enter);
        console.run_jobs();
        console.advance(TimeDelta::seconds(pace));
    }
    panic!("the walk never got there: {:?}", console.kinds());
}

/// Fleet time passes, a minute at a time, until the drill ends.
fn to_the_end(console: &mut Console) -> Debrief {
    for _ in 0..DEADLINE {
        if let Some(debrief) = debrief(console) {
            return debrief;
        }
        console.advance(TimeDelta::seconds(60));
    }
    panic!("the drill did not end: {:?}", console.kinds());
}

fn debrief(console: &Console) -> Option<Debrief> {
    console.state.drill.as_ref()?.debrief.clone()
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

#[test]
fn a_slow_trainee_loses_only_time_points() {
    let mut console = at_the_fault();
    // Six more minutes pass before the trainee looks at the grid.
    for _ in 0..6 {
        console.advance(TimeDelta::seconds(60));
    }
    open(&mut console, "jjjjll");
    walk(&mut console, 60, |_| false);
    let debrief = to_the_end(&mut console);
    assert_eq!(debrief.end, DrillEnd::Healed);
    assert_eq!(debrief.findings, []);
    assert_eq!(
        (debrief.detected, debrief.runbook, debrief.mitigated),
        (Some(minutes(8)), Some(minutes(8)), Some(minutes(10)))
    );
    assert_eq!(
        debrief.points,
        Points {
            detection: 7,
            runbook: 7,
            mitigation: 40,
            path: 10,
            safety: 20
        }
    );
}

#[test]
fn a_trainee_who_tries_to_skip_the_verification_is_refused_and_has_no_finding() {
    let mut console = at_the_fault();
    open(&mut console, "jjjjll");
    // Highlight the restart, then `>` to move the walk there: the walk is inside the
    // verification, and the prompt says so instead of moving.
    for _ in 0..20 {
        let pane = console.state.runbook.as_ref().unwrap();
        if pane.rows(console.state.now)[pane.highlight].step == "restart-back-end" {
            break;
        }
        console.key(KeyCode::Char('j'));
    }
    console.key(KeyCode::Char('>'));
    let Some(Prompt::Reason { refused, .. }) = &console.state.view.prompt else {
        panic!("no prompt: {:?}", console.state.view.prompt);
    };
    let refused = refused.clone().unwrap();
    assert!(refused.contains("verify-probe"), "{refused}");
    console.type_text("I know it is down");
    console.key(KeyCode::Enter);
    console.key(KeyCode::Esc);
    assert!(!console.kinds().contains(&"passed_over"));
    walk(&mut console, 60, |_| false);
    let debrief = to_the_end(&mut console);
    assert_eq!(debrief.end, DrillEnd::Healed);
    assert_eq!(debrief.findings, []);
    assert_eq!(debrief.points.total(), 98);
}

#[test]
fn a_trainee_who_goes_to_fail_over_a_healthy_server_is_refused_its_runbook() {
    let mut console = at_the_fault();
    // mbx-03 (sixth row), IMAP.Protocol: healthy. No runbook opens on it, so none of its
    // destructive steps can be reached.
    open(&mut console, "jjjjjll");
    assert_eq!(
        alert(&console, "mbx-03", "ImapSelfTestMonitor"),
        AlertValue::Healthy
    );
    assert!(console.state.runbook.is_none());
    let flash = console.state.view.flash.clone().unwrap_or_default();
    assert!(
        flash.contains("its runbook opens when it is Degraded or Unhealthy"),
        "{flash}"
    );
    assert!(!console.kinds().contains(&"runbook_opened"));
    // Nothing more is done: the budget runs out with the fault still there.
    let debrief = to_the_end(&mut console);
    assert_eq!(debrief.end, DrillEnd::BudgetOver);
    assert_eq!(debrief.findings, []);
    assert!(debrief.steps.is_empty());
    // On its way down the cursor crossed cas-02's failing CTP cell: that was seeing it.
    assert_eq!(debrief.detected, Some(minutes(2)));
    assert_eq!(
        debrief.points,
        Points {
            detection: 14,
            runbook: 0,
            mitigation: 0,
            path: 0,
            safety: 20
        }
    );
}

/// The trainee walks cas-02's CTP runbook (whose detour heals mbx-02), and escalates it
/// once its monitor is Healthy again; then quits.
#[test]
fn a_trainee_who_escalates_a_solved_problem_is_told_so() {
    let mut console = at_the_fault();
    open(&mut console, "j");
    walk(&mut console, 20, |c| {
        alert(c, "cas-02", "ImapCTPMonitor") == AlertValue::Healthy
    });
    assert!(
        debrief(&console).is_none(),
        "an undo is owed: the drill goes on"
    );
    console.key(KeyCode::Char('e'));
    console.type_text("not sure it is over, handing it to the Exchange team");
    console.key(KeyCode::Enter);
    assert!(console.kinds().contains(&"escalated"));
    console.key(KeyCode::Char('q'));
    let debrief = debrief(&console).expect("q ends the drill on its debrief");
    let solved = Finding::EscalatedSolved {
        server: "cas-02".into(),
        monitor: "ImapCTPMonitor".into(),
    };
    let wrong = Finding::WrongService {
        server: "cas-02".into(),
        service: "MSExchangeIMAP4".into(),
    };
    // The walk also left protocol logging on: that undo is still owed.
    let owed = Finding::CompensationsOwed {
        server: "cas-02".into(),
        steps: vec!["logging-off".into()],
    };
    assert_eq!(debrief.findings, [wrong.clone(), wrong, solved, owed]);
    assert_eq!(debrief.points.safety, 0);
}
