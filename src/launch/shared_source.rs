//! The Prometheus source of an inventory that asks for it: the fleet is judged by the
//! alert rules Prometheus evaluates, and nothing is probed from this console
//! (ARCHITECTURE "Health from Prometheus").

use crate::config::inventory::Inventory;
use crate::health::{FleetState, Monitor};
use crate::prometheus::Endpoint;
use crate::runtime::FleetClock;
use crate::runtime::prober::Probing;
use crate::runtime::shared::SharedReader;
use std::time::Duration;

/// The reader, with the fleet set to take its word; `None` without `health.prometheus`.
/// The probes no agent can run (no endpoint for them: the same plan as the agent's) leave
/// the roll-up: no series will ever come for them. A login this console lacks is no
/// matter: the agent holds its own.
pub fn reader(
    inventory: &Inventory,
    fleet: &mut FleetState,
    probing: &Probing,
) -> Result<Option<SharedReader>, String> {
    let Some(source) = &inventory.shared else {
        return Ok(None);
    };
    let endpoint = |url: &str| {
        Endpoint::parse(url)
            .map_err(|why| format!("{}: health.prometheus: {why}", inventory.origin))
    };
    let prometheus = endpoint(&source.prometheus)?;
    let alertmanager = source.alertmanager.as_deref().map(endpoint).transpose()?;
    let span = |s: crate::health::Span| {
        Duration::from_millis(u64::try_from(s.0.num_milliseconds()).unwrap_or(1).max(1))
    };
    // Three refreshes missed, and a timeout: the reader is stuck, and its last word is old.
    let overdue = source.refresh.0 * 3 + source.timeout.0;
    fleet.watch_shared(FleetClock::new(1.0).now(), overdue);
    let unfed: Vec<(usize, Monitor)> = probing
        .not_runnable
        .iter()
        .filter(|n| !n.no_login)
        .map(|n| (n.server, Monitor::judging(n.probe)))
        .collect();
    fleet.leave_out(&unfed);
    let servers = inventory
        .servers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.server.name.to_ascii_lowercase(), i))
        .collect();
    Ok(Some(SharedReader {
        prometheus,
        alertmanager,
        refresh: span(source.refresh),
        timeout: span(source.timeout),
        servers,
    }))
}
