//! One lock per server on destructive actions (ARCHITECTURE "Locks and budgets"): two
//! consoles never fail the same server over twice. `<dir>/locks/<server>.lock` holds a
//! `Holder` as JSON; it appears whole (linked into place) and only its holder removes it,
//! unless it is stale and a person confirmed breaking it.

pub use super::holder::{CLOCK_SKEW, HEARTBEAT_WINDOW, Holder, Staleness};

use super::holder::{holder_json, read_holder, staleness};
use super::short_lock::ShortLock;
use super::{check_server, io_message, link_exclusive, state_subdir, temp_beside, write_private};
use crate::i18n::Said;
use chrono::{DateTime, Utc};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A lock that keeps vanishing between "exists" and "read" is odd; give up after this many.
const ATTEMPTS: u32 = 8;

/// Why a lock was not granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Someone else holds it; `stale` says why it looks abandoned or suspect, if it does.
    /// Boxed: every `Result` that carries a refusal stays small.
    Held {
        holder: Box<Holder>,
        stale: Option<Staleness>,
    },
    /// The state directory could not be used; the message names the path.
    Io(String),
}

impl Refusal {
    /// Why, in words the screen says in its language and the record in English.
    pub fn said(&self) -> Said {
        match self {
            Refusal::Held { holder, stale } => match stale {
                Some(why) => Said::new("said-locked-by-stale")
                    .said("holder", holder.said())
                    .said("stale", why.said()),
                None => Said::new("said-locked-by").said("holder", holder.said()),
            },
            Refusal::Io(message) => Said::as_is(message),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for Refusal {}

/// Takes the lock on `server` for `me` (its `since`, `heartbeat` and token are set afresh).
pub fn acquire(
    dir: &Path,
    server: &str,
    me: Holder,
    now: DateTime<Utc>,
) -> Result<HeldLock, Refusal> {
    let files = LockFiles::new(dir, server).map_err(Refusal::Io)?;
    let me = me.renewed(now);
    for _ in 0..ATTEMPTS {
        if files.create(&me)? {
            return Ok(files.guard(me));
        }
        if let Some(found) = files.read()? {
            return Err(held(found, &me.host, now));
        }
    }
    Err(Refusal::Io(format!(
        "{}: the lock kept appearing and vanishing; try again",
        files.lock.display()
    )))
}

/// Breaks a stale lock the user was shown as `seen` and confirmed breaking, then takes it.
/// Refused with the current holder if the lock changed hands since, or is no longer stale.
pub fn break_stale(
    dir: &Path,
    server: &str,
    seen: &Holder,
    me: Holder,
    now: DateTime<Utc>,
) -> Result<HeldLock, Refusal> {
    let files = LockFiles::new(dir, server).map_err(Refusal::Io)?;
    let me = me.renewed(now);
    let _changing = files.take_change_lock().map_err(Refusal::Io)?;
    if let Some(found) = files.read()? {
        let stale = staleness(&found, &me.host, now);
        if found.token() != seen.token() || stale.is_none() {
            return Err(Refusal::Held {
                holder: Box::new(found),
                stale,
            });
        }
        match fs::remove_file(&files.lock) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(Refusal::Io(io_message(&files.lock, "remove", &e)));
            }
            _ => {}
        }
    }
    // `acquire` takes no change lock: another console may create it right now.
    if files.create(&me)? {
        return Ok(files.guard(me));
    }
    match files.read()? {
        Some(found) => Err(held(found, &me.host, now)),
        None => Err(Refusal::Io(format!(
            "{}: the lock changed hands while breaking it; try again",
            files.lock.display()
        ))),
    }
}

fn held(holder: Holder, this_host: &str, now: DateTime<Utc>) -> Refusal {
    let stale = staleness(&holder, this_host, now);
    Refusal::Held {
        holder: Box::new(holder),
        stale,
    }
}

/// The files of one server's lock.
#[derive(Debug)]
struct LockFiles {
    lock: PathBuf,
    /// The short lock around changes of an existing lock file (heartbeat, release, break).
    change: PathBuf,
}

impl LockFiles {
    fn new(dir: &Path, server: &str) -> Result<LockFiles, String> {
        check_server(server)?;
        let locks = state_subdir(dir, "locks")?;
        Ok(LockFiles {
            lock: locks.join(format!("{server}.lock")),
            change: locks.join(format!("{server}.lock.lock")),
        })
    }

