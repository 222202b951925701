//! What happened: the only input `update` ever sees.

use crate::exec::guardrails::{Holder, Limits, Remaining};
use crate::health::{MetricReport, ProbeReport};
use crate::job::{JobEnd, OutputLine, RunId};
use crate::runbook::Ledger;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;

/// What came of `Effect::Acknowledge` or `Effect::Unacknowledge`.
#[derive(Debug, Clone, PartialEq)]
pub struct AckDone {
    pub server: String,
    pub monitor: &'static str,
    /// The request, for the record: `None` for an expiry.
    pub made: Option<crate::health::shared::AckRequest>,
    /// The silence's id, or why Alertmanager did not take it.
    pub result: Result<String, String>,
}

/// A signal the console reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGHUP: the terminal (often an SSH link) went away.
    Hangup,
    /// SIGTERM.
    Terminate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Key(KeyEvent),
    Resize {
        width: u16,
        height: u16,
    },
    /// Time passes; `now` is the fleet clock (accelerated in training).
    Tick(DateTime<Utc>),
    Probes(Vec<ProbeReport>),
    /// How the prober keeps its schedule: sent when that changes, and once a minute.
    Pace(crate::probe_plan::pace::Pace),
    Metrics(Vec<MetricReport>),
    /// Managed Availability polls, read (or why each failed), a batch of those that ended
    /// within a moment of each other.
    Exchange(Vec<crate::health::exchange::ExchangeReport>),
    /// Prometheus and Alertmanager read (or why not), every refresh.
    Shared(crate::health::shared::SharedUpdate),
    /// An acknowledgement made or expired in Alertmanager, or why it was not.
    AckDone(AckDone),
    Signal(Signal),
    /// Lines a running step printed, in the order read (a batch per stream read).
    StepOutput {
        run: RunId,
        lines: Vec<OutputLine>,
    },
    /// A step ended; all its output came before this.
    StepEnded {
        run: RunId,
        end: JobEnd,
    },
    /// A destructive step did not start: its server's lock is held, and the holder looks
    /// dead. Breaking the lock needs the engineer's confirmation. After the step's end.
    LockStale {
        run: RunId,
        server: String,
        holder: Holder,
        why: crate::i18n::Said,
    },
    /// What is left of a server's restart budget for a service.
    Budget {
        server: String,
        service: String,
        left: Remaining,
        limits: Limits,
    },
    /// A service restart did not start: its budget is spent. A typed reason may override
    /// it. After the step's end.
    BudgetDenied {
        run: RunId,
        server: String,
        service: String,
        why: crate::i18n::Said,
    },
    /// The shared ledger of owed compensations, read anew (after a write, and every few
    /// seconds: other consoles write it too).
    Ledger(Ledger),
    /// A message for the status bar from the runtime (the log cannot be written, a record
    /// entry could not even wait in memory).
    Notice(String),
    /// Why the incident record is not being written, or `None` once it is again.
    RecordUnwritten(Option<String>),
    /// `:theme`: the theme's name now drawn with, or why it could not be loaded.
    ThemeChanged(Result<String, String>),
    /// `:export`: the export's path, or why it could not be written.
    Exported(Result<String, String>),
    /// The handover summary of an escalation: its path, or why it could not be written.
    HandoverWritten {
        procedure: String,
        server: String,
        path: Result<String, String>,
    },
}
