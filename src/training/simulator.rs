//! The simulated fleet: answers probes from the scenario's fault timeline. Pure: the
//! runtime asks it questions with "now" and turns the answers into events.

use super::databases::Databases;
use super::scenario::{Fault, Remedy, Scenario, Symptom};
use crate::health::{MetricReport, Probe, ProbeKind, ProbeReport, Protocol, Role};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::HashMap;

/// How long a simulated probe waits for a service's first answer (connect, greeting) before
/// it gives up. Slow *commands* are another matter: a session whose greeting comes at once
/// but whose commands take 70 s succeeds, slowly — that is what the latency monitor sees.
const PROBE_TIMEOUT_MS: u32 = 30_000;

pub struct Simulator {
    scenario: Scenario,
    start: DateTime<Utc>,
    /// When each fault was healed by a recovery action, if it was.
    healed: Vec<Option<DateTime<Utc>>>,
    databases: Databases,
    /// Protocol logging per server: [IMAP, POP].
    protocol_logging: Vec<[bool; 2]>,
    /// Each server's monitoring mailbox (`Scenario::monitoring_mailbox`), found once: a
    /// probe asks for it, and a search per probe would cost a 50,000-server fleet a core.
    mailboxes: Vec<usize>,
    /// Each server by name, for steps that name one.
    by_name: HashMap<String, usize>,
    /// Servers some fault of the scenario names: a probe through none of them passes
    /// without a look at the faults (most of a large fleet, on every probe).
    troubled: Vec<bool>,
}

impl Simulator {
    pub fn new(scenario: Scenario, start: DateTime<Utc>) -> Simulator {
        let healed = vec![None; scenario.faults.len()];
        let databases = Databases::new(&scenario.fleet);
        let protocol_logging = vec![[false; 2]; scenario.fleet.len()];
        let mut by_name = HashMap::with_capacity(scenario.fleet.len());
        for (i, server) in scenario.fleet.iter().enumerate() {
            by_name.entry(server.name.clone()).or_insert(i);
        }
        let mailboxes = mailboxes(&scenario, &by_name);
        let mut troubled = vec![false; scenario.fleet.len()];
        for fault in &scenario.faults {
            if let Some(&i) = by_name.get(&fault.server) {
                troubled[i] = true;
            }
        }
        Simulator {
            scenario,
            start,
            healed,
            databases,
            protocol_logging,
            mailboxes,
            by_name,
            troubled,
        }
    }

