//! `healthdeck agent` as Prometheus meets it: the real binary on an ephemeral loopback
//! port, probing a real Dovecot; HTTP by hand (one GET per connection here, several in
//! `agent/keep_alive.rs`), metrics read back
//! as text; bad requests answered 400/404/405 with a reason; the password nowhere; SIGTERM
//! a clean stop. Every wait is a read with a deadline, never a sleep.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a deadline for polling

#[path = "support/dovecot.rs"]
mod dovecot;
#[path = "agent/keep_alive.rs"]
mod keep_alive;
#[path = "support/agent.rs"]
mod support;

use dovecot::Dovecot;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use support::Started;

fn inventory(dovecot: &Dovecot, dir: &Path) -> PathBuf {
    let secret = dir.join("password");
    std::fs::write(&secret, dovecot.password()).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let text = format!(
        "name: lab\ncredentials:\n  user: {}\n  password: {{ file: {} }}\nca: {}\n\
         probes: {{ interval: 60s, timeout: 10s }}\nservers:\n  - name: cas-01\n    role: cas\n    site: LAB\n    \
         imap:\n      - {{ host: 127.0.0.1, port: {}, tls: none }}\n      \
         - {{ host: 127.0.0.1, port: {}, tls: implicit, server_name: localhost }}\n",
        dovecot.user(),
        secret.display(),
        dovecot.ca_path().display(),
        dovecot.imap_port(),
        dovecot.imaps_port(),
    );
    let path = dir.join("fleet.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The agent on any free loopback port, with at most `in_flight` probes at once.
fn start(inventory: &Path, in_flight: &str) -> Started {
    support::start(inventory, &["--in-flight", in_flight])
}

/// One GET (or another method): the status code, the Content-Type and the body.
fn get(address: &str, method: &str, target: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let code = head.split(' ').nth(1).unwrap().parse().unwrap();
    let kind = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Type: "))
        .unwrap_or_default()
        .to_owned();
    (code, kind, body.to_owned())
}

/// A series' value as written.
fn sample<'b>(body: &'b str, series: &str) -> &'b str {
    body.lines()
        .find(|l| l.starts_with(series))
        .and_then(|l| l.rsplit(' ').next())
        .unwrap_or_else(|| panic!("no {series} in\n{body}"))
}

fn value(body: &str, series: &str) -> f64 {
    sample(body, series).parse().unwrap()
}

/// Each bad request is answered with its code and a reason.
fn bad_requests_say_why(address: &str) {
    for (target, code, said) in [
        ("/probe?probe=ImapCTPProbe", 400, "no `server` parameter"),
        (
            "/probe?server=cas-09&probe=ImapCTPProbe",
            400,
            "no server `cas-09`",
        ),
        (
            "/probe?server=cas-01&probe=Nope",
            400,
            "no probe `Nope`: one of ImapCTPProbe",
        ),
        (
            "/probe?server=cas-01&probe=ImapCTPProbe&module=x",
            400,
            "unknown parameter `module`",
        ),
        (
            "/probe?server=cas-01&probe=PopCTPProbe",
            400,
            "PopCTPProbe cannot run on cas-01: no POP endpoint",
        ),
        (
            "/probe?server=cas-01&probe=ImapDeepTestProbe",
            400,
            "cannot run on cas-01",
        ),
        ("/nowhere", 404, "not found"),
    ] {
        let (got, _, body) = get(address, "GET", target);
        assert_eq!(got, code, "{target}: {body}");
        assert!(body.contains(said), "{target}: {body}");
    }
    assert_eq!(get(address, "POST", "/metrics").0, 405);
}

