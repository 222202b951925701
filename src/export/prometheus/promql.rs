//! The console's monitor rules as PromQL (ARCHITECTURE "Prometheus export"). Samples come
//! every interval I, so `x offset o`, `x offset (o + I)`, … are exactly the last samples;
//! every offset starts at the lag, so a probe still in flight never shows its previous
//! sample twice.

use crate::health::Span;
use chrono::TimeDelta;

/// A PromQL string literal: backslash, double quote and line breaks escaped, as Go reads it.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Prometheus duration (`75s`, `1500ms`, `15m`).
pub fn duration(span: TimeDelta) -> String {
    Span(span).to_string()
}

/// How a probe monitor's samples are read: which series, how far apart, how late.
pub struct Samples<'a> {
    /// The series' selector, e.g. `healthdeck_probe_success{probe="ImapCTPProbe"}`.
    pub success: &'a str,
    pub interval: TimeDelta,
    pub lag: TimeDelta,
}

impl Samples<'_> {
    /// The k-th last sample (0: the newest one old enough to be in).
    pub fn nth(&self, k: u32) -> String {
        let o = self.lag + self.interval * k as i32;
        if o.is_zero() {
            self.success.to_owned()
        } else {
            format!("{} offset {}", self.success, duration(o))
        }
    }

    /// The sum of the last `n` samples (successes among them).
    fn sum(&self, n: u32) -> String {
        let terms: Vec<String> = (0..n).map(|k| self.nth(k)).collect();
        format!("({})", terms.join(" + "))
    }

    /// The last `count` results all failed.
    pub fn consecutive_failures(&self, count: u32) -> String {
        format!("{} == 0", self.sum(count.max(1)))
    }

    /// The newest result failed and `count` failed within `window` of it, counting none from
    /// before the alert last ended: the console forgets its failures when it recovers. A
    /// sample is from before when the alert was active at an evaluation that saw it.
    pub fn failures_within(&self, alert: &str, count: u32, window: TimeDelta) -> String {
        let per = self.interval.num_milliseconds().max(1);
        let samples = (window.num_milliseconds() / per) as u32 + 1;
        let zero = format!("(0 * {})", self.nth(0));
        let terms: Vec<String> = (0..samples)
            .map(|k| {
                let since = duration(self.interval * (k as i32 + 1));
                format!(
                    "(((1 - {}) unless on(server, probe) present_over_time(ALERTS{{alertname={}}}[{since}])) or {zero})",
                    self.nth(k),
                    quoted(alert)
                )
            })
            .collect();
        format!(
            "(({}) >= {}) and on(server, probe) ({} == 0)",
            terms.join(" + "),
            count.max(1),
            self.nth(0)
        )
    }

    /// Keeps an active alert until the last `recover_after` results all succeeded: the
    /// console's recovery. Missing samples recover nothing; a series silent for `silent`
    /// lets the alert go.
    pub fn held(&self, alert: &str, recover_after: u32, silent: TimeDelta) -> String {
        let recovered = recover_after.max(1);
        format!(
            "(max_over_time({}[{}]) and on(server, probe) ALERTS{{alertname={}}}) unless on(server, probe) ({} == {recovered})",
            self.success,
            duration(silent),
            quoted(alert),
            self.sum(recovered)
        )
    }
}

/// The probes of one interval that feed a latency monitor.
pub struct LatencyFeed<'a> {
    /// `probe=~"…"` alternatives: probe names (letters only, nothing to escape for a regex).
    pub probes: &'a [&'a str],
    pub interval: TimeDelta,
}

/// The mean latency of succeeded probes over `window` up to the newest succeeded one (the
/// console's window ends at its last result), per server, is above `threshold`. The console
/// drops failed probes from the mean and compares whole milliseconds rounded down: above T
/// means at least T + 1 ms (less 1 ns of float). Twice the window's samples are read, so
/// failures after the newest success do not push older successes out of reach.
pub fn mean_latency_above(
    feeds: &[LatencyFeed<'_>],
    lag: TimeDelta,
    threshold: TimeDelta,
    window: TimeDelta,
    start: &str,
) -> String {
    let reads = reads(feeds, lag, window);
    let part = |numerator: bool| {
        let groups: Vec<String> = reads
            .iter()
            .map(|(success, took, offsets)| {
                let terms: Vec<String> = offsets
                    .iter()
                    .map(|&o| {
                        let value = if numerator {
                            format!("{} * {}", at(took, o), at(success, o))
                        } else {
                            at(success, o)
                        };
                        format!(
                            "((({value}) and (timestamp({}) >= on(server) group_left() ({start}))) or (0 * {}))",
                            at(success, o),
                            at(success, lag)
                        )
                    })
                    .collect();
                format!("({})", terms.join(" + "))
            })
            .collect();
        format!("sum by (server, role, site) ({})", groups.join(" or "))
    };
    let limit = (threshold.num_milliseconds() + 1) as f64 / 1000.0 - 1e-9;
    format!("{} / {} >= {limit:.9}", part(true), part(false))
}

/// A sample `o` back, as PromQL reads it.
fn at(series: &str, o: TimeDelta) -> String {
    if o.is_zero() {
        series.to_owned()
    } else {
        format!("{series} offset {}", duration(o))
    }
}

/// Per feed: its success and duration selectors and the offsets of the samples read.
fn reads(
    feeds: &[LatencyFeed<'_>],
    lag: TimeDelta,
    window: TimeDelta,
) -> Vec<(String, String, Vec<TimeDelta>)> {
    feeds
        .iter()
        .map(|feed| {
            let matcher = format!("{{probe=~{}}}", quoted(&feed.probes.join("|")));
            let per = feed.interval.num_milliseconds().max(1);
            let samples = 2 * ((window.num_milliseconds() / per) as i32 + 1);
            let offsets = (0..samples).map(|k| lag + feed.interval * k).collect();
            (
                format!("healthdeck_probe_success{matcher}"),
                format!("healthdeck_probe_duration_seconds{matcher}"),
                offsets,
            )
        })
        .collect()
}

/// When a server's latency window starts (Unix seconds): `window` before the newest
/// succeeded probe that feeds it. Recorded apart, so the alert reads it by name.
pub fn latency_window_start(
    feeds: &[LatencyFeed<'_>],
    lag: TimeDelta,
    window: TimeDelta,
) -> String {
    let span = window.num_milliseconds() as f64 / 1000.0;
    let newest: Vec<String> = reads(feeds, lag, window)
        .iter()
        .flat_map(|(success, _, offsets)| {
            offsets.iter().map(move |&o| {
                // timestamp() of a selector is its sample's time; of a filter, now.
                let sample = at(success, o);
                format!("(timestamp({sample}) and ({sample} == 1))")
            })
        })
        .collect();
    format!("max by (server) ({}) - {span}", newest.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_consecutive_failures_are_the_last_three_samples_after_the_lag() {
        let s = Samples {
            success: "s",
            interval: TimeDelta::seconds(60),
            lag: TimeDelta::seconds(15),
        };
        assert_eq!(
            s.consecutive_failures(3),
            "(s offset 15s + s offset 75s + s offset 135s) == 0"
        );
    }

    #[test]
    fn label_values_are_quoted_as_promql_reads_them() {
        assert_eq!(quoted("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
