//! What locks and restart budgets say, shared by the side that reads and writes them
//! (`exec::guardrails`) and the side that shows them (`update`, `ui`): who holds a server, why a
//! lock looks abandoned, how many restarts are allowed and left. Pure: no file, no process.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;

/// A holder that has not written a heartbeat for this long is presumed dead.
pub const HEARTBEAT_WINDOW: TimeDelta = TimeDelta::minutes(2);

/// How far two hosts' clocks may disagree: a heartbeat further ahead of this host's clock
/// says nothing about the holder's age, so the lock is suspect
/// (ARCHITECTURE "Locks and clocks").
pub const CLOCK_SKEW: TimeDelta = TimeDelta::seconds(30);

/// Who holds a server's lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub owner: String,
    pub host: String,
    pub pid: u32,
    pub action: String,
    pub since: DateTime<Utc>,
    pub heartbeat: DateTime<Utc>,
    /// Tells one claim from the next, even by the same console (set by `exec::guardrails`).
    pub(crate) token: String,
}

impl Holder {
    /// The claim's identity: `break_stale` removes a lock only while it still has this token.
    pub fn token(&self) -> &str {
        &self.token
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} on {} (pid {}), {} since {}, last heartbeat {}",
            self.owner,
            self.host,
            self.pid,
            self.action,
            self.since.format("%Y-%m-%d %H:%M:%S UTC"),
            self.heartbeat.format("%H:%M:%S UTC"),
        )
    }
}

/// Why a held lock looks abandoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    /// The holder ran on this host and its process is gone.
    DeadPid,
    /// No heartbeat for longer than `HEARTBEAT_WINDOW`; how long.
    OldHeartbeat(Duration),
    /// The file cannot be read and has not changed for longer than `HEARTBEAT_WINDOW`.
    Unreadable,
    /// The heartbeat lies further in the future than `CLOCK_SKEW`; by how much. One of the
    /// clocks is wrong (or the file was written by hand): its age cannot be told.
    FutureHeartbeat(Duration),
}

impl Staleness {
    /// The verdict, before the reason: "it looks abandoned: no heartbeat for 3 min 5 s".
    pub fn verdict(&self) -> &'static str {
        match self {
            Staleness::FutureHeartbeat(_) => "its heartbeat cannot be trusted",
            Staleness::DeadPid | Staleness::OldHeartbeat(_) | Staleness::Unreadable => {
                "it looks abandoned"
            }
        }
    }
}

/// "45 s", "3 min 5 s", "2 h 7 min".
fn span(age: Duration) -> String {
    let secs = age.as_secs();
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Staleness::DeadPid => f.write_str("its process no longer runs on this host"),
            Staleness::OldHeartbeat(age) => write!(f, "no heartbeat for {}", span(*age)),
            Staleness::Unreadable => {
                f.write_str("the lock file cannot be read and has not changed for over 2 min")
            }
            Staleness::FutureHeartbeat(ahead) => write!(
                f,
                "its last heartbeat is {} ahead of this host's clock, more than the {} s two \
                 clocks may differ: one of them is wrong, so nobody can tell whether its \
                 holder still runs",
                span(*ahead),
                CLOCK_SKEW.num_seconds()
            ),
        }
    }
}

/// How many restarts of one service on one server are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub per_hour: u32,
    pub per_day: u32,
}

impl Default for Limits {
    /// Managed Availability's defaults for service restarts.
    fn default() -> Self {
        Limits {
            per_hour: 1,
            per_day: 4,
        }
    }
}

/// Restarts left in each window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    pub hour: u32,
    pub day: u32,
    /// When none is left: the earliest time both windows have room again (`None` if a limit
    /// is 0, which turns restarts off).
    pub next_at: Option<DateTime<Utc>>,
}
