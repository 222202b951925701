//! Prometheus' answers, captured, and what a broken or missing Prometheus gives.

use super::replay::Replay;
use super::{TIMEOUT, answer, at, body, endpoint};
use chrono::{DateTime, Utc};
use healthdeck::prometheus::{
    RuleAlertState, SourceError, read_alertmanager, read_probe_answers, read_prometheus,
};
use std::net::{Ipv4Addr, TcpListener};
use std::time::Duration;

/// Prometheus' four answers, as captured together: result times, durations, failures.
fn prometheus_replay([times, durations, failures]: [&str; 3]) -> Replay {
    Replay::serve(vec![
        ("healthdeck_probe_success", answer(times)),
        ("healthdeck_probe_duration_seconds", answer(durations)),
        ("healthdeck_probe_error_info", answer(failures)),
        ("/api/v1/alerts", answer("alerts.http")),
    ])
}

const CAPTURED: [&str; 3] = ["success.http", "duration.http", "error_info.http"];

#[test]
fn probe_series_carry_the_sample_time_success_duration_and_error_kind() {
    let reading = read_probe_answers(
        &body("success.http"),
        &body("duration.http"),
        &body("error_info.http"),
    )
    .unwrap();
    let imap = reading
        .probes
        .iter()
        .find(|p| p.probe == "ImapCTPProbe")
        .unwrap();
    assert_eq!(imap.server, "mbx01");
    // The scrape's time, not the query's evaluation (1796507238.166).
    assert_eq!(imap.at, at(1_796_507_237.606));
    assert!(imap.succeeded);
    assert_eq!((imap.duration_ms, imap.error_kind.as_deref()), (42, None));
    let pop = reading
        .probes
        .iter()
        .find(|p| p.probe == "PopCTPProbe")
        .unwrap();
    assert!(!pop.succeeded, "its error info is as new as its result");
    assert_eq!(pop.at, at(1_796_507_237.606));
    assert_eq!(
        (pop.duration_ms, pop.error_kind.as_deref()),
        (10_002, Some("timeout"))
    );
    // cas02's duration was +Inf: shown as 0, said once.
    assert_eq!(reading.probes.len(), 3);
    assert_eq!(
        reading.warnings,
        [
            "1 row left out: duration not a number of seconds (shown as 0) (first: server cas02 probe ImapProxyTestProbe value +Inf)"
        ]
    );
}

