//! The runbook pane: opening a monitor's procedure, running its steps one by one, their
//! output and ends, leaving it (with the compensations owed). Pure: jobs and record lines
//! leave as effects.

mod confirm;
mod control;
pub(super) mod debts;
mod leave;
pub mod log;
mod open;
mod outcome;
pub mod pane;
pub(super) mod paying;
pub mod prepare;
pub(super) mod reason;
mod run;

pub use pane::{Active, Preview, Row, RowState, RunbookPane, StepRun};

use super::state::{AppState, DrillState, Screen};
use crate::action::Action;
use crate::effect::Effect;
use crate::job::{JobEnd, OutputLine, RunId};
use crate::runbook::{Next, localized};
use crossterm::event::KeyEvent;

pub(super) use confirm::key as confirm_key;
pub use confirm::{lock_stale, monitor_now, short_name};
pub(super) use control::handover_written;
pub(super) use leave::{key as leave_key, quit};
pub(in crate::update) use open::open;

/// A step's title in the console's language (its id when the library does not know it):
/// prompts and messages name steps the way the pane lists them.
pub fn step_title(state: &AppState, procedure: &str, step: &str) -> String {
    step_title_in(state, (procedure, step), state.launch.language)
}

/// [`step_title`] in `language`: debts, read by other consoles, are titled in English.
pub(super) fn step_title_in(
    state: &AppState,
    (procedure, step): (&str, &str),
    language: &str,
) -> String {
    state
        .launch
        .library
        .and_then(|library| library.step_title(procedure, step))
        .map_or_else(
            || step.to_owned(),
            |title| localized(title, language).to_owned(),
        )
}

pub(super) fn show(state: &mut AppState, drill: DrillState) {
    state.view.screen = Screen::Runbook(drill);
    state.view.keys_blocked = true;
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
                state.view.flash = Some(state.tr().text("flash-output-highlight").to_owned());
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
        Action::LogPageUp => pane.log.scroll_by(log_page(state.view.height)),
        Action::LogPageDown => pane.log.scroll_by(-log_page(state.view.height)),
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

/// The server of the step `run`, while the pane runs it.
pub(super) fn running_server(state: &AppState, run: RunId) -> Option<usize> {
    let pane = state.runbook.as_ref()?;
    let Active::Running { run: r, call, .. } = &pane.active else {
        return None;
    };
    (*r == run)
        .then(|| {
            state
                .fleet
                .servers()
                .iter()
                .position(|s| s.name == call.server.name)
        })
        .flatten()
}

pub(super) fn tick(state: &mut AppState) -> Vec<Effect> {
    run::tick(state)
}

/// A service restart found its budget spent: the engineer may go over it, with a reason.
pub(super) fn budget_denied(state: &mut AppState, run: RunId, server: &str, service: String) {
    if let Some(call) = confirm::refused_step(state, run, server) {
        let call = Box::new(call);
        reason::ask(state, crate::update::Purpose::OverBudget { call, service });
    }
}

/// Keys while the confirmation or leave prompt is open.
/// Starts `call` (after "run it unrecorded": `update::unrecorded`).
pub(super) fn start(state: &mut AppState, call: &crate::runbook::StepCall) -> Vec<Effect> {
    run::start(state, call)
}

pub(super) fn prompt_key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    match state.view.prompt {
        Some(super::Prompt::Confirm { .. }) => confirm_key(state, key),
        Some(super::Prompt::Reason { .. }) => reason::key(state, key),
        _ => leave_key(state, key),
    }
}

/// Makes the preview of the next step's command when the walk has moved on to another step
/// (after every event; a comparison when nothing moved).
pub(super) fn refresh_preview(state: &mut AppState) {
    let Some(pane) = state.runbook.as_ref() else {
        return;
    };
    let next = match pane.walk.next() {
        Next::Run(call) | Next::Failed(call, _) => Some(call),
        Next::Done(_) => None,
    };
    if next == pane.preview.as_ref().map(|p| &p.call) {
        return;
    }
    let preview = next.cloned().map(|call| Preview {
        command: prepare::prepare(state, &call).command,
        call,
    });
    if let Some(pane) = state.runbook.as_mut() {
        pane.preview = preview;
    }
}
