//! `healthdeck scenario from-record RECORD`: a real incident becomes a drill. The faults are
//! inferred from the monitors the record saw fail, what healed each from the steps that
//! ran before it was healthy again (ARCHITECTURE "Drills").

use crate::health::{Monitor, Role};
use crate::incident::{Entry, Record};
use crate::runbook::{Library, RecoveryAction};
use chrono::{DateTime, TimeDelta, Utc};
use std::fmt::Write;

/// A fault seen in the record: the first failing probe monitor of a server.
struct Seen {
    server: String,
    monitor: Monitor,
    onset: DateTime<Utc>,
    healthy: Option<DateTime<Utc>>,
    /// What ran on the server between onset and healthy: (action, services, step).
    steps: Vec<(String, Vec<String>, String)>,
}

/// The scenario's YAML, and notes on what was left out. `Err` when the record shows no
/// failing probe monitor.
pub fn scenario(records: &[Record], library: &Library) -> Result<(String, Vec<String>), String> {
    let time = |r: &Record| r.fleet_at.unwrap_or(r.at);
    let start = records.first().map(time).ok_or("the record is empty")?;
    let Observed { mut seen, notes } = observe(records);
    let servers = crate::incident::servers_named(records);
    // A CTP probe fails through its monitoring mailbox: when a back end failed too, the
    // CAS server's failure was that one's.
    let back_end_down = seen.iter().any(|s| !s.monitor.applies_to(Role::Cas));
    seen.retain(|s| !(back_end_down && s.monitor.name().ends_with("CTPMonitor")));
    let first = seen
        .first()
        .ok_or("the record shows no failing probe monitor: nothing to drill")?;
    let mut yaml = String::from(
        "# A drill made from an incident record (healthdeck scenario from-record).\n\
         name: from-record\ntitle: An incident, replayed as a drill\nfleet:\n",
    );
    for server in &servers {
        let _ = writeln!(
            yaml,
            "  - {{ name: {}, role: {}, site: REC }}",
            server.name,
            role_word(server.role)
        );
    }
    yaml.push_str("faults:\n");
    let mut heals_at = None;
    for s in &seen {
        let (symptom, healed_by, service, step) = remedy(s);
        if s.server == first.server {
            heals_at = step;
        }
        let at = (s.onset - start - TimeDelta::seconds(60))
            .num_seconds()
            .max(0);
        let _ = writeln!(
            yaml,
            "  - {{ server: {}, service: {service}, at: {at}s, symptom: {symptom}, healed_by: {healed_by} }}",
            s.server
        );
    }
    let role = servers
        .iter()
        .find(|s| s.name == first.server)
        .map_or(Role::Mailbox, |s| s.role);
    let procedure = library
        .for_monitor(first.monitor, role)
        .ok_or_else(|| format!("no runbook recovers {}", first.monitor.name()))?;
    let heals_at = heals_at
        .filter(|step| procedure.step_index(step).is_some())
        .or_else(|| first_restart(procedure))
        .ok_or_else(|| format!("runbook {} has no step that heals", procedure.id()))?;
    let took = first
        .healthy
        .map_or(TimeDelta::minutes(15), |h| h - first.onset);
    let budget = (took * 2).num_minutes().max(15);
    let _ = write!(
        yaml,
        "drill:\n  objective:\n    en: An incident from the record, again. Find the failing monitor, walk its runbook and restore the service.\n  \
         budget: {budget}m\n  expected:\n    server: {}\n    monitor: {}\n    runbook: {}\n    heals_at: {heals_at}\n",
        first.server,
        first.monitor.name(),
        procedure.id()
    );
    Ok((yaml, notes))
}

/// What the record saw: the first failing probe monitor of each server with what ran on
/// it until it was healthy, and notes.
struct Observed {
    seen: Vec<Seen>,
    notes: Vec<String>,
}

fn observe(records: &[Record]) -> Observed {
    let time = |r: &Record| r.fleet_at.unwrap_or(r.at);
    let mut notes = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    for record in records {
        let at = time(record);
        match &record.entry {
            Entry::Transition {
                server,
                monitor,
                to,
                ..
            } => {
                let Some(monitor) = Monitor::ALL.into_iter().find(|m| m.name() == monitor) else {
                    continue;
                };
                if monitor.probe().is_none() {
                    continue;
                }
                if crate::command::quote::check_server_name(server).is_err() {
                    notes.push(format!(
                        "a server name a scenario cannot hold was left out: {server:?}"
                    ));
                    continue;
                }
                let failing = matches!(to.as_str(), "Degraded" | "Unhealthy");
                match seen.iter_mut().find(|s| s.server == *server) {
                    None if failing => seen.push(Seen {
                        server: server.clone(),
                        monitor,
                        onset: at,
                        healthy: None,
                        steps: Vec::new(),
                    }),
                    Some(s) if s.monitor == monitor && to == "Healthy" && s.healthy.is_none() => {
                        s.healthy = Some(at);
                    }
                    _ => {}
                }
            }
            Entry::StepStarted {
                server,
                action,
                services,
                step,
                ..
            } => {
                if let Some(s) = seen
                    .iter_mut()
                    .find(|s| s.server == *server && s.healthy.is_none())
                {
                    s.steps
                        .push((action.clone(), services.clone(), step.clone()));
                }
            }
            _ => {}
        }
    }
    Observed { seen, notes }
}

/// The fault's symptom, remedy and service, from what ran before its monitor was healthy.
fn remedy(s: &Seen) -> (&'static str, &'static str, &'static str, Option<String>) {
    let protocol = s.monitor.protocol;
    let front_end = s.monitor.applies_to(Role::Cas);
    let service = if front_end {
        protocol.front_end_service()
    } else {
        protocol.back_end_service()
    };
    let healed = s.healthy.is_some();
    for (action, services, step) in s.steps.iter().rev() {
        let action = RecoveryAction::try_from(action.clone()).ok();
        match action {
            Some(RecoveryAction::SetComponentActive) if front_end && healed => {
                return (
                    "component_inactive",
                    "set_component_active",
                    service,
                    Some(step.clone()),
                );
            }
            Some(RecoveryAction::RestartService)
                if healed && services.iter().any(|x| x == service) =>
            {
                return (
                    "stops_answering",
                    "restart_service",
                    service,
                    Some(step.clone()),
                );
            }
            Some(RecoveryAction::RestartServer) if healed => {
                return (
                    "stops_answering",
                    "restart_server",
                    service,
                    Some(step.clone()),
                );
            }
            _ => {}
        }
    }
    ("stops_answering", "restart_service", service, None)
}

fn first_restart(procedure: &crate::runbook::Procedure) -> Option<String> {
    procedure
        .spec
        .steps
        .iter()
        .find(|s| s.action == Some(RecoveryAction::RestartService))
        .map(|s| s.id.clone())
}

fn role_word(role: Role) -> &'static str {
    match role {
        Role::Cas => "cas",
        Role::Mailbox => "mailbox",
        Role::Both => "both",
    }
}
