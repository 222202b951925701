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
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::time::Duration;

/// The newest result's time per probe. `timestamp()` of a plain selector is the sample's
/// own time (of any other expression, the evaluation's), so the result itself is not read
/// here: joining it to its time made Prometheus' answer 2× slower on a large fleet
/// (BENCHMARKS "Console on Prometheus: 10,000 servers (issue 19)").
pub const RESULT_TIMES: &str = "max by (server, probe) (timestamp(healthdeck_probe_success))";
/// The whole probe's duration in seconds; the worst where two agents report.
pub const DURATIONS: &str = "max by (server, probe) (healthdeck_probe_duration_seconds)";
/// Failures: the agent writes the error's info series exactly when a probe fails, so its
/// time says which result failed. Few series, so a cheap answer.
pub const FAILURES: &str = "max by (server, probe, kind) (timestamp(healthdeck_probe_error_info))";

/// A time this much older than the evaluation is not a sample's (Prometheus' look-back is
/// 5 minutes unless changed): the answer is not what was asked.
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
    let [times, durations, failures] = [RESULT_TIMES, DURATIONS, FAILURES].map(query);
    let (times, durations, failures, alerts) = tokio::join!(
        exchange(prom, Method::Get, &times, None, timeout),
        exchange(prom, Method::Get, &durations, None, timeout),
        exchange(prom, Method::Get, &failures, None, timeout),
        exchange(prom, Method::Get, "/api/v1/alerts", None, timeout),
    );
    let (times, durations, failures, alerts) = (times?, durations?, failures?, alerts?);
    let mut notes = Notes::default();
    // One answer at a time, each let go once read: on a large fleet the answers and their
    // rows are most of a refresh's memory.
    let mut probes = result_times(&answer_vector(&times, &mut notes)?, &mut notes)?;
    drop(times);
    add_failures(
        &mut probes,
        &answer_vector(&failures, &mut notes)?,
        &mut notes,
    )?;
    drop(failures);
    add_durations(
        &mut probes,
        &answer_vector(&durations, &mut notes)?,
        &mut notes,
    )?;
    drop(durations);
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
    result_times: &[u8],
    durations: &[u8],
    failures: &[u8],
) -> Result<PrometheusReading, SourceError> {
    read_answers_with([result_times, durations, failures], Reader::ScanFirst)
}

/// As [`read_probe_answers`], each answer read by `reader`.
pub(super) fn read_answers_with(
    [times, durations, failures]: [&[u8]; 3],
    reader: Reader,
) -> Result<PrometheusReading, SourceError> {
    let mut notes = Notes::default();
    let mut read = |body| read_vector(200, "OK", body, reader, &mut notes);
    let (times, failures, durations) = (read(times)?, read(failures)?, read(durations)?);
    let mut probes = result_times(&times, &mut notes)?;
    add_failures(&mut probes, &failures, &mut notes)?;
    add_durations(&mut probes, &durations, &mut notes)?;
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

fn instant_vector(vector: &Vector<'_>) -> Result<(), SourceError> {
    if vector.result_type == "vector" {
        Ok(())
    } else {
        Err(SourceError::Garbled(format!(
            "a `{}` result, not a vector",
            vector.result_type
        )))
    }
}

/// Every probe with a result time, taken as a success until a failure says otherwise.
fn result_times(times: &Vector<'_>, notes: &mut Notes) -> Result<Vec<ProbeSeries>, SourceError> {
    instant_vector(times)?;
    let mut out = Vec::with_capacity(times.result.len());
    for row in &times.result {
        let (Some((server, probe)), Some(at)) = (names(row, notes), sample_time(row, notes)) else {
            continue;
        };
        out.push(ProbeSeries {
            server: server.to_owned(),
            probe: probe.to_owned(),
            at,
            succeeded: true,
            duration_ms: 0,
            error_kind: None,
        });
    }
    Ok(out)
}

/// Finds a probe read by (server, probe). Prometheus 2.42 lists an aggregation's series
/// sorted by their labels, so by probe, then server: the few positions after the last found
/// are tried first (the durations come in the same order, the failures skip a few), then a
/// binary search (the failures skip whole probes); a hash index is built only when the
/// probes are in neither that order nor the answer's.
/// How far past the last found a row is looked for before a search.
const LOOK_AHEAD: usize = 64;

struct Join<'o> {
    probes: &'o [ProbeSeries],
    next: usize,
    sorted: Option<bool>,
    index: Option<HashMap<(&'o str, &'o str), usize>>,
}

