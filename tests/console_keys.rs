//! What keys do, through `update`: navigation, drill-down, filter prompt, quitting.
#![allow(clippy::unwrap_used)]

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::effect::{Effect, QuitReason};
use healthdeck::event::{Event, Signal};
use healthdeck::health::{AlertValue, HealthSet};
use healthdeck::update::{AppState, Screen, update};

fn key(state: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(state: &mut AppState, c: char) -> Vec<Effect> {
    update(
        state,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn typed(state: &mut AppState, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

fn cursor_cell(state: &AppState) -> (String, HealthSet, Option<AlertValue>) {
    let server = state.cursor_server().unwrap();
    let set = state.cursor_set();
    let name = state.fleet.servers()[server].name.clone();
    (name, set, state.fleet.cell(server, set).alert)
}

/// Eight minutes into the default scenario: mbx-02's back end and cas-02's CTP are down.
fn incident() -> AppState {
    common::played("imap-backend-down", 480, 120, 36)
}

#[test]
fn n_lands_on_unhealthy_cells_in_grid_order_and_wraps() {
    let mut s = incident();
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(
        cursor_cell(&s),
        (
            "cas-02".into(),
            HealthSet::Imap,
            Some(AlertValue::Unhealthy)
        )
    );
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(
        cursor_cell(&s),
        (
            "mbx-02".into(),
            HealthSet::ImapProtocol,
            Some(AlertValue::Unhealthy)
        )
    );
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(cursor_cell(&s).0, "cas-02", "wraps to the first");
    key(&mut s, KeyCode::Char('N'));
    assert_eq!(cursor_cell(&s).0, "mbx-02", "N goes back, wrapping");
}

#[test]
fn n_falls_back_to_degraded_when_nothing_is_unhealthy() {
    // 2m30s in: cas-02's CTP has failed, not yet for long enough to be Unhealthy.
    let mut s = common::played("imap-backend-down", 150, 120, 36);
    let alerts: Vec<_> = (0..12)
        .flat_map(|i| HealthSet::ALL.map(|set| s.fleet.cell(i, set).alert))
        .collect();
    assert!(!alerts.contains(&Some(AlertValue::Unhealthy)), "{alerts:?}");
    assert!(alerts.contains(&Some(AlertValue::Degraded)), "{alerts:?}");
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(cursor_cell(&s).2, Some(AlertValue::Degraded));
}

#[test]
fn enter_drills_in_and_esc_backspace_and_h_back_out() {
    for back in [KeyCode::Esc, KeyCode::Backspace, KeyCode::Char('h')] {
        let mut s = incident();
        key(&mut s, KeyCode::Char('n'));
        key(&mut s, KeyCode::Enter);
        let Screen::Drill(drill) = &s.view.screen else {
            panic!("no drill-down")
        };
        assert_eq!((drill.server, drill.set), (1, HealthSet::Imap));
        key(&mut s, back);
        assert_eq!(s.view.screen, Screen::Grid);
    }
}

#[test]
fn enter_on_a_cell_the_role_does_not_run_says_so() {
    let mut s = incident();
    for _ in 0..2 {
        key(&mut s, KeyCode::Right); // cas-01 × IMAP.Protocol
    }
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.view.screen, Screen::Grid);
    assert!(
        s.view
            .flash
            .as_deref()
            .unwrap()
            .contains("does not run on cas-01")
    );
}

#[test]
fn filter_prompt_takes_every_printable_key_literally() {
    let mut s = incident();
    key(&mut s, KeyCode::Char('/'));
    // q, n and ? would quit, jump and open help outside the prompt.
    let effects: Vec<_> = "mbx-0q?n"
        .chars()
        .flat_map(|c| key(&mut s, KeyCode::Char(c)))
        .collect();
    assert!(effects.is_empty());
    assert!(!s.view.help);
    assert!(s.view.rows.is_empty(), "nothing matches `mbx-0q?n`");
    for _ in 0..3 {
        key(&mut s, KeyCode::Backspace);
    }
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.view.filter, "mbx-0");
    let names: Vec<_> = s
        .view
        .rows
        .iter()
        .map(|i| s.fleet.servers()[*i].name.as_str())
        .collect();
    assert_eq!(names, ["mbx-01", "mbx-02", "mbx-03", "mbx-04", "mbx-05"]);
}

#[test]
fn esc_in_the_prompt_restores_the_previous_filter_and_esc_on_the_grid_clears_it() {
    let mut s = incident();
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "dub");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.view.rows.len(), 6);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "x");
    key(&mut s, KeyCode::Esc);
    assert_eq!((s.view.filter.as_str(), s.view.rows.len()), ("dub", 6));
    key(&mut s, KeyCode::Esc);
    assert_eq!((s.view.filter.as_str(), s.view.rows.len()), ("", 12));
}

#[test]
fn help_opens_with_question_mark_and_any_back_key_closes_it() {
    let mut s = incident();
    key(&mut s, KeyCode::Char('?'));
    assert!(s.view.help);
    key(&mut s, KeyCode::Char('j'));
    assert!(s.view.help, "movement keys do not leak through the overlay");
    key(&mut s, KeyCode::Esc);
    assert!(!s.view.help);
}

#[test]
fn q_ctrl_c_and_signals_quit_and_ctrl_z_suspends() {
    let mut s = incident();
    assert_eq!(
        key(&mut s, KeyCode::Char('q')),
        [Effect::Quit(QuitReason::User)]
    );
    assert_eq!(ctrl(&mut s, 'c'), [Effect::Quit(QuitReason::User)]);
    assert_eq!(ctrl(&mut s, 'z'), [Effect::Suspend]);
    let hup = update(&mut s, Event::Signal(Signal::Hangup));
    assert_eq!(hup, [Effect::Quit(QuitReason::Signal(Signal::Hangup))]);
}

#[test]
fn the_cursor_stays_on_screen_when_paging() {
    let mut s = common::played("imap-backend-down", 0, 80, 24);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(s.view.cursor_row, 11);
    update(
        &mut s,
        Event::Resize {
            width: 80,
            height: 10,
        },
    );
    // 10 rows - banner - 2 header rows - status = 6 visible.
    assert!(
        s.view.scroll <= 11 && 11 < s.view.scroll + 6,
        "scroll {}",
        s.view.scroll
    );
    // Too small, keys do nothing (nothing acts unseen); large enough again, they do.
    key(&mut s, KeyCode::Char('g'));
    assert_eq!(s.view.cursor_row, 11);
    update(
        &mut s,
        Event::Resize {
            width: 80,
            height: 24,
        },
    );
    key(&mut s, KeyCode::Char('g'));
    assert_eq!((s.view.cursor_row, s.view.scroll), (0, 0));
}

#[test]
fn esc_and_a_key_in_one_packet_act_as_both_keys() {
    // On a slow link Esc then `/` can arrive together and parse as Alt+/.
    let mut s = incident();
    key(&mut s, KeyCode::Char('n'));
    key(&mut s, KeyCode::Enter);
    assert!(matches!(s.view.screen, Screen::Drill(_)));
    update(
        &mut s,
        Event::Key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::ALT)),
    );
    assert_eq!(s.view.screen, Screen::Grid, "the Esc went back");
    assert!(s.view.prompt.is_some(), "the / opened the filter");
}
