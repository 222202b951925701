//! What a tired engineer cannot get wrong in the runbook pane, by events on the training
//! fleet: no key acts behind "terminal too small"; a cut-short wait still rechecks; a
//! destructive confirmation says what the monitor shows now.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::update::Prompt;

fn resize(console: &mut Console, width: u16, height: u16) {
    console.event(Event::Resize { width, height });
    console.drawn();
}

#[test]
fn no_key_acts_behind_terminal_too_small() {
    let mut console = Console::incident(80, 24);
    console.open_runbook();
    resize(&mut console, 80, 16);
    for key in [
        KeyCode::Enter,
        KeyCode::Char('s'),
        KeyCode::Char('e'),
        KeyCode::Esc,
    ] {
        console.key(key);
    }
    assert!(console.started.is_empty(), "a step ran unseen");
    assert!(console.records.len() == 1, "{:?}", console.kinds());
    let flash = console.state.flash.clone().unwrap();
    assert!(flash.contains("too small"), "{flash}");
    // Large enough again: the same Enter runs the step.
    resize(&mut console, 80, 24);
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), 1);
}

#[test]
fn a_pending_confirmation_waits_unseen_and_takes_no_keys_until_it_can_be_seen() {
    let mut console = Console::stubborn_incident(80, 24);
    console.open_runbook();
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if matches!(console.state.prompt, Some(Prompt::Confirm { .. })) {
            break;
        }
        console.run_jobs();
    }
    let Some(Prompt::Confirm { call, .. }) = console.state.prompt.clone() else {
        panic!("no confirmation: {:?}", console.kinds());
    };
    let started = console.started.len();
    resize(&mut console, 79, 24);
    console.type_text(&call.server.name);
    console.key(KeyCode::Enter);
    console.key(KeyCode::Char('q'));
    assert_eq!(console.started.len(), started, "confirmed unseen");
    let Some(Prompt::Confirm { text, .. }) = &console.state.prompt else {
        panic!("the confirmation is gone");
    };
    assert!(text.is_empty(), "typed unseen: {text:?}");
    assert!(!console.quit);
    resize(&mut console, 80, 24);
    console.type_text(&call.server.name);
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), started + 1);
}

#[test]
fn quit_and_suspend_still_work_when_too_small() {
    let mut console = Console::incident(80, 24);
    resize(&mut console, 60, 10);
    console.key(KeyCode::Char('q'));
    assert!(console.quit);
}
