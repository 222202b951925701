//! The engineer's hand on a step: cancel it (or its wait), skip it, escalate.

use super::outcome::settled;
use super::pane::Active;
use super::pane::RowState;
use super::reason::ask;
use super::run::run_next;
use super::run::{WaitEnd, end_wait};
use crate::effect::Effect;
use crate::incident::Entry;
use crate::runbook::{Next, RecoveryAction, SkipReason, StepStatus, WalkError};
use crate::update::state::{AppState, Prompt, Purpose};

/// `c`: cancel the running step's job, or the wait.
pub(super) fn cancel(state: &mut AppState) -> Vec<Effect> {
    let now = state.now;
    let by = state.launch.operator.clone();
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
            let tr = crate::i18n::Tr::of(state.launch.language);
            let note = tr.fmt("note-cancelling", &[("run", run.to_string().into())]);
            pane.log.note(now, note);
            vec![
                Effect::Cancel(run),
                Effect::Record(Entry::CancelRequested { run: run.0, by }),
            ]
        }
        Active::Waiting { .. } => end_wait(state, WaitEnd::Cancelled),
        Active::Idle => {
            state.view.flash = Some(state.tr().text("flash-nothing-running").to_owned());
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
            state.view.flash = Some(state.tr().text("flash-running-cancel-first").to_owned());
            return Vec::new();
        }
    }
    if pane.walk.skip().is_ok() {
        settled(state)
    } else {
        state.view.flash = Some(state.tr().text("flash-cannot-skip").to_owned());
        Vec::new()
    }
}

/// `e`: escalation is a handover, so it asks why first. The prompt opens even when it
/// cannot act yet (a step runs): what is typed next is the reason, never keys.
pub(super) fn escalate(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_ref() else {
        return Vec::new();
    };
    if pane.is_over() {
        state.view.flash = Some(state.tr().text("flash-nothing-to-escalate").to_owned());
        return Vec::new();
    }
    let busy = !matches!(pane.active, Active::Idle);
    ask(state, Purpose::Escalate);
    if busy {
        let why = state.tr().text("refuse-step-running-cancel").to_owned();
        refuse(state, why);
    }
    Vec::new()
}

/// The open reason prompt says why Enter cannot act (what was typed stays).
fn refuse(state: &mut AppState, why: String) {
    if let Some(Prompt::Reason { refused, .. }) = &mut state.view.prompt {
        *refused = Some(why);
    }
}

/// A walk's refusal in words, steps named by their titles.
fn refusal(state: &AppState, error: &WalkError) -> String {
    match error {
        WalkError::OwedInTheWay { procedure, step } => state.tr().fmt(
            "refuse-owed-in-between",
            &[("step", super::step_title(state, procedure, step).into())],
        ),
        other => state
            .tr()
            .fmt("refuse-cannot-move", &[("why", other.to_string().into())]),
    }
}

/// Escalates with the reason given: the steps not run say so, the record says who and why,
/// and the escalation step runs at once (it runs nothing: it hands over).
pub(super) fn escalate_because(state: &mut AppState, reason: String) -> Vec<Effect> {
    let by = state.launch.operator.clone();
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    if !matches!(pane.active, Active::Idle) {
        let why = state.tr().text("refuse-step-running-cancel").to_owned();
        super::reason::reopen(state, Purpose::Escalate, reason, why);
        return Vec::new();
    }
    let before = pane.walk.history().len();
    if let Err(error) = pane.walk.escalate() {
        state.view.flash = Some(error.to_string());
        return Vec::new();
    }
    let passed: Vec<(String, String)> = pane.walk.history()[before..]
        .iter()
        .filter(|r| matches!(r.status, StepStatus::Skipped(SkipReason::Escalated)))
        .map(|r| (r.procedure.clone(), r.step.clone()))
        .collect();
    pane.escalation = Some(reason.clone());
    let (procedure, server) = (pane.procedure.id().to_owned(), pane.server);
    // Ids, as the record names steps (a title would be in the console's language); a
    // called procedure's step says whose it is.
    let not_run = passed
        .iter()
        .map(|(of, step)| {
            if *of == procedure {
                step.clone()
            } else {
                format!("{of}/{step}")
            }
        })
        .collect();
    let entry = Entry::Escalated {
        procedure,
        server: state.fleet.servers()[server].name.clone(),
        reason,
        by,
        not_run,
    };
    let mut effects = vec![Effect::Record(entry)];
    effects.extend(settled(state));
    // The escalation steps run at once, the callers' too (an escalated Mailbox detour hands
    // the CTP procedure over with it): they run nothing, they hand over.
    for _ in 0..8 {
        let escalation_next = state.runbook.as_ref().is_some_and(
            |p| matches!(p.walk.next(), Next::Run(call) if call.action == RecoveryAction::Escalate),
        );
        if !escalation_next {
            break;
        }
        effects.extend(run_next(state));
    }
    effects
}