    /// The Mailbox server behind each server's CTP probe (itself on a Mailbox server).
    pub fn mailbox_of(&self) -> Vec<Option<usize>> {
        self.mailboxes.iter().copied().map(Some).collect()
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Every probe the fleet runs: (server index, probe).
    pub fn probes(&self) -> Vec<(usize, Probe)> {
        let mut out = Vec::new();
        for (i, server) in self.scenario.fleet.iter().enumerate() {
            out.extend(
                Probe::all()
                    .filter(|p| server.role.runs(p.role()))
                    .map(|p| (i, p)),
            );
        }
        out
    }

    /// A recovery action on a server; returns true when it healed a fault. Restarting the
    /// wrong service heals nothing.
    pub fn apply_remedy(
        &mut self,
        server: &str,
        remedy: Remedy,
        service: Option<&str>,
        now: DateTime<Utc>,
    ) -> bool {
        let mut healed_any = false;
        for (i, fault) in self.scenario.faults.iter().enumerate() {
            // A service restart or a component set Active heals only that service's fault.
            let any_service =
                !matches!(remedy, Remedy::RestartService | Remedy::SetComponentActive);
            let matches = fault.server == server
                && fault.healed_by == remedy
                && (any_service || service == Some(fault.service.as_str()));
            if matches && self.healed[i].is_none() && self.started(fault, now) {
                self.healed[i] = Some(now);
                healed_any = true;
            }
        }
        healed_any
    }

    /// A server restart restarts every service on it too: it heals what a restart of the
    /// server or of any of its services heals.
    pub fn restart_server(&mut self, server: &str, now: DateTime<Utc>) -> bool {
        let mut healed_any = false;
        for (i, fault) in self.scenario.faults.iter().enumerate() {
            let heals = matches!(
                fault.healed_by,
                Remedy::RestartServer | Remedy::RestartService
            );
            if fault.server == server
                && heals
                && self.healed[i].is_none()
                && self.started(fault, now)
            {
                self.healed[i] = Some(now);
                healed_any = true;
            }
        }
        healed_any
    }

    pub fn server_index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub fn databases(&self) -> &Databases {
        &self.databases
    }

    pub fn databases_mut(&mut self) -> &mut Databases {
        &mut self.databases
    }

    pub fn protocol_logging(&self, server: usize, protocol: Protocol) -> bool {
        self.protocol_logging[server][protocol as usize]
    }

    pub fn set_protocol_logging(&mut self, server: usize, protocol: Protocol, on: bool) {
        self.protocol_logging[server][protocol as usize] = on;
    }

    /// Whether `protocol`'s proxy component on `server` is Active at `now`: no
    /// `component_inactive` fault holds on its front end.
    pub fn component_active(&self, server: usize, protocol: Protocol, now: DateTime<Utc>) -> bool {
        if !self.troubled[server] {
            return true;
        }
        let host = &self.scenario.fleet[server].name;
        !self
            .active(host, protocol.front_end_service(), now)
            .any(|f| f.symptom == Symptom::ComponentInactive)
    }

    fn started(&self, fault: &Fault, now: DateTime<Utc>) -> bool {
        now >= self.start + fault.at.0
    }

    /// The faults hurting `server`'s `service` at `now`.
    fn active<'a>(
        &'a self,
        server: &'a str,
        service: &'a str,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = &'a Fault> + 'a {
        self.scenario
            .faults
            .iter()
            .zip(&self.healed)
            .filter(move |(f, healed)| {
                let begun = self.start + f.at.0;
                let cleared = f.clears_after.is_some_and(|c| now >= begun + c.0);
                f.server == server
                    && f.service == service
                    && now >= begun
                    && !cleared
                    && healed.is_none_or(|h| now < h)
                    && (f.symptom != Symptom::Intermittent || intermittent_down(f, now - begun))
            })
            .map(|(f, _)| f)
    }

    /// The (server, service) pairs a probe touches: CTP goes through the CAS front end to
    /// the back end of the Mailbox server holding its monitoring mailbox.
    fn path(&self, server: usize, probe: Probe) -> impl Iterator<Item = (usize, &'static str)> {
        let front = probe.protocol.front_end_service();
        let back = probe.protocol.back_end_service();
        let hops = match probe.kind {
            ProbeKind::Ctp => [Some((server, front)), Some((self.mailboxes[server], back))],
            ProbeKind::ProxyTest => [Some((server, front)), None],
            ProbeKind::DeepTest => [Some((server, back)), Some((server, "MSExchangeIS"))],
            ProbeKind::SelfTest => [Some((server, back)), None],
        };
        hops.into_iter().flatten()
    }

    /// Runs one simulated probe.
    pub fn probe(&self, server: usize, probe: Probe, now: DateTime<Utc>, seq: u64) -> ProbeReport {
        let fleet = &self.scenario.fleet;
        let mut report = ProbeReport {
            server,
            probe,
            at: now,
            succeeded: true,
            latency_ms: 12 + (mix(server as u64, seq) % 60) as u32,
            error: None,
            late_ms: 0,
        };
        let logs_in = matches!(probe.kind, ProbeKind::Ctp | ProbeKind::DeepTest);
        for (hop, service) in self
            .path(server, probe)
            .filter(|&(hop, _)| self.troubled[hop])
        {
            let host = &fleet[hop].name;
            for fault in self.active(host, service, now) {
                match fault.symptom {
                    Symptom::StopsAnswering | Symptom::Intermittent => {
                        report.succeeded = false;
                        report.latency_ms = PROBE_TIMEOUT_MS;
                        report.error = Some(if hop == server {
                            format!("{service} on {host} did not answer within 30 s")
                        } else {
                            format!("proxied to {host}: {service} did not answer within 30 s")
                        });
                    }
                    Symptom::RefusesLogins if logs_in => {
                        report.succeeded = false;
                        report.error = Some(format!(
                            "{service} on {host} refused the login: NO [UNAVAILABLE]"
                        ));
                    }
                    // The front end stops while its component is Inactive: refused at once.
                    Symptom::ComponentInactive => {
                        report.succeeded = false;
                        report.error = Some(format!(
                            "{service} on {host} refused the connection: component {} is \
                             Inactive (requester HealthAPI)",
                            probe.protocol.proxy_component()
                        ));
                    }
                    Symptom::SlowCommands => {
                        let slow = fault.latency.map_or(0, |l| l.0.num_milliseconds());
                        report.latency_ms = report
                            .latency_ms
                            .max(u32::try_from(slow).unwrap_or(u32::MAX));
                    }
                    Symptom::RefusesLogins | Symptom::RequestsQueued => {}
                }
            }
        }
        report
    }

