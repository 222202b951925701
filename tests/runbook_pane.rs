//! The runbook pane, driven by keys: opening, running steps on the training simulator,
//! typed confirmation, guards, waits, cancel, and leaving with compensations owed.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use common::pane::{Console, kind};
use crossterm::event::KeyCode;
use healthdeck::incident::Entry;
use healthdeck::job::Work;
use healthdeck::runbook::{Next, RecoveryAction, StepExit};
use healthdeck::update::runbook::{Active, RowState};
use healthdeck::update::{Prompt, Screen};

/// Enter and run what starts, until a confirmation is asked for (or 30 steps pass).
fn run_until_confirmation(console: &mut Console) -> RecoveryAction {
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = &console.state.view.prompt {
            return call.action;
        }
        console.run_jobs();
    }
    panic!("no destructive step came: {:?}", console.kinds());
}

/// Up to the first destructive step (a failover, which owes re-enabling activation),
/// confirmed by name and run.
fn confirm_first_destructive_step(console: &mut Console) {
    run_until_confirmation(console);
    let Some(Prompt::Confirm { call, .. }) = &console.state.view.prompt else {
        unreachable!()
    };
    let name = call.server.name.clone();
    console.type_text(&name);
    console.key(KeyCode::Enter);
    console.run_jobs();
}

#[test]
fn ctrl_z_in_a_confirmation_suspends_and_the_question_waits() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    run_until_confirmation(&mut console);
    console.type_text("mbx");
    console.ctrl('z');
    assert_eq!(console.suspends, 1);
    let Some(Prompt::Confirm { text, .. }) = &console.state.view.prompt else {
        panic!("the question is gone: {:?}", console.state.view.prompt);
    };
    assert_eq!(text, "mbx", "nothing typed is lost, no z added");
}

fn pane(console: &Console) -> &healthdeck::update::runbook::RunbookPane {
    console.state.runbook.as_deref().unwrap()
}

#[test]
fn n_enter_enter_opens_the_failing_monitors_runbook() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    assert!(matches!(console.state.view.screen, Screen::Runbook(_)));
    let pane = pane(&console);
    let alert = console
        .state
        .fleet
        .monitor(pane.server, pane.monitor)
        .unwrap()
        .alert;
    assert_eq!(alert.word(), "Unhealthy", "opened on a failing monitor");
    // `n` put the cursor on the failing cell: that first look is recorded, then the opening.
    assert_eq!(console.kinds()[0], "examined");
    let Entry::RunbookOpened {
        procedure,
        monitor,
        server,
        ..
    } = &console.records[1]
    else {
        panic!("second record: {:?}", console.records);
    };
    assert_eq!(procedure, pane.procedure.id());
    assert_eq!(monitor, pane.monitor.name());
    assert_eq!(server, &console.state.fleet.servers()[pane.server].name);
    assert!(console.started.is_empty(), "opening runs nothing");
}

#[test]
fn typed_ahead_enter_is_dropped_until_the_pane_is_drawn() {
    let mut console = Console::incident(120, 36);
    // Four keys in one burst, before any frame: the last Enter was meant for the drill-down.
    for code in [
        KeyCode::Char('n'),
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Enter,
    ] {
        console.key(code);
    }
    assert!(
        console.started.is_empty(),
        "no step ran from a typed-ahead Enter"
    );
    assert!(!console.kinds().contains(&"step_started"));
    console.drawn();
    console.key(KeyCode::Enter);
    assert_eq!(
        console.started.len(),
        1,
        "after the frame, Enter runs the step"
    );
}

#[test]
fn steps_run_on_the_simulator_and_stream_into_the_log() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    let job = console.started[0].clone();
    assert!(
        matches!(job.work, Work::Simulate { .. }),
        "training spawns no process"
    );
    assert!(pane(&console).is_running());
    let (server, set) = (pane(&console).server, pane(&console).monitor.health_set());
    let cell = |c: &Console| c.state.fleet.cell(server, set).alert.unwrap().word();
    assert_eq!(cell(&console), "Repairing", "a step runs for this monitor");
    assert_eq!(console.kinds().last(), Some(&"step_started"));
    let Some(Entry::StepStarted { command, by, .. }) = console.records.last() else {
        unreachable!()
    };
    assert!(
        command.as_deref().unwrap().starts_with("SIMULATED: "),
        "{command:?}"
    );
    assert_eq!(by, "unknown");
    console.run_jobs();
    assert!(!pane(&console).is_running());
    assert_eq!(
        cell(&console),
        "Unhealthy",
        "not repairing once the step ended"
    );
    let log: Vec<&str> = pane(&console)
        .log
        .lines()
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        log.iter().any(|l| l.contains("HealthSetName")),
        "output streamed: {log:?}"
    );
    assert!(console.kinds().contains(&"step_ended"));
}

