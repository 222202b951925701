//! Server locks and restart budgets against the real file system, as several consoles sharing
//! one state directory see them. Times are passed in; a lock's age is its heartbeat.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::exec::guardrails::{
    Denied, Exhausted, Holder, Limits, Refusal, Remaining, Spender, Staleness, acquire,
    break_stale, remaining, spend, spend_as,
};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Barrier;
use std::time::Duration;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 14, h, m, 0).unwrap()
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn me(now: DateTime<Utc>) -> Holder {
    Holder::me("failover_databases", now)
}

fn lock_file(dir: &Path, server: &str) -> PathBuf {
    dir.join("locks").join(format!("{server}.lock"))
}

/// Another console's lock, written as it would write it.
fn write_lock(dir: &Path, server: &str, holder: &Holder) {
    fs::create_dir_all(dir.join("locks")).unwrap();
    fs::write(lock_file(dir, server), serde_json::to_vec(holder).unwrap()).unwrap();
}

fn held(refusal: Refusal) -> (Holder, Option<Staleness>) {
    match refusal {
        Refusal::Held { holder, stale } => (*holder, stale),
        Refusal::Io(message) => panic!("expected Held, got Io: {message}"),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_second_console_is_refused_with_the_first_holder_until_it_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let first = acquire(dir.path(), "mbx-02", me(at(3, 0)), at(3, 0)).unwrap();
    let mut bob = Holder::me("restart_server", at(3, 1));
    bob.owner = "bob".to_owned();
    let (holder, stale) = held(acquire(dir.path(), "mbx-02", bob.clone(), at(3, 1)).unwrap_err());
    assert_eq!(&holder, first.holder());
    assert_eq!(holder.action, "failover_databases");
    assert_eq!(holder.pid, std::process::id());
    assert_eq!((holder.since, holder.heartbeat), (at(3, 0), at(3, 0)));
    assert_eq!(stale, None);
    assert_eq!(mode(&dir.path().join("locks")), 0o700);
    assert_eq!(mode(&lock_file(dir.path(), "mbx-02")), 0o600);

    let other_server = acquire(dir.path(), "mbx-03", bob.clone(), at(3, 1)).unwrap();
    drop(first);
    assert!(!lock_file(dir.path(), "mbx-02").exists());
    let second = acquire(dir.path(), "mbx-02", bob, at(3, 2)).unwrap();
    assert_eq!(second.holder().owner, "bob");
    second.release();
    drop(other_server);
    assert!(!lock_file(dir.path(), "mbx-02").exists());
}

#[test]
fn racing_consoles_never_both_win() {
    let dir = tempfile::tempdir().unwrap();
    let consoles = 4;
    for round in 0..50 {
        let barrier = Barrier::new(consoles);
        let results: Vec<_> = std::thread::scope(|s| {
            let racers: Vec<_> = (0..consoles)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        acquire(dir.path(), "mbx-02", me(at(3, 0)), at(3, 0))
                    })
                })
                .collect();
            racers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        let (won, lost): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
        assert_eq!(won.len(), 1, "round {round}: exactly one console wins");
        let winner = won.into_iter().next().unwrap().unwrap();
        for refusal in lost {
            let (holder, stale) = held(refusal.unwrap_err());
            assert_eq!(&holder, winner.holder(), "round {round}");
            assert_eq!(stale, None);
        }
    }
    let left: Vec<_> = fs::read_dir(dir.path().join("locks")).unwrap().collect();
    assert!(left.is_empty(), "no lock or temporary file stays behind");
}

/// A lock left on this host by a process that has exited and been reaped.
fn crashed_here(dir: &Path) -> Holder {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    let mut crashed = me(at(3, 0));
    crashed.pid = child.id();
    write_lock(dir, "mbx-02", &crashed);
    crashed
}

