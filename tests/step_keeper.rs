//! A step left running and handed to its keeper (the real binary's `keep-step`): the
//! keeper records the rest of its output and its end in the console's record, holds its
//! server's lock meanwhile, and enforces what is left of its time limit.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

use healthdeck::event::Event;
use healthdeck::exec::guardrails::{self, Holder};
use healthdeck::job::RunId;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::runner::{Control, KeeperSetup, Leave, ProcessStep, StepLock, run_step};
use serde_json::Value;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");
/// A bug must fail a test, not hang it.
const PATIENCE: Duration = Duration::from_secs(30);

fn lock_pid(dir: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(dir.join("locks/mbx-01.lock")).ok()?;
    serde_json::from_str::<Value>(&text).ok()?["pid"].as_u64()
}

fn record(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

async fn poll(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < PATIENCE, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Whether any process of group `pgid` runs (zombies aside).
fn group_runs(pgid: u32) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        fields.len() > 2 && !matches!(fields[0], "Z" | "X") && fields[2] == pgid.to_string()
    })
}

#[tokio::test]
async fn a_handed_over_step_is_recorded_by_its_keeper_which_holds_its_lock_and_its_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (state, gate, record_path) = (
        dir.path().join("state"),
        dir.path().join("gate"),
        dir.path().join("record.jsonl"),
    );
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&record_path)
        .unwrap();
    let clock = FleetClock::new(1.0);
    let me = Holder::me("restart_service", clock.now());
    let lock = guardrails::acquire(&state, "mbx-01", me, clock.now()).unwrap();
    let script = format!(
        "echo started; while [ ! -e '{}' ]; do sleep 0.05; done; echo after the console; \
         exec sleep 300",
        gate.display()
    );
    let step = ProcessStep {
        run: RunId(5),
        argv: vec!["sh".into(), "-c".into(), script],
        timeout: Duration::from_secs(3),
        lock: Some(StepLock {
            dir: state.clone(),
            server: "mbx-01".to_owned(),
            guard: Arc::new(Mutex::new(Some(lock))),
        }),
    };
    let (tx, mut events) = mpsc::channel(64);
    let (_cancel, cancel) = oneshot::channel();
    let (leave_tx, leave) = mpsc::channel(4);
    tokio::spawn(run_step(step, clock, Control { cancel, leave }, tx));
    let Some(Event::StepOutput { lines, .. }) = events.recv().await else {
        panic!("no output");
    };
    assert_eq!(lines[0].text, "started");

    leave_tx.send(Leave::Detach).await.unwrap();
    let (reply, replied) = oneshot::channel();
    let keeper = KeeperSetup {
        program: BIN.into(),
        record: record_path.clone(),
    };
    leave_tx
        .send(Leave::HandOver { keeper, reply })
        .await
        .unwrap();
    let handed = tokio::time::timeout(PATIENCE, replied)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let ended = tokio::time::timeout(PATIENCE, events.recv()).await.unwrap();
    assert!(ended.is_none(), "no end from the console's side: {ended:?}");
    assert_eq!(lock_pid(&state), Some(u64::from(handed.keeper)));
    assert!(group_runs(handed.pid));

    // The console is gone: the keeper takes over the record.
    drop(handed.console);
    std::fs::write(&gate, "").unwrap();
    let ended = |r: &[Value]| r.iter().any(|v| v["kind"] == "step_ended");
    poll("the keeper's end", || ended(&record(&record_path))).await;
    let lines = record(&record_path);
    let output: Vec<&Value> = lines.iter().filter(|v| v["kind"] == "output").collect();
    assert_eq!(output.len(), 1, "{lines:#?}");
    assert_eq!(output[0]["line"], "after the console");
    assert_eq!(output[0]["run"], 5);
    let end = lines.iter().find(|v| v["kind"] == "step_ended").unwrap();
    assert_eq!(end["exit"], "timed_out", "{end}");
    let note = end["note"].as_str().unwrap();
    assert!(note.contains("timed out after 3 s"), "{note}");
    poll("the group gone", || !group_runs(handed.pid)).await;
    poll("the lock released", || lock_pid(&state).is_none()).await;
}
