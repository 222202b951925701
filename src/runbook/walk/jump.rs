//! Moving the walk ahead: an experienced engineer who already knows where the problem is
//! (the problem list names the Mailbox server) goes straight to a later step, saying why.

use super::{Walk, WalkError};
use crate::runbook::step::{Next, SkipReason, StepStatus};

impl Walk<'_> {
    /// Moves the walk to `step` of the innermost procedure, passing over the steps before
    /// it (each recorded as passed over, with `reason`). The step then runs whatever its
    /// `only_if` says. Refused while nothing is next, for a step not ahead, for one that
    /// needs a Mailbox server not identified yet, and when an owed compensation lies in
    /// between: a debt is never passed over. Returns the steps passed over.
    pub fn jump(
        &mut self,
        (procedure, step): (&str, &str),
        reason: &str,
    ) -> Result<Vec<String>, WalkError> {
        let (from, to) = self.check_jump(procedure, step)?;
        let frame = self.top();
        let passed: Vec<String> = (from..to).map(|i| frame.step(i).id.clone()).collect();
        let why = SkipReason::PassedOver(reason.to_owned());
        for index in from..to {
            self.record(index, StepStatus::Skipped(why.clone()));
        }
        self.top().jump_to(to);
        self.settle();
        Ok(passed)
    }

    /// Whether the walk may move to `step` ([`Walk::jump`]): the steps it would pass over
    /// (`from..to`), or why not.
    pub fn check_jump(&self, procedure: &str, step: &str) -> Result<(usize, usize), WalkError> {
        let failed = match &self.next {
            Next::Run(call) if !call.compensating => false,
            Next::Failed(call, _) if !call.compensating => true,
            _ => {
                return Err(WalkError::Refused(
                    "there is no step to move from".to_owned(),
                ));
            }
        };
        let Some(frame) = self.frames.last() else {
            return Err(WalkError::Refused("the walk is over".to_owned()));
        };
        if frame.procedure.id() != procedure {
            return Err(WalkError::Refused(format!(
                "the walk is in {}: a step of {procedure} cannot be jumped to from there",
                frame.procedure.id()
            )));
        }
        let current = frame.current();
        let ahead = frame.procedure.step_index(step).filter(|&to| to > current);
        if ahead.is_some_and(|to| frame.step(to).is_escalation()) {
            return Err(WalkError::Refused("e escalates (with a reason)".to_owned()));
        }
        let Some(to) = ahead else {
            return Err(WalkError::Refused(format!(
                "{step} is not ahead in {}: only a later step of it can be jumped to",
                frame.procedure.id()
            )));
        };
        if frame.target(to).is_none() {
            return Err(WalkError::Refused(
                "that step acts on the Mailbox server, which is not identified yet".to_owned(),
            ));
        }
        if let Some(owed) = (current..to).find(|&i| frame.is_owed(i)) {
            return Err(WalkError::OwedInTheWay {
                procedure: procedure.to_owned(),
                step: frame.step(owed).id.clone(),
            });
        }
        Ok((current + usize::from(failed), to))
    }
}
