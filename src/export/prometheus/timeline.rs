//! What the console says of a case: its own rule engine (`MonitorState::observe` and
//! `tick`) fed the case's results at their times, as the fleet feeds it, and the moments
//! worth asking Prometheus about (ARCHITECTURE "Prometheus export").

use super::cases::{Case, Outcome};
use crate::health::monitor::{MonitorState, Sample};
use crate::health::{AlertValue, MonitorPolicy, Rule};
use chrono::{DateTime, TimeDelta, Utc};

/// What Prometheus shows for a console verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    None,
    Pending,
    Firing,
    /// A latency monitor still failing with its mean back under the threshold: Prometheus
    /// has resolved it, the console waits for `recover_after` results. Not checked.
    Unsure,
}

impl Expected {
    fn of(alert: AlertValue) -> Expected {
        match alert {
            AlertValue::Degraded => Expected::Pending,
            AlertValue::Unhealthy | AlertValue::Repairing => Expected::Firing,
            AlertValue::Healthy | AlertValue::Unknown | AlertValue::Disabled => Expected::None,
        }
    }
}

/// Every change of what Prometheus should show, from the start: (since, shown).
pub fn verdicts(
    policy: &MonitorPolicy,
    judges_latency: bool,
    case: &Case,
    interval: TimeDelta,
) -> Vec<(TimeDelta, Expected)> {
    let start = DateTime::<Utc>::UNIX_EPOCH;
    let mut state = MonitorState::default();
    let mut changes = vec![(TimeDelta::zero(), Expected::None)];
    let mut note = |at: DateTime<Utc>, state: &MonitorState| {
        let mut shown = Expected::of(state.alert);
        if let Rule::MeanLatencyAbove { threshold, .. } = policy.rule
            && state.failing_since.is_some()
            && state
                .mean_latency_ms()
                .is_some_and(|mean| i64::from(mean) <= threshold.0.num_milliseconds())
        {
            shown = Expected::Unsure;
        }
        if changes.last().is_none_or(|&(_, last)| last != shown) {
            changes.push((at - start, shown));
        }
    };
    for (i, step) in case.steps.iter().enumerate() {
        let at = start + interval * i as i32;
        // Time passes to this result: Degraded turns Unhealthy when its time is up.
        for _ in 0..64 {
            match state.next_due(policy) {
                Some(due) if due < at => {
                    state.tick(policy, due);
                    note(due, &state);
                }
                _ => break,
            }
        }
        for &outcome in step {
            let (succeeded, latency_ms) = match outcome {
                Outcome::Pass(ms) => (true, ms),
                Outcome::Fail(ms) => (false, ms),
            };
            // As the fleet feeds it: a failed probe's time is no command latency.
            if judges_latency && !succeeded {
                continue;
            }
            state.observe(
                policy,
                at,
                Sample::Probe {
                    succeeded,
                    latency_ms,
                },
            );
        }
        state.tick(policy, at);
        note(at, &state);
    }
    changes
}

/// The times to check, each with what it should show: between the console's changes, at
/// least two evaluations after one (Prometheus decides at its evaluations) and one before
/// the next, at half intervals and mid-way, up to the last result.
pub fn checks(
    changes: &[(TimeDelta, Expected)],
    interval: TimeDelta,
    evaluation: TimeDelta,
    results: usize,
) -> Vec<(TimeDelta, Expected)> {
    let end = interval * (results.saturating_sub(1)) as i32;
    let mut candidates: Vec<TimeDelta> = (0..results)
        .map(|i| interval * i as i32 + interval / 2)
        .collect();
    for pair in changes.windows(2) {
        candidates.push(pair[0].0 + (pair[1].0 - pair[0].0) / 2);
    }
    if let Some(&(last, _)) = changes.last() {
        candidates.push(last + (end - last) / 2);
    }
    candidates.sort();
    candidates.dedup();
    candidates
        .into_iter()
        .filter(|&c| c <= end)
        .filter_map(|c| {
            let index = changes.partition_point(|&(since, _)| since <= c);
            let (since, shown) = changes[index.checked_sub(1)?];
            let settled = c - since >= evaluation * 2 || index == 1;
            let next_far = changes
                .get(index)
                .is_none_or(|&(next, _)| next - c >= evaluation);
            (settled && next_far && shown != Expected::Unsure).then_some((c, shown))
        })
        .collect()
}
