//! One timeline bullet per entry, after its time: what happened, to what, by whom.

use super::text::{Clocks, block_fence, code, duration, list, plain, visible};
use crate::incident::{Entry, Record};
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
pub(super) fn run_label(names: &RunNames, run: u64) -> String {
    match names.get(&run) {
        None => format!("Step #{run}"),
        Some(n) => format!(
            "{} #{run} {} on {}",
            what(n.compensating),
            code(&n.step),
            plain(&n.server)
        ),
    }
}

fn what(compensating: bool) -> &'static str {
    if compensating { "Compensation" } else { "Step" }
}

fn step_of(procedure: &str, step: &str) -> String {
    code(&format!("{procedure}/{step}"))
}

/// `; **owed on the fleet**: …` after a hang-up or a session's end, when anything is.
fn owed_on_fleet(owed: &[String]) -> String {
    if owed.is_empty() {
        String::new()
    } else {
        format!("; **owed on the fleet**: {}", owed_list(owed))
    }
}

fn owed_list(owed: &[String]) -> String {
    if owed.is_empty() {
        return "none".to_owned();
    }
    list(&owed.iter().map(|o| plain(o)).collect::<Vec<_>>())
}

/// The bullet's text; `outputs` says how much a run printed.
pub(super) fn item(
    entry: &Entry,
    names: &RunNames,
    outputs: &dyn Fn(u64) -> String,
    clocks: Clocks,
) -> String {
    if let Some(item) = super::owed::item(entry).or_else(|| super::walk::item(entry, names, clocks))
    {
        return item;
    }
    match entry {
        Entry::Session {
            user, host, pid, ..
        } => format!(
            "Session header again: {} on {} (pid {pid})",
            plain(user),
            plain(host)
        ),
        Entry::Transition { .. }
        | Entry::Examined { .. }
        | Entry::DrillStarted { .. }
        | Entry::DrillEnded { .. }
        | Entry::ExchangePoll { .. }
        | Entry::ExchangePolls { .. }
        | Entry::SharedSource { .. } => health(entry),
        Entry::Acknowledged { .. } | Entry::AckExpired { .. } | Entry::AckFailed { .. } => {
            acknowledgement(entry)
        }
        Entry::RunbookOpened {
            procedure,
            title,
            monitor,
            server,
        } => format!(
            "Runbook opened for **{}** on {}: {} ({})",
            plain(monitor),
            plain(server),
            plain(title),
            code(procedure)
        ),
        Entry::StepEnded {
            run,
            exit,
            code: exit_code,
            duration_ms,
            facts,
            note,
        } => {
            let mut out = format!(
                "{} **{}**",
                run_label(names, *run),
                plain(&exit.replace('_', " "))
            );
            if let Some(exit_code) = exit_code {
                let _ = write!(out, " (exit code {exit_code})");
            }
            let _ = write!(out, " after {}; {}", duration(*duration_ms), outputs(*run));
            if !facts.is_empty() {
                let facts: Vec<String> = facts
                    .iter()
                    .map(|(name, held)| {
                        format!("{} {}", code(name), if *held { "yes" } else { "no" })
                    })
                    .collect();
                let _ = write!(out, "; facts: {}", facts.join(", "));
            }
            if let Some(note) = note {
                let _ = write!(out, " ({})", plain(note));
            }
            out
        }
        Entry::CancelRequested { run, by } => {
            format!("{} asked to cancel {}", plain(by), run_label(names, *run))
        }
        Entry::Hangup {
            policy,
            running,
            owed,
        } => {
            let running: Vec<String> = running.iter().map(|run| run_label(names, *run)).collect();
            let out = format!(
                "**Terminal hung up** with {} running: policy {}, their output still recorded",
                list(&running),
                plain(policy)
            );
            out + &owed_on_fleet(owed)
        }
        Entry::SessionEnded {
            reason,
            left_running,
            owed,
        } => {
            let mut out = format!("Session ended: {}", plain(reason));
            if !left_running.is_empty() {
                let running: Vec<String> = left_running
                    .iter()
                    .map(|run| run_label(names, *run))
                    .collect();
                let _ = write!(out, "; **left running**: {}", list(&running));
            }
            out + &owed_on_fleet(owed)
        }
        _ => step_item(entry),
    }
}

/// What the record could not keep, and steps run while it was not written.
fn fault_item(entry: &Entry) -> String {
    match entry {
        Entry::RecordGap {
            dropped_lines,
            dropped_bytes,
            reason,
        } => format!(
            "**Record gap**: {dropped_lines} output lines ({dropped_bytes} bytes) were not kept \
             ({})",
            plain(reason)
        ),
        Entry::Unrecorded {
            what,
            server,
            reason,
            go_on,
            by,
        } => format!(
            "**Record not written** ({}): {} {} {} on {} unrecorded",
            plain(reason),
            plain(by),
            if *go_on {
                "chose to run"
            } else {
                "chose not to run"
            },
            plain(what),
            plain(server)
        ),
        Entry::EngineRefused {
            procedure,
            asked,
            error,
        } => format!(
            "**Runbook engine refused** {} in {}: {}",
            plain(asked),
            plain(procedure),
            plain(error)
        ),
        _ => super::pace::item(entry).unwrap_or_default(),
    }
}

