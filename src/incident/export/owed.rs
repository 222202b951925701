//! Owed compensations in an export: their timeline bullets, and the "Left undone" section
//! (owed in this record and never cleared), with the exact command that undoes each.

use super::text::{Clocks, code, plain};
use super::timeline::with_command;
use crate::incident::entry::serialize_at;
use crate::incident::{Entry, Record};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fmt::Write;

/// A compensation owed in the record and not cleared (in file order of its first line).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Undone {
    pub(crate) id: String,
    pub(crate) server: String,
    pub(crate) procedure: String,
    /// The compensation step that pays it, its title and its command.
    pub(crate) step: String,
    pub(crate) title: String,
    pub(crate) command: Option<String>,
    pub(crate) caused_by: String,
    /// False while the step that owes it had only started: maybe owed.
    pub(crate) certain: bool,
    pub(crate) by: String,
    /// Wall-clock UTC of the first line that owed it.
    #[serde(serialize_with = "serialize_at")]
    pub(crate) since: DateTime<Utc>,
    /// Its fleet time, in training.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) since_fleet: Option<DateTime<Utc>>,
}

/// What is owed and not cleared so far, as the record is read line by line.
#[derive(Debug, Default)]
pub(crate) struct LeftUndone {
    pub(crate) owed: Vec<Undone>,
}

impl LeftUndone {
    pub(crate) fn add(&mut self, record: &Record) {
        match &record.entry {
            Entry::Owed {
                id,
                server,
                procedure,
                step,
                title,
                command,
                caused_by,
                certain,
                by,
            } => {
                // Owed again when its step succeeds: now certain, and still owed since the first.
                if let Some(known) = self.owed.iter_mut().find(|u| u.id == *id) {
                    known.certain = *certain;
                    known.command.clone_from(command);
                    return;
                }
                self.owed.push(Undone {
                    id: id.clone(),
                    server: server.clone(),
                    procedure: procedure.clone(),
                    step: step.clone(),
                    title: title.clone(),
                    command: command.clone(),
                    caused_by: caused_by.clone(),
                    certain: *certain,
                    by: by.clone(),
                    since: record.at,
                    since_fleet: record.fleet_at,
                });
            }
            Entry::OwedCleared { id, .. } => self.owed.retain(|u| u.id != *id),
            _ => {}
        }
    }

    /// The "Left undone" section.
    pub(crate) fn section(&self, out: &mut String, clocks: Clocks) {
        out.push_str("\n## Left undone\n\n");
        if self.owed.is_empty() {
            out.push_str("Nothing: every compensation owed in this record was cleared.\n");
            return;
        }
        out.push_str(
            "Compensations owed in this record and never cleared: each server may still be \
             half-recovered. Run the command, or write it off in the console's drill-down.\n\n",
        );
        for undone in &self.owed {
            let maybe = if undone.certain {
                ""
            } else {
                " (maybe: its step started and never succeeded)"
            };
            let line = format!(
                "- **{}**{maybe} on **{}** ({}), owed since {} by {}, after {}",
                plain(&undone.title),
                plain(&undone.server),
                step_of(&undone.procedure, &undone.step),
                clocks.at(&undone.since, undone.since_fleet.as_ref()),
                plain(&undone.by),
                step_of(&undone.procedure, &undone.caused_by),
            );
            let line = match &undone.command {
                Some(_) => with_command(line + "; undo with", undone.command.as_deref()),
                None => line + "; no command recorded",
            };
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

/// The timeline bullet of an owed or cleared compensation; None for any other entry.
pub(super) fn item(entry: &Entry) -> Option<String> {
    Some(match entry {
        Entry::Owed {
            server,
            procedure,
            step,
            title,
            command,
            caused_by,
            certain,
            by,
            ..
        } => {
            let (owed, because) = if *certain {
                ("**owed**", "succeeded")
            } else {
                ("**owed (maybe)**", "started")
            };
            let text = format!(
                "Compensation {owed} on {}: **{}** ({}), as {} {because} (by {})",
                plain(server),
                plain(title),
                step_of(procedure, step),
                step_of(procedure, caused_by),
                plain(by)
            );
            match command {
                Some(_) => with_command(text + "; undo with", command.as_deref()),
                None => text,
            }
        }
        Entry::OwedCleared {
            server,
            procedure,
            step,
            how,
            reason,
            by,
            ..
        } => {
            let what = format!(
                "Compensation {} on {}",
                step_of(procedure, step),
                plain(server)
            );
            match (how.as_str(), reason) {
                ("ran", _) => format!(
                    "{what} **cleared**: it ran and succeeded (by {})",
                    plain(by)
                ),
                ("written_off", Some(reason)) => {
                    format!("{what} **written off** by {}: {}", plain(by), plain(reason))
                }
                ("written_off", None) => {
                    format!("{what} **written off** by {}, no reason given", plain(by))
                }
                (how, _) => format!(
                    "{what} **cleared** ({}) by {}",
                    plain(&how.replace('_', " ")),
                    plain(by)
                ),
            }
        }
        _ => return None,
    })
}
