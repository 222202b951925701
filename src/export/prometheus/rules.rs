//! `healthdeck-rules.yml`: each monitor of the console as one alert rule, judged as the
//! console judges it (ARCHITECTURE "Prometheus export"): pending while the console says
//! Degraded, firing while it says Unhealthy (`for:` = `degraded_for`), gone when Healthy.

use super::promql::{self, LatencyFeed, Samples};
use super::{PrometheusPlan, emit};
use crate::health::monitors::MonitorInput;
use crate::health::{Monitor, MonitorPolicy, Probe, Protocol, Role, Rule};
use chrono::TimeDelta;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct RuleFile {
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    name: &'static str,
    interval: String,
    rules: Vec<Entry>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Entry {
    Record(RecordRule),
    Alert(AlertRule),
}

/// A series a rule after it reads by name (the latency window's start).
#[derive(Serialize)]
struct RecordRule {
    record: &'static str,
    expr: String,
    labels: BTreeMap<&'static str, String>,
}

/// Where a server's latency window starts, per health set.
const WINDOW_START: &str = "healthdeck:command_latency_window_start_seconds";

#[derive(Serialize)]
pub(super) struct AlertRule {
    pub alert: &'static str,
    pub expr: String,
    #[serde(rename = "for")]
    pub for_: String,
    pub labels: BTreeMap<&'static str, String>,
    pub annotations: BTreeMap<&'static str, String>,
}

const HEADER: &str = "\
# Made by `healthdeck export prometheus`: the console's monitor rules as alert rules.
# pending = Degraded, firing = Unhealthy, no alert = Healthy (or no data).
# Each rule reads its samples a lag behind now (the probe's scrape timeout and a second,
# in whole evaluations): a probe still in flight never lets the previous sample count
# twice. So an alert starts that lag (and up to two evaluations) after the console's
# verdict would, and `x offset o + I` is the sample before `x offset o`.
# Where Prometheus cannot judge exactly as the console does:
# - a sample missing (a failed scrape) holds a verdict: no onset and no recovery span it;
#   an alert whose series is silent longer than the monitor's stale_after ends;
# - AverageCommandProcessingTimeGt60sMonitor is judged at every evaluation over the
#   window ending now (less the lag), the console at each result over the window ending
#   at that result; and it resolves once the mean is at or under the threshold, where the
#   console waits for recover_after results under it;
# - RequestsQueuedGt500Monitor has no rule: no metric of a real fleet feeds it (the
#   console shows it Disabled there).
";

/// The rules of every monitor the plan's probes feed.
pub fn rules_yml(plan: &PrometheusPlan) -> Result<String, String> {
    let mut rules = Vec::new();
    for monitor in Monitor::ALL {
        if let Some((start, _)) = latency_feeds(plan, monitor) {
            rules.push(Entry::Record(RecordRule {
                record: WINDOW_START,
                expr: start,
                labels: BTreeMap::from([("health_set", monitor.health_set().name().to_owned())]),
            }));
        }
        if let Some(rule) = alert_rule(plan, monitor)? {
            rules.push(Entry::Alert(rule));
        }
    }
    let file = RuleFile {
        groups: vec![Group {
            name: "healthdeck",
            interval: promql::duration(plan.evaluation_interval()),
            rules,
        }],
    };
    emit(HEADER, &file)
}

/// One monitor's alert rule; `None` for a monitor no probe feeds.
pub(super) fn alert_rule(
    plan: &PrometheusPlan,
    monitor: Monitor,
) -> Result<Option<AlertRule>, String> {
    let policy = plan.policies[monitor.index()];
    let name = monitor.name();
    let expr = match (monitor.input(), policy.rule) {
        (MonitorInput::Probe(probe), rule) => {
            let success = format!(
                "healthdeck_probe_success{{probe={}}}",
                promql::quoted(probe.name())
            );
            let samples = Samples {
                success: &success,
                interval: plan.interval(probe),
                lag: plan.lag(probe),
            };
            let failing = match rule {
                Rule::ConsecutiveFailures { count } => samples.consecutive_failures(count),
                Rule::FailuresWithin { count, window } => {
                    samples.failures_within(name, count, window.0)
                }
                // The inventory refuses other rules for a probe's monitor.
                _ => return Ok(None),
            };
            let held = samples.held(name, policy.recover_after, policy.stale_after.0);
            format!("({failing})\nor\n({held})")
        }
        (MonitorInput::CommandLatency(_), _) => match latency_feeds(plan, monitor) {
            Some((_, expr)) => expr,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(AlertRule {
        alert: name,
        expr,
        for_: promql::duration(policy.degraded_for.0),
        labels: labels(monitor),
        annotations: annotations(monitor, &policy)?,
    }))
}

/// A latency monitor's window start (recorded) and alert expression, grouping its probes
/// by interval; `None` for any other monitor.
fn latency_feeds(plan: &PrometheusPlan, monitor: Monitor) -> Option<(String, String)> {
    let (MonitorInput::CommandLatency(protocol), Rule::MeanLatencyAbove { threshold, window }) =
        (monitor.input(), plan.policies[monitor.index()].rule)
    else {
        return None;
    };
    let probes: Vec<Probe> = Probe::all().filter(|p| p.protocol == protocol).collect();
    let lag = probes
        .iter()
        .map(|&p| plan.lag(p))
        .max()
        .unwrap_or_default();
    let mut by_interval: BTreeMap<i64, Vec<&'static str>> = BTreeMap::new();
    for &probe in &probes {
        let interval = plan.interval(probe).num_milliseconds();
        by_interval.entry(interval).or_default().push(probe.name());
    }
    let feeds: Vec<LatencyFeed<'_>> = by_interval
        .iter()
        .map(|(&ms, names)| LatencyFeed {
            probes: names,
            interval: TimeDelta::milliseconds(ms),
        })
        .collect();
    let start = format!(
        "{WINDOW_START}{{health_set={}}}",
        promql::quoted(monitor.health_set().name())
    );
    Some((
        promql::latency_window_start(&feeds, lag, window.0),
        promql::mean_latency_above(&feeds, lag, threshold.0, window.0, &start),
    ))
}

/// The labels the rule adds to its series' own (`server`, `role`, `site`, and `probe`
/// where one probe feeds it).
pub(super) fn labels(monitor: Monitor) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("health_set", monitor.health_set().name().to_owned()),
        ("monitor", monitor.name().to_owned()),
        ("severity", "critical".to_owned()),
    ])
}