#[test]
fn a_destructive_step_asks_for_the_server_name() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    let action = run_until_confirmation(&mut console);
    assert!(matches!(
        action,
        RecoveryAction::FailoverDatabases | RecoveryAction::RestartServer
    ));
    let started = console.started.len();
    let Some(Prompt::Confirm { call, .. }) = &console.state.view.prompt else {
        unreachable!()
    };
    let name = call.server.name.clone();

    // Inside the prompt every key is literal: q, n, c and ? neither quit nor move.
    console.type_text("qnc?");
    assert!(!console.quit);
    let Some(Prompt::Confirm { text, .. }) = &console.state.view.prompt else {
        panic!("the prompt closed on a letter");
    };
    assert_eq!(text, "qnc?");
    console.key(KeyCode::Enter);
    let Some(Prompt::Confirm { refused, text, .. }) = &console.state.view.prompt else {
        panic!("a wrong name closed the prompt");
    };
    assert_eq!(refused.as_deref(), Some("qnc?"));
    assert!(text.is_empty());
    assert_eq!(console.started.len(), started, "a wrong name runs nothing");
    let Some(Entry::Confirmation {
        typed, accepted, ..
    }) = console.records.last()
    else {
        panic!("the refusal is recorded");
    };
    assert_eq!((typed.as_str(), *accepted), ("qnc?", false));

    // Esc aborts: nothing ran, the step is still next.
    console.type_text(&name);
    console.key(KeyCode::Esc);
    assert!(console.state.view.prompt.is_none());
    assert_eq!(console.started.len(), started);
    assert!(matches!(pane(&console).walk.next(), Next::Run(_)));

    // The name, in any case, confirms and runs it.
    console.key(KeyCode::Enter);
    console.type_text(&name.to_uppercase());
    console.key(KeyCode::Enter);
    assert!(console.state.view.prompt.is_none());
    assert_eq!(console.started.len(), started + 1);
    let Some(Entry::Confirmation { accepted, by, .. }) = console
        .records
        .iter()
        .rev()
        .find(|e| matches!(e, Entry::Confirmation { .. }))
    else {
        unreachable!()
    };
    assert!(*accepted);
    assert_eq!(by, "unknown");
}

#[test]
fn cancel_marks_the_step_and_enter_runs_it_again() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    let run = console.started[0].run;
    console.key(KeyCode::Char('c'));
    assert_eq!(console.cancelled, vec![run]);
    assert!(console.kinds().contains(&"cancel_requested"));
    console.run_jobs();
    let rows = pane(&console).rows(console.state.now);
    assert!(
        rows.iter()
            .any(|r| r.state == RowState::Failed(StepExit::Cancelled)),
        "{rows:?}"
    );
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), 2, "Enter retries a cancelled step");
}

#[test]
fn leaving_half_way_offers_the_compensations_owed() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    confirm_first_destructive_step(&mut console);
    let owed = pane(&console).walk.owed();
    assert!(
        !owed.is_empty(),
        "something is owed after {:?}",
        console.kinds()
    );

    console.key(KeyCode::Esc);
    let Some(Prompt::Leave {
        owed: offered,
        quit,
        ..
    }) = &console.state.view.prompt
    else {
        panic!("Esc half-way did not offer the compensations");
    };
    assert_eq!(offered, &owed);
    assert!(!quit);
    assert_eq!(console.kinds().last(), Some(&"compensations_offered"));

    // r runs them, one after another, then the runbook can close with nothing owed.
    console.key(KeyCode::Char('r'));
    for _ in 0..10 {
        console.run_jobs();
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
    }
    let compensated = console.records.iter().any(|e| {
        matches!(
            e,
            Entry::StepStarted {
                compensating: true,
                ..
            }
        )
    });
    assert!(compensated, "{:?}", console.kinds());
    assert!(matches!(
        console
            .records
            .iter()
            .find(|e| kind(e) == "compensations_decided"),
        Some(Entry::CompensationsDecided { run: true, .. })
    ));
    console.key(KeyCode::Esc);
    let Some(Entry::RunbookClosed { owed, ending, .. }) = console.records.last() else {
        panic!("closed: {:?}", console.kinds());
    };
    assert!(owed.is_empty(), "{owed:?}");
    assert_eq!(ending, "aborted");
    assert!(console.state.runbook.is_none());
}

#[test]
fn leaving_without_the_compensations_records_them_as_not_done() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    confirm_first_destructive_step(&mut console);
    console.key(KeyCode::Char('q'));
    assert!(matches!(
        console.state.view.prompt,
        Some(Prompt::Leave { quit: true, .. })
    ));
    // A second q typed in haste does not skip the compensations.
    console.key(KeyCode::Char('q'));
    assert!(!console.quit);
    assert!(console.state.view.prompt.is_some());
    console.key(KeyCode::Char('l'));
    assert!(console.quit);
    let Some(Entry::RunbookClosed { owed, ending, .. }) =
        console.records.iter().find(|e| kind(e) == "runbook_closed")
    else {
        panic!("{:?}", console.kinds());
    };
    assert_eq!(ending, "left");
    assert!(!owed.is_empty(), "the record lists what was not undone");
}

