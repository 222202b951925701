//! Scenario files: a training fleet plus a timeline of faults, each naming what heals it.

use crate::config::locate::{Seg, locate};
use crate::config::{ConfigError, parse_yaml};
use crate::health::rules::PolicyOverride;
use crate::health::{Monitor, MonitorPolicy, Role, Server, Span};
use crate::i18n::Said;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// What a fault does to the service it hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    /// Connections hang: every probe through the service times out.
    StopsAnswering,
    /// Logins fail: probes that log in (CTP, deep test) fail.
    RefusesLogins,
    /// Commands take `latency` to complete; probes still succeed.
    SlowCommands,
    /// The service's request queue holds `queued` requests.
    RequestsQueued,
    /// Alternates between stopping to answer and answering, every `period`.
    Intermittent,
    /// Managed Availability set the protocol's proxy component (ImapProxy / PopProxy)
    /// Inactive: the front end refuses clients, so CTP and proxy probes through it fail.
    ComponentInactive,
}

/// What makes a fault go away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// Restarting the faulty service (and no other) on the server.
    RestartService,
    RestartServer,
    FailoverDatabases,
    /// Setting the protocol's proxy component Active (not a restart: the state outlives it).
    SetComponentActive,
    /// Nothing: it clears by itself after `clears_after` (the "transient" case).
    Itself,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawFault")]
pub struct Fault {
    pub server: String,
    pub service: String,
    pub at: Span,
    pub symptom: Symptom,
    pub healed_by: Remedy,
    pub latency: Option<Span>,
    pub queued: Option<f64>,
    pub period: Option<Span>,
    pub clears_after: Option<Span>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFault {
    server: String,
    service: String,
    at: Span,
    symptom: Symptom,
    healed_by: Remedy,
    latency: Option<Span>,
    queued: Option<f64>,
    period: Option<Span>,
    clears_after: Option<Span>,
}

impl TryFrom<RawFault> for Fault {
    type Error = String;

    fn try_from(raw: RawFault) -> Result<Fault, String> {
        let need = |present: bool, field: &str| {
            if present {
                Ok(())
            } else {
                Err(format!(
                    "fault on {} ({}): symptom {:?} needs `{field}`",
                    raw.server, raw.service, raw.symptom
                ))
            }
        };
        match raw.symptom {
            Symptom::SlowCommands => need(raw.latency.is_some(), "latency")?,
            Symptom::RequestsQueued => need(raw.queued.is_some(), "queued")?,
            Symptom::Intermittent => need(
                raw.period.is_some_and(|p| p.0 > chrono::TimeDelta::zero()),
                "period",
            )?,
            Symptom::StopsAnswering | Symptom::RefusesLogins | Symptom::ComponentInactive => {}
        }
        if raw.healed_by == Remedy::Itself {
            need(raw.clears_after.is_some(), "clears_after")?;
        }
        // A component's state is only ever changed by setting it: the two go together.
        let component = raw.symptom == Symptom::ComponentInactive;
        if component != (raw.healed_by == Remedy::SetComponentActive) {
            return Err(format!(
                "fault on {} ({}): symptom component_inactive goes with healed_by: \
                 set_component_active, and only it",
                raw.server, raw.service
            ));
        }
        if component && !FRONT_ENDS.contains(&raw.service.as_str()) {
            return Err(format!(
                "fault on {}: component_inactive names the front end whose proxy component \
                 is Inactive ({}), not {}",
                raw.server,
                FRONT_ENDS.join(" or "),
                raw.service
            ));
        }
        Ok(Fault {
            server: raw.server,
            service: raw.service,
            at: raw.at,
            symptom: raw.symptom,
            healed_by: raw.healed_by,
            latency: raw.latency,
            queued: raw.queued,
            period: raw.period,
            clears_after: raw.clears_after,
        })
    }
}

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub briefing: String,
    pub fleet: Vec<Server>,
    /// CAS server → the Mailbox server its CTP probe logs into. Default: the first Mailbox
    /// server of its site.
    #[serde(default)]
    pub monitoring_mailboxes: BTreeMap<String, String>,
    #[serde(default)]
    pub faults: Vec<Fault>,
    /// Per-monitor overrides of the default rules (ARCHITECTURE "Default monitor rules"), keyed by monitor name.
    #[serde(default)]
    pub rules: BTreeMap<String, PolicyOverride>,
    /// What `healthdeck drill` tells the trainee and scores (ARCHITECTURE "Drills").
    #[serde(default)]
    pub drill: Option<super::drill::DrillSpec>,
}

