//! Exchange's alert changes and a poll's failures in the record and its Markdown export:
//! the triage lead reads which monitor Exchange raised, and when its verdict went missing.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use healthdeck::incident::{Entry, Recorder, SCHEMA};
use std::process::Command;

#[test]
fn exchange_transitions_and_poll_failures_export_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let at = |m, s| Utc.with_ymd_and_hms(2026, 12, 5, 3, m, s).unwrap();
    let header = Entry::Session {
        schema: SCHEMA.to_owned(),
        version: "0.1.0".to_owned(),
        user: "alice".to_owned(),
        host: "ops-01".to_owned(),
        pid: 7,
        ssh_connection: None,
        mode: "PRODUCTION exchange-lab".to_owned(),
        dry_run: false,
        read_only: false,
        language: "en".to_owned(),
    };
    let mut recorder = Recorder::create(dir.path(), &header, at(0, 0)).unwrap();
    let transition = |from: &str, to: &str| Entry::Transition {
        health_set: None,
        server: "ex-01".into(),
        monitor: "ImapCTPMonitor".into(),
        from: from.into(),
        to: to.into(),
        source: Some("exchange".into()),
    };
    recorder
        .record(at(0, 5), &transition("Unknown", "Unhealthy"))
        .unwrap();
    let failed = Entry::ExchangePoll {
        server: "ex-02".into(),
        state: "failed".into(),
        why: Some("the poll failed (exit 1): WinRM cannot complete the operation".into()),
    };
    recorder.record(at(0, 6), &failed).unwrap();
    recorder
        .record(at(4, 10), &transition("Unhealthy", "Healthy"))
        .unwrap();
    let many = Entry::ExchangePolls {
        count: 12,
        state: "failed".into(),
        why: Some("no answer within 45s: the poll was stopped".into()),
        servers: (1..=10).map(|i| format!("ex-{i:02}")).collect(),
    };
    recorder.record(at(5, 0), &many).unwrap();
    recorder.sync().unwrap();
    let path = recorder.path().to_owned();
    let line = std::fs::read_to_string(&path).unwrap();
    assert!(line.contains(r#""kind":"transition","server":"ex-01","monitor":"ImapCTPMonitor","from":"Unknown","to":"Unhealthy","source":"exchange""#), "{line}");
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["incident", "export"])
        .arg(&path)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "**ImapCTPMonitor** (Exchange) on ex-01: Unknown → Unhealthy",
        "Exchange's verdict on ex-02: failed (the poll failed (exit 1): WinRM cannot complete the operation)",
        "**ImapCTPMonitor** (Exchange) on ex-01: Unhealthy → Healthy",
        "Exchange's verdict on 12 servers: failed (no answer within 45s: the poll was stopped): ex-01, ex-02, ex-03, ex-04, ex-05, ex-06, ex-07, ex-08, ex-09, ex-10 and 2 more",
    ] {
        assert!(markdown.contains(expected), "{expected}\n{markdown}");
    }
}