/// Steps and their decisions, named by procedure and step.
fn step_item(entry: &Entry) -> String {
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
            let started = format!(
                "{} #{run} **{}** ({}) on {} started by {}",
                what(*compensating),
                plain(title),
                step_of(procedure, step),
                plain(server),
                plain(by)
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
            let skipped = format!(
                "Skipped {} on {}: {}",
                step_of(procedure, step),
                plain(server),
                plain(reason)
            );
            match command {
                Some(_) => with_command(skipped + "; it would have run", command.as_deref()),
                None => skipped,
            }
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
                "nothing".to_owned()
            } else {
                code(typed)
            };
            let verdict = if *accepted { "accepted" } else { "refused" };
            format!(
                "{} typed {typed} to confirm {} on {}: **{verdict}**",
                plain(by),
                step_of(procedure, step),
                plain(server)
            )
        }
        Entry::CompensationsOffered { procedure, owed } => format!(
            "Compensations offered for {}: {}",
            code(procedure),
            owed_list(owed)
        ),
        Entry::CompensationsDecided {
            procedure,
            run,
            owed,
            by,
        } => {
            let choice = if *run { "**run**" } else { "**not to run**" };
            format!(
                "{} chose to {choice} the compensations for {}: {}",
                plain(by),
                code(procedure),
                owed_list(owed)
            )
        }
        Entry::RunbookClosed {
            procedure,
            ending,
            owed,
        } => {
            let closed = format!("Runbook {} closed: **{}**", code(procedure), plain(ending));
            if owed.is_empty() {
                closed + "; no compensation left undone"
            } else {
                closed + &format!("; **compensations left undone: {}**", owed_list(owed))
            }
        }
        // Output goes to its own section; the rest is named above.
        _ => fault_item(entry),
    }
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

/// An alert change or a poll's standing: what the fleet said, from which source.
fn health(entry: &Entry) -> String {
    match entry {
        Entry::DrillStarted {
            scenario,
            objective,
            budget_s,
            ..
        } => format!(
            "**Drill started**: {} ({} min of fleet time): {}",
            code(scenario),
            budget_s / 60,
            plain(objective)
        ),
        Entry::DrillEnded { end, score, .. } => format!(
            "**Drill ended**: {}, score {score}/100",
            plain(&end.replace('_', " "))
        ),
        Entry::Examined {
            server,
            monitor,
            view,
        } => format!(
            "{} on {} first looked at ({})",
            plain(monitor),
            plain(server),
            if view == "drill_down" {
                "drill-down"
            } else {
                "its cell"
            }
        ),
        Entry::Transition {
            server,
            monitor,
            health_set,
            from,
            to,
            source,
        } => format!(
            "**{}**{} on {}: {} → {}",
            // IMAP's and POP's latency monitors share a name: the set tells them apart.
            plain(&crate::health::Monitor::recorded_label(
                monitor,
                health_set.as_deref()
            )),
            match source.as_deref() {
                Some("exchange") => " (Exchange)",
                Some("prometheus") => " (Prometheus)",
                _ => "",
            },
            plain(server),
            plain(from),
            plain(to)
        ),
        Entry::SharedSource { state, why } => match why {
            Some(why) => format!("Prometheus: {} ({})", plain(state), plain(why)),
            None => format!("Prometheus: {}", plain(state)),
        },
        Entry::ExchangePoll { server, state, why } => match why {
            Some(why) => format!(
                "Exchange's verdict on {}: {} ({})",
                plain(server),
                plain(state),
                plain(why)
            ),
            None => format!("Exchange's verdict on {}: {}", plain(server), plain(state)),
        },
        Entry::ExchangePolls {
            count,
            state,
            why,
            servers,
        } => {
            let more = count.saturating_sub(servers.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let why = why
                .as_deref()
                .map(|w| format!(" ({})", plain(w)))
                .unwrap_or_default();
            format!(
                "Exchange's verdict on {count} servers: {}{why}: {}{more}",
                plain(state),
                servers
                    .iter()
                    .map(|s| plain(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        _ => String::new(),
    }
}

/// An acknowledgement (an Alertmanager silence) made, expired, or refused.
fn acknowledgement(entry: &Entry) -> String {
    match entry {
        Entry::Acknowledged {
            server,
            monitor,
            by,
            until,
            comment,
            silence,
        } => format!(
            "**{}** on {} acknowledged by {} until {} UTC: {} (silence {})",
            plain(monitor),
            plain(server),
            plain(by),
            until.format("%Y-%m-%d %H:%M"),
            plain(comment),
            code(silence)
        ),
        Entry::AckExpired {
            server,
            monitor,
            by,
            silence,
        } => format!(
            "Acknowledgement of **{}** on {} expired by {} (silence {})",
            plain(monitor),
            plain(server),
            plain(by),
            code(silence)
        ),
        Entry::AckFailed {
            server,
            monitor,
            why,
        } => format!(
            "Acknowledging **{}** on {} failed: {}",
            plain(monitor),
            plain(server),
            plain(why)
        ),
        _ => String::new(),
    }
}
