//! The pure state transition: one event in, state changed, effects out. No I/O, no clock.

mod navigation;
mod prompt;
pub mod state;

pub use state::{AppState, Banner, DrillState, Mode, Prompt, Screen};

use crate::action::Action;
use crate::effect::{Effect, QuitReason};
use crate::event::Event;
use crate::keymap::{KeyContext, action_for};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Applies one event. Everything the console decides happens here.
pub fn update(state: &mut AppState, event: Event) -> Vec<Effect> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Event::Key(key) if key.modifiers.contains(KeyModifiers::ALT) => {
            // No binding uses Alt: an "Alt+key" is Esc and a key that arrived in one packet
            // (a slow SSH link, or a quick typist), so it is handled as the two keys.
            let mut effects = self::key(state, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            effects.extend(self::key(state, plain));
            effects
        }
        Event::Key(key) => self::key(state, key),
        Event::Resize { width, height } => {
            state.width = width;
            state.height = height;
            navigation::keep_cursor_visible(state);
            Vec::new()
        }
        Event::Tick(now) => {
            state.now = state.now.max(now);
            state.fleet.tick(state.now);
            Vec::new()
        }
        Event::Probes(reports) => {
            for report in &reports {
                state.fleet.apply_probe(report);
            }
            Vec::new()
        }
        Event::Metrics(reports) => {
            for report in &reports {
                state.fleet.apply_metric(report);
            }
            Vec::new()
        }
        Event::Signal(signal) => vec![Effect::Quit(QuitReason::Signal(signal))],
        Event::StepOutput { .. } | Event::StepEnded { .. } => Vec::new(),
    }
}

fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    state.flash = None;
    if state.prompt.is_some() {
        return prompt::key(state, key);
    }
    let context = if state.help {
        KeyContext::Help
    } else if matches!(state.screen, Screen::Drill(_)) {
        KeyContext::Drill
    } else {
        KeyContext::Grid
    };
    action_for(key, context).map_or_else(Vec::new, |a| apply(state, a))
}

/// Applies one action (what a key meant).
pub fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return vec![Effect::Quit(QuitReason::User)],
        Action::Suspend => return vec![Effect::Suspend],
        Action::Help => state.help = !state.help,
        Action::Back if state.help => state.help = false,
        Action::Back => back(state),
        Action::Filter => prompt::open_filter(state),
        Action::Open => open(state),
        Action::NextProblem => navigation::jump_to_problem(state, true),
        Action::PrevProblem => navigation::jump_to_problem(state, false),
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => navigation::step(state, action),
    }
    Vec::new()
}

fn back(state: &mut AppState) {
    match state.screen {
        Screen::Drill(_) => state.screen = Screen::Grid,
        Screen::Grid if !state.filter.is_empty() => prompt::set_filter(state, String::new()),
        Screen::Grid => {}
    }
}

fn open(state: &mut AppState) {
    if matches!(state.screen, Screen::Drill(_)) {
        return; // the runbook pane (a later issue) opens from here
    }
    let Some(server) = state.cursor_server() else {
        return;
    };
    let set = state.cursor_set();
    if state.fleet.cell(server, set).alert.is_none() {
        let s = &state.fleet.servers()[server];
        state.flash = Some(format!(
            "{} does not run on {} ({} server)",
            set.name(),
            s.name,
            s.role.label()
        ));
        return;
    }
    state.screen = Screen::Drill(DrillState {
        server,
        set,
        selected: 0,
    });
}
