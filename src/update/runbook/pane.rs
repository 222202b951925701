//! The runbook pane's state: one walk, the runs of its steps, the log panel, and the rows
//! the view lists (done, current, still ahead).

use super::log::LogPanel;
use crate::effect::Effect;
use crate::guardrails::Holder;
use crate::health::Monitor;
use crate::i18n::Tr;
use crate::incident::Entry;
use crate::job::RunId;
use crate::runbook::spec::StepSpec;
use crate::runbook::{
    Ending, Expectation, Library, Next, Procedure, SkipReason, StepCall, StepExit, StepRecord,
    StepStatus, Walk, WalkError,
};
use chrono::{DateTime, TimeDelta, Utc};
use std::time::Duration;

/// What the pane is doing right now.
#[derive(Debug, Clone, PartialEq)]
pub enum Active {
    Idle,
    Running {
        run: RunId,
        call: StepCall,
        cancel_requested: bool,
    },
    /// Counting down a `wait_and_recheck`; the recheck starts by itself at `until`.
    Waiting {
        call: StepCall,
        started: DateTime<Utc>,
        until: DateTime<Utc>,
    },
}

/// One step that was started (or shown and not run), for "already ran, when, by whom".
#[derive(Debug, Clone, PartialEq)]
pub struct StepRun {
    pub run: RunId,
    pub call: StepCall,
    pub command: Option<String>,
    pub started: DateTime<Utc>,
    pub by: String,
    pub ended: Option<(StepExit, Duration)>,
    pub note: Option<crate::i18n::Said>,
}

/// The next step's command as the pane shows it: made by `update` when the walk moves on,
/// so a view never runs the planner (a PowerShell script or an ssh argv) to draw a frame.
#[derive(Debug, Clone)]
pub struct Preview {
    pub call: StepCall,
    pub command: Option<String>,
}

pub struct RunbookPane {
    pub procedure: &'static Procedure,
    pub library: &'static Library,
    /// The alert's server (fleet index) and monitor.
    pub server: usize,
    pub monitor: Monitor,
    pub walk: Walk<'static>,
    pub runs: Vec<StepRun>,
    pub active: Active,
    /// The highlighted row; it follows the current step as the walk moves.
    pub highlight: usize,
    pub log: LogPanel,
    /// The engineer chose to run the owed compensations: each runs as it comes.
    pub autorun: bool,
    /// History records already written to the incident record.
    pub recorded: usize,
    /// Fleet time the running step's wait lasted (its recheck's answer carries it), and
    /// whether the engineer ended it early.
    pub waited: TimeDelta,
    pub wait_cut_short: bool,
    /// A stale lock the engineer confirmed breaking: the next start of a step on that
    /// server breaks it (if it still holds the same claim).
    pub break_lock: Option<(String, Holder)>,
    /// The debts each run owes (ledger ids) from its start: those it created, and those
    /// owed already that it owes again.
    pub debts: Vec<(RunId, Vec<String>, Vec<String>)>,
    /// It only pays debts an earlier walk owed (opened from the drill-down).
    pub paying: bool,
    /// Why the engineer escalated, once they did; and whether the handover was asked for.
    pub escalation: Option<String>,
    pub handed_over: bool,
    /// This walk among every console's: its restarts of one service count once against
    /// the restart budget.
    pub walk_id: String,
    /// A restart over budget the engineer gave a reason for: the next start of that step
    /// goes ahead with it (server, service, reason).
    pub over_budget: Option<(String, String, String)>,
    /// Services this walk restarted (its later restarts of them are free).
    pub restarted: Vec<(String, String)>,
    /// Steps shown and not run (dry-run, read-only): their exact command and the condition
    /// they wait on, for the pane to show when one is highlighted.
    pub unrun: Vec<Unrun>,
    /// The next step's command, made ahead of the frames that show it.
    pub preview: Option<Preview>,
}

