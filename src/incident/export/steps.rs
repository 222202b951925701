//! Timeline bullets for steps and the decisions around them: started, skipped, confirmed,
//! compensations offered and chosen, runbooks closed; and what the record could not keep.

use super::text::{code, plain};
use super::timeline::{owed_list, recorded_word, with_command};
use crate::i18n::Tr;
use crate::incident::Entry;
use crate::runbook::titles;

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

/// Steps and their decisions, named by procedure and step.
pub(super) fn step_item(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::StepStarted {
            run,
            procedure,
            step,
            title,
            server,
            command,
            by,
            compensating,
            ..
        } => {
            let started = tr.fmt(
                if *compensating {
                    "export-compensation-started"
                } else {
                    "export-step-started"
                },
                &[
                    ("run", (*run).into()),
                    (
                        "title",
                        plain(&titles::step(tr, procedure, step, title)).into(),
                    ),
                    ("step", step_of(procedure, step).into()),
                    ("server", plain(server).into()),
                    ("by", plain(by).into()),
                ],
            );
            with_command(started, command.as_deref())
        }
        Entry::StepSkipped {
            procedure,
            step,
            server,
            reason,
            command,
        } => {
            let id = if command.is_some() {
                "export-skipped-would"
            } else {
                "export-skipped"
            };
            let skipped = tr.fmt(
                id,
                &[
                    ("step", step_of(procedure, step).into()),
                    ("server", plain(server).into()),
                    ("reason", plain(reason).into()),
                ],
            );
            with_command(skipped, command.as_deref())
        }
        Entry::Confirmation {
            procedure,
            step,
            server,
            typed,
            accepted,
            by,
            ..
        } => {
            let typed = if typed.is_empty() {
                tr.text("export-typed-nothing").to_owned()
            } else {
                code(typed)
            };
            let verdict = if *accepted {
                "export-accepted"
            } else {
                "export-refused"
            };
            tr.fmt(
                "export-confirmation",
                &[
                    ("by", plain(by).into()),
                    ("typed", typed.into()),
                    ("step", step_of(procedure, step).into()),
                    ("server", plain(server).into()),
                    ("verdict", tr.text(verdict).into()),
                ],
            )
        }
        // Output goes to its own section; the rest is named above.
        _ => decision_item(tr, entry),
    }
}

/// What was chosen about compensations, and how a runbook closed.
fn decision_item(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::CompensationsOffered { procedure, owed } => tr.fmt(
            "export-offered",
            &[
                ("procedure", code(procedure).into()),
                ("owed", owed_list(tr, owed).into()),
            ],
        ),
        Entry::CompensationsDecided {
            procedure,
            run,
            owed,
            by,
        } => tr.fmt(
            if *run {
                "export-chose-run"
            } else {
                "export-chose-not-run"
            },
            &[
                ("by", plain(by).into()),
                ("procedure", code(procedure).into()),
                ("owed", owed_list(tr, owed).into()),
            ],
        ),
        Entry::RunbookClosed {
            procedure,
            ending,
            owed,
        } => {
            let mut args = vec![
                ("procedure", code(procedure).into()),
                ("ending", recorded_word(tr, ending).into()),
            ];
            if owed.is_empty() {
                tr.fmt("export-closed", &args)
            } else {
                args.push(("owed", owed_list(tr, owed).into()));
                tr.fmt("export-closed-owed", &args)
            }
        }
        _ => fault_item(tr, entry),
    }
}

/// What the record could not keep, and steps run while it was not written.
fn fault_item(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::RecordGap {
            dropped_lines,
            dropped_bytes,
            reason,
        } => tr.fmt(
            "export-record-gap",
            &[
                ("lines", (*dropped_lines).into()),
                ("bytes", (*dropped_bytes).into()),
                ("reason", plain(reason).into()),
            ],
        ),
        Entry::Unrecorded {
            what,
            server,
            reason,
            go_on,
            by,
        } => tr.fmt(
            if *go_on {
                "export-unrecorded-ran"
            } else {
                "export-unrecorded-not-run"
            },
            &[
                ("reason", plain(reason).into()),
                ("by", plain(by).into()),
                ("what", plain(what).into()),
                ("server", plain(server).into()),
            ],
        ),
        Entry::EngineRefused {
            procedure,
            asked,
            error,
        } => tr.fmt(
            "export-engine-refused",
            &[
                ("asked", plain(asked).into()),
                ("procedure", plain(procedure).into()),
                ("error", plain(error).into()),
            ],
        ),
        _ => super::pace::item(tr, entry).unwrap_or_default(),
    }
}
