//! `healthdeck replay` in tmux (ARCHITECTURE "Replay"): a record played, paused, stepped
//! forward and back, and left. Every wait polls the pane; nothing asserts on time.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // the tmux harness polls with deadlines

#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use chrono::{TimeDelta, TimeZone, Utc};
use healthdeck::incident::{Entry, Record};
use session::launch;
use tmux::Tmux;

fn record_text() -> String {
    let t0 = Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap();
    (0..8)
        .map(|i| {
            let at = t0 + TimeDelta::minutes(i);
            let to = if i % 2 == 0 { "Degraded" } else { "Healthy" };
            serde_json::to_string(&Record {
                at,
                fleet_at: None,
                entry: Entry::Transition {
                    health_set: None,
                    server: "mbx-02".into(),
                    monitor: "ImapSelfTestMonitor".into(),
                    from: "Unknown".into(),
                    to: to.into(),
                    source: None,
                },
            })
            .unwrap()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The entry the banner says the replay is at.
fn entry(screen: &str) -> usize {
    let banner = screen.lines().next().unwrap();
    let at = banner.split("REPLAY read-only ").nth(1).unwrap();
    at.split('/').next().unwrap().trim().parse().unwrap()
}

#[test]
fn a_replay_is_paused_stepped_forward_and_back_and_left() {
    let tmux = Tmux::start("replay", 80, 24);
    let path = tmux.dir().join("night.jsonl");
    std::fs::write(&path, record_text()).unwrap();
    // One record second per wall second: the eight entries a minute apart take minutes.
    launch(&tmux, &["replay", "--speed", "1", path.to_str().unwrap()]);
    tmux.wait_for("the replay", |s| {
        s.contains("REPLAY") && s.contains("mbx-02")
    });
    tmux.keys(&["Space"]);
    let paused = tmux.wait_for("paused", |s| s.contains("paused"));
    let at = entry(&paused);
    tmux.keys(&["l"]);
    tmux.wait_for("a step forward", |s| entry(s) == at + 1);
    tmux.keys(&["l", "l"]);
    let ahead = tmux.wait_for("two more", |s| entry(s) == at + 3);
    assert!(
        ahead.contains("paused"),
        "stepping keeps it paused:\n{ahead}"
    );
    tmux.keys(&["h"]);
    tmux.wait_for("a step back", |s| entry(s) == at + 2);
    tmux.keys(&["G"]);
    let end = tmux.wait_for("the end", |s| entry(s) == 8);
    assert!(end.contains("read-only"), "{end}");
    assert!(
        end.contains("q quit"),
        "the way out is cut at 80 columns:\n{end}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
}

#[test]
fn sigterm_ends_a_replay_with_the_terminal_restored() {
    let tmux = Tmux::start("replay-term", 80, 24);
    let path = tmux.dir().join("night.jsonl");
    std::fs::write(&path, record_text()).unwrap();
    let pid_file = launch(&tmux, &["replay", path.to_str().unwrap()]);
    tmux.wait_for("the replay", |s| s.contains("REPLAY"));
    assert!(tmux.alternate_screen());
    let pid = std::fs::read_to_string(pid_file).unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    // The echoed command line says `EXIT=$?` too: wait for a number.
    let screen = tmux.wait_for("the exit", |s| {
        s.split("EXIT=")
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    });
    assert!(screen.contains("EXIT=143"), "{screen}");
    assert!(
        !tmux.alternate_screen(),
        "left on the alternate screen:\n{screen}"
    );
    assert!(tmux.cursor_visible(), "the cursor is still hidden");
}
