//! `healthdeck replay` (ARCHITECTURE "Replay"): a record played back gives the same screens
//! whichever way the entry is reached; play follows the record's times; a torn or hostile
//! record plays what it can and says where it stopped.
#![allow(clippy::unwrap_used)]

#[path = "support/entries.rs"]
mod entries;

mod common;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entries::change;
use healthdeck::incident::{Entry, Record};
use healthdeck::replay::view::ReplayView;
use healthdeck::replay::{Replay, ReplayKey};
use healthdeck::ui::Symbols;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap()
}

fn line(second: i64, entry: Entry) -> String {
    let at = t0() + TimeDelta::seconds(second);
    serde_json::to_string(&Record {
        at,
        fleet_at: Some(at),
        entry,
    })
    .unwrap()
}

/// A night on two servers: mbx-02's back end fails, a restart heals it.
fn night() -> String {
    let lines = [
        line(0, change("cas-02", "ImapCTPMonitor", "Unknown", "Healthy")),
        line(
            0,
            change("mbx-02", "ImapSelfTestMonitor", "Unknown", "Healthy"),
        ),
        line(
            60,
            change("mbx-02", "ImapSelfTestMonitor", "Healthy", "Degraded"),
        ),
        line(
            120,
            change("mbx-02", "ImapSelfTestMonitor", "Degraded", "Unhealthy"),
        ),
        line(
            150,
            Entry::Output {
                run: 1,
                stream: "stdout".into(),
                line: "WARNING: Waiting for service\u{1b}[2J to stop".into(),
            },
        ),
        line(
            240,
            change("mbx-02", "ImapSelfTestMonitor", "Unhealthy", "Healthy"),
        ),
    ];
    lines.join("\n") + "\n"
}

fn screen(replay: &mut Replay, width: u16, height: u16) -> String {
    replay.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = common::screen::theme("default");
    terminal
        .draw(|f| {
            f.render_widget(
                ReplayView {
                    replay,
                    theme: &theme,
                    symbols: Symbols { ascii: false },
                },
                f.area(),
            );
        })
        .unwrap();
    common::screen::text(terminal.backend().buffer())
}

#[test]
fn the_same_entry_gives_the_same_screen_however_it_is_reached() {
    let mut replay = Replay::of("night.jsonl", &night());
    assert_eq!(replay.len(), 6);
    replay.key(ReplayKey::PlayPause);
    replay.seek(4);
    let onset = screen(&mut replay, 80, 24);
    assert!(onset.contains("UNHL"), "{onset}");
    insta::assert_snapshot!("replay_unhealthy_80x24", onset);
    // To the end, and back step by step: the same screen at entry 4.
    replay.key(ReplayKey::End);
    let healed = screen(&mut replay, 120, 36);
    insta::assert_snapshot!("replay_healed_120x36", healed);
    replay.key(ReplayKey::Back);
    replay.key(ReplayKey::Back);
    assert_eq!(screen(&mut replay, 80, 24), onset);
    // From a fresh replay, stepping forward four times: the same again.
    let mut fresh = Replay::of("night.jsonl", &night());
    fresh.key(ReplayKey::PlayPause);
    for _ in 0..4 {
        fresh.key(ReplayKey::Forward);
    }
    assert_eq!(screen(&mut fresh, 80, 24), onset);
}

#[test]
fn play_follows_the_records_times_at_its_speed() {
    let mut replay = Replay::of("night.jsonl", &night());
    replay.speed = 10.0;
    // 6 s of wall time at x10 is a minute of the record: to the onset, not past it, in
    // frames of a tenth of a second as the loop plays.
    for _ in 0..60 {
        replay.elapse(Duration::from_millis(100));
    }
    assert_eq!(replay.position, 3);
    replay.key(ReplayKey::PlayPause);
    replay.elapse(Duration::from_secs(60));
    assert_eq!(replay.position, 3, "paused: nothing plays");
    replay.key(ReplayKey::PlayPause);
    replay.elapse(Duration::from_secs(60));
    assert_eq!(replay.position, 6);
    assert!(!replay.playing, "the end stops play");
}

#[test]
fn a_torn_or_hostile_record_plays_what_it_can_and_says_where_it_stopped() {
    let text = night();
    let torn = &text[..text.len() - 30];
    let mut replay = Replay::of("torn.jsonl", torn);
    assert_eq!(replay.len(), 5);
    let stopped = replay.stopped.clone().unwrap();
    assert!(stopped.starts_with("stopped at line 6: "), "{stopped}");
    replay.key(ReplayKey::End);
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("stopped at line 6"), "{shown}");
    // The output line's escape never reaches the terminal.
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(shown.contains("WARNING: Waiting for service"), "{shown}");
}
