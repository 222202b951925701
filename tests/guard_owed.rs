//! The shared ledger of owed compensations against the real file system, as several consoles
//! sharing one state directory see it: debts owed, replaced, settled; consoles racing on one
//! server; files that cannot be read are never taken as "nothing owed".
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use healthdeck::exec::guardrails::owed::{self, ledger_file};
use healthdeck::runbook::{Debt, Ledger};
use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Barrier;

/// Activation blocked on `server` by a failover, owed by alice.
fn debt(id: &str, server: &str) -> Debt {
    Debt {
        id: id.to_owned(),
        server: server.to_owned(),
        procedure: "imap-ctp".to_owned(),
        step: "reenable-activation".to_owned(),
        title: "Re-enable database activation".to_owned(),
        action: "reenable_activation".to_owned(),
        monitor: "ImapCTPMonitor".to_owned(),
        command: Some(format!(
            "Set-MailboxServer {server} -DatabaseCopyActivationDisabledAndMoveNow $false"
        )),
        caused_by: "failover".to_owned(),
        caused_by_title: "Fail the databases over".to_owned(),
        by: "alice".to_owned(),
        console: "ops-1 4242".to_owned(),
        since: Utc.with_ymd_and_hms(2025, 1, 14, 3, 0, 0).unwrap(),
        certain: false,
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn ids(dir: &Path) -> BTreeSet<String> {
    let ledger = owed::read(dir);
    assert_eq!(ledger.unreadable, Vec::<String>::new());
    ledger.debts.into_iter().map(|d| d.id).collect()
}

/// The names in `<dir>/owed`: no temporary file or short lock stays behind.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("owed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_debt_is_owed_then_made_certain_then_settled() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(owed::read(dir.path()), Ledger::default(), "no ledger yet");

    let uncertain = debt("s1-r3-failover", "mbx-02");
    owed::owe(dir.path(), &uncertain).unwrap();
    let mut certain = uncertain.clone();
    certain.certain = true;
    owed::owe(dir.path(), &certain).unwrap();
    owed::owe(dir.path(), &debt("s2-r1-failover", "mbx-03")).unwrap();

    let ledger = owed::read(dir.path());
    assert_eq!(ledger.debts.len(), 2, "replaced, not added: {ledger:#?}");
    assert_eq!(ledger.debts[0], certain, "servers in name order");
    assert_eq!(ledger.debts[1].server, "mbx-03");
    assert_eq!(files(dir.path()), ["mbx-02.json", "mbx-03.json"]);
    assert_eq!(mode(&dir.path().join("owed")), 0o700);
    assert_eq!(mode(&ledger_file(dir.path(), "mbx-02")), 0o600);

    let paid = owed::settle(dir.path(), "mbx-02", "s1-r3-failover").unwrap();
    assert_eq!(paid, Some(certain));
    assert_eq!(
        ids(dir.path()),
        BTreeSet::from(["s2-r1-failover".to_owned()])
    );
    assert!(
        !ledger_file(dir.path(), "mbx-02").exists(),
        "the last debt settled removes the file"
    );
    assert_eq!(files(dir.path()), ["mbx-03.json"]);
}

#[test]
fn settling_an_unknown_debt_is_harmless() {
    let dir = tempfile::tempdir().unwrap();
    owed::owe(dir.path(), &debt("s1-r3-failover", "mbx-02")).unwrap();
    let before = fs::read(ledger_file(dir.path(), "mbx-02")).unwrap();
    assert_eq!(
        owed::settle(dir.path(), "mbx-02", "no-such-id").unwrap(),
        None
    );
    assert_eq!(
        owed::settle(dir.path(), "mbx-09", "s1-r3-failover").unwrap(),
        None
    );
    assert_eq!(fs::read(ledger_file(dir.path(), "mbx-02")).unwrap(), before);
    assert!(
        !ledger_file(dir.path(), "mbx-09").exists(),
        "nothing created"
    );
    assert_eq!(ids(dir.path()).len(), 1);
}

#[test]
fn consoles_owing_and_settling_at_once_on_one_server_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (consoles, each) = (4, 15);
    let barrier = Barrier::new(consoles);
    std::thread::scope(|s| {
        for console in 0..consoles {
            let (dir, barrier) = (dir.path(), &barrier);
            s.spawn(move || {
                barrier.wait();
                for n in 0..each {
                    owed::owe(dir, &debt(&format!("c{console}-{n}"), "mbx-02")).unwrap();
                    // Every console pays its odd debts as it goes.
                    if n % 2 == 1 {
                        let id = format!("c{console}-{n}");
                        assert!(owed::settle(dir, "mbx-02", &id).unwrap().is_some(), "{id}");
                    }
                }
            });
        }
    });
    let expected: BTreeSet<String> = (0..consoles)
        .flat_map(|c| {
            (0..each)
                .filter(|n| n % 2 == 0)
                .map(move |n| format!("c{c}-{n}"))
        })
        .collect();
    assert_eq!(ids(dir.path()), expected);
    assert_eq!(files(dir.path()), ["mbx-02.json"]);
}