/// The services a fault may name.
pub const SERVICES: [&str; 5] = [
    "MSExchangeIMAP4",
    "MSExchangeIMAP4BE",
    "MSExchangePOP3",
    "MSExchangePOP3BE",
    "MSExchangeIS",
];

/// The CAS front ends, whose proxy components (ImapProxy, PopProxy) can be Inactive.
const FRONT_ENDS: [&str; 2] = ["MSExchangeIMAP4", "MSExchangePOP3"];

/// The role whose servers run a service.
pub fn service_role(service: &str) -> Option<Role> {
    match service {
        "MSExchangeIMAP4" | "MSExchangePOP3" => Some(Role::Cas),
        "MSExchangeIMAP4BE" | "MSExchangePOP3BE" | "MSExchangeIS" => Some(Role::Mailbox),
        _ => None,
    }
}

impl Scenario {
    /// Parses and cross-checks a scenario; errors name `origin`, line and column.
    pub fn parse(text: &str, origin: &str) -> Result<Scenario, ConfigError> {
        let scenario: Scenario = parse_yaml(text, origin)?;
        scenario.check(text, origin)?;
        Ok(scenario)
    }

    fn check(&self, text: &str, origin: &str) -> Result<(), ConfigError> {
        if self.fleet.is_empty() {
            let at = locate(text, &[Seg::Key("fleet")]).unwrap_or((1, 1));
            let said = Said::new("finding-scenario-no-servers");
            return Err(ConfigError::at(origin, at, said));
        }
        // Each server by name: the checks stay linear in the fleet's size.
        let mut roles: HashMap<&str, Role> = HashMap::with_capacity(self.fleet.len());
        for server in &self.fleet {
            let at_name =
                |msg: Said| ConfigError::at_value(origin, text, "name", &server.name, msg);
            // The one rule for server names (ARCHITECTURE "Names").
            if let Err(rejected) = crate::command::quote::check_server_name(&server.name) {
                let said = Said::new("finding-scenario-server-name").said("why", rejected.said());
                return Err(at_name(said));
            }
            if roles.insert(&server.name, server.role).is_some() {
                let said = Said::new("finding-scenario-server-twice").text("server", &server.name);
                return Err(at_name(said));
            }
        }
        let role_of = |name: &str| roles.get(name).copied();
        for (cas, mailbox) in &self.monitoring_mailboxes {
            if !role_of(cas).is_some_and(|r| r.runs(Role::Cas)) {
                let msg = Said::new("finding-scenario-not-cas").text("server", cas);
                return Err(ConfigError::at_value(origin, text, cas, mailbox, msg));
            }
            if !role_of(mailbox).is_some_and(|r| r.runs(Role::Mailbox)) {
                let msg = Said::new("finding-scenario-not-mailbox").text("server", mailbox);
                return Err(ConfigError::at_value(origin, text, cas, mailbox, msg));
            }
        }
        for fault in &self.faults {
            let Some(role) = role_of(&fault.server) else {
                let msg = Said::new("finding-scenario-fault-server").text("server", &fault.server);
                return Err(ConfigError::at_value(
                    origin,
                    text,
                    "server",
                    &fault.server,
                    msg,
                ));
            };
            let Some(needed) = service_role(&fault.service) else {
                let msg = Said::new("finding-scenario-unknown-service")
                    .text("service", &fault.service)
                    .text("known", SERVICES.join(", "));
                return Err(ConfigError::at_value(
                    origin,
                    text,
                    "service",
                    &fault.service,
                    msg,
                ));
            };
            if !role.runs(needed) {
                let msg = Said::new("finding-scenario-service-elsewhere")
                    .text("service", &fault.service)
                    .text("server", &fault.server)
                    .text("role", role.label());
                return Err(ConfigError::at_value(
                    origin,
                    text,
                    "service",
                    &fault.service,
                    msg,
                ));
            }
        }
        if let Some(drill) = &self.drill {
            check_drill(drill, &role_of, text, origin)?;
        }
        for name in self.rules.keys() {
            if !Monitor::ALL.iter().any(|m| m.name() == name) {
                let msg = Said::new("finding-scenario-unknown-rule").text("monitor", name);
                return Err(ConfigError::at_value(origin, text, name, "", msg));
            }
        }
        Ok(())
    }

