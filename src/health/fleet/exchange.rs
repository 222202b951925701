//! Exchange's verdict in the fleet: each poll's answer replaces the server's rows, its
//! alert changes become transitions, and the cells roll it up beside healthdeck's own
//! probes (ARCHITECTURE "Exchange's own verdict").

use super::{Cell, FleetState};
use crate::health::alert::{AlertValue, roll_up};
use crate::health::catalog::HealthSet;
use crate::health::exchange::{ExchangeMonitor, ExchangeReport, ExchangeServer, PollState};
use crate::health::monitor::MonitorState;
use crate::health::monitors::{Monitor, MonitorInput};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{HashMap, HashSet};

/// One Exchange monitor's alert changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeTransition {
    pub server: usize,
    pub monitor: String,
    pub from: AlertValue,
    pub to: AlertValue,
}

/// A server's poll changed how it stands: answered, empty, failed (with why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollChange {
    pub server: usize,
    pub state: &'static str,
    pub why: Option<String>,
}

impl FleetState {
    /// Exchange watches every server from now on: each is Unknown until its first answer.
    /// `unwatched`: the probe monitors healthdeck cannot run on a server (no endpoint, no
    /// login): with Exchange watching they are left out of the roll-up instead of staying
    /// Unknown for ever, and so is a latency monitor no probe of its protocol feeds.
    /// `overdue`: how old an answer may grow before the server is Unknown (polls that fall
    /// behind must not leave an old verdict on screen as if it were current).
    pub fn watch_exchange(&mut self, unwatched: &[(usize, Monitor)], overdue: TimeDelta) {
        self.exchange = vec![ExchangeServer::default(); self.servers.len()];
        self.exchange_overdue = overdue;
        self.leave_out(unwatched);
    }

    /// Leaves out of the roll-up the probe monitors no probe feeds on a server (`unfed`:
    /// no endpoint, no login), and a latency monitor none of its protocol's probes feed:
    /// another source watches the server, and they must not stay Unknown for ever.
    pub fn leave_out(&mut self, unwatched: &[(usize, Monitor)]) {
        // One bit a monitor per server: linear in the fleet, and each monitor left out once.
        let mut off = vec![0u16; self.servers.len()];
        for &(server, monitor) in unwatched {
            if let Some(bits) = off.get_mut(server) {
                *bits |= 1 << monitor.index();
            }
        }
        for (server, &bits) in off.iter().enumerate() {
            let role = self.servers[server].role;
            let runs = |m: &Monitor| m.applies_to(role) && bits & (1 << m.index()) == 0;
            for monitor in Monitor::ALL.into_iter().filter(|m| m.applies_to(role)) {
                let fed = match monitor.input() {
                    MonitorInput::Probe(_) => runs(&monitor),
                    MonitorInput::CommandLatency(protocol) => Monitor::ALL
                        .iter()
                        .any(|m| m.protocol == protocol && m.probe().is_some() && runs(m)),
                    MonitorInput::RequestsQueued(_) => true,
                };
                if !fed {
                    self.disable(server, monitor);
                }
            }
            for set in HealthSet::ALL {
                self.refresh_cell(server, set);
            }
        }
        self.alert_generation += 1;
    }

    fn disable(&mut self, server: usize, monitor: Monitor) {
        let Some(role) = self.layout.role(server) else {
            return;
        };
        if !monitor.applies_to(role) {
            return;
        }
        let slot = self.slot(server, monitor.index());
        let old = self.monitors[slot].alert;
        self.monitors[slot] = MonitorState::disabled();
        self.queued[slot] = None;
        // Not Exchange's Disabled, nor anyone's: not counted among the monitors at all.
        self.counts[old.index()] -= 1;
    }

