//! Moving the grid cursor and the drill-down selection.

use super::state::{AppState, DrillRow, Screen};
use crate::action::Action;
use crate::health::{AlertValue, HealthSet};
use crate::layout;

pub(super) fn step(state: &mut AppState, action: Action) {
    if let Screen::Drill(drill) = &state.view.screen {
        let last = state
            .drill_rows(drill.server, drill.set)
            .len()
            .saturating_sub(1);
        let Screen::Drill(drill) = &mut state.view.screen else {
            return;
        };
        drill.selected = match action {
            Action::Up => drill.selected.saturating_sub(1),
            Action::Down => (drill.selected + 1).min(last),
            Action::Top | Action::PageUp => 0,
            _ => last,
        };
        return;
    }
    let last_row = state.view.rows.len().saturating_sub(1);
    let page = layout::grid_body_rows(state.view.width, state.view.height).max(1);
    let last_col = HealthSet::ALL.len() - 1;
    match action {
        Action::Up => state.view.cursor_row = state.view.cursor_row.saturating_sub(1),
        Action::Down => state.view.cursor_row = (state.view.cursor_row + 1).min(last_row),
        Action::Left => state.view.cursor_col = state.view.cursor_col.saturating_sub(1),
        Action::Right => state.view.cursor_col = (state.view.cursor_col + 1).min(last_col),
        Action::PageUp => state.view.cursor_row = state.view.cursor_row.saturating_sub(page),
        Action::PageDown => state.view.cursor_row = (state.view.cursor_row + page).min(last_row),
        Action::Top => state.view.cursor_row = 0,
        Action::Bottom => state.view.cursor_row = last_row,
        _ => {}
    }
    keep_cursor_visible(state);
}

/// Scrolls so the cursor row is on screen.
pub(super) fn keep_cursor_visible(state: &mut AppState) {
    let page = layout::grid_body_rows(state.view.width, state.view.height).max(1);
    state.view.cursor_row = state
        .view
        .cursor_row
        .min(state.view.rows.len().saturating_sub(1));
    if state.view.cursor_row < state.view.scroll {
        state.view.scroll = state.view.cursor_row;
    } else if state.view.cursor_row >= state.view.scroll + page {
        state.view.scroll = state.view.cursor_row + 1 - page;
    }
    state.view.scroll = state
        .view
        .scroll
        .min(state.view.rows.len().saturating_sub(page));
}

/// `n` / `N`: the next (or previous) Unhealthy cell in grid order, wrapping; when there
/// is none, the next Degraded one. In the drill-down, the drill-down moves with it.
pub(super) fn jump_to_problem(state: &mut AppState, forward: bool) {
    let columns = HealthSet::ALL.len();
    let total = state.view.rows.len() * columns;
    if total == 0 {
        return;
    }
    let here = state.view.cursor_row * columns + state.view.cursor_col;
    let found = [AlertValue::Unhealthy, AlertValue::Degraded]
        .into_iter()
        .find_map(|wanted| {
            (1..=total).find_map(|offset| {
                let at = if forward {
                    (here + offset) % total
                } else {
                    (here + total - offset % total) % total
                };
                let server = state.view.rows[at / columns];
                let alert = state.fleet.cell(server, HealthSet::ALL[at % columns]).alert;
                (alert == Some(wanted)).then_some(at)
            })
        });
    let Some(at) = found else {
        state.view.flash = Some(state.tr().text("flash-no-problem-in-view").to_owned());
        return;
    };
    state.view.cursor_row = at / columns;
    state.view.cursor_col = at % columns;
    keep_cursor_visible(state);
    if let Screen::Drill(drill) = &mut state.view.screen {
        drill.server = state.view.rows[state.view.cursor_row];
        drill.set = HealthSet::ALL[state.view.cursor_col];
        drill.selected = 0;
    }
}

/// What the drill-down's cursor is on when it shows `server`: a monitor by identity.
pub(super) fn selected_monitor(state: &AppState, server: usize) -> Option<Chosen> {
    let Screen::Drill(drill) = &state.view.screen else {
        return None;
    };
    if drill.server != server {
        return None;
    }
    let row = *state.drill_rows(server, drill.set).get(drill.selected)?;
    Some(match row {
        DrillRow::Probe(monitor) => Chosen::Probe(monitor),
        DrillRow::Exchange(i) => {
            let m = state.fleet.exchange(server)?.monitors.get(i)?;
            Chosen::Exchange(m.name.clone(), m.target_resource.clone())
        }
    })
}

/// Puts the cursor back on `chosen` after the rows changed; on the nearest row if it is
/// gone.
pub(super) fn reselect(state: &mut AppState, server: usize, chosen: Option<Chosen>) {
    let Some(chosen) = chosen else {
        return;
    };
    let Screen::Drill(drill) = &state.view.screen else {
        return;
    };
    let rows = state.drill_rows(server, drill.set);
    let found = rows.iter().position(|row| match (row, &chosen) {
        (DrillRow::Probe(m), Chosen::Probe(c)) => m == c,
        (DrillRow::Exchange(i), Chosen::Exchange(name, target)) => state
            .fleet
            .exchange(server)
            .and_then(|v| v.monitors.get(*i))
            .is_some_and(|m| m.name == *name && m.target_resource == *target),
        _ => false,
    });
    let last = rows.len().saturating_sub(1);
    if let Screen::Drill(drill) = &mut state.view.screen {
        drill.selected = found.unwrap_or(drill.selected.min(last));
    }
}

/// A drill-down row by what it is, not where it is.
pub(super) enum Chosen {
    Probe(crate::health::Monitor),
    Exchange(String, Option<String>),
}
