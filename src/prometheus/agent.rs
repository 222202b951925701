//! `r` where Prometheus judges the fleet: the probe agent runs the probe now
//! (`GET /probe?server=&probe=`), and its metrics say how it went
//! (ARCHITECTURE "Health from Prometheus").

use super::endpoint::Endpoint;
use super::error::SourceError;
use super::http::{Method, exchange};
use std::time::Duration;

/// What one probe run by the agent said.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentProbe {
    pub succeeded: bool,
    pub duration_ms: u32,
    /// Phase name and milliseconds, in the order the agent wrote them.
    pub phases: Vec<(String, f64)>,
    pub error_kind: Option<String>,
}

/// Asks the agent to run `probe` on `server` now.
pub async fn probe_now(
    agent: &Endpoint,
    server: &str,
    probe: &str,
    timeout: Duration,
) -> Result<AgentProbe, SourceError> {
    let path = format!("/probe?server={}&probe={}", escaped(server), escaped(probe));
    let answer = exchange(agent, Method::Get, &path, None, timeout).await?;
    let body = String::from_utf8_lossy(&answer.body);
    if !answer.succeeded() {
        return Err(SourceError::Http {
            code: answer.status,
            reason: body
                .lines()
                .next()
                .unwrap_or(&answer.reason)
                .chars()
                .take(200)
                .collect(),
        });
    }
    read(&body).ok_or_else(|| {
        SourceError::Garbled("no healthdeck_probe_success in the agent's answer".to_owned())
    })
}

/// The agent's text exposition, read for the few series `r` shows.
pub fn read(text: &str) -> Option<AgentProbe> {
    let mut found = AgentProbe {
        succeeded: false,
        duration_ms: 0,
        phases: Vec::new(),
        error_kind: None,
    };
    let mut success = None;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((series, value)) = line.rsplit_once(' ') else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        let name = series.split('{').next().unwrap_or(series);
        match name {
            "healthdeck_probe_success" => success = Some(value >= 1.0),
            "healthdeck_probe_duration_seconds" => found.duration_ms = millis(value),
            "healthdeck_probe_phase_duration_seconds" => {
                if let Some(phase) = label(series, "phase") {
                    found.phases.push((phase, value * 1e3));
                }
            }
            "healthdeck_probe_error_info" => found.error_kind = label(series, "kind"),
            _ => {}
        }
    }
    found.succeeded = success?;
    Some(found)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped first
fn millis(seconds: f64) -> u32 {
    (seconds * 1e3).clamp(0.0, f64::from(u32::MAX)) as u32
}

/// A label's value (the agent's values never hold a quote: names the inventory checked).
fn label(series: &str, name: &str) -> Option<String> {
    let start = series.find(&format!("{name}=\""))? + name.len() + 2;
    let rest = &series[start..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// A query value: unreserved characters as they are, the rest percent-encoded.
fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
