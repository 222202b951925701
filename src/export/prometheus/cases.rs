//! The cases of the default monitor rules, as result sequences made from a monitor's policy
//! (so they sit on its thresholds whatever the inventory changed): failures in a row, failures
//! within a window, a mean latency, recovery, a single failure, a flap below the threshold.
//! Only the results are chosen here; what each rule says of them is the console's to tell.

use crate::health::{MonitorPolicy, Rule};
use chrono::TimeDelta;

/// One probe's result in a case: its latency in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass(u32),
    Fail(u32),
}

/// A quick success and a quick failure.
const S: Outcome = Outcome::Pass(40);
const F: Outcome = Outcome::Fail(10_000);

/// Results once per interval; each step holds one result per probe that feeds the monitor.
pub struct Case {
    pub title: String,
    pub steps: Vec<Vec<Outcome>>,
}

fn case(title: String, results: &[Outcome], probes: usize) -> Case {
    Case {
        title,
        steps: results.iter().map(|&r| vec![r; probes]).collect(),
    }
}

/// How many results the console's Degraded spell lasts, and one more.
fn through_degraded(policy: &MonitorPolicy, interval: TimeDelta) -> usize {
    let per = interval.num_milliseconds().max(1);
    (policy.degraded_for.0.num_milliseconds() / per) as usize + 2
}

/// The cases for a monitor fed by `probes` probes (one, unless it judges latency).
pub fn cases(policy: &MonitorPolicy, interval: TimeDelta, probes: usize) -> Vec<Case> {
    let recover = policy.recover_after.max(1) as usize;
    let hold = through_degraded(policy, interval);
    let rule = policy.rule.describe();
    let per = interval.num_milliseconds().max(1);
    let mut cases = Vec::new();
    match policy.rule {
        Rule::ConsecutiveFailures { count } => {
            let n = count.max(1) as usize;
            let mut onset = vec![S, S];
            onset.extend(vec![F; n - 1 + hold]);
            // One success short of recovery, then a failure: still failing.
            onset.extend(vec![S; recover - 1]);
            onset.push(F);
            onset.extend(vec![S; recover + 2]);
            let title = format!("{rule}: Degraded, Unhealthy, Healthy after {recover} successes");
            cases.push(case(title, &onset, probes));
            let mut flap = vec![S];
            for _ in 0..3 {
                flap.extend(vec![F; n - 1]);
                flap.push(S);
            }
            flap.extend([S, S]);
            cases.push(case(
                format!("{} failures in a row, three times", n - 1),
                &flap,
                probes,
            ));
        }
        Rule::FailuresWithin { count, window } => {
            let n = count.max(1) as usize;
            let span = (window.0.num_milliseconds() / per) as usize;
            let gap = if n > 1 { (span / (n - 1)).max(1) } else { 1 };
            let mut onset = vec![S, S];
            for _ in 0..n - 1 {
                onset.push(F);
                onset.extend(vec![S; gap - 1]);
            }
            onset.extend(vec![F; hold]);
            onset.extend(vec![S; recover]);
            // The console forgets its failures when it recovers: one more is not enough.
            onset.extend([F, S, S, S]);
            let title = format!("{rule}: Degraded, Unhealthy, Healthy, then one failure");
            cases.push(case(title, &onset, probes));
            let mut apart = vec![S];
            for _ in 0..n {
                apart.push(F);
                apart.extend(vec![S; span + 1]);
            }
            cases.push(case(
                format!("{n} failures, each further apart than {window}"),
                &apart,
                probes,
            ));
        }
        Rule::MeanLatencyAbove { threshold, window } => {
            let slow = u32::try_from(threshold.0.num_milliseconds() + 10_000).unwrap_or(u32::MAX);
            let span = (window.0.num_milliseconds() / per) as usize;
            let mut above = vec![S; 2];
            above.extend(vec![Outcome::Pass(slow); span + hold + 1]);
            above.extend(vec![S; span + 3]);
            cases.push(case(
                format!("{rule}: slow for a while, then quick"),
                &above,
                probes,
            ));
            // A failed probe measured no command: however long it took, it is no latency.
            let failed = Outcome::Fail(slow.saturating_mul(3));
            let mut steps = vec![vec![S; probes]; 2];
            let mut with_failure = vec![S; probes];
            with_failure[0] = failed;
            steps.extend(vec![with_failure; span + 3]);
            cases.push(Case {
                title: "failed probes, however slow, are no latency".to_owned(),
                steps,
            });
            let mut once = vec![vec![S; probes]; 3];
            let mut spike = vec![S; probes];
            spike[0] = Outcome::Pass(slow);
            once.push(spike);
            once.extend(vec![vec![S; probes]; span + 2]);
            cases.push(Case {
                title: "one slow result among quick ones".to_owned(),
                steps: once,
            });
            return cases;
        }
        Rule::MetricAbove { .. } => return cases,
    }
    cases.push(case(
        "a single failure".to_owned(),
        &[S, S, F, S, S, S],
        probes,
    ));
    cases
}
