//! The first look at a failing monitor in each of its spells, recorded: when a problem
//! was seen, for a drill's time to detect and a triage lead's "since when did anyone know".

use super::state::{AppState, Screen};
use crate::effect::Effect;
use crate::health::{AlertValue, HealthSet, Monitor};
use crate::incident::Entry;

/// After a key: the failing monitors of the cell under the cursor, or of the drill-down,
/// not looked at before in this spell.
pub(super) fn look(state: &mut AppState) -> Vec<Effect> {
    let (server, set, view) = match &state.view.screen {
        Screen::Grid => match state.view.rows.get(state.view.cursor_row) {
            Some(&server) => (server, HealthSet::ALL[state.view.cursor_col], "cell"),
            None => return Vec::new(),
        },
        Screen::Drill(drill) => (drill.server, drill.set, "drill_down"),
        Screen::Runbook(_) => return Vec::new(),
    };
    let mut effects = Vec::new();
    for monitor in Monitor::ALL.into_iter().filter(|m| m.health_set() == set) {
        let failing = state
            .fleet
            .monitor(server, monitor)
            .is_some_and(|m| matches!(m.alert, AlertValue::Degraded | AlertValue::Unhealthy));
        if failing && state.examined.insert((server, monitor)) {
            effects.push(Effect::Record(Entry::Examined {
                server: state.fleet.servers()[server].name.clone(),
                monitor: monitor.name().to_owned(),
                view: view.to_owned(),
            }));
        }
    }
    effects
}

/// A monitor Healthy again ends its spell: the next look at it is recorded again.
pub(super) fn forget(state: &mut AppState, server: usize, monitor: Monitor) {
    state.examined.remove(&(server, monitor));
}
