//! Keys to actions, per screen. Prompts take printable keys literally and never come here.

use crate::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the key was pressed: the same key means different things on different screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    Grid,
    Drill,
    Runbook,
    Help,
}

pub fn action_for(key: KeyEvent, context: KeyContext) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('f') => Some(Action::PageDown),
            KeyCode::Char('b') => Some(Action::PageUp),
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') | KeyCode::F(1) => Some(Action::Help),
        KeyCode::Esc | KeyCode::Backspace => Some(Action::Back),
        _ => None,
    };
    if common.is_some() || context == KeyContext::Help {
        return common.or(match key.code {
            KeyCode::Char('h') | KeyCode::Enter => Some(Action::Back),
            _ => None,
        });
    }
    if context == KeyContext::Runbook {
        return runbook_action(key.code);
    }
    let moves = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        KeyCode::Char('n') => Some(Action::NextProblem),
        KeyCode::Char('N') => Some(Action::PrevProblem),
        KeyCode::Enter => Some(Action::Open),
        _ => None,
    };
    if moves.is_some() {
        return moves;
    }
    match (context, key.code) {
        (KeyContext::Grid, KeyCode::Left | KeyCode::Char('h')) => Some(Action::Left),
        (KeyContext::Grid, KeyCode::Right | KeyCode::Char('l')) => Some(Action::Right),
        (KeyContext::Grid, KeyCode::Char('/')) => Some(Action::Filter),
        (KeyContext::Drill, KeyCode::Left | KeyCode::Char('h')) => Some(Action::Back),
        (KeyContext::Drill, KeyCode::Char('r')) => Some(Action::RerunProbe),
        (KeyContext::Drill, KeyCode::Char('u')) => Some(Action::PayOwed),
        (KeyContext::Drill, KeyCode::Char('x')) => Some(Action::WriteOff),
        _ => None,
    }
}

/// The runbook pane: Enter runs, letters act on the step and the log panel.
fn runbook_action(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Enter => Some(Action::RunStep),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::LogPageUp),
        KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::LogPageDown),
        KeyCode::Char('c') => Some(Action::CancelStep),
        KeyCode::Char('s') => Some(Action::SkipStep),
        KeyCode::Char('e') => Some(Action::EscalateStep),
        KeyCode::Char('f') => Some(Action::ToggleFollow),
        KeyCode::Char('w') => Some(Action::ToggleWrap),
        KeyCode::Char('>') => Some(Action::JumpAhead),
        KeyCode::Char('o') => Some(Action::StepOutput),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::Back),
        _ => None,
    }
}
