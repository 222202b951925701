//! Against the real Prometheus and Alertmanager, started here on loopback.

use super::prometheus_support::Daemon;
use super::replay::Replay;
use super::{TIMEOUT, acknowledgement, at, endpoint};
use chrono::TimeDelta;
use healthdeck::prometheus::{
    AlertmanagerState, RuleAlertState, SilenceState, create_silence, expire_silence,
    read_alertmanager, read_prometheus,
};
use healthdeck::runtime::FleetClock;
use std::time::Duration;

/// healthdeck's rules as the generated ones label them, firing at once, pending for an
/// hour, and another team's rule.
const RULES: &str = "groups:
- name: healthdeck
  rules:
  - alert: PopCTPMonitor
    expr: vector(1)
    for: 0s
    labels: {server: mbx01, health_set: POP, monitor: PopCTPMonitor, severity: critical}
  - alert: ImapCTPMonitor
    expr: vector(1)
    for: 1h
    labels: {server: mbx01, health_set: IMAP, monitor: ImapCTPMonitor, severity: critical}
  - alert: Unrelated
    expr: vector(1)
    labels: {team: web}
";

/// The agent's page for two probes, every sample stamped `ms` (an exporter's own
/// timestamp), so that the sample's time is known to the millisecond.
fn agent_page(ms: i64) -> Vec<u8> {
    let labels = |set: &str, probe: &str| {
        format!(
            "server=\"mbx01\",role=\"mailbox\",site=\"ams\",health_set=\"{set}\",probe=\"{probe}\""
        )
    };
    let (imap, pop) = (labels("IMAP", "ImapCTPProbe"), labels("POP", "PopCTPProbe"));
    let page = format!(
        "healthdeck_probe_success{{{imap}}} 1 {ms}\nhealthdeck_probe_success{{{pop}}} 0 {ms}\n\
         healthdeck_probe_duration_seconds{{{imap}}} 0.042 {ms}\nhealthdeck_probe_duration_seconds{{{pop}}} 10.002 {ms}\n\
         healthdeck_probe_error_info{{{pop},kind=\"timeout\"}} 1 {ms}\n"
    );
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\n\r\n{page}", page.len()).into_bytes()
}

#[tokio::test]
async fn a_real_alertmanager_keeps_a_silence_until_it_is_expired() {
    let daemon = Daemon::alertmanager();
    let am = endpoint(&daemon.url());
    let now = FleetClock::new(1.0).now();
    let id = create_silence(&am, &acknowledgement(now, 30), TIMEOUT)
        .await
        .unwrap();
    let reading = read_alertmanager(&am, TIMEOUT).await.unwrap();
    let made = reading.silences.iter().find(|s| s.id == id).unwrap();
    assert_eq!(made.state, SilenceState::Active);
    assert_eq!(
        (
            made.server.as_deref(),
            made.monitor.as_deref(),
            made.health_set.as_deref()
        ),
        (Some("mbx01"), Some("PopCTPMonitor"), Some("POP"))
    );
    assert_eq!(
        (made.created_by.as_str(), made.comment.as_str()),
        ("alice", "Dovecot restarted, watching")
    );
    assert_eq!(
        made.ends_at.timestamp_millis(),
        (now + TimeDelta::minutes(30)).timestamp_millis()
    );
    expire_silence(&am, &id, TIMEOUT).await.unwrap();
    let reading = read_alertmanager(&am, TIMEOUT).await.unwrap();
    assert_eq!(
        reading.silences.iter().find(|s| s.id == id).unwrap().state,
        SilenceState::Expired
    );
    let backwards = create_silence(&am, &acknowledgement(now, -10), TIMEOUT)
        .await
        .unwrap_err();
    assert_eq!(
        backwards.to_string(),
        "refused: Failed to create silence: start time must be before end time"
    );
}

#[tokio::test]
async fn a_real_prometheus_gives_sample_times_results_kinds_and_alerts_that_a_silence_mutes() {
    let sampled = FleetClock::new(1.0).now() - TimeDelta::seconds(20);
    let sampled = at(sampled.timestamp_millis() as f64 / 1000.0);
    let (scraped_tx, mut scraped) = tokio::sync::mpsc::unbounded_channel();
    let exporter = Replay::serve_telling(
        vec![("/metrics", agent_page(sampled.timestamp_millis()))],
        Some(scraped_tx),
    );
    let am_daemon = Daemon::alertmanager();
    let prom_daemon = Daemon::prometheus(exporter.addr(), RULES, Some(am_daemon.port()));
    let (prom, am) = (endpoint(&prom_daemon.url()), endpoint(&am_daemon.url()));
    // Every scrape (one a second) is a moment to look again; at most 30 looks.
    let mut tick = async || {
        tokio::time::timeout(Duration::from_secs(10), scraped.recv())
            .await
            .expect("a scrape within 10 s")
    };
    let mut reading = None;
    for _ in 0..30 {
        tick().await;
        let now = read_prometheus(&prom, TIMEOUT).await.unwrap();
        // The reader's queries run at once, and one that starts while Prometheus commits a
        // scrape can miss what another saw (CI read ImapCTPProbe's success without its
        // duration): wait for a reading that holds the page whole (both durations are set).
        let whole = now.probes.iter().all(|p| p.duration_ms > 0);
        if now.probes.len() == 2 && now.alerts.len() == 2 && whole {
            reading = Some(now);
            break;
        }
    }
    let reading = reading
        .unwrap_or_else(|| panic!("no series and alerts in 30 s:\n{}", prom_daemon.log_tail()));
    for probe in &reading.probes {
        assert_eq!(probe.at, sampled, "{probe:?}");
    }
    let imap = reading
        .probes
        .iter()
        .find(|p| p.probe == "ImapCTPProbe")
        .unwrap();
    assert_eq!(
        (imap.succeeded, imap.duration_ms, imap.error_kind.as_deref()),
        (true, 42, None)
    );
    let pop = reading
        .probes
        .iter()
        .find(|p| p.probe == "PopCTPProbe")
        .unwrap();
    assert_eq!(
        (pop.succeeded, pop.duration_ms, pop.error_kind.as_deref()),
        (false, 10_002, Some("timeout"))
    );
    let mut states: Vec<_> = reading
        .alerts
        .iter()
        .map(|a| (a.monitor.as_str(), a.state))
        .collect();
    states.sort_by_key(|s| s.0);
    assert_eq!(
        states,
        [
            ("ImapCTPMonitor", RuleAlertState::Pending),
            ("PopCTPMonitor", RuleAlertState::Firing)
        ]
    );
    // The firing alert reaches Alertmanager; an acknowledgement mutes it there.
    let id = create_silence(
        &am,
        &acknowledgement(FleetClock::new(1.0).now(), 30),
        TIMEOUT,
    )
    .await
    .unwrap();
    for _ in 0..30 {
        let seen = read_alertmanager(&am, TIMEOUT).await.unwrap();
        if let Some(alert) = seen.alerts.iter().find(|a| a.monitor == "PopCTPMonitor") {
            assert_eq!(
                (alert.state, alert.silenced_by.clone()),
                (AlertmanagerState::Suppressed, vec![id])
            );
            assert!(
                seen.alerts.iter().all(|a| a.monitor != "ImapCTPMonitor"),
                "pending never reaches Alertmanager"
            );
            return;
        }
        tick().await;
    }
    panic!(
        "the alert never reached Alertmanager:\n{}",
        prom_daemon.log_tail()
    );
}