#[test]
fn a_lock_whose_process_is_gone_is_stale_and_broken_only_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let first = crashed_here(dir.path());
    let now = at(3, 1);
    let (seen, stale) = held(acquire(dir.path(), "mbx-02", me(now), now).unwrap_err());
    assert_eq!(
        (&seen, stale),
        (&first, Some(Staleness::DeadPid)),
        "1 min old"
    );

    // Meanwhile it changed hands: same fields, a new claim. The user saw the old one.
    let second = crashed_here(dir.path());
    let (holder, _) = held(break_stale(dir.path(), "mbx-02", &seen, me(now), now).unwrap_err());
    assert_eq!(holder.token(), second.token());

    let (seen, _) = held(acquire(dir.path(), "mbx-02", me(now), now).unwrap_err());
    let broken = break_stale(dir.path(), "mbx-02", &seen, me(now), now).unwrap();
    assert_eq!(broken.holder().pid, std::process::id());
    let (holder, stale) = held(break_stale(dir.path(), "mbx-02", &seen, me(now), now).unwrap_err());
    assert_eq!(
        (&holder, stale),
        (broken.holder(), None),
        "breaking twice finds the new holder"
    );
}

#[test]
fn a_silent_holder_goes_stale_after_two_minutes_and_a_heartbeat_keeps_it_alive() {
    let dir = tempfile::tempdir().unwrap();
    let mut far = me(at(3, 0));
    far.host = "ops-far".to_owned();
    far.pid = 1;
    write_lock(dir.path(), "mbx-02", &far);
    let (_, stale) = held(acquire(dir.path(), "mbx-02", me(at(3, 1)), at(3, 1)).unwrap_err());
    assert_eq!(stale, None, "1 min old");
    let (seen, stale) = held(acquire(dir.path(), "mbx-02", me(at(3, 3)), at(3, 3)).unwrap_err());
    let three_minutes = Staleness::OldHeartbeat(Duration::from_secs(180));
    assert_eq!(stale, Some(three_minutes));
    assert!(break_stale(dir.path(), "mbx-02", &seen, me(at(3, 3)), at(3, 3)).is_ok());

    let mut guard = acquire(dir.path(), "mbx-03", me(at(4, 0)), at(4, 0)).unwrap();
    let later = at(4, 0) + minutes(3);
    let (_, stale) = held(acquire(dir.path(), "mbx-03", me(later), later).unwrap_err());
    assert!(matches!(stale, Some(Staleness::OldHeartbeat(_))));
    guard.heartbeat(later).unwrap();
    assert_eq!(guard.holder().heartbeat, later);
    assert_eq!(guard.holder().since, at(4, 0));
    let (holder, stale) = held(acquire(dir.path(), "mbx-03", me(later), later).unwrap_err());
    assert_eq!((holder.heartbeat, stale), (later, None));
    let renamed = lock_file(dir.path(), "mbx-03");
    assert_eq!(mode(&renamed), 0o600, "after the rename too");
}

#[test]
fn a_guard_never_removes_a_lock_that_is_no_longer_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut guard = acquire(dir.path(), "mbx-02", me(at(3, 0)), at(3, 0)).unwrap();
    // Someone broke it (say this console was suspended) and took it.
    let mut bob = me(at(3, 5));
    bob.owner = "bob".to_owned();
    write_lock(dir.path(), "mbx-02", &bob);

    let error = guard.heartbeat(at(3, 6)).unwrap_err();
    assert!(error.to_string().contains("held by bob"), "{error}");
    drop(guard);
    let (holder, _) = held(acquire(dir.path(), "mbx-02", me(at(3, 6)), at(3, 6)).unwrap_err());
    assert_eq!(holder, bob);
}

#[test]
fn an_unreadable_lock_is_held_by_unknown_then_stale_by_its_age() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("locks")).unwrap();
    let path = lock_file(dir.path(), "mbx-02");
    fs::write(&path, "{\"owner\": \"al").unwrap();
    let written = DateTime::<Utc>::from(fs::metadata(&path).unwrap().modified().unwrap());

    let soon = written + minutes(1);
    let (seen, stale) = held(acquire(dir.path(), "mbx-02", me(soon), soon).unwrap_err());
    assert_eq!((seen.owner.as_str(), stale), ("unknown", None));
    assert!(break_stale(dir.path(), "mbx-02", &seen, me(soon), soon).is_err());

    let late = written + minutes(3);
    let (seen, stale) = held(acquire(dir.path(), "mbx-02", me(late), late).unwrap_err());
    assert_eq!(stale, Some(Staleness::Unreadable));
    let broken = break_stale(dir.path(), "mbx-02", &seen, me(late), late).unwrap();
    assert_eq!(broken.holder().pid, std::process::id());
}

