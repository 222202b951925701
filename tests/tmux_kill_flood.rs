//! kill -9 mid-flood, end to end: the real binary in tmux runs a step that prints millions
//! of lines (`seq`), and is killed at 20 moments spread over the bytes its record has taken
//! (polled, not slept for). After each kill the record parses line by line: no half line,
//! ever (ARCHITECTURE "Whole lines only").
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{RESTART, row_state, up_to_the_restart};
use session::{BIN, ENGINEER, read_record};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tmux::{Tmux, quote, wait_for_line};

const TRIALS: u64 = 20;
/// How long one trial's record may take to reach its size.
const DEADLINE: Duration = Duration::from_secs(60);

/// Starts the console with its own state directory (no lock, ledger or earlier record of
/// another trial); returns the file its pid is written to.
fn launch(tmux: &Tmux, state: &Path, inventory: &Path) -> PathBuf {
    let pid_file = state.join("pid");
    std::fs::create_dir_all(state).unwrap();
    let line = format!(
        "clear; USER={ENGINEER} XDG_STATE_HOME={} sh -c 'echo $$ > \"$1\"; shift; exec \"$@\"' \
         sh {} {} --inventory {}; echo EXIT=$?",
        quote(&state.display().to_string()),
        quote(&pid_file.display().to_string()),
        quote(BIN),
        quote(&inventory.display().to_string()),
    );
    tmux.shell(&line);
    pid_file
}

/// The one record under `state`.
fn record_of(state: &Path) -> Option<PathBuf> {
    let dir = state.join("healthdeck/incidents");
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
}

/// Kills `pid` with SIGKILL the moment the record holds at least `bytes`: polled without
/// pause, so the kill often lands while a write is still copying (the file grows page by
/// page during a write).
fn kill_at_size(path: &Path, bytes: u64, pid: i32) {
    let start = Instant::now();
    while std::fs::metadata(path).map_or(0, |m| m.len()) < bytes {
        assert!(
            start.elapsed() < DEADLINE,
            "the record did not reach {bytes} bytes"
        );
        std::thread::yield_now();
    }
    let pid = nix::unistd::Pid::from_raw(pid);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL).unwrap();
}

#[test]
fn kill_9_mid_flood_never_leaves_half_a_line() {
    let tmux = Tmux::start("killflood", 100, 30);
    let inventory = lab::fleet(tmux.dir(), "seq 1 6000000", "");
    for trial in 0..TRIALS {
        let state = tmux.dir().join(format!("state-{trial}"));
        let pid_file = launch(&tmux, &state, &inventory);
        up_to_the_restart(&tmux);
        let record = record_of(&state).unwrap();
        let before = std::fs::metadata(&record).unwrap().len();
        tmux.type_text("mbx-01");
        tmux.keys(&["Enter"]);
        tmux.wait_for("the flood", |s| {
            row_state(s, RESTART).as_deref() == Some("running")
        });
        // Spread over 0.1–8 MB of flood, never on a round number of pages.
        let target = before + 100_000 + trial * 411_000 + trial * 1_237 % 4_096;
        let pid = wait_for_line(&pid_file).parse().unwrap();
        kill_at_size(&record, target, pid);
        // Nothing restores the terminal after a kill -9: the status lands where it may.
        tmux.wait_for("the console to die", |s| s.contains("EXIT="));
        let screen = tmux.wait_for("the exit status", |s| s.contains("EXIT=137"));
        assert!(screen.contains("EXIT=137"));
        // The killed console left the terminal raw: a line feed ends this line.
        tmux.type_text("stty sane");
        tmux.keys(&["C-j"]);
        let lines = read_record(&record);
        let size = std::fs::metadata(&record).unwrap().len();
        assert!(
            lines.iter().any(|l| l["kind"] == "output"),
            "trial {trial}: no output recorded"
        );
        eprintln!(
            "trial {trial}: killed at {target} bytes or more; {size} bytes, {} whole lines",
            lines.len()
        );
        // seq dies on its broken pipe; the record is not needed any more (disk is tight).
        std::fs::remove_dir_all(&state).unwrap();
    }
}
