//! When a monitor turns failing, and how it recovers (ARCHITECTURE "Default monitor rules").

use super::monitors::{Monitor, MonitorKind};
use super::span::Span;
use serde::Deserialize;

/// The condition that makes a monitor fail. In YAML one of
/// `{ consecutive_failures: 3 }`, `{ failures: 3, within: 15m }`,
/// `{ mean_latency_above: 60s, over: 5m }`, `{ queued_above: 500, for: 5m }`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "RuleSpec")]
pub enum Rule {
    /// `count` probe failures in a row.
    ConsecutiveFailures { count: u32 },
    /// `count` probe failures within `window`.
    FailuresWithin { count: u32, window: Span },
    /// The mean probe latency over `window` is above `threshold`.
    MeanLatencyAbove { threshold: Span, window: Span },
    /// The metric stays above `threshold` for `duration`.
    MetricAbove { threshold: f64, duration: Span },
}

/// A rule as written: exactly one of the four shapes must be filled in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    consecutive_failures: Option<u32>,
    failures: Option<u32>,
    within: Option<Span>,
    mean_latency_above: Option<Span>,
    over: Option<Span>,
    queued_above: Option<f64>,
    #[serde(rename = "for")]
    for_: Option<Span>,
}

impl TryFrom<RuleSpec> for Rule {
    type Error = String;

    fn try_from(spec: RuleSpec) -> Result<Rule, String> {
        let r = &spec;
        let rule = match (
            r.consecutive_failures,
            r.failures,
            r.within,
            r.mean_latency_above,
        ) {
            (Some(count), None, None, None) => Some(Rule::ConsecutiveFailures { count }),
            (None, Some(count), Some(window), None) => Some(Rule::FailuresWithin { count, window }),
            (None, None, None, Some(threshold)) => r
                .over
                .map(|window| Rule::MeanLatencyAbove { threshold, window }),
            (None, None, None, None) => {
                r.queued_above
                    .zip(r.for_)
                    .map(|(threshold, duration)| Rule::MetricAbove {
                        threshold,
                        duration,
                    })
            }
            _ => None,
        };
        let extra = match rule {
            Some(Rule::ConsecutiveFailures { .. } | Rule::FailuresWithin { .. }) => {
                r.over.is_some() || r.queued_above.is_some() || r.for_.is_some()
            }
            Some(Rule::MeanLatencyAbove { .. }) => r.queued_above.is_some() || r.for_.is_some(),
            _ => false,
        };
        rule.filter(|_| !extra).ok_or_else(|| {
            "a rule is one of { consecutive_failures: 3 }, { failures: 3, within: 15m }, \
             { mean_latency_above: 60s, over: 5m }, { queued_above: 500, for: 5m }"
                .to_owned()
        })
    }
}

impl Rule {
    /// "3 consecutive failures", for the drill-down.
    pub fn describe(&self) -> String {
        match self {
            Rule::ConsecutiveFailures { count } => format!("{count} consecutive failures"),
            Rule::FailuresWithin { count, window } => format!("{count} failures within {window}"),
            Rule::MeanLatencyAbove { threshold, window } => {
                let limit = threshold.0.num_seconds();
                format!("mean latency over {window} > {limit} s")
            }
            Rule::MetricAbove {
                threshold,
                duration,
            } => {
                format!("queued > {threshold} for {duration}")
            }
        }
    }
}

/// A monitor's rule plus the Managed Availability timings around it. Every field may be
/// overridden per monitor ([`PolicyOverride`]) in a scenario or an inventory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonitorPolicy {
    pub rule: Rule,
    /// How often the probe (or metric) is sampled.
    pub interval: Span,
    /// A failing monitor is Degraded this long, then Unhealthy.
    pub degraded_for: Span,
    /// Consecutive successes that make a failing monitor Healthy again.
    pub recover_after: u32,
    /// This many alert changes within `flap_window` show the flapping badge.
    pub flap_changes: u32,
    pub flap_window: Span,
    /// A Healthy monitor without a result for this long is Unknown.
    pub stale_after: Span,
}

impl Default for MonitorPolicy {
    fn default() -> Self {
        MonitorPolicy {
            rule: Rule::ConsecutiveFailures { count: 3 },
            interval: Span::seconds(60),
            degraded_for: Span::seconds(60),
            recover_after: 2,
            flap_changes: 4,
            flap_window: Span::minutes(10),
            stale_after: Span::minutes(5),
        }
    }
}

impl MonitorPolicy {
    /// The default rules for one monitor (ARCHITECTURE "Default monitor rules").
    pub fn default_for(monitor: Monitor) -> MonitorPolicy {
        let rule = match monitor.kind {
            MonitorKind::Ctp | MonitorKind::ProxyTest => Rule::ConsecutiveFailures { count: 3 },
            MonitorKind::DeepTest => Rule::FailuresWithin {
                count: 3,
                window: Span::minutes(15),
            },
            MonitorKind::SelfTest => Rule::ConsecutiveFailures { count: 2 },
            MonitorKind::CommandLatency => Rule::MeanLatencyAbove {
                threshold: Span::seconds(60),
                window: Span::minutes(5),
            },
            MonitorKind::RequestsQueued => Rule::MetricAbove {
                threshold: 500.0,
                duration: Span::minutes(5),
            },
        };
        MonitorPolicy {
            rule,
            ..MonitorPolicy::default()
        }
    }

    /// The defaults for every monitor, indexed like [`Monitor::ALL`].
    pub fn defaults() -> [MonitorPolicy; Monitor::COUNT] {
        Monitor::ALL.map(MonitorPolicy::default_for)
    }
}

/// The fields a scenario or inventory may change for one monitor; the rest keep the
/// monitor's own defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOverride {
    pub rule: Option<Rule>,
    pub interval: Option<Span>,
    pub degraded_for: Option<Span>,
    pub recover_after: Option<u32>,
    pub flap_changes: Option<u32>,
    pub flap_window: Option<Span>,
    pub stale_after: Option<Span>,
}

impl PolicyOverride {
    pub fn apply(self, base: MonitorPolicy) -> MonitorPolicy {
        MonitorPolicy {
            rule: self.rule.unwrap_or(base.rule),
            interval: self.interval.unwrap_or(base.interval),
            degraded_for: self.degraded_for.unwrap_or(base.degraded_for),
            recover_after: self.recover_after.unwrap_or(base.recover_after),
            flap_changes: self.flap_changes.unwrap_or(base.flap_changes),
            flap_window: self.flap_window.unwrap_or(base.flap_window),
            // A slower probe must not look silent between its own results.
            stale_after: self.stale_after.unwrap_or_else(|| {
                let three = Span(self.interval.unwrap_or(base.interval).0 * 3);
                base.stale_after.max(three)
            }),
        }
    }
}
