//! Owed compensations in an export: their timeline bullets, and the "Left undone" section
//! (owed in this record and never cleared), with the exact command that undoes each.

use super::text::{Clocks, code, plain};
use super::timeline::with_command;
use crate::i18n::Tr;
use crate::incident::entry::serialize_at;
use crate::incident::{Entry, Record};
use crate::runbook::titles;
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
        let tr = clocks.tr;
        let _ = write!(out, "\n## {}\n\n", tr.text("export-left-undone"));
        if self.owed.is_empty() {
            let _ = writeln!(out, "{}", tr.text("export-left-undone-nothing"));
            return;
        }
        let _ = write!(out, "{}\n\n", tr.text("export-left-undone-about"));
        for undone in &self.owed {
            let maybe = if undone.certain {
                String::new()
            } else {
                format!(" {}", tr.text("export-undone-maybe"))
            };
            let line = tr.fmt(
                "export-undone",
                &[
                    (
                        "title",
                        plain(&titles::step(
                            tr,
                            &undone.procedure,
                            &undone.step,
                            &undone.title,
                        ))
                        .into(),
                    ),
                    ("maybe", maybe.into()),
                    ("server", plain(&undone.server).into()),
                    ("step", step_of(&undone.procedure, &undone.step).into()),
                    (
                        "since",
                        clocks.at(&undone.since, undone.since_fleet.as_ref()).into(),
                    ),
                    ("by", plain(&undone.by).into()),
                    (
                        "cause",
                        step_of(&undone.procedure, &undone.caused_by).into(),
                    ),
                ],
            );
            let line = undo_with(tr, format!("- {line}"), undone.command.as_deref(), true);
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

/// `…; undo with: `command``, or (when `say_none`) that no command was recorded.
fn undo_with(tr: Tr, text: String, command: Option<&str>, say_none: bool) -> String {
    match command {
        Some(_) => with_command(text + "; " + tr.text("export-undo-with"), command),
        None if say_none => text + "; " + tr.text("export-no-command"),
        None => text,
    }
}

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

/// The timeline bullet of an owed or cleared compensation; None for any other entry.
pub(super) fn item(tr: Tr, entry: &Entry) -> Option<String> {
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
            let id = if *certain {
                "export-owed"
            } else {
                "export-owed-maybe"
            };
            let text = tr.fmt(
                id,
                &[
                    ("server", plain(server).into()),
                    (
                        "title",
                        plain(&titles::step(tr, procedure, step, title)).into(),
                    ),
                    ("step", step_of(procedure, step).into()),
                    ("cause", step_of(procedure, caused_by).into()),
                    ("by", plain(by).into()),
                ],
            );
            undo_with(tr, text, command.as_deref(), false)
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
            let mut args = vec![
                ("step", step_of(procedure, step).into()),
                ("server", plain(server).into()),
                ("by", plain(by).into()),
            ];
            let id = match (how.as_str(), reason) {
                ("ran", _) => "export-cleared-ran",
                ("written_off", Some(reason)) => {
                    args.push(("reason", plain(reason).into()));
                    "export-written-off"
                }
                ("written_off", None) => "export-written-off-no-reason",
                (how, _) => {
                    args.push(("how", plain(&how.replace('_', " ")).into()));
                    "export-cleared-how"
                }
            };
            tr.fmt(id, &args)
        }
        _ => return None,
    })
}
