//! "When was it first seen": the first look at a failing monitor in each spell is recorded
//! (ARCHITECTURE "Drills"), by keys only, once.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::incident::Entry;

fn looks(console: &Console) -> Vec<(String, String, String)> {
    console
        .records
        .iter()
        .filter_map(|e| match e {
            Entry::Examined {
                server,
                monitor,
                view,
            } => Some((server.clone(), monitor.clone(), view.clone())),
            _ => None,
        })
        .collect()
}

fn look(server: &str, monitor: &str, view: &str) -> (String, String, String) {
    (server.into(), monitor.into(), view.into())
}

#[test]
fn a_failing_cell_under_a_key_is_recorded_once_and_a_parked_cursor_sees_nothing() {
    let mut console = Console::drill("imap-backend-down", 120, 36);
    console.event(Event::Tick(console.state.now));
    // The cursor parks on cas-02's IMAP cell before anything fails.
    console.key(KeyCode::Char('j'));
    for _ in 0..6 {
        console.advance(TimeDelta::seconds(60));
    }
    let cas02 = console
        .server_names()
        .iter()
        .position(|n| n == "cas-02")
        .unwrap();
    assert!(
        console
            .state
            .fleet
            .cell(cas02, healthdeck::health::HealthSet::ALL[0])
            .alert
            .is_some_and(healthdeck::health::AlertValue::is_problem),
        "cas-02's IMAP should be failing by now"
    );
    assert_eq!(
        looks(&console),
        [],
        "a cell that turned under a parked cursor was not seen"
    );
    // A key: now it is seen, once, however often the cursor comes back.
    console.key(KeyCode::Char('k'));
    console.key(KeyCode::Char('j'));
    console.key(KeyCode::Char('k'));
    console.key(KeyCode::Char('j'));
    assert_eq!(looks(&console), [look("cas-02", "ImapCTPMonitor", "cell")]);
    // Its drill-down adds nothing for the same monitor.
    console.key(KeyCode::Enter);
    console.key(KeyCode::Esc);
    assert_eq!(looks(&console).len(), 1);
}

#[test]
fn a_drill_down_open_when_its_monitors_fail_records_the_drill_down() {
    let mut console = Console::drill("imap-backend-down", 120, 36);
    console.event(Event::Tick(console.state.now));
    for key in "jjjjll".chars() {
        console.key(KeyCode::Char(key));
    }
    console.key(KeyCode::Enter);
    for _ in 0..6 {
        console.advance(TimeDelta::seconds(60));
    }
    assert_eq!(looks(&console), []);
    console.key(KeyCode::Char('j'));
    assert_eq!(
        looks(&console),
        [
            look("mbx-02", "ImapDeepTestMonitor", "drill_down"),
            look("mbx-02", "ImapSelfTestMonitor", "drill_down")
        ]
    );
}