/// A step the guards passed without running it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unrun {
    pub procedure: String,
    pub step: String,
    pub server: String,
    pub command: Option<String>,
    /// `if not server_healthy` (a preview's undecided branch), or empty.
    pub when: String,
}

/// A row's state, as the pane shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Pending,
    /// Runs on Enter.
    Next,
    Running,
    Waiting {
        left: TimeDelta,
        total: TimeDelta,
    },
    /// It ran and exited 0; what its readings said (none for a step that reads nothing),
    /// and whether that was bad news (`ran · probe Failed`, not `done`). The views word
    /// the readings in the console's language.
    Succeeded {
        facts: Vec<(Expectation, bool)>,
        bad: bool,
    },
    Failed(StepExit),
    Skipped(SkipReason),
    Called(String),
    Returned(Ending),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub depth: usize,
    pub procedure: String,
    pub step: String,
    pub server: Option<String>,
    pub state: RowState,
    pub compensating: bool,
}

impl RunbookPane {
    /// A pane on `walk` (just started), for `monitor` on the fleet's server `server`.
    pub fn new(
        procedure: &'static Procedure,
        server: usize,
        monitor: Monitor,
        walk: Walk<'static>,
    ) -> RunbookPane {
        RunbookPane {
            procedure,
            library: walk.library(),
            server,
            monitor,
            walk,
            runs: Vec::new(),
            active: Active::Idle,
            highlight: 0,
            log: LogPanel::default(),
            autorun: false,
            recorded: 0,
            waited: TimeDelta::zero(),
            wait_cut_short: false,
            break_lock: None,
            debts: Vec::new(),
            paying: false,
            escalation: None,
            handed_over: false,
            walk_id: String::new(),
            over_budget: None,
            restarted: Vec::new(),
            unrun: Vec::new(),
            preview: None,
        }
    }

    /// How the walk ended, in words: a walk whose steps the guards passed without running
    /// them did not finish anything, whatever the engine's ending says.
    /// This is the record's word (English, whatever the console's language).
    pub fn ending(&self) -> Option<String> {
        self.ended().map(|ended| match ended {
            Err(SkipReason::DryRun) => "not finished (dry-run)".to_owned(),
            Err(_) => "not finished (read-only)".to_owned(),
            Ok(ending) => ending.name().to_owned(),
        })
    }

    /// [`RunbookPane::ending`] in the console's language, for the screen.
    pub fn ending_in(&self, tr: Tr) -> Option<String> {
        self.ended().map(|ended| match ended {
            Err(SkipReason::DryRun) => tr.text("ending-not-finished-dry-run").to_owned(),
            Err(_) => tr.text("ending-not-finished-read-only").to_owned(),
            Ok(ending) => crate::i18n::words::ending(tr, ending).to_owned(),
        })
    }

    /// The engine's ending, or the guard that kept the walk from changing anything.
    fn ended(&self) -> Option<Result<Ending, SkipReason>> {
        let Next::Done(outcome) = self.walk.next() else {
            return None;
        };
        let unrun = |wanted: &SkipReason| {
            self.walk
                .history()
                .iter()
                .any(|r| matches!(&r.status, StepStatus::Skipped(reason) if reason == wanted))
        };
        Some(if unrun(&SkipReason::DryRun) {
            Err(SkipReason::DryRun)
        } else if unrun(&SkipReason::ReadOnly) {
            Err(SkipReason::ReadOnly)
        } else {
            Ok(outcome.ending)
        })
    }

    /// How the guards last passed `row`'s step without running it, if they did.
    pub fn unrun_of(&self, row: &Row) -> Option<&Unrun> {
        self.unrun.iter().rev().find(|u| {
            u.procedure == row.procedure
                && u.step == row.step
                && Some(&u.server) == row.server.as_ref()
        })
    }

    /// The run of the step running now, if one is.
    pub fn running_run(&self) -> Option<RunId> {
        match &self.active {
            Active::Running { run, .. } => Some(*run),
            _ => None,
        }
    }

