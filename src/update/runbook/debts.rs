//! Debts: compensations owed on a server beyond the walk that owes them. A step that owes
//! some writes them to the shared ledger as it starts (maybe owed: it may change the server
//! part-way) and again when it succeeds (owed); one that never started owes nothing. A step
//! that succeeds pays every debt it undoes, whichever walk or console owed it.

use super::prepare::prepare;
use super::step_title_in;
use crate::effect::Effect;
use crate::incident::Entry;
use crate::job::RunId;
use crate::runbook::{Debt, Ledger, StepCall, StepExit};
use crate::update::state::AppState;

/// The step `call` starts as `run`: what it will owe is recorded as maybe owed now.
pub(super) fn on_start(state: &mut AppState, run: RunId, call: &StepCall) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_ref() else {
        return Vec::new();
    };
    let undoing = pane.walk.compensations_of_next();
    if undoing.is_empty() {
        return Vec::new();
    }
    let caused_by_title = step_title_in(state, (&call.procedure, &call.step), "en");
    let mut effects = Vec::new();
    let (mut ids, mut reused) = (Vec::new(), Vec::new());
    for undo in undoing {
        let command = prepare(state, &undo).command;
        // The same undo owed already (a failover run again): one debt, one undo. It turns
        // certain if this run succeeds; it is never cleared for this run not starting.
        let same = state.owed().into_iter().find(|d| {
            d.server == undo.server.name
                && d.procedure == undo.procedure
                && d.step == undo.step
                && d.command == command
        });
        if let Some(same) = same {
            reused.push(same.id.clone());
            continue;
        }
        let debt = Debt {
            // A pid comes back one day: the start time keeps ids apart.
            id: format!(
                "{}-{}-{}-{}",
                state.launch.session,
                state.started.timestamp(),
                run.0,
                undo.step
            ),
            server: undo.server.name.clone(),
            procedure: undo.procedure.clone(),
            step: undo.step.clone(),
            title: step_title_in(state, (&undo.procedure, &undo.step), "en"),
            action: undo.action.name().to_owned(),
            monitor: undo.monitor.name().to_owned(),
            command,
            caused_by: call.step.clone(),
            caused_by_title: caused_by_title.clone(),
            by: state.launch.operator.clone(),
            console: state.launch.session.clone(),
            since: state.wall_now(),
            certain: false,
        };
        ids.push(debt.id.clone());
        effects.extend(owe(state, debt));
    }
    if let Some(pane) = state.runbook.as_mut() {
        pane.debts.push((run, ids, reused));
    }
    effects
}

/// The step `call` (run `run`) ended: its debts become certain, go (it never ran), or stay
/// maybe owed (it ran and failed part-way); if it succeeded, the debts it undoes are paid.
pub(super) fn on_end(
    state: &mut AppState,
    run: RunId,
    call: &StepCall,
    (exit, ran): (StepExit, bool),
) -> Vec<Effect> {
    let (ids, reused) = state
        .runbook
        .as_ref()
        .and_then(|p| p.debts.iter().find(|(r, ..)| *r == run))
        .map(|(_, ids, reused)| (ids.clone(), reused.clone()))
        .unwrap_or_default();
    let mut effects = Vec::new();
    let mine: Vec<Debt> = state
        .owed()
        .into_iter()
        .filter(|d| ids.contains(&d.id) || reused.contains(&d.id))
        .cloned()
        .collect();
    for mut debt in mine {
        if reused.contains(&debt.id) && exit != StepExit::Succeeded {
            // Owed before this run: its end changes nothing of it.
            continue;
        }
        match (exit, ran) {
            (StepExit::Succeeded, _) => {
                debt.certain = true;
                effects.extend(owe(state, debt));
            }
            // Refused before anything ran: nothing changed, nothing is owed.
            (_, false) => effects.extend(settle(state, &debt, "not_run", None)),
            (_, true) => {
                let args = [
                    ("owed", debt.title.as_str().into()),
                    ("server", debt.server.as_str().into()),
                    ("step", debt.caused_by_title.as_str().into()),
                ];
                let said = state.tr().fmt("note-maybe-owed", &args);
                note(state, said);
            }
        }
    }
    if exit == StepExit::Succeeded {
        let command = state
            .runbook
            .as_ref()
            .and_then(|p| p.run(run))
            .and_then(|r| r.command.clone());
        let paid: Vec<Debt> = state
            .owed()
            .into_iter()
            .filter(|d| d.server == call.server.name)
            .filter(|d| {
                (d.procedure == call.procedure && d.step == call.step)
                    || (d.command.is_some() && d.command == command)
            })
            .filter(|d| !ids.contains(&d.id) && !reused.contains(&d.id))
            .cloned()
            .collect();
        for debt in paid {
            effects.extend(settle(state, &debt, "ran", None));
        }
    }
    effects
}

