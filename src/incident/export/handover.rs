//! The handover summary of an escalation: the Markdown export of the runbook's part of the
//! record (from its last opening on that server), with what is owed on the fleet first.
//! Pure: a function of the record's lines; the runtime reads and writes the files.

use super::markdown::Summary;
use super::read::Line;
use super::text::{code, list, plain};
use crate::i18n::Tr;
use crate::incident::{Entry, Record};
use std::fmt::Write;

/// Which runbook was escalated, and what the console knew to be owed on the fleet then.
#[derive(Debug, Clone, Copy)]
pub struct Escalation<'a> {
    pub procedure: &'a str,
    pub server: &'a str,
    /// A line each (`Debt::describe`).
    pub owed: &'a [String],
    /// The console's language: the summary is written in it.
    pub language: &'a str,
}

/// Renders the summary from the record's header and the lines after it. `name` is the
/// record's file name.
pub(crate) fn handover(
    header: &Record,
    lines: impl Iterator<Item = Result<Line, String>>,
    name: &str,
    of: Escalation<'_>,
) -> Result<String, String> {
    let tr = Tr::of(of.language);
    let mut part = Summary::part(header.clone(), tr);
    let mut opened = None;
    for line in lines {
        match line? {
            Line::Record(record) => {
                if let Entry::RunbookOpened {
                    procedure, server, ..
                } = &record.entry
                    && procedure == of.procedure
                    && server == of.server
                {
                    // A later opening of the same runbook starts its part again.
                    part = Summary::part(header.clone(), tr);
                    opened = Some((record.at, record.fleet_at));
                }
                part.add(*record);
            }
            Line::Torn => part.torn = true,
        }
    }
    let clocks = part.clocks();
    let title = tr.fmt(
        "handover-title",
        &[
            ("procedure", code(of.procedure).into()),
            ("server", plain(of.server).into()),
        ],
    );
    let mut out = format!("# {title}\n\n");
    if let Some(escalated) = part.escalation(of.procedure, of.server)
        && let Entry::Escalated {
            reason,
            by,
            not_run,
            ..
        } = &escalated.entry
    {
        let at = clocks.at(&escalated.at, escalated.fleet_at.as_ref());
        let args = [
            ("by", plain(by).into()),
            ("at", at.into()),
            ("reason", plain(reason).into()),
        ];
        out.push_str(&tr.fmt("handover-escalated", &args));
        if !not_run.is_empty() {
            let steps: Vec<String> = not_run
                .iter()
                .map(|s| code(&super::walk::not_run_step(of.procedure, s)))
                .collect();
            let steps = list(tr, &steps);
            let _ = write!(
                out,
                " {}",
                tr.fmt("handover-not-run", &[("steps", steps.into())])
            );
        }
        out.push_str("\n\n");
    }
    let from = opened.map_or_else(
        || tr.text("handover-from-start").to_owned(),
        |(at, fleet_at)| {
            let at = clocks.at(&at, fleet_at.as_ref());
            tr.fmt("handover-from-opening", &[("at", at.into())])
        },
    );
    let part_of = tr.fmt(
        "handover-part",
        &[("record", code(name).into()), ("from", from.into())],
    );
    let _ = writeln!(out, "{part_of}\n");
    owed_section(tr, &mut out, of.owed);
    out.push('\n');
    part.body(&mut out);
    Ok(out)
}

fn owed_section(tr: Tr, out: &mut String, owed: &[String]) {
    let _ = write!(out, "## {}\n\n", tr.text("handover-owed"));
    if owed.is_empty() {
        let _ = writeln!(out, "{}", tr.text("handover-owed-nothing"));
        return;
    }
    let _ = write!(out, "{}\n\n", tr.text("handover-owed-about"));
    for line in owed {
        let _ = writeln!(out, "- {}", plain(line));
    }
}
