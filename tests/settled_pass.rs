//! The settled monitor's shortcut (ARCHITECTURE "Idle is idle"): `MonitorState::pass`
//! against `MonitorState::observe`, on every default rule.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta};
use healthdeck::health::monitor::{MonitorState, Sample};
use healthdeck::health::{AlertValue, MonitorPolicy, Rule};

/// `pass` is a shortcut, never a different answer: for every default rule, after each
/// result, a monitor that took the pass is the monitor `observe` leaves, and one that did
/// not take it is unchanged.
#[test]
fn a_pass_on_a_settled_monitor_is_what_observe_does_and_nothing_else_takes_it() {
    let t = |s| DateTime::UNIX_EPOCH + TimeDelta::seconds(s);
    let passed = |ms| Sample::Probe {
        succeeded: true,
        latency_ms: ms,
    };
    let failed = Sample::Probe {
        succeeded: false,
        latency_ms: 30_000,
    };
    for policy in MonitorPolicy::defaults() {
        let mut m = MonitorState::default();
        // Unknown is not settled; after a first pass it is (for a rule on failures).
        assert!(!m.pass(&policy, t(0), passed(10)));
        m.observe(&policy, t(0), passed(10));
        // One failure below the threshold leaves it Healthy with a count to forget.
        m.observe(&policy, t(60), failed);
        let mut took_any = false;
        let samples = [passed(11), passed(12), failed, passed(13)];
        for (i, sample) in samples.into_iter().enumerate() {
            let at = t(120 + 60 * i as i64);
            let before = format!("{m:?}");
            let mut by_pass = m.clone();
            let took = by_pass.pass(&policy, at, sample);
            m.observe(&policy, at, sample);
            let want = if took { format!("{m:?}") } else { before };
            assert_eq!(format!("{by_pass:?}"), want, "{policy:?} at {at}");
            took_any |= took;
        }
        // A failure in a window unsettles the monitor for the window; the others take
        // the passes after it.
        let settles_again = !matches!(
            policy.rule,
            Rule::FailuresWithin { .. } | Rule::MetricAbove { .. }
        );
        assert_eq!(took_any, settles_again, "{policy:?}");
        let mut settled = MonitorState::default();
        settled.observe(&policy, t(0), passed(10));
        let metric = matches!(policy.rule, Rule::MetricAbove { .. });
        assert_eq!(settled.pass(&policy, t(60), passed(10)), !metric);
        // Never backwards in time.
        assert!(!settled.pass(&policy, t(-1), passed(10)));
        // A result that would lift the mean over the threshold takes the long way.
        if let Rule::MeanLatencyAbove { threshold, .. } = policy.rule {
            let slow = passed(3 * threshold.0.num_milliseconds() as u32);
            let mut by_pass = settled.clone();
            assert!(!by_pass.pass(&policy, t(120), slow));
            assert_eq!(format!("{by_pass:?}"), format!("{settled:?}"));
            settled.observe(&policy, t(120), slow);
            assert_eq!(settled.alert, AlertValue::Degraded);
        }
    }
}
