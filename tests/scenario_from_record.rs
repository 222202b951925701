//! A real incident becomes a drill (ARCHITECTURE "Drills"): `healthdeck scenario
//! from-record` infers the faults from the monitors a record saw fail and what healed
//! them; the scenario it prints loads, and its fault is healed by its drill's step.
#![allow(clippy::unwrap_used)]

#[path = "support/entries.rs"]
mod entries;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entries::change;
use healthdeck::incident::{Entry, Recorder};
use healthdeck::training::Scenario;
use std::path::{Path, PathBuf};
use std::process::Command;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap()
}

fn restart(server: &str, service: &str) -> Entry {
    Entry::StepStarted {
        run: 1,
        procedure: "imap-deep-self".into(),
        step: "restart-back-end".into(),
        title: "Restart".into(),
        server: server.into(),
        action: "restart_service".into(),
        services: vec![service.into()],
        command: None,
        by: "alice".into(),
        compensating: false,
    }
}

/// A production night: mbx-02's IMAP back end stopped answering, cas-02's CTP probe
/// (its mailbox is there) failed with it, a restart of the back end healed both.
fn incident(dir: &Path, hostile: bool) -> PathBuf {
    let header = Entry::Session {
        schema: "healthdeck.incident/1".into(),
        version: "0.1.0".into(),
        user: "alice".into(),
        host: "ops".into(),
        pid: 7,
        ssh_connection: None,
        mode: "PRODUCTION fleet".into(),
        dry_run: false,
        read_only: false,
        language: "en".into(),
    };
    let mut recorder = Recorder::create(dir, &header, t0()).unwrap();
    let at = |s: i64| t0() + TimeDelta::seconds(s);
    let mut entries = vec![
        (
            10,
            change("mbx-02", "ImapSelfTestMonitor", "Unknown", "Healthy"),
        ),
        (10, change("cas-02", "ImapCTPMonitor", "Unknown", "Healthy")),
        (
            10,
            change("mbx-01", "ImapDeepTestMonitor", "Unknown", "Healthy"),
        ),
        (
            200,
            change("mbx-02", "ImapSelfTestMonitor", "Healthy", "Degraded"),
        ),
        (
            205,
            change("cas-02", "ImapCTPMonitor", "Healthy", "Degraded"),
        ),
        (300, restart("mbx-02", "MSExchangeIMAP4BE")),
        (
            400,
            change("mbx-02", "ImapSelfTestMonitor", "Degraded", "Healthy"),
        ),
    ];
    if hostile {
        entries.push((
            410,
            change("mbx;reboot", "ImapSelfTestMonitor", "Healthy", "Degraded"),
        ));
    }
    for (s, entry) in entries {
        recorder.record(at(s), &entry).unwrap();
    }
    recorder.flush().unwrap();
    recorder.path().to_owned()
}

fn from_record(path: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["scenario", "from-record"])
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn an_incident_record_becomes_a_drill_whose_fault_its_step_heals() {
    let dir = tempfile::tempdir().unwrap();
    let (code, yaml, err) = from_record(&incident(dir.path(), false));
    assert_eq!(code, 0, "{err}");
    let scenario = Scenario::parse(&yaml, "from-record").unwrap();
    let faults: Vec<String> = scenario
        .faults
        .iter()
        .map(|f| {
            format!(
                "{} {} {:?} {:?} {}s",
                f.server,
                f.service,
                f.symptom,
                f.healed_by,
                f.at.0.num_seconds()
            )
        })
        .collect();
    // cas-02's CTP failure was mbx-02's: one fault, a minute before its monitor showed it.
    assert_eq!(
        faults,
        ["mbx-02 MSExchangeIMAP4BE StopsAnswering RestartService 140s"]
    );
    let drill = scenario.drill.clone().unwrap();
    assert_eq!(
        (
            drill.expected.server.as_str(),
            drill.expected.monitor.as_str()
        ),
        ("mbx-02", "ImapSelfTestMonitor")
    );
    assert_eq!(
        (
            drill.expected.runbook.as_str(),
            drill.expected.heals_at.as_str()
        ),
        ("imap-deep-self", "restart-back-end")
    );
    let names: Vec<&str> = scenario.fleet.iter().map(|s| s.name.as_str()).collect();
    // The servers in the order the record first names them.
    assert_eq!(names, ["mbx-02", "cas-02", "mbx-01"]);
    // On the simulator, the drill's step heals the inferred fault.
    let mut sim = healthdeck::training::Simulator::new(scenario.clone(), t0());
    let server = sim.server_index("mbx-02").unwrap();
    let probe = healthdeck::health::Probe::all()
        .find(|p| p.name() == "ImapSelfTestProbe")
        .unwrap();
    let after = t0() + TimeDelta::seconds(200);
    assert!(!sim.probe(server, probe, after, 1).succeeded);
    sim.apply_remedy(
        "mbx-02",
        healthdeck::training::scenario::Remedy::RestartService,
        Some("MSExchangeIMAP4BE"),
        after,
    );
    assert!(
        sim.probe(server, probe, after + TimeDelta::seconds(60), 2)
            .succeeded
    );
}

#[test]
fn a_torn_or_hostile_record_gives_what_it_can_and_says_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let path = incident(dir.path(), true);
    let (code, yaml, err) = from_record(&path);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("a server name a scenario cannot hold was left out: \"mbx;reboot\""),
        "{err}"
    );
    assert!(!yaml.contains("reboot"), "{yaml}");
    // Cut in the middle of its last line, as a kill -9 could not, but a copy could.
    let text = std::fs::read_to_string(&path).unwrap();
    let torn = dir.path().join("torn.jsonl");
    std::fs::write(&torn, &text[..text.len() - 40]).unwrap();
    let (code, _, err) = from_record(&torn);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("torn.jsonl:9: stopped reading here"), "{err}");
    // Nothing failing in it: nothing to drill.
    let quiet = dir.path().join("quiet.jsonl");
    let lines: Vec<&str> = text.lines().take(4).collect();
    std::fs::write(&quiet, lines.join("\n")).unwrap();
    let (code, _, err) = from_record(&quiet);
    assert_eq!(code, 1);
    assert!(err.contains("no failing probe monitor"), "{err}");
}
