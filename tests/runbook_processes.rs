//! Runbook steps as real processes (the Linux platform, local commands): the guards run
//! nothing — a stand-in command that records its invocations proves it — and a step that
//! prints a million lines keeps the panel bounded and the record complete.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::pane::Console;
use common::processes::{calls, linux_console, next_step, run_processes, stand_in, walk_through};
use healthdeck::incident::{Entry, Recorder, session_header};
use healthdeck::runbook::RecoveryAction;
use healthdeck::runbook::platform::{Platform, linux};
use healthdeck::update::runbook::log::KEEP_LINES;

#[test]
fn the_stand_in_runs_when_nothing_guards_it() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let mut console = linux_console(&script);
    console.open_runbook();
    walk_through(&mut console);
    let calls = calls(&log);
    assert!(calls.contains(&"restart_service".to_owned()), "{calls:?}");
    let confirmed = console.records.iter().any(|e| {
        matches!(e, Entry::Confirmation { accepted: true, step, .. } if step.starts_with("restart"))
    });
    assert!(
        confirmed,
        "restarting a service outside training asks first"
    );
    let output = console
        .log_texts()
        .iter()
        .any(|l| l == "stand-in ran: restart_service");
    assert!(output, "the process's output reached the panel");
}

#[test]
fn dry_run_shows_every_command_and_runs_none() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let mut console = linux_console(&script);
    console.state.launch.banner.dry_run = true;
    console.open_runbook();
    walk_through(&mut console);
    assert!(
        !log.exists(),
        "dry-run invoked the stand-in: {:?}",
        calls(&log)
    );
    assert!(console.started.is_empty());
    let shown: Vec<&str> = console
        .records
        .iter()
        .filter_map(|e| match e {
            Entry::StepSkipped {
                reason,
                command: Some(command),
                ..
            } if reason.starts_with("dry-run") => Some(command.as_str()),
            _ => None,
        })
        .collect();
    let script = script.display().to_string();
    let commands = shown.iter().filter(|c| c.starts_with(&script)).count();
    assert!(commands >= 3, "every command shown: {shown:?}");
}

#[test]
fn read_only_runs_reads_and_probes_and_nothing_that_changes_a_server() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let mut console = linux_console(&script);
    console.state.launch.banner.read_only = true;
    console.open_runbook();
    walk_through(&mut console);
    // The stand-in is every action's command: only reading ones were invoked.
    let invoked = calls(&log);
    let changing = ["restart_service", "failover_databases", "restart_server"];
    assert!(
        !invoked.iter().any(|c| changing.contains(&c.as_str())),
        "read-only changed a server: {invoked:?}"
    );
    let reads = console
        .records
        .iter()
        .any(|e| matches!(e, Entry::StepStarted { action, .. } if action == "check_server_health"));
    assert!(reads, "reads run read-only: {:?}", console.kinds());
    let probes = console
        .records
        .iter()
        .any(|e| matches!(e, Entry::StepStarted { action, .. } if action == "rerun_probe"));
    assert!(probes, "probes still run read-only: {:?}", console.kinds());
    let said = console
        .records
        .iter()
        .any(|e| matches!(e, Entry::StepSkipped { reason, .. } if reason.starts_with("read-only")));
    assert!(said, "each step not run says why");
}

#[test]
fn a_million_line_step_keeps_the_panel_bounded_and_the_record_complete() {
    let dir = tempfile::tempdir().unwrap();
    let mut console = Console::incident(120, 36);
    console.state.launch.platform = Platform::Linux;
    let mut commands = linux::Commands::none();
    for action in RecoveryAction::ALL {
        commands.set(action, ["seq", "1", "1000000"].map(str::to_owned).to_vec());
    }
    console.state.launch.commands = commands;
    let header = session_header("TEST".to_owned(), false, false, "en");
    let start = Utc.with_ymd_and_hms(2026, 11, 22, 3, 0, 0).unwrap();
    let mut recorder = Recorder::create(dir.path(), &header, start).unwrap();
    console.open_runbook();
    // Steps the console answers itself come first; the first command is the flood.
    let flood = loop {
        next_step(&mut console);
        let job = console.started.last().cloned();
        if let Some(job) = job.filter(|j| matches!(j.work, healthdeck::job::Work::Process { .. })) {
            break job.run;
        }
        assert!(
            console.records.len() < 200,
            "no command ran: {:?}",
            console.kinds()
        );
        run_processes(&mut console, None);
    };
    run_processes(&mut console, Some(&mut recorder));
    recorder.sync().unwrap();

    let pane = console.state.runbook.as_ref().unwrap();
    assert!(pane.log.lines().len() <= KEEP_LINES);
    assert_eq!(
        pane.log
            .lines()
            .iter()
            .rev()
            .find(|l| l.text.chars().all(|c| c.is_ascii_digit()))
            .map(|l| l.text.as_str()),
        Some("1000000"),
        "the newest lines are shown"
    );
    assert!(pane.log.dropped >= 1_000_000 - KEEP_LINES as u64);

    let text = std::fs::read_to_string(recorder.path()).unwrap();
    let mut expected = 1;
    for line in text.lines().skip(1) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["kind"], "output");
        assert_eq!(value["run"], flood.0);
        assert_eq!(value["line"], expected.to_string());
        expected += 1;
    }
    assert_eq!(expected, 1_000_001, "every line is in the record, in order");
}
