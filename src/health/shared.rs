//! The team's shared truth: what Prometheus and Alertmanager say about the fleet, read by
//! the runtime and handed to the fleet as plain data (ARCHITECTURE "Health from Prometheus").
//! Alert rules are generated from the console's own monitor rules: pending is Degraded,
//! firing Unhealthy, no alert with a fresh probe result Healthy, no data Unknown.

use super::fleet::ProbeReport;
use super::monitors::Monitor;
use chrono::{DateTime, Utc};

/// One alert of a monitor rule, as Prometheus evaluates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAlert {
    pub server: usize,
    pub monitor: Monitor,
    /// Past its `for:` (Unhealthy); else pending (Degraded).
    pub firing: bool,
    /// When the rule's condition started to hold: the cell's "since".
    pub active_at: DateTime<Utc>,
}

/// An acknowledgement: an Alertmanager silence on one server's monitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub id: String,
    pub server: usize,
    pub monitor: Monitor,
    pub by: String,
    pub comment: String,
    pub until: DateTime<Utc>,
}

/// A silence to create: the acknowledgement of one monitor on one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckRequest {
    pub server: String,
    pub health_set: &'static str,
    pub monitor: &'static str,
    pub by: String,
    pub comment: String,
    pub starts: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// What Alertmanager said, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AckSource {
    /// The inventory names no Alertmanager: nothing can be acknowledged.
    #[default]
    None,
    Read(Vec<Ack>),
    Failed(String),
}

/// One read of the shared source.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedReading {
    /// When the read was made (the source's age is counted from here).
    pub at: DateTime<Utc>,
    /// The newest probe result of each (server, probe) Prometheus holds.
    pub results: Vec<ProbeReport>,
    pub alerts: Vec<SharedAlert>,
    pub acks: AckSource,
    /// What Prometheus warned about, and rows that could not be placed in the fleet.
    pub warnings: Vec<String>,
}

/// A read of the shared source, or why it failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SharedUpdate {
    Read(SharedReading),
    Failed { at: DateTime<Utc>, why: String },
}

/// How the source stands, for the banner and the drill-down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharedStatus {
    /// The last good read.
    pub read_at: Option<DateTime<Utc>>,
    /// Why the last read failed; `None` once one succeeds.
    pub failed: Option<String>,
    pub acks: AckSource,
    pub warnings: Vec<String>,
}

impl SharedStatus {
    /// The first acknowledgement of a monitor of `set` on the server, for its cell.
    pub fn ack_in(&self, server: usize, set: super::catalog::HealthSet) -> Option<&Ack> {
        self.acks()
            .iter()
            .find(|a| a.server == server && a.monitor.health_set() == set)
    }

    /// An Alertmanager silence covering the monitor on the server.
    pub fn ack(&self, server: usize, monitor: Monitor) -> Option<&Ack> {
        self.acks()
            .iter()
            .find(|a| a.server == server && a.monitor == monitor)
    }

    /// The acknowledgements read last; none when Alertmanager was not read.
    fn acks(&self) -> &[Ack] {
        match &self.acks {
            AckSource::Read(acks) => acks,
            _ => &[],
        }
    }
}
