//! The console's ledger task on a real state directory: what one console owes reaches its own
//! `update` at once and another console's within a poll; a write that fails is kept, shown
//! and retried; closing finishes what is pending. Waits poll with a deadline, never a sleep.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use healthdeck::event::Event;
use healthdeck::exec::guardrails::owed::{self, ledger_file};
use healthdeck::runbook::{Debt, Ledger};
use healthdeck::runtime::ledger::{self, LedgerHandle};
use std::fs;
use std::path::Path;
use std::time::Duration;
use tokio::sync::mpsc;

/// Far beyond a poll (2 s), even on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(30);

fn debt(id: &str, server: &str) -> Debt {
    Debt {
        id: id.to_owned(),
        server: server.to_owned(),
        procedure: "imap-ctp".to_owned(),
        step: "reenable-activation".to_owned(),
        title: "Re-enable database activation".to_owned(),
        action: "reenable_activation".to_owned(),
        monitor: "ImapCTPMonitor".to_owned(),
        command: Some("Set-MailboxServer mbx-02 …".to_owned()),
        caused_by: "failover".to_owned(),
        caused_by_title: "Fail the databases over".to_owned(),
        by: "alice".to_owned(),
        console: "ops-1 4242".to_owned(),
        since: Utc.with_ymd_and_hms(2025, 1, 14, 3, 0, 0).unwrap(),
        certain: true,
    }
}

/// A console's ledger task on `dir`, spawned; its handle and its events.
fn console(dir: &Path) -> (LedgerHandle, mpsc::Receiver<Event>) {
    let (tx, rx) = mpsc::channel(64);
    let (handle, keeper) = ledger::start(dir.to_path_buf(), ledger::POLL, tx);
    tokio::spawn(keeper);
    (handle, rx)
}

/// The ledgers `rx` is told, until one satisfies `wanted`.
async fn until(rx: &mut mpsc::Receiver<Event>, wanted: impl Fn(&Ledger) -> bool) -> Ledger {
    let waited = tokio::time::timeout(DEADLINE, async {
        loop {
            match rx.recv().await {
                Some(Event::Ledger(ledger)) if wanted(&ledger) => return ledger,
                Some(Event::Ledger(_)) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    });
    waited.await.expect("the ledger never showed it")
}

fn ids(ledger: &Ledger) -> Vec<&str> {
    ledger.debts.iter().map(|d| d.id.as_str()).collect()
}

#[tokio::test]
async fn a_debt_owed_by_one_console_reaches_another_within_its_poll() {
    let dir = tempfile::tempdir().unwrap();
    let (alice, mut alice_sees) = console(dir.path());
    let (_bob, mut bob_sees) = console(dir.path());
    let start = until(&mut alice_sees, |_| true).await;
    assert_eq!(start, Ledger::default(), "told once at start");
    until(&mut bob_sees, |_| true).await;

    alice.owe(debt("s1-r3-failover", "mbx-02"));
    let told = until(&mut alice_sees, |_| true).await;
    assert_eq!(ids(&told), ["s1-r3-failover"], "told right after the write");
    let seen = until(&mut bob_sees, |l| !l.debts.is_empty()).await;
    assert_eq!(seen.debts, told.debts);

    alice.settle("mbx-02".to_owned(), "s1-r3-failover".to_owned());
    assert!(until(&mut alice_sees, |_| true).await.debts.is_empty());
    until(&mut bob_sees, |l| l.debts.is_empty()).await;
    assert!(alice.close().await.is_empty());
}

#[tokio::test]
async fn a_write_that_fails_is_shown_kept_and_retried_and_other_servers_go_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("owed")).unwrap();
    let garbled = ledger_file(dir.path(), "mbx-02");
    fs::write(&garbled, "{\"debts\": [").unwrap();
    let (console, mut told) = console(dir.path());
    until(&mut told, |_| true).await;

    console.owe(debt("s1-r3-failover", "mbx-02"));
    console.owe(debt("s1-r5-logging", "mbx-03"));
    let ledger = until(&mut told, |l| !l.debts.is_empty()).await;
    assert_eq!(ids(&ledger), ["s1-r5-logging"], "mbx-03 is not held up");
    let file = garbled.display().to_string();
    assert!(
        ledger
            .unreadable
            .iter()
            .any(|l| l.starts_with(&format!("{file}: cannot parse: "))),
        "{ledger:#?}"
    );
    let not_written = format!("{file}: not written: 1 change waiting, retried every few seconds: ");
    assert!(
        ledger
            .unreadable
            .iter()
            .any(|l| l.starts_with(&not_written)),
        "{ledger:#?}"
    );

    // Someone repairs the file (here: moves it aside); the next poll writes the debt.
    fs::rename(&garbled, dir.path().join("mbx-02.json.bad")).unwrap();
    let ledger = until(&mut told, |l| l.debts.len() == 2).await;
    assert_eq!(ledger.unreadable, Vec::<String>::new());
    assert!(console.close().await.is_empty());
}

#[tokio::test]
async fn closing_finishes_every_pending_write_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (console, _told) = console(dir.path());
    let mut uncertain = debt("s1-r3-failover", "mbx-02");
    uncertain.certain = false;
    console.owe(uncertain);
    console.owe(debt("s1-r3-failover", "mbx-02"));
    console.owe(debt("s1-r5-logging", "mbx-02"));
    console.settle("mbx-02".to_owned(), "s1-r5-logging".to_owned());
    for n in 0..20 {
        console.owe(debt(&format!("s1-r{n}-other"), "mbx-03"));
    }
    assert_eq!(console.close().await, Vec::<String>::new());
    let ledger = owed::read(dir.path());
    assert_eq!(ledger.debts.len(), 21, "{ledger:#?}");
    assert_eq!(ledger.debts[0].id, "s1-r3-failover");
    assert!(ledger.debts[0].certain, "replaced in the order given");
}

#[tokio::test]
async fn closing_says_what_could_not_be_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("owed")).unwrap();
    fs::write(ledger_file(dir.path(), "mbx-02"), "garbled").unwrap();
    let (console, _told) = console(dir.path());
    console.owe(debt("s1-r3-failover", "mbx-02"));
    let failures = console.close().await;
    let [failure] = failures.as_slice() else {
        panic!("{failures:?}");
    };
    assert!(
        failure.contains("mbx-02.json: not written: 1 change waiting"),
        "{failure}"
    );
}