    /// The step running now, if one is.
    pub fn running_call(&self) -> Option<&StepCall> {
        match &self.active {
            Active::Running { call, .. } => Some(call),
            _ => None,
        }
    }

    /// The rows: what happened, what runs now, what may come.
    pub fn rows(&self, now: DateTime<Utc>) -> Vec<Row> {
        let mut rows: Vec<Row> = self.walk.history().iter().map(done_row).collect();
        if let Next::Run(call) = self.walk.next() {
            let state = match &self.active {
                Active::Running { .. } => RowState::Running,
                Active::Waiting { started, until, .. } => RowState::Waiting {
                    left: (*until - now).max(TimeDelta::zero()),
                    total: *until - *started,
                },
                Active::Idle => RowState::Next,
            };
            rows.push(Row {
                depth: call.depth,
                procedure: call.procedure.clone(),
                step: call.step.clone(),
                server: Some(call.server.name.clone()),
                state,
                compensating: call.compensating,
            });
        }
        rows.extend(self.walk.upcoming().into_iter().map(|u| Row {
            depth: u.depth,
            procedure: u.procedure.id().to_owned(),
            step: u.step.id.clone(),
            server: u.server.map(|s| s.name),
            state: RowState::Pending,
            compensating: false,
        }));
        rows
    }

    /// The row the walk is at: the step to run, or the failed one, or the last.
    pub fn current_row(&self) -> usize {
        let done = self.walk.history().len();
        match self.walk.next() {
            Next::Run(_) => done,
            _ => done.saturating_sub(1),
        }
    }

    pub fn spec(&self, procedure: &str, step: &str) -> Option<&'static StepSpec> {
        let procedure = self.library.procedure(procedure)?;
        procedure.spec.steps.iter().find(|s| s.id == step)
    }

    /// The last run of the same action on the same server: a destructive step that already
    /// ran says when and by whom.
    pub fn ran_before(&self, call: &StepCall) -> Option<&StepRun> {
        self.runs.iter().rev().find(|r| {
            r.call.action == call.action
                && r.call.server.name == call.server.name
                && r.ended.is_some_and(|(exit, _)| exit == StepExit::Succeeded)
        })
    }

    /// The engine refused what the pane asked (`asked`): a note in the log, and the
    /// record's entry to keep, so that nothing is dropped silently.
    pub fn refused(&mut self, now: DateTime<Utc>, asked: &str, error: &WalkError) -> Effect {
        self.log
            .note(now, format!("the runbook engine refused {asked}: {error}"));
        Effect::Record(Entry::EngineRefused {
            procedure: self.procedure.id().to_owned(),
            asked: asked.to_owned(),
            error: error.to_string(),
        })
    }

    /// The command `call` will run, if it is the step the preview was made for.
    pub fn command_preview(&self, call: &StepCall) -> Option<String> {
        let preview = self.preview.as_ref().filter(|p| &p.call == call)?;
        preview.command.clone()
    }

    pub fn run(&self, run: RunId) -> Option<&StepRun> {
        self.runs.iter().find(|r| r.run == run)
    }

    pub fn is_running(&self) -> bool {
        matches!(self.active, Active::Running { .. })
    }

    pub fn is_over(&self) -> bool {
        matches!(self.walk.next(), Next::Done(_))
    }
}

fn done_row(record: &StepRecord) -> Row {
    let state = match &record.status {
        StepStatus::Succeeded(facts) => RowState::Succeeded {
            facts: facts.clone(),
            bad: facts.iter().any(|(_, value)| !value),
        },
        StepStatus::Failed(exit) => RowState::Failed(*exit),
        StepStatus::Skipped(reason) => RowState::Skipped(reason.clone()),
        StepStatus::Called { procedure, .. } => RowState::Called(procedure.clone()),
        StepStatus::Returned(ending) => RowState::Returned(*ending),
    };
    Row {
        depth: record.depth,
        procedure: record.procedure.clone(),
        step: record.step.clone(),
        server: Some(record.server.clone()),
        state,
        compensating: record.compensating,
    }
}
