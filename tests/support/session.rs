//! The real binary started from a tmux pane's shell, and the incident records it leaves.

#![allow(dead_code)] // each test binary that includes this file uses part of it

use super::tmux::{Tmux, quote};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

pub const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");
/// Who is at the keyboard, as the record and the pane name them.
pub const ENGINEER: &str = "alice";

/// Starts the console from the pane's shell as `ENGINEER`; the shell prints its exit status
/// afterwards (`EXIT=n`). Returns the file the console's pid is written to (`exec` keeps it).
pub fn launch(tmux: &Tmux, args: &[&str]) -> PathBuf {
    launch_as(tmux, ENGINEER, args)
}

/// [`launch`] as `user`.
pub fn launch_as(tmux: &Tmux, user: &str, args: &[&str]) -> PathBuf {
    let pid_file = tmux.dir().join("pid");
    let mut line = format!(
        "USER={user} sh -c 'echo $$ > \"$1\"; shift; exec \"$@\"' sh {} {}",
        quote(&pid_file.display().to_string()),
        quote(BIN)
    );
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    line.push_str("; echo EXIT=$?");
    tmux.shell(&line);
    pid_file
}

/// Where the pane's consoles keep their state (`XDG_STATE_HOME`).
pub fn state_dir(tmux: &Tmux) -> PathBuf {
    tmux.dir().join("state")
}

/// The incident records in the state directory, oldest first.
pub fn records(tmux: &Tmux) -> Vec<PathBuf> {
    let dir = state_dir(tmux).join("healthdeck/incidents");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
}

/// Every line of a record, parsed: each one whole JSON with an RFC 3339 `at` and a `kind`,
/// including a last line without its newline (the file must never end in half a line).
#[track_caller]
pub fn read_record(path: &Path) -> Vec<Value> {
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} is mode {mode:o}", path.display());
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let value: Value = serde_json::from_str(line).unwrap_or_else(|e| {
            panic!("line {} is not JSON ({e}): {line:?}", i + 1);
        });
        let at = value["at"].as_str().unwrap_or_default();
        assert!(
            chrono::DateTime::parse_from_rfc3339(at).is_ok(),
            "line {}: `at` {at:?}",
            i + 1
        );
        assert!(value["kind"].is_string(), "line {}: {line}", i + 1);
        lines.push(value);
    }
    lines
}

pub fn kinds(record: &[Value]) -> Vec<&str> {
    record.iter().map(|v| v["kind"].as_str().unwrap()).collect()
}

pub fn of_kind<'a>(record: &'a [Value], kind: &str) -> Vec<&'a Value> {
    record.iter().filter(|v| v["kind"] == kind).collect()
}
