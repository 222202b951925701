//! The Exchange source of an inventory that asks for it: each server's poll script, run
//! through the pwsh its steps use (ARCHITECTURE "Exchange's own verdict").

use crate::command::pwsh;
use crate::command::transport::Transport;
use crate::config::inventory::{Inventory, ManagedAvailability};
use crate::health::Span;
use crate::health::{FleetState, Monitor};
use crate::runtime::exchange::{Poll, Polling};
use crate::runtime::prober::Probing;
use chrono::TimeDelta;

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
        note: None,
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
    let (overdue, note) = pace(inventory.servers.len(), config);
    fleet.watch_exchange(&unwatched, overdue);
    probing.not_runnable.clear();
    Some(Polling { note, ..polling })
}

/// When an answer is old enough to be no verdict, and a word for the engineer when the
/// fleet cannot be polled once an interval. A round, at worst, is every poll taking its
/// whole timeout, `in_flight` at a time; three rounds (or intervals) missed and a timeout
/// make an answer overdue, so a fleet that is merely slow to go round does not flap.
fn pace(servers: usize, config: ManagedAvailability) -> (TimeDelta, Option<String>) {
    let rounds = i32::try_from(servers.div_ceil(config.in_flight.max(1))).unwrap_or(i32::MAX);
    let round = config.timeout.0 * rounds;
    let overdue = round.max(config.interval.0) * 3 + config.timeout.0;
    let note = (round > config.interval.0).then(|| {
        format!(
            "Exchange: {servers} servers, {} at once, up to {} each: a round may take up to \
             {}, longer than the {} interval (raise in_flight)",
            config.in_flight,
            config.timeout,
            Span(round),
            config.interval
        )
    });
    (overdue, note)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn config(in_flight: usize) -> ManagedAvailability {
        ManagedAvailability {
            interval: Span::seconds(60),
            timeout: Span::seconds(45),
            in_flight,
        }
    }

    #[test]
    fn a_fleet_too_big_for_its_pace_is_said_and_never_flaps_unknown() {
        let (overdue, note) = pace(1_000, config(8));
        // 125 rounds of 45 s: 93m45s a round at worst.
        assert_eq!(overdue, TimeDelta::seconds(3 * 125 * 45 + 45));
        let note = note.unwrap();
        assert!(
            note.starts_with("Exchange: 1000 servers, 8 at once, up to 45s each"),
            "{note}"
        );
        let (overdue, note) = pace(8, config(8));
        assert_eq!(overdue, TimeDelta::seconds(3 * 60 + 45));
        assert_eq!(note, None);
    }
}
