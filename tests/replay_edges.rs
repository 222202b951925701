//! `healthdeck replay` at its edges (ARCHITECTURE "Replay"), each found by attacking it:
//! ages that follow the replay's clock, the way out always on screen, slowing below ×1, a
//! long walk's hidden steps counted right, a small terminal, a record with no server, and
//! a fleet taller than the screen.
#![allow(clippy::unwrap_used)]

#[path = "support/entries.rs"]
mod entries;

mod common;

use common::replay::screen;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entries::{change, ended, output, started};
use healthdeck::incident::{Entry, Record};
use healthdeck::replay::{Replay, ReplayKey};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 3, 0, 0).unwrap()
}

fn record(entries: Vec<(i64, Entry)>) -> String {
    let lines: Vec<String> = entries
        .into_iter()
        .map(|(second, entry)| {
            let at = t0() + TimeDelta::seconds(second);
            let fleet_at = Some(at);
            serde_json::to_string(&Record {
                at,
                fleet_at,
                entry,
            })
            .unwrap()
        })
        .collect();
    lines.join("\n") + "\n"
}

fn failing(second: i64, server: &str) -> (i64, Entry) {
    (
        second,
        change(server, "ImapCTPMonitor", "Healthy", "Unhealthy"),
    )
}

#[test]
fn ages_count_on_the_replays_clock_and_it_stops_at_the_records_end() {
    let text = record(vec![
        failing(60, "cas-02"),
        (660, output(1, "a line much later")),
    ]);
    let mut replay = Replay::of("ages.jsonl", &text);
    replay.key(ReplayKey::End);
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("UNHL 10m"), "{shown}");
    assert!(shown.contains("2026-12-06 03:11:00"), "{shown}");
    // Played to the end at any speed, the clock stops at the last entry.
    let mut played = Replay::of("ages.jsonl", &text);
    played.speed = 1_000.0;
    played.elapse(std::time::Duration::from_secs(60));
    assert_eq!(played.position, 2);
    assert_eq!(played.clock, t0() + TimeDelta::seconds(660));
}

#[test]
fn the_way_out_and_where_reading_stopped_are_both_on_screen_at_80x24() {
    let text = record(vec![failing(60, "cas-02")]) + "{\"kind\":\"from_the_future\"}\n";
    let mut replay = Replay::of("future.jsonl", &text);
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("stopped at line 2"), "{shown}");
    assert!(shown.contains("q quit"), "{shown}");
    assert!(
        shown.lines().next().unwrap().contains("read-only"),
        "{shown}"
    );
}

#[test]
fn the_speed_shows_while_paused() {
    let mut replay = Replay::of("slow.jsonl", &record(vec![failing(60, "cas-02")]));
    replay.key(ReplayKey::PlayPause);
    replay.key(ReplayKey::Faster);
    let banner = screen(&mut replay, 80, 24)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(banner.contains("paused x20"), "{banner}");
}

#[test]
fn slower_halves_the_speed_below_one_too() {
    let mut replay = Replay::of("slow.jsonl", &record(vec![failing(60, "cas-02")]));
    replay.speed = 0.5;
    replay.key(ReplayKey::Slower);
    assert!(
        (replay.speed - 0.25).abs() < f64::EPSILON,
        "{}",
        replay.speed
    );
    replay.speed = 0.001;
    replay.key(ReplayKey::Slower);
    assert!(
        replay.speed < 0.001 && replay.speed > 0.0,
        "{}",
        replay.speed
    );
}

#[test]
fn a_long_walks_hidden_steps_are_counted_right() {
    let p = "imap-deep-self";
    let mut entries = vec![(
        0,
        Entry::RunbookOpened {
            procedure: p.into(),
            title: "Recovery".into(),
            monitor: "ImapSelfTestMonitor".into(),
            server: "mbx-02".into(),
        },
    )];
    for run in 1..=10 {
        let step = format!("step-{run:02}");
        let second = i64::try_from(run).unwrap() * 10;
        entries.push((second, started(run, p, &step, &step, "mbx-02")));
        entries.push((second + 1, ended(run, "succeeded", 1_000)));
    }
    let mut replay = Replay::of("long.jsonl", &record(entries));
    replay.key(ReplayKey::End);
    let shown = screen(&mut replay, 80, 24);
    let rows = shown.lines().filter(|l| l.contains("  succeeded")).count();
    let hidden: usize = shown
        .lines()
        .find_map(|l| {
            l.split("… ")
                .nth(1)?
                .strip_suffix(" earlier steps")?
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("no count of hidden steps:\n{shown}"));
    assert_eq!(rows + hidden, 10, "{shown}");
    assert!(
        shown.contains("step-10"),
        "the newest step is shown:\n{shown}"
    );
}

#[test]
fn below_80x24_the_replay_says_the_terminal_is_too_small() {
    let mut replay = Replay::of("small.jsonl", &record(vec![failing(60, "cas-02")]));
    for (width, height) in [(79, 24), (80, 23), (20, 5)] {
        let shown = screen(&mut replay, width, height);
        assert!(
            shown.contains("terminal too small"),
            "{width}x{height}:\n{shown}"
        );
        assert!(!shown.contains("SERVER"), "{width}x{height}:\n{shown}");
    }
}

#[test]
fn a_record_that_names_no_server_says_so() {
    let text = record(vec![(0, output(1, "nothing else"))]);
    let mut replay = Replay::of("empty.jsonl", &text);
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("the record names no server"), "{shown}");
    assert!(!shown.contains("filter"), "{shown}");
}

