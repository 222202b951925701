//! Prometheus' text exposition format (version 0.0.4) for one probe and for the agent
//! itself. Names follow Prometheus' conventions: base units (seconds), `_total` for
//! counters, `_info` for an info-style metric, Unix times as `_timestamp_seconds`.

use crate::runtime::probe::{Phase, ProbeOutcome};
use std::fmt::Write;

/// The labels every probe series carries. Nothing secret: names the inventory gives.
pub struct ProbeLabels<'a> {
    pub server: &'a str,
    pub role: &'a str,
    pub site: &'a str,
    pub health_set: &'a str,
    pub probe: &'a str,
}

impl ProbeLabels<'_> {
    fn render(&self, extra: Option<(&str, &str)>) -> String {
        let mut out = format!(
            "server=\"{}\",role=\"{}\",site=\"{}\",health_set=\"{}\",probe=\"{}\"",
            escaped(self.server),
            escaped(self.role),
            escaped(self.site),
            escaped(self.health_set),
            escaped(self.probe)
        );
        if let Some((name, value)) = extra {
            let _ = write!(out, ",{name}=\"{}\"", escaped(value));
        }
        out
    }
}

/// A label value as the format wants it: backslash, double quote and line feed escaped.
pub fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// The metrics of one probe run now, for `/probe`.
pub fn probe(labels: &ProbeLabels<'_>, outcome: &ProbeOutcome) -> String {
    let mut out = String::with_capacity(1024);
    let plain = labels.render(None);
    family(
        &mut out,
        "healthdeck_probe_success",
        "gauge",
        "1 when the probe succeeded, else 0.",
    );
    let _ = writeln!(
        out,
        "healthdeck_probe_success{{{plain}}} {}",
        u8::from(outcome.succeeded)
    );
    family(
        &mut out,
        "healthdeck_probe_duration_seconds",
        "gauge",
        "How long the whole probe took, connect to logout.",
    );
    let _ = writeln!(
        out,
        "healthdeck_probe_duration_seconds{{{plain}}} {}",
        outcome.total.as_secs_f64()
    );
    family(
        &mut out,
        "healthdeck_probe_phase_duration_seconds",
        "gauge",
        "How long each phase the probe completed took.",
    );
    for phase in Phase::ALL {
        if let Some(took) = outcome.phases.get(phase) {
            let labels = labels.render(Some(("phase", phase.name())));
            let _ = writeln!(
                out,
                "healthdeck_probe_phase_duration_seconds{{{labels}}} {}",
                took.as_secs_f64()
            );
        }
    }
    if let Some(not_after) = outcome.cert_not_after {
        family(
            &mut out,
            "healthdeck_probe_tls_cert_expiry_timestamp_seconds",
            "gauge",
            "When the server's certificate expires, as a Unix time.",
        );
        let _ = writeln!(
            out,
            "healthdeck_probe_tls_cert_expiry_timestamp_seconds{{{plain}}} {}",
            not_after.timestamp()
        );
    }
    if let Some(kind) = outcome.error_kind {
        family(
            &mut out,
            "healthdeck_probe_error_info",
            "gauge",
            "Why the probe failed: 1, with the kind of error as a label.",
        );
        let labels = labels.render(Some(("kind", kind.name())));
        let _ = writeln!(out, "healthdeck_probe_error_info{{{labels}}} 1");
    }
    out
}

/// What the agent counts about itself, for `/metrics`.
#[derive(Debug, Default)]
pub struct AgentCounts {
    pub succeeded: u64,
    pub failed: u64,
    pub in_flight: u64,
    /// Responses by status code, in code order.
    pub responses: std::collections::BTreeMap<u16, u64>,
    pub started_at: i64,
}

/// The agent's own metrics.
pub fn agent(counts: &AgentCounts) -> String {
    let mut out = String::with_capacity(1024);
    family(
        &mut out,
        "healthdeck_agent_info",
        "gauge",
        "The agent's version.",
    );
    let _ = writeln!(
        out,
        "healthdeck_agent_info{{version=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION")
    );
    family(
        &mut out,
        "healthdeck_agent_start_time_seconds",
        "gauge",
        "When the agent started, as a Unix time.",
    );
    let _ = writeln!(
        out,
        "healthdeck_agent_start_time_seconds {}",
        counts.started_at
    );
    family(
        &mut out,
        "healthdeck_agent_probes_total",
        "counter",
        "Probes run, by result.",
    );
    let _ = writeln!(
        out,
        "healthdeck_agent_probes_total{{result=\"success\"}} {}",
        counts.succeeded
    );
    let _ = writeln!(
        out,
        "healthdeck_agent_probes_total{{result=\"failure\"}} {}",
        counts.failed
    );
    family(
        &mut out,
        "healthdeck_agent_probes_in_flight",
        "gauge",
        "Probes running now.",
    );
    let _ = writeln!(
        out,
        "healthdeck_agent_probes_in_flight {}",
        counts.in_flight
    );
    family(
        &mut out,
        "healthdeck_agent_http_responses_total",
        "counter",
        "HTTP responses, by status code.",
    );
    for (code, n) in &counts.responses {
        let _ = writeln!(
            out,
            "healthdeck_agent_http_responses_total{{code=\"{code}\"}} {n}"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped_as_the_format_says() {
        assert_eq!(escaped("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
