//! Who holds a server's lock, as its lock file says, and when that holder looks dead.

use super::unique_token;
pub use crate::guardrails::{CLOCK_SKEW, HEARTBEAT_WINDOW, Holder, Staleness};
use chrono::{DateTime, Utc};
use nix::errno::Errno;
use nix::sys::signal::kill;
use nix::unistd::Pid;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

impl Holder {
    /// This console: SUDO_USER (else USER) on this host, this process, about to do `action`.
    pub fn me(action: &str, now: DateTime<Utc>) -> Holder {
        Holder {
            owner: crate::incident::header::operator(),
            host: crate::incident::header::host(),
            pid: std::process::id(),
            action: action.to_owned(),
            since: now,
            heartbeat: now,
            token: unique_token(),
        }
    }

    /// A fresh claim at `now`, so that no two acquisitions share a token.
    pub(super) fn renewed(mut self, now: DateTime<Utc>) -> Holder {
        self.since = now;
        self.heartbeat = now;
        self.token = unique_token();
        self
    }

    /// A lock file that exists but cannot be read: it counts as held, by "unknown", and its
    /// modification time stands in for the heartbeat.
    fn unreadable(meta: &fs::Metadata) -> Holder {
        let modified = meta
            .modified()
            .map_or(DateTime::UNIX_EPOCH, DateTime::<Utc>::from);
        Holder {
            owner: "unknown".to_owned(),
            host: "unknown".to_owned(),
            pid: 0,
            action: "unknown".to_owned(),
            since: modified,
            heartbeat: modified,
            // Same file, same state: `break_stale` can tell if it changed since it was shown.
            token: format!("unreadable-{}-{}-{}", meta.ino(), meta.len(), modified),
        }
    }
}

/// Dead on this host, silent for too long, or beating in the future beyond `CLOCK_SKEW`.
/// `this_host` is the caller's `Holder::host`.
pub(super) fn staleness(holder: &Holder, this_host: &str, now: DateTime<Utc>) -> Option<Staleness> {
    let age = now.signed_duration_since(holder.heartbeat);
    let ahead = -age;
    let future = (ahead > CLOCK_SKEW)
        .then(|| Staleness::FutureHeartbeat(ahead.to_std().unwrap_or_default()));
    if holder.token.starts_with("unreadable-") {
        return future.or((age > HEARTBEAT_WINDOW).then_some(Staleness::Unreadable));
    }
    if holder.host.eq_ignore_ascii_case(this_host) && pid_is_dead(holder.pid) {
        return Some(Staleness::DeadPid);
    }
    future.or_else(|| {
        (age > HEARTBEAT_WINDOW).then(|| Staleness::OldHeartbeat(age.to_std().unwrap_or_default()))
    })
}

/// Only ESRCH means dead: EPERM is a live process of another user. Pid 0 and pids beyond
/// i32 would address process groups, so they never count as dead.
fn pid_is_dead(pid: u32) -> bool {
    match i32::try_from(pid) {
        Ok(pid) if pid > 0 => kill(Pid::from_raw(pid), None) == Err(Errno::ESRCH),
        _ => false,
    }
}

pub(super) fn holder_json(holder: &Holder) -> Vec<u8> {
    // Strings, numbers and times: serializing cannot fail.
    let mut json = serde_json::to_vec(holder).unwrap_or_default();
    json.push(b'\n');
    json
}

/// The holder in the lock file at `path`; `None` if there is none.
pub(super) fn read_holder(path: &Path) -> io::Result<Option<Holder>> {
    let parsed = match super::read_bounded(path) {
        Ok(bytes) => serde_json::from_slice::<Holder>(&bytes).ok(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        // A lock written by another user's console (0600) is still a lock, if unreadable.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => None,
        Err(e) => return Err(e),
    };
    if let Some(holder) = parsed {
        return Ok(Some(holder));
    }
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Holder::unreadable(&meta))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::time::Duration;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 14, h, m, s).unwrap()
    }

    fn holder(host: &str, pid: u32, heartbeat: DateTime<Utc>) -> Holder {
        let mut holder = Holder::me("failover_databases", heartbeat);
        holder.host = host.to_owned();
        holder.pid = pid;
        holder
    }

    #[test]
    fn a_live_holder_is_stale_only_by_its_heartbeat() {
        let me = std::process::id();
        let fresh = holder("ops-1", me, at(3, 0, 0));
        assert_eq!(
            staleness(&fresh, "ops-1", at(3, 2, 0)),
            None,
            "exactly 2 min"
        );
        assert_eq!(
            staleness(&fresh, "OPS-1", at(3, 3, 5)),
            Some(Staleness::OldHeartbeat(Duration::from_secs(185)))
        );
        let skewed = holder("ops-2", me, at(3, 0, 30));
        assert_eq!(
            staleness(&skewed, "ops-1", at(3, 0, 0)),
            None,
            "within the skew"
        );
        let ahead = holder("ops-2", me, at(3, 10, 0));
        assert_eq!(
            staleness(&ahead, "ops-1", at(3, 0, 0)),
            Some(Staleness::FutureHeartbeat(Duration::from_secs(600))),
            "beyond the skew"
        );
    }

    #[test]
    fn pids_that_would_address_process_groups_never_count_as_dead() {
        assert!(!pid_is_dead(0));
        assert!(!pid_is_dead(u32::MAX));
        assert!(!pid_is_dead(std::process::id()));
        assert!(!pid_is_dead(1), "EPERM or alive: init is alive");
    }

    #[test]
    fn an_engineer_reads_who_holds_it_and_why_it_looks_abandoned() {
        let mut found = holder("ops-2", 4242, at(3, 12, 0));
        found.owner = "bob".to_owned();
        found.heartbeat = at(3, 40, 12);
        assert_eq!(
            found.to_string(),
            "bob on ops-2 (pid 4242), failover_databases since 2025-01-14 03:12:00 UTC, \
             last heartbeat 03:40:12 UTC"
        );
        let stale = |secs| Staleness::OldHeartbeat(Duration::from_secs(secs)).to_string();
        assert_eq!(stale(45), "no heartbeat for 45 s");
        assert_eq!(stale(3 * 60 + 5), "no heartbeat for 3 min 5 s");
        assert_eq!(stale(2 * 3600 + 7 * 60 + 9), "no heartbeat for 2 h 7 min");
        assert_eq!(
            Staleness::DeadPid.to_string(),
            "its process no longer runs on this host"
        );
    }

    #[test]
    fn renewing_a_claim_changes_its_token() {
        let first = Holder::me("restart_service", at(3, 0, 0));
        let again = first.clone().renewed(at(3, 5, 0));
        assert_ne!(first.token(), again.token());
        assert_eq!((again.since, again.heartbeat), (at(3, 5, 0), at(3, 5, 0)));
    }
}