#[test]
fn j_and_k_move_through_a_fleet_taller_than_the_screen() {
    let entries = (0..40)
        .map(|i| failing(i, &format!("cas-{i:02}")))
        .collect();
    let mut replay = Replay::of("tall.jsonl", &record(entries));
    replay.key(ReplayKey::End);
    let row_of = |shown: &str, server: &str| {
        shown
            .lines()
            .any(|l| l.starts_with(&format!(" {server} ")) || l.starts_with(&format!("›{server}")))
    };
    assert!(!row_of(&screen(&mut replay, 80, 24), "cas-39"));
    for _ in 0..39 {
        replay.key(ReplayKey::Down);
    }
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("›cas-39"), "{shown}");
    // The last server at the bottom, the grid full above it: no blank rows after it.
    assert!(row_of(&shown, "cas-30"), "{shown}");
    for _ in 0..39 {
        replay.key(ReplayKey::Up);
    }
    assert!(screen(&mut replay, 80, 24).contains("›cas-00"));
}

#[test]
fn a_bad_speed_or_path_is_refused_in_a_line_with_exit_2() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_healthdeck"))
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("night.jsonl");
    std::fs::write(&path, record(vec![failing(60, "cas-02")])).unwrap();
    let night = path.to_str().unwrap();
    let (code, stderr) = run(&["replay", "--speed", "1e308", night]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr.trim(),
        "healthdeck replay: --speed 1e308: must be above 0 and at most 1000"
    );
    let (code, stderr) = run(&["replay", "--speed", "0", night]);
    assert_eq!(
        (code, stderr.contains("--speed 0: must be above 0")),
        (Some(2), true)
    );
    let (code, stderr) = run(&["replay", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn control_characters_in_a_walks_texts_show_as_spaces() {
    let p = "imap-deep-self";
    let entries = vec![
        (
            0,
            Entry::RunbookOpened {
                procedure: p.into(),
                title: "Recovery\u{1b}[2J".into(),
                monitor: "ImapSelfTestMonitor\u{7}".into(),
                server: "mbx-02".into(),
            },
        ),
        (
            1,
            Entry::Confirmation {
                procedure: p.into(),
                step: "restart-back-end".into(),
                server: "mbx-02".into(),
                typed: "mbx-02".into(),
                accepted: true,
                by: "bob\u{1b}[5m".into(),
                seen: Vec::new(),
            },
        ),
        (
            2,
            started(1, p, "rerun", "Re-run\u{1b}]0;pwned\u{7}", "mbx-02"),
        ),
        (3, ended(1, "succeeded\n", 1_000)),
    ];
    let mut replay = Replay::of("hostile.jsonl", &record(entries));
    for at in [2, 4] {
        replay.seek(at);
        let shown = screen(&mut replay, 80, 24);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        // Each shows as a space, as in the entries: the text around it is not run together.
        for part in ["Recovery [2J", "ImapSelfTestMonitor  @mbx-02"] {
            assert!(shown.contains(part), "{part}:\n{shown}");
        }
    }
    let ended = screen(&mut replay, 80, 24);
    assert!(ended.contains("Re-run ]0;pwned   succeeded "), "{ended}");
}

#[test]
fn going_back_before_a_runbook_gives_the_screen_going_forward_gave() {
    let p = "imap-deep-self";
    let opened = Entry::RunbookOpened {
        procedure: p.into(),
        title: "Recovery".into(),
        monitor: "ImapSelfTestMonitor".into(),
        server: "mbx-02".into(),
    };
    let text = record(vec![
        failing(10, "cas-02"),
        (
            20,
            change("mbx-02", "ImapSelfTestMonitor", "Healthy", "Unhealthy"),
        ),
        (30, opened),
        (40, started(1, p, "rerun", "Re-run", "mbx-02")),
    ]);
    let mut fresh = Replay::of("back.jsonl", &text);
    fresh.key(ReplayKey::PlayPause);
    fresh.seek(2);
    let forward = screen(&mut fresh, 80, 24);
    let mut replay = Replay::of("back.jsonl", &text);
    replay.key(ReplayKey::End);
    screen(&mut replay, 80, 24);
    replay.seek(2);
    assert_eq!(screen(&mut replay, 80, 24), forward);
}
