//! An SSH drop mid-step, end to end: the real binary in tmux on a Linux fleet whose
//! service restart is a real process that prints three lines, waits on a gate the test
//! opens, then prints the rest. `kill -HUP` the console while it waits: the console gives the terminal back, the step finishes headless
//! with all its output and its exit in the record, and the next console shows it first.
//! SIGTERM behaves the same, never a silent kill of the step.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{RESTART, exit_status, row_state, up_to_the_restart};
use serde_json::Value;
use session::{kinds, launch, of_kind, read_record, records};
use std::path::{Path, PathBuf};
use std::process::Command;
use tmux::{Tmux, wait_for_line, wait_for_text};

/// Lines the restart prints, three before the gate and the rest after it.
const LINES: usize = 40;

/// The lab fleet whose restart counts to `LINES`, held after line 3 until [`gate`] exists,
/// and exits 0.
fn fleet(dir: &Path) -> PathBuf {
    let restart = format!(
        "echo line 1; echo line 2; echo line 3; while [ ! -e '{}' ]; do sleep 0.05; done; \
         for i in $(seq 4 {LINES}); do echo line $i; done; echo restarted",
        gate(dir).display()
    );
    lab::fleet(dir, &restart, "")
}

fn gate(dir: &Path) -> PathBuf {
    dir.join("gate")
}

/// Opens mbx-01's runbook, confirms the restart, and hangs the console up while the
/// restart prints; waits for the console to end and returns its exit status and record.
fn hang_up_mid_restart(tmux: &Tmux, inventory: &str, policy: &str) -> (String, Vec<Value>) {
    signal_mid_restart(tmux, inventory, policy, "-HUP")
}

/// [`hang_up_mid_restart`] with any signal (`-TERM`).
fn signal_mid_restart(
    tmux: &Tmux,
    inventory: &str,
    policy: &str,
    signal: &str,
) -> (String, Vec<Value>) {
    let pid_file = launch(tmux, &["--inventory", inventory, "--on-hangup", policy]);
    up_to_the_restart(tmux);
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the restart printing", |s| {
        row_state(s, RESTART).as_deref() == Some("running") && s.contains("line 3")
    });

    let pid = wait_for_line(&pid_file);
    let hung_up = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(hung_up.success());
    // Once the console has written down the hang-up, the rest of the step may come.
    let files = records(tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    wait_for_text(&files[0], r#""kind":"hangup""#);
    std::fs::write(gate(tmux.dir()), "").unwrap();
    // The terminal comes back at once; the console ends once the step has.
    let screen = tmux.wait_for("the console to end", |s| exit_status(s).is_some());
    let status = exit_status(&screen).unwrap().to_owned();
    let files = records(tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    (status, read_record(&files[0]))
}

#[test]
fn a_hang_up_lets_the_running_step_finish_and_the_next_console_shows_it() {
    let tmux = Tmux::start("hangup", 100, 30);
    let inventory = fleet(tmux.dir());
    let inventory = inventory.to_str().unwrap();
    let (status, record) = hang_up_mid_restart(&tmux, inventory, "finish");
    assert_eq!(status, "129");
    let kinds = kinds(&record);
    let hangup = of_kind(&record, "hangup");
    assert_eq!(hangup.len(), 1, "{kinds:?}");
    assert_eq!(hangup[0]["policy"], "finish");
    let run = hangup[0]["running"][0].clone();
    let started = of_kind(&record, "step_started");
    assert!(
        started
            .iter()
            .any(|v| v["run"] == run && v["action"] == "restart_service"),
        "{started:#?}"
    );
    let output: Vec<&str> = of_kind(&record, "output")
        .into_iter()
        .filter(|v| v["run"] == run)
        .map(|v| v["line"].as_str().unwrap())
        .collect();
    let mut expected: Vec<String> = (1..=LINES).map(|i| format!("line {i}")).collect();
    expected.push("restarted".to_owned());
    assert_eq!(
        output, expected,
        "every line, the ones after the hang-up too"
    );
    let ended = of_kind(&record, "step_ended");
    let end = ended.iter().find(|v| v["run"] == run).unwrap();
    assert_eq!(end["exit"], "succeeded");
    assert_eq!(end["code"], 0);
    let position = |kind: &str| kinds.iter().position(|k| *k == kind).unwrap();
    assert!(position("hangup") < kinds.iter().rposition(|k| *k == "step_ended").unwrap());
    assert_eq!(kinds.last(), Some(&"session_ended"), "{kinds:?}");
    assert_eq!(
        record.last().unwrap()["left_running"],
        serde_json::json!([])
    );

    // The next console opens on what happened meanwhile; any key closes it.
    tmux.shell("clear");
    tmux.wait_for("a clear screen", |s| exit_status(s).is_none());
    launch(&tmux, &["--inventory", inventory]);
    let screen = tmux.wait_for("the report", |s| s.contains("While nobody was watching"));
    // The box's text, its wrapped lines joined again.
    let joined: String = screen
        .lines()
        .filter_map(|l| l.trim().strip_prefix('│')?.strip_suffix('│'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined
            .contains("Restart the IMAP4 back-end service on mbx-01 by alice: succeeded (exit 0)"),
        "{screen}"
    );
    tmux.keys(&["x"]);
    tmux.wait_for("the grid", |s| {
        !s.contains("While nobody was watching") && s.contains("mbx-01")
    });
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the second console to end", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("0"), "{screen}");
}

#[test]
fn with_on_hangup_cancel_the_running_step_is_cancelled_and_recorded() {
    let tmux = Tmux::start("hangup-cancel", 100, 30);
    let inventory = fleet(tmux.dir());
    let (status, record) = hang_up_mid_restart(&tmux, inventory.to_str().unwrap(), "cancel");
    assert_eq!(status, "129");
    let hangup = of_kind(&record, "hangup");
    assert_eq!(hangup[0]["policy"], "cancel");
    let run = hangup[0]["running"][0].clone();
    let ended = of_kind(&record, "step_ended");
    let end = ended.iter().find(|v| v["run"] == run).unwrap();
    assert_eq!(end["exit"], "cancelled", "{end}");
    let printed = of_kind(&record, "output")
        .iter()
        .filter(|v| v["run"] == run)
        .count();
    assert!(printed < LINES, "cancelled part-way: {printed} lines");
    assert_eq!(record.last().unwrap()["kind"], "session_ended");
}

#[test]
fn sigterm_with_a_step_running_lets_it_finish_like_a_hang_up() {
    let tmux = Tmux::start("sigterm", 100, 30);
    let inventory = fleet(tmux.dir());
    let (status, record) =
        signal_mid_restart(&tmux, inventory.to_str().unwrap(), "finish", "-TERM");
    assert_eq!(status, "143");
    let kinds = kinds(&record);
    let hangup = of_kind(&record, "hangup");
    assert_eq!(hangup.len(), 1, "{kinds:?}");
    assert_eq!(hangup[0]["policy"], "finish");
    let run = hangup[0]["running"][0].clone();
    let printed = of_kind(&record, "output")
        .iter()
        .filter(|v| v["run"] == run)
        .count();
    assert_eq!(printed, LINES + 1, "every line, after the SIGTERM too");
    let ended = of_kind(&record, "step_ended");
    let end = ended.iter().find(|v| v["run"] == run).unwrap();
    assert_eq!(end["exit"], "succeeded", "{end}");
    let last = record.last().unwrap();
    assert_eq!(last["kind"], "session_ended");
    assert_eq!(last["reason"], "terminated (SIGTERM)");
    assert_eq!(last["left_running"], serde_json::json!([]));
}
