//! Where a fleet's monitor states lie: only the monitors a server's role runs have a place,
//! a server's together in `Monitor::ALL` order, servers in fleet order. A wake's results
//! then walk memory with no gaps, and the fewer lines they walk the better the hardware's
//! prefetch keeps up (ARCHITECTURE "Idle is idle").

use super::catalog::Role;
use super::monitors::Monitor;
use super::rules::{MonitorPolicy, Rule};

/// A cap on the room made ahead for a latency window (16 bytes a sample): an odd rule (an
/// hour's window, probes every 10 s) grows its window as it fills instead.
const LATENCY_ROOM: usize = 32;

#[derive(Debug, Default)]
pub struct Layout {
    /// Each server's role and the place of its first monitor.
    servers: Vec<(Role, u32)>,
    /// A monitor's place among its server's, by `Role as usize` and `Monitor::index`.
    places: [[u8; Monitor::COUNT]; 3],
    len: usize,
}

impl Layout {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Layout {
        let places = [Role::Cas, Role::Mailbox, Role::Both].map(|role| {
            let mut places = [u8::MAX; Monitor::COUNT];
            for (place, monitor) in runs(role).enumerate() {
                places[monitor.index()] = place as u8;
            }
            places
        });
        let mut servers = Vec::new();
        let mut len = 0;
        for role in roles {
            servers.push((role, len as u32));
            len += runs(role).count();
        }
        Layout {
            servers,
            places,
            len,
        }
    }

    /// How many places in all.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn role(&self, server: usize) -> Option<Role> {
        self.servers.get(server).map(|&(role, _)| role)
    }

    /// The place of a monitor (by `Monitor::index`) that its server's role runs.
    pub fn slot(&self, server: usize, index: usize) -> usize {
        let (role, first) = self.servers[server];
        let place = self.places[role as usize][index];
        debug_assert!(place != u8::MAX, "a monitor the server's role does not run");
        first as usize + usize::from(place)
    }
}

/// The monitors a role runs, in `Monitor::ALL` order: a server's places.
pub fn runs(role: Role) -> impl Iterator<Item = Monitor> {
    Monitor::ALL.into_iter().filter(move |m| m.applies_to(role))
}

/// How many samples a latency monitor's window holds in steady state on a server of `role`:
/// a window's worth from each probe of its protocol, at most [`LATENCY_ROOM`].
pub fn latency_room(
    policies: &[MonitorPolicy; Monitor::COUNT],
    latency: Monitor,
    role: Role,
) -> usize {
    let Rule::MeanLatencyAbove { window, .. } = policies[latency.index()].rule else {
        return 0;
    };
    let per_window = |m: Monitor| {
        let interval = policies[m.index()].interval.0.num_milliseconds().max(1);
        (window.0.num_milliseconds() / interval).max(0) as usize + 1
    };
    runs(role)
        .filter(|m| m.protocol == latency.protocol && m.probe().is_some())
        .map(per_window)
        .sum::<usize>()
        .min(LATENCY_ROOM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::health::monitors::MonitorKind;
    use crate::health::{Protocol, Rule};

    #[test]
    fn every_monitor_a_role_runs_has_a_place_of_its_own() {
        let roles = [
            Role::Cas,
            Role::Both,
            Role::Mailbox,
            Role::Mailbox,
            Role::Cas,
        ];
        let layout = Layout::new(roles);
        let mut seen = Vec::new();
        for (server, role) in roles.into_iter().enumerate() {
            let slots: Vec<usize> = runs(role).map(|m| layout.slot(server, m.index())).collect();
            assert!(!slots.is_empty());
            // Together and in order: the next server starts where this one ends.
            assert!(
                slots.windows(2).all(|w| w[1] == w[0] + 1),
                "{role:?} {slots:?}"
            );
            assert_eq!(slots[0], seen.len(), "no gap before server {server}");
            seen.extend(slots);
        }
        assert_eq!(seen.len(), layout.len());
        let monitors = |role| runs(role).count();
        assert_eq!(monitors(Role::Both), Monitor::COUNT);
        assert!(monitors(Role::Cas) < Monitor::COUNT && monitors(Role::Mailbox) < Monitor::COUNT);
    }

    #[test]
    fn a_latency_window_gets_room_for_a_windows_worth_from_each_probe_feeding_it() {
        let policies = MonitorPolicy::defaults();
        let imap = Monitor {
            protocol: Protocol::Imap,
            kind: MonitorKind::CommandLatency,
        };
        let Rule::MeanLatencyAbove { window, .. } = policies[imap.index()].rule else {
            panic!("the latency monitor judges mean latency");
        };
        // Five minutes of probes every 60 s: six samples a probe at most.
        let per_probe = (window.0.num_seconds() / 60 + 1) as usize;
        assert_eq!(latency_room(&policies, imap, Role::Cas), 2 * per_probe);
        assert_eq!(
            latency_room(&policies, imap, Role::Both),
            LATENCY_ROOM.min(4 * per_probe)
        );
        let queue = Monitor {
            protocol: Protocol::Imap,
            kind: MonitorKind::RequestsQueued,
        };
        assert_eq!(latency_room(&policies, queue, Role::Cas), 0);
    }
}
