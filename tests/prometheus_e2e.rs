//! The team's way, end to end, with every part real: a private Dovecot; `healthdeck agent`
//! probing it; `healthdeck export prometheus` writing the scrape jobs, the alert rules and
//! the Alertmanager route; Debian's Prometheus and Alertmanager started on loopback with
//! exactly those files; two consoles in tmux reading them. Dovecot stopped: the alert goes
//! pending (Degraded) then firing (Unhealthy); `a` acknowledges it; the silence is in
//! Alertmanager (API v2) with the operator as its author; the second console shows it;
//! Dovecot started again: Healthy. Every wait polls with a deadline.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

#[path = "support/agent.rs"]
mod agent_support;
#[path = "support/dovecot.rs"]
mod dovecot;
#[path = "support/prometheus.rs"]
mod prometheus;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)]
mod tmux;

use dovecot::Dovecot;
use prometheus::{Daemon, get};
use session::{launch_as, of_kind, read_record, records};
use std::io::BufRead;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use tmux::{Tmux, row, wait_for_text};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");

/// cas-01 (both roles) on the private Dovecot's plain IMAP port: probes every 2 s, a
/// failing monitor Degraded for 6 s. `health`: the console's `health:` block, if any.
fn inventory(dovecot: &Dovecot, dir: &Path, name: &str, health: &str) -> PathBuf {
    let secret = dir.join("password");
    std::fs::write(&secret, dovecot.password()).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut rules = String::new();
    for monitor in [
        "ImapCTPMonitor",
        "ImapProxyTestMonitor",
        "ImapDeepTestMonitor",
        "ImapSelfTestMonitor",
    ] {
        rules.push_str(&format!("  {monitor}: {{ degraded_for: 6s }}\n"));
    }
    let text = format!(
        "name: team\nplatform: linux\ncredentials:\n  user: {}\n  password: {{ file: {} }}\n\
         probes: {{ interval: 2s, timeout: 1s }}\nrules:\n{rules}{health}\
         servers:\n  - name: cas-01\n    role: both\n    site: LAB\n    \
         imap:\n      - {{ host: 127.0.0.1, port: {}, tls: none }}\n",
        dovecot.user(),
        secret.display(),
        dovecot.imap_port(),
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The agent, killed and reaped when the test ends, even by a failed assertion.
struct Agent(Child);

impl Drop for Agent {
    fn drop(&mut self) {
        // Already gone is fine; the wait reaps it either way.
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// The agent on a free loopback port, and its address.
fn agent(inventory: &Path) -> (Agent, String) {
    let (child, address, stderr) = agent_support::start(inventory, &[]);
    // Its later lines are drained so that a full pipe never stalls it.
    std::thread::spawn(move || for _ in stderr.lines() {});
    (Agent(child), address)
}

fn export(inventory: &Path, agent: &str, alertmanager: Option<&str>, out: &Path) {
    let mut command = Command::new(BIN);
    command
        .args(["export", "prometheus", "--inventory"])
        .arg(inventory)
        .args(["--agent", agent, "--out"])
        .arg(out);
    if let Some(alertmanager) = alertmanager {
        command.args(["--alertmanager", alertmanager]);
    }
    let done = command.env_remove("HEALTHDECK_INVENTORY").output().unwrap();
    assert!(done.status.success(), "export: {done:?}");
}

/// cas-01's IMAP cell (the first after name, role and site) at 80 columns.
fn imap_cell(screen: &str) -> String {
    let Some(row) = row(screen, "cas-01") else {
        return String::new();
    };
    let column = screen
        .lines()
        .find(|l| l.contains("SERVER"))
        .and_then(|h| h.find("IMAP"))
        .unwrap_or(0);
    row.chars().skip(column).take(9).collect()
}

/// The silences Alertmanager holds (API v2), as text.
fn silences(alertmanager: &Daemon) -> String {
    get(alertmanager.port(), "/api/v2/silences").unwrap_or_default()
}

#[test]
fn an_alert_goes_pending_then_firing_is_acknowledged_in_alertmanager_seen_by_a_second_console_and_heals()
 {
    let mut dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let fleet = inventory(&dovecot, dir.path(), "agent.yaml", "");
    let (_agent, agent_at) = agent(&fleet);
    // Alertmanager first, on the route the export writes; then the export again naming it,
    // for Prometheus to send its alerts there.
    let route = dir.path().join("route");
    export(&fleet, &agent_at, None, &route);
    let alertmanager = Daemon::alertmanager_with(&route.join("alertmanager.yml"));
    let out = dir.path().join("generated");
    let am_at = format!("127.0.0.1:{}", alertmanager.port());
    export(&fleet, &agent_at, Some(&am_at), &out);
    let prometheus = Daemon::prometheus_with(&out.join("prometheus.yml"));
    let health = format!(
        "health:\n  prometheus: {{ url: '{}', alertmanager: '{}', agent: '{agent_at}', refresh: 1s, timeout: 1s }}\n",
        prometheus.url(),
        alertmanager.url()
    );
    let console_fleet = inventory(&dovecot, dir.path(), "console.yaml", &health);
    let inventory_arg = console_fleet.to_str().unwrap();

    let first = Tmux::start("prom-a", 80, 24);
    launch_as(&first, "alice", &["--inventory", inventory_arg]);
    first.wait_for("health from Prometheus, Healthy", |s| {
        s.lines().next().is_some_and(|b| b.contains("PROM"))
            && row(s, "cas-01").is_some_and(|r| r.contains("OK"))
    });

    dovecot.stop();
    first.wait_for("pending: Degraded", |s| {
        row(s, "cas-01").is_some_and(|r| r.contains("DEGR"))
    });
    // The cursor is on cas-01's first cell, IMAP (CTP): firing there.
    first.wait_for("firing: Unhealthy", |s| imap_cell(s).contains("UNHL"));
    // The cursor is on cas-01's IMAP cell: acknowledge it for an hour.
    first.keys(&["a"]);
    first.wait_for("the acknowledgement's prompt", |s| s.contains("how long"));
    first.type_text("1h drill: dovecot stopped on purpose");
    first.keys(&["Enter"]);
    first.wait_for("the acknowledgement made", |s| imap_cell(s).contains("ACK"));
    let said = silences(&alertmanager);
    assert!(said.contains("\"createdBy\":\"alice\""), "{said}");
    assert!(
        said.contains("ImapCTPMonitor") && said.contains("cas-01"),
        "{said}"
    );
    assert!(said.contains("drill: dovecot stopped on purpose"), "{said}");
    // In alice's record: who, until when, why, and the silence's id (the record is
    // flushed within 50 ms of the cell changing: wait for the line).
    wait_for_text(&records(&first)[0], "\"kind\":\"acknowledged\"");
    let record = read_record(&records(&first)[0]);
    let acked = of_kind(&record, "acknowledged");
    assert_eq!(acked.len(), 1, "{record:?}");
    assert_eq!(acked[0]["by"], "alice");
    assert_eq!(acked[0]["monitor"], "ImapCTPMonitor");
    assert!(
        said.contains(acked[0]["silence"].as_str().unwrap()),
        "{said}"
    );

    let second = Tmux::start("prom-b", 80, 24);
    launch_as(&second, "bob", &["--inventory", inventory_arg]);
    let screen = second.wait_for("alice's acknowledgement, in the second console", |s| {
        imap_cell(s).contains("ACK")
    });
    assert!(
        screen.contains("acked by alice until"),
        "who and until when, under the cursor:\n{screen}"
    );

    dovecot.start_again();
    for console in [&first, &second] {
        console.wait_for("Healthy again", |s| imap_cell(s).contains("OK"));
    }
    // `r` in the drill-down: the agent runs the probe now.
    first.keys(&["Enter"]);
    first.wait_for("the drill-down", |s| {
        s.contains("ImapCTPMonitor  Prometheus")
    });
    first.keys(&["r"]);
    first.wait_for("the agent's probe, run now", |s| {
        s.contains("ImapCTPProbe on cas-01: Succeeded")
    });
    drop(prometheus);
}
