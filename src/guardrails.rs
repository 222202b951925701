//! What locks and restart budgets say, shared by the side that reads and writes them
//! (`exec::guardrails`) and the side that shows them (`update`, `ui`): who holds a server, why a
//! lock looks abandoned, how many restarts are allowed and left. Pure: no file, no process.

use crate::i18n::Said;
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

impl Holder {
    /// Who holds the lock, doing what, since when.
    pub fn said(&self) -> Said {
        Said::new("said-holder")
            .text("owner", &self.owner)
            .text("host", &self.host)
            .text("pid", self.pid.to_string())
            .text("action", &self.action)
            .text(
                "since",
                self.since.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            )
            .text(
                "heartbeat",
                self.heartbeat.format("%H:%M:%S UTC").to_string(),
            )
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
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

/// "45 s", "3 min 5 s", "2 h 7 min".
fn span(age: Duration) -> String {
    let secs = age.as_secs();
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

impl Staleness {
    /// Why the lock looks abandoned (the reason alone, without the verdict).
    pub fn reason(&self) -> Said {
        match self {
            Staleness::DeadPid => Said::new("said-dead-pid"),
            Staleness::OldHeartbeat(age) => Said::new("said-no-heartbeat").text("age", span(*age)),
            Staleness::Unreadable => Said::new("said-lock-unreadable"),
            Staleness::FutureHeartbeat(ahead) => Said::new("said-future-heartbeat")
                .text("ahead", span(*ahead))
                .count("skew", CLOCK_SKEW.num_seconds()),
        }
    }

    /// The verdict and its reason: "it looks abandoned: no heartbeat for 3 min 5 s".
    pub fn said(&self) -> Said {
        let verdict = match self {
            Staleness::FutureHeartbeat(_) => "said-untrusted",
            Staleness::DeadPid | Staleness::OldHeartbeat(_) | Staleness::Unreadable => {
                "said-abandoned"
            }
        };
        Said::new(verdict).said("why", self.reason())
    }
}

/// The reason alone, in English.
impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
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
