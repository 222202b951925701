//! One procedure being walked on one server: where it is, what it has learnt, what it owes.

use super::library::Procedure;
use super::spec::StepSpec;
use super::step::{Answer, Owed, SkipReason, StepCall, StepRecord, StepStatus};
use super::vocabulary::{
    Condition, Conditions, Ending, Expectation, Fact, HealthSetScope, RecoveryAction,
};
use crate::health::{Monitor, Server};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Normal,
    /// Jumped to the escalate step.
    Escalating,
    /// Running owed compensations before the procedure ends.
    Compensating,
}

pub(super) struct Frame<'l> {
    pub procedure: &'l Procedure,
    pub server: Server,
    pub monitor: Monitor,
    /// The Mailbox server found by `identify_mailbox_server`.
    pub mailbox: Option<Server>,
    pub mode: Mode,
    cursor: usize,
    facts: [Option<bool>; Expectation::ALL.len()],
    last_call: Option<Ending>,
    /// Something on the fleet was changed (here or in a called procedure).
    changed: bool,
    /// Step indices owed, in step order.
    owed: Vec<usize>,
    /// Owed compensations the engineer skipped: still owed, no longer offered in this pass.
    skipped_owed: Vec<usize>,
    /// The step an engineer moved the walk to: it runs whatever its `only_if` says.
    pub forced: Option<usize>,
    /// A dry-run preview: a gate on a fact nothing read yet lets the step through, so every
    /// branch is shown (with its condition).
    pub preview: bool,
}

impl<'l> Frame<'l> {
    pub fn new(procedure: &'l Procedure, server: Server, monitor: Monitor) -> Frame<'l> {
        Frame {
            procedure,
            server,
            monitor,
            mailbox: None,
            mode: Mode::Normal,
            cursor: 0,
            facts: [None; Expectation::ALL.len()],
            last_call: None,
            changed: false,
            owed: Vec::new(),
            skipped_owed: Vec::new(),
            forced: None,
            preview: false,
        }
    }

    pub fn step(&self, index: usize) -> &'l StepSpec {
        &self.procedure.spec.steps[index]
    }

    /// The step being run or about to run.
    pub fn current(&self) -> usize {
        match self.mode {
            Mode::Compensating => self.first_owed().unwrap_or(self.cursor),
            _ => self.cursor,
        }
    }

    pub fn advance(&mut self) {
        self.cursor += 1;
    }

    /// An engineer moved the walk to `index`: it runs next, whatever its `only_if` says.
    pub fn jump_to(&mut self, index: usize) {
        self.mode = Mode::Normal;
        self.cursor = index;
        self.forced = Some(index);
    }

    pub fn escalate_at(&mut self, index: usize) {
        self.mode = Mode::Escalating;
        self.cursor = index;
    }

    pub fn start_compensating(&mut self) {
        self.mode = Mode::Compensating;
        self.owed.append(&mut self.skipped_owed);
        self.owed.sort_unstable();
        self.owed.dedup();
    }

    /// Owes step `index` (a debt from an earlier walk, paid by this one).
    /// Whether step `index` is owed (a compensation that must still run).
    pub fn is_owed(&self, index: usize) -> bool {
        self.owed.contains(&index) || self.skipped_owed.contains(&index)
    }

    pub fn owe(&mut self, index: usize) {
        if !self.owed.contains(&index) {
            self.owed.push(index);
            self.owed.sort_unstable();
        }
    }

    /// No longer owes step `index` (paid elsewhere); true if it was owed.
    pub fn forgive(&mut self, index: usize) -> bool {
        let before = self.owed.len() + self.skipped_owed.len();
        self.owed.retain(|&i| i != index);
        self.skipped_owed.retain(|&i| i != index);
        before != self.owed.len() + self.skipped_owed.len()
    }

    pub fn first_owed(&self) -> Option<usize> {
        self.owed.first().copied()
    }

    pub fn has_owed(&self) -> bool {
        !self.owed.is_empty() || !self.skipped_owed.is_empty()
    }

    pub fn owed_list(&self) -> Vec<Owed> {
        let mut all: Vec<usize> = self
            .owed
            .iter()
            .chain(&self.skipped_owed)
            .copied()
            .collect();
        all.sort_unstable();
        all.into_iter()
            .map(|index| Owed {
                procedure: self.procedure.id().to_owned(),
                step: self.step(index).id.clone(),
                server: self.server.name.clone(),
            })
            .collect()
    }

    /// Takes in what a step's output established.
    pub fn learn(&mut self, answer: &Answer) {
        for &(expectation, value) in &answer.facts {
            self.facts[expectation as usize] = Some(value);
        }
        if let Some(mailbox) = &answer.mailbox_server {
            self.mailbox = Some(mailbox.clone());
        }
    }

