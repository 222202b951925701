//! Locks tolerate clocks (ARCHITECTURE "Locks and clocks"): a heartbeat a little ahead of
//! this host's clock is normal skew; one far ahead is suspect and offered for breaking like
//! a stale lock, with the reason in words. Real files in a temporary state directory.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::exec::guardrails::{CLOCK_SKEW, Holder, Refusal, Staleness, acquire, break_stale};
use std::fs;
use std::path::Path;
use std::time::Duration;

fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 14, h, m, s).unwrap()
}

/// Another host's console holding `server`, its last heartbeat at `heartbeat`.
fn write_lock(dir: &Path, server: &str, heartbeat: DateTime<Utc>) -> Holder {
    let mut holder = Holder::me("failover_databases", heartbeat);
    "bob".clone_into(&mut holder.owner);
    "ops-elsewhere".clone_into(&mut holder.host);
    holder.pid = 4242;
    fs::create_dir_all(dir.join("locks")).unwrap();
    let file = dir.join("locks").join(format!("{server}.lock"));
    fs::write(file, serde_json::to_vec(&holder).unwrap()).unwrap();
    holder
}

fn refused(dir: &Path, now: DateTime<Utc>) -> (Holder, Option<Staleness>, String) {
    match acquire(dir, "mbx-02", Holder::me("restart_server", now), now) {
        Err(refusal @ Refusal::Held { .. }) => {
            let text = refusal.to_string();
            let Refusal::Held { holder, stale } = refusal else {
                unreachable!()
            };
            (*holder, stale, text)
        }
        Err(Refusal::Io(message)) => panic!("expected Held, got Io: {message}"),
        Ok(_) => panic!("a held lock was granted"),
    }
}

#[test]
fn a_heartbeat_within_the_skew_is_a_live_holder() {
    let dir = tempfile::tempdir().unwrap();
    let now = at(3, 0, 0);
    write_lock(dir.path(), "mbx-02", now + CLOCK_SKEW);
    let (_, stale, text) = refused(dir.path(), now);
    assert_eq!(stale, None, "{text}");
}

#[test]
fn a_heartbeat_far_in_the_future_is_suspect_and_can_be_broken() {
    let dir = tempfile::tempdir().unwrap();
    let now = at(3, 0, 0);
    let written = write_lock(dir.path(), "mbx-02", now + TimeDelta::minutes(47));
    let (holder, stale, text) = refused(dir.path(), now);
    assert_eq!(holder, written);
    let why = Staleness::FutureHeartbeat(Duration::from_secs(47 * 60));
    assert_eq!(stale, Some(why));
    assert!(
        why.said()
            .english()
            .starts_with("its heartbeat cannot be trusted: "),
        "{why}"
    );
    assert!(
        text.ends_with(
            "; its heartbeat cannot be trusted: its last heartbeat is 47 min 0 s ahead of \
             this host's clock, more than the 30 s two clocks may differ: one of them is \
             wrong, so nobody can tell whether its holder still runs"
        ),
        "{text}"
    );

    // Offered like a stale lock: breaking the lock it was shown takes it.
    let me = Holder::me("restart_server", now);
    let taken = break_stale(dir.path(), "mbx-02", &holder, me, now).unwrap();
    assert_eq!(taken.holder().heartbeat, now);
    assert_eq!(taken.holder().action, "restart_server");
}

#[test]
fn just_past_the_skew_is_suspect_and_a_lock_rewritten_meanwhile_is_not_broken() {
    let dir = tempfile::tempdir().unwrap();
    let now = at(3, 0, 0);
    let ahead = CLOCK_SKEW + TimeDelta::seconds(1);
    let shown = write_lock(dir.path(), "mbx-02", now + ahead);
    let (_, stale, _) = refused(dir.path(), now);
    assert_eq!(
        stale,
        Some(Staleness::FutureHeartbeat(Duration::from_secs(31)))
    );
    // The holder's clock was fixed and it beat again, honestly: the offer is void.
    write_lock(dir.path(), "mbx-02", now);
    let me = Holder::me("restart_server", now);
    let Err(Refusal::Held { stale, .. }) = break_stale(dir.path(), "mbx-02", &shown, me, now)
    else {
        panic!("a lock that changed hands was broken");
    };
    assert_eq!(stale, None);
}