    /// The monitor policies: the default rules with this scenario's overrides.
    pub fn policies(&self) -> [MonitorPolicy; Monitor::COUNT] {
        Monitor::ALL.map(|m| {
            let base = MonitorPolicy::default_for(m);
            self.rules.get(m.name()).map_or(base, |o| o.apply(base))
        })
    }

    /// The fleet's state as a training console starts it: the simulator feeds the queue
    /// metric, and first results are recorded (ARCHITECTURE "Incident record").
    pub fn fleet_state(&self) -> crate::health::FleetState {
        let mut fleet = crate::health::FleetState::new(self.fleet.clone(), self.policies(), true);
        fleet.record_first_results();
        fleet
    }

    /// The Mailbox server a CAS server's CTP probe logs into.
    pub fn monitoring_mailbox(&self, cas: usize) -> usize {
        let server = &self.fleet[cas];
        if server.role.runs(Role::Mailbox) {
            return cas;
        }
        let by_name = |name: &str| self.fleet.iter().position(|s| s.name == name);
        self.monitoring_mailboxes
            .get(&server.name)
            .and_then(|m| by_name(m))
            .or_else(|| {
                self.fleet
                    .iter()
                    .position(|s| s.site == server.site && s.role.runs(Role::Mailbox))
            })
            .or_else(|| self.fleet.iter().position(|s| s.role.runs(Role::Mailbox)))
            .unwrap_or(cas)
    }
}

/// A drill's expected path names a server of this fleet and a monitor its role runs;
/// its objective is written in English at least. (Runbooks and steps are the library's:
/// `healthdeck lint` checks them.)
fn check_drill(
    drill: &super::drill::DrillSpec,
    role_of: &dyn Fn(&str) -> Option<Role>,
    text: &str,
    origin: &str,
) -> Result<(), ConfigError> {
    let expected = &drill.expected;
    let at =
        |key: &str, value: &str, msg: Said| ConfigError::at_value(origin, text, key, value, msg);
    let Some(role) = role_of(&expected.server) else {
        let msg = Said::new("finding-drill-unknown-server").text("server", &expected.server);
        return Err(at("server", &expected.server, msg));
    };
    match Monitor::ALL.iter().find(|m| m.name() == expected.monitor) {
        None => {
            let msg = Said::new("finding-drill-unknown-monitor").text("monitor", &expected.monitor);
            return Err(at("monitor", &expected.monitor, msg));
        }
        Some(monitor) if !monitor.applies_to(role) => {
            let msg = Said::new("finding-drill-monitor-elsewhere")
                .text("monitor", &expected.monitor)
                .text("server", &expected.server)
                .text("role", role.label());
            return Err(at("monitor", &expected.monitor, msg));
        }
        Some(_) => {}
    }
    if !drill.objective.contains_key("en") {
        let at = locate(text, &[Seg::Key("drill"), Seg::Key("objective")]).unwrap_or((1, 1));
        let said = Said::new("finding-drill-objective-english");
        return Err(ConfigError::at(origin, at, said));
    }
    if drill.budget.0 <= chrono::TimeDelta::zero() {
        let at = locate(text, &[Seg::Key("drill"), Seg::Key("budget")]).unwrap_or((1, 1));
        let said = Said::new("finding-drill-budget");
        return Err(ConfigError::at(origin, at, said));
    }
    Ok(())
}
