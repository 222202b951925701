//! The probe series: three instant queries that aggregate every label but `server` and
//! `probe` (and `kind`) away, read borrowed and joined on (server, probe).
//! (ARCHITECTURE "Prometheus and Alertmanager readers")

use super::endpoint::Endpoint;
use super::envelope::prometheus_data;
use super::error::SourceError;
use super::http::{Answer, Method, exchange};
use super::notes::Notes;
use super::rules::rule_alerts;
use super::text::Text;
use super::vector::{Reader, Row, Vector, read_vector};
use super::{ProbeSeries, PrometheusReading};
use chrono::DateTime;
use std::collections::HashMap;
use std::time::Duration;

/// Success and the sample's time in one number: the sign is the result (+ succeeded,
/// − failed), the magnitude the sample's Unix time. An instant query's own time is its
/// evaluation's, so the sample's comes from `timestamp()`. `max` over agents that probe the
/// same server: a success anywhere wins.
pub const SIGNED_SAMPLE_TIMES: &str = "max by (server, probe) ((2 * healthdeck_probe_success - 1) * timestamp(healthdeck_probe_success))";
/// The whole probe's duration in seconds; the worst where two agents report.
pub const DURATIONS: &str = "max by (server, probe) (healthdeck_probe_duration_seconds)";
/// The error kinds of failed probes (the info series exists only on failure).
pub const ERROR_KINDS: &str = "max by (server, probe, kind) (healthdeck_probe_error_info)";

/// A sample this much older than the evaluation is not a sample time: the success value
/// was not 0 or 1 (Prometheus' look-back is 5 minutes unless changed).
const OLDEST_SAMPLE_S: f64 = 86_400.0;
/// Samples may carry exporter timestamps a little ahead of Prometheus' clock.
const NEWEST_SAMPLE_S: f64 = 600.0;

/// Reads the probe series and the alert rules: four requests at once, each within
/// `timeout`. Any one failing fails the read: a partial picture would show stale health.
pub async fn read_prometheus(
    prom: &Endpoint,
    timeout: Duration,
) -> Result<PrometheusReading, SourceError> {
    let query = |expr: &str| format!("/api/v1/query?query={}", encoded(expr));
    let [signed, durations, kinds] = [SIGNED_SAMPLE_TIMES, DURATIONS, ERROR_KINDS].map(query);
    let (signed, durations, kinds, alerts) = tokio::join!(
        exchange(prom, Method::Get, &signed, None, timeout),
        exchange(prom, Method::Get, &durations, None, timeout),
        exchange(prom, Method::Get, &kinds, None, timeout),
        exchange(prom, Method::Get, "/api/v1/alerts", None, timeout),
    );
    let (signed, durations, kinds, alerts) = (signed?, durations?, kinds?, alerts?);
    let mut notes = Notes::default();
    let probes = probes(
        &answer_vector(&signed, &mut notes)?,
        &answer_vector(&durations, &mut notes)?,
        &answer_vector(&kinds, &mut notes)?,
        &mut notes,
    )?;
    let alerts = rule_alerts(&prometheus_data(&alerts, &mut notes)?, &mut notes);
    Ok(PrometheusReading {
        probes,
        alerts,
        warnings: notes.into_warnings(),
    })
}

/// The probe series from the three queries' bodies (as 200 answers), for tests and
/// benchmarks; `alerts` stays empty.
pub fn read_probe_answers(
    signed_sample_times: &[u8],
    durations: &[u8],
    error_kinds: &[u8],
) -> Result<PrometheusReading, SourceError> {
    read_answers_with(
        [signed_sample_times, durations, error_kinds],
        Reader::ScanFirst,
    )
}

/// As [`read_probe_answers`], each answer read by `reader`.
pub(super) fn read_answers_with(
    [signed, durations, kinds]: [&[u8]; 3],
    reader: Reader,
) -> Result<PrometheusReading, SourceError> {
    let mut notes = Notes::default();
    let probes = probes(
        &read_vector(200, "OK", signed, reader, &mut notes)?,
        &read_vector(200, "OK", durations, reader, &mut notes)?,
        &read_vector(200, "OK", kinds, reader, &mut notes)?,
        &mut notes,
    )?;
    Ok(PrometheusReading {
        probes,
        alerts: Vec::new(),
        warnings: notes.into_warnings(),
    })
}

fn answer_vector<'a>(answer: &'a Answer, notes: &mut Notes) -> Result<Vector<'a>, SourceError> {
    let Answer {
        status,
        reason,
        body,
    } = answer;
    read_vector(*status, reason, body, Reader::ScanFirst, notes)
}

