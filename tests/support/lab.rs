//! A one-server Linux fleet for end-to-end tests of real steps: mbx-01's IMAP port
//! refuses (its self-test fails at once), and its service restart is a command of the
//! test's choosing. With the runbook driven to the restart's confirmation.

#![allow(dead_code)] // each test binary that includes this file uses part of it

use super::tmux::{Tmux, row};
use std::path::{Path, PathBuf};

/// The step the tests run.
pub const RESTART: &str = "Restart the IMAP4 back-end service";
/// The confirmation of a destructive step.
pub const PROMPT: &str = "confirm a destructive step";

/// The inventory, with `restart` as mbx-01's restart_service (`sh -c`) and `top` added at
/// the top level.
pub fn fleet(dir: &Path, restart: &str, top: &str) -> PathBuf {
    let text = format!(
        "name: lab\nplatform: linux\nprobes: {{ interval: 1s, timeout: 1s }}\n\
         servers:\n  - name: mbx-01\n    role: mailbox\n    site: LAB\n    imap:\n      \
         - {{ host: 127.0.0.1, port: 1, tls: none }}\n    commands:\n      \
         restart_service: [sh, -c, {restart:?}]\n\
         rules:\n  ImapSelfTestMonitor: {{ degraded_for: 1s }}\n{top}"
    );
    let path = dir.join("fleet.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// What the shell printed after the console ended (`EXIT=n` on a line of its own).
pub fn exit_status(screen: &str) -> Option<&str> {
    screen.lines().find_map(|l| l.trim().strip_prefix("EXIT="))
}

/// The step row titled `title` in the pane, with its state word.
pub fn row_state(screen: &str, title: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains(title))?;
    // From 120 columns the brief grid sits left of the pane, behind a `│`.
    let pane = line.rsplit_once('│').map_or(line, |(_, pane)| pane);
    let words: Vec<&str> = pane.split_whitespace().collect();
    words.get(1).map(|w| (*w).to_owned())
}

/// From the grid to the restart's confirmation prompt: n, Enter, Enter, then Enter
/// through the verification (the probe still fails).
pub fn up_to_the_restart(tmux: &Tmux) {
    tmux.wait_for("mbx-01 Unhealthy", |s| {
        row(s, "mbx-01").is_some_and(|r| r.contains("UNHL") || r.contains("Unhealthy"))
    });
    tmux.keys(&["n"]);
    tmux.wait_for("the cursor on the cell", |s| {
        s.contains("ImapSelfTestMonitor") && !s.contains("related health sets")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    tmux.keys(&["Enter"]);
    // An Enter may only move the highlight: a few spare. After each, wait until a step
    // more has ended (not merely "nothing running": the step may not have started yet).
    for _ in 0..12 {
        let screen = tmux.wait_for("a step ready", |s| {
            s.contains(PROMPT) || s.contains("▸ next")
        });
        if screen.contains(PROMPT) {
            return;
        }
        enter_and_wait(tmux, &screen);
    }
    panic!("no confirmation:\n{}", tmux.screen());
}

/// Enter on `screen`'s next step, then waits until one step more has ended (not merely
/// "nothing running": the step may not have started yet), a confirmation is asked, or the
/// Enter only moved the highlight.
pub fn enter_and_wait(tmux: &Tmux, screen: &str) {
    let before = finished_steps(screen);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the step to end", |s| {
        s.contains(PROMPT)
            || s.contains("highlighted now")
            || (finished_steps(s) > before && (s.contains("▸ next") || s.contains("›✖ failed")))
    });
}

/// Step rows that have ended, whichever way.
pub fn finished_steps(screen: &str) -> usize {
    ["✓ done", "✓ ran", "✖ failed", "- skipped"]
        .iter()
        .map(|word| screen.matches(word).count())
        .sum()
}
