//! Which servers the grid shows, in which order: the filter (`/`, `:filter`) and the sort
//! (`:sort`). A filter's words must all match; a word matches a server by its name, role
//! or site, by a state one of its cells is in (`unhealthy`, `degraded` …), or by
//! `site:NAME` / `role:NAME` exactly. Filters and sorts that read states follow the fleet:
//! they are applied again when an alert changes.

use super::state::AppState;
use crate::health::{AlertValue, HealthSet, Server};
use chrono::{DateTime, Utc};

/// The grid's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The inventory's (or scenario's) order.
    #[default]
    Fleet,
    Name,
    /// Worst state first.
    State,
    /// Longest out of Healthy first.
    Age,
    Site,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::State,
        SortKey::Age,
        SortKey::Site,
        SortKey::Fleet,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Fleet => "fleet",
            SortKey::Name => "name",
            SortKey::State => "state",
            SortKey::Age => "age",
            SortKey::Site => "site",
        }
    }

    pub fn named(name: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The state a filter word names (`unhealthy`, `UNHL`, `ok` …).
pub fn state_word(word: &str) -> Option<AlertValue> {
    AlertValue::ALL
        .into_iter()
        .find(|a| a.word().eq_ignore_ascii_case(word) || a.short_word().eq_ignore_ascii_case(word))
}

/// Words that complete a filter: states, then `site:` and then `role:` of this fleet.
pub fn filter_words(state: &AppState) -> Vec<String> {
    let mut words: Vec<String> = AlertValue::ALL
        .iter()
        .map(|a| a.word().to_lowercase())
        .collect();
    let servers = state.fleet.servers();
    let sites: std::collections::BTreeSet<String> =
        servers.iter().map(|s| s.site.to_lowercase()).collect();
    let roles: std::collections::BTreeSet<&str> = servers.iter().map(|s| s.role.label()).collect();
    words.extend(sites.into_iter().map(|site| format!("site:{site}")));
    words.extend(roles.into_iter().map(|role| format!("role:{role}")));
    words
}

/// Applies `filter` (kept as the grid's filter) and the sort.
pub(super) fn set_filter(state: &mut AppState, filter: String) {
    apply(state, &filter);
    state.view.filter = filter;
}

/// Shows the rows `filter` lets through, in the sort's order; the cursor stays on its
/// server where it can.
pub(super) fn apply(state: &mut AppState, filter: &str) {
    let keep = state.cursor_server();
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut rows: Vec<usize> = (0..state.fleet.servers().len())
        .filter(|&i| words.iter().all(|w| matches(state, i, w)))
        .collect();
    sort(state, &mut rows);
    state.view.rows = rows;
    state.view.rows_generation = state.fleet.alert_generation;
    state.view.cursor_row = keep
        .and_then(|k| state.view.rows.iter().position(|r| *r == k))
        .unwrap_or(0);
    state.view.scroll = 0;
    super::navigation::keep_cursor_visible(state);
}

/// After alerts changed: a filter or sort that reads states is applied again.
pub(super) fn follow_the_fleet(state: &mut AppState) {
    if state.view.rows_generation == state.fleet.alert_generation || !reads_states(state) {
        return;
    }
    let filter = match &state.view.prompt {
        Some(super::Prompt::Filter { text, .. }) => text.clone(),
        _ => state.view.filter.clone(),
    };
    apply(state, &filter);
    // "No server matches" was true when said; a server that matches now makes it false.
    let said = no_match(state, &state.view.filter);
    if !state.view.rows.is_empty() && state.view.flash.as_deref() == Some(said.as_str()) {
        state.view.flash = None;
    }
}

/// What `:filter` says when nothing matches `filter`.
pub fn no_match(state: &AppState, filter: &str) -> String {
    state
        .tr()
        .fmt("grid-no-match", &[("filter", filter.into())])
}

fn reads_states(state: &AppState) -> bool {
    matches!(state.view.sort, SortKey::State | SortKey::Age)
        || state
            .view
            .filter
            .split_whitespace()
            .any(|w| state_word(w).is_some())
}

fn matches(state: &AppState, index: usize, word: &str) -> bool {
    let server = &state.fleet.servers()[index];
    if let Some(site) = word.strip_prefix("site:") {
        return server.site.eq_ignore_ascii_case(site);
    }
    if let Some(role) = word.strip_prefix("role:") {
        return server.role.label() == role;
    }
    let by_state = state_word(word).is_some_and(|wanted| {
        HealthSet::ALL
            .iter()
            .any(|set| state.fleet.cell(index, *set).alert == Some(wanted))
    });
    by_state || by_text(server, word)
}

fn by_text(server: &Server, word: &str) -> bool {
    server.name.to_lowercase().contains(word)
        || server.role.label().contains(word)
        || server.site.to_lowercase().contains(word)
}

fn sort(state: &AppState, rows: &mut [usize]) {
    let servers = state.fleet.servers();
    match state.view.sort {
        SortKey::Fleet => {}
        SortKey::Name => rows.sort_by(|a, b| servers[*a].name.cmp(&servers[*b].name)),
        SortKey::Site => rows.sort_by(|a, b| servers[*a].site.cmp(&servers[*b].site)),
        SortKey::State => rows.sort_by_key(|i| worst(state, *i)),
        SortKey::Age => rows.sort_by_key(|i| oldest(state, *i).unwrap_or(DateTime::<Utc>::MAX_UTC)),
    }
}

/// The server's worst cell, as a rank (lower is worse).
fn worst(state: &AppState, index: usize) -> u8 {
    HealthSet::ALL
        .iter()
        .filter_map(|set| state.fleet.cell(index, *set).alert?.severity())
        .min()
        .unwrap_or(u8::MAX)
}

/// When the server's longest-failing cell left Healthy.
fn oldest(state: &AppState, index: usize) -> Option<DateTime<Utc>> {
    HealthSet::ALL
        .iter()
        .map(|set| state.fleet.cell(index, *set))
        .filter(|cell| cell.alert.is_some_and(|a| a != AlertValue::Healthy))
        .filter_map(|cell| cell.since)
        .min()
}