    fn take_change_lock(&self) -> Result<ShortLock, String> {
        ShortLock::take(&self.change).map_err(|e| io_message(&self.change, "lock", &e))
    }

    /// Writes `holder` beside the lock and links it into place: true if it was free.
    fn create(&self, holder: &Holder) -> Result<bool, Refusal> {
        let temp = temp_beside(&self.lock);
        let linked = write_private(&temp, &holder_json(holder))
            .and_then(|()| link_exclusive(&temp, &self.lock));
        let _ = fs::remove_file(&temp);
        match linked {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(Refusal::Io(io_message(&self.lock, "create", &e))),
        }
    }

    /// The holder on disk; `None` if there is no lock file.
    fn read(&self) -> Result<Option<Holder>, Refusal> {
        read_holder(&self.lock).map_err(|e| Refusal::Io(io_message(&self.lock, "read", &e)))
    }

    fn guard(self, holder: Holder) -> HeldLock {
        HeldLock {
            files: self,
            holder,
            handed_over: false,
        }
    }

    /// Rewrites the holder on disk (under the change lock), if it is still the claim
    /// `token`; an error says whose it is now.
    fn rewrite(&self, token: &str, change: impl FnOnce(&mut Holder)) -> io::Result<Holder> {
        let _changing = ShortLock::take(&self.change)
            .map_err(|e| io::Error::new(e.kind(), io_message(&self.change, "lock", &e)))?;
        let mut holder = self.still_claimed(token)?;
        change(&mut holder);
        let temp = temp_beside(&self.lock);
        let replaced = write_private(&temp, &holder_json(&holder))
            .and_then(|()| fs::rename(&temp, &self.lock));
        if let Err(e) = replaced {
            let _ = fs::remove_file(&temp);
            let message = io_message(&self.lock, "rewrite", &e);
            return Err(io::Error::new(e.kind(), message));
        }
        Ok(holder)
    }

    /// The holder on disk, if it is still the claim `token`.
    fn still_claimed(&self, token: &str) -> io::Result<Holder> {
        let lock = &self.lock;
        let found = read_holder(lock)
            .map_err(|e| io::Error::new(e.kind(), io_message(lock, "read", &e)))?;
        match found {
            Some(found) if found.token() == token => Ok(found),
            Some(found) => Err(io::Error::other(format!(
                "{}: this console no longer holds the lock; it is held by {found}",
                lock.display()
            ))),
            None => Err(io::Error::other(format!(
                "{}: this console no longer holds the lock; the lock file is gone",
                lock.display()
            ))),
        }
    }
}

/// Takes over a lock handed over with [`HeldLock::hand_over`]: the same claim (`token`),
/// now held by `pid` with a fresh heartbeat. Refused when the claim is no longer on disk
/// (the lock was broken meanwhile).
pub fn adopt(
    dir: &Path,
    server: &str,
    token: &str,
    pid: u32,
    now: DateTime<Utc>,
) -> Result<HeldLock, Refusal> {
    let files = LockFiles::new(dir, server).map_err(Refusal::Io)?;
    let holder = files
        .rewrite(token, |h| {
            h.pid = pid;
            h.heartbeat = now;
        })
        .map_err(|e| Refusal::Io(e.to_string()))?;
    Ok(files.guard(holder))
}

/// A held lock. Dropping it releases the lock, if the lock file is still its own.
#[derive(Debug)]
pub struct HeldLock {
    files: LockFiles,
    holder: Holder,
    /// Handed to another process, which now releases it.
    handed_over: bool,
}

impl HeldLock {
    pub fn holder(&self) -> &Holder {
        &self.holder
    }

