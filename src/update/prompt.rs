//! Text prompts: every printable key is literal here.

use super::state::{AppState, Prompt};
use crate::effect::Effect;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(super) fn open_filter(state: &mut AppState) {
    state.prompt = Some(Prompt::Filter {
        text: state.filter.clone(),
        previous: state.filter.clone(),
    });
}

pub(super) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(Prompt::Filter { text, previous }) = &mut state.prompt else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => {
            // Ctrl-C is `q`: with steps running, quitting asks what becomes of them.
            state.prompt = None;
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
            state.prompt = None;
            set_filter(state, text);
            return Vec::new();
        }
        KeyCode::Esc => {
            let previous = previous.clone();
            state.prompt = None;
            set_filter(state, previous);
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    // Filter live as the user types.
    let live = text.clone();
    apply_rows(state, &live);
    Vec::new()
}

/// Applies a filter: the rows shown are the servers whose name, role or site contain it.
pub(super) fn set_filter(state: &mut AppState, filter: String) {
    apply_rows(state, &filter);
    state.filter = filter;
}

fn apply_rows(state: &mut AppState, filter: &str) {
    let keep = state.cursor_server();
    let needle = filter.to_lowercase();
    state.rows = state
        .fleet
        .servers()
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            needle.is_empty()
                || s.name.to_lowercase().contains(&needle)
                || s.role.label().contains(&needle)
                || s.site.to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    state.cursor_row = keep
        .and_then(|k| state.rows.iter().position(|r| *r == k))
        .unwrap_or(0);
    state.scroll = 0;
    super::navigation::keep_cursor_visible(state);
}
