//! A fleet played back from an incident record: alert values set as the record says they
//! changed (ARCHITECTURE "Replay").

use super::FleetState;
use crate::health::{AlertValue, Monitor};
use chrono::{DateTime, Utc};

impl FleetState {
    /// Sets a monitor's alert value as a record says it changed at `at`; `false` when the
    /// server's role does not run it.
    pub fn replay_alert(
        &mut self,
        server: usize,
        monitor: Monitor,
        alert: AlertValue,
        at: DateTime<Utc>,
    ) -> bool {
        let Some(role) = self.servers.get(server).map(|s| s.role) else {
            return false;
        };
        if !monitor.applies_to(role) {
            return false;
        }
        let slot = self.slot(server, monitor.index());
        let policy = self.policies[monitor.index()];
        let state = &mut self.monitors[slot];
        let before = state.alert;
        state.judge(&policy, alert, at, at);
        if state.alert != before {
            self.changed(server, monitor, before);
        }
        true
    }
}
