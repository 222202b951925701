//! One monitor on one server: its rule applied to the samples it has seen.

use super::alert::AlertValue;
use super::deadline::DeadlineInputs;
use super::recent::{LatencyWindow, RecentLatencies, Window};
use super::rules::{MonitorPolicy, Rule};
use super::span::Span;
use chrono::{DateTime, TimeDelta, Utc};

/// The last probe result a monitor saw, as the drill-down shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LastResult {
    pub at: DateTime<Utc>,
    pub succeeded: bool,
    pub latency_ms: u32,
    pub error: Option<String>,
}

/// One observation fed to a monitor.
#[derive(Debug, Clone, Copy)]
pub enum Sample {
    Probe { succeeded: bool, latency_ms: u32 },
    Metric(f64),
}

/// Laid out by hand: what a passing result reads and writes lies in the first cache line,
/// and the newest latency in it or the next: a quiet fleet's result touches one or two lines.
/// Four lines in all: a server's monitors are packed together, and the fewer lines they
/// take, the better the hardware's prefetch keeps up (ARCHITECTURE "Idle is idle").
#[derive(Debug, Clone)]
#[repr(C, align(64))]
pub struct MonitorState {
    pub alert: AlertValue,
    /// The last probe result remembered ([`MonitorState::last`]), and whether it said why.
    outcome: Outcome,
    has_error: bool,
    consecutive_failures: u32,
    consecutive_successes: u32,
    /// When the rule last started failing; `None` while Healthy or Unknown.
    pub failing_since: Option<DateTime<Utc>>,
    pub last_sample_at: Option<DateTime<Utc>>,
    changes: Window<DateTime<Utc>>,
    failures: Window<DateTime<Utc>>,
    /// Recent latencies (ms), oldest first.
    pub latencies: RecentLatencies,
    /// A latency rule's samples (`health::recent`).
    latency: LatencyWindow,
    /// The last result's error, apart: a passing result never touches it. Boxed, not a
    /// `String`: eight bytes less keep the monitor in four cache lines.
    error: Option<Box<str>>,
    /// When the monitor last left Healthy: the age a cell shows.
    pub left_healthy_at: Option<DateTime<Utc>>,
    above_since: Option<DateTime<Utc>>,
    pub last_metric: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    None,
    Succeeded,
    Failed,
}

impl Default for MonitorState {
    fn default() -> Self {
        MonitorState {
            alert: AlertValue::Unknown,
            failing_since: None,
            left_healthy_at: None,
            outcome: Outcome::None,
            has_error: false,
            error: None,
            last_sample_at: None,
            last_metric: None,
            latencies: RecentLatencies::default(),
            consecutive_failures: 0,
            consecutive_successes: 0,
            failures: Window::default(),
            latency: LatencyWindow::default(),
            above_since: None,
            changes: Window::default(),
        }
    }
}

impl MonitorState {
    /// A latency monitor with room for `samples` in its window from the start: a fleet's
    /// windows made one after another lie one after another on the heap, in fleet order,
    /// as a wake's results come (ARCHITECTURE "Idle is idle").
    pub fn with_latency_room(samples: usize) -> MonitorState {
        MonitorState {
            latency: LatencyWindow::with_room(samples),
            ..MonitorState::default()
        }
    }

    /// A monitor with no metric source to judge (e.g. queue length on a real fleet).
    pub fn disabled() -> MonitorState {
        MonitorState {
            alert: AlertValue::Disabled,
            ..MonitorState::default()
        }
    }

    /// Applies one sample at `at` and returns true when the alert value changed.
    pub fn observe(&mut self, policy: &MonitorPolicy, at: DateTime<Utc>, sample: Sample) -> bool {
        if self.alert == AlertValue::Disabled {
            return false;
        }
        self.last_sample_at = Some(at);
        let failing = self.record(policy, at, sample);
        // Rules over probe results need a succeeded probe; latency and metric rules only
        // need their condition to hold no more.
        let judges_results = matches!(
            policy.rule,
            Rule::ConsecutiveFailures { .. } | Rule::FailuresWithin { .. }
        );
        let probe_failed = matches!(
            sample,
            Sample::Probe {
                succeeded: false,
                ..
            }
        );
        let success = !failing && (!judges_results || !probe_failed);
        if success {
            self.consecutive_successes += 1;
        } else {
            self.consecutive_successes = 0;
        }
        let before = self.alert;
        match self.failing_since {
            None if failing => {
                self.failing_since = Some(at);
                self.set(AlertValue::Degraded, at);
            }
            None if success => self.set(AlertValue::Healthy, at),
            // A failure below the threshold: a Healthy monitor stays Healthy, and one never
            // seen to succeed stays Unknown rather than claiming health.
            None => {}
            Some(_) if self.consecutive_successes >= policy.recover_after => self.recover(at),
            Some(_) => {}
        }
        self.tick(policy, at);
        before != self.alert
    }

