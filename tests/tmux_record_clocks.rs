//! Two clocks, never mixed, end to end: the real binary in tmux, its record read back. Every
//! line's `at` is wall-clock UTC, inside the wall time the test saw the console live; a
//! training console's lines also carry `fleet_at`, its sped-up clock; a real fleet's do not.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // the test reads the wall clock

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;
use session::{kinds, launch, of_kind, read_record, records};
use tmux::{Tmux, row};

const SPEED: i64 = 100;

fn time(value: &Value, field: &str) -> Option<DateTime<Utc>> {
    let text = value[field].as_str()?;
    Some(DateTime::parse_from_rfc3339(text).unwrap().to_utc())
}

/// Runs the console until a monitor of `server` has left Healthy, quits it, and returns
/// its record with the wall time around the console's life (to the millisecond the record
/// keeps).
fn run_until_a_transition(
    tmux: &Tmux,
    server: &str,
    args: &[&str],
) -> (Vec<Value>, DateTime<Utc>, DateTime<Utc>) {
    let before = Utc::now() - TimeDelta::milliseconds(1);
    launch(tmux, args);
    tmux.wait_for("a monitor to leave Healthy", |s| {
        row(s, server).is_some_and(|r| r.contains("DEGR") || r.contains("UNHL"))
    });
    tmux.keys(&["q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
    let after = Utc::now();
    let files = records(tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    let record = read_record(&files[0]);
    // The file is named by the wall time of its first line.
    let header = time(&record[0], "at").unwrap();
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&header.format("%Y%m%dT%H%M%SZ").to_string()),
        "{name} is not named by {header}"
    );
    (record, before, after)
}

#[test]
fn a_training_record_has_wall_clock_utc_and_the_fleet_clock_beside_it() {
    let tmux = Tmux::start("clocks-training", 100, 30);
    let speed = SPEED.to_string();
    let (record, before, after) = run_until_a_transition(&tmux, "mbx-02", &["--speed", &speed]);
    assert!(
        !of_kind(&record, "transition").is_empty(),
        "{:?}",
        kinds(&record)
    );
    for line in &record {
        let at = time(line, "at").unwrap();
        assert!(
            before <= at && at <= after,
            "`at` {at} is not wall time between {before} and {after}: {line}"
        );
    }
    let (wall_start, fleet_start) = (
        time(&record[0], "at").unwrap(),
        time(&record[0], "fleet_at").unwrap(),
    );
    for line in &record {
        let at = time(line, "at").unwrap();
        let fleet_at = time(line, "fleet_at").unwrap_or_else(|| panic!("no fleet_at: {line}"));
        // The fleet ran SPEED times faster from the same start; stamps keep milliseconds,
        // so a wall millisecond is SPEED fleet milliseconds.
        let fleet = (fleet_at - fleet_start).num_milliseconds();
        let wall = (at - wall_start).num_milliseconds();
        assert!(
            (fleet - SPEED * wall).abs() <= 2 * SPEED,
            "fleet {fleet} ms against wall {wall} ms at ×{SPEED}: {line}"
        );
    }
    let last = record.last().unwrap();
    assert_eq!(last["kind"], "session_ended");
    assert!(time(last, "fleet_at").unwrap() > time(last, "at").unwrap());
}

#[test]
fn a_real_fleets_record_has_one_clock_the_wall() {
    let tmux = Tmux::start("clocks-real", 100, 30);
    let inventory = lab::fleet(tmux.dir(), "true", "");
    let inventory = inventory.to_str().unwrap();
    let (record, before, after) =
        run_until_a_transition(&tmux, "mbx-01", &["--inventory", inventory]);
    assert!(
        !of_kind(&record, "transition").is_empty(),
        "{:?}",
        kinds(&record)
    );
    for line in &record {
        let at = time(line, "at").unwrap();
        assert!(before <= at && at <= after, "{before} {at} {after}: {line}");
        assert!(line.get("fleet_at").is_none(), "{line}");
    }
}
