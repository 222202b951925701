//! Exchange's verdict on screen, by snapshot at 80×24 and 120×36: the row's offline badge,
//! the drill-down's poll line, the component taken offline, each monitor's source, the
//! error whole for the selected monitor; colour where it carries meaning.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::screen::{render, text, theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::event::Event;
use healthdeck::health::exchange::{ExchangeReport, read};
use healthdeck::update::{AppState, update};
use ratatui::style::Color;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

/// ex-01 with ImapProxy offline and ImapCTP failing; ex-02's session fails.
fn console(width: u16, height: u16) -> AppState {
    let fleet = common::exchange_fleet();
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 3, 12, 0).unwrap();
    let mut state = common::production(fleet, "exchange-lab", now);
    update(&mut state, Event::Resize { width, height });
    let text = std::fs::read_to_string(format!("{FIXTURES}/pwsh7-proxy-offline.json")).unwrap();
    let mut verdict = read(&text).unwrap().unwrap();
    let unhealthy = std::fs::read_to_string(format!("{FIXTURES}/pwsh7-unhealthy.json")).unwrap();
    let ctp = read(&unhealthy).unwrap().unwrap().monitors.remove(0);
    verdict.monitors.retain(|m| m.name != "ImapCTPMonitor");
    verdict.monitors.insert(0, ctp);
    for (server, answer) in [
        (0, Ok(Some(verdict))),
        (
            1,
            Err("the poll failed (exit 1): WinRM cannot complete the operation".to_owned()),
        ),
    ] {
        update(
            &mut state,
            Event::Exchange(vec![ExchangeReport {
                server,
                at: now,
                answer,
            }]),
        );
    }
    state
}

fn press(state: &mut AppState, code: KeyCode) {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn the_grid_shows_exchanges_verdict_and_the_offline_proxy_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 36)] {
        let state = console(w, h);
        let buf = render(&state, &theme("default"), false);
        let screen = text(&buf);
        let ex01 = screen.lines().find(|l| l.contains("ex-01")).unwrap();
        assert!(ex01.contains("IMAP OFF"), "{ex01}");
        let banner = screen.lines().next().unwrap();
        let silent = ["NO VERDICT 1/2", "EXCHANGE: no verdict on 1 of 2"];
        assert!(silent.iter().any(|s| banner.contains(s)), "{banner}");
        let ex02 = screen.lines().find(|l| l.contains("ex-02")).unwrap();
        assert!(
            !ex02.contains("OK") && !ex02.contains("Healthy"),
            "never green: {ex02}"
        );
        // The badge is in the Unhealthy colour, not a colour alone: words say it.
        let y = screen.lines().position(|l| l.contains("IMAP OFF")).unwrap() as u16;
        let x = screen
            .lines()
            .nth(y.into())
            .unwrap()
            .chars()
            .position(|c| c == 'I')
            .unwrap() as u16;
        assert_eq!(buf[(x, y)].bg, Color::Red, "{screen}");
        insta::assert_snapshot!(format!("exchange_grid_{w}x{h}"), screen);
    }
}

#[test]
fn the_drill_down_says_where_each_monitor_comes_from_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut state = console(w, h);
        press(&mut state, KeyCode::Enter);
        let screen = text(&render(&state, &theme("default"), false));
        let head = screen
            .lines()
            .find(|l| l.contains("ImapCTPMonitor"))
            .unwrap();
        assert!(
            head.contains("Unhealthy") && head.ends_with("Exchange"),
            "{head}"
        );
        assert!(screen.contains("Exchange answered"), "{screen}");
        assert!(
            screen.contains("ImapProxy Inactive (requested by HealthAPI)"),
            "{screen}"
        );
        // Selected: the error whole, over as many lines as it takes.
        assert!(screen.contains("shows it whole."), "{screen}");
        insta::assert_snapshot!(format!("exchange_drill_{w}x{h}"), screen);
        // ex-02: the reason, never a verdict.
        press(&mut state, KeyCode::Esc);
        press(&mut state, KeyCode::Down);
        press(&mut state, KeyCode::Enter);
        let screen = text(&render(&state, &theme("default"), false));
        assert!(
            screen.contains("poll failed") && screen.contains("WinRM"),
            "{screen}"
        );
    }
}

#[test]
fn a_component_state_from_an_old_answer_is_not_shown_as_current() {
    let mut state = console(80, 24);
    let now = state.now;
    let failed = Err("the poll failed (exit 1): WinRM cannot complete the operation".to_owned());
    update(
        &mut state,
        Event::Exchange(vec![ExchangeReport {
            server: 0,
            at: now,
            answer: failed,
        }]),
    );
    let screen = text(&render(&state, &theme("default"), false));
    let ex01 = screen.lines().find(|l| l.contains("ex-01")).unwrap();
    assert!(!ex01.contains("IMAP OFF"), "{ex01}");
    press(&mut state, KeyCode::Enter);
    let screen = text(&render(&state, &theme("default"), false));
    assert!(
        screen.contains("ImapProxy Inactive (requested by HealthAPI), as Exchange said it last"),
        "{screen}"
    );
}