    /// A step succeeded: it may have changed the fleet, discharged a compensation, or made
    /// its own compensations owed.
    pub fn completed(&mut self, index: usize) {
        let step = self.step(index);
        if step.action.is_some_and(RecoveryAction::changes_fleet) {
            self.changed = true;
        }
        self.owed.retain(|&i| i != index);
        self.skipped_owed.retain(|&i| i != index);
        for id in &step.compensation {
            if let Some(target) = self.procedure.step_index(id)
                && !self.owed.contains(&target)
            {
                self.owed.push(target);
            }
        }
        self.owed.sort_unstable();
    }

    /// Leaves a step without running it (skipped by the engineer).
    pub fn pass(&mut self, index: usize) {
        if self.mode == Mode::Compensating {
            self.owed.retain(|&i| i != index);
            self.skipped_owed.push(index);
        } else {
            self.cursor += 1;
        }
    }

    /// A called procedure came back.
    pub fn returned(&mut self, ending: Ending) {
        self.last_call = Some(ending);
        if ending == Ending::Resolved {
            self.changed = true;
        }
    }

    /// Unknown facts hold neither way: a gate on something never learnt stays shut.
    pub fn holds(&self, condition: Condition) -> bool {
        let value = match condition.fact {
            Fact::Role(role) => Some(self.server.role.runs(role)),
            Fact::Expectation(e) => self.facts[e as usize],
            Fact::Ending(e) => self.last_call.map(|last| last == e),
        };
        value.is_some_and(|v| v != condition.negated)
    }

    /// Whether nothing has established `condition`'s fact yet (a role is always known).
    pub fn unknown(&self, condition: Condition) -> bool {
        match condition.fact {
            Fact::Role(_) => false,
            Fact::Expectation(e) => self.facts[e as usize].is_none(),
            Fact::Ending(_) => self.last_call.is_none(),
        }
    }

    /// The `only_if` conditions of step `index` on facts not known yet.
    pub fn undecided(&self, index: usize) -> Vec<Condition> {
        self.step(index)
            .only_if
            .iter()
            .flat_map(Conditions::iter)
            .copied()
            .filter(|c| self.unknown(*c))
            .collect()
    }

    /// The steps whose `compensation:` names step `index` (what it undoes).
    pub fn undoes(&self, index: usize) -> Vec<&'l str> {
        let id = &self.step(index).id;
        self.procedure
            .spec
            .steps
            .iter()
            .filter(|s| s.compensation.contains(id))
            .map(|s| s.id.as_str())
            .collect()
    }

    pub fn skip_reason(&self, index: usize) -> Option<SkipReason> {
        let step = self.step(index);
        if let Some(failing) = step
            .only_if
            .iter()
            .flat_map(Conditions::iter)
            .find(|c| !(self.holds(**c) || self.preview && self.unknown(**c)))
            .filter(|_| self.forced != Some(index))
        {
            return Some(SkipReason::Condition(*failing));
        }
        let undoes = self
            .procedure
            .spec
            .steps
            .iter()
            .any(|s| s.compensation.contains(&step.id));
        // A preview shows an undo step too: what it would undo has not run either.
        if undoes && !self.owed.contains(&index) && !self.preview {
            return Some(SkipReason::NothingToUndo);
        }
        if self.target(index).is_none() {
            return Some(SkipReason::NoMailboxServer);
        }
        None
    }

    /// How the procedure ends when a `stop_if` holds.
    pub fn stop_ending(&self) -> Ending {
        if self.changed {
            Ending::Resolved
        } else {
            Ending::Transient
        }
    }

    /// How the procedure ends when it runs out of steps (or into its escalate step).
    pub fn end_ending(&self) -> Ending {
        if self.changed {
            Ending::Resolved
        } else {
            Ending::Completed
        }
    }

    pub fn call(&self, depth: usize, index: usize, compensating: bool) -> StepCall {
        let step = self.step(index);
        StepCall {
            procedure: self.procedure.id().to_owned(),
            step: step.id.clone(),
            depth,
            server: self.target(index).unwrap_or_else(|| self.server.clone()),
            protocol: self.monitor.protocol,
            monitor: self.monitor,
            action: step.action.unwrap_or(RecoveryAction::Escalate),
            service: step.service,
            enabled: step.enabled,
            health_sets: step.health_sets.unwrap_or(HealthSetScope::Monitor),
            wait: step.wait(),
            confirm: step.confirm.unwrap_or(false),
            optional: step.optional,
            compensating,
        }
    }

    pub fn record(&self, depth: usize, index: usize, status: StepStatus) -> StepRecord {
        let server = self.target(index).unwrap_or_else(|| self.server.clone());
        StepRecord {
            depth,
            procedure: self.procedure.id().to_owned(),
            step: self.step(index).id.clone(),
            server: server.name,
            status,
            compensating: self.mode == Mode::Compensating,
        }
    }
}
