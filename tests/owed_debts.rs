//! Nothing owed is forgotten, by events on the training fleet: a failover owes re-enabling
//! activation from the moment it starts; leaving keeps the debt and the walk (reopening
//! resumes); quitting offers it after a cancel or a step left running; the drill-down runs
//! it or writes it off; another console paying it is seen.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::incident::Entry;
use healthdeck::job::JobEnd;
use healthdeck::runbook::{Debt, Ledger, Next, StepExit};
use healthdeck::update::{Prompt, Purpose, Screen};
use std::time::Duration;

/// The stubborn incident's runbook run up to the failover's confirmation, confirmed.
fn failover_started(console: &mut Console) {
    console.open_runbook();
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            if call.step == "failover" {
                console.type_text(&call.server.name);
                console.key(KeyCode::Enter);
                return;
            }
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
    panic!("no failover: {:?}", console.kinds());
}

fn owed_on(console: &Console, server: &str) -> Vec<Debt> {
    let owed = console.state.owed();
    owed.into_iter()
        .filter(|d| d.server == server)
        .cloned()
        .collect()
}

fn reenable_owed(console: &Console) -> Option<Debt> {
    owed_on(console, "mbx-02")
        .into_iter()
        .find(|d| d.step == "reenable-activation")
}

#[test]
fn a_failover_owes_from_its_start_and_for_certain_once_it_succeeds() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    let debt = reenable_owed(&console).expect("owed as the failover starts");
    assert!(!debt.certain, "maybe owed while it runs");
    // Wall-clock UTC, never the training fleet's clock (×10 here).
    let fleet = console.state.now - console.state.started;
    assert_eq!(debt.since - console.state.started, fleet / 10);
    assert_eq!(debt.caused_by, "failover");
    let command = debt.command.clone().unwrap();
    assert!(
        command.contains("-DatabaseCopyActivationDisabledAndMoveNow $false"),
        "{command}"
    );
    // Written to the ledger and the record with it.
    assert!(console.owes.iter().any(|d| d.id == debt.id && !d.certain));
    console.run_jobs();
    let debt = reenable_owed(&console).unwrap();
    assert!(debt.certain, "owed once it succeeded");
    assert!(console.owes.iter().any(|d| d.id == debt.id && d.certain));
    let recorded = console
        .records
        .iter()
        .filter(|e| matches!(e, Entry::Owed { id, .. } if *id == debt.id))
        .count();
    assert_eq!(recorded, 2, "maybe, then certain");
}

#[test]
fn a_step_refused_before_it_ran_owes_nothing() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    let run = console.started.last().unwrap().run;
    console.take_pending();
    let end = JobEnd {
        exit: StepExit::Failed(None),
        duration: Duration::ZERO,
        stdout: String::new(),
        answer: None,
        note: Some(healthdeck::i18n::Said::as_is(
            "mbx-02 is locked by bob on ops-2 (pid 7): nothing ran",
        )),
        ran: false,
    };
    console.event(Event::StepEnded { run, end });
    assert!(reenable_owed(&console).is_none());
    let cleared = console.records.iter().any(
        |e| matches!(e, Entry::OwedCleared { how, step, .. } if how == "not_run" && step == "reenable-activation"),
    );
    assert!(cleared, "{:?}", console.kinds());
}

#[test]
fn a_failover_that_failed_part_way_stays_owed_as_maybe() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    let run = console.started.last().unwrap().run;
    console.end(run, StepExit::Failed(Some(1)), None);
    let debt = reenable_owed(&console).expect("still owed");
    assert!(!debt.certain);
    let said = console.log_texts().join("\n");
    assert!(said.contains("may still be owed"), "{said}");
}

/// The failover done, its debt certain, and the walk left with `l`.
fn left_with_a_debt() -> Console {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    console.run_jobs();
    console.key(KeyCode::Esc);
    assert!(
        matches!(console.state.view.prompt, Some(Prompt::Leave { .. })),
        "{:?}",
        console.state.view.prompt
    );
    console.key(KeyCode::Char('l'));
    console
}

/// The drill-down of mbx-02's IMAP.Protocol, where its debt is listed.
fn in_mbx02_drill_down(console: &mut Console) {
    let mbx = console
        .server_names()
        .iter()
        .position(|n| n == "mbx-02")
        .unwrap();
    let Screen::Drill(mut drill) = console.state.view.screen.clone() else {
        panic!("not in a drill-down: {:?}", console.state.view.screen)
    };
    drill.server = mbx;
    drill.set = healthdeck::health::HealthSet::ALL[2];
    console.state.view.screen = Screen::Drill(drill);
}

