//! Domain values in the console's language, for views and `update` alike. The domain's
//! own `word()`s stay English: they are what the record, JSON and perfdata say.

use crate::health::{AlertValue, Role, Rule};
use crate::i18n::{Said, Tr};
use crate::runbook::vocabulary::{Ending, Expectation};
use crate::runbook::{SkipReason, StepExit};

/// The word of a wide cell, the legend and the drill-down.
pub fn alert(tr: Tr, alert: AlertValue) -> &'static str {
    tr.text(match alert {
        AlertValue::Unhealthy => "alert-unhealthy",
        AlertValue::Repairing => "alert-repairing",
        AlertValue::Degraded => "alert-degraded",
        AlertValue::Unknown => "alert-unknown",
        AlertValue::Healthy => "alert-healthy",
        AlertValue::Disabled => "alert-disabled",
    })
}

/// The word of a narrow cell: four columns at most in every language.
pub fn alert_short(tr: Tr, alert: AlertValue) -> &'static str {
    tr.text(match alert {
        AlertValue::Unhealthy => "alert-unhealthy-short",
        AlertValue::Repairing => "alert-repairing-short",
        AlertValue::Degraded => "alert-degraded-short",
        AlertValue::Unknown => "alert-unknown-short",
        AlertValue::Healthy => "alert-healthy-short",
        AlertValue::Disabled => "alert-disabled-short",
    })
}

/// A server's role in the grid's four-column role column.
pub fn role(tr: Tr, role: Role) -> &'static str {
    tr.text(match role {
        Role::Cas => "role-cas",
        Role::Mailbox => "role-mailbox",
        Role::Both => "role-both",
    })
}

/// What makes a monitor fail, in the console's language.
pub fn rule(tr: Tr, rule: &Rule) -> String {
    rule_said(rule).in_language(tr)
}

/// What makes a monitor fail, as a message and its values.
pub fn rule_said(rule: &Rule) -> Said {
    match rule {
        Rule::ConsecutiveFailures { count } => Said::new("rule-consecutive").count("count", *count),
        Rule::FailuresWithin { count, window } => Said::new("rule-within")
            .count("count", *count)
            .text("window", window.to_string()),
        Rule::MeanLatencyAbove { threshold, window } => Said::new("rule-latency")
            .text("window", window.to_string())
            .count("limit", threshold.0.num_seconds()),
        Rule::MetricAbove {
            threshold,
            duration,
        } => Said::new("rule-queued")
            .text("threshold", threshold.to_string())
            .text("duration", duration.to_string()),
    }
}

/// A dependency of a probe, as the seeds' tables name it.
pub fn dependency(tr: Tr, name: &'static str) -> &'static str {
    match name {
        "Authentication" => tr.text("dep-authentication"),
        "Mailbox server authentication" => tr.text("dep-mailbox-authentication"),
        "High Availability" => tr.text("dep-high-availability"),
        "Networking" => tr.text("dep-networking"),
        "Information Store" => tr.text("dep-information-store"),
        // Active Directory is a product name in every language.
        other => other,
    }
}

/// How a step ended: `succeeded`, `failed (exit 1)`, `timed out`, `cancelled`.
pub fn exit(tr: Tr, exit: &StepExit) -> String {
    match exit {
        StepExit::Succeeded => tr.text("exit-succeeded").to_owned(),
        StepExit::Failed(Some(code)) => {
            tr.fmt("exit-failed-code", &[("code", i64::from(*code).into())])
        }
        StepExit::Failed(None) => tr.text("exit-failed").to_owned(),
        StepExit::TimedOut => tr.text("exit-timed-out").to_owned(),
        StepExit::Cancelled => tr.text("exit-cancelled").to_owned(),
    }
}

/// How a procedure ended.
pub fn ending(tr: Tr, ending: Ending) -> &'static str {
    tr.text(match ending {
        Ending::Transient => "ending-transient",
        Ending::Resolved => "ending-resolved",
        Ending::Completed => "ending-completed",
        Ending::Escalated => "ending-escalated",
        Ending::Aborted => "ending-aborted",
    })
}