    /// [`MonitorState::observe`] of a passing probe result, for a settled monitor
    /// ([`MonitorState::is_settled`]) at or after its last sample, whose rule counts failures
    /// or keeps a mean latency the result leaves at or under its threshold: such a result
    /// changes nothing but the counts, the last sample and the mean, and the monitor stays
    /// settled. Most of a quiet fleet's results (ARCHITECTURE "Idle is idle").
    /// Returns false, changing nothing, for any other monitor or result.
    pub fn pass(&mut self, policy: &MonitorPolicy, at: DateTime<Utc>, sample: Sample) -> bool {
        let Sample::Probe {
            succeeded: true,
            latency_ms,
        } = sample
        else {
            return false;
        };
        if !self.is_settled() || self.last_sample_at.is_some_and(|l| l > at) {
            return false;
        }
        match policy.rule {
            Rule::ConsecutiveFailures { .. } | Rule::FailuresWithin { .. } => {}
            // The mean must stay at or under the threshold for the monitor to stay settled.
            Rule::MeanLatencyAbove { threshold, window } => {
                let horizon = at - window.0;
                let mean = self.latency.mean_after(latency_ms, horizon);
                if i64::from(mean) > threshold.0.num_milliseconds() {
                    return false;
                }
                self.latency.push(at, latency_ms, horizon);
            }
            Rule::MetricAbove { .. } => return false,
        }
        self.last_sample_at = Some(at);
        self.latencies.push(latency_ms);
        self.consecutive_failures = 0;
        self.consecutive_successes += 1;
        true
    }

    /// Lets time pass: Degraded turns Unhealthy, a silent Healthy monitor turns Unknown.
    /// Returns true when the alert value changed.
    pub fn tick(&mut self, policy: &MonitorPolicy, now: DateTime<Utc>) -> bool {
        let before = self.alert;
        if let Some(since) = self.failing_since {
            let due = since + policy.degraded_for.0;
            if self.alert == AlertValue::Degraded && now >= due {
                self.set(AlertValue::Unhealthy, due);
            }
        } else if self.alert == AlertValue::Healthy
            && self
                .last_sample_at
                // A result just in is not stale: no date arithmetic for it.
                .is_some_and(|at| at < now && now - at > policy.stale_after.0)
        {
            self.set(AlertValue::Unknown, now);
        }
        prune(&mut self.changes, now, policy.flap_window);
        if let Rule::FailuresWithin { window, .. } = policy.rule {
            prune(&mut self.failures, now, window);
        }
        before != self.alert
    }

    /// The earliest time at which [`MonitorState::tick`] would change anything: Degraded
    /// turns Unhealthy, a Healthy monitor goes stale, the oldest alert change or failure
    /// leaves its window. Before it, a tick is a no-op; `None`: time alone changes nothing
    /// (ARCHITECTURE "Idle is idle").
    pub fn next_due(&self, policy: &MonitorPolicy) -> Option<DateTime<Utc>> {
        let alert = match self.failing_since {
            Some(since) if self.alert == AlertValue::Degraded => {
                Some(since + policy.degraded_for.0)
            }
            Some(_) => None,
            None if self.alert == AlertValue::Healthy => self.stale_at(policy),
            None => None,
        };
        let flap = self
            .changes
            .front()
            .map(|&at| after(at, policy.flap_window));
        let failure = match policy.rule {
            Rule::FailuresWithin { window, .. } => {
                self.failures.front().map(|&at| after(at, window))
            }
            _ => None,
        };
        [alert, flap, failure].into_iter().flatten().min()
    }