#[test]
fn a_running_step_keeps_running_when_the_engineer_steps_back() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    console.key(KeyCode::Esc);
    assert!(matches!(console.state.view.screen, Screen::Drill(_)));
    assert!(console.state.runbook.is_some(), "the walk is kept");
    console.run_jobs();
    console.key(KeyCode::Enter);
    console.drawn();
    assert!(matches!(console.state.view.screen, Screen::Runbook(_)));
    assert!(
        pane(&console).walk.history().len() >= 2,
        "the step's end reached the pane"
    );
    // q with nothing running and nothing owed quits at once.
    console.key(KeyCode::Char('q'));
    assert!(console.quit);
}

#[test]
fn quitting_with_a_step_running_asks_first() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    console.ctrl('c');
    assert_eq!(console.state.view.prompt, Some(Prompt::QuitRunning));
    assert!(!console.quit);
    console.key(KeyCode::Char('c'));
    assert_eq!(console.cancelled, vec![console.started[0].run]);
    // It quits once the step has ended (what is owed would be offered first).
    assert!(!console.quit);
    console.run_jobs();
    assert!(console.quit);
}

/// Ctrl-C inside the filter prompt is `q` too: it never quits on the spot past a running step.
#[test]
fn ctrl_c_in_the_filter_with_a_step_running_asks_first() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    console.state.view.prompt = Some(Prompt::Filter {
        text: "mbx".to_owned(),
        previous: String::new(),
    });
    console.ctrl('c');
    assert!(!console.quit, "quit on the spot with a step running");
    assert_eq!(console.state.view.prompt, Some(Prompt::QuitRunning));
}

#[test]
fn a_wait_counts_down_then_rechecks_by_itself() {
    let mut console = Console::incident(120, 36);
    // The latency procedure waits 10 minutes; open it on any server by hand.
    let server = 0;
    let monitor = healthdeck::health::Monitor::ALL
        .into_iter()
        .find(|m| m.name() == "AverageCommandProcessingTimeGt60sMonitor")
        .unwrap();
    let library = console.state.launch.library.unwrap();
    let role = console.state.fleet.servers()[server].role;
    assert!(library.for_monitor(monitor, role).is_some());
    let mut walk = healthdeck::runbook::Walk::start(
        library,
        "imap-latency",
        console.state.fleet.servers()[server].clone(),
        monitor,
    )
    .unwrap();
    // Drive the engine to the first wait, then hand it to a pane as if opened there.
    while let Next::Run(call) = walk.next().clone() {
        if call.action == RecoveryAction::WaitAndRecheck {
            break;
        }
        walk.answer(&healthdeck::runbook::Answer::succeeded(Vec::new()))
            .unwrap();
    }
    let Next::Run(call) = walk.next().clone() else {
        panic!("no wait reached");
    };
    let procedure = library.procedure("imap-latency").unwrap();
    let opened = healthdeck::update::runbook::RunbookPane::new(procedure, server, monitor, walk);
    console.state.runbook = Some(Box::new(opened));
    console.state.view.screen = Screen::Runbook(healthdeck::update::DrillState {
        server,
        set: monitor.health_set(),
        selected: 0,
    });
    console.key(KeyCode::Up);
    console.key(KeyCode::Enter); // moves the highlight back to the next step
    console.key(KeyCode::Enter);
    assert!(matches!(pane(&console).active, Active::Waiting { .. }));
    console.advance(TimeDelta::minutes(4));
    let rows = pane(&console).rows(console.state.now);
    let waiting = rows
        .iter()
        .find_map(|r| match r.state {
            RowState::Waiting { left, total } => Some((left, total)),
            _ => None,
        })
        .unwrap();
    assert_eq!(waiting, (TimeDelta::minutes(6), TimeDelta::minutes(10)));
    assert!(console.started.is_empty(), "nothing runs during the wait");
    console.advance(TimeDelta::minutes(6));
    assert_eq!(console.started.len(), 1, "the recheck started by itself");
    let Work::Simulate { call: started, .. } = &console.started[0].work else {
        unreachable!()
    };
    assert_eq!(started.step, call.step);
    console.run_jobs();
    let history = pane(&console).walk.history();
    assert!(
        history.iter().any(|r| r.step == call.step),
        "the engine took the recheck (the wait was long enough): {history:?}"
    );
}

#[test]
fn r_in_the_drill_down_runs_the_monitors_probe_now_and_says_how_it_went() {
    let mut console = Console::incident(120, 36);
    console.key(KeyCode::Char('n'));
    console.key(KeyCode::Enter);
    console.key(KeyCode::Char('r'));
    assert_eq!(console.started.len(), 1, "one probe job");
    let Some(Entry::StepStarted { action, by, .. }) = console.records.last() else {
        panic!("the re-run is recorded: {:?}", console.kinds());
    };
    assert_eq!((action.as_str(), by.as_str()), ("rerun_probe", "unknown"));
    console.run_jobs();
    let flash = console.state.view.flash.clone().unwrap_or_default();
    assert_eq!(flash, "ImapCTPProbe on cas-02: Failed (see its last error)");
}