/// Owes `debt` (or replaces it: same id): in the record, the ledger, and on screen at once.
fn owe(state: &mut AppState, debt: Debt) -> Vec<Effect> {
    let entry = Entry::Owed {
        id: debt.id.clone(),
        server: debt.server.clone(),
        procedure: debt.procedure.clone(),
        step: debt.step.clone(),
        title: debt.title.clone(),
        command: debt.command.clone(),
        caused_by: debt.caused_by.clone(),
        certain: debt.certain,
        by: debt.by.clone(),
    };
    state.owed_pending.retain(|d| d.id != debt.id);
    state.owed_pending.push(debt.clone());
    vec![Effect::Record(entry), Effect::Owe(debt)]
}

/// Clears `debt`: paid (`ran`), never owed (`not_run`) or written off (with a reason).
pub(super) fn settle(
    state: &mut AppState,
    debt: &Debt,
    how: &str,
    reason: Option<String>,
) -> Vec<Effect> {
    let entry = Entry::OwedCleared {
        id: debt.id.clone(),
        server: debt.server.clone(),
        procedure: debt.procedure.clone(),
        step: debt.step.clone(),
        how: how.to_owned(),
        reason,
        by: state.launch.operator.clone(),
    };
    state.owed_pending.retain(|d| d.id != debt.id);
    if !state.owed_clearing.contains(&debt.id) {
        state.owed_clearing.push(debt.id.clone());
    }
    forget(state, std::slice::from_ref(debt));
    vec![
        Effect::Record(entry),
        Effect::Settle {
            server: debt.server.clone(),
            id: debt.id.clone(),
        },
    ]
}

/// Debts paid elsewhere are no longer owed by any walk of this console (the open one and
/// those left half-way), unless that very step is running.
pub(in crate::update) fn forget(state: &mut AppState, paid: &[Debt]) {
    let panes = state.runbook.iter_mut().chain(state.parked.iter_mut());
    for pane in panes {
        for debt in paid {
            let running = pane.running_call().is_some_and(|c| {
                c.procedure == debt.procedure && c.step == debt.step && c.server.name == debt.server
            });
            if !running {
                pane.walk.forgive(&debt.procedure, &debt.step, &debt.server);
            }
        }
    }
}

/// The shared ledger, read anew: other consoles owe and pay too. What it shows is no longer
/// pending here; what it no longer shows was paid (or written off) elsewhere, and no walk
/// of this console owes it any more. An unreadable ledger forgives nothing.
pub(in crate::update) fn ledger(state: &mut AppState, ledger: Ledger) {
    let before: Vec<Debt> = state.ledger.debts.clone();
    state.owed_pending.retain(|p| !ledger.debts.contains(p));
    state
        .owed_clearing
        .retain(|id| ledger.debts.iter().any(|d| d.id == *id));
    let readable = ledger.unreadable.is_empty();
    let gone: Vec<Debt> = before
        .into_iter()
        .filter(|d| !ledger.debts.iter().any(|n| n.id == d.id))
        .collect();
    let first = !state.ledger_read;
    state.ledger_read = true;
    state.ledger = ledger;
    if readable && !gone.is_empty() {
        forget(state, &gone);
    }
    // At start, what is owed on this fleet is shown first (after a hang-up report).
    if first && !state.ledger.debts.is_empty() {
        state.view.owed_box = true;
    }
}

fn note(state: &mut AppState, text: String) {
    let now = state.now;
    if let Some(pane) = state.runbook.as_mut() {
        pane.log.note(now, text);
    }
}