    /// When a Healthy monitor that hears nothing more turns Unknown: `tick` acts when
    /// `now > last + stale_after`, so the first such instant is one step later.
    pub fn stale_at(&self, policy: &MonitorPolicy) -> Option<DateTime<Utc>> {
        self.last_sample_at.map(|at| after(at, policy.stale_after))
    }

    /// What [`MonitorState::next_due`] is made of, read without computing it.
    pub fn deadline_inputs(&self) -> DeadlineInputs {
        DeadlineInputs {
            alert: self.alert,
            failing_since: self.failing_since,
            last_sample_at: self.last_sample_at,
            first_change: self.changes.front().copied(),
            first_failure: self.failures.front().copied(),
        }
    }

    /// Healthy with nothing in its windows: no deadline but staleness, no badge to change.
    pub fn is_settled(&self) -> bool {
        self.alert == AlertValue::Healthy
            && self.failing_since.is_none()
            && self.changes.is_empty()
            && self.failures.is_empty()
    }

    /// Flapping: many alert changes in a short window. A badge, not a state.
    pub fn is_flapping(&self, policy: &MonitorPolicy) -> bool {
        self.changes.len() >= policy.flap_changes as usize
    }

    /// "n/threshold failing" for the drill-down.
    pub fn failing_count(&self, policy: &MonitorPolicy) -> (u32, u32) {
        match policy.rule {
            Rule::ConsecutiveFailures { count } => (self.consecutive_failures, count),
            Rule::FailuresWithin { count, .. } => (self.failures.len() as u32, count),
            Rule::MeanLatencyAbove { .. } | Rule::MetricAbove { .. } => {
                (u32::from(self.failing_since.is_some()), 1)
            }
        }
    }

    /// Mean latency over the rule's window, in ms, when the rule is a latency rule.
    pub fn mean_latency_ms(&self) -> Option<u32> {
        self.latency.mean()
    }

    /// Keeps what the rule needs and answers: is the rule failing after this sample?
    fn record(&mut self, policy: &MonitorPolicy, at: DateTime<Utc>, sample: Sample) -> bool {
        match sample {
            Sample::Probe {
                succeeded,
                latency_ms,
            } => {
                self.latencies.push(latency_ms);
                if succeeded {
                    self.consecutive_failures = 0;
                } else {
                    self.consecutive_failures += 1;
                    if matches!(policy.rule, Rule::FailuresWithin { .. }) {
                        self.failures.push_back(at);
                    }
                }
            }
            Sample::Metric(value) => self.last_metric = Some(value),
        }
        match (policy.rule, sample) {
            (Rule::ConsecutiveFailures { count }, Sample::Probe { succeeded, .. }) => {
                !succeeded && (self.consecutive_failures >= count || self.failing_since.is_some())
            }
            (Rule::FailuresWithin { count, window }, Sample::Probe { succeeded, .. }) => {
                prune(&mut self.failures, at, window);
                !succeeded
                    && (self.failures.len() >= count as usize || self.failing_since.is_some())
            }
            (Rule::MeanLatencyAbove { threshold, window }, Sample::Probe { latency_ms, .. }) => {
                self.latency.push(at, latency_ms, at - window.0);
                self.mean_latency_ms()
                    .is_some_and(|mean| i64::from(mean) > threshold.0.num_milliseconds())
            }
            (
                Rule::MetricAbove {
                    threshold,
                    duration,
                },
                Sample::Metric(value),
            ) => {
                if value > threshold {
                    // Still above while failing keeps it failing: a dip starts the count anew
                    // but must not make the next high reading look like a success.
                    let since = *self.above_since.get_or_insert(at);
                    at - since >= duration.0 || self.failing_since.is_some()
                } else {
                    self.above_since = None;
                    false
                }
            }
            // A sample the rule does not judge (a misconfigured feed) counts as no failure.
            _ => false,
        }
    }

    fn recover(&mut self, at: DateTime<Utc>) {
        self.failing_since = None;
        self.failures.clear();
        self.consecutive_failures = 0;
        self.set(AlertValue::Healthy, at);
    }

    fn set(&mut self, value: AlertValue, at: DateTime<Utc>) {
        if value == self.alert {
            return;
        }
        if value == AlertValue::Healthy {
            self.left_healthy_at = None;
        } else if self.left_healthy_at.is_none() {
            self.left_healthy_at = Some(at);
        }
        // Flapping counts changes of health; coming from or going to "no data" is not one.
        if self.alert != AlertValue::Unknown && value != AlertValue::Unknown {
            self.changes.push_back(at);
        }
        self.alert = value;
    }