    /// Servers whose last answer is older than `overdue` at `now` become Unknown, with why.
    /// A linear look at the servers, once a tick; nothing when no Exchange source watches.
    pub fn exchange_overdue(&mut self, now: DateTime<Utc>) {
        let limit = self.exchange_overdue;
        let late: Vec<(usize, TimeDelta)> = self
            .exchange
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e.poll {
                PollState::Answered { at } | PollState::Empty { at } if now - at > limit => {
                    Some((i, now - at))
                }
                _ => None,
            })
            .collect();
        for (server, age) in late {
            let why = format!(
                "no fresh answer from Exchange for {}s: polls are behind, or the console \
                 was stopped",
                age.num_seconds()
            );
            self.apply_exchange(ExchangeReport {
                server,
                at: now,
                answer: Err(why),
            });
        }
    }

    /// A seed monitor's alert on a server from every source that watches it: healthdeck's
    /// probe monitor (unless nothing feeds it) and Exchange's row of that name, worst
    /// first, with when it left Healthy. `None` where the role does not run it.
    pub fn alert_of(
        &self,
        server: usize,
        monitor: Monitor,
    ) -> Option<(AlertValue, Option<DateTime<Utc>>)> {
        let own = self.monitor(server, monitor)?;
        let mut all = vec![(own.alert, own.left_healthy_at)];
        if let Some(verdict) = self.exchange.get(server) {
            let answered = verdict.answered();
            all.extend(
                verdict
                    .monitors
                    .iter()
                    .filter(|m| m.seed == Some(monitor))
                    .map(|m| {
                        let alert = if answered {
                            m.alert
                        } else {
                            AlertValue::Unknown
                        };
                        (alert, m.left_healthy_at())
                    }),
            );
        }
        // Disabled takes no part unless nothing else speaks of the monitor.
        let worst = all
            .iter()
            .filter_map(|&(alert, since)| alert.severity().map(|s| (s, alert, since)))
            .min_by_key(|(s, ..)| *s)
            .map_or(all[0], |(_, alert, since)| (alert, since));
        Some(worst)
    }

    /// Servers whose last poll failed or answered nothing: no verdict of Exchange's.
    pub fn exchange_silent(&self) -> usize {
        self.exchange_silent
    }

    /// The server's Exchange verdict; `None` when no Exchange source watches it.
    pub fn exchange(&self, server: usize) -> Option<&ExchangeServer> {
        self.exchange.get(server)
    }

    pub fn take_exchange_transitions(&mut self) -> (Vec<ExchangeTransition>, Vec<PollChange>) {
        (
            std::mem::take(&mut self.exchange_transitions),
            std::mem::take(&mut self.poll_changes),
        )
    }

    /// One poll's answer. A failed or empty poll keeps the last rows for the drill-down
    /// ("as of"), but the server's Exchange part is Unknown until an answer comes.
    pub fn apply_exchange(&mut self, report: ExchangeReport) {
        let server = report.server;
        let Some(old) = self.exchange.get_mut(server) else {
            return;
        };
        tally(&mut self.counts, old, false);
        let (old_kind, old_why) = (poll_kind(&old.poll), failure(&old.poll));
        match report.answer {
            Ok(Some(verdict)) => {
                changes(
                    server,
                    old,
                    &verdict.monitors,
                    &mut self.exchange_transitions,
                );
                old.monitors = verdict.monitors;
                old.components = verdict.components;
                old.poll = PollState::Answered { at: report.at };
            }
            Ok(None) => old.poll = PollState::Empty { at: report.at },
            Err(why) => old.poll = PollState::Failed { at: report.at, why },
        }
        let (new_kind, why) = (poll_kind(&old.poll), failure(&old.poll));
        let silent = |kind| matches!(kind, "failed" | "empty");
        match (silent(old_kind), silent(new_kind)) {
            (false, true) => self.exchange_silent += 1,
            (true, false) => self.exchange_silent -= 1,
            _ => {}
        }
        // A first answer is no news; a failure is, and so is a new reason for one.
        if (new_kind != old_kind || why != old_why)
            && (old_kind, new_kind) != ("waiting", "answered")
        {
            self.poll_changes.push(PollChange {
                server,
                state: new_kind,
                why,
            });
        }
        tally(&mut self.counts, &self.exchange[server], true);
        for set in HealthSet::ALL {
            self.refresh_cell(server, set);
        }
        self.alert_generation += 1;
    }

    /// Rolls the server's Exchange monitors of `set` into its cell.
    pub(super) fn exchange_into(&self, server: usize, set: HealthSet, cell: &mut Cell) {
        let Some(verdict) = self.exchange.get(server) else {
            return;
        };
        if verdict.unknown_why(set).is_some() {
            cell.alert = roll_up(cell.alert.into_iter().chain([AlertValue::Unknown]));
            return;
        }
        for monitor in verdict.of(set) {
            let repairing = monitor
                .seed
                .is_some_and(|seed| self.repairing.contains(&(server, seed)));
            let alert = if repairing && monitor.alert.is_problem() {
                AlertValue::Repairing
            } else {
                monitor.alert
            };
            cell.alert = roll_up(cell.alert.into_iter().chain([alert]))
                .or(cell.alert)
                .or(Some(AlertValue::Disabled));
            if let Some(left) = monitor.left_healthy_at() {
                cell.since = Some(cell.since.map_or(left, |s| s.min(left)));
            }
        }
    }
}

