//! The fixed model of the seeds: six health sets, their probes, monitors, dependencies and
//! target services. Names follow what the seeds intend (ARCHITECTURE "Monitor names"): the seeds'
//! tables list the deep and self tests under "IMAP.Protocol" and one heading says
//! "ImapTestDeepMonitor"; both are `ImapDeepTestMonitor` here.

use serde::{Deserialize, Serialize};

/// The server roles of Exchange 2013.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Cas,
    Mailbox,
    Both,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Cas => "cas",
            Role::Mailbox => "mailbox",
            Role::Both => "both",
        }
    }

    /// True when a server of this role runs components meant for `needed`.
    pub fn runs(self, needed: Role) -> bool {
        self == Role::Both || needed == Role::Both || self == needed
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    Imap,
    Pop,
}

impl Protocol {
    pub fn label(self) -> &'static str {
        match self {
            Protocol::Imap => "IMAP",
            Protocol::Pop => "POP",
        }
    }

    /// The client-facing service on the Client Access server.
    pub fn front_end_service(self) -> &'static str {
        match self {
            Protocol::Imap => "MSExchangeIMAP4",
            Protocol::Pop => "MSExchangePOP3",
        }
    }

    /// The back-end service on the Mailbox server.
    pub fn back_end_service(self) -> &'static str {
        match self {
            Protocol::Imap => "MSExchangeIMAP4BE",
            Protocol::Pop => "MSExchangePOP3BE",
        }
    }

    /// The server component (`Get-ServerComponentState`) that Managed Availability takes
    /// offline when the CAS proxy fails; the front-end service stops while it is Inactive.
    pub fn proxy_component(self) -> &'static str {
        match self {
            Protocol::Imap => "ImapProxy",
            Protocol::Pop => "PopProxy",
        }
    }
}

/// The six health sets, in grid column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HealthSet {
    Imap,
    ImapProxy,
    ImapProtocol,
    Pop,
    PopProxy,
    PopProtocol,
}

impl HealthSet {
    pub const ALL: [HealthSet; 6] = [
        HealthSet::Imap,
        HealthSet::ImapProxy,
        HealthSet::ImapProtocol,
        HealthSet::Pop,
        HealthSet::PopProxy,
        HealthSet::PopProtocol,
    ];

    pub fn name(self) -> &'static str {
        match self {
            HealthSet::Imap => "IMAP",
            HealthSet::ImapProxy => "IMAP.Proxy",
            HealthSet::ImapProtocol => "IMAP.Protocol",
            HealthSet::Pop => "POP",
            HealthSet::PopProxy => "POP.Proxy",
            HealthSet::PopProtocol => "POP.Protocol",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn protocol(self) -> Protocol {
        match self {
            HealthSet::Imap | HealthSet::ImapProxy | HealthSet::ImapProtocol => Protocol::Imap,
            _ => Protocol::Pop,
        }
    }

    /// The health sets the seeds call closely related to this one.
    pub fn related(self) -> [HealthSet; 2] {
        let [a, b, c] = match self.protocol() {
            Protocol::Imap => [
                HealthSet::Imap,
                HealthSet::ImapProxy,
                HealthSet::ImapProtocol,
            ],
            Protocol::Pop => [HealthSet::Pop, HealthSet::PopProxy, HealthSet::PopProtocol],
        };
        if self == a {
            [b, c]
        } else if self == b {
            [a, c]
        } else {
            [a, b]
        }
    }
}

/// The four synthetic transactions of each protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProbeKind {
    /// End to end through the CAS, with a mailbox login ("customer touch point").
    Ctp,
    /// The CAS proxy path.
    ProxyTest,
    /// The mailbox back end, with a login.
    DeepTest,
    /// The back end's own port.
    SelfTest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Probe {
    pub protocol: Protocol,
    pub kind: ProbeKind,
}

impl Probe {
    /// Every probe, IMAP first, in the seeds' order: CTP, proxy, deep, self.
    pub fn all() -> impl Iterator<Item = Probe> {
        [Protocol::Imap, Protocol::Pop]
            .into_iter()
            .flat_map(|protocol| {
                [
                    ProbeKind::Ctp,
                    ProbeKind::ProxyTest,
                    ProbeKind::DeepTest,
                    ProbeKind::SelfTest,
                ]
                .map(|kind| Probe { protocol, kind })
            })
    }

    pub fn name(self) -> &'static str {
        match (self.protocol, self.kind) {
            (Protocol::Imap, ProbeKind::Ctp) => "ImapCTPProbe",
            (Protocol::Imap, ProbeKind::ProxyTest) => "ImapProxyTestProbe",
            (Protocol::Imap, ProbeKind::DeepTest) => "ImapDeepTestProbe",
            (Protocol::Imap, ProbeKind::SelfTest) => "ImapSelfTestProbe",
            (Protocol::Pop, ProbeKind::Ctp) => "PopCTPProbe",
            (Protocol::Pop, ProbeKind::ProxyTest) => "PopProxyTestProbe",
            (Protocol::Pop, ProbeKind::DeepTest) => "PopDeepTestProbe",
            (Protocol::Pop, ProbeKind::SelfTest) => "PopSelfTestProbe",
        }
    }

    /// The role whose servers run this probe.
    pub fn role(self) -> Role {
        match self.kind {
            ProbeKind::Ctp | ProbeKind::ProxyTest => Role::Cas,
            ProbeKind::DeepTest | ProbeKind::SelfTest => Role::Mailbox,
        }
    }

    /// The service this probe exercises on the server it runs against.
    pub fn target_service(self) -> &'static str {
        match self.role() {
            Role::Mailbox => self.protocol.back_end_service(),
            _ => self.protocol.front_end_service(),
        }
    }

    /// What the probe depends on, from the seeds' tables.
    pub fn dependencies(self) -> &'static [&'static str] {
        match self.kind {
            ProbeKind::Ctp => &[
                "Active Directory",
                "Authentication",
                "Mailbox server authentication",
                "High Availability",
                "Networking",
            ],
            ProbeKind::ProxyTest | ProbeKind::SelfTest => &["Active Directory", "Authentication"],
            ProbeKind::DeepTest => &[
                "Active Directory",
                "Authentication",
                "Information Store",
                "High Availability",
            ],
        }
    }
}
