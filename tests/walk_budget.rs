//! Budgets that fit the procedure: the CTP procedure restarts the CAS front end up to three
//! times in one walk, and those restarts count once against a one-an-hour budget; the next
//! walk is refused, and goes over only with a typed reason. Real processes, a real state
//! directory.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::processes::{linux_console, next_step, run_processes_with, stand_in};
use crossterm::event::KeyCode;
use healthdeck::exec::guardrails::Limits;
use healthdeck::incident::Entry;
use healthdeck::job::Work;
use healthdeck::runtime::guarded::Guardrails;
use healthdeck::update::{Prompt, Purpose};

fn walk_through(console: &mut Console, rails: &Guardrails) {
    for _ in 0..60 {
        if console.state.runbook.as_ref().is_some_and(|p| p.is_over()) {
            return;
        }
        next_step(console);
        run_processes_with(console, None, rails);
    }
    panic!("the runbook did not end: {:?}", console.kinds());
}

fn restarts_started(console: &Console) -> usize {
    console
        .records
        .iter()
        .filter(|e| matches!(e, Entry::StepStarted { action, .. } if action == "restart_service"))
        .count()
}

#[test]
fn one_walk_restarts_as_often_as_its_procedure_says_and_the_next_needs_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (script, calls) = stand_in(dir.path());
    let state = tempfile::tempdir().unwrap();
    let rails = Guardrails {
        dir: state.path().to_path_buf(),
        limits: Limits {
            per_hour: 1,
            per_day: 4,
        },
    };
    let mut console = linux_console(&script);
    console.open_runbook();
    walk_through(&mut console, &rails);
    let restarted = std::fs::read_to_string(&calls)
        .unwrap()
        .lines()
        .filter(|l| *l == "restart_service")
        .count();
    assert!(restarted >= 2, "the walk restarted {restarted} times");
    let refused = console
        .log_texts()
        .iter()
        .any(|l| l.contains("limit 1 per hour"));
    assert!(!refused, "the walk's own restarts were refused");
    let walk = console.started.iter().find_map(|job| match &job.work {
        Work::Process {
            guarded: Some(g), ..
        } if g.restarts.is_some() => g.walk.clone(),
        _ => None,
    });
    assert!(
        walk.is_some_and(|w| w.contains("-walk-")),
        "restarts name their walk"
    );

    // Another walk: its restart is refused, then goes over with a reason.
    console.key(KeyCode::Esc);
    console.key(KeyCode::Enter);
    console.drawn();
    let before = restarts_started(&console);
    for _ in 0..10 {
        next_step(&mut console);
        run_processes_with(&mut console, None, &rails);
        if console.state.view.prompt.is_some() || restarts_started(&console) > before {
            break;
        }
    }
    let Some(Prompt::Reason {
        purpose: Purpose::OverBudget { service, .. },
        ..
    }) = console.state.view.prompt.clone()
    else {
        panic!(
            "no over-budget prompt: {:?}\n{:?}",
            console.state.view.prompt,
            console.log_texts()
        );
    };
    assert_eq!(service, "restart_service");
    let ran = restarted;
    console.type_text("the same fault again: the CAS is wedged");
    console.key(KeyCode::Enter);
    run_processes_with(&mut console, None, &rails);
    let now_ran = std::fs::read_to_string(&calls)
        .unwrap()
        .lines()
        .filter(|l| *l == "restart_service")
        .count();
    assert_eq!(now_ran, ran + 1, "the restart over budget ran");
    let over = console.records.iter().find_map(|e| match e {
        Entry::OverBudget { reason, .. } => Some(reason.clone()),
        _ => None,
    });
    assert_eq!(
        over.as_deref(),
        Some("the same fault again: the CAS is wedged")
    );
}
