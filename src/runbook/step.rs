//! What the engine asks for (a step to run) and what it is told back (the step's answer),
//! and the record of what happened to each step.

use super::vocabulary::{
    Condition, Ending, Expectation, HealthSetScope, RecoveryAction, ServiceChoice,
};
use crate::health::{Monitor, Protocol, Server};
use chrono::TimeDelta;
use std::fmt;

/// One step to run, with everything a platform needs to turn it into a command.
#[derive(Debug, Clone, PartialEq)]
pub struct StepCall {
    pub procedure: String,
    pub step: String,
    /// How many calls deep (0 = the procedure the walk started with).
    pub depth: usize,
    pub server: Server,
    pub protocol: Protocol,
    /// The monitor the procedure is recovering (its probe is the one re-run).
    pub monitor: Monitor,
    pub action: RecoveryAction,
    pub service: Option<ServiceChoice>,
    pub enabled: Option<bool>,
    pub health_sets: HealthSetScope,
    /// Fleet time to wait before the step's recheck.
    pub wait: TimeDelta,
    /// The runbook asks for confirmation (platforms add their destructive actions).
    pub confirm: bool,
    pub optional: bool,
    /// Run to undo an earlier step, after a stop or an abort.
    pub compensating: bool,
}

impl StepCall {
    /// `action` on `server` for `monitor`, as step `step` of `procedure`, with nothing
    /// else set: no service, no wait, no confirmation asked by the runbook.
    pub fn plain(
        (procedure, step): (&str, &str),
        server: Server,
        monitor: Monitor,
        action: RecoveryAction,
    ) -> StepCall {
        StepCall {
            procedure: procedure.to_owned(),
            step: step.to_owned(),
            depth: 0,
            server,
            protocol: monitor.protocol,
            monitor,
            action,
            service: None,
            enabled: None,
            health_sets: HealthSetScope::Monitor,
            wait: TimeDelta::zero(),
            confirm: false,
            optional: false,
            compensating: false,
        }
    }
}

/// How a step's command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepExit {
    Succeeded,
    /// A non-zero exit status (None: no status: killed by a signal, or not started).
    Failed(Option<i32>),
    TimedOut,
    Cancelled,
}

impl fmt::Display for StepExit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepExit::Succeeded => f.write_str("succeeded"),
            StepExit::Failed(Some(code)) => write!(f, "failed (exit {code})"),
            // Killed by a signal, or never started: the step's note says which.
            StepExit::Failed(None) => f.write_str("failed"),
            StepExit::TimedOut => f.write_str("timed out"),
            StepExit::Cancelled => f.write_str("cancelled"),
        }
    }
}

/// What the platform reports about a step that ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub exit: StepExit,
    /// The named expectations the output established.
    pub facts: Vec<(Expectation, bool)>,
    /// `identify_mailbox_server`: the server found.
    pub mailbox_server: Option<Server>,
    /// Fleet time waited before the recheck (`wait_and_recheck`).
    pub waited: TimeDelta,
    /// The engineer ended the wait early (cancelled or skipped it): the recheck ran anyway,
    /// and its gates apply.
    pub cut_short: bool,
}

impl Answer {
    pub fn succeeded(facts: Vec<(Expectation, bool)>) -> Answer {
        Answer {
            exit: StepExit::Succeeded,
            facts,
            mailbox_server: None,
            waited: TimeDelta::zero(),
            cut_short: false,
        }
    }

    pub fn exited(exit: StepExit) -> Answer {
        Answer {
            exit,
            ..Answer::succeeded(Vec::new())
        }
    }
}

/// Why a step did not run.
#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// Its `only_if` did not hold.
    Condition(Condition),
    /// A compensation for something that was never done.
    NothingToUndo,
    /// The engineer skipped it (an optional step, or one that failed).
    ByEngineer,
    /// It acts on the Mailbox server behind the probe, and none was found.
    NoMailboxServer,
    /// A chain of calls deeper than any runbook needs: a call cycle.
    CallTooDeep,
    /// The called procedure is not in the library (lint reports this before a walk).
    UnknownProcedure,
    /// The engineer left the walk here.
    Aborted,
    /// `--dry-run`: shown, not run.
    DryRun,
    /// `--read-only`: a platform command, not run.
    ReadOnly,
    /// The walk was escalated before it came here.
    Escalated,
    /// An engineer moved the walk past it, for this reason.
    PassedOver(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Condition(c) => write!(f, "only if {c}"),
            SkipReason::NothingToUndo => f.write_str("nothing to undo"),
            SkipReason::ByEngineer => f.write_str("skipped by the engineer"),
            SkipReason::NoMailboxServer => f.write_str("no Mailbox server was identified"),
            SkipReason::CallTooDeep => f.write_str("calls nested too deep"),
            SkipReason::UnknownProcedure => f.write_str("the called procedure does not exist"),
            SkipReason::Aborted => f.write_str("the walk was aborted here"),
            SkipReason::DryRun => f.write_str("dry-run: shown, not run"),
            SkipReason::ReadOnly => f.write_str("read-only: not run"),
            SkipReason::Escalated => f.write_str("not run: escalated"),
            SkipReason::PassedOver(why) => write!(f, "passed over: {why}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum StepStatus {
    /// The command succeeded; its output established these facts.
    Succeeded(Vec<(Expectation, bool)>),
    Failed(StepExit),
    Skipped(SkipReason),
    /// A call step entered its procedure.
    Called {
        procedure: String,
        server: String,
    },
    /// A call step's procedure ended.
    Returned(Ending),
}

/// One entry of a walk's history.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRecord {
    pub depth: usize,
    pub procedure: String,
    pub step: String,
    pub server: String,
    pub status: StepStatus,
    /// Run to undo an earlier step (after a stop, an escalation or an abort).
    pub compensating: bool,
}

impl fmt::Display for StepRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let indent = self.depth * 2;
        write!(
            f,
            "{:indent$}{}/{} @{}: ",
            "", self.procedure, self.step, self.server
        )?;
        match &self.status {
            StepStatus::Succeeded(facts) => {
                f.write_str("succeeded")?;
                for (expectation, value) in facts {
                    let word = if *value { "yes" } else { "no" };
                    write!(f, ", {}: {word}", expectation.name())?;
                }
                Ok(())
            }
            StepStatus::Failed(exit) => write!(f, "{exit}"),
            StepStatus::Skipped(reason) => write!(f, "skipped ({reason})"),
            StepStatus::Called { procedure, server } => write!(f, "-> {procedure} on {server}"),
            StepStatus::Returned(ending) => write!(f, "<- {}", ending.name()),
        }?;
        if self.compensating {
            f.write_str(" (compensation)")?;
        }
        Ok(())
    }
}

/// A compensation still owed: the step that would undo something, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owed {
    pub procedure: String,
    pub step: String,
    pub server: String,
}

impl fmt::Display for Owed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} @{}", self.procedure, self.step, self.server)
    }
}

/// How the whole walk ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ending: Ending,
    pub owed: Vec<Owed>,
}

/// What the engine wants next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Run(StepCall),
    /// The step's command failed: retry, skip, escalate or abort.
    Failed(StepCall, StepExit),
    Done(Outcome),
}
