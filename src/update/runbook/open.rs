//! Opening a monitor's runbook: a fresh walk, or the one left half-way, resumed.

use super::pane::RunbookPane;
use super::{outcome, show};
use crate::config::lang::LANGUAGES;
use crate::effect::Effect;
use crate::health::{AlertValue, Monitor};
use crate::incident::Entry;
use crate::runbook::{Walk, localized, titles};
use crate::update::state::{AppState, DrillState};

/// Enter on a monitor in the drill-down: its runbook, beside the grid (or instead of it).
/// `alert` is the row's, as its source says it (Exchange's for an Exchange row).
pub(in crate::update) fn open(
    state: &mut AppState,
    drill: &DrillState,
    (monitor, alert): (Monitor, AlertValue),
) -> Vec<Effect> {
    if let Some(pane) = &state.runbook {
        if pane.server != drill.server || pane.monitor != monitor {
            let server = &state.fleet.servers()[pane.server].name;
            let args = [
                ("monitor", pane.monitor.name().into()),
                ("server", server.as_str().into()),
            ];
            state.view.flash = Some(state.tr().fmt("flash-runbook-still-open", &args));
        }
        let back = DrillState {
            server: pane.server,
            set: pane.monitor.health_set(),
            selected: drill.selected,
        };
        show(state, back);
        return Vec::new();
    }
    if let Some(at) = state
        .parked
        .iter()
        .position(|p| p.server == drill.server && p.monitor == monitor)
    {
        return resume(state, drill, at);
    }
    let server = state.fleet.servers()[drill.server].clone();
    if !matches!(
        alert,
        AlertValue::Unhealthy | AlertValue::Degraded | AlertValue::Repairing
    ) {
        let tr = state.tr();
        let args = [
            ("monitor", monitor.name().into()),
            ("alert", crate::i18n::words::alert(tr, alert).into()),
        ];
        state.view.flash = Some(tr.fmt("flash-runbook-not-failing", &args));
        return Vec::new();
    }
    let Some(library) = state.launch.library else {
        state.view.flash = Some(state.tr().text("flash-runbooks-not-loaded").to_owned());
        return Vec::new();
    };
    let Some(procedure) = library.for_monitor(monitor, server.role) else {
        let tr = state.tr();
        let args = [
            ("monitor", monitor.name().into()),
            ("role", crate::i18n::words::role(tr, server.role).into()),
        ];
        state.view.flash = Some(tr.fmt("flash-no-runbook", &args));
        return Vec::new();
    };
    let walk = match Walk::start(library, procedure.id(), server.clone(), monitor) {
        Ok(walk) => walk,
        Err(error) => {
            let args = [
                ("procedure", procedure.id().into()),
                ("error", error.to_string().into()),
            ];
            state.view.flash = Some(state.tr().fmt("flash-cannot-open", &args));
            return Vec::new();
        }
    };
    let title = localized(&procedure.spec.title, state.launch.language).to_owned();
    let mut pane = RunbookPane::new(procedure, drill.server, monitor, walk);
    if state.launch.banner.dry_run {
        // Nothing runs, so nothing decides a branch: show them all.
        pane.walk.preview();
    }
    pane.walk_id = state.next_walk_id();
    let args = [
        ("runbook", title.as_str().into()),
        ("monitor", monitor.name().into()),
        ("server", server.name.as_str().into()),
    ];
    pane.log
        .note(state.now, state.tr().fmt("note-opened", &args));
    opening_notes(state, &mut pane, &server.name);
    pane.highlight = pane.current_row();
    state.runbook = Some(Box::new(pane));
    // The record keeps the English title; readers name it in their language by id.
    let mut effects = vec![Effect::Record(Entry::RunbookOpened {
        procedure: procedure.id().to_owned(),
        title: localized(&procedure.spec.title, LANGUAGES[0]).to_owned(),
        monitor: monitor.name().to_owned(),
        server: server.name,
    })];
    effects.extend(outcome::settled(state));
    show(state, drill.clone());
    effects
}

/// Reopens a walk left half-way, where it was: its steps done show as done, when and by
/// whom, and their output is still in the log.
fn resume(state: &mut AppState, drill: &DrillState, at: usize) -> Vec<Effect> {
    let mut pane = state.parked.remove(at);
    let now = state.now;
    pane.log
        .note(now, state.tr().text("note-resumed").to_owned());
    pane.highlight = pane.current_row();
    let server = state.fleet.servers()[pane.server].name.clone();
    let entry = Entry::RunbookOpened {
        procedure: pane.procedure.id().to_owned(),
        title: titles::resumed_title(localized(&pane.procedure.spec.title, LANGUAGES[0])),
        monitor: pane.monitor.name().to_owned(),
        server,
    };
    state.runbook = Some(pane);
    show(state, drill.clone());
    vec![Effect::Record(entry)]
}

/// What the engineer should know as the walk opens: how many restarts its path may need
/// against the budget, and what is owed on this server already.
fn opening_notes(state: &AppState, pane: &mut RunbookPane, server: &str) {
    // The budget guards against repeated recoveries, not against the procedure itself.
    let restarts = pane
        .procedure
        .spec
        .steps
        .iter()
        .filter(|s| s.action == Some(crate::runbook::RecoveryAction::RestartService))
        .count();
    if let Some(limits) = state.launch.restart_limits.filter(|_| restarts > 1) {
        let args = [
            ("server", server.into()),
            ("count", restarts.into()),
            ("per_hour", limits.per_hour.into()),
            ("per_day", limits.per_day.into()),
        ];
        pane.log
            .note(state.now, state.tr().fmt("note-restarts-count-once", &args));
    }
    for debt in state.owed().into_iter().filter(|d| d.server == server) {
        let owed = state.owed_line(debt);
        pane.log.note(
            state.now,
            state
                .tr()
                .fmt("note-owed-already", &[("owed", owed.into())]),
        );
    }
}