#[test]
fn leaving_keeps_the_debt_and_reopening_resumes_the_walk() {
    let mut console = left_with_a_debt();
    assert!(console.state.runbook.is_none());
    assert!(reenable_owed(&console).is_some(), "left, still owed");
    assert_eq!(console.state.parked.len(), 1);
    let decided = console.records.iter().any(|e| {
        matches!(e, Entry::CompensationsDecided { run: false, owed, .. }
            if owed.iter().any(|o| o.contains("reenable-activation")))
    });
    assert!(decided);
    // Back in the drill-down, Enter on the monitor resumes where it was.
    assert!(matches!(console.state.view.screen, Screen::Drill(_)));
    console.key(KeyCode::Enter);
    console.drawn();
    let pane = console.state.runbook.as_ref().expect("resumed");
    let history = pane.walk.history();
    assert!(
        history.iter().any(|r| r.step == "failover"),
        "the failover shows as done: {history:?}"
    );
    let Next::Run(call) = pane.walk.next() else {
        panic!("{:?}", pane.walk.next())
    };
    assert_eq!(call.step, "check-copies");
}

#[test]
fn the_drill_down_runs_what_is_owed_and_that_pays_it() {
    let mut console = left_with_a_debt();
    in_mbx02_drill_down(&mut console);
    // A parked walk of another monitor is not in the way of paying.
    console.state.parked.clear();
    console.key(KeyCode::Char('u'));
    console.drawn();
    let pane = console.state.runbook.as_ref().expect("a pane that pays");
    assert!(pane.paying);
    let Next::Run(call) = pane.walk.next() else {
        panic!()
    };
    assert_eq!(call.step, "reenable-activation");
    console.key(KeyCode::Enter);
    if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
        console.type_text(&call.server.name);
        console.key(KeyCode::Enter);
    }
    console.run_jobs();
    assert!(reenable_owed(&console).is_none(), "paid");
    let paid = console
        .settles
        .iter()
        .any(|(server, id)| server == "mbx-02" && id.ends_with("reenable-activation"));
    assert!(paid, "settled in the ledger: {:?}", console.settles);
    let cleared = console.records.iter().any(
        |e| matches!(e, Entry::OwedCleared { how, step, .. } if how == "ran" && step == "reenable-activation"),
    );
    assert!(cleared);
}

#[test]
fn writing_off_needs_the_server_name_and_a_reason() {
    let mut console = left_with_a_debt();
    in_mbx02_drill_down(&mut console);
    console.key(KeyCode::Char('x'));
    assert!(matches!(
        console.state.view.prompt,
        Some(Prompt::Reason {
            purpose: Purpose::WriteOff(_),
            ..
        })
    ));
    // Keys are literal in the prompt: `q` types a q.
    console.type_text("mbx-03 done by hand");
    console.key(KeyCode::Enter);
    assert!(
        reenable_owed(&console).is_some(),
        "a wrong name writes nothing off"
    );
    console.ctrl('u');
    console.type_text("mbx-02");
    console.key(KeyCode::Enter);
    assert!(
        reenable_owed(&console).is_some(),
        "no reason, nothing written off"
    );
    console.ctrl('u');
    console.type_text("MBX-02 re-enabled by hand at 03:40, quit");
    console.key(KeyCode::Enter);
    assert!(reenable_owed(&console).is_none());
    let reason = console.records.iter().find_map(|e| match e {
        Entry::OwedCleared { how, reason, .. } if how == "written_off" => reason.clone(),
        _ => None,
    });
    assert_eq!(reason.as_deref(), Some("re-enabled by hand at 03:40, quit"));
    assert!(!console.quit);
}

#[test]
fn quitting_after_a_cancel_offers_what_is_owed_and_records_it_left() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    console.run_jobs();
    // The next step runs; q asks; c cancels it; once it ended, the debt is offered.
    console.key(KeyCode::Enter);
    assert_eq!(console.pending(), 1);
    console.key(KeyCode::Char('q'));
    assert_eq!(console.state.view.prompt, Some(Prompt::QuitRunning));
    console.key(KeyCode::Char('c'));
    assert!(!console.quit);
    console.run_jobs();
    let Some(Prompt::Leave { owed, quit, .. }) = console.state.view.prompt.clone() else {
        panic!("nothing offered: {:?}", console.state.view.prompt);
    };
    assert!(quit && owed.iter().any(|o| o.step == "reenable-activation"));
    console.key(KeyCode::Char('l'));
    assert!(console.quit);
    assert!(
        reenable_owed(&console).is_some(),
        "left owed, never dropped"
    );
}

#[test]
fn leaving_a_step_running_detaches_it_and_offers_what_is_owed() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    console.run_jobs();
    console.key(KeyCode::Enter);
    let run = console.started.last().unwrap().run;
    console.key(KeyCode::Char('q'));
    console.key(KeyCode::Char('l'));
    assert_eq!(console.detached, vec![run]);
    let Some(Prompt::Leave { running: true, .. }) = console.state.view.prompt else {
        panic!("{:?}", console.state.view.prompt);
    };
    // Its compensations cannot run while it runs.
    console.key(KeyCode::Char('r'));
    assert_eq!(console.pending(), 1, "nothing else started");
    console.key(KeyCode::Char('l'));
    assert!(console.quit);
}

