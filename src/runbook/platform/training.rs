//! The training platform: steps act on the simulated fleet and spawn no process. Each step
//! shows the Exchange command it stands for, tagged SIMULATED, and answers with the output
//! that command would print (its `ConvertTo-Json`), read by the same code as production.

use super::exchange::{self, services};
use crate::health::{AlertValue, FleetState, Monitor, Protocol, Role, Server};
use crate::runbook::step::{Answer, StepCall, StepExit};
use crate::runbook::vocabulary::{HealthSetScope, RecoveryAction};
use crate::training::Simulator;
use crate::training::scenario::Remedy;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

/// The Exchange command a step stands for, as the pane shows it in training.
pub fn preview(call: &StepCall) -> Option<String> {
    exchange::command(call).map(|c| format!("SIMULATED: {}", c.display()))
}

/// A step performed on the simulator: its output lines and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Performed {
    pub lines: Vec<String>,
    pub answer: Answer,
}

fn failed(line: String) -> Performed {
    Performed {
        lines: vec![line],
        answer: Answer::exited(StepExit::Failed(Some(1))),
    }
}

/// The alert values the console shows for `server`'s monitors: what a training job carries
/// (`Work::Simulate`) so that `perform` can answer health checks without the console's state.
pub fn alerts_of(fleet: &FleetState, server: usize) -> Vec<(Monitor, AlertValue)> {
    Monitor::ALL
        .into_iter()
        .filter_map(|m| fleet.monitor(server, m).map(|s| (m, s.alert)))
        .collect()
}

/// Performs `call` on the simulated fleet at fleet time `now`. `alerts` are the console's
/// alert values for the call's server (see `alerts_of`), which health checks report; a
/// monitor missing from them reads as Unknown.
#[allow(clippy::too_many_lines)] // one arm per action, as in the Exchange table
pub fn perform(
    simulator: &mut Simulator,
    alerts: &[(Monitor, AlertValue)],
    call: &StepCall,
    now: DateTime<Utc>,
) -> Performed {
    let name = call.server.name.as_str();
    let Some(server) = simulator.server_index(name) else {
        return failed(format!(
            "The operation couldn't be performed because object '{name}' couldn't be found."
        ));
    };
    let protocol = call.protocol;
    let mut lines = Vec::new();
    let mut output: Option<Value> = None;
    let mut mailbox_server = None;
    match call.action {
        RecoveryAction::RestartService => {
            let Some(choice) = call.service else {
                return failed("no service named".to_owned());
            };
            for service in services(protocol, choice, call.server.role) {
                lines.push(format!(
                    "WARNING: Waiting for service '{service}' to stop..."
                ));
                simulator.apply_remedy(name, Remedy::RestartService, Some(service), now);
                lines.push(format!(
                    "WARNING: Waiting for service '{service}' to start..."
                ));
            }
        }
        RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer => {
            let Some(probe) = call.monitor.probe() else {
                return failed(format!("{} has no probe to run", call.monitor.name()));
            };
            let seq = u64::try_from(now.timestamp()).unwrap_or(0);
            let report = simulator.probe(server, probe, now, seq);
            let backend = simulator.scenario().monitoring_mailbox(server);
            let backend = simulator.scenario().fleet[backend].name.clone();
            let error = match (&report.error, call.action) {
                (Some(e), _) => format!("{e} _Mbx: {backend}"),
                (None, RecoveryAction::IdentifyMailboxServer) => format!("_Mbx: {backend}"),
                (None, _) => String::new(),
            };
            let result = if report.succeeded {
                "Succeeded"
            } else {
                "Failed"
            };
            output = Some(json!({ "ResultType": result, "Error": error }));
        }
        RecoveryAction::FailoverDatabases => {
            simulator.databases_mut().fail_over(server);
            simulator.apply_remedy(name, Remedy::FailoverDatabases, None, now);
        }
        RecoveryAction::ReenableActivation => simulator.databases_mut().reenable(server),
        RecoveryAction::CheckActiveCopies => {
            let copies: Vec<Value> = simulator
                .databases()
                .copies(server)
                .into_iter()
                .map(|c| json!({ "Name": format!("{}\\{name}", c.name), "Status": c.status }))
                .collect();
            output = Some(Value::Array(copies));
        }
        RecoveryAction::SetProtocolLogging => {
            simulator.set_protocol_logging(server, protocol, call.enabled.unwrap_or(false));
        }
        RecoveryAction::GetProtocolLogLocation => {
            let folder = match protocol {
                Protocol::Imap => "Imap4",
                Protocol::Pop => "Pop3",
            };
            output = Some(json!({
                "ProtocolLogEnabled": simulator.protocol_logging(server, protocol),
                "LogFileLocation":
                    format!("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\{folder}"),
            }));
        }
        RecoveryAction::CheckServerHealth => {
            output = Some(health(
                simulator.scenario().fleet[server].role,
                alerts,
                call.monitor,
                call.health_sets,
            ));
        }
        RecoveryAction::WaitAndRecheck => {
            let scope = HealthSetScope::Monitor;
            output = Some(health(
                simulator.scenario().fleet[server].role,
                alerts,
                call.monitor,
                scope,
            ));
        }
        RecoveryAction::RestartServer => {
            simulator.restart_server(name, now);
        }
        RecoveryAction::RebalanceDatabases => {
            let fleet_names: Vec<String> = simulator
                .scenario()
                .fleet
                .iter()
                .map(|s| s.name.clone())
                .collect();
            for (db, to) in simulator.databases_mut().rebalance(server) {
                lines.push(format!("Moving database {db} to {}...", fleet_names[to]));
            }
            lines.push("Done.".to_owned());
        }
        RecoveryAction::CheckComponentState => {
            let active = simulator.component_active(server, protocol, now);
            output = Some(json!({
                "Component": protocol.proxy_component(),
                "State": if active { "Active" } else { "Inactive" },
            }));
        }
        RecoveryAction::SetComponentActive => {
            let front = protocol.front_end_service();
            simulator.apply_remedy(name, Remedy::SetComponentActive, Some(front), now);
        }
        RecoveryAction::Escalate => {}
    }
    let stdout = output.map_or_else(String::new, |v| {
        serde_json::to_string_pretty(&v).unwrap_or_default()
    });
    lines.extend(stdout.lines().map(str::to_owned));
    let reading = match exchange::read(call, &stdout) {
        Ok(reading) => reading,
        Err(e) => return failed(e.to_string()),
    };
    if let Some(found) = &reading.mailbox_server {
        mailbox_server = simulator
            .server_index(found)
            .map(|i| simulator.scenario().fleet[i].clone());
    }
    Performed {
        lines,
        answer: Answer {
            exit: StepExit::Succeeded,
            facts: reading.facts,
            mailbox_server,
            waited: TimeDelta::zero(),
            cut_short: false,
        },
    }
}

