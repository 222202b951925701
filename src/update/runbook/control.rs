//! The engineer's hand on a step: cancel it (or its wait), skip it, escalate.

use super::outcome::settled;
use super::pane::Active;
use super::run::{WaitEnd, end_wait};
use crate::effect::Effect;
use crate::incident::Entry;
use crate::update::state::AppState;

/// `c`: cancel the running step's job, or the wait.
pub(super) fn cancel(state: &mut AppState) -> Vec<Effect> {
    let now = state.now;
    let by = state.operator.clone();
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    match &mut pane.active {
        Active::Running {
            run,
            cancel_requested,
            ..
        } => {
            let run = *run;
            *cancel_requested = true;
            pane.log.note(now, format!("{run} cancelling…"));
            vec![
                Effect::Cancel(run),
                Effect::Record(Entry::CancelRequested { run: run.0, by }),
            ]
        }
        Active::Waiting { .. } => end_wait(state, WaitEnd::Cancelled),
        Active::Idle => {
            state.flash = Some("nothing is running".to_owned());
            Vec::new()
        }
    }
}

/// `s`: skip a failed or optional step (a skipped compensation stays owed).
pub(super) fn skip(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    match pane.active {
        Active::Idle => {}
        // Skipping a wait skips the waiting, never the recheck.
        Active::Waiting { .. } => return end_wait(state, WaitEnd::Skipped),
        Active::Running { .. } => {
            state.flash = Some("a step is running: c cancels it first".to_owned());
            return Vec::new();
        }
    }
    if pane.walk.skip().is_ok() {
        settled(state)
    } else {
        state.flash = Some("only a failed or optional step can be skipped".to_owned());
        Vec::new()
    }
}

/// `e`: go to the escalation.
pub(super) fn escalate(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    if !matches!(pane.active, Active::Idle) {
        state.flash = Some("a step is running: c cancels it first".to_owned());
        return Vec::new();
    }
    match pane.walk.escalate() {
        Ok(()) => settled(state),
        Err(error) => {
            state.flash = Some(error.to_string());
            Vec::new()
        }
    }
}
