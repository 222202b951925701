//! The engine: a pure state machine that walks a procedure. Given the platform's answers it
//! says which step runs next, which are skipped and why, when a procedure calls another,
//! when to escalate and which compensations are owed. No I/O, no clock.

mod debts;
mod jump;

use super::frame::{Frame, Mode};
use super::library::{Library, Procedure};
use super::spec::StepSpec;
use super::step::{
    Answer, Next, Outcome, Owed, SkipReason, StepCall, StepExit, StepRecord, StepStatus,
};
use super::vocabulary::{Ending, TargetServer};
use crate::health::{Monitor, Server};
use chrono::TimeDelta;

/// Calls nest this deep at most (the CTP detour needs 2): deeper means a cycle.
const MAX_DEPTH: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkError {
    UnknownProcedure(String),
    /// An answer, retry or skip that does not fit what the engine asked for.
    Unexpected(&'static str),
    /// The recheck came before the wait was over.
    WaitNotOver {
        remaining: TimeDelta,
    },
    /// Not done, and why.
    Refused(String),
    /// A jump would pass over this compensation, which is owed.
    OwedInTheWay {
        procedure: String,
        step: String,
    },
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkError::UnknownProcedure(id) => write!(f, "no procedure `{id}`"),
            WalkError::Unexpected(what) => write!(f, "unexpected {what}"),
            WalkError::Refused(why) => f.write_str(why),
            WalkError::OwedInTheWay { step, .. } => write!(
                f,
                "{step} is owed and lies in between: run it (or write it off) first"
            ),
            WalkError::WaitNotOver { remaining } => {
                write!(
                    f,
                    "the wait is not over: {} s left",
                    remaining.num_seconds()
                )
            }
        }
    }
}

impl std::error::Error for WalkError {}

/// A step still ahead of the walk.
#[derive(Debug, Clone)]
pub struct Upcoming<'l> {
    pub depth: usize,
    pub procedure: &'l Procedure,
    pub step: &'l StepSpec,
    /// None when it acts on a Mailbox server not identified yet.
    pub server: Option<Server>,
}

pub struct Walk<'l> {
    library: &'l Library,
    frames: Vec<Frame<'l>>,
    /// Finished frames that still owe compensations, innermost first.
    parked: Vec<Frame<'l>>,
    history: Vec<StepRecord>,
    next: Next,
    /// Running owed compensations after the walk ended: frames do not resume callers.
    closing: Option<Ending>,
}

