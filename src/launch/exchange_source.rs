//! The Exchange source of an inventory that asks for it: each server's poll script, run
//! through the pwsh its steps use (ARCHITECTURE "Exchange's own verdict").

use crate::command::pwsh;
use crate::command::transport::Transport;
use crate::config::inventory::Inventory;
use crate::health::{FleetState, Monitor};
use crate::runtime::exchange::{Poll, Polling};
use crate::runtime::prober::Probing;

/// Every server's poll; `None` when the inventory has no Managed Availability source.
pub fn polling(inventory: &Inventory) -> Option<Polling> {
    let config = inventory.managed_availability?;
    let polls = inventory
        .servers
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let name = &entry.server.name;
            let (session_host, program) = match &entry.transport {
                Transport::Pwsh(target) => (target.session_host.clone(), target.program.clone()),
                _ => (name.clone(), pwsh::PWSH.to_owned()),
            };
            Poll {
                server: i,
                name: name.clone(),
                session_host,
                program,
            }
        })
        .collect();
    let seconds = |span: crate::health::Span| {
        std::time::Duration::from_millis(
            u64::try_from(span.0.num_milliseconds()).unwrap_or(1).max(1),
        )
    };
    Some(Polling {
        polls,
        interval: seconds(config.interval),
        timeout: seconds(config.timeout),
        in_flight: config.in_flight,
    })
}

/// Turns the Exchange source on when the inventory asks for it. The probe monitors
/// healthdeck cannot run (no endpoint, no login) then leave the roll-up instead of staying
/// Unknown, and are no news for the status bar.
pub fn watch(
    inventory: &Inventory,
    fleet: &mut FleetState,
    probing: &mut Probing,
) -> Option<Polling> {
    let config = inventory.managed_availability?;
    let polling = polling(inventory)?;
    let unwatched: Vec<(usize, Monitor)> = probing
        .not_runnable
        .iter()
        .map(|n| (n.server, Monitor::judging(n.probe)))
        .collect();
    // Three polls missed, and the last one's timeout: the verdict on screen is old.
    let overdue = (config.interval.0 * 3) + config.timeout.0;
    fleet.watch_exchange(&unwatched, overdue);
    probing.not_runnable.clear();
    Some(polling)
}
