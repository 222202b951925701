//! Starting a step while the incident record is not written: the console asks first, and
//! the answer itself is recorded (it waits in memory with the rest until the disk takes it).

use super::state::{AppState, Prompt, Unrecorded};
use crate::effect::Effect;
use crate::incident::Entry;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// True when the start must wait for an answer (the caller starts nothing now): the record
/// is not written and the engineer has not just chosen to go on unrecorded.
/// `what` is (as shown, as recorded).
pub(super) fn ask(
    state: &mut AppState,
    then: Unrecorded,
    (what, recorded_what): (String, String),
    server: String,
) -> bool {
    let Some(reason) = state.record_unwritten.clone() else {
        return false;
    };
    if std::mem::take(&mut state.unrecorded_go_on) {
        return false;
    }
    if state.view.prompt.is_some() {
        // Another question is open (a step that starts by itself): never replace it.
        let args = [("what", what.into())];
        state.view.flash = Some(state.tr().fmt("flash-not-started-unrecorded", &args));
        return true;
    }
    state.view.prompt = Some(Prompt::Unrecorded {
        reason,
        what,
        recorded_what,
        server,
        then,
    });
    true
}

/// `y` runs it unrecorded; `n` or Esc does not. Either answer is recorded.
pub(super) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-C is a no, then `q`: with steps running, quitting asks what becomes of them.
    let quitting = control && key.code == KeyCode::Char('c');
    let go_on = match key.code {
        _ if quitting => false,
        KeyCode::Char('y' | 'Y') if !control => true,
        KeyCode::Char('n' | 'N') | KeyCode::Esc => false,
        _ => return Vec::new(),
    };
    let Some(Prompt::Unrecorded {
        reason,
        what,
        recorded_what,
        server,
        then,
    }) = state.view.prompt.take()
    else {
        return Vec::new();
    };
    let mut effects = vec![Effect::Record(Entry::Unrecorded {
        what: recorded_what,
        server: server.clone(),
        reason,
        go_on,
        by: state.launch.operator.clone(),
    })];
    if quitting {
        effects.extend(super::runbook::quit(state));
        return effects;
    }
    if !go_on {
        let args = [("what", what.into()), ("server", server.into())];
        state.view.flash = Some(state.tr().fmt("flash-not-started", &args));
        return effects;
    }
    state.unrecorded_go_on = true;
    effects.extend(match then {
        Unrecorded::Step(call) => super::runbook::start(state, &call),
        Unrecorded::Probe => super::probe_now::start(state),
    });
    // Consumed by that start; a start that did not happen leaves no standing yes.
    state.unrecorded_go_on = false;
    effects
}
