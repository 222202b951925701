//! A realistic incident record, written through the `Recorder` with fixed times and a fixed
//! header (no user, host or pid of the machine running the tests): a back end that fails its
//! deep test, a restart that does not help, a failover, and the failback it owes (owed, then
//! cleared). Then a second server's latency: a restart, a wait cut short, a failover whose
//! failback is still owed, and an escalation with its handover.
//!
//! The times given are fleet times: written on the wall clock (a real fleet), or as a
//! training session at ×10 (`write_training_session`), where the record's `at` is the wall
//! clock and `fleet_at` these times.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::incident::writer::RecordClock;
use healthdeck::incident::{Entry, Recorder, SCHEMA};
use healthdeck::job::{OutputLine, RunId, Stream};
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "incident_escalation.rs"]
mod escalation;

pub const START: (u32, u32, u32) = (3, 12, 0);
const PROCEDURE: &str = "imap-deep-self";
/// The second runbook, on the second server: the one escalated.
pub const LATENCY: &str = "imap-latency";
pub const EX02: &str = "EX02";
/// The training session's speed.
pub const SPEED: f64 = 10.0;

pub fn at(h: u32, m: u32, s: u32, ms: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, h, m, s).unwrap() + TimeDelta::milliseconds(ms)
}

pub fn header(pid: u32) -> Entry {
    header_in(pid, "PRODUCTION fleet.yaml")
}

fn header_in(pid: u32, mode: &str) -> Entry {
    Entry::Session {
        schema: SCHEMA.to_owned(),
        version: "0.1.0".to_owned(),
        user: "alice".to_owned(),
        host: "ops-bastion".to_owned(),
        pid,
        ssh_connection: Some("203.0.113.7 52114 10.0.0.5 22".to_owned()),
        mode: mode.to_owned(),
        dry_run: false,
        read_only: false,
        language: "en".to_owned(),
    }
}

fn started(run: u64, step: &str, title: &str, command: &str, compensating: bool) -> Entry {
    started_on(
        PROCEDURE,
        "EX01",
        run,
        (step, title),
        Some(command),
        compensating,
    )
}

fn started_on(
    procedure: &str,
    server: &str,
    run: u64,
    (step, title): (&str, &str),
    command: Option<&str>,
    compensating: bool,
) -> Entry {
    Entry::StepStarted {
        run,
        procedure: procedure.to_owned(),
        step: step.to_owned(),
        title: title.to_owned(),
        server: server.to_owned(),
        action: String::new(),
        services: Vec::new(),
        command: command.map(str::to_owned),
        by: "alice".to_owned(),
        compensating,
    }
}

/// The failback a failover owes on `server`: `certain` once the failover succeeded.
fn owed(procedure: &str, server: &str, run: u64, certain: bool) -> Entry {
    Entry::Owed {
        id: format!("ops-bastion-4242-{run}-reenable-activation"),
        server: server.to_owned(),
        procedure: procedure.to_owned(),
        step: "reenable-activation".to_owned(),
        title: "Re-enable database activation".to_owned(),
        command: Some(failback_command(server)),
        caused_by: "failover".to_owned(),
        certain,
        by: "alice".to_owned(),
    }
}

fn failback_command(server: &str) -> String {
    format!("Set-MailboxServer -Identity {server} -DatabaseCopyActivationDisabledAndMoveNow $false")
}

fn ended(run: u64, duration_ms: u64, facts: &[(&str, bool)]) -> Entry {
    Entry::StepEnded {
        run,
        exit: "succeeded".to_owned(),
        code: Some(0),
        duration_ms,
        facts: facts
            .iter()
            .map(|(k, v)| ((*k).to_owned(), *v))
            .collect::<BTreeMap<_, _>>(),
        note: None,
        said: None,
    }
}

fn transition(from: &str, to: &str) -> Entry {
    transition_of("EX01", "ImapDeepTestMonitor", from, to)
}

fn transition_of(server: &str, monitor: &str, from: &str, to: &str) -> Entry {
    Entry::Transition {
        health_set: None,
        server: server.to_owned(),
        monitor: monitor.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
        source: None,
    }
}

