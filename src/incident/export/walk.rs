//! Timeline bullets for how a walk went beyond its steps: waits, escalation and its
//! handover, steps passed over, restarts over budget, steps left running detached.

use super::text::{Clocks, code, list, plain};
use super::timeline::{RunNames, run_label};
use crate::i18n::Tr;
use crate::incident::Entry;

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

fn steps_of(tr: Tr, procedure: &str, steps: &[String]) -> String {
    list(
        tr,
        &steps
            .iter()
            .map(|s| code(&not_run_step(procedure, s)))
            .collect::<Vec<_>>(),
    )
}

/// A step an escalation passed over, as `procedure/step`: its own procedure's steps are
/// recorded by id alone, a called procedure's with its procedure.
pub(super) fn not_run_step(procedure: &str, step: &str) -> String {
    if step.contains('/') {
        step.to_owned()
    } else {
        format!("{procedure}/{step}")
    }
}

/// The bullet of one of these entries; None for any other.
pub(super) fn item(entry: &Entry, names: &RunNames, clocks: Clocks) -> Option<String> {
    if let Some(wait) = wait(entry, clocks) {
        return Some(wait);
    }
    let tr = clocks.tr;
    Some(match entry {
        Entry::Escalated {
            procedure,
            server,
            reason,
            by,
            not_run,
        } => {
            let not_run = if not_run.is_empty() {
                tr.text("export-every-step-ran").to_owned()
            } else {
                let steps = steps_of(tr, procedure, not_run);
                tr.fmt("export-not-run", &[("steps", steps.into())])
            };
            tr.fmt(
                "export-escalated",
                &[
                    ("by", plain(by).into()),
                    ("procedure", code(procedure).into()),
                    ("server", plain(server).into()),
                    ("reason", plain(reason).into()),
                    ("not_run", not_run.into()),
                ],
            )
        }
        Entry::Handover {
            procedure,
            server,
            path,
        } => tr.fmt(
            "export-handover-written",
            &[
                ("procedure", code(procedure).into()),
                ("server", plain(server).into()),
                ("path", code(path).into()),
            ],
        ),
        Entry::PassedOver {
            procedure,
            server,
            to,
            steps,
            reason,
            by,
        } => tr.fmt(
            "export-passed-over",
            &[
                ("by", plain(by).into()),
                ("steps", steps_of(tr, procedure, steps).into()),
                ("server", plain(server).into()),
                ("to", step_of(procedure, to).into()),
                ("reason", plain(reason).into()),
            ],
        ),
        Entry::OverBudget {
            server,
            service,
            reason,
            by,
        } => tr.fmt(
            "export-over-budget",
            &[
                ("by", plain(by).into()),
                ("service", plain(service).into()),
                ("server", plain(server).into()),
                ("reason", plain(reason).into()),
            ],
        ),
        Entry::StepDetached { run, pid, by } => {
            let pid = pid.map_or_else(
                || tr.text("export-pid-unknown").to_owned(),
                |pid| tr.fmt("export-pid", &[("pid", pid.to_string().into())]),
            );
            tr.fmt(
                "export-detached",
                &[
                    ("run", run_label(tr, names, *run).into()),
                    ("by", plain(by).into()),
                    ("pid", pid.into()),
                ],
            )
        }
        _ => return None,
    })
}

/// A wait started or ended: its spans and its end are fleet time.
fn wait(entry: &Entry, clocks: Clocks) -> Option<String> {
    let tr = clocks.tr;
    Some(match entry {
        Entry::WaitStarted {
            procedure,
            step,
            server,
            minutes,
            until,
        } => tr.fmt(
            "export-wait-started",
            &[
                (
                    "span",
                    clocks
                        .fleet_span(minutes.unsigned_abs().saturating_mul(60_000))
                        .into(),
                ),
                ("step", step_of(procedure, step).into()),
                ("server", plain(server).into()),
                ("until", clocks.fleet(until).into()),
            ],
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
            let word = match how.as_str() {
                "elapsed" => tr.text("export-wait-elapsed").to_owned(),
                "cancelled" => tr.text("export-wait-cancelled").to_owned(),
                "skipped" => tr.text("export-wait-skipped").to_owned(),
                other => plain(&other.replace('_', " ")),
            };
            let mut args = vec![
                ("step", step_of(procedure, step).into()),
                ("server", plain(server).into()),
                ("how", word.into()),
                ("waited", waited.into()),
            ];
            match (how.as_str(), by) {
                ("elapsed", _) | (_, None) => tr.fmt("export-wait-ended", &args),
                (_, Some(by)) => {
                    args.push(("by", plain(by).into()));
                    tr.fmt("export-wait-ended-by", &args)
                }
            }
        }
        _ => return None,
    })
}
