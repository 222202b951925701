//! Nothing dropped silently. A step task that panics (a bug in the runtime, here a test
//! hook: a task handed in through `Steps::spawn_step`) ends its step as failed with a note,
//! and the pane goes on: it is not left "running" for ever, and the next Enter runs the step
//! again. What the runbook engine refuses reaches the pane's log and the record.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::effect::Effect;
use healthdeck::event::Event;
use healthdeck::job::RunId;
use healthdeck::runbook::StepExit;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::steps::Steps;
use healthdeck::update::runbook::RowState;
use std::time::Duration;
use tokio::sync::mpsc;

/// Runs `run` as a task that panics; returns every event until its end.
fn panicking_step(run: RunId) -> Vec<Event> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let (tx, mut rx) = mpsc::channel(16);
        let mut steps = Steps::new(tx, FleetClock::new(1.0), None, None);
        steps.spawn_step(
            run,
            Box::pin(async {
                tokio::task::yield_now().await;
                panic!("test hook: the runner lost its pipe");
            }),
        );
        let mut events = Vec::new();
        // Bounded: a panic that is not caught sends nothing, and the test fails here.
        while let Ok(Some(event)) = tokio::time::timeout(Duration::from_secs(30), rx.recv()).await {
            let end = matches!(event, Event::StepEnded { .. });
            events.push(event);
            if end {
                break;
            }
        }
        events
    })
}

#[test]
fn a_panicking_step_task_ends_its_step_as_failed_with_a_note() {
    let events = panicking_step(RunId(7));
    let Some(Event::StepEnded { run, end }) = events.last() else {
        panic!("no end: {events:?}");
    };
    assert_eq!(*run, RunId(7));
    assert_eq!(end.exit, StepExit::Failed(None));
    assert!(end.ran, "it may have run: what it owes is owed");
    let note = &end.note.as_ref().unwrap().english();
    assert!(note.contains("the runner lost its pipe"), "{note}");
    assert!(note.contains("check the server"), "{note}");
    // The console's words are its note's, said in the engineer's language: the step's own
    // output holds only what the step printed.
    let printed = events.iter().any(|e| matches!(e, Event::StepOutput { .. }));
    assert!(!printed, "{events:?}");
}

#[test]
fn the_pane_is_not_stuck_after_a_step_task_panics() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    let job = console.take_pending().remove(0);
    assert!(console.state.runbook.as_ref().unwrap().is_running());
    for event in panicking_step(job.run) {
        console.event(event);
    }
    let pane = console.state.runbook.as_ref().unwrap();
    assert!(!pane.is_running(), "the pane is not stuck on running");
    let ran = pane.runs.iter().find(|r| r.run == job.run).unwrap();
    assert!(
        matches!(ran.ended, Some((StepExit::Failed(None), _))),
        "{:?}",
        ran.ended
    );
    let failed = RowState::Failed(StepExit::Failed(None));
    assert!(
        pane.rows(console.state.now)
            .iter()
            .any(|r| r.state == failed),
        "a failed row"
    );
    assert!(
        console
            .log_texts()
            .iter()
            .any(|l| l.contains("a bug: test hook")),
        "{:?}",
        console.log_texts()
    );
    assert!(console.kinds().contains(&"step_ended"));
    // The engineer can go on: Enter runs the step again.
    console.key(KeyCode::Enter);
    assert_eq!(console.pending(), 1, "a new run started");
}

#[test]
fn what_the_engine_refuses_reaches_the_log_and_the_record() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    let now = console.state.now;
    let pane = console.state.runbook.as_mut().unwrap();
    // Nothing failed: the engine refuses a retry.
    let error = pane.walk.retry().unwrap_err();
    let effect = pane.refused(now, "retry", &error);
    let Effect::Record(entry) = effect else {
        panic!("not a record: {effect:?}");
    };
    let value = serde_json::to_value(&entry).unwrap();
    assert_eq!(value["kind"], "engine_refused");
    assert_eq!(value["asked"], "retry");
    assert_eq!(value["procedure"], pane.procedure.id());
    assert!(
        value["error"].as_str().unwrap().contains("no step failed"),
        "{value}"
    );
    console.drawn();
    assert!(
        console
            .log_texts()
            .iter()
            .any(|l| l.contains("the runbook engine refused retry")),
        "{:?}",
        console.log_texts()
    );
}