fn budget_file(dir: &Path, server: &str) -> PathBuf {
    dir.join("budgets").join(format!("{server}.jsonl"))
}

/// alice restarts dovecot on mbx-02 at `now`, under the default limits.
fn restart(dir: &Path, now: DateTime<Utc>) -> Result<Remaining, Denied> {
    let limits = Limits::default();
    spend(dir, "mbx-02", "dovecot", "alice@ops-1", limits, now)
}

fn exhausted(denied: Denied) -> Exhausted {
    match denied {
        Denied::Exhausted(exhausted) => exhausted,
        Denied::Io(message) => panic!("expected Exhausted, got Io: {message}"),
    }
}

#[test]
fn one_restart_an_hour_and_four_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let first = restart(dir.path(), at(2, 41)).unwrap();
    let next = Some(at(3, 41));
    assert_eq!((first.hour, first.day, first.next_at), (0, 3, next));

    let refused = exhausted(restart(dir.path(), at(3, 0)).unwrap_err());
    assert_eq!((refused.used_hour, refused.used_day), (1, 1));
    assert_eq!(refused.next_at, Some(at(3, 41)));
    assert_eq!(
        refused.to_string(),
        "dovecot on mbx-02 was restarted 1 time in the last hour (limit 1 per hour): the next \
         restart is allowed at 03:41 UTC (in 41 min)"
    );

    for hour in [3, 4, 5] {
        restart(dir.path(), at(hour, 41)).unwrap();
    }
    let fifth = exhausted(restart(dir.path(), at(7, 0)).unwrap_err());
    assert_eq!((fifth.used_hour, fifth.used_day), (0, 4));
    assert_eq!(fifth.next_at, Some(at(2, 41) + TimeDelta::days(1)));
    let message = fifth.to_string();
    assert!(
        message.contains("4 times in the last 24 hours (limit 4 per day)"),
        "{message}"
    );

    // Another console (the state is on disk) sees the same, and so does a later day.
    let seen = remaining(dir.path(), "mbx-02", "dovecot", Limits::default(), at(7, 0)).unwrap();
    assert_eq!((seen.hour, seen.day, seen.next_at), (1, 0, fifth.next_at));
    let next_day = at(2, 41) + TimeDelta::days(1);
    assert!(restart(dir.path(), next_day).is_ok());
}

#[test]
fn garbled_and_torn_lines_are_skipped_and_never_swallow_the_next() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("budgets")).unwrap();
    let path = budget_file(dir.path(), "mbx-02");
    let line = |at: &str| format!("{{\"at\":\"{at}\",\"service\":\"dovecot\",\"by\":\"alice\"}}\n");
    let mut text = line("2025-01-14T00:10:00Z");
    text.push_str("{\"at\":\"2025-01-14T00:2\u{fffd}\n");
    text.push_str(&line("2025-01-14T00:30:00Z"));
    text.push_str("{\"at\":\"2025-01-14T01:");
    fs::write(&path, text).unwrap();

    let left = remaining(dir.path(), "mbx-02", "dovecot", Limits::default(), at(3, 0)).unwrap();
    assert_eq!((left.hour, left.day), (1, 2));
    restart(dir.path(), at(3, 0)).unwrap();
    let left = remaining(dir.path(), "mbx-02", "dovecot", Limits::default(), at(3, 1)).unwrap();
    assert_eq!((left.hour, left.day), (0, 1), "the new line counts");
}

#[test]
fn racing_spends_never_overspend() {
    let dir = tempfile::tempdir().unwrap();
    let barrier = Barrier::new(4);
    let granted = std::thread::scope(|s| {
        let racers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    restart(dir.path(), at(3, 0)).is_ok()
                })
            })
            .collect();
        racers
            .into_iter()
            .filter_map(|r| r.join().unwrap().then_some(()))
            .count()
    });
    assert_eq!(granted, 1);
    let text = fs::read_to_string(budget_file(dir.path(), "mbx-02")).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
}

/// `by` restarts dovecot on mbx-02 at `now` in `walk`, with an over-budget reason if given.
fn restart_in(
    dir: &Path,
    (by, walk, over_budget): (&str, &str, Option<&str>),
    now: DateTime<Utc>,
) -> Result<Remaining, Denied> {
    let spender = Spender {
        by,
        walk: Some(walk),
        over_budget,
    };
    spend_as(dir, "mbx-02", "dovecot", spender, Limits::default(), now)
}