fn probes(
    signed: &Vector<'_>,
    durations: &Vector<'_>,
    kinds: &Vector<'_>,
    notes: &mut Notes,
) -> Result<Vec<ProbeSeries>, SourceError> {
    for vector in [signed, durations, kinds] {
        if vector.result_type != "vector" {
            return Err(SourceError::Garbled(format!(
                "a `{}` result, not a vector",
                vector.result_type
            )));
        }
    }
    let mut out = Vec::with_capacity(signed.result.len());
    let mut join = Join::default();
    for row in &signed.result {
        let Some((server, probe)) = names(row, notes) else {
            continue;
        };
        let Some((succeeded, at)) = sample(row, notes) else {
            continue;
        };
        join.keys.push((server, probe));
        out.push(ProbeSeries {
            server: server.to_owned(),
            probe: probe.to_owned(),
            at,
            succeeded,
            duration_ms: 0,
            error_kind: None,
        });
    }
    add_durations(&mut out, join, durations, notes);
    add_kinds(&mut out, kinds, notes);
    Ok(out)
}

/// Finds a probe read by (server, probe). The answers list series in the same order when
/// Prometheus sorts them (2.42 was seen to), so the position after the last found is tried
/// first and the hash index is built only at the first row out of place.
#[derive(Default)]
struct Join<'k> {
    keys: Vec<(&'k str, &'k str)>,
    next: usize,
    index: Option<HashMap<(&'k str, &'k str), usize>>,
}

impl Join<'_> {
    fn find(&mut self, key: (&str, &str)) -> Option<usize> {
        let found = if self.keys.get(self.next) == Some(&key) {
            Some(self.next)
        } else {
            let keys = &self.keys;
            let index = self
                .index
                .get_or_insert_with(|| keys.iter().enumerate().map(|(i, k)| (*k, i)).collect());
            index.get(&key).copied()
        };
        if let Some(i) = found {
            self.next = i + 1;
        }
        found
    }
}

fn add_durations(
    out: &mut [ProbeSeries],
    mut join: Join<'_>,
    durations: &Vector<'_>,
    notes: &mut Notes,
) {
    let mut timed = vec![false; out.len()];
    for row in &durations.result {
        let Some(i) = names(row, notes).and_then(|key| join.find(key)) else {
            continue;
        };
        match number(row.value.1) {
            Some(seconds) if seconds >= 0.0 => {
                out[i].duration_ms = (seconds * 1_000.0).round().min(f64::from(u32::MAX)) as u32;
                timed[i] = true;
            }
            _ => notes.drop_row("duration not a number of seconds (shown as 0)", || {
                example(row)
            }),
        }
    }
    if let Some(i) = timed.iter().position(|t| !t) {
        let count = timed.iter().filter(|t| !**t).count();
        notes.drop_row("no duration (shown as 0)", || {
            format!("{count} probes, e.g. {} {}", out[i].server, out[i].probe)
        });
    }
}

/// Kinds exist for failures only: a small map of them, looked up by the failed probes.
fn add_kinds(out: &mut [ProbeSeries], kinds: &Vector<'_>, notes: &mut Notes) {
    let mut by_probe: HashMap<(&str, &str), &str> = HashMap::with_capacity(kinds.result.len());
    for row in &kinds.result {
        if let (Some(key), Some(kind)) = (names(row, notes), row.metric.kind.as_ref()) {
            // Two agents may disagree; the first (in Prometheus' order) is kept.
            by_probe.entry(key).or_insert(kind.as_str());
        }
    }
    if by_probe.is_empty() {
        return;
    }
    // A kind left from an earlier failure says nothing about a success.
    for probe in out.iter_mut().filter(|p| !p.succeeded) {
        if let Some(kind) = by_probe.get(&(probe.server.as_str(), probe.probe.as_str())) {
            probe.error_kind = Some((*kind).to_owned());
        }
    }
}

fn names<'r>(row: &'r Row<'_>, notes: &mut Notes) -> Option<(&'r str, &'r str)> {
    if let (Some(server), Some(probe)) = (
        Text::of(row.metric.server.as_ref()),
        Text::of(row.metric.probe.as_ref()),
    ) {
        Some((server, probe))
    } else {
        notes.drop_row("no server or probe label", || example(row));
        None
    }
}

/// Success and the sample time from a signed time, checked against the evaluation time.
fn sample(row: &Row<'_>, notes: &mut Notes) -> Option<(bool, DateTime<chrono::Utc>)> {
    let (evaluated, text) = row.value;
    let Some(signed) = number(text) else {
        notes.drop_row("success not a number", || example(row));
        return None;
    };
    let seconds = signed.abs();
    if seconds < evaluated - OLDEST_SAMPLE_S || seconds > evaluated + NEWEST_SAMPLE_S {
        notes.drop_row("success not 0 or 1", || example(row));
        return None;
    }
    let at = DateTime::from_timestamp_millis((seconds * 1_000.0).round() as i64)?;
    Some((signed > 0.0, at))
}

/// A sample value: Prometheus writes floats as strings, `NaN` and `±Inf` included; those
/// are no value here.
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn example(row: &Row<'_>) -> String {
    format!(
        "server {} probe {} value {}",
        Text::of(row.metric.server.as_ref()).unwrap_or("?"),
        Text::of(row.metric.probe.as_ref()).unwrap_or("?"),
        row.value.1
    )
}

/// A query parameter's value, percent-encoded but for RFC 3986's unreserved characters.
fn encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