    /// Rewrites the heartbeat, if the lock is still ours; an error says it is not.
    pub fn heartbeat(&mut self, now: DateTime<Utc>) -> io::Result<()> {
        self.holder = self
            .files
            .rewrite(self.holder.token(), |h| h.heartbeat = now)?;
        Ok(())
    }

    /// Hands the lock to another process on this host (`pid`: a keeper that outlives this
    /// console) without releasing it: the same claim, its pid and heartbeat rewritten. The
    /// new holder takes it with [`adopt`] and releases it in the end.
    pub fn hand_over(mut self, pid: u32, now: DateTime<Utc>) -> io::Result<Holder> {
        let holder = self.files.rewrite(self.holder.token(), |h| {
            h.pid = pid;
            h.heartbeat = now;
        })?;
        self.handed_over = true;
        Ok(holder)
    }

    /// Releases the lock now (as dropping it does).
    pub fn release(self) {}

    fn check_still_ours(&self) -> io::Result<()> {
        self.files.still_claimed(self.holder.token()).map(drop)
    }
}

impl Drop for HeldLock {
    /// Never removes someone else's lock: a lock broken and taken by another console stays.
    fn drop(&mut self) {
        if self.handed_over {
            return;
        }
        let Ok(_changing) = ShortLock::take(&self.files.change) else {
            // Left in place, it turns stale (dead pid, old heartbeat) for the next console.
            return;
        };
        if self.check_still_ours().is_ok() {
            let _ = fs::remove_file(&self.files.lock);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_refusal_names_the_holder_and_why_it_looks_abandoned() {
        let mut holder = Holder::me("failover_databases", DateTime::UNIX_EPOCH);
        holder.owner = "bob".to_owned();
        holder.host = "ops-2".to_owned();
        holder.pid = 4242;
        let fresh = Refusal::Held {
            holder: Box::new(holder.clone()),
            stale: None,
        };
        assert_eq!(
            fresh.to_string(),
            "locked by bob on ops-2 (pid 4242), failover_databases since 1970-01-01 00:00:00 \
             UTC, last heartbeat 00:00:00 UTC"
        );
        let stale = Refusal::Held {
            holder: Box::new(holder),
            stale: Some(Staleness::OldHeartbeat(Duration::from_secs(185))),
        };
        assert!(
            stale
                .to_string()
                .ends_with("; it looks abandoned: no heartbeat for 3 min 5 s")
        );
    }

    #[test]
    fn a_handed_over_lock_stays_held_by_its_new_pid_until_the_adopter_releases_it() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::UNIX_EPOCH;
        let me = Holder::me("restart_service", now);
        let guard = acquire(dir.path(), "mbx-01", me.clone(), now).unwrap();
        let token = guard.holder().token().to_owned();
        let later = now + chrono::TimeDelta::seconds(40);
        let handed = guard.hand_over(4242, later).unwrap();
        assert_eq!((handed.pid, handed.heartbeat), (4242, later));
        let other = Holder::me("restart_service", later);
        let Err(Refusal::Held { holder, .. }) = acquire(dir.path(), "mbx-01", other, later) else {
            panic!("handing over released the lock");
        };
        assert_eq!((holder.pid, holder.token()), (4242, token.as_str()));

        let refused = adopt(dir.path(), "mbx-01", "another claim", 99, later);
        assert!(matches!(refused, Err(Refusal::Io(m)) if m.contains("no longer holds")));
        let adopted = adopt(dir.path(), "mbx-01", &token, 4343, later).unwrap();
        assert_eq!(adopted.holder().pid, 4343);
        adopted.release();
        let again = Holder::me("restart_service", later);
        assert!(
            acquire(dir.path(), "mbx-01", again, later).is_ok(),
            "released"
        );
    }

    #[test]
    fn a_server_name_that_could_leave_the_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let me = Holder::me("restart_server", DateTime::UNIX_EPOCH);
        let Err(Refusal::Io(message)) = acquire(dir.path(), "../mbx-02", me, DateTime::UNIX_EPOCH)
        else {
            panic!("a name with '/' is refused");
        };
        assert!(message.contains("../mbx-02"), "{message}");
        assert!(!dir.path().join("locks").exists(), "nothing created");
    }
}
