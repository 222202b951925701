//! The walk and what outlives it: the compensations a step about to run will owe, a walk
//! that only pays compensations owed by an earlier walk (this console's or another's), and
//! forgetting one that was paid elsewhere.

use super::{Walk, WalkError};
use crate::health::{Monitor, Server};
use crate::runbook::frame::Frame;
use crate::runbook::library::Library;
use crate::runbook::step::{Next, Outcome, StepCall};
use crate::runbook::vocabulary::Ending;

impl<'l> Walk<'l> {
    /// The compensation steps the step in `Next::Run` registers, as calls: what it will owe
    /// once it runs, with everything needed to show the command that undoes it.
    pub fn compensations_of_next(&self) -> Vec<StepCall> {
        let (Next::Run(call), Some(frame)) = (&self.next, self.frames.last()) else {
            return Vec::new();
        };
        if call.compensating {
            return Vec::new();
        }
        let depth = self.frames.len() - 1;
        frame
            .step(frame.current())
            .compensation
            .iter()
            .filter_map(|id| frame.procedure.step_index(id))
            .map(|index| frame.call(depth, index, true))
            .collect()
    }

    /// A walk that pays debts: the compensation `steps` of `procedure`, owed on `server`,
    /// run one by one (destructive ones still confirmed), without walking the runbook again.
    pub fn paying(
        library: &'l Library,
        procedure: &str,
        server: Server,
        monitor: Monitor,
        steps: &[String],
    ) -> Result<Walk<'l>, WalkError> {
        let found = library
            .procedure(procedure)
            .ok_or_else(|| WalkError::UnknownProcedure(procedure.to_owned()))?;
        let mut frame = Frame::new(found, server.clone(), monitor);
        // The debt names the server its step acts on, whatever the step's `on:` says.
        frame.mailbox = Some(server);
        for id in steps {
            let index = found
                .step_index(id)
                .ok_or_else(|| WalkError::UnknownProcedure(format!("{procedure}/{id}")))?;
            frame.owe(index);
        }
        if !frame.has_owed() {
            return Err(WalkError::Unexpected("paying: nothing is owed"));
        }
        let mut walk = Walk {
            library,
            frames: Vec::new(),
            parked: vec![frame],
            history: Vec::new(),
            next: Next::Done(Outcome {
                ending: Ending::Completed,
                owed: Vec::new(),
            }),
            closing: None,
        };
        walk.done(Ending::Completed);
        walk.compensate()?;
        Ok(walk)
    }

    /// Turns the walk into a dry-run preview (before anything ran): a gate on a fact nothing
    /// read lets its step through, so both sides of every branch are shown.
    pub fn preview(&mut self) {
        for frame in &mut self.frames {
            frame.preview = true;
        }
        if self.history.is_empty() {
            self.settle();
        }
    }

    /// What the step in `Next::Run` waits on that nothing established, its callers' calls
    /// included, in words (a preview shows them: `not server_healthy`, and for an undo
    /// step `failover ran`).
    pub fn undecided_of_next(&self) -> Vec<String> {
        if !matches!(self.next, Next::Run(_)) {
            return Vec::new();
        }
        let mut said: Vec<String> = self
            .frames
            .iter()
            .flat_map(|frame| frame.undecided(frame.current()))
            .map(|c| c.to_string())
            .collect();
        if let Some(frame) = self.frames.last().filter(|f| f.preview) {
            let index = frame.current();
            if !frame.is_owed(index) {
                said.extend(frame.undoes(index).into_iter().map(|s| format!("{s} ran")));
            }
        }
        said
    }

    /// Takes `server` as the Mailbox server behind the probe without reading it (a preview
    /// names the inventory's, so the Mailbox detour can be shown).
    pub fn assume_mailbox(&mut self, server: Server) {
        if let Some(frame) = self.frames.last_mut() {
            frame.mailbox = Some(server);
        }
    }

    /// A compensation paid elsewhere (another console, or the drill-down): no longer owed
    /// by this walk. Never call it while that very step runs.
    pub fn forgive(&mut self, procedure: &str, step: &str, server: &str) {
        let mut forgave = false;
        for frame in self.frames.iter_mut().chain(self.parked.iter_mut()) {
            if frame.procedure.id() != procedure {
                continue;
            }
            let Some(index) = frame.procedure.step_index(step) else {
                continue;
            };
            if frame.target(index).is_some_and(|s| s.name == server) {
                forgave |= frame.forgive(index);
            }
        }
        if let Next::Done(outcome) = &mut self.next {
            outcome
                .owed
                .retain(|o| !(o.procedure == procedure && o.step == step && o.server == server));
        }
        let running_it = matches!(&self.next, Next::Run(call)
            if call.compensating && call.procedure == procedure && call.step == step);
        if forgave && running_it {
            self.settle();
        }
    }
}
