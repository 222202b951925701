//! Text prompts: every printable key is literal here.

use super::state::{AppState, Prompt};
use crate::effect::Effect;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(super) fn open_filter(state: &mut AppState) {
    state.view.prompt = Some(Prompt::Filter {
        text: state.view.filter.clone(),
        previous: state.view.filter.clone(),
    });
}

pub(super) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(Prompt::Filter { text, previous }) = &mut state.view.prompt else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => {
            // Ctrl-C is `q`: with steps running, quitting asks what becomes of them.
            state.view.prompt = None;
            return super::runbook::quit(state);
        }
        KeyCode::Char('z') if control => return vec![Effect::Suspend],
        KeyCode::Char('u') if control => text.clear(),
        KeyCode::Char(c) if !control => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Enter => {
            let text = text.clone();
            state.view.prompt = None;
            super::rows::set_filter(state, text);
            return Vec::new();
        }
        KeyCode::Esc => {
            let previous = previous.clone();
            state.view.prompt = None;
            super::rows::set_filter(state, previous);
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    // Filter live as the user types.
    let live = text.clone();
    super::rows::apply(state, &live);
    Vec::new()
}