    /// Makes the probe result just observed the one the drill-down shows: its time and
    /// latency are the last sample's.
    pub fn remember(&mut self, succeeded: bool, error: Option<&str>) {
        self.outcome = if succeeded {
            Outcome::Succeeded
        } else {
            Outcome::Failed
        };
        if error.is_some() || self.has_error {
            self.error = error.map(Box::from);
            self.has_error = error.is_some();
        }
    }

    /// A result another source judged (ARCHITECTURE "Health from Prometheus"): kept for the
    /// drill-down (last result, sparkline, error) with no rule applied to it. An older
    /// result than the last one heard is no news.
    pub fn hear(
        &mut self,
        at: DateTime<Utc>,
        succeeded: bool,
        latency_ms: u32,
        error: Option<&str>,
    ) {
        if self.last_sample_at.is_some_and(|last| last >= at) {
            return;
        }
        self.last_sample_at = Some(at);
        self.latencies.push(latency_ms);
        self.remember(succeeded, error);
    }

    /// Lets go of the samples' room its own latency rule keeps: another source judges it.
    pub fn release_rule_room(&mut self) {
        self.latency = LatencyWindow::default();
    }

    /// Takes another source's verdict as the alert value; `at` is when it took that value
    /// (the cell's "since" when it is a problem). Flapping counts it like any change.
    pub fn judge(
        &mut self,
        policy: &MonitorPolicy,
        alert: AlertValue,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) {
        if self.alert == AlertValue::Disabled {
            return;
        }
        self.set(alert, at);
        prune(&mut self.changes, now, policy.flap_window);
    }

    /// The last probe result remembered.
    pub fn last(&self) -> Option<LastResult> {
        let succeeded = match self.outcome {
            Outcome::None => return None,
            Outcome::Succeeded => true,
            Outcome::Failed => false,
        };
        Some(LastResult {
            at: self.last_sample_at?,
            succeeded,
            latency_ms: self.latencies.newest()?,
            error: self.error.as_deref().map(str::to_owned),
        })
    }
}

/// The first instant strictly more than `span` after `at`, in one step of date arithmetic.
fn after(at: DateTime<Utc>, span: Span) -> DateTime<Utc> {
    at + (span.0 + TimeDelta::nanoseconds(1))
}

/// Drops entries older than `window` before `now`, oldest first.
fn prune(entries: &mut Window<DateTime<Utc>>, now: DateTime<Utc>, window: Span) {
    if entries.is_empty() {
        return;
    }
    let horizon = now - window.0;
    while entries.front().is_some_and(|&at| at < horizon) {
        entries.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{offset_of, size_of};

    #[test]
    fn the_last_result_is_the_last_sample_and_a_pass_forgets_the_old_error() {
        let policy = MonitorPolicy::default();
        let t = |s| DateTime::UNIX_EPOCH + TimeDelta::seconds(s);
        let mut m = MonitorState::default();
        assert_eq!(m.last(), None);
        let failed = Sample::Probe {
            succeeded: false,
            latency_ms: 30_000,
        };
        m.observe(&policy, t(60), failed);
        m.remember(false, Some("did not answer within 30 s"));
        let want = LastResult {
            at: t(60),
            succeeded: false,
            latency_ms: 30_000,
            error: Some("did not answer within 30 s".into()),
        };
        assert_eq!(m.last(), Some(want));
        let passed = Sample::Probe {
            succeeded: true,
            latency_ms: 14,
        };
        m.observe(&policy, t(120), passed);
        m.remember(true, None);
        let want = LastResult {
            at: t(120),
            succeeded: true,
            latency_ms: 14,
            error: None,
        };
        assert_eq!(m.last(), Some(want));
    }

    #[test]
    fn a_passing_result_finds_its_fields_in_the_first_cache_line() {
        assert!(offset_of!(MonitorState, failures) + size_of::<Window<DateTime<Utc>>>() <= 64);
        // The ring's start and length, read by every push.
        assert!(offset_of!(MonitorState, latencies) + 2 <= 64);
        assert!(
            size_of::<MonitorState>() <= 4 * 64,
            "four lines a monitor at most"
        );
    }
}