fn confirmation(step: &str, typed: &str, accepted: bool) -> Entry {
    confirmation_on(PROCEDURE, "EX01", step, typed, accepted)
}

fn confirmation_on(
    procedure: &str,
    server: &str,
    step: &str,
    typed: &str,
    accepted: bool,
) -> Entry {
    Entry::Confirmation {
        procedure: procedure.to_owned(),
        step: step.to_owned(),
        server: server.to_owned(),
        typed: typed.to_owned(),
        accepted,
        by: "alice".to_owned(),
        seen: Vec::new(),
    }
}

/// One thing the console records, in order.
enum Item {
    Entry(DateTime<Utc>, Entry),
    /// A run's output lines, 850 ms apart from the given time.
    Output(u64, DateTime<Utc>, Vec<(Stream, &'static str)>),
}

fn entry(at: DateTime<Utc>, entry: Entry) -> Item {
    Item::Entry(at, entry)
}

/// A session whose one step timed out: the record keeps the note's English words and its
/// message, for a reader in another language.
pub fn write_timed_out(dir: &Path) -> PathBuf {
    let started = Entry::StepStarted {
        run: 1,
        procedure: "imap-deep-self".to_owned(),
        step: "restart-back-end".to_owned(),
        title: "Restart the IMAP4 back-end service".to_owned(),
        server: "EX01".to_owned(),
        action: "restart_service".to_owned(),
        services: Vec::new(),
        command: None,
        by: "alice".to_owned(),
        compensating: false,
    };
    let said = healthdeck::i18n::Said::new("said-timed-out").text("secs", "300");
    let ended = Entry::StepEnded {
        run: 1,
        exit: "timed_out".to_owned(),
        code: None,
        duration_ms: 300_000,
        facts: BTreeMap::new(),
        note: Some(said.english()),
        said: Some(said),
    };
    let items = vec![
        entry(at(3, 12, 1, 0), started),
        entry(at(3, 17, 1, 0), ended),
    ];
    write_items(dir, RecordClock::Wall, items).path().to_owned()
}

/// Writes the session into `dir` on the wall clock (a real fleet); returns its path.
pub fn write_session(dir: &Path) -> PathBuf {
    let recorder = write_items(dir, RecordClock::Wall, session());
    recorder.path().to_owned()
}

/// The same session as a training console at ×10 records it: its fleet clock started at
/// `START`, the wall clock runs ten times slower.
pub fn write_training_session(dir: &Path) -> PathBuf {
    let recorder = write_items(dir, training_clock(), session());
    recorder.path().to_owned()
}

pub fn training_clock() -> RecordClock {
    let (h, m, s) = START;
    RecordClock::Training {
        fleet_start: at(h, m, s, 0),
        speed: SPEED,
    }
}

/// The session up to and with the escalation of `imap-latency` on EX02, as the console has
/// it when it writes the handover; the recorder is still open.
pub fn write_until_escalation(dir: &Path) -> Recorder {
    let mut items = session();
    let escalated = items
        .iter()
        .position(|i| matches!(i, Item::Entry(_, Entry::Escalated { .. })))
        .unwrap();
    items.truncate(escalated + 1);
    write_items(dir, RecordClock::Wall, items)
}

/// What the console knew to be owed on the fleet at the escalation (`Debt::describe`).
pub fn owed_at_escalation() -> Vec<String> {
    vec![
        "Re-enable database activation on EX02: owed since 2026-11-22 03:24 UTC by alice \
         (imap-latency/failover)"
            .to_owned(),
    ]
}

fn session() -> Vec<Item> {
    [
        alert_and_restart(),
        failover(),
        failback(),
        escalation::latency(),
        escalation::escalation(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn write_items(dir: &Path, clock: RecordClock, items: Vec<Item>) -> Recorder {
    let (h, m, s) = START;
    let mode = match clock {
        RecordClock::Wall => "PRODUCTION fleet.yaml",
        RecordClock::Training { .. } => "TRAINING x10 (mailbox-db-failover)",
    };
    let start = at(h, m, s, 0);
    let mut recorder = Recorder::create_with(dir, &header_in(4242, mode), start, clock).unwrap();
    for item in items {
        match item {
            Item::Entry(at, entry) => recorder.record(at, &entry).unwrap(),
            Item::Output(run, from, lines) => {
                let lines: Vec<OutputLine> = lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, (stream, text))| OutputLine {
                        at: from + TimeDelta::milliseconds(i as i64 * 850),
                        stream,
                        text: text.to_owned(),
                    })
                    .collect();
                recorder.output(RunId(run), &lines).unwrap();
            }
        }
    }
    recorder.flush().unwrap();
    recorder
}

fn alert_and_restart() -> Vec<Item> {
    let opened = Entry::RunbookOpened {
        procedure: PROCEDURE.to_owned(),
        title: "ImapDeepTestMonitor and ImapSelfTestMonitor recovery".to_owned(),
        monitor: "ImapDeepTestMonitor".to_owned(),
        server: "EX01".to_owned(),
    };
    let restart =
        "Invoke-Command -ComputerName EX01 -ScriptBlock { Restart-Service MSExchangeIMAP4BE }";
    let probe = r"Invoke-MonitoringProbe -Identity 'IMAP.Protocol\ImapDeepTestProbe' -Server EX01 | ConvertTo-Json";
    vec![
        entry(at(3, 12, 5, 210), transition("Healthy", "Degraded")),
        entry(at(3, 13, 5, 210), transition("Degraded", "Unhealthy")),
        entry(at(3, 14, 10, 0), opened),
        entry(
            at(3, 14, 28, 400),
            confirmation("restart-back-end", "ex01", true),
        ),
        entry(
            at(3, 14, 28, 450),
            started(
                1,
                "restart-back-end",
                "Restart the IMAP4 back-end service",
                restart,
                false,
            ),
        ),
        Item::Output(
            1,
            at(3, 14, 29, 0),
            vec![
                (
                    Stream::Stdout,
                    "WARNING: Waiting for service 'Microsoft Exchange IMAP4 Backend (MSExchangeIMAP4BE)' to stop...",
                ),
                (
                    Stream::Stderr,
                    "WARNING: Waiting for service 'Microsoft Exchange IMAP4 Backend (MSExchangeIMAP4BE)' to start...",
                ),
                (
                    Stream::Stdout,
                    "Running  MSExchangeIMAP4BE  Microsoft Exchange IMAP4 Backend",
                ),
            ],
        ),
        entry(at(3, 14, 34, 700), ended(1, 6_250, &[])),
        entry(
            at(3, 14, 40, 0),
            started(2, "rerun-after-service", "Re-run the probe", probe, false),
        ),
        Item::Output(
            2,
            at(3, 14, 52, 0),
            vec![(
                Stream::Stdout,
                r#"{ "ResultType": "Failed", "Error": "NO AUTHENTICATE failed: the mailbox database is not mounted" }"#,
            )],
        ),
        entry(
            at(3, 14, 52, 300),
            ended(2, 12_300, &[("probe_succeeded", false)]),
        ),
    ]
}

fn failover() -> Vec<Item> {
    let failover =
        "Set-MailboxServer -Identity EX01 -DatabaseCopyActivationDisabledAndMoveNow $true";
    let copies = "Get-MailboxDatabaseCopyStatus -Server EX01 | ConvertTo-Json";
    let skipped = Entry::StepSkipped {
        procedure: PROCEDURE.to_owned(),
        step: "restart-server".to_owned(),
        server: "EX01".to_owned(),
        reason: "the probe succeeds again (stop_if: probe_succeeded)".to_owned(),
        command: Some("Restart-Computer -ComputerName EX01 -Force".to_owned()),
    };
    vec![
        entry(at(3, 15, 20, 0), confirmation("failover", "EX02", false)),
        entry(at(3, 15, 31, 0), confirmation("failover", "ex01", true)),
        entry(
            at(3, 15, 31, 40),
            started(
                3,
                "failover",
                "Move the active databases off this server",
                failover,
                false,
            ),
        ),
        entry(at(3, 15, 31, 40), owed(PROCEDURE, "EX01", 3, false)),
        entry(at(3, 16, 12, 900), ended(3, 41_860, &[])),
        entry(at(3, 16, 12, 900), owed(PROCEDURE, "EX01", 3, true)),
        entry(
            at(3, 16, 20, 0),
            started(
                4,
                "check-copies",
                "Check that no active copy remains",
                copies,
                false,
            ),
        ),
        Item::Output(
            4,
            at(3, 16, 23, 0),
            vec![
                (
                    Stream::Stdout,
                    r#"[ { "Name": "DB01\\EX01", "Status": "Healthy" },"#,
                ),
                (
                    Stream::Stdout,
                    r#"  { "Name": "DB02\\EX01", "Status": "Healthy" } ]"#,
                ),
            ],
        ),
        entry(
            at(3, 16, 24, 100),
            ended(4, 4_100, &[("no_active_copies", true)]),
        ),
        entry(at(3, 17, 2, 0), skipped),
        entry(at(3, 17, 2, 10), transition("Unhealthy", "Healthy")),
    ]
}

fn failback() -> Vec<Item> {
    let owed = vec!["reenable-activation".to_owned()];
    let offered = Entry::CompensationsOffered {
        procedure: PROCEDURE.to_owned(),
        owed: owed.clone(),
    };
    let decided = Entry::CompensationsDecided {
        procedure: PROCEDURE.to_owned(),
        run: true,
        owed,
        by: "alice".to_owned(),
    };
    let cleared = Entry::OwedCleared {
        id: "ops-bastion-4242-3-reenable-activation".to_owned(),
        server: "EX01".to_owned(),
        procedure: PROCEDURE.to_owned(),
        step: "reenable-activation".to_owned(),
        how: "ran".to_owned(),
        reason: None,
        by: "alice".to_owned(),
    };
    let closed = Entry::RunbookClosed {
        procedure: PROCEDURE.to_owned(),
        ending: "resolved".to_owned(),
        owed: Vec::new(),
    };
    vec![
        entry(at(3, 17, 2, 20), offered),
        entry(at(3, 17, 40, 0), decided),
        entry(
            at(3, 17, 40, 30),
            started(
                5,
                "reenable-activation",
                "Re-enable database activation",
                &failback_command("EX01"),
                true,
            ),
        ),
        entry(at(3, 17, 43, 530), ended(5, 3_500, &[])),
        entry(at(3, 17, 43, 530), cleared),
        entry(at(3, 17, 45, 0), closed),
    ]
}

pub fn lines_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

pub fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `healthdeck incident export ARGS`, with its own state directory when given.
pub fn export(args: &[&str], state: Option<&Path>) -> (i32, String, String) {
    export_in(args, state, None)
}

/// [`export`] under a locale (`LANG`), when given.
pub fn export_in(args: &[&str], state: Option<&Path>, lang: Option<&str>) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_healthdeck"));
    command
        .args(["incident", "export"])
        .args(args)
        .env_remove("HEALTHDECK_INVENTORY")
        // The Markdown speaks the locale's language: these goldens are English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    if let Some(state) = state {
        command.env("XDG_STATE_HOME", state);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

pub fn output_line(at: DateTime<Utc>, stream: Stream, text: &str) -> OutputLine {
    OutputLine {
        at,
        stream,
        text: text.to_owned(),
    }
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/incident")
        .join(name)
}

/// Compares with a golden file of `tests/fixtures/incident`; `UPDATE_GOLDEN=1` rewrites it.
pub fn assert_golden(name: &str, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden(name).parent().unwrap()).unwrap();
        std::fs::write(golden(name), actual).unwrap();
    }
    let expected = std::fs::read_to_string(golden(name)).unwrap();
    assert_eq!(actual, expected, "UPDATE_GOLDEN=1 rewrites {name}");
}
