//! The prober's pace: the banner's BEHIND, a record entry when it falls behind and when it
//! catches up, the minute's counts, and many stale monitors as one entry (ARCHITECTURE
//! "Keeping the schedule").

use super::AppState;
use crate::effect::Effect;
use crate::health::{AlertValue, Transition};
use crate::incident::entry::Entry;
use crate::probe_plan::pace::Pace;
use std::collections::BTreeMap;

/// Servers going stale at once from which the record keeps one entry, not a line per
/// monitor: one or two servers keep their lines, a fleet's worth is one entry.
const STALE_AT_ONCE: usize = 3;
/// Servers the stale entry names.
const NAMED: usize = 10;

pub fn pace(state: &mut AppState, now: Pace) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(w) = now.window.filter(|w| w.ran + w.skipped > 0) {
        effects.push(Effect::Record(Entry::Schedule {
            span_s: w.span.as_secs(),
            ran: w.ran,
            on_time: w.on_time,
            skipped: w.skipped,
            worst_late_ms: millis(w.worst_late),
            most_in_flight: w.most_in_flight,
            limit: w.limit,
            ceiling: now.ceiling,
        }));
    }
    if now.behind() != state.pace.behind() {
        effects.push(Effect::Record(Entry::Behind {
            late: now.late,
            worst_late_ms: millis(now.worst_late),
            limit: now.limit,
            ceiling: now.ceiling,
            why: now.why(),
        }));
        if now.behind() {
            let tr = state.tr();
            let why = now.why_in(tr);
            let args = [("late", now.late.into()), ("why", why.into())];
            state.view.flash = Some(tr.fmt("flash-prober-behind", &args));
        }
    }
    state.pace = Pace {
        window: None,
        ..now
    };
    effects
}

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Healthy → Unknown on many servers in one batch: taken out of `changes` and kept as one
/// entry with the count. A server or two keep lines of their own.
pub fn stale_at_once(state: &AppState, changes: &mut Vec<Transition>) -> Option<Entry> {
    let (count, monitors, servers) =
        at_once(state, changes, AlertValue::Healthy, AlertValue::Unknown)?;
    Some(Entry::Stale {
        count,
        monitors,
        servers,
        prober_behind: state.pace.behind(),
    })
}

/// Unknown → Healthy on many servers in one batch (they answer again, a source back or the
/// prober caught up): one entry with the count, as going stale is.
pub fn fresh_at_once(state: &AppState, changes: &mut Vec<Transition>) -> Option<Entry> {
    let (count, monitors, servers) =
        at_once(state, changes, AlertValue::Unknown, AlertValue::Healthy)?;
    Some(Entry::Fresh {
        count,
        monitors,
        servers,
    })
}

/// The changes `from` → `to` when they span `STALE_AT_ONCE` servers or more: taken out of
/// `changes`, counted by monitor, the first servers named.
fn at_once(
    state: &AppState,
    changes: &mut Vec<Transition>,
    from: AlertValue,
    to: AlertValue,
) -> Option<(usize, BTreeMap<String, usize>, Vec<String>)> {
    let alike = |t: &Transition| t.from == from && t.to == to;
    let mut on: Vec<usize> = changes
        .iter()
        .filter(|t| alike(t))
        .map(|t| t.server)
        .collect();
    let count = on.len();
    on.sort_unstable();
    on.dedup();
    if on.len() < STALE_AT_ONCE {
        return None;
    }
    let mut monitors = BTreeMap::new();
    let mut servers: Vec<String> = Vec::new();
    for t in changes.iter().filter(|t| alike(t)) {
        *monitors.entry(t.monitor.name().to_owned()).or_insert(0) += 1;
        let name = &state.fleet.servers()[t.server].name;
        if servers.len() < NAMED && !servers.contains(name) {
            servers.push(name.clone());
        }
    }
    changes.retain(|t| !alike(t));
    Some((count, monitors, servers))
}

/// Polls that changed alike in one batch: three or more servers whose poll failed for the
/// same reason (a management host down), or came back, are one record entry naming the
/// first ten, not a line each. Fewer are a line each.
pub(super) fn polls_at_once(
    state: &AppState,
    changes: Vec<crate::health::PollChange>,
) -> Vec<Entry> {
    const NAMED: usize = 10;
    let mut groups: Vec<(&'static str, Option<String>, Vec<usize>)> = Vec::new();
    for change in changes {
        match groups
            .iter_mut()
            .find(|(s, why, _)| *s == change.state && *why == change.why)
        {
            Some((.., servers)) => servers.push(change.server),
            None => groups.push((change.state, change.why, vec![change.server])),
        }
    }
    let name = |server: usize| state.fleet.servers()[server].name.clone();
    let mut entries = Vec::new();
    for (poll, why, servers) in groups {
        if servers.len() >= 3 {
            entries.push(Entry::ExchangePolls {
                count: servers.len(),
                state: poll.to_owned(),
                why,
                servers: servers.iter().take(NAMED).map(|&s| name(s)).collect(),
            });
        } else {
            entries.extend(servers.into_iter().map(|server| Entry::ExchangePoll {
                server: name(server),
                state: poll.to_owned(),
                why: why.clone(),
            }));
        }
    }
    entries
}