    /// The requests-queued metric of a protocol's service on a server.
    pub fn queued(
        &self,
        server: usize,
        protocol: Protocol,
        now: DateTime<Utc>,
        seq: u64,
    ) -> MetricReport {
        let base = (mix(server as u64 + 7, seq) % 20) as f64;
        // A server no fault names has nothing queued beyond the usual few.
        let queued = if self.troubled[server] {
            let host = &self.scenario.fleet[server].name;
            [protocol.front_end_service(), protocol.back_end_service()]
                .into_iter()
                .flat_map(|service| self.active(host, service, now))
                .filter(|f| f.symptom == Symptom::RequestsQueued)
                .filter_map(|f| f.queued)
                .fold(base, f64::max)
        } else {
            base
        };
        MetricReport {
            server,
            protocol,
            at: now,
            queued,
        }
    }
}

/// [`Scenario::monitoring_mailbox`] of every server, in one pass over the fleet.
fn mailboxes(scenario: &Scenario, by_name: &HashMap<String, usize>) -> Vec<usize> {
    let fleet = &scenario.fleet;
    let mut first_of_site: HashMap<&str, usize> = HashMap::new();
    for (i, server) in fleet.iter().enumerate() {
        if server.role.runs(Role::Mailbox) {
            first_of_site.entry(server.site.as_str()).or_insert(i);
        }
    }
    let first = fleet.iter().position(|s| s.role.runs(Role::Mailbox));
    let chosen = |(i, server): (usize, &crate::health::Server)| {
        if server.role.runs(Role::Mailbox) {
            return i;
        }
        scenario
            .monitoring_mailboxes
            .get(&server.name)
            .and_then(|m| by_name.get(m).copied())
            .or_else(|| first_of_site.get(server.site.as_str()).copied())
            .or(first)
            .unwrap_or(i)
    };
    fleet.iter().enumerate().map(chosen).collect()
}

fn intermittent_down(fault: &Fault, elapsed: TimeDelta) -> bool {
    let period = fault.period.map_or(1, |p| p.0.num_milliseconds().max(1));
    (elapsed.num_milliseconds() / period) % 2 == 0
}

/// A small deterministic mixer (splitmix64) so simulated latencies vary without a RNG.
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_add(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn each_monitoring_mailbox_is_the_one_the_scenario_names() {
        let text = "name: t\ntitle: t\nfleet:\n\
            - { name: cas-01, role: cas, site: AMS }\n\
            - { name: mbx-01, role: mailbox, site: AMS }\n\
            - { name: cas-02, role: cas, site: DUB }\n\
            - { name: mbx-02, role: mailbox, site: DUB }\n\
            - { name: mbx-03, role: mailbox, site: DUB }\n\
            - { name: cas-03, role: cas, site: DUB }\n\
            - { name: cas-04, role: cas, site: NYC }\n\
            - { name: ex-01, role: both, site: NYC }\n\
            monitoring_mailboxes: { cas-03: mbx-03 }\n";
        let scenario = Scenario::parse(text, "t.yaml").unwrap();
        let want: Vec<Option<usize>> = (0..scenario.fleet.len())
            .map(|i| Some(scenario.monitoring_mailbox(i)))
            .collect();
        let simulator = Simulator::new(scenario, DateTime::UNIX_EPOCH);
        assert_eq!(simulator.mailbox_of(), want);
        assert_eq!(
            want,
            [1, 1, 3, 3, 4, 4, 7, 7].map(Some).to_vec(),
            "site, named, then own"
        );
        assert_eq!(simulator.server_index("mbx-03"), Some(4));
        assert_eq!(simulator.server_index("nope"), None);
    }
}
