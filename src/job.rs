//! A step job: what `update` asks the runtime to run, and what the runtime reports back.
//! Shared by both sides, so it belongs to neither.

use crate::exec::guardrails::Holder;
use crate::health::{AlertValue, Monitor, Probe, Server};
use crate::runbook::{Answer, StepCall, StepExit};
use crate::runtime::probe::ProbePlan;
use chrono::{DateTime, Utc};
use std::time::Duration;

/// One run of one step in this console session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RunId(pub u64);

impl std::fmt::Display for RunId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    pub fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// One line of a step's output, stamped on the fleet clock when it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputLine {
    pub at: DateTime<Utc>,
    pub stream: Stream,
    /// Without the line end; invalid UTF-8 replaced (lossy).
    pub text: String,
}

/// What runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    /// Training: the simulator performs the call. `alerts` are the console's monitor
    /// states on the call's server, which simulated health checks report.
    Simulate {
        call: Box<StepCall>,
        alerts: Vec<(Monitor, AlertValue)>,
    },
    /// A real process: an argv vector, never a shell. Killed with its whole process group
    /// on cancel or after `timeout`.
    Process {
        argv: Vec<String>,
        timeout: Duration,
        /// A destructive step holds its server's lock (and spends from its restart
        /// budget) while it runs; None for the rest.
        guarded: Option<Guarded>,
    },
    /// Re-run a real probe now (not a platform command: read-only allows it). Its result
    /// also feeds the monitors, as `report_as`.
    Probe {
        plan: Box<ProbePlan>,
        report_as: (usize, Probe),
        /// `identify_mailbox_server`: the Mailbox server behind this probe (from the
        /// inventory), answered with the result.
        mailbox: Option<Server>,
    },
    /// Re-run a probe now through the probe agent (Prometheus judges the fleet): its
    /// result feeds the drill-down, as `report_as`.
    AgentProbe {
        /// The agent's `host:port`.
        agent: String,
        server: String,
        report_as: (usize, Probe),
    },
    /// The console answers from what it knows (its monitors' states): lines to show, and
    /// the answer.
    Report { lines: Vec<String>, answer: Answer },
}

/// What a destructive step must hold before its process starts: shared with every console
/// on the same state directory (ARCHITECTURE "Locks and budgets").
#[derive(Debug, Clone, PartialEq)]
pub struct Guarded {
    pub server: String,
    /// The action, as the lock names it for whoever finds the server held.
    pub action: String,
    /// A service restart spends from the server's budget for that service.
    pub restarts: Option<String>,
    /// A stale lock the engineer saw and confirmed breaking.
    pub break_stale: Option<Holder>,
    /// The walk this restart belongs to: a walk's restarts of one service count once
    /// against the budget (the procedure itself may restart it three times).
    pub walk: Option<String>,
    /// A restart over budget, allowed by this typed reason.
    pub over_budget: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub run: RunId,
    pub work: Work,
}

/// How a job ended, reported once, after all its output.
#[derive(Debug, Clone, PartialEq)]
pub struct JobEnd {
    pub exit: StepExit,
    /// Wall time the job took.
    pub duration: Duration,
    /// The first `CAPTURE_LIMIT` bytes of stdout, for the platform to read expectations from.
    pub stdout: String,
    /// The simulator answers directly; a process is read by its platform.
    pub answer: Option<Answer>,
    /// Why it ended that way, when that needs saying ("timed out after 300 s").
    pub note: Option<crate::i18n::Said>,
    /// Its command started. False when it was refused before anything ran (a lock, a
    /// budget, a value no shell may receive, a program that is not there): such a step
    /// changed nothing, and owes nothing.
    pub ran: bool,
}

/// The note of a step whose task failed under it (a bug): the command may have run.
pub const CONSOLE_FAILED: &str = "said-broken";

impl JobEnd {
    /// Whether the end says something went wrong around the step rather than in it: it was
    /// refused before anything ran (not cancelled by the engineer), or the console failed
    /// under it. The pane marks that.
    pub fn is_alarm(&self) -> bool {
        let refused = !self.ran && self.exit != crate::runbook::StepExit::Cancelled;
        refused || self.note.as_ref().is_some_and(|n| n.id() == CONSOLE_FAILED)
    }
}

/// Stdout kept for reading a process's answer (its `ConvertTo-Json`): far more than any
/// cmdlet prints, and bounded when a step floods.
pub const CAPTURE_LIMIT: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Said;
    use crate::runbook::StepExit;

    fn end(exit: StepExit, ran: bool, note: &'static str) -> JobEnd {
        JobEnd {
            exit,
            duration: Duration::ZERO,
            stdout: String::new(),
            answer: None,
            note: Some(Said::new(note)),
            ran,
        }
    }

    #[test]
    fn a_refusal_and_a_console_failure_are_alarms_a_cancel_or_a_failed_command_not() {
        assert!(end(StepExit::Failed(None), false, "said-locked").is_alarm());
        assert!(end(StepExit::Failed(None), true, CONSOLE_FAILED).is_alarm());
        assert!(!end(StepExit::Cancelled, false, "said-sim-cancelled").is_alarm());
        assert!(!end(StepExit::Failed(Some(3)), true, "said-ended-with").is_alarm());
    }
}