/// Fixed texts (no templates): what the monitor judges, and where its runbook is.
pub(super) fn annotations(
    monitor: Monitor,
    policy: &MonitorPolicy,
) -> Result<BTreeMap<&'static str, String>, String> {
    let name = monitor.name();
    let rule = policy.rule.describe();
    let description = format!(
        "{rule}: Degraded (pending) from the result that makes it so, Unhealthy (firing) \
         {} later; Healthy again after {} consecutive successes. Judged as the console \
         judges {name}.",
        policy.degraded_for,
        policy.recover_after.max(1)
    );
    Ok(BTreeMap::from([
        (
            "summary",
            format!("{name} ({}) failing: {rule}", protocol_of(monitor)),
        ),
        ("description", description),
        ("runbook", runbook(monitor)?),
    ]))
}

fn protocol_of(monitor: Monitor) -> &'static str {
    match monitor.protocol {
        Protocol::Imap => "IMAP",
        Protocol::Pop => "POP3",
    }
}

/// The built-in runbook that recovers the monitor: its id and file.
fn runbook(monitor: Monitor) -> Result<String, String> {
    let library = crate::runbook::Library::shared().map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    Ok(match library.for_monitor(monitor, Role::Both) {
        Some(procedure) => {
            let file = procedure
                .origin
                .trim_start_matches("<built-in ")
                .trim_end_matches('>');
            format!("{} ({file})", procedure.id())
        }
        None => "none built in".to_owned(),
    })
}
