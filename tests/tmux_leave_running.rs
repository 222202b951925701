//! `q` → `l` with a real step running, end to end: the real binary in tmux on a Linux fleet
//! whose service restart waits for a gate file the test creates. The console exits; the
//! step lives on (its own session: the terminal's hang-up does not reach it; its lock held
//! by its keeper), prints after the console is gone, finishes; the record gets its output
//! and its end, and the next console says so.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{RESTART, exit_status, row_state, up_to_the_restart};
use serde_json::Value;
use session::{ENGINEER, launch, of_kind, read_record, records, state_dir};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tmux::quote;
use tmux::{Tmux, wait_for_line};

/// Generous: a passing test never waits this long.
const DEADLINE: Duration = Duration::from_secs(60);

/// Whether `pid` runs (a zombie does not: this container's init may not reap orphans).
fn alive(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
    state.is_some_and(|s| !s.starts_with(['Z', 'X']))
}

#[track_caller]
fn poll(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Kills the step's process group if the test fails before its gate opens: a step left
/// running must not outlive its test.
struct StepGuard(PathBuf);

impl Drop for StepGuard {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(&self.0)
            && let Ok(pid) = pid.trim().parse::<i32>()
        {
            let group = nix::unistd::Pid::from_raw(pid);
            let _ = nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGKILL);
        }
    }
}

/// The holder's pid in mbx-01's lock file, if there is one.
fn lock_holder(tmux: &Tmux) -> Option<u32> {
    let lock = state_dir(tmux).join("healthdeck/locks/mbx-01.lock");
    let text = std::fs::read_to_string(lock).ok()?;
    let holder: Value = serde_json::from_str(&text).ok()?;
    holder["pid"].as_u64().map(|p| u32::try_from(p).unwrap())
}

fn record_lines(path: &Path) -> Vec<Value> {
    read_record(path)
}

#[test]
fn a_step_left_running_at_quit_outlives_the_console_and_the_next_console_reports_its_end() {
    let tmux = Tmux::start("leave-running", 100, 30);
    let dir = tmux.dir();
    let (pid_file, gate, marker) = (dir.join("step.pid"), dir.join("gate"), dir.join("marker"));
    let restart = format!(
        "echo $$ > '{}'; echo started; while [ ! -e '{}' ]; do sleep 0.1; done; \
         echo after the console; touch '{}'; echo restarted",
        pid_file.display(),
        gate.display(),
        marker.display()
    );
    let inventory = lab::fleet(dir, &restart, "");
    let inventory = inventory.to_str().unwrap();
    let _step = StepGuard(pid_file.clone());
    let shell_pid_file = dir.join("shell.pid");
    tmux.shell(&format!(
        "echo $$ > {}",
        quote(&shell_pid_file.display().to_string())
    ));
    let shell: u32 = wait_for_line(&shell_pid_file).parse().unwrap();

    let console_pid_file = launch(&tmux, &["--inventory", inventory]);
    up_to_the_restart(&tmux);
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the restart running", |s| {
        row_state(s, RESTART).as_deref() == Some("running") && s.contains("started")
    });
    let console: u32 = wait_for_line(&console_pid_file).parse().unwrap();
    tmux.keys(&["q"]);
    tmux.wait_for("the quit prompt", |s| s.contains("steps are running"));
    tmux.keys(&["l"]);
    let screen = tmux.wait_for("the console to end", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("0"), "{screen}");

    // The console is gone; the step is not.
    let step: u32 = wait_for_line(&pid_file).parse().unwrap();
    assert!(!alive(console), "the console exited");
    assert!(
        alive(step),
        "the step left running was killed with the console"
    );
    let keeper = lock_holder(&tmux).expect("the lock is still held");
    assert_ne!(keeper, console, "the lock names who holds it now");
    assert!(alive(keeper), "its keeper holds the lock");
    let files = records(&tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    let record = record_lines(&files[0]);
    let detached = of_kind(&record, "step_detached");
    assert_eq!(detached.len(), 1, "{record:#?}");
    assert_eq!(detached[0]["pid"], step);
    assert_eq!(detached[0]["by"], ENGINEER);
    let run = detached[0]["run"].clone();
    let ended = of_kind(&record, "session_ended");
    assert_eq!(ended[0]["left_running"], serde_json::json!([run]));

    // The terminal goes away as a dropped SSH link takes it: the step is in a session of
    // its own.
    tmux.kill_pane();
    poll("the shell to hang up", || !alive(shell));
    assert!(alive(step), "the terminal's hang-up reached the step");

    // Released, it prints with nobody watching, and finishes.
    std::fs::write(&gate, "").unwrap();
    poll("the step's marker", || marker.exists());
    poll("the step to end", || !alive(step));
    poll("its end in the record", || {
        of_kind(&record_lines(&files[0]), "step_ended")
            .iter()
            .any(|e| e["run"] == run)
    });
    poll("the lock released", || lock_holder(&tmux).is_none());
    let record = record_lines(&files[0]);
    let output: Vec<&str> = of_kind(&record, "output")
        .into_iter()
        .filter(|v| v["run"] == run)
        .map(|v| v["line"].as_str().unwrap())
        .collect();
    assert_eq!(output, ["started", "after the console", "restarted"]);
    let end = of_kind(&record, "step_ended")
        .into_iter()
        .find(|e| e["run"] == run)
        .unwrap();
    assert_eq!(end["exit"], "ended", "{end}");
    assert!(
        end["note"]
            .as_str()
            .unwrap()
            .contains("exit status is not known"),
        "{end}"
    );

    the_next_console_reports_its_end(&tmux, inventory);
}

/// A new terminal on the same state: the next console opens on how the step ended.
fn the_next_console_reports_its_end(tmux: &Tmux, inventory: &str) {
    let next = Tmux::start("leave-running-next", 100, 30);
    let state = state_dir(tmux).display().to_string();
    next.shell(&format!("export XDG_STATE_HOME={}", quote(&state)));
    launch(&next, &["--inventory", inventory]);
    let screen = next.wait_for("the report", |s| s.contains("While nobody was watching"));
    let joined: String = screen
        .lines()
        .filter_map(|l| l.trim().strip_prefix('│')?.strip_suffix('│'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains("The console quit at"), "{screen}");
    assert!(
        joined.contains("Restart the IMAP4 back-end service on mbx-01 by alice: ended at"),
        "{screen}"
    );
    next.keys(&["x"]);
    next.wait_for("the grid", |s| {
        !s.contains("While nobody was watching") && s.contains("mbx-01")
    });
    next.keys(&["q"]);
    let screen = next.wait_for("the second console to end", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("0"), "{screen}");
}
