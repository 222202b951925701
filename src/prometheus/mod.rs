//! Health from Prometheus and Alertmanager: readers of Prometheus' HTTP API v1 (probe series
//! and alert rules) and Alertmanager's API v2 (silences and alerts; never its API v1), and
//! Alertmanager silences made and expired for an acknowledgement.
//! (ARCHITECTURE "Prometheus and Alertmanager readers")
//!
//! The I/O is a small HTTP/1.1 client over plain TCP ([`Endpoint`]: `http://host:port[/prefix]`;
//! https is not yet supported). Reading an answer is pure (`read_probe_answers` and friends),
//! so tests and benchmarks take captured answers without a socket.

pub mod agent;
mod alertmanager;
mod endpoint;
mod envelope;
mod error;
mod http;
mod notes;
mod rules;
mod series;
mod silence;
mod text;
mod vector;
mod vector_scan;

pub use alertmanager::{read_alertmanager, read_alertmanager_answers};
pub use endpoint::Endpoint;
pub use error::SourceError;
pub use http::MOST_BODY;
pub use rules::read_rule_alerts;
pub use series::{DURATIONS, FAILURES, RESULT_TIMES, read_probe_answers, read_prometheus};
pub use silence::{create_silence, expire_silence};

use chrono::{DateTime, Utc};

/// The last sample of one probe on one server, as Prometheus holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeSeries {
    pub server: String,
    pub probe: String,
    /// The sample's own time (the scrape that took it), not the query's evaluation time.
    pub at: DateTime<Utc>,
    pub succeeded: bool,
    /// The probe's whole duration; 0 when Prometheus had no usable one (said in a warning).
    pub duration_ms: u32,
    /// `healthdeck_probe_error_info`'s `kind`, for a failed probe that has one.
    pub error_kind: Option<String>,
}

/// Where an alert rule stands: pending is inside its `for:`, firing past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAlertState {
    Pending,
    Firing,
}

/// One of healthdeck's alert rules, pending or firing, as Prometheus evaluates it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleAlert {
    pub server: String,
    pub health_set: String,
    pub monitor: String,
    pub state: RuleAlertState,
    /// When the rule's expression first held (pending began).
    pub active_at: DateTime<Utc>,
}

/// One refresh from Prometheus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrometheusReading {
    pub probes: Vec<ProbeSeries>,
    pub alerts: Vec<RuleAlert>,
    /// Prometheus' own warnings, then what was dropped and why (counted, not a line per row).
    pub warnings: Vec<String>,
}

/// A silence's state as Alertmanager reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SilenceState {
    Active,
    /// Starts later.
    Pending,
    Expired,
}

/// One Alertmanager silence. The server, monitor and health set come from its equality
/// matchers (not regex, not `!=`); a silence someone made by hand may name none of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Silence {
    pub id: String,
    pub server: Option<String>,
    pub monitor: Option<String>,
    pub health_set: Option<String>,
    /// Printable: line breaks and control characters replaced.
    pub created_by: String,
    /// Printable, as `created_by`.
    pub comment: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: SilenceState,
}

/// An alert's standing in Alertmanager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertmanagerState {
    /// Not yet through Alertmanager's pipeline.
    Unprocessed,
    /// Notified: neither silenced nor inhibited.
    Active,
    /// Silenced or inhibited.
    Suppressed,
}

/// One of healthdeck's alerts that Alertmanager holds (Prometheus sends it firing alerts).
#[derive(Debug, Clone, PartialEq)]
pub struct FiringAlert {
    pub server: String,
    pub health_set: String,
    pub monitor: String,
    pub starts_at: DateTime<Utc>,
    pub state: AlertmanagerState,
    /// The ids of the silences that mute it.
    pub silenced_by: Vec<String>,
    pub inhibited: bool,
}

/// One refresh from Alertmanager.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlertmanagerReading {
    /// Every silence Alertmanager still keeps, expired ones included.
    pub silences: Vec<Silence>,
    /// Alerts carrying `server`, `health_set` and `monitor`; others are not healthdeck's.
    pub alerts: Vec<FiringAlert>,
    /// What was dropped and why.
    pub warnings: Vec<String>,
}

/// An acknowledgement to become a silence: equality matchers on `server`, `monitor` and
/// `health_set`, so it mutes that monitor on that server and nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSilence {
    pub server: String,
    pub health_set: String,
    pub monitor: String,
    /// The operator.
    pub created_by: String,
    /// The reason typed.
    pub comment: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}