#[test]
fn a_debt_paid_by_another_console_is_no_longer_owed_here() {
    let mut console = left_with_a_debt();
    let debt = reenable_owed(&console).unwrap();
    // The ledger shows it (written), then no longer (another console paid it).
    let shown = Ledger {
        debts: vec![debt.clone()],
        unreadable: Vec::new(),
    };
    console.event(Event::Ledger(shown));
    assert!(
        !console.state.owed_pending.contains(&debt),
        "written: no longer pending"
    );
    assert!(reenable_owed(&console).is_some());
    console.event(Event::Ledger(Ledger::default()));
    assert!(reenable_owed(&console).is_none());
    let parked = &console.state.parked[0];
    assert!(
        !parked
            .walk
            .owed()
            .iter()
            .any(|o| o.step == "reenable-activation"),
        "the walk left half-way no longer owes it"
    );
}

#[test]
fn an_unreadable_ledger_forgives_nothing() {
    let mut console = left_with_a_debt();
    let debt = reenable_owed(&console).unwrap();
    console.event(Event::Ledger(Ledger {
        debts: vec![debt],
        unreadable: Vec::new(),
    }));
    console.event(Event::Ledger(Ledger {
        debts: Vec::new(),
        unreadable: vec!["/state/owed/mbx-02.json: not JSON".to_owned()],
    }));
    let owed = console.state.parked[0].walk.owed();
    assert!(owed.iter().any(|o| o.step == "reenable-activation"));
}

#[test]
fn what_is_owed_on_the_fleet_is_shown_first_at_start() {
    let mut console = left_with_a_debt();
    let debt = reenable_owed(&console).unwrap();
    let mut fresh = Console::incident(80, 24);
    fresh.event(Event::Ledger(Ledger {
        debts: vec![debt.clone()],
        unreadable: Vec::new(),
    }));
    assert!(fresh.state.view.owed_box);
    let theme = common::screen::theme("default");
    let screen = common::screen::text(&common::screen::render(&fresh.state, &theme, false));
    assert!(screen.contains("Re-enable database activation"), "{screen}");
    assert!(screen.contains("OWED"), "{screen}");
    // In Korean: the line in the catalog's words, the step's title as the Korean runbook
    // says it (the ledger keeps the English title), the command as it is.
    fresh.state.launch.language = "ko";
    let korean = common::screen::text(&common::screen::render(&fresh.state, &theme, false));
    let tr = healthdeck::i18n::Tr::of("ko");
    let library = healthdeck::runbook::Library::shared().ok();
    let line = debt.describe_in(tr, library);
    assert!(
        !line.contains("Re-enable") && !line.contains("owed since"),
        "{line}"
    );
    let first: String = line.chars().take(20).collect();
    assert!(korean.contains(&first), "{first}\n{korean}");
    assert!(
        korean.contains("DatabaseCopyActivationDisabledAndMoveNow"),
        "{korean}"
    );
    fresh.state.launch.language = "en";
    fresh.key(KeyCode::Char('n'));
    assert!(!fresh.state.view.owed_box, "any key closes it");
    assert!(
        matches!(fresh.state.view.screen, Screen::Grid),
        "and does nothing else"
    );
    console.key(KeyCode::Esc);
}

#[test]
fn quitting_and_running_what_is_owed_quits_once_it_is_paid() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    console.run_jobs();
    console.key(KeyCode::Char('q'));
    assert!(matches!(
        console.state.view.prompt,
        Some(Prompt::Leave { quit: true, .. })
    ));
    console.key(KeyCode::Char('r'));
    assert!(!console.quit, "not before they ran");
    for _ in 0..6 {
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
    assert!(console.quit, "{:?}", console.log_texts());
    assert!(reenable_owed(&console).is_none());
}

#[test]
fn a_failover_run_again_owes_one_undo_not_two() {
    let mut console = Console::stubborn_incident(120, 36);
    failover_started(&mut console);
    let run = console.started.last().unwrap().run;
    console.end(run, StepExit::Failed(Some(1)), None);
    assert!(!reenable_owed(&console).unwrap().certain);
    // Enter runs it again; this time it succeeds.
    console.key(KeyCode::Enter);
    if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
        console.type_text(&call.server.name);
        console.key(KeyCode::Enter);
    }
    console.run_jobs();
    let owed = owed_on(&console, "mbx-02");
    let undo: Vec<&Debt> = owed
        .iter()
        .filter(|d| d.step == "reenable-activation")
        .collect();
    assert_eq!(undo.len(), 1, "{owed:#?}");
    assert!(undo[0].certain, "owed for certain once a run succeeded");
}
