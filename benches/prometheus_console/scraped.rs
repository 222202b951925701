//! Prometheus for the console benchmark: Debian's binary scraping the synthetic exporter
//! every 15 s, waited for until it holds every series.

use super::exporter;
use super::figures;
use super::prometheus::{Daemon, get};
use healthdeck::health::Server;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Prometheus' first scrape comes within one interval of its start; ingesting 100,000
/// series takes a few seconds more on a busy 2-core machine.
const HOLDS_ALL_WITHIN: Duration = Duration::from_secs(120);

/// The exporter serving `servers`, and Prometheus scraping it every 15 s until it holds
/// all `series`.
pub fn start(servers: &[Server], series: usize) -> (Daemon, tempfile::TempDir) {
    let (scraped_tx, scraped) = mpsc::channel();
    let target = exporter::serve(servers.to_vec(), scraped_tx);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global: {{scrape_interval: 15s, scrape_timeout: 10s}}\n\
             scrape_configs:\n- job_name: healthdeck\n  static_configs: [{{targets: ['{target}']}}]\n"
        ),
    )
    .unwrap();
    let prom = Daemon::prometheus_with(&config);
    let waited = Instant::now();
    wait_until_held(&prom, &scraped, series);
    println!(
        "\nPrometheus holds {} success series ({} servers) after {:.1} s",
        figures::grouped(series as u64),
        figures::grouped(servers.len() as u64),
        waited.elapsed().as_secs_f64()
    );
    (prom, dir)
}

/// Waits for a scrape to be served, then asks Prometheus how many success series it holds
/// (each ask a round trip) until all are there; the deadline bounds the whole wait.
fn wait_until_held(prom: &Daemon, scraped: &mpsc::Receiver<()>, series: usize) {
    let deadline = Instant::now() + HOLDS_ALL_WITHIN;
    let query = "/api/v1/query?query=count(healthdeck_probe_success)";
    let held = || {
        let answer = get(prom.port(), query)?;
        let body = answer.split_once("\r\n\r\n")?.1;
        let json: serde_json::Value = serde_json::from_str(body).ok()?;
        json["data"]["result"][0]["value"][1]
            .as_str()?
            .parse::<usize>()
            .ok()
    };
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            scraped.recv_timeout(left).is_ok(),
            "no scrape within {HOLDS_ALL_WITHIN:?}:\n{}",
            prom.log_tail()
        );
        while Instant::now() < deadline {
            if held() == Some(series) {
                return;
            }
        }
    }
}
