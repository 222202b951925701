//! Restart budgets (ARCHITECTURE "Locks and budgets"), throttled as Exchange Managed
//! Availability throttles recovery: at most N restarts of a service per server per hour and
//! per day, counted across every console that shares the state directory.
//!
//! `<dir>/budgets/<server>.jsonl` gets one line per restart, appended and fsynced. Readers skip
//! a line they cannot parse (a torn write) rather than fail: a budget must stay usable.
//!
//! The budget guards against repeated recoveries across walks and consoles, not against the
//! procedure itself (IMAP CTP restarts the CAS front end up to three times): the restarts one
//! walk makes of one service count once, at the latest of them, and a walk's second restart
//! of a service is never refused. A restart over budget runs only with a typed reason, kept
//! in its line. Lines without `walk` or `over_budget` (older consoles) count one each.

pub use super::denial::{Denied, Exhausted};

use super::short_lock::ShortLock;
use super::window::{DAY, Usage, count};
use super::{check_server, io_message, state_subdir, sync_dir, temp_beside, write_private};
pub use crate::guardrails::{Limits, Remaining};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Past this size, a spend rewrites the file with the last day's lines only.
const COMPACT_AT: usize = 32 * 1024;

/// One line of a budget file.
#[derive(Serialize, Deserialize)]
struct Restart {
    at: DateTime<Utc>,
    service: String,
    by: String,
    /// The walk that restarted it: its restarts of one service count once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    walk: Option<String>,
    /// Why it ran although the budget was spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    over_budget: Option<String>,
}

/// Who restarts a service, and on what terms.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spender<'a> {
    /// Who, from where (e.g. "alice@ops-1").
    pub by: &'a str,
    /// The walk it belongs to, unique across consoles (another console's walk with the same
    /// id would share its budget); `None` for a restart outside a runbook walk.
    pub walk: Option<&'a str>,
    /// A typed reason to restart although the budget is spent (blank is no reason).
    pub over_budget: Option<&'a str>,
}

/// Restarts left for `service` on `server` at `now`.
pub fn remaining(
    dir: &Path,
    server: &str,
    service: &str,
    limits: Limits,
    now: DateTime<Utc>,
) -> io::Result<Remaining> {
    check_server(server).map_err(io::Error::other)?;
    let path = dir.join("budgets").join(format!("{server}.jsonl"));
    let text =
        read_budget(&path).map_err(|e| io::Error::new(e.kind(), io_message(&path, "read", &e)))?;
    Ok(usage(text.as_deref().unwrap_or_default(), service, now).remaining(limits))
}

/// Records a restart of `service` on `server` by `by` (e.g. "alice@ops-1") at `now`, outside
/// any walk, if the budget allows it; the check and the append are one step for every console.
pub fn spend(
    dir: &Path,
    server: &str,
    service: &str,
    by: &str,
    limits: Limits,
    now: DateTime<Utc>,
) -> Result<Remaining, Denied> {
    let spender = Spender {
        by,
        ..Spender::default()
    };
    spend_as(dir, server, service, spender, limits, now)
}

/// Records a restart by `spender` at `now`: refused when the budget is spent, unless the
/// spender's walk already restarted this service or it gives a reason to go over budget.
pub fn spend_as(
    dir: &Path,
    server: &str,
    service: &str,
    spender: Spender<'_>,
    limits: Limits,
    now: DateTime<Utc>,
) -> Result<Remaining, Denied> {
    check_server(server).map_err(Denied::Io)?;
    let budgets = state_subdir(dir, "budgets").map_err(Denied::Io)?;
    let path = budgets.join(format!("{server}.jsonl"));
    let short = budgets.join(format!("{server}.jsonl.lock"));
    let _spending =
        ShortLock::take(&short).map_err(|e| Denied::Io(io_message(&short, "lock", &e)))?;

    let existing = read_budget(&path).map_err(|e| Denied::Io(io_message(&path, "read", &e)))?;
    let text = existing.as_deref().unwrap_or_default();
    let walk = spender.walk.filter(|w| !w.is_empty());
    let again_in_walk = walk.is_some_and(|walk| {
        restarts(text).any(|(_, r)| {
            r.walk.as_deref() == Some(walk) && r.service.eq_ignore_ascii_case(service)
        })
    });
    let reason = spender.over_budget.map(str::trim).filter(|r| !r.is_empty());
    let used = usage(text, service, now);
    let before = used.remaining(limits);
    let spent = before.hour == 0 || before.day == 0;
    if spent && !again_in_walk && reason.is_none() {
        return Err(Denied::Exhausted(Exhausted {
            server: server.to_owned(),
            service: service.to_owned(),
            used_hour: count(&used.hour),
            used_day: count(&used.day),
            limits,
            next_at: before.next_at,
            checked_at: now,
        }));
    }
    let restart = Restart {
        at: now,
        service: service.to_owned(),
        by: spender.by.to_owned(),
        walk: walk.map(str::to_owned),
        // Kept only when it was needed: the line then says why the budget was exceeded.
        over_budget: reason
            .filter(|_| spent && !again_in_walk)
            .map(str::to_owned),
    };
    let mut line = serde_json::to_vec(&restart).map_err(|e| Denied::Io(e.to_string()))?;
    line.push(b'\n');
    let written = if text.len() > COMPACT_AT {
        compact(&path, text, &line, now)
    } else {
        append(&path, text, &line, existing.is_none())
    };
    written.map_err(|e| Denied::Io(io_message(&path, "record the restart in", &e)))?;
    let mut after = text.to_vec();
    after.extend_from_slice(&line);
    Ok(usage(&after, service, now).remaining(limits))
}

