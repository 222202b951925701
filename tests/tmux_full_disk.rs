//! A full disk, end to end: the real binary in tmux with its state directory on a small
//! tmpfs (mounted here; skipped, saying so, where mounting is not allowed). The disk fills
//! as a step floods its output: the screen never shows a tracing line, the banner says the
//! record is not written, the next step asks before it runs unrecorded, the banner clears
//! once space returns, and after quitting the record parses line by line with the choice
//! and what memory could not hold in it.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{RESTART, exit_status, row_state, up_to_the_restart};
use session::{kinds, launch, of_kind, read_record, records, state_dir};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use tmux::Tmux;

/// Lines the restart prints: some 38 MB of record, past what memory holds (16 MiB).
const LINES: u64 = 400_000;
const BANNER: &str = "RECORD NOT WRITTEN: no space left on device";

/// The tmpfs on the state directory; lazily unmounted at the end.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// What must never reach the screen: tracing's lines and its own complaints.
#[track_caller]
fn clean(screen: &str) -> bool {
    for leak in [
        "[tracing-subscriber]",
        "healthdeck::",
        " ERROR ",
        "os error",
    ] {
        assert!(!screen.contains(leak), "{leak:?} on screen:\n{screen}");
    }
    true
}

/// The mode banner: the top line (the status bar may repeat a message as a flash).
fn banner(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

/// Fills the disk, and the last page of the console's log too: its next line fails.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    let mut log = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("healthdeck/healthdeck.log"))
        .unwrap();
    for _ in 0..4096 {
        if log.write_all(b"\n").is_err() {
            break;
        }
    }
    path
}

#[test]
fn a_full_disk_shows_a_banner_asks_before_a_step_and_keeps_whole_lines() {
    let tmux = Tmux::start("fulldisk", 100, 30);
    let state = state_dir(&tmux);
    std::fs::create_dir_all(&state).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&state)
        .output();
    if !mounted.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: cannot mount a tmpfs (needs root): {mounted:?}");
        return;
    }
    let _mounted = Mounted(state.clone());
    // Locks and budgets elsewhere: the restart must not be refused for want of a lock file.
    let restart = format!("seq 1 {LINES}");
    let inventory = lab::fleet(tmux.dir(), &restart, "guardrails: { state_dir: guard }\n");
    launch(&tmux, &["--inventory", inventory.to_str().unwrap()]);
    up_to_the_restart(&tmux);
    let filler = fill(&state);
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the banner and the restart's end", |s| {
        clean(s)
            && banner(s).contains(BANNER)
            && matches!(row_state(s, RESTART).as_deref(), Some("done" | "ran"))
    });

    // The next step asks first; going on is recorded.
    for _ in 0..4 {
        tmux.keys(&["Enter"]);
        let screen = tmux.wait_for("the question", |s| {
            clean(s) && (s.contains("run it unrecorded") || s.contains("highlighted now"))
        });
        if screen.contains("run it unrecorded") {
            break;
        }
    }
    tmux.keys(&["y"]);
    tmux.wait_for("the step to run", |s| {
        clean(s) && !s.contains("run it unrecorded") && s.contains(BANNER)
    });

    // Space returns: room for all that waits in memory.
    std::fs::remove_file(filler).unwrap();
    let grown = Command::new("mount")
        .args(["-o", "remount,size=64m"])
        .arg(&state)
        .status()
        .unwrap();
    assert!(grown.success());
    // Nowhere on screen: a stale status-line note would say the opposite of the banner.
    tmux.wait_for("the banner and every note of it to clear", |s| {
        clean(s) && !s.contains(BANNER)
    });
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the console to end or ask", |s| {
        exit_status(s).is_some() || s.contains("leaving half-way") || s.contains("steps are")
    });
    if exit_status(&screen).is_none() {
        let key = if screen.contains("steps are") {
            "c"
        } else {
            "l"
        };
        tmux.keys(&[key]);
        tmux.wait_for("the console to end", |s| exit_status(s).is_some());
    }

    let files = records(&tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    let record = read_record(&files[0]);
    let unrecorded = of_kind(&record, "unrecorded");
    assert_eq!(unrecorded.len(), 1, "{:?}", kinds(&record));
    assert_eq!(unrecorded[0]["go_on"], true);
    assert_eq!(unrecorded[0]["reason"], "no space left on device");
    let restart = of_kind(&record, "step_started")
        .into_iter()
        .find(|s| s["title"] == RESTART)
        .unwrap()["run"]
        .clone();
    let kept: Vec<&str> = of_kind(&record, "output")
        .into_iter()
        .filter(|o| o["run"] == restart)
        .map(|o| o["line"].as_str().unwrap())
        .collect();
    // What memory held is the flood's beginning, whole and in order.
    for (i, line) in kept.iter().enumerate() {
        assert_eq!(*line, (i + 1).to_string());
    }
    let dropped: u64 = of_kind(&record, "record_gap")
        .iter()
        .map(|g| g["dropped_lines"].as_u64().unwrap())
        .sum();
    assert!(dropped > 0, "memory held 38 MB?");
    // Every line kept or counted (the probe re-run's few lines may be among the dropped).
    let kept = kept.len() as u64;
    assert!(
        (LINES..LINES + 50).contains(&(kept + dropped)),
        "{kept} kept, {dropped} dropped"
    );
    assert_eq!(of_kind(&record, "session_ended").len(), 1);
}
