//! One timeline bullet per entry, after its time: what happened, to what, by whom.

use super::text::{Clocks, block_fence, code, duration, list, plain, unmarked, visible};
use crate::i18n::{Said, Tr};
use crate::incident::{Entry, Record};
use crate::runbook::titles;
use std::collections::HashMap;
use std::fmt::Write;

/// How a run is named where the timeline refers to it again (its end, a cancel).
pub(super) struct RunName {
    pub(super) step: String,
    pub(super) server: String,
    compensating: bool,
}

pub(super) type RunNames = HashMap<u64, RunName>;

pub(super) fn run_names(timeline: &[Record]) -> RunNames {
    let mut names = HashMap::new();
    for record in timeline {
        if let Entry::StepStarted {
            run,
            procedure,
            step,
            server,
            compensating,
            ..
        } = &record.entry
        {
            let name = RunName {
                step: format!("{procedure}/{step}"),
                server: server.clone(),
                compensating: *compensating,
            };
            names.insert(*run, name);
        }
    }
    names
}

/// `Step #3 `imap-ctp/failover` on EX01`.
pub(super) fn run_label(tr: Tr, names: &RunNames, run: u64) -> String {
    match names.get(&run) {
        None => tr.fmt("export-run", &[("run", run.into())]),
        Some(n) => tr.fmt(
            if n.compensating {
                "export-run-compensation"
            } else {
                "export-run-step"
            },
            &[
                ("run", run.into()),
                ("step", code(&n.step).into()),
                ("server", plain(&n.server).into()),
            ],
        ),
    }
}

fn run_labels(tr: Tr, names: &RunNames, runs: &[u64]) -> String {
    let labels: Vec<String> = runs.iter().map(|run| run_label(tr, names, *run)).collect();
    list(tr, &labels)
}

/// `; **owed on the fleet**: …` after a hang-up or a session's end, when anything is.
fn owed_on_fleet(tr: Tr, owed: &[String]) -> String {
    if owed.is_empty() {
        String::new()
    } else {
        let owed = owed_list(tr, owed);
        format!(
            "; {}",
            tr.fmt("export-owed-on-fleet", &[("owed", owed.into())])
        )
    }
}

pub(super) fn owed_list(tr: Tr, owed: &[String]) -> String {
    if owed.is_empty() {
        return tr.text("export-none").to_owned();
    }
    list(tr, &owed.iter().map(|o| plain(o)).collect::<Vec<_>>())
}

/// A word the record keeps in English, in the export's language when the console knows it;
/// any other as it is.
pub(super) fn recorded_word(tr: Tr, word: &str) -> String {
    crate::i18n::words::recorded(tr, word)
        .map_or_else(|| plain(&word.replace('_', " ")), str::to_owned)
}

/// An entry as the timeline says it, in plain words without Markdown: the replay's line
/// for the kinds it has no shorter words for.
pub(crate) fn plain_item(tr: Tr, entry: &Entry) -> String {
    let clocks = Clocks {
        tr,
        ..Clocks::default()
    };
    unmarked(&item(entry, &RunNames::new(), &|_| String::new(), clocks))
}