/// An answer of `(server, probe, kind, value)` rows evaluated at 1796507300.
fn vector(rows: &[(&str, &str, &str, &str)]) -> Vec<u8> {
    let rows: Vec<String> = rows
        .iter()
        .map(|(server, probe, kind, value)| {
            let kind = if kind.is_empty() {
                String::new()
            } else {
                format!(r#""kind":"{kind}","#)
            };
            format!(
                r#"{{"metric":{{{kind}"probe":"{probe}","server":"{server}"}},"value":[1796507300,"{value}"]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"status":"success","data":{{"resultType":"vector","result":[{}]}}}}"#,
        rows.join(",")
    )
    .into_bytes()
}

#[test]
fn the_newest_result_wins_and_a_failure_needs_no_success_series() {
    let times = vector(&[
        // Two agents: one failed at :90, the other succeeded after it.
        ("mbx01", "ImapCTPProbe", "", "1796507295"),
        ("mbx02", "ImapCTPProbe", "", "1796507295"),
        // Not a time at all: a success value where a time belongs.
        ("mbx03", "ImapCTPProbe", "", "1"),
    ]);
    let failures = vector(&[
        ("mbx01", "ImapCTPProbe", "refused", "1796507290"),
        ("mbx02", "ImapCTPProbe", "timeout", "1796507295"),
        // A third agent's older failure, another kind: not the one shown.
        ("mbx02", "ImapCTPProbe", "auth", "1796507293"),
        // The success series is missing; the failure still stands.
        ("mbx04", "ImapCTPProbe", "tls", "1796507280"),
    ]);
    let reading = read_probe_answers(&times, &vector(&[]), &failures).unwrap();
    let seen: Vec<_> = reading
        .probes
        .iter()
        .map(|p| (p.server.as_str(), p.succeeded, p.error_kind.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("mbx01", true, None),
            ("mbx02", false, Some("timeout")),
            ("mbx04", false, Some("tls")),
        ]
    );
    assert_eq!(reading.probes[2].at, at(1_796_507_280.0));
    // Another Prometheus may list series in another order: the same reading.
    let shuffled = vector(&[
        ("mbx03", "ImapCTPProbe", "", "1"),
        ("mbx02", "ImapCTPProbe", "", "1796507295"),
        ("mbx01", "ImapCTPProbe", "", "1796507295"),
    ]);
    let mut again = read_probe_answers(&shuffled, &vector(&[]), &failures).unwrap();
    again.probes.sort_by(|a, b| a.server.cmp(&b.server));
    assert_eq!(again.probes, reading.probes);
    assert!(
        reading.warnings[0].starts_with("1 row left out: not a sample time (first: server mbx03"),
        "{:?}",
        reading.warnings
    );
}

#[test]
fn an_empty_result_is_no_probes_and_no_warning() {
    let empty = body("empty.http");
    let reading = read_probe_answers(&empty, &empty, &empty).unwrap();
    assert!(reading.probes.is_empty() && reading.warnings.is_empty());
}

#[test]
fn prometheus_warnings_are_kept() {
    let reading = read_probe_answers(
        &body("success.http"),
        &body("warnings.http"),
        &body("empty.http"),
    )
    .unwrap();
    assert!(
        reading.warnings[0].starts_with("remote_read: error sending request"),
        "{:?}",
        reading.warnings
    );
    assert_eq!(reading.probes.len(), 3, "the warning spoils no row");
}

#[tokio::test]
async fn a_whole_read_takes_series_and_only_healthdecks_alerts() {
    let prom = prometheus_replay(CAPTURED);
    let reading = read_prometheus(&endpoint(&prom.url()), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(reading.probes.len(), 3);
    let alerts: Vec<_> = reading
        .alerts
        .iter()
        .map(|a| (a.monitor.as_str(), a.state))
        .collect();
    // `Unrelated` carries no server, health set or monitor: another team's.
    assert_eq!(
        alerts,
        [
            ("PopCTPMonitor", RuleAlertState::Firing),
            ("ImapCTPMonitor", RuleAlertState::Pending)
        ]
    );
    let firing = &reading.alerts[0];
    assert_eq!(
        (firing.server.as_str(), firing.health_set.as_str()),
        ("mbx01", "POP")
    );
    assert_eq!(
        firing.active_at,
        "2026-12-05T18:58:35.686175082Z"
            .parse::<DateTime<Utc>>()
            .unwrap()
    );
    let asked = prom.requests().join("");
    assert!(
        asked.contains("GET /api/v1/query?query=max%20by%20%28server%2C%20probe%29"),
        "{asked}"
    );
    assert!(!asked.contains("/api/v2") && asked.contains("Connection: close"));
}

#[tokio::test]
async fn a_chunked_answer_is_read_whole() {
    let prom = prometheus_replay([
        "success_chunked.http",
        "duration_80.http",
        "error_info_80.http",
    ]);
    let reading = read_prometheus(&endpoint(&prom.url()), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(reading.probes.len(), 80);
    let failed: Vec<_> = reading
        .probes
        .iter()
        .filter(|p| !p.succeeded)
        .map(|p| p.server.as_str())
        .collect();
    assert_eq!(failed, ["mbx13", "mbx26", "mbx39"]);
}

#[tokio::test]
async fn prometheus_errors_say_the_apis_reason() {
    for (fixture, said) in [
        (
            "bad_data_400.http",
            "refused: bad_data: invalid parameter \"query\": 1:49: parse error: unclosed left parenthesis",
        ),
        (
            "exec_422.http",
            "refused: execution: found duplicate series for the match group",
        ),
        (
            "timeout_503.http",
            "refused: timeout: query timed out in expression evaluation",
        ),
    ] {
        let prom = prometheus_replay([fixture, CAPTURED[1], CAPTURED[2]]);
        let error = read_prometheus(&endpoint(&prom.url()), TIMEOUT)
            .await
            .unwrap_err();
        assert!(matches!(error, SourceError::Api(_)), "{fixture}: {error:?}");
        assert!(error.to_string().starts_with(said), "{fixture}: {error}");
    }
}

/// Answers a proxy or a broken server could give, each with the error it must be.
#[tokio::test]
async fn proxies_cut_answers_and_oversized_ones_are_named() {
    let success = answer("success.http");
    let chunked = answer("success_chunked.http");
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let bare_503 =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 19\r\n\r\nService Unavailable";
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (format!("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}", html.len()).into(), "HTTP 502 Bad Gateway"),
        (format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}").into(), "garbled answer: an HTML page, not JSON (a proxy's or a login page?)"),
        (bare_503.into(), "HTTP 503 Service Unavailable"),
        (success[..success.len() - 40].to_vec(), "garbled answer: cut off: 312 of 352 bytes"),
        (chunked[..chunked.len() / 2].to_vec(), "garbled answer: cut off"),
        (String::from_utf8(success.clone()).unwrap().replace("Content-Length: 352\r\n", "").as_bytes()[..300].to_vec(), "garbled answer: cut off after"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 314572800\r\n\r\n{".into(), "answer larger than 256 MiB"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n12C00000\r\n{".into(), "answer larger than 256 MiB"),
        ("* OK IMAP4rev1 ready\r\n".into(), "garbled answer: not an HTTP answer"),
    ];
    for (bytes, said) in cases {
        let prom = Replay::serve(vec![
            ("healthdeck_probe_success", bytes),
            ("", answer("empty.http")),
        ]);
        let error = read_prometheus(&endpoint(&prom.url()), TIMEOUT)
            .await
            .unwrap_err();
        assert!(error.to_string().starts_with(said), "{said}: {error}");
    }
}

#[tokio::test]
async fn prometheus_down_is_unreachable_with_the_address() {
    let closed = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let error = read_prometheus(&endpoint(&url), TIMEOUT).await.unwrap_err();
    assert!(matches!(error, SourceError::Unreachable(_)), "{error:?}");
    assert!(error.to_string().contains("Connection refused"), "{error}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    // Connections complete in the kernel's backlog; nobody reads or answers.
    let hung = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let url = format!("http://{}", hung.local_addr().unwrap());
    let error = read_prometheus(&endpoint(&url), Duration::from_millis(200))
        .await
        .unwrap_err();
    assert_eq!(error, SourceError::Timeout);
    let error = read_alertmanager(&endpoint(&url), Duration::from_millis(200))
        .await
        .unwrap_err();
    assert_eq!(error.to_string(), "no answer within the timeout");
}