impl<'o> Join<'o> {
    fn new(probes: &'o [ProbeSeries]) -> Join<'o> {
        Join {
            probes,
            next: 0,
            sorted: None,
            index: None,
        }
    }

    fn find(&mut self, (server, probe): (&str, &str)) -> Option<usize> {
        let probes = self.probes;
        let order = |p: &'o ProbeSeries| (p.probe.as_str(), p.server.as_str());
        let end = probes.len().min(self.next + LOOK_AHEAD);
        let ahead = (self.next..end).find(|&i| order(&probes[i]) == (probe, server));
        let found = if ahead.is_some() {
            ahead
        } else if *self
            .sorted
            .get_or_insert_with(|| probes.is_sorted_by_key(order))
        {
            probes
                .binary_search_by(|p| order(p).cmp(&(probe, server)))
                .ok()
        } else {
            let index = self.index.get_or_insert_with(|| {
                probes
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (order(p), i))
                    .collect()
            });
            index.get(&(probe, server)).copied()
        };
        if let Some(i) = found {
            self.next = i + 1;
        }
        found
    }
}

/// Marks the failed results. A failure as new as the probe's newest result is that result
/// (one agent: the same scrape); an older one was another agent's, since outdone. A failure
/// with no result time (its success series missing) is still a failure.
fn add_failures(
    out: &mut Vec<ProbeSeries>,
    failures: &Vector<'_>,
    notes: &mut Notes,
) -> Result<(), SourceError> {
    instant_vector(failures)?;
    // Found first, marked after: the join borrows the probes' names.
    let mut join = Join::new(out);
    let mut failed = Vec::with_capacity(failures.result.len());
    let mut unmatched: HashMap<(&str, &str), (&str, DateTime<Utc>)> = HashMap::new();
    for row in &failures.result {
        let (Some(key), Some(at)) = (names(row, notes), sample_time(row, notes)) else {
            continue;
        };
        let kind = Text::of(row.metric.kind.as_ref()).unwrap_or("");
        if let Some(i) = join.find(key) {
            failed.push((i, kind, at));
        } else {
            let kept = unmatched.entry(key).or_insert((kind, at));
            if at > kept.1 {
                *kept = (kind, at);
            }
        }
    }
    let named = |kind: &str| (!kind.is_empty()).then(|| kind.to_owned());
    for (i, kind, at) in failed {
        let probe = &mut out[i];
        // Two agents may fail differently: the newer failure is the one shown.
        if at > probe.at || (at == probe.at && probe.succeeded) {
            probe.at = at;
            probe.succeeded = false;
            probe.error_kind = named(kind);
        }
    }
    let mut unmatched: Vec<ProbeSeries> = unmatched
        .into_iter()
        .map(|((server, probe), (kind, at))| ProbeSeries {
            server: server.to_owned(),
            probe: probe.to_owned(),
            at,
            succeeded: false,
            duration_ms: 0,
            error_kind: named(kind),
        })
        .collect();
    unmatched.sort_unstable_by(|a, b| (&a.server, &a.probe).cmp(&(&b.server, &b.probe)));
    out.append(&mut unmatched);
    Ok(())
}

fn add_durations(
    out: &mut [ProbeSeries],
    durations: &Vector<'_>,
    notes: &mut Notes,
) -> Result<(), SourceError> {
    instant_vector(durations)?;
    // Found first, set after: the join borrows the probes' names.
    let mut found = Vec::with_capacity(out.len());
    let mut join = Join::new(out);
    for row in &durations.result {
        let Some(i) = names(row, notes).and_then(|key| join.find(key)) else {
            continue;
        };
        match number(row.value.1) {
            Some(seconds) if seconds >= 0.0 => found.push((i, Some(seconds))),
            _ => {
                notes.drop_row("duration not a number of seconds (shown as 0)", || {
                    example(row)
                });
                // Said once: a duration that is not a number is not also "no duration".
                found.push((i, None));
            }
        }
    }
    let mut timed = vec![false; out.len()];
    for (i, seconds) in found {
        timed[i] = true;
        if let Some(seconds) = seconds {
            out[i].duration_ms = (seconds * 1_000.0).round().min(f64::from(u32::MAX)) as u32;
        }
    }
    if let Some(i) = timed.iter().position(|t| !t) {
        let count = timed.iter().filter(|t| !**t).count();
        notes.drop_row("no duration (shown as 0)", || {
            let probes = if count == 1 { "probe" } else { "probes" };
            format!("{count} {probes}, e.g. {} {}", out[i].server, out[i].probe)
        });
    }
    Ok(())
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

/// A sample's time, as `timestamp()` wrote it, checked against the evaluation time.
fn sample_time(row: &Row<'_>, notes: &mut Notes) -> Option<DateTime<Utc>> {
    let (evaluated, text) = row.value;
    let Some(seconds) = number(text) else {
        notes.drop_row("time not a number", || example(row));
        return None;
    };
    if seconds < evaluated - OLDEST_SAMPLE_S || seconds > evaluated + NEWEST_SAMPLE_S {
        notes.drop_row("not a sample time", || example(row));
        return None;
    }
    DateTime::from_timestamp_millis((seconds * 1_000.0).round() as i64)
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
