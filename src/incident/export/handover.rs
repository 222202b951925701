//! The handover summary of an escalation: the Markdown export of the runbook's part of the
//! record (from its last opening on that server), with what is owed on the fleet first.
//! Pure: a function of the record's lines; the runtime reads and writes the files.

use super::markdown::Summary;
use super::read::Line;
use super::text::{code, list, plain};
use crate::incident::{Entry, Record};
use std::fmt::Write;

/// Which runbook was escalated, and what the console knew to be owed on the fleet then.
#[derive(Debug, Clone, Copy)]
pub struct Escalation<'a> {
    pub procedure: &'a str,
    pub server: &'a str,
    /// A line each (`Debt::describe`).
    pub owed: &'a [String],
}

/// Renders the summary from the record's header and the lines after it. `name` is the
/// record's file name.
pub(crate) fn handover(
    header: &Record,
    lines: impl Iterator<Item = Result<Line, String>>,
    name: &str,
    of: Escalation<'_>,
) -> Result<String, String> {
    let mut part = Summary::part(header.clone());
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
                    part = Summary::part(header.clone());
                    opened = Some((record.at, record.fleet_at));
                }
                part.add(*record);
            }
            Line::Torn => part.torn = true,
        }
    }
    let clocks = part.clocks();
    let mut out = format!(
        "# Handover: {} on {}\n\n",
        code(of.procedure),
        plain(of.server)
    );
    if let Some(escalated) = part.escalation(of.procedure, of.server)
        && let Entry::Escalated {
            reason,
            by,
            not_run,
            ..
        } = &escalated.entry
    {
        let _ = write!(
            out,
            "{} escalated at {}: {}.",
            plain(by),
            clocks.at(&escalated.at, escalated.fleet_at.as_ref()),
            plain(reason)
        );
        if !not_run.is_empty() {
            let steps: Vec<String> = not_run
                .iter()
                .map(|s| code(&format!("{}/{s}", of.procedure)))
                .collect();
            let _ = write!(out, " Not run: {}.", list(&steps));
        }
        out.push_str("\n\n");
    }
    let from = opened.map_or_else(
        || "from the session's start".to_owned(),
        |(at, fleet_at)| {
            format!(
                "from the runbook's opening at {}",
                clocks.at(&at, fleet_at.as_ref())
            )
        },
    );
    let _ = writeln!(
        out,
        "This is the runbook's part of the incident record {}, {from} to the escalation; \
         the record itself has the rest.\n",
        code(name)
    );
    owed_section(&mut out, of.owed);
    out.push('\n');
    part.body(&mut out);
    Ok(out)
}

fn owed_section(out: &mut String, owed: &[String]) {
    out.push_str("## Owed on the fleet\n\n");
    if owed.is_empty() {
        out.push_str("Nothing was owed on the fleet when the runbook was escalated.\n");
        return;
    }
    out.push_str(
        "Compensations owed on the whole fleet when the runbook was escalated: each leaves a \
         server half-recovered until it is run or written off.\n\n",
    );
    for line in owed {
        let _ = writeln!(out, "- {}", plain(line));
    }
}