/// The bullet's text; `outputs` says how much a run printed.
pub(super) fn item(
    entry: &Entry,
    names: &RunNames,
    outputs: &dyn Fn(u64) -> String,
    clocks: Clocks,
) -> String {
    let tr = clocks.tr;
    if let Some(item) = super::owed::item(tr, entry)
        .or_else(|| super::walk::item(entry, names, clocks))
        .or_else(|| session_item(tr, entry, names))
    {
        return item;
    }
    match entry {
        Entry::Transition { .. }
        | Entry::Examined { .. }
        | Entry::DrillStarted { .. }
        | Entry::DrillEnded { .. }
        | Entry::ExchangePoll { .. }
        | Entry::ExchangePolls { .. }
        | Entry::SharedSource { .. } => super::fleet::health(tr, entry),
        Entry::Acknowledged { .. } | Entry::AckExpired { .. } | Entry::AckFailed { .. } => {
            super::fleet::acknowledgement(tr, entry)
        }
        Entry::RunbookOpened {
            procedure,
            title,
            monitor,
            server,
        } => tr.fmt(
            "export-runbook-opened",
            &[
                ("monitor", plain(monitor).into()),
                ("server", plain(server).into()),
                (
                    "title",
                    plain(&titles::runbook(tr, procedure, title)).into(),
                ),
                ("procedure", code(procedure).into()),
            ],
        ),
        Entry::StepEnded {
            run,
            exit,
            code: exit_code,
            duration_ms,
            facts,
            note,
            said,
        } => {
            let exit_code = exit_code.map_or_else(String::new, |c| {
                format!(
                    " {}",
                    tr.fmt("export-exit-code", &[("code", c.to_string().into())])
                )
            });
            let mut out = tr.fmt(
                "export-step-ended",
                &[
                    ("run", run_label(tr, names, *run).into()),
                    ("exit", recorded_word(tr, exit).into()),
                    ("code", exit_code.into()),
                    ("duration", duration(tr, *duration_ms).into()),
                    ("outputs", outputs(*run).into()),
                ],
            );
            if !facts.is_empty() {
                let facts: Vec<String> = facts
                    .iter()
                    .map(|(name, held)| {
                        let held = tr.text(if *held { "export-yes" } else { "export-no" });
                        format!("{} {held}", code(name))
                    })
                    .collect();
                let facts = tr.fmt("export-facts", &[("facts", facts.join(", ").into())]);
                let _ = write!(out, "; {facts}");
            }
            // The console's words in the export's language; a record from before they were
            // kept as a message has its English words only.
            if let Some(note) = Said::recorded(said.as_ref(), note.as_deref(), tr) {
                let _ = write!(out, " ({})", plain(&note));
            }
            out
        }
        Entry::CancelRequested { run, by } => tr.fmt(
            "export-cancel-asked",
            &[
                ("by", plain(by).into()),
                ("run", run_label(tr, names, *run).into()),
            ],
        ),
        _ => super::steps::step_item(tr, entry),
    }
}

/// The session's own bullets: its header again, a hang-up, its end.
fn session_item(tr: Tr, entry: &Entry, names: &RunNames) -> Option<String> {
    Some(match entry {
        Entry::Session {
            user, host, pid, ..
        } => tr.fmt(
            "export-session-again",
            &[
                ("user", plain(user).into()),
                ("host", plain(host).into()),
                ("pid", pid.to_string().into()),
            ],
        ),
        Entry::Hangup {
            policy,
            running,
            owed,
        } => {
            let out = tr.fmt(
                "export-hangup",
                &[
                    ("running", run_labels(tr, names, running).into()),
                    ("policy", plain(policy).into()),
                ],
            );
            out + &owed_on_fleet(tr, owed)
        }
        Entry::SessionEnded {
            reason,
            left_running,
            owed,
        } => {
            let reason = recorded_word(tr, reason);
            let mut out = tr.fmt("export-session-ended", &[("reason", reason.into())]);
            if !left_running.is_empty() {
                let runs = run_labels(tr, names, left_running);
                let left = tr.fmt("export-left-running", &[("runs", runs.into())]);
                let _ = write!(out, "; {left}");
            }
            out + &owed_on_fleet(tr, owed)
        }
        _ => return None,
    })
}

/// A one-line command as code after the text; a script as an indented block under it.
pub(super) fn with_command(mut out: String, command: Option<&str>) -> String {
    match command {
        None => {}
        Some(command) if !command.contains('\n') => {
            let _ = write!(out, ": {}", code(command));
        }
        Some(script) => {
            let lines: Vec<String> = script.lines().map(|l| visible(l, true)).collect();
            let fence = block_fence(lines.iter().map(String::as_str));
            let _ = write!(out, ":\n\n  {fence}");
            for line in &lines {
                let _ = write!(out, "\n  {line}");
            }
            let _ = write!(out, "\n  {fence}\n");
        }
    }
    out
}
