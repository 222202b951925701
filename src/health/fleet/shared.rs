//! Health from Prometheus in the fleet: every read replaces each monitor's alert with the
//! rule's verdict Prometheus evaluated, keeps the probe results for the drill-down, and a
//! failed read makes every monitor Unknown with why (ARCHITECTURE "Health from Prometheus").

use super::FleetState;
use crate::health::alert::AlertValue;
use crate::health::monitors::Monitor;
use crate::health::shared::{SharedAlert, SharedStatus, SharedUpdate};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::HashMap;

impl FleetState {
    /// Prometheus judges the fleet from now on: the console's own rules judge nothing.
    /// `overdue`: how long without a read before every monitor is Unknown.
    pub fn watch_shared(&mut self, now: DateTime<Utc>, overdue: TimeDelta) {
        self.shared = Some(SharedStatus::default());
        self.shared_since = now;
        self.shared_overdue = overdue;
        // Prometheus' rules judge now: the room kept for the console's own latency rule
        // is about a seventh of a large fleet's memory, never used.
        for monitor in &mut self.monitors {
            monitor.release_rule_room();
        }
    }

    /// How the shared source stands; `None` when the fleet is judged here.
    pub fn shared(&self) -> Option<&SharedStatus> {
        self.shared.as_ref()
    }

    /// One read of Prometheus (or why it failed), at `now`.
    pub fn apply_shared(&mut self, update: SharedUpdate, now: DateTime<Utc>) {
        let Some(status) = self.shared.as_mut() else {
            return;
        };
        match update {
            SharedUpdate::Failed { why, .. } => {
                status.failed = Some(why);
                self.judge_all(&HashMap::new(), now, true);
            }
            SharedUpdate::Read(reading) => {
                status.read_at = Some(reading.at);
                status.failed = None;
                status.acks = reading.acks;
                status.warnings = reading.warnings;
                for report in &reading.results {
                    self.hear(report);
                }
                let alerts: HashMap<(usize, Monitor), &SharedAlert> = reading
                    .alerts
                    .iter()
                    .map(|a| ((a.server, a.monitor), a))
                    .collect();
                self.judge_all(&alerts, reading.at, false);
            }
        }
        self.alert_generation += 1;
    }

    /// No read for this long: the source is silent, and silence is never health.
    pub fn shared_overdue(&mut self, now: DateTime<Utc>) {
        let Some(status) = &self.shared else {
            return;
        };
        let limit = self.shared_overdue;
        let last = status.read_at.unwrap_or(self.shared_since);
        if status.failed.is_none() && now - last > limit {
            let why = format!(
                "no answer from Prometheus for {}s: the console's reader is stuck",
                (now - last).num_seconds()
            );
            self.apply_shared(SharedUpdate::Failed { at: now, why }, now);
        }
    }

    pub(super) fn hear(&mut self, report: &crate::health::ProbeReport) {
        for monitor in self.fed_by(report) {
            let slot = self.slot(report.server, monitor.index());
            self.monitors[slot].hear(
                report.at,
                report.succeeded,
                report.latency_ms,
                report.error.as_deref(),
            );
        }
    }

    /// Every monitor's alert from the rule alerts read: firing Unhealthy, pending Degraded,
    /// none Healthy while the monitor's results are fresh, else Unknown. `down`: the source
    /// could not be read, and every monitor is Unknown.
    fn judge_all(
        &mut self,
        alerts: &HashMap<(usize, Monitor), &SharedAlert>,
        at: DateTime<Utc>,
        down: bool,
    ) {
        for server in 0..self.servers.len() {
            let role = self.servers[server].role;
            for monitor in Monitor::ALL.into_iter().filter(|m| m.applies_to(role)) {
                let slot = self.slot(server, monitor.index());
                let policy = self.policies[monitor.index()];
                let state = &mut self.monitors[slot];
                let before = state.alert;
                if before == AlertValue::Disabled {
                    continue;
                }
                let (alert, since) = match alerts.get(&(server, monitor)) {
                    _ if down => (AlertValue::Unknown, at),
                    Some(a) if a.firing => (AlertValue::Unhealthy, a.active_at),
                    Some(a) => (AlertValue::Degraded, a.active_at),
                    None => {
                        let fresh = state
                            .last_sample_at
                            .is_some_and(|last| at - last <= policy.stale_after.0);
                        let alert = if fresh {
                            AlertValue::Healthy
                        } else {
                            AlertValue::Unknown
                        };
                        (alert, at)
                    }
                };
                state.judge(&policy, alert, since.min(at), at);
                if state.alert != before {
                    self.changed(server, monitor, before);
                }
            }
        }
    }
}