/// `>`: move the walk ahead to the highlighted step, with a reason. The prompt opens whatever the engine will say, so that what is typed next is the
/// reason and never keys: a refusal is shown in it, and Enter does nothing then.
pub(super) fn jump(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_ref() else {
        return Vec::new();
    };
    let rows = pane.rows(state.now);
    let Some(row) = rows.get(pane.highlight) else {
        return Vec::new();
    };
    let tr = state.tr();
    let refused = if !matches!(pane.active, Active::Idle) {
        Some(tr.text("refuse-step-running-wait").to_owned())
    } else if row.state != RowState::Pending {
        Some(tr.text("refuse-jump-ahead").to_owned())
    } else {
        let checked = pane.walk.check_jump(&row.procedure, &row.step);
        checked.err().map(|error| refusal(state, &error))
    };
    let title = super::step_title(state, &row.procedure, &row.step);
    let (procedure, step) = (row.procedure.clone(), row.step.clone());
    ask(
        state,
        Purpose::JumpAhead {
            procedure,
            step,
            title,
        },
    );
    if let Some(why) = refused {
        refuse(state, why);
    }
    Vec::new()
}

/// Moves the walk ahead, with the reason given; the steps passed over are recorded. A
/// refusal keeps the prompt open, saying why.
pub(super) fn jump_because(
    state: &mut AppState,
    (procedure, step, title): (String, String, String),
    reason: String,
) -> Vec<Effect> {
    let by = state.launch.operator.clone();
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    let busy = !matches!(pane.active, Active::Idle);
    let before = pane.recorded;
    let jumped = if busy {
        Err(None)
    } else {
        pane.walk.jump((&procedure, &step), &reason).map_err(Some)
    };
    let passed = match jumped {
        Ok(passed) => passed,
        Err(error) => {
            let why = error.map_or_else(
                || state.tr().text("refuse-step-running-wait").to_owned(),
                |error| refusal(state, &error),
            );
            let purpose = Purpose::JumpAhead {
                procedure,
                step,
                title,
            };
            super::reason::reopen(state, purpose, reason, why);
            return Vec::new();
        }
    };
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    // The passed-over steps are in this entry; `settled` records only what comes after.
    pane.recorded = before + passed.len();
    let entry = Entry::PassedOver {
        procedure,
        server: state.fleet.servers()[pane.server].name.clone(),
        to: step,
        steps: passed,
        reason,
        by,
    };
    let mut effects = vec![Effect::Record(entry)];
    effects.extend(settled(state));
    effects
}

/// The handover summary was written (or not): say where, in the pane and the record.
pub(in crate::update) fn handover_written(
    state: &mut AppState,
    (procedure, server): (String, String),
    path: Result<String, String>,
) -> Vec<Effect> {
    let (flash, effects) = match path {
        Ok(path) => {
            // The file's name fits the status bar; the log and help keep the path.
            let name = std::path::Path::new(&path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
            let now = state.now;
            let tr = state.tr();
            if let Some(pane) = state.runbook.as_mut() {
                let note = tr.fmt("note-handover", &[("path", path.as_str().into())]);
                pane.log.note(now, note);
            }
            (
                tr.fmt("flash-handover", &[("name", name.into())]),
                vec![Effect::Record(Entry::Handover {
                    procedure,
                    server,
                    path,
                })],
            )
        }
        Err(why) => (
            state
                .tr()
                .fmt("flash-handover-not-written", &[("why", why.into())]),
            Vec::new(),
        ),
    };
    state.view.flash = Some(flash);
    effects
}
