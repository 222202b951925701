//! `cargo bench --bench prometheus_read`: one refresh from Prometheus for 10,000 servers x
//! 8 probes (80,000 series), answers written as Prometheus 2.42 writes them, 5 % of probes
//! failing and 2 % of monitors alerting. Medians over many rounds: the pure read of the
//! three query answers, the rule alerts, and the whole read over loopback (HTTP included).
//! The goal (issue 19): one refresh's parse in tens of milliseconds. No harness: `Instant`
//! and a sorted list.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;
#[path = "../tests/prometheus_api/replay.rs"]
mod replay;

use healthdeck::prometheus::{Endpoint, read_probe_answers, read_prometheus, read_rule_alerts};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SERVERS: usize = 10_000;
const PROBES: [&str; 8] = [
    "ImapCTPProbe",
    "ImapProxyTestProbe",
    "ImapDeepTestProbe",
    "ImapSelfTestProbe",
    "PopCTPProbe",
    "PopProxyTestProbe",
    "PopDeepTestProbe",
    "PopSelfTestProbe",
];
const ROUNDS: usize = 15;
const EVALUATED: f64 = 1_796_497_122.838;

fn vector(rows: impl Iterator<Item = String>) -> String {
    let rows: Vec<String> = rows.collect();
    format!(
        r#"{{"status":"success","data":{{"resultType":"vector","result":[{}]}}}}"#,
        rows.join(",")
    )
}

fn row(labels: &str, value: &str) -> String {
    format!(r#"{{"metric":{{{labels}}},"value":[{EVALUATED},"{value}"]}}"#)
}

fn series() -> impl Iterator<Item = (usize, String, &'static str)> {
    (0..SERVERS).flat_map(|s| {
        PROBES
            .iter()
            .enumerate()
            .map(move |(p, probe)| (s * 8 + p, format!("ex-s{:02}-mbx{s:05}", s % 7), *probe))
    })
}

fn failing(n: usize) -> bool {
    n % 20 == 7
}

/// The three answers: result times, durations, failures (with their times and kinds).
fn answers() -> [String; 3] {
    let sampled = |n: usize| EVALUATED - 0.156 - (n % 60) as f64;
    let times = vector(series().map(|(n, server, probe)| {
        row(
            &format!(r#""probe":"{probe}","server":"{server}""#),
            &format!("{:.3}", sampled(n)),
        )
    }));
    let durations = vector(series().map(|(n, server, probe)| {
        row(
            &format!(r#""probe":"{probe}","server":"{server}""#),
            &format!("{}", 0.001 * (n % 997) as f64 + 0.0421),
        )
    }));
    let failures = vector(
        series()
            .filter(|(n, ..)| failing(*n))
            .map(|(n, server, probe)| {
                row(
                    &format!(r#""kind":"timeout","probe":"{probe}","server":"{server}""#),
                    &format!("{:.3}", sampled(n)),
                )
            }),
    );
    [times, durations, failures]
}

/// `/api/v1/alerts` with 2 % of the fleet's monitors firing or pending.
fn alerts() -> String {
    let alerts: Vec<String> = series()
        .filter(|(n, ..)| n % 50 == 3)
        .map(|(n, server, probe)| {
            let monitor = probe.replace("Probe", "Monitor");
            let state = if n % 100 == 3 { "firing" } else { "pending" };
            format!(
                r#"{{"labels":{{"alertname":"{monitor}","health_set":"IMAP","monitor":"{monitor}","server":"{server}","severity":"critical"}},"annotations":{{"runbook":"runbooks/imap.yaml"}},"state":"{state}","activeAt":"2026-12-05T18:58:35.686175082Z","value":"1e+00"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"status":"success","data":{{"alerts":[{}]}}}}"#,
        alerts.join(",")
    )
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn http(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn main() {
    let [times, durations, failures] = answers();
    let alerts = alerts();
    let (mut probes, mut rules, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    let (mut times_only, mut floor) = (Vec::new(), Vec::new());
    let empty = br#"{"status":"success","data":{"resultType":"vector","result":[]}}"#;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        black_box(read_probe_answers(times.as_bytes(), empty, empty).unwrap());
        times_only.push(started.elapsed());
        // What serde_json needs only to walk the answer: the floor of any reader.
        let started = Instant::now();
        black_box(serde_json::from_slice::<serde::de::IgnoredAny>(times.as_bytes()).unwrap());
        floor.push(started.elapsed());
        let started = Instant::now();
        let reading =
            read_probe_answers(times.as_bytes(), durations.as_bytes(), failures.as_bytes())
                .unwrap();
        probes.push(started.elapsed());
        assert_eq!(reading.probes.len(), SERVERS * 8);
        black_box(reading);
        let started = Instant::now();
        black_box(read_rule_alerts(alerts.as_bytes()).unwrap());
        rules.push(started.elapsed());
    }
    let prom = replay::Replay::serve(vec![
        ("healthdeck_probe_success", http(&times)),
        ("healthdeck_probe_duration_seconds", http(&durations)),
        ("healthdeck_probe_error_info", http(&failures)),
        ("/api/v1/alerts", http(&alerts)),
    ]);
    let endpoint = Endpoint::parse(&prom.url()).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let reading = runtime
            .block_on(read_prometheus(&endpoint, Duration::from_secs(30)))
            .unwrap();
        whole.push(started.elapsed());
        assert_eq!(reading.probes.len(), SERVERS * 8);
    }
    let mib = |n: usize| n as f64 / f64::from(1 << 20);
    println!();
    println!(
        "Prometheus read: {} servers x {} probes = {} series, {ROUNDS} rounds (medians)",
        figures::grouped(SERVERS as u64),
        PROBES.len(),
        figures::grouped((SERVERS * 8) as u64)
    );
    println!(
        "answers: result times {:.1} MiB, durations {:.1} MiB, failures {:.2} MiB, alerts {:.2} MiB",
        mib(times.len()),
        mib(durations.len()),
        mib(failures.len()),
        mib(alerts.len())
    );
    let line = |what: &str, d: Duration| println!("{what:<58} {:>12}", figures::duration(d));
    line(
        "probe series: three answers read and joined",
        median(probes),
    );
    line(
        "  of which the result-times answer alone",
        median(times_only),
    );
    line(
        "  serde_json walking that answer, nothing kept (floor)",
        median(floor),
    );
    line("rule alerts (1,600 of them)", median(rules));
    line(
        "read_prometheus over loopback (4 requests, HTTP included)",
        median(whole),
    );
}