impl<'l> Walk<'l> {
    /// Opens `procedure` for `monitor` on `server`.
    pub fn start(
        library: &'l Library,
        procedure: &str,
        server: Server,
        monitor: Monitor,
    ) -> Result<Walk<'l>, WalkError> {
        let procedure = library
            .procedure(procedure)
            .ok_or_else(|| WalkError::UnknownProcedure(procedure.to_owned()))?;
        let mut walk = Walk {
            library,
            frames: vec![Frame::new(procedure, server, monitor)],
            parked: Vec::new(),
            history: Vec::new(),
            next: Next::Done(Outcome {
                ending: Ending::Completed,
                owed: Vec::new(),
            }),
            closing: None,
        };
        walk.settle();
        Ok(walk)
    }

    /// The library the walk's procedures come from.
    pub fn library(&self) -> &'l Library {
        self.library
    }

    pub fn next(&self) -> &Next {
        &self.next
    }

    pub fn history(&self) -> &[StepRecord] {
        &self.history
    }

    /// Compensations owed right now: finished frames' and running frames'.
    pub fn owed(&self) -> Vec<Owed> {
        self.parked
            .iter()
            .chain(self.frames.iter().rev())
            .flat_map(Frame::owed_list)
            .collect()
    }

    /// The platform's answer to the step in `Next::Run`.
    pub fn answer(&mut self, answer: &Answer) -> Result<(), WalkError> {
        let Next::Run(call) = &self.next else {
            return Err(WalkError::Unexpected("answer: no step is running"));
        };
        if answer.waited < call.wait && !answer.cut_short && answer.exit == StepExit::Succeeded {
            return Err(WalkError::WaitNotOver {
                remaining: call.wait - answer.waited,
            });
        }
        let call = call.clone();
        let frame = self.top();
        let index = frame.current();
        frame.learn(answer);
        if answer.exit != StepExit::Succeeded {
            self.record(index, StepStatus::Failed(answer.exit));
            self.next = Next::Failed(call, answer.exit);
            return Ok(());
        }
        self.record(index, StepStatus::Succeeded(answer.facts.clone()));
        let frame = self.top();
        frame.completed(index);
        if frame.mode == Mode::Compensating {
            self.settle();
        } else if frame.step(index).is_escalation() {
            self.finish(Ending::Escalated);
        } else {
            self.after_step(index);
        }
        Ok(())
    }

    /// The steps still ahead, innermost procedure first: what may run after the current
    /// one (gates decide later). Empty once the walk is over.
    pub fn upcoming(&self) -> Vec<Upcoming<'l>> {
        let mut ahead = Vec::new();
        if matches!(self.next, Next::Done(_)) {
            return ahead;
        }
        for (depth, frame) in self.frames.iter().enumerate().rev() {
            if frame.mode == Mode::Compensating {
                continue;
            }
            let from = frame.current() + 1;
            for (index, step) in frame.procedure.spec.steps.iter().enumerate().skip(from) {
                // The escalation runs only when a gate sends the walk there.
                if step.is_escalation() && frame.mode != Mode::Escalating {
                    continue;
                }
                ahead.push(Upcoming {
                    depth,
                    procedure: frame.procedure,
                    step,
                    server: frame.target(index),
                });
            }
        }
        ahead
    }

    /// Passes the step in `Next::Run` without running it (dry-run, read-only), recording why.
    pub fn pass_unrun(&mut self, reason: SkipReason) -> Result<(), WalkError> {
        if !matches!(self.next, Next::Run(_) | Next::Failed(..)) {
            return Err(WalkError::Unexpected("pass: no step to pass"));
        }
        let index = self.top().current();
        self.record(index, StepStatus::Skipped(reason));
        self.top().pass(index);
        self.settle();
        Ok(())
    }

    /// Runs a failed step again.
    pub fn retry(&mut self) -> Result<(), WalkError> {
        let Next::Failed(call, _) = &self.next else {
            return Err(WalkError::Unexpected("retry: no step failed"));
        };
        self.next = Next::Run(call.clone());
        Ok(())
    }

    /// Skips a failed or an optional step; a skipped compensation stays owed.
    pub fn skip(&mut self) -> Result<(), WalkError> {
        match &self.next {
            Next::Failed(..) => {}
            Next::Run(call) if call.optional || call.compensating => {}
            _ => return Err(WalkError::Unexpected("skip: nothing skippable")),
        }
        let frame = self.top();
        let index = frame.current();
        self.record(index, StepStatus::Skipped(SkipReason::ByEngineer));
        self.top().pass(index);
        self.settle();
        Ok(())
    }

    /// Jumps to the escalation: of the innermost procedure that has one, ending the
    /// procedures called on the way as escalated.
    pub fn escalate(&mut self) -> Result<(), WalkError> {
        if matches!(self.next, Next::Done(_)) || self.closing.is_some() {
            return Err(WalkError::Unexpected("escalate: the walk is over"));
        }
        // What the walk will not do now is said, step by step: from the step it was at
        // (unless that one already failed), and in callers after their call step.
        let mut from_current = !matches!(self.next, Next::Failed(..));
        while let Some(frame) = self.frames.last() {
            let from = frame.current() + usize::from(!from_current);
            from_current = false;
            if let Some(index) = frame.procedure.escalation() {
                self.pass_over(from, index, &SkipReason::Escalated);
                self.top().escalate_at(index);
                self.settle();
                return Ok(());
            }
            let end = frame.procedure.spec.steps.len();
            self.pass_over(from, end, &SkipReason::Escalated);
            self.finish_quietly(Ending::Escalated);
        }
        self.done(Ending::Escalated);
        Ok(())
    }

    /// Leaves the walk half-way; the compensations owed stay listed (and `compensate` runs
    /// them).
    pub fn abort(&mut self) {
        // A step about to run says it was left there; a failed one already says so.
        if let Next::Run(_) = self.next
            && !self.frames.is_empty()
        {
            let index = self.top().current();
            self.record(index, StepStatus::Skipped(SkipReason::Aborted));
        }
        while !self.frames.is_empty() {
            self.finish_quietly(Ending::Aborted);
        }
        self.done(Ending::Aborted);
    }

    /// After the walk ended with compensations owed, runs them (innermost first).
    pub fn compensate(&mut self) -> Result<(), WalkError> {
        let Next::Done(outcome) = &self.next else {
            return Err(WalkError::Unexpected("compensate: the walk is not over"));
        };
        if outcome.owed.is_empty() {
            return Err(WalkError::Unexpected("compensate: nothing is owed"));
        }
        self.closing = Some(outcome.ending);
        let mut frames: Vec<Frame<'l>> = self.parked.drain(..).rev().collect();
        for frame in &mut frames {
            frame.start_compensating();
        }
        self.frames = frames;
        self.settle();
        Ok(())
    }

    /// Records the top frame's steps `from..to` as not run, for `reason`; a step a gate or
    /// nothing to undo would have skipped anyway says that instead.
    fn pass_over(&mut self, from: usize, to: usize, reason: &SkipReason) {
        for index in from..to {
            let frame = self.top();
            if frame.step(index).is_escalation() {
                continue;
            }
            // A gate explains the skip only when what it tests was read.
            let why = match frame.skip_reason(index) {
                Some(SkipReason::Condition(c)) if !frame.unknown(c) => SkipReason::Condition(c),
                Some(SkipReason::NothingToUndo) => SkipReason::NothingToUndo,
                _ => reason.clone(),
            };
            self.record(index, StepStatus::Skipped(why));
        }
    }

    fn top(&mut self) -> &mut Frame<'l> {
        let depth = self.frames.len();
        &mut self.frames[depth - 1]
    }

    fn record(&mut self, index: usize, status: StepStatus) {
        let depth = self.frames.len() - 1;
        let frame = &self.frames[depth];
        self.history.push(frame.record(depth, index, status));
    }

    /// Gates evaluated after a step succeeded: stop, escalate, or go on.
    fn after_step(&mut self, index: usize) {
        let frame = self.top();
        let step = frame.step(index);
        if step.stop_if.is_some_and(|c| frame.holds(c)) {
            if frame.has_owed() {
                frame.start_compensating();
            } else {
                let ending = frame.stop_ending();
                self.finish(ending);
                return;
            }
        } else if step.escalate_if.is_some_and(|c| frame.holds(c)) {
            if let Some(escalation) = frame.procedure.escalation() {
                self.pass_over(index + 1, escalation, &SkipReason::Escalated);
                self.top().escalate_at(escalation);
            }
        } else {
            frame.advance();
        }
        self.settle();
    }

    /// Moves on until a step needs running or the walk is over.
    fn settle(&mut self) {
        loop {
            let Some(frame) = self.frames.last() else {
                return;
            };
            if frame.mode == Mode::Compensating {
                if let Some(index) = frame.first_owed() {
                    self.next = Next::Run(self.call(index, true));
                    return;
                }
                let ending = frame.stop_ending();
                self.finish(ending);
                return;
            }
            let index = frame.current();
            let Some(step) = frame.procedure.spec.steps.get(index) else {
                let ending = frame.end_ending();
                self.finish(ending);
                return;
            };
            if step.is_escalation() && frame.mode != Mode::Escalating {
                let ending = frame.end_ending();
                self.finish(ending);
                return;
            }
            if let Some(reason) = frame.skip_reason(index) {
                self.record(index, StepStatus::Skipped(reason));
                self.top().advance();
                continue;
            }
            if let Some(target) = &step.call {
                self.enter(index, target);
                continue;
            }
            self.next = Next::Run(self.call(index, false));
            return;
        }
    }

    fn enter(&mut self, index: usize, target: &str) {
        let library = self.library;
        let frame = self.top();
        let (server, monitor) = (frame.target(index), frame.monitor);
        let entered = match (library.procedure(target), server) {
            (None, _) => Err(SkipReason::UnknownProcedure),
            (Some(_), _) if self.frames.len() >= MAX_DEPTH => Err(SkipReason::CallTooDeep),
            (Some(_), None) => Err(SkipReason::NoMailboxServer),
            (Some(callee), Some(server)) => Ok((callee, server)),
        };
        let (callee, server) = match entered {
            Ok(entered) => entered,
            Err(reason) => {
                self.record(index, StepStatus::Skipped(reason));
                self.top().advance();
                return;
            }
        };
        let monitor = callee_monitor(callee, monitor);
        let status = StepStatus::Called {
            procedure: callee.id().to_owned(),
            server: server.name.clone(),
        };
        self.record(index, status);
        let mut frame = Frame::new(callee, server, monitor);
        frame.preview = self.frames.first().is_some_and(|f| f.preview);
        self.frames.push(frame);
    }

    fn call(&self, index: usize, compensating: bool) -> StepCall {
        let depth = self.frames.len() - 1;
        self.frames[depth].call(depth, index, compensating)
    }

    /// Ends the innermost procedure and resumes its caller with the ending.
    fn finish(&mut self, ending: Ending) {
        self.finish_quietly(ending);
        if self.frames.is_empty() {
            self.done(self.closing.unwrap_or(ending));
            return;
        }
        if self.closing.is_some() {
            self.settle();
            return;
        }
        let frame = self.top();
        let index = frame.current();
        frame.returned(ending);
        self.after_step(index);
    }

    /// Pops the innermost procedure, parking it if it still owes compensations, and
    /// records the ending on its caller's call step.
    fn finish_quietly(&mut self, ending: Ending) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.has_owed() && self.closing.is_none() {
            self.parked.push(frame);
        }
        if !self.frames.is_empty() {
            let index = self.top().current();
            self.record(index, StepStatus::Returned(ending));
        }
    }

    fn done(&mut self, ending: Ending) {
        let owed = self.owed();
        if self.closing.is_some() {
            self.frames.clear();
        }
        self.next = Next::Done(Outcome { ending, owed });
    }
}

/// The monitor a called procedure works for: its own first monitor of the caller's
/// protocol (the CTP detour recovers the deep test), or the caller's (verify).
fn callee_monitor(callee: &Procedure, caller: Monitor) -> Monitor {
    callee
        .monitors
        .iter()
        .copied()
        .find(|m| m.protocol == caller.protocol)
        .unwrap_or(caller)
}

impl Frame<'_> {
    /// The server a step acts on; None when it needs the Mailbox server and none is known.
    pub(super) fn target(&self, index: usize) -> Option<Server> {
        match self.step(index).on {
            Some(TargetServer::MailboxServer) => self.mailbox.clone(),
            _ => Some(self.server.clone()),
        }
    }
}