fn left(dir: &Path, now: DateTime<Utc>) -> (u32, u32) {
    let left = remaining(dir, "mbx-02", "dovecot", Limits::default(), now).unwrap();
    (left.hour, left.day)
}

#[test]
fn a_walks_three_restarts_of_one_service_spend_once_and_are_never_refused() {
    let dir = tempfile::tempdir().unwrap();
    // IMAP CTP: restart, restart with logging on, restart with logging off.
    for minute in [0, 10, 20] {
        let after = restart_in(dir.path(), ("alice@ops-1", "walk-a", None), at(3, minute));
        let after = after.unwrap_or_else(|e| panic!("03:{minute:02} refused: {e}"));
        assert_eq!((after.hour, after.day), (0, 3), "03:{minute:02}");
    }
    assert_eq!(
        left(dir.path(), at(3, 25)),
        (0, 3),
        "any console counts it once"
    );

    // Another walk, or a restart outside any walk, is refused until an hour after the
    // walk's last restart.
    let other =
        exhausted(restart_in(dir.path(), ("bob@ops-2", "walk-b", None), at(3, 30)).unwrap_err());
    assert_eq!((other.used_hour, other.used_day), (1, 1));
    assert_eq!(other.next_at, Some(at(4, 20)));
    assert!(restart(dir.path(), at(4, 19)).is_err());
    assert!(restart(dir.path(), at(4, 20)).is_ok());

    let text = fs::read_to_string(budget_file(dir.path(), "mbx-02")).unwrap();
    let walked = text
        .lines()
        .filter(|l| l.contains("\"walk\":\"walk-a\""))
        .count();
    assert_eq!(walked, 3, "every restart has its line: {text}");
}

#[test]
fn a_restart_over_budget_runs_with_a_typed_reason_kept_in_its_line() {
    let dir = tempfile::tempdir().unwrap();
    restart_in(dir.path(), ("alice@ops-1", "walk-a", None), at(3, 0)).unwrap();
    let blank = restart_in(dir.path(), ("bob@ops-2", "walk-b", Some("  ")), at(3, 5));
    assert!(
        matches!(blank, Err(Denied::Exhausted(_))),
        "a blank reason is none"
    );

    let reason = "CAS still failing after alice's walk; approved by the duty manager";
    let over = restart_in(dir.path(), ("bob@ops-2", "walk-b", Some(reason)), at(3, 5)).unwrap();
    assert_eq!((over.hour, over.day), (0, 2));
    // Walk b's next restart needs no reason again.
    restart_in(dir.path(), ("bob@ops-2", "walk-b", None), at(3, 15)).unwrap();

    let text = fs::read_to_string(budget_file(dir.path(), "mbx-02")).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[1]["over_budget"], reason);
    assert_eq!(lines[1]["by"], "bob@ops-2");
    assert!(lines[0].get("over_budget").is_none(), "{text}");
    assert!(lines[2].get("over_budget").is_none(), "not needed: {text}");
}

#[test]
fn lines_written_before_walks_still_count_and_new_lines_read_as_before() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("budgets")).unwrap();
    let path = budget_file(dir.path(), "mbx-02");
    // Exactly what the previous version wrote: one restart each, no walk.
    fs::write(
        &path,
        "{\"at\":\"2025-01-14T01:00:00Z\",\"service\":\"dovecot\",\"by\":\"al@ops-1\"}\n\
         {\"at\":\"2025-01-14T02:30:00Z\",\"service\":\"dovecot\",\"by\":\"al@ops-1\"}\n",
    )
    .unwrap();
    assert_eq!(left(dir.path(), at(3, 0)), (0, 2));
    assert!(restart_in(dir.path(), ("bob@ops-2", "walk-b", None), at(3, 0)).is_err());
    restart(dir.path(), at(3, 31)).unwrap();
    assert_eq!(left(dir.path(), at(3, 31)), (0, 1));
    // A restart outside a walk is written as before: no new fields for older consoles.
    let text = fs::read_to_string(&path).unwrap();
    let last = text.lines().last().unwrap();
    assert_eq!(
        last,
        "{\"at\":\"2025-01-14T03:31:00Z\",\"service\":\"dovecot\",\"by\":\"alice@ops-1\"}"
    );
}
