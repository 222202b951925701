//! Leaving a runbook: with a step running it keeps running in the background; half-way
//! with compensations owed, the engineer runs them or leaves them, and the record says
//! which. Quitting goes the same way.

use super::pane::Active;
use crate::effect::{Effect, QuitReason};
use crate::incident::Entry;
use crate::runbook::{Next, Owed};
use crate::update::state::{AppState, DrillState, Prompt, Screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Esc in the pane (`quit` false), or `q` / Ctrl-C anywhere (`quit` true).
pub(in crate::update) fn leave(state: &mut AppState, quit: bool) -> Vec<Effect> {
    if quit && state.quit_after_cancel {
        // Asked again while the cancel is under way: quit now (the record keeps the rest).
        return vec![Effect::Quit(QuitReason::User)];
    }
    let Some(pane) = state.runbook.as_ref() else {
        return if quit {
            vec![Effect::Quit(QuitReason::User)]
        } else {
            back_to_drill(state);
            Vec::new()
        };
    };
    if !matches!(pane.active, Active::Idle) {
        if quit {
            state.view.prompt = Some(Prompt::QuitRunning);
        } else {
            back_to_drill(state);
            state.view.flash = Some(state.tr().text("flash-step-goes-on").to_owned());
        }
        return Vec::new();
    }
    let owed = match pane.walk.next() {
        Next::Done(outcome) => outcome.owed.clone(),
        _ => pane.walk.owed(),
    };
    if owed.is_empty() {
        let mut effects = close(state, &[]);
        if quit {
            effects.push(Effect::Quit(QuitReason::User));
        }
        return effects;
    }
    let entry = Entry::CompensationsOffered {
        procedure: pane.procedure.id().to_owned(),
        owed: names(&owed),
    };
    state.view.prompt = Some(Prompt::Leave {
        owed,
        quit,
        running: false,
    });
    vec![Effect::Record(entry)]
}

/// Quitting, the running step left running: it is detached (it survives the console), and
/// what the walk owes (with what the running step may owe) is offered before the quit.
fn leave_running(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_ref() else {
        return vec![Effect::Quit(QuitReason::User)];
    };
    let Some(run) = pane.running_run() else {
        return vec![Effect::Quit(QuitReason::User)];
    };
    let mut effects = vec![Effect::Detach(run)];
    let mut owed = pane.walk.owed();
    let maybe: Vec<String> = pane
        .debts
        .iter()
        .filter(|(r, ..)| *r == run)
        .flat_map(|(_, ids, reused)| ids.iter().chain(reused).cloned())
        .collect();
    for debt in state.owed().into_iter().filter(|d| maybe.contains(&d.id)) {
        let debt = Owed {
            procedure: debt.procedure.clone(),
            step: debt.step.clone(),
            server: debt.server.clone(),
        };
        if !owed.contains(&debt) {
            owed.push(debt);
        }
    }
    if owed.is_empty() {
        effects.push(Effect::Quit(QuitReason::User));
        return effects;
    }
    effects.push(Effect::Record(Entry::CompensationsOffered {
        procedure: pane.procedure.id().to_owned(),
        owed: names(&owed),
    }));
    state.view.prompt = Some(Prompt::Leave {
        owed,
        quit: true,
        running: true,
    });
    effects
}

/// `q` anywhere: through the runbook's leaving when one is open.
pub(in crate::update) fn quit(state: &mut AppState) -> Vec<Effect> {
    leave(state, true)
}

/// Keys of the leave and quit prompts: single letters, Esc stays.
pub(in crate::update) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let by = state.launch.operator.clone();
    // Ctrl-C insists on quitting: what it leaves undone or running is recorded as such.
    // Anywhere else it backs out. No plain letter but `l` leaves: a second `q` typed in
    // haste must not skip the compensations.
    let code = match (&state.view.prompt, key.code) {
        (Some(Prompt::Leave { quit: true, .. } | Prompt::QuitRunning), KeyCode::Char('c'))
            if control =>
        {
            KeyCode::Char('l')
        }
        (_, KeyCode::Char('c')) if control => KeyCode::Esc,
        (_, _) if control => return Vec::new(),
        (_, code) => code,
    };
    match (state.view.prompt.clone(), code) {
        (_, KeyCode::Esc | KeyCode::Char('h')) => state.view.prompt = None,
        (Some(Prompt::Leave { running: true, .. }), KeyCode::Char('r')) => {
            state.view.flash = Some(state.tr().text("flash-undo-waits").to_owned());
        }
        (Some(Prompt::Leave { owed, quit, .. }), KeyCode::Char('r')) => {
            state.view.prompt = None;
            let Some(pane) = state.runbook.as_mut() else {
                return Vec::new();
            };
            let entry = Entry::CompensationsDecided {
                procedure: pane.procedure.id().to_owned(),
                run: true,
                owed: names(&owed),
                by,
            };
            if !pane.is_over() {
                pane.walk.abort();
            }
            let refused = pane.walk.compensate().err();
            let refused = refused.map(|error| pane.refused(state.now, "compensate", &error));
            pane.autorun = true;
            if quit {
                // Asked to quit: once every one has run, the console quits by itself.
                state.quit_when_paid = true;
                let said = crate::i18n::Tr::of(state.launch.language).text("flash-quits-when-paid");
                state.view.flash = Some(said.to_owned());
            }
            if let Screen::Drill(drill) = &state.view.screen {
                state.view.screen = Screen::Runbook(drill.clone());
            }
            let mut effects = vec![Effect::Record(entry)];
            effects.extend(refused);
            effects.extend(super::outcome::settled(state));
            return effects;
        }
        (
            Some(Prompt::Leave {
                owed,
                quit,
                running,
            }),
            KeyCode::Char('l'),
        ) => {
            state.view.prompt = None;
            let Some(pane) = state.runbook.as_ref() else {
                return Vec::new();
            };
            let entry = Entry::CompensationsDecided {
                procedure: pane.procedure.id().to_owned(),
                run: false,
                owed: names(&owed),
                by,
            };
            let mut effects = vec![Effect::Record(entry)];
            // A step left running keeps its pane: only the console goes.
            if !running {
                effects.extend(close(state, &owed));
            }
            if quit {
                effects.push(Effect::Quit(QuitReason::User));
            }
            return effects;
        }
        (Some(Prompt::QuitRunning), KeyCode::Char('c')) => {
            // Once it has ended, what is owed is offered like on any leave (then quits).
            state.view.prompt = None;
            state.quit_after_cancel = true;
            let effects = super::control::cancel(state);
            state.view.flash = Some(state.tr().text("flash-cancelling-then-quit").to_owned());
            return effects;
        }
        (Some(Prompt::QuitRunning), KeyCode::Char('l')) => {
            state.view.prompt = None;
            return leave_running(state);
        }
        _ => {}
    }
    Vec::new()
}

/// Records the close and returns to the drill-down; `owed` are left undone.
fn close(state: &mut AppState, owed: &[Owed]) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    let ending = pane.ending().unwrap_or_else(|| "left".to_owned());
    let entry = Entry::RunbookClosed {
        procedure: pane.procedure.id().to_owned(),
        ending,
        owed: names(owed),
    };
    // Left half-way, the walk waits for the engineer: reopening it resumes.
    if let Some(pane) = state.runbook.take()
        && !pane.is_over()
        && !pane.paying
    {
        state.parked.push(pane);
    }
    back_to_drill(state);
    vec![Effect::Record(entry)]
}

fn back_to_drill(state: &mut AppState) {
    if let Screen::Runbook(drill) = &state.view.screen {
        state.view.screen = Screen::Drill(DrillState {
            selected: drill.selected,
            ..drill.clone()
        });
    }
}

fn names(owed: &[Owed]) -> Vec<String> {
    owed.iter().map(ToString::to_string).collect()
}
