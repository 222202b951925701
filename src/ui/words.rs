//! Domain values in the console's language. The domain's own `word()`s stay English: they
//! are what the record, JSON and perfdata say.

use crate::health::{AlertValue, Role, Rule};
use crate::i18n::Tr;

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
    match rule {
        Rule::ConsecutiveFailures { count } => {
            tr.fmt("rule-consecutive", &[("count", (*count).into())])
        }
        Rule::FailuresWithin { count, window } => tr.fmt(
            "rule-within",
            &[
                ("count", (*count).into()),
                ("window", window.to_string().into()),
            ],
        ),
        Rule::MeanLatencyAbove { threshold, window } => tr.fmt(
            "rule-latency",
            &[
                ("window", window.to_string().into()),
                ("limit", threshold.0.num_seconds().into()),
            ],
        ),
        Rule::MetricAbove {
            threshold,
            duration,
        } => tr.fmt(
            "rule-queued",
            &[
                ("threshold", threshold.to_string().into()),
                ("duration", duration.to_string().into()),
            ],
        ),
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
