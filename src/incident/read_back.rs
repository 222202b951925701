//! A record read back whole for replay and for making a drill of it: its lines up to the
//! first that is not a record line (torn by a kill, cut by a copy, or written by a later
//! version), and where reading stopped and why; and the fleet it names.

use super::{Entry, Record};
use crate::health::{Monitor, Role, Server};
use std::collections::BTreeMap;

/// The records before the first unreadable line, and that line's number (from 1) and why.
pub fn read_back(text: &str) -> (Vec<Record>, Option<(usize, String)>) {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        // A blank line (an editor's, a copy's) holds nothing.
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(e) => return (records, Some((i + 1, e.to_string()))),
        }
    }
    (records, None)
}

/// The servers a record names, in the order it first names them, each with the role its
/// monitors say (a server with both kinds of probe runs both; none known: Mailbox).
pub fn servers_named(records: &[Record]) -> Vec<Server> {
    let mut order: Vec<String> = Vec::new();
    let mut roles: BTreeMap<String, Role> = BTreeMap::new();
    for record in records {
        let (server, monitor) = match &record.entry {
            Entry::Transition {
                server, monitor, ..
            }
            | Entry::Examined {
                server, monitor, ..
            }
            | Entry::RunbookOpened {
                server, monitor, ..
            } => (server, Some(monitor)),
            Entry::StepStarted { server, .. } => (server, None),
            _ => continue,
        };
        if crate::command::quote::check_server_name(server).is_err() {
            continue;
        }
        if !order.contains(server) {
            order.push(server.clone());
        }
        let probe_role = monitor
            .and_then(|m| Monitor::ALL.into_iter().find(|x| x.name() == m))
            .and_then(Monitor::probe)
            .map(crate::health::Probe::role);
        if let Some(role) = probe_role {
            let known = roles.entry(server.clone()).or_insert(role);
            if *known != role {
                *known = Role::Both;
            }
        }
    }
    order
        .into_iter()
        .map(|name| Server {
            role: roles.get(&name).copied().unwrap_or(Role::Mailbox),
            site: "REC".to_owned(),
            name,
        })
        .collect()
}
