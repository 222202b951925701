//! Steps while the record is not written (`update` only): the banner says so, every step
//! start asks first, and the answer, yes or no, is recorded.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::screen::{render, text, theme};
use crossterm::event::KeyCode;
use healthdeck::incident::Entry;
use healthdeck::update::Prompt;

const WHY: &str = "no space left on device";

fn asked(console: &Console) -> bool {
    matches!(console.state.view.prompt, Some(Prompt::Unrecorded { .. }))
}

fn last_unrecorded(console: &Console) -> Option<bool> {
    console.records.iter().rev().find_map(|e| match e {
        Entry::Unrecorded { go_on, reason, .. } => {
            assert_eq!(reason, WHY);
            Some(*go_on)
        }
        _ => None,
    })
}

#[test]
fn a_step_asks_before_it_runs_unrecorded_and_the_answer_is_recorded() {
    let mut console = Console::incident(120, 40);
    console.open_runbook();
    console.state.record_unwritten = Some(WHY.to_owned());
    let screen = text(&render(&console.state, &theme("default"), false));
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("RECORD NOT WRITTEN: no space left on device"),
        "{screen}"
    );

    console.key(KeyCode::Enter);
    assert!(asked(&console), "{:?}", console.state.view.flash);
    let screen = text(&render(&console.state, &theme("default"), false));
    assert!(screen.contains("run it unrecorded"), "{screen}");
    console.key(KeyCode::Char('n'));
    assert!(!asked(&console));
    assert!(console.started.is_empty(), "nothing runs on no");
    assert_eq!(last_unrecorded(&console), Some(false));

    // Any other key leaves the question open.
    console.key(KeyCode::Enter);
    console.key(KeyCode::Char('x'));
    assert!(asked(&console));
    console.key(KeyCode::Char('y'));
    assert!(!asked(&console));
    assert_eq!(console.started.len(), 1, "yes runs it");
    assert_eq!(last_unrecorded(&console), Some(true));
    let kinds = console.kinds();
    let chose = kinds.iter().rposition(|k| *k == "unrecorded").unwrap();
    assert_eq!(kinds[chose + 1], "step_started", "{kinds:?}");
    assert!(!console.state.unrecorded_go_on, "a yes is for one start");

    // Written again: steps start without a question.
    console.run_jobs();
    console.state.record_unwritten = None;
    let before = console.started.len();
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    assert!(!asked(&console));
    assert!(
        console.started.len() > before,
        "{:?}",
        console.state.view.flash
    );
}

/// Ctrl-C at the question is `q`: with a step running it asks what becomes of the step,
/// never quits on the spot (the step would be left without a word).
#[test]
fn ctrl_c_at_the_question_quits_as_q_does() {
    let mut console = Console::incident(120, 40);
    console.open_runbook();
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), 1, "{:?}", console.state.view.flash);
    console.state.record_unwritten = Some(WHY.to_owned());
    console.state.view.prompt = Some(Prompt::Unrecorded {
        reason: WHY.to_owned(),
        what: "the probe re-run".to_owned(),
        recorded_what: "the probe re-run".to_owned(),
        server: "mbx-02".to_owned(),
        then: healthdeck::update::Unrecorded::Probe,
    });
    console.ctrl('c');
    assert!(!console.quit, "quit on the spot with a step running");
    assert!(
        matches!(
            console.state.view.prompt,
            Some(Prompt::Leave { .. } | Prompt::QuitRunning)
        ),
        "{:?}",
        console.state.view.prompt
    );
    assert_eq!(
        last_unrecorded(&console),
        Some(false),
        "not started, recorded"
    );
}