/// Counts (or uncounts) a server's Exchange monitors: Exchange's alert while its poll is
/// answered, else Unknown.
fn tally(counts: &mut [usize; AlertValue::ALL.len()], server: &ExchangeServer, add: bool) {
    let answered = server.answered();
    for m in &server.monitors {
        let alert = if answered {
            m.alert
        } else {
            AlertValue::Unknown
        };
        if add {
            counts[alert.index()] += 1;
        } else {
            counts[alert.index()] -= 1;
        }
    }
}

fn failure(poll: &PollState) -> Option<String> {
    match poll {
        PollState::Failed { why, .. } => Some(why.clone()),
        _ => None,
    }
}

fn poll_kind(poll: &PollState) -> &'static str {
    match poll {
        PollState::Waiting => "waiting",
        PollState::Answered { .. } => "answered",
        PollState::Empty { .. } => "empty",
        PollState::Failed { .. } => "failed",
    }
}

/// Alert changes between the rows kept and a new answer's, in the answer's order; a
/// monitor no longer reported while failing goes Unknown. A first Healthy is no news.
/// Rows are known by health set, name and target: Exchange reports a monitor once per
/// TargetResource. Linear: the old rows are looked up in a map.
fn changes(
    server: usize,
    old: &ExchangeServer,
    new: &[ExchangeMonitor],
    out: &mut Vec<ExchangeTransition>,
) {
    type Key<'m> = (HealthSet, &'m str, Option<&'m str>);
    fn key(m: &ExchangeMonitor) -> Key<'_> {
        (m.health_set, m.name.as_str(), m.target_resource.as_deref())
    }
    // Names Exchange reports for several targets, found once a transition needs a name.
    let mut shared: Option<HashSet<&str>> = None;
    // Most answers list the same monitors in the same order as the last: paired as they
    // stand, nothing is hashed. Otherwise the old rows are looked up in a map.
    let same_order = old.monitors.len() == new.len()
        && old.monitors.iter().zip(new).all(|(o, n)| key(o) == key(n));
    let before: HashMap<Key, AlertValue> = if same_order {
        HashMap::new()
    } else {
        old.monitors.iter().map(|m| (key(m), m.alert)).collect()
    };
    for (i, monitor) in new.iter().enumerate() {
        let from = if same_order {
            old.monitors[i].alert
        } else {
            before
                .get(&key(monitor))
                .copied()
                .unwrap_or(AlertValue::Unknown)
        };
        let first_healthy = from == AlertValue::Unknown && monitor.alert == AlertValue::Healthy;
        if from != monitor.alert && !first_healthy {
            out.push(ExchangeTransition {
                server,
                monitor: named(monitor, shared.get_or_insert_with(|| twice(new))),
                from,
                to: monitor.alert,
            });
        }
    }
    if same_order {
        return;
    }
    let after: HashSet<Key> = new.iter().map(key).collect();
    for gone in &old.monitors {
        if gone.alert.is_problem() && !after.contains(&key(gone)) {
            out.push(ExchangeTransition {
                server,
                monitor: gone.name.clone(),
                from: gone.alert,
                to: AlertValue::Unknown,
            });
        }
    }
}

/// A monitor's name for the record; a name Exchange reports for several targets says
/// which one.
fn named(m: &ExchangeMonitor, shared: &HashSet<&str>) -> String {
    match &m.target_resource {
        Some(target) if shared.contains(m.name.as_str()) => format!("{} ({target})", m.name),
        _ => m.name.clone(),
    }
}

/// The names that come more than once in an answer.
fn twice(all: &[ExchangeMonitor]) -> HashSet<&str> {
    let mut seen = HashSet::new();
    all.iter()
        .filter(|m| !seen.insert(m.name.as_str()))
        .map(|m| m.name.as_str())
        .collect()
}
