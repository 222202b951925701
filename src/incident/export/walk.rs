//! Timeline bullets for how a walk went beyond its steps: waits, escalation and its
//! handover, steps passed over, restarts over budget, steps left running detached.

use super::text::{Clocks, code, list, plain};
use super::timeline::{RunNames, run_label};
use crate::incident::Entry;

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

fn steps_of(procedure: &str, steps: &[String]) -> String {
    list(
        &steps
            .iter()
            .map(|s| step_of(procedure, s))
            .collect::<Vec<_>>(),
    )
}

/// The bullet of one of these entries; None for any other.
pub(super) fn item(entry: &Entry, names: &RunNames, clocks: Clocks) -> Option<String> {
    if let Some(wait) = wait(entry, clocks) {
        return Some(wait);
    }
    Some(match entry {
        Entry::Escalated {
            procedure,
            server,
            reason,
            by,
            not_run,
        } => {
            let not_run = if not_run.is_empty() {
                "every step had run".to_owned()
            } else {
                format!("not run: {}", steps_of(procedure, not_run))
            };
            format!(
                "{} **escalated** {} on {}: {}; {not_run}",
                plain(by),
                code(procedure),
                plain(server),
                plain(reason)
            )
        }
        Entry::Handover {
            procedure,
            server,
            path,
        } => format!(
            "Handover summary of {} on {} written: {}",
            code(procedure),
            plain(server),
            code(path)
        ),
        Entry::PassedOver {
            procedure,
            server,
            to,
            steps,
            reason,
            by,
        } => format!(
            "{} **passed over** {} on {} to go to {}: {}",
            plain(by),
            steps_of(procedure, steps),
            plain(server),
            step_of(procedure, to),
            plain(reason)
        ),
        Entry::OverBudget {
            server,
            service,
            reason,
            by,
        } => format!(
            "{} allowed a restart of {} on {} **over its restart budget**: {}",
            plain(by),
            plain(service),
            plain(server),
            plain(reason)
        ),
        Entry::StepDetached { run, pid, by } => {
            let pid = pid.map_or_else(|| "pid unknown".to_owned(), |pid| format!("pid {pid}"));
            format!(
                "{} **left running** by {} ({pid}): detached, it outlives the console",
                run_label(names, *run),
                plain(by)
            )
        }
        _ => return None,
    })
}

/// A wait started or ended: its spans and its end are fleet time.
fn wait(entry: &Entry, clocks: Clocks) -> Option<String> {
    Some(match entry {
        Entry::WaitStarted {
            procedure,
            step,
            server,
            minutes,
            until,
        } => format!(
            "Wait of **{}** started for {} on {}, until {}; the recheck follows",
            clocks.fleet_span(minutes.unsigned_abs().saturating_mul(60_000)),
            step_of(procedure, step),
            plain(server),
            clocks.fleet(until)
        ),
        Entry::WaitEnded {
            procedure,
            step,
            server,
            how,
            waited_s,
            by,
        } => {
            let waited = clocks.fleet_span(waited_s.unsigned_abs().saturating_mul(1_000));
            let what = format!(
                "the wait for {} on {}",
                step_of(procedure, step),
                plain(server)
            );
            let how = plain(&how.replace('_', " "));
            match (how.as_str(), by) {
                ("elapsed", _) | (_, None) => {
                    format!(
                        "{} **{how}** after {waited}; the recheck runs next",
                        capital(&what)
                    )
                }
                (_, Some(by)) => format!(
                    "{} **{how}** {what} after {waited}; the recheck runs next",
                    plain(by)
                ),
            }
        }
        _ => return None,
    })
}

/// `The wait…` at the start of a sentence.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
