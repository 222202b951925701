//! The words runbooks are written in: platform-neutral recovery actions, the named facts
//! their output establishes, and the conditions that gate steps on those facts.

use crate::health::Role;
use crate::i18n::Said;
use crate::i18n::said::Carried;
use serde::Deserialize;
use std::fmt;

/// What a step does, independent of the platform that turns it into a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub enum RecoveryAction {
    RestartService,
    RerunProbe,
    FailoverDatabases,
    CheckActiveCopies,
    SetProtocolLogging,
    GetProtocolLogLocation,
    /// Names the Mailbox server behind a failing CTP probe (the `_Mbx:` of its error).
    IdentifyMailboxServer,
    CheckServerHealth,
    RestartServer,
    /// Waits (`wait:`), then reads the monitor's alert value.
    WaitAndRecheck,
    /// Failback: database copies on the server may be activated again.
    ReenableActivation,
    /// Moves active databases back to their preferred copies across the DAG.
    RebalanceDatabases,
    /// Reads the protocol's proxy component (ImapProxy / PopProxy) on the server: Managed
    /// Availability's responders can set it Inactive, which stops the front-end service.
    CheckComponentState,
    /// Sets that component Active again, as the requester Managed Availability uses (HealthAPI).
    SetComponentActive,
    /// Hand over to the next level of support; no command.
    Escalate,
}

impl RecoveryAction {
    pub const ALL: [RecoveryAction; 15] = [
        RecoveryAction::RestartService,
        RecoveryAction::RerunProbe,
        RecoveryAction::FailoverDatabases,
        RecoveryAction::CheckActiveCopies,
        RecoveryAction::SetProtocolLogging,
        RecoveryAction::GetProtocolLogLocation,
        RecoveryAction::IdentifyMailboxServer,
        RecoveryAction::CheckServerHealth,
        RecoveryAction::RestartServer,
        RecoveryAction::WaitAndRecheck,
        RecoveryAction::ReenableActivation,
        RecoveryAction::RebalanceDatabases,
        RecoveryAction::CheckComponentState,
        RecoveryAction::SetComponentActive,
        RecoveryAction::Escalate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RecoveryAction::RestartService => "restart_service",
            RecoveryAction::RerunProbe => "rerun_probe",
            RecoveryAction::FailoverDatabases => "failover_databases",
            RecoveryAction::CheckActiveCopies => "check_active_copies",
            RecoveryAction::SetProtocolLogging => "set_protocol_logging",
            RecoveryAction::GetProtocolLogLocation => "get_protocol_log_location",
            RecoveryAction::IdentifyMailboxServer => "identify_mailbox_server",
            RecoveryAction::CheckServerHealth => "check_server_health",
            RecoveryAction::RestartServer => "restart_server",
            RecoveryAction::WaitAndRecheck => "wait_and_recheck",
            RecoveryAction::ReenableActivation => "reenable_activation",
            RecoveryAction::RebalanceDatabases => "rebalance_databases",
            RecoveryAction::CheckComponentState => "check_component_state",
            RecoveryAction::SetComponentActive => "set_component_active",
            RecoveryAction::Escalate => "escalate",
        }
    }

    /// True when the action changes the fleet (as opposed to reading it). A procedure that
    /// stops before any such step ran was a transient problem.
    pub fn changes_fleet(self) -> bool {
        matches!(
            self,
            RecoveryAction::RestartService
                | RecoveryAction::FailoverDatabases
                | RecoveryAction::SetProtocolLogging
                | RecoveryAction::RestartServer
                | RecoveryAction::ReenableActivation
                | RecoveryAction::RebalanceDatabases
                | RecoveryAction::SetComponentActive
        )
    }

    /// Reads and changes nothing: probes, health, database copies, the log's location, the
    /// Mailbox server, a component's state, a recheck. `--read-only` runs these, and only
    /// these (not even the escalation: nothing was attempted, so there is nothing to hand
    /// over).
    pub fn only_reads(self) -> bool {
        matches!(
            self,
            RecoveryAction::RerunProbe
                | RecoveryAction::IdentifyMailboxServer
                | RecoveryAction::CheckServerHealth
                | RecoveryAction::CheckActiveCopies
                | RecoveryAction::GetProtocolLogLocation
                | RecoveryAction::CheckComponentState
                | RecoveryAction::WaitAndRecheck
        )
    }

    /// True when a real platform (not training) must ask for confirmation first; lint
    /// refuses `confirm: false` on these.
    pub fn destructive_in_production(self) -> bool {
        matches!(
            self,
            RecoveryAction::RestartService
                | RecoveryAction::FailoverDatabases
                | RecoveryAction::RestartServer
                | RecoveryAction::RebalanceDatabases
                // Brings the protocol back for every client of the server at once, and
                // overrides what Managed Availability decided: a person says so first.
                | RecoveryAction::SetComponentActive
        )
    }

    /// The facts this action's output establishes.
    pub fn reports(self) -> &'static [Expectation] {
        match self {
            RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer => {
                &[Expectation::ProbeSucceeded]
            }
            RecoveryAction::CheckActiveCopies => &[Expectation::NoActiveCopies],
            RecoveryAction::CheckComponentState => &[Expectation::ComponentActive],
            RecoveryAction::CheckServerHealth | RecoveryAction::WaitAndRecheck => {
                &[Expectation::ServerHealthy, Expectation::MonitorHealthy]
            }
            _ => &[],
        }
    }
}

