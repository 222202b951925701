//! The runbook pane: opening a monitor's procedure, running its steps one by one, their
//! output and ends, leaving it (with the compensations owed). Pure: jobs and record lines
//! leave as effects.

mod confirm;
mod control;
pub(super) mod debts;
mod leave;
pub mod log;
mod outcome;
pub mod pane;
pub(super) mod paying;
pub mod plan;
mod reason;
mod run;

pub use pane::{Active, Row, RowState, RunbookPane, StepRun};

use super::state::{AppState, DrillState, Screen};
use crate::action::Action;
use crate::effect::Effect;
use crate::health::{AlertValue, Monitor};
use crate::incident::Entry;
use crate::job::{JobEnd, OutputLine, RunId};
use crate::runbook::{Walk, localized};
use crossterm::event::KeyEvent;

pub(super) use confirm::key as confirm_key;
pub use confirm::{lock_stale, monitor_now, short_name};
pub(super) use leave::{key as leave_key, quit};

/// Enter on a monitor in the drill-down: its runbook, beside the grid (or instead of it).
pub(super) fn open(state: &mut AppState, drill: &DrillState, monitor: Monitor) -> Vec<Effect> {
    if let Some(pane) = &state.runbook
        && !pane.closed
    {
        if pane.server != drill.server || pane.monitor != monitor {
            let server = &state.fleet.servers()[pane.server].name;
            state.flash = Some(format!(
                "the runbook for {} on {server} is still open: finish or leave it first",
                pane.monitor.name()
            ));
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
    let alert = state
        .fleet
        .monitor(drill.server, monitor)
        .map_or(AlertValue::Unknown, |m| m.alert);
    if !matches!(
        alert,
        AlertValue::Unhealthy | AlertValue::Degraded | AlertValue::Repairing
    ) {
        state.flash = Some(format!(
            "{} is {}: its runbook opens when it is Degraded or Unhealthy",
            monitor.name(),
            alert.word()
        ));
        return Vec::new();
    }
    let Some(library) = state.library else {
        state.flash = Some("the runbooks did not load (see healthdeck lint)".to_owned());
        return Vec::new();
    };
    let Some(procedure) = library.for_monitor(monitor, server.role) else {
        state.flash = Some(format!(
            "no runbook for {} on a {} server",
            monitor.name(),
            server.role.label()
        ));
        return Vec::new();
    };
    let walk = match Walk::start(library, procedure.id(), server.clone(), monitor) {
        Ok(walk) => walk,
        Err(error) => {
            state.flash = Some(format!("cannot open {}: {error}", procedure.id()));
            return Vec::new();
        }
    };
    let title = localized(&procedure.spec.title, state.language).to_owned();
    let mut pane = RunbookPane::new(procedure, drill.server, monitor, walk);
    if state.banner.dry_run {
        // Nothing runs, so nothing decides a branch: show them all.
        pane.walk.preview();
    }
    state.last_walk += 1;
    pane.walk_id = format!(
        "{}-{}-walk-{}",
        state.session,
        state.started.timestamp(),
        state.last_walk
    );
    pane.log.note(
        state.now,
        format!("opened {title}: {} on {}", monitor.name(), server.name),
    );
    // The budget guards against repeated recoveries, not against the procedure itself.
    let restarts = procedure
        .spec
        .steps
        .iter()
        .filter(|s| s.action == Some(crate::runbook::RecoveryAction::RestartService))
        .count();
    if let Some(limits) = state.restart_limits.filter(|_| restarts > 1) {
        pane.log.note(
            state.now,
            format!(
                "this runbook may restart a service on {} up to {restarts} times: one walk's \
                 restarts count once against the restart budget ({} per hour, {} per day)",
                server.name, limits.per_hour, limits.per_day
            ),
        );
    }
    for debt in state.owed().into_iter().filter(|d| d.server == server.name) {
        pane.log
            .note(state.now, format!("owed here already: {}", debt.describe()));
    }
    pane.highlight = pane.current_row();
    state.runbook = Some(Box::new(pane));
    let mut effects = vec![Effect::Record(Entry::RunbookOpened {
        procedure: procedure.id().to_owned(),
        title,
        monitor: monitor.name().to_owned(),
        server: server.name,
    })];
    effects.extend(outcome::settled(state));
    show(state, drill.clone());
    effects
}

/// A step's title in the console's language (its id when the library does not know it):
/// prompts and messages name steps the way the pane lists them.
pub fn step_title(state: &AppState, procedure: &str, step: &str) -> String {
    state
        .library
        .and_then(|library| library.procedure(procedure))
        .and_then(|p| p.spec.steps.iter().find(|s| s.id == step))
        .map_or_else(
            || step.to_owned(),
            |spec| localized(&spec.title, state.language).to_owned(),
        )
}

/// Reopens a walk left half-way, where it was: its steps done show as done, when and by
/// whom, and their output is still in the log.
fn resume(state: &mut AppState, drill: &DrillState, at: usize) -> Vec<Effect> {
    let mut pane = state.parked.remove(at);
    let now = state.now;
    pane.log.note(
        now,
        "resumed where it was left: Enter runs the next step".to_owned(),
    );
    pane.highlight = pane.current_row();
    let server = state.fleet.servers()[pane.server].name.clone();
    let entry = Entry::RunbookOpened {
        procedure: pane.procedure.id().to_owned(),
        title: format!(
            "{} (resumed)",
            localized(&pane.procedure.spec.title, state.language)
        ),
        monitor: pane.monitor.name().to_owned(),
        server,
    };
    state.runbook = Some(pane);
    show(state, drill.clone());
    vec![Effect::Record(entry)]
}

fn show(state: &mut AppState, drill: DrillState) {
    state.screen = Screen::Runbook(drill);
    state.keys_blocked = true;
}

/// An action on the runbook screen.
pub(super) fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::RunStep => return run::run_next(state),
        Action::CancelStep => return control::cancel(state),
        Action::SkipStep => return control::skip(state),
        Action::EscalateStep => return control::escalate(state),
        Action::JumpAhead => return control::jump(state),
        Action::StepOutput => {
            let rows = pane.rows(state.now);
            let run = rows.get(pane.highlight).and_then(|row| {
                pane.runs
                    .iter()
                    .rev()
                    .find(|r| r.call.procedure == row.procedure && r.call.step == row.step)
                    .map(|r| r.run)
            });
            pane.log.only = match (pane.log.only, run) {
                (Some(_), _) | (None, None) => None,
                (None, Some(run)) => Some(run),
            };
            if run.is_none() && pane.log.only.is_none() {
                state.flash = Some("o shows a step's output: highlight one that ran".to_owned());
            }
        }
        Action::Back => return leave::leave(state, false),
        Action::Up => pane.highlight = pane.highlight.saturating_sub(1),
        Action::Down => {
            let last = pane.rows(state.now).len().saturating_sub(1);
            pane.highlight = (pane.highlight + 1).min(last);
        }
        Action::ToggleFollow => pane.log.toggle_follow(),
        Action::ToggleWrap => pane.log.wrap = !pane.log.wrap,
        Action::LogPageUp => pane.log.scroll_by(log_page(state.height)),
        Action::LogPageDown => pane.log.scroll_by(-log_page(state.height)),
        _ => {}
    }
    Vec::new()
}