#[test]
fn a_garbled_ledger_is_listed_unreadable_never_as_nothing_owed() {
    let dir = tempfile::tempdir().unwrap();
    owed::owe(dir.path(), &debt("s1-r3-failover", "mbx-03")).unwrap();
    let garbled = ledger_file(dir.path(), "mbx-02");
    fs::write(&garbled, "{\"debts\": [{\"id\": \"s0-r1").unwrap();

    let ledger = owed::read(dir.path());
    assert_eq!(ledger.debts.len(), 1, "the other server still reads");
    let [why] = ledger.unreadable.as_slice() else {
        panic!("one unreadable file: {ledger:#?}");
    };
    assert!(
        why.starts_with(&format!("{}: cannot parse: ", garbled.display())),
        "{why}"
    );

    // Neither owing nor settling replaces it: its debts would be lost.
    let refused = owed::owe(dir.path(), &debt("s1-r4-failover", "mbx-02")).unwrap_err();
    assert!(refused.to_string().contains("cannot parse"), "{refused}");
    assert!(owed::settle(dir.path(), "mbx-02", "s0-r1").is_err());
    assert_eq!(
        fs::read_to_string(&garbled).unwrap(),
        "{\"debts\": [{\"id\": \"s0-r1"
    );
}

/// A ledger that never ends (a planted link to /dev/zero in a shared state directory) is
/// unreadable after a bounded read, not a read until memory runs out.
#[test]
fn an_endless_ledger_is_unreadable_after_a_bounded_read() {
    let dir = tempfile::tempdir().unwrap();
    owed::owe(dir.path(), &debt("s1-r3-failover", "mbx-03")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", ledger_file(dir.path(), "mbx-02")).unwrap();

    let ledger = owed::read(dir.path());
    assert_eq!(ledger.debts.len(), 1, "the other server still reads");
    let [why] = ledger.unreadable.as_slice() else {
        panic!("one unreadable file: {ledger:#?}");
    };
    assert!(why.contains("larger than 16 MiB"), "{why}");
}

#[test]
fn a_ledger_that_is_not_a_directory_is_unreadable_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("owed"), "not a directory").unwrap();
    let ledger = owed::read(dir.path());
    assert!(ledger.debts.is_empty());
    let [why] = ledger.unreadable.as_slice() else {
        panic!("{ledger:#?}");
    };
    assert!(why.contains("owed: cannot list: "), "{why}");
}

#[test]
fn server_names_that_could_leave_the_directory_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let error = owed::owe(dir.path(), &debt("s1", "../mbx-02")).unwrap_err();
    assert!(error.to_string().contains("../mbx-02"), "{error}");
    assert!(owed::settle(dir.path(), ".hidden", "s1").is_err());
    assert!(!dir.path().join("owed").exists(), "nothing created");
}

#[test]
fn a_debt_written_without_the_console_field_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut json = serde_json::to_value(debt("s1-r3-failover", "mbx-02")).unwrap();
    json.as_object_mut().unwrap().remove("console");
    fs::create_dir_all(dir.path().join("owed")).unwrap();
    let file = serde_json::json!({ "debts": [json], "written_by": "a later version" });
    fs::write(ledger_file(dir.path(), "mbx-02"), file.to_string()).unwrap();
    let ledger = owed::read(dir.path());
    assert_eq!(ledger.unreadable, Vec::<String>::new());
    assert_eq!(ledger.debts[0].console, "");
}