impl TryFrom<String> for RecoveryAction {
    type Error = Carried;

    fn try_from(name: String) -> Result<RecoveryAction, Carried> {
        RecoveryAction::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| {
                let known: Vec<&str> = RecoveryAction::ALL.iter().map(|a| a.name()).collect();
                let said = Said::new("finding-runbook-unknown-action")
                    .text("action", name)
                    .text("known", known.join(", "));
                Carried(said)
            })
    }
}

impl fmt::Display for RecoveryAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A named output expectation: what a step's output says, as each platform reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expectation {
    /// The probe's ResultType is Succeeded.
    ProbeSucceeded,
    /// No database copy on the server is active (Mounted, Mounting, Dismounting, Dismounted).
    NoActiveCopies,
    /// No monitor in the health sets read reports Unhealthy.
    ServerHealthy,
    /// The monitor the walk is about reports Healthy.
    MonitorHealthy,
    /// The protocol's proxy component (ImapProxy / PopProxy) on the server is Active.
    ComponentActive,
}

impl Expectation {
    pub const ALL: [Expectation; 5] = [
        Expectation::ProbeSucceeded,
        Expectation::NoActiveCopies,
        Expectation::ServerHealthy,
        Expectation::MonitorHealthy,
        Expectation::ComponentActive,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Expectation::ProbeSucceeded => "probe_succeeded",
            Expectation::NoActiveCopies => "no_active_copies",
            Expectation::ServerHealthy => "server_healthy",
            Expectation::MonitorHealthy => "monitor_healthy",
            Expectation::ComponentActive => "component_active",
        }
    }
}

/// How a procedure ended: what a call step reports to its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ending {
    /// Stopped before anything was changed: the problem had gone by itself.
    Transient,
    /// Stopped, or ran to its end, after changing something.
    Resolved,
    /// Ran to its end without stopping and without changing anything.
    Completed,
    Escalated,
    Aborted,
}

impl Ending {
    pub fn name(self) -> &'static str {
        match self {
            Ending::Transient => "transient",
            Ending::Resolved => "resolved",
            Ending::Completed => "completed",
            Ending::Escalated => "escalated",
            Ending::Aborted => "aborted",
        }
    }
}

/// What a condition tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    Role(Role),
    Expectation(Expectation),
    /// The ending of the procedure the step called.
    Ending(Ending),
}

/// `role == mailbox`, `probe_succeeded`, `not no_active_copies`, `escalated` …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Condition {
    pub negated: bool,
    pub fact: Fact,
}

impl TryFrom<String> for Condition {
    type Error = Carried;

    fn try_from(text: String) -> Result<Condition, Carried> {
        let unknown =
            || Carried(Said::new("finding-runbook-unknown-condition").text("condition", &text));
        let trimmed = text.trim();
        let (negated, rest) = match trimmed.strip_prefix("not ") {
            Some(rest) => (true, rest.trim()),
            None => (false, trimmed),
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let fact = match words.as_slice() {
            ["role", "==", "cas"] => Fact::Role(Role::Cas),
            ["role", "==", "mailbox"] => Fact::Role(Role::Mailbox),
            [word] => Expectation::ALL
                .into_iter()
                .find(|e| e.name() == *word)
                .map(Fact::Expectation)
                .or_else(|| {
                    [
                        Ending::Transient,
                        Ending::Resolved,
                        Ending::Completed,
                        Ending::Escalated,
                    ]
                    .into_iter()
                    .find(|e| e.name() == *word)
                    .map(Fact::Ending)
                })
                .ok_or_else(unknown)?,
            _ => return Err(unknown()),
        };
        Ok(Condition { negated, fact })
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("not ")?;
        }
        match self.fact {
            Fact::Role(role) => write!(f, "role == {}", role.label()),
            Fact::Expectation(e) => f.write_str(e.name()),
            Fact::Ending(e) => f.write_str(e.name()),
        }
    }
}

/// `only_if` takes one condition or a list that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Conditions {
    One(Condition),
    All(Vec<Condition>),
}

impl Conditions {
    pub fn iter(&self) -> impl Iterator<Item = &Condition> {
        match self {
            Conditions::One(c) => std::slice::from_ref(c).iter(),
            Conditions::All(all) => all.iter(),
        }
    }
}

/// Which services `restart_service` restarts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceChoice {
    /// The client-facing service on a Client Access server (MSExchangeIMAP4 / MSExchangePOP3).
    FrontEnd,
    /// The Mailbox server's back-end service (MSExchangeIMAP4BE / MSExchangePOP3BE).
    BackEnd,
    /// Whatever the server's role runs: back end, front end, or both on a multi-role server.
    Protocol,
}

/// Which health sets `check_server_health` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthSetScope {
    /// The health set of the monitor the walk is about.
    Monitor,
    /// Every health set of the protocol (the seeds' `-like "IMAP*"`).
    Protocol,
}

/// Which server a step acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetServer {
    /// The server the alert is about (the default).
    AlertServer,
    /// The Mailbox server found by an earlier `identify_mailbox_server` step.
    MailboxServer,
}
