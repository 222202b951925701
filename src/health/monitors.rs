//! The monitors of each health set and what feeds them.

use super::catalog::{HealthSet, Probe, ProbeKind, Protocol, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonitorKind {
    Ctp,
    ProxyTest,
    DeepTest,
    SelfTest,
    /// AverageCommandProcessingTimeGt60sMonitor.
    CommandLatency,
    /// RequestsQueuedGt500Monitor.
    RequestsQueued,
}

/// What a monitor's rule is evaluated over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonitorInput {
    /// Succeeded / failed results of one probe.
    Probe(Probe),
    /// Latencies of every probe of the protocol on the server.
    CommandLatency(Protocol),
    /// The requests-queued metric of the protocol's service.
    RequestsQueued(Protocol),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Monitor {
    pub protocol: Protocol,
    pub kind: MonitorKind,
}

const fn m(protocol: Protocol, kind: MonitorKind) -> Monitor {
    Monitor { protocol, kind }
}

impl Monitor {
    /// Every monitor, grouped by health set in column order. POP has no queue monitor in
    /// the seeds.
    pub const ALL: [Monitor; 11] = [
        m(Protocol::Imap, MonitorKind::Ctp),
        m(Protocol::Imap, MonitorKind::CommandLatency),
        m(Protocol::Imap, MonitorKind::RequestsQueued),
        m(Protocol::Imap, MonitorKind::ProxyTest),
        m(Protocol::Imap, MonitorKind::DeepTest),
        m(Protocol::Imap, MonitorKind::SelfTest),
        m(Protocol::Pop, MonitorKind::Ctp),
        m(Protocol::Pop, MonitorKind::CommandLatency),
        m(Protocol::Pop, MonitorKind::ProxyTest),
        m(Protocol::Pop, MonitorKind::DeepTest),
        m(Protocol::Pop, MonitorKind::SelfTest),
    ];

    pub const COUNT: usize = Self::ALL.len();

    /// Position in [`Monitor::ALL`]; a hot path, hence a match rather than a search.
    pub fn index(self) -> usize {
        use MonitorKind::{CommandLatency, Ctp, DeepTest, ProxyTest, RequestsQueued, SelfTest};
        match (self.protocol, self.kind) {
            (Protocol::Imap, Ctp) => 0,
            (Protocol::Imap, CommandLatency) => 1,
            (Protocol::Imap, RequestsQueued) => 2,
            (Protocol::Imap, ProxyTest) => 3,
            (Protocol::Imap, DeepTest) => 4,
            (Protocol::Imap, SelfTest) => 5,
            (Protocol::Pop, Ctp) => 6,
            (Protocol::Pop, CommandLatency) => 7,
            (Protocol::Pop, ProxyTest) => 8,
            (Protocol::Pop, DeepTest) => 9,
            (Protocol::Pop, SelfTest) => 10,
            // Not a monitor of the seeds: POP has no queue monitor. Never in ALL.
            (Protocol::Pop, RequestsQueued) => 7,
        }
    }

    pub fn name(self) -> &'static str {
        match (self.protocol, self.kind) {
            (_, MonitorKind::CommandLatency) => "AverageCommandProcessingTimeGt60sMonitor",
            (_, MonitorKind::RequestsQueued) => "RequestsQueuedGt500Monitor",
            (Protocol::Imap, MonitorKind::Ctp) => "ImapCTPMonitor",
            (Protocol::Imap, MonitorKind::ProxyTest) => "ImapProxyTestMonitor",
            (Protocol::Imap, MonitorKind::DeepTest) => "ImapDeepTestMonitor",
            (Protocol::Imap, MonitorKind::SelfTest) => "ImapSelfTestMonitor",
            (Protocol::Pop, MonitorKind::Ctp) => "PopCTPMonitor",
            (Protocol::Pop, MonitorKind::ProxyTest) => "PopProxyTestMonitor",
            (Protocol::Pop, MonitorKind::DeepTest) => "PopDeepTestMonitor",
            (Protocol::Pop, MonitorKind::SelfTest) => "PopSelfTestMonitor",
        }
    }

    /// Finds a monitor by name within a health set (the latency and queue monitors share
    /// their names across protocols).
    pub fn find(health_set: HealthSet, name: &str) -> Option<Monitor> {
        Self::ALL
            .into_iter()
            .find(|m| m.health_set() == health_set && m.name().eq_ignore_ascii_case(name))
    }

    /// The monitor a record line names: by its health set when the line has one (older
    /// records do not: the name alone, IMAP's first).
    pub fn recorded(name: &str, health_set: Option<&str>) -> Option<Monitor> {
        Self::ALL
            .into_iter()
            .find(|m| m.name() == name && health_set.is_none_or(|set| m.health_set().name() == set))
    }

    /// Whether another protocol's monitor has the same name (the latency and queue ones).
    pub fn shares_name(name: &str) -> bool {
        Self::ALL.iter().filter(|m| m.name() == name).count() > 1
    }

    /// How a record line's monitor reads: its name, with its health set where another
    /// protocol's monitor has the same name (`AverageCommandProcessingTimeGt60sMonitor (POP)`).
    pub fn recorded_label(name: &str, health_set: Option<&str>) -> String {
        match health_set {
            Some(set) if Self::shares_name(name) => format!("{name} ({set})"),
            _ => name.to_owned(),
        }
    }

    /// Finds a monitor by name within a protocol, as runbooks name them.
    pub fn named(protocol: Protocol, name: &str) -> Option<Monitor> {
        Self::ALL
            .into_iter()
            .find(|m| m.protocol == protocol && m.name() == name)
    }

    pub fn health_set(self) -> HealthSet {
        match (self.protocol, self.kind) {
            (Protocol::Imap, MonitorKind::ProxyTest) => HealthSet::ImapProxy,
            (Protocol::Imap, MonitorKind::DeepTest | MonitorKind::SelfTest) => {
                HealthSet::ImapProtocol
            }
            (Protocol::Imap, _) => HealthSet::Imap,
            (Protocol::Pop, MonitorKind::ProxyTest) => HealthSet::PopProxy,
            (Protocol::Pop, MonitorKind::DeepTest | MonitorKind::SelfTest) => {
                HealthSet::PopProtocol
            }
            (Protocol::Pop, _) => HealthSet::Pop,
        }
    }

    pub fn input(self) -> MonitorInput {
        let probe = |kind| {
            MonitorInput::Probe(Probe {
                protocol: self.protocol,
                kind,
            })
        };
        match self.kind {
            MonitorKind::Ctp => probe(ProbeKind::Ctp),
            MonitorKind::ProxyTest => probe(ProbeKind::ProxyTest),
            MonitorKind::DeepTest => probe(ProbeKind::DeepTest),
            MonitorKind::SelfTest => probe(ProbeKind::SelfTest),
            MonitorKind::CommandLatency => MonitorInput::CommandLatency(self.protocol),
            MonitorKind::RequestsQueued => MonitorInput::RequestsQueued(self.protocol),
        }
    }

    /// The monitor that judges a probe's results.
    pub fn judging(probe: Probe) -> Monitor {
        let kind = match probe.kind {
            ProbeKind::Ctp => MonitorKind::Ctp,
            ProbeKind::ProxyTest => MonitorKind::ProxyTest,
            ProbeKind::DeepTest => MonitorKind::DeepTest,
            ProbeKind::SelfTest => MonitorKind::SelfTest,
        };
        Monitor {
            protocol: probe.protocol,
            kind,
        }
    }

    /// The probe whose results this monitor judges, if it judges one.
    pub fn probe(self) -> Option<Probe> {
        match self.input() {
            MonitorInput::Probe(p) => Some(p),
            _ => None,
        }
    }

    /// True when a server of `role` runs this monitor. The seeds say the latency and queue
    /// alerts are raised on both CAS and Mailbox servers.
    pub fn applies_to(self, role: Role) -> bool {
        match self.probe() {
            Some(probe) => role.runs(probe.role()),
            None => true,
        }
    }

    /// The Windows service a recovery acts on (the monitor's TargetResource).
    pub fn target_service(self, role: Role) -> &'static str {
        match self.probe() {
            Some(probe) => probe.target_service(),
            None if role == Role::Mailbox => self.protocol.back_end_service(),
            None => self.protocol.front_end_service(),
        }
    }

    /// The monitors of one health set, in display order.
    pub fn of(health_set: HealthSet) -> impl Iterator<Item = Monitor> {
        Self::ALL
            .into_iter()
            .filter(move |m| m.health_set() == health_set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_probe_is_judged_by_the_monitor_that_names_it_as_input() {
        for probe in Probe::all() {
            let judge = Monitor::judging(probe);
            assert_eq!(judge.input(), MonitorInput::Probe(probe), "{probe:?}");
            assert!(Monitor::ALL.contains(&judge), "{probe:?}");
        }
    }
}