/// A page of the log panel: never more than it shows, so paging skips no line (the
/// panel is at least a third of the body, see `ui::runbook`).
fn log_page(height: u16) -> isize {
    let body = usize::from(height.saturating_sub(3));
    ((body / 3).max(4) - 1).max(1) as isize
}

/// A running step printed lines (the record got them from the runtime already).
pub(super) fn output(state: &mut AppState, run: RunId, lines: Vec<OutputLine>) {
    if let Some(pane) = state.runbook.as_mut()
        && pane.runs.iter().any(|r| r.run == run)
    {
        pane.log.output(run, lines);
    }
}

pub(super) fn ended(state: &mut AppState, run: RunId, end: JobEnd) -> Vec<Effect> {
    outcome::ended(state, run, end)
}

pub(super) fn tick(state: &mut AppState) -> Vec<Effect> {
    run::tick(state)
}

/// A service restart found its budget spent: the engineer may go over it, with a reason.
pub(super) fn budget_denied(state: &mut AppState, run: RunId, server: &str, service: String) {
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
    let call = Box::new(step.call.clone());
    reason::ask(state, crate::update::Purpose::OverBudget { call, service });
}

/// Keys while the confirmation or leave prompt is open.
pub(super) fn prompt_key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    match state.prompt {
        Some(super::Prompt::Confirm { .. }) => confirm_key(state, key),
        Some(super::Prompt::Reason { .. }) => reason::key(state, key),
        _ => leave_key(state, key),
    }
}
