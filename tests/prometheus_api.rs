//! The Prometheus and Alertmanager readers (ARCHITECTURE "Prometheus and Alertmanager readers"):
//! on answers captured from the real binaries (`tests/fixtures/prometheus/api/`, served by a
//! loopback replay where the client path matters), on broken and missing servers, and
//! against a real Prometheus and Alertmanager started here. One test binary: each links
//! the whole crate.
#![allow(clippy::unwrap_used)]

#[path = "prometheus_api/alertmanager_answers.rs"]
mod alertmanager_answers;
#[path = "prometheus_api/prometheus_answers.rs"]
mod prometheus_answers;
#[path = "support/prometheus.rs"]
mod prometheus_support;
#[path = "prometheus_api/real_binaries.rs"]
mod real_binaries;
#[path = "prometheus_api/replay.rs"]
mod replay;

use chrono::{DateTime, TimeDelta, Utc};
use healthdeck::prometheus::{Endpoint, NewSilence};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(5);

/// A captured answer, head and all.
fn answer(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/prometheus/api/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A captured answer's body.
fn body(name: &str) -> Vec<u8> {
    let whole = answer(name);
    let start = whole.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    whole[start..].to_vec()
}

fn at(seconds: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis((seconds * 1000.0).round() as i64).unwrap()
}

fn endpoint(url: &str) -> Endpoint {
    Endpoint::parse(url).unwrap()
}

fn acknowledgement(starts_at: DateTime<Utc>, minutes: i64) -> NewSilence {
    NewSilence {
        server: "mbx01".into(),
        health_set: "POP".into(),
        monitor: "PopCTPMonitor".into(),
        created_by: "alice".into(),
        comment: "Dovecot restarted, watching".into(),
        starts_at,
        ends_at: starts_at + TimeDelta::minutes(minutes),
    }
}
