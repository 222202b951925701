//! Typed confirmation of a destructive step: the server's short name, case-insensitive.
//! Every printable key is literal here; Enter confirms, Esc aborts, both are recorded.

use super::run;
use crate::effect::Effect;
use crate::exec::guard::Holder;
use crate::incident::Entry;
use crate::job::RunId;
use crate::runbook::StepCall;
use crate::update::state::{AppState, Prompt};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What must be typed: the name up to the first dot (`ex01` of `ex01.contoso.com`).
pub fn short_name(call: &StepCall) -> &str {
    call.server
        .name
        .split('.')
        .next()
        .unwrap_or(&call.server.name)
}

/// The step's server is locked by a console that looks dead: typing the server's name
/// breaks the lock and runs the step again (DESIGN: breaking a lock needs confirmation).
pub fn lock_stale(state: &mut AppState, run: RunId, server: &str, holder: Holder, why: String) {
    let Some(step) = state
        .runbook
        .as_ref()
        .and_then(|pane| pane.runs.iter().find(|r| r.run == run))
    else {
        return;
    };
    if state.prompt.is_some() || step.call.server.name != server {
        return;
    }
    state.prompt = Some(Prompt::Confirm {
        text: String::new(),
        call: Box::new(step.call.clone()),
        refused: None,
        ran_before: None,
        breaking: Some(Box::new((holder, why))),
    });
}

pub(in crate::update) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let by = state.operator.clone();
    let Some(Prompt::Confirm {
        text,
        call,
        refused,
        breaking,
        ..
    }) = &mut state.prompt
    else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => {
            state.prompt = None;
            return super::quit(state);
        }
        KeyCode::Char('u') if control => text.clear(),
        KeyCode::Char(c) if !control => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Esc => {
            let entry = confirmation(call, text, false, by);
            state.prompt = None;
            state.flash = Some("not confirmed: nothing ran".to_owned());
            return vec![Effect::Record(entry)];
        }
        KeyCode::Enter => {
            let accepted = text.trim().eq_ignore_ascii_case(short_name(call));
            let entry = confirmation(call, text, accepted, by);
            if !accepted {
                *refused = Some(std::mem::take(text));
                return vec![Effect::Record(entry)];
            }
            let call = call.clone();
            let breaking = breaking.take();
            state.prompt = None;
            if let (Some(breaking), Some(pane)) = (breaking, state.runbook.as_mut()) {
                let (holder, _) = *breaking;
                pane.log.note(
                    state.now,
                    format!("breaking the lock on {} held by {holder}", call.server.name),
                );
                pane.break_lock = Some((call.server.name.clone(), holder));
                // The step failed on the lock: it runs again.
                let _ = pane.walk.retry();
            }
            let mut effects = vec![Effect::Record(entry)];
            effects.extend(run::start(state, &call));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

fn confirmation(call: &StepCall, typed: &str, accepted: bool, by: String) -> Entry {
    Entry::Confirmation {
        procedure: call.procedure.clone(),
        step: call.step.clone(),
        server: call.server.name.clone(),
        typed: typed.to_owned(),
        accepted,
        by,
    }
}