#[test]
fn the_agent_serves_probes_to_prometheus_and_stops_cleanly() {
    let mut dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let fleet = inventory(&dovecot, dir.path());
    let (mut agent, address, mut stderr) = start(&fleet, "64");
    let labels = r#"server="cas-01",role="cas",site="LAB",health_set="IMAP",probe="ImapCTPProbe""#;

    let (code, kind, body) = get(&address, "GET", "/probe?server=cas-01&probe=ImapCTPProbe");
    assert_eq!(
        (code, kind.as_str()),
        (200, "text/plain; version=0.0.4; charset=utf-8"),
        "{body}"
    );
    assert_eq!(
        sample(&body, &format!("healthdeck_probe_success{{{labels}}}")),
        "1",
        "{body}"
    );
    assert!(
        value(
            &body,
            &format!("healthdeck_probe_duration_seconds{{{labels}}}")
        ) > 0.0
    );
    for phase in ["connect", "tls", "greeting", "login", "select", "logout"] {
        let series =
            format!("healthdeck_probe_phase_duration_seconds{{{labels},phase=\"{phase}\"}}");
        assert!(value(&body, &series) >= 0.0, "{phase}");
    }
    // The test certificate's end, as a Unix time in this century.
    let expiry = value(
        &body,
        &format!("healthdeck_probe_tls_cert_expiry_timestamp_seconds{{{labels}}}"),
    );
    assert!(expiry > 1.7e9, "{expiry}");
    assert!(
        body.contains("# TYPE healthdeck_probe_success gauge"),
        "{body}"
    );
    // Consoles read a failure from this series alone: it exists exactly when a probe fails.
    assert!(!body.contains("healthdeck_probe_error_info"), "{body}");

    bad_requests_say_why(&address);

    // Dovecot gone: the probe fails, and says how.
    dovecot.stop();
    let (code, _, body) = get(&address, "GET", "/probe?server=cas-01&probe=ImapCTPProbe");
    assert_eq!(code, 200, "a failed probe is an answer: {body}");
    assert_eq!(
        sample(&body, &format!("healthdeck_probe_success{{{labels}}}")),
        "0"
    );
    assert_eq!(
        sample(
            &body,
            &format!("healthdeck_probe_error_info{{{labels},kind=\"refused\"}}")
        ),
        "1"
    );

    let (_, _, metrics) = get(&address, "GET", "/metrics");
    assert_eq!(
        sample(
            &metrics,
            "healthdeck_agent_probes_total{result=\"success\"}"
        ),
        "1"
    );
    assert_eq!(
        sample(
            &metrics,
            "healthdeck_agent_probes_total{result=\"failure\"}"
        ),
        "1"
    );
    assert_eq!(
        sample(
            &metrics,
            "healthdeck_agent_http_responses_total{code=\"400\"}"
        ),
        "6"
    );
    assert_eq!(sample(&metrics, "healthdeck_agent_probes_in_flight"), "0");

    // SIGTERM: a clean stop.
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(i32::try_from(agent.id()).unwrap()),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    let status = agent.wait().unwrap();
    assert!(status.success(), "{status}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("healthdeck agent: stopped"), "{rest}");
    assert!(
        !rest.contains(dovecot.password()),
        "the password in the log: {rest}"
    );
}

#[test]
fn without_an_inventory_the_agent_says_so_and_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["agent", "--listen", "127.0.0.1:0"])
        .env_remove("HEALTHDECK_INVENTORY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no inventory"), "{said}");
}

#[test]
fn past_its_bound_the_agent_answers_503_and_the_probe_running_finishes() {
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let fleet = inventory(&dovecot, dir.path());
    let (mut agent, address, _stderr) = start(&fleet, "1");
    // A stopped server: the connection is accepted, the greeting never comes.
    dovecot.pause();
    let first = {
        let address = address.clone();
        std::thread::spawn(move || {
            get(
                &address,
                "GET",
                "/probe?server=cas-01&probe=ImapProxyTestProbe",
            )
        })
    };
    // Until the agent counts it running, for 60 s at most: each look is a request and its
    // answer, so the agent is asked, never raced.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let mut running = false;
    while std::time::Instant::now() < deadline {
        let (_, _, metrics) = get(&address, "GET", "/metrics");
        if sample(&metrics, "healthdeck_agent_probes_in_flight") == "1" {
            running = true;
            break;
        }
    }
    assert!(running, "the first probe never started");
    let (code, _, body) = get(&address, "GET", "/probe?server=cas-01&probe=ImapCTPProbe");
    assert_eq!(code, 503, "{body}");
    assert!(body.contains("too many probes in flight"), "{body}");
    dovecot.resume();
    let (code, _, body) = first.join().unwrap();
    assert_eq!(code, 200, "{body}");
    agent.kill().unwrap();
    agent.wait().unwrap();
}