/// `Get-ServerHealth` as the console knows it: the monitors it shows for a server of
/// `role` (the simulated fleet in training; a Linux fleet's own monitors in production).
pub fn health(
    role: Role,
    alerts: &[(Monitor, AlertValue)],
    monitor: Monitor,
    scope: HealthSetScope,
) -> Value {
    let entries: Vec<Value> = Monitor::ALL
        .into_iter()
        .filter(|m| m.applies_to(role))
        .filter(|m| match scope {
            HealthSetScope::Monitor => m.health_set() == monitor.health_set(),
            HealthSetScope::Protocol => m.protocol == monitor.protocol,
        })
        .map(|m| {
            let alert = alerts
                .iter()
                .find(|(a, _)| *a == m)
                .map_or(AlertValue::Unknown, |&(_, alert)| alert);
            json!({
                "Name": m.name(),
                "HealthSetName": m.health_set().name(),
                "AlertValue": alert_word(alert),
            })
        })
        .collect();
    Value::Array(entries)
}

/// Managed Availability's words for alert values.
fn alert_word(alert: AlertValue) -> &'static str {
    match alert {
        AlertValue::Healthy => "Healthy",
        AlertValue::Degraded => "Degraded",
        AlertValue::Unhealthy => "Unhealthy",
        AlertValue::Repairing => "Repairing",
        AlertValue::Disabled => "Disabled",
        AlertValue::Unknown => "Unknown",
    }
}

/// Used by tests and the runner: the server record of a fleet member.
pub fn server_named(simulator: &Simulator, name: &str) -> Option<Server> {
    simulator
        .server_index(name)
        .map(|i| simulator.scenario().fleet[i].clone())
}
