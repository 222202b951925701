//! A typed one-line reason, for what must be explained to whoever reads the record: writing
//! a debt off (the server's name, then why), escalating, moving the walk ahead, restarting
//! over budget. Every printable key is literal; Enter acts when the reason is there.

use super::confirm::short_of;
use super::debts::settle;
use super::{control, run};
use crate::effect::Effect;
use crate::update::state::{AppState, Prompt, Purpose};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Opens the prompt for `purpose` again, with what was typed and why Enter did not act.
pub(in crate::update) fn reopen(state: &mut AppState, purpose: Purpose, text: String, why: String) {
    state.view.prompt = Some(Prompt::Reason {
        purpose,
        text,
        refused: Some(why),
    });
}

/// Opens the prompt for `purpose`.
pub(in crate::update) fn ask(state: &mut AppState, purpose: Purpose) {
    state.view.prompt = Some(Prompt::Reason {
        purpose,
        text: String::new(),
        refused: None,
    });
}

pub(in crate::update) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let tr = state.tr();
    let Some(Prompt::Reason { text, refused, .. }) = &mut state.view.prompt else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => state.view.prompt = None,
        KeyCode::Char('u') if control => text.clear(),
        KeyCode::Char(c) if !control => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Esc => {
            state.view.prompt = None;
            state.view.flash = Some(state.tr().text("flash-backed-out").to_owned());
        }
        KeyCode::Enter => {
            let typed = text.trim().to_owned();
            if typed.is_empty() {
                *refused = Some(tr.text("refuse-reason-needed").to_owned());
                return Vec::new();
            }
            let Some(Prompt::Reason { purpose, .. }) = state.view.prompt.take() else {
                return Vec::new();
            };
            return act(state, purpose, typed);
        }
        _ => {}
    }
    Vec::new()
}

fn act(state: &mut AppState, purpose: Purpose, typed: String) -> Vec<Effect> {
    match purpose {
        Purpose::WriteOff(debt) => {
            let name = short_of(&debt.server).to_owned();
            let (first, why) = typed.split_once(' ').unwrap_or((&typed, ""));
            let why = why.trim();
            if !first.eq_ignore_ascii_case(&name) || why.is_empty() {
                let tr = state.tr();
                let refused = if first.eq_ignore_ascii_case(&name) {
                    tr.text("refuse-write-off-why").to_owned()
                } else {
                    let args = [("typed", first.into()), ("name", name.as_str().into())];
                    tr.fmt("refuse-write-off-name", &args)
                };
                state.view.prompt = Some(Prompt::Reason {
                    purpose: Purpose::WriteOff(debt),
                    text: typed,
                    refused: Some(refused),
                });
                return Vec::new();
            }
            let args = [
                ("owed", debt.title.as_str().into()),
                ("server", debt.server.as_str().into()),
            ];
            state.view.flash = Some(state.tr().fmt("flash-written-off", &args));
            settle(state, &debt, "written_off", Some(why.to_owned()))
        }
        Purpose::Escalate => control::escalate_because(state, typed),
        Purpose::JumpAhead {
            procedure,
            step,
            title,
        } => control::jump_because(state, (procedure, step, title), typed),
        Purpose::OverBudget { call, service } => run::over_budget(state, &call, service, typed),
        Purpose::Acknowledge { server, monitor } => {
            crate::update::shared::acknowledged_because(state, (server, monitor), &typed)
        }
    }
}
