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

/// Ctrl-C and Ctrl-Z act in a typed prompt as everywhere: Ctrl-C is `q` (with steps
/// running, quitting asks what becomes of them), Ctrl-Z suspends.
pub(super) fn always_acts(state: &mut AppState, key: KeyEvent) -> Option<Vec<Effect>> {
    if !key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    match key.code {
        KeyCode::Char('c') => {
            state.view.prompt = None;
            Some(super::runbook::quit(state))
        }
        KeyCode::Char('z') => Some(vec![Effect::Suspend]),
        _ => None,
    }
}

pub(super) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    if let Some(effects) = always_acts(state, key) {
        return effects;
    }
    let Some(Prompt::Filter { text, previous }) = &mut state.view.prompt else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
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