/// What a step's readings said (`probe Failed`), joined, and whether any was bad news.
pub fn readings(tr: Tr, facts: &[(Expectation, bool)]) -> (String, bool) {
    let said: Vec<&str> = facts
        .iter()
        .map(|(expectation, value)| tr.text(reading_id(*expectation, *value)))
        .collect();
    (said.join(", "), facts.iter().any(|(_, value)| !value))
}

fn reading_id(expectation: Expectation, value: bool) -> &'static str {
    match (expectation, value) {
        (Expectation::ProbeSucceeded, true) => "read-probe-succeeded",
        (Expectation::ProbeSucceeded, false) => "read-probe-failed",
        (Expectation::NoActiveCopies, true) => "read-no-active-copy",
        (Expectation::NoActiveCopies, false) => "read-active-copies",
        (Expectation::ServerHealthy, true) => "read-server-healthy",
        (Expectation::ServerHealthy, false) => "read-server-unhealthy",
        (Expectation::MonitorHealthy, true) => "read-monitor-healthy",
        (Expectation::MonitorHealthy, false) => "read-monitor-not-healthy",
        (Expectation::ComponentActive, true) => "read-component-active",
        (Expectation::ComponentActive, false) => "read-component-inactive",
    }
}

/// Why a step was not run, as the pane and the log say it (the record keeps the English).
pub fn skip_reason(tr: Tr, reason: &SkipReason) -> String {
    match reason {
        SkipReason::Condition(condition) => tr.fmt(
            "skip-only-if",
            &[("condition", condition.to_string().into())],
        ),
        SkipReason::PassedOver(why) => tr.fmt("skip-passed-over", &[("why", why.as_str().into())]),
        SkipReason::NothingToUndo => tr.text("skip-nothing-to-undo").to_owned(),
        SkipReason::ByEngineer => tr.text("skip-by-engineer").to_owned(),
        SkipReason::NoMailboxServer => tr.text("skip-no-mailbox").to_owned(),
        SkipReason::CallTooDeep => tr.text("skip-too-deep").to_owned(),
        SkipReason::UnknownProcedure => tr.text("skip-unknown-procedure").to_owned(),
        SkipReason::Aborted => tr.text("skip-aborted").to_owned(),
        SkipReason::DryRun => tr.text("skip-dry-run").to_owned(),
        SkipReason::ReadOnly => tr.text("skip-read-only").to_owned(),
        SkipReason::Escalated => tr.text("skip-escalated").to_owned(),
    }
}

/// A word the record keeps in English (an exit, an ending, why a session ended, a wait's
/// end, a drill's end, an alert value) in the language of `tr`; None for any other.
pub fn recorded(tr: Tr, word: &str) -> Option<&'static str> {
    let id = match word {
        "succeeded" => "exit-succeeded",
        "failed" => "exit-failed",
        "timed_out" => "exit-timed-out",
        "cancelled" => "exit-cancelled",
        "transient" => "ending-transient",
        "resolved" => "ending-resolved",
        "completed" => "ending-completed",
        "escalated" => "ending-escalated",
        "aborted" => "ending-aborted",
        "left" => "ending-left",
        "not finished (dry-run)" => "ending-not-finished-dry-run",
        "not finished (read-only)" => "ending-not-finished-read-only",
        "quit" => "export-reason-quit",
        "hangup (SIGHUP)" => "export-reason-hangup",
        "terminated (SIGTERM)" => "export-reason-sigterm",
        "healed" => "export-drill-healed",
        "budget_over" => "export-drill-budget-over",
        "elapsed" => "export-wait-elapsed",
        "skipped" => "export-wait-skipped",
        other => {
            let alert = AlertValue::ALL.into_iter().find(|a| a.word() == other)?;
            return Some(self::alert(tr, alert));
        }
    };
    Some(tr.text(id))
}

/// [`recorded`], or the word as recorded when the console has none for it.
pub fn recorded_or_as_is(tr: Tr, word: &str) -> String {
    recorded(tr, word).map_or_else(|| word.to_owned(), str::to_owned)
}

/// How a drill ended (`healed`, `budget_over`, `quit`): a drill left by quitting is not
/// a session's normal quit. None for a word the console does not know.
pub fn drill_end(tr: Tr, end: &str) -> Option<&'static str> {
    match end {
        "quit" => Some(tr.text("export-drill-quit")),
        other => recorded(tr, other),
    }
}