/// The file's bytes; `None` if there is none yet.
fn read_budget(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match super::read_bounded(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Service names compare without case, as Windows service names do. A walk's restarts of
/// the service count once, at the latest: the service was last restarted then.
fn usage(text: &[u8], service: &str, now: DateTime<Utc>) -> Usage {
    let mut times = Vec::new();
    let mut walks: HashMap<String, DateTime<Utc>> = HashMap::new();
    for (_, restart) in restarts(text) {
        if !restart.service.eq_ignore_ascii_case(service) {
            continue;
        }
        match restart.walk {
            Some(walk) => {
                let latest = walks.entry(walk).or_insert(restart.at);
                *latest = (*latest).max(restart.at);
            }
            None => times.push(restart.at),
        }
    }
    times.extend(walks.into_values());
    Usage::at(times, now)
}

/// The restarts that parse; garbled lines (torn writes, invalid UTF-8) are skipped.
fn restarts(text: &[u8]) -> impl Iterator<Item = (&[u8], Restart)> {
    text.split(|b| *b == b'\n')
        .filter_map(|line| Some((line, serde_json::from_slice::<Restart>(line).ok()?)))
}

fn append(path: &Path, text: &[u8], line: &[u8], creates: bool) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)?;
    let mut bytes = Vec::with_capacity(line.len() + 1);
    // A torn last line must not swallow this one.
    if !text.is_empty() && !text.ends_with(b"\n") {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(line);
    file.write_all(&bytes)?;
    file.sync_all()?;
    match path.parent() {
        Some(dir) if creates => sync_dir(dir),
        _ => Ok(()),
    }
}

/// Rewrites the file with the lines of the last day and `line`; older ones no longer count.
fn compact(path: &Path, text: &[u8], line: &[u8], now: DateTime<Utc>) -> io::Result<()> {
    let mut kept = Vec::with_capacity(text.len() / 2);
    for (raw, restart) in restarts(text) {
        if restart.at > now - DAY {
            kept.extend_from_slice(raw);
            kept.push(b'\n');
        }
    }
    kept.extend_from_slice(line);
    let temp = temp_beside(path);
    let replaced = write_private(&temp, &kept).and_then(|()| fs::rename(&temp, path));
    if replaced.is_err() {
        let _ = fs::remove_file(&temp);
    }
    replaced?;
    path.parent().map_or(Ok(()), sync_dir)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 14, h, m, 0).unwrap()
    }

    #[test]
    fn each_service_and_server_has_its_own_budget() {
        let dir = tempfile::tempdir().unwrap();
        let (limits, now) = (Limits::default(), at(3, 0));
        assert!(spend(dir.path(), "mbx-02", "dovecot", "alice", limits, now).is_ok());
        assert!(spend(dir.path(), "mbx-02", "postfix", "bob", limits, now).is_ok());
        assert!(spend(dir.path(), "mbx-03", "dovecot", "bob", limits, now).is_ok());
        assert!(spend(dir.path(), "mbx-02", "DOVECOT", "bob", limits, now).is_err());
        let untouched = remaining(dir.path(), "mbx-04", "dovecot", limits, now).unwrap();
        assert_eq!(
            (untouched.hour, untouched.day, untouched.next_at),
            (1, 4, None)
        );
        let left: Vec<_> = fs::read_dir(dir.path().join("budgets")).unwrap().collect();
        assert_eq!(
            left.len(),
            2,
            "two budget files; no short lock stays behind"
        );
    }

    #[test]
    fn a_large_budget_file_keeps_only_the_last_day() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("budgets").join("mbx-02.jsonl");
        fs::create_dir_all(dir.path().join("budgets")).unwrap();
        let old = "{\"at\":\"2025-01-01T00:00:00Z\",\"service\":\"dovecot\",\"by\":\"al\"}\n";
        let recent = "{\"at\":\"2025-01-14T01:00:00Z\",\"service\":\"postfix\",\"by\":\"al\"}\n";
        fs::write(&path, old.repeat(1000) + "garbled\n" + recent).unwrap();
        spend(
            dir.path(),
            "mbx-02",
            "dovecot",
            "bob",
            Limits::default(),
            at(3, 0),
        )
        .unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.starts_with(recent));
        let mode =
            std::os::unix::fs::PermissionsExt::mode(&fs::metadata(&path).unwrap().permissions());
        assert_eq!(mode & 0o777, 0o600);
    }
}
