//! The fleets and probe results the benches feed the console: one shape for every bench.

use chrono::{DateTime, Utc};
use healthdeck::health::{Probe, ProbeReport, Role, Server};

/// `count` servers named `srv-00001`…, roles mixed 2 CAS : 2 Mailbox : 1 both, each in the
/// site `site(i)` names.
pub fn servers(count: usize, site: impl Fn(usize) -> String) -> Vec<Server> {
    (0..count)
        .map(|i| Server {
            name: format!("srv-{:05}", i + 1),
            role: match i % 5 {
                0 | 1 => Role::Cas,
                2 | 3 => Role::Mailbox,
                _ => Role::Both,
            },
            site: site(i),
        })
        .collect()
}

/// A probe result with a latency that varies by server; a failure says why.
pub fn report(server: usize, probe: Probe, at: DateTime<Utc>, succeeded: bool) -> ProbeReport {
    ProbeReport {
        server,
        probe,
        at,
        succeeded,
        latency_ms: 12 + (server % 40) as u32,
        error: (!succeeded).then(|| "connection refused".to_owned()),
        late_ms: 0,
    }
}
