//! `healthdeck check` on an inventory with Exchange's own verdict: the real binary, polling
//! through a stand-in `pwsh` copied beside the answers it serves (PowerShell cannot be
//! installed here). Exchange's monitors set the exit code as Nagios reads it; a poll that
//! fails, hangs or answers nothing is UNKNOWN with its reason; the JSON carries an `exchange`
//! object per server; probes healthdeck cannot run are no verdict where Exchange watches.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

/// A folder holding the stand-in and its answers, and the inventory naming them.
struct Lab {
    dir: tempfile::TempDir,
}

impl Lab {
    fn new() -> Lab {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("pwsh");
        std::fs::copy(Path::new(FIXTURES).join("pwsh"), &program).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        Lab { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `server` answers with the fixture `answer` (`.json` or `.fail`).
    fn answers(&self, server: &str, answer: &str) -> &Lab {
        let kind = Path::new(answer).extension().unwrap().to_str().unwrap();
        std::fs::copy(
            Path::new(FIXTURES).join(answer),
            self.path(&format!("{server}.{kind}")),
        )
        .unwrap();
        self
    }

    /// `server`'s poll waits on a fifo before answering: held shut, it hangs.
    fn gated(&self, server: &str) -> PathBuf {
        let gate = self.path(&format!("{server}.hang"));
        nix::unistd::mkfifo(&gate, nix::sys::stat::Mode::S_IRWXU).unwrap();
        gate
    }

    /// An Exchange inventory of `servers` (each `name` or `name` plus YAML for its entry),
    /// polled with `managed` (`{ timeout: 1s }` …), no endpoints unless a server has them.
    fn inventory(&self, managed: &str, servers: &[(&str, &str)]) -> PathBuf {
        let mut text = format!(
            "name: exchange-lab\nplatform: exchange\npwsh: {{ program: {} }}\n\
             health:\n  managed_availability: {managed}\nservers:\n",
            self.path("pwsh").display()
        );
        for (name, extra) in servers {
            text.push_str(&format!(
                "  - name: {name}\n    role: both\n    site: DAG1\n{extra}"
            ));
        }
        let path = self.path("fleet.yaml");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.path("calls"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

/// Long enough for a loaded machine's `sh`; the hung poll's test has its own.
const ROOMY: &str = "{ interval: 60s, timeout: 30s, in_flight: 4 }";

fn command(inventory: &Path, format: &str) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(["check", "--format", format, "--inventory"])
        .arg(inventory)
        .env_remove("HEALTHDECK_INVENTORY")
        .env_remove("HEALTHDECK_PROBE_USER")
        .env_remove("HEALTHDECK_PROBE_PASSWORD")
        // The lines under the first speak the locale's language: these tests read English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

fn check(inventory: &Path, format: &str) -> (i32, String) {
    let out = command(inventory, format).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap(), format!("{stdout}{stderr}"))
}

fn json(inventory: &Path) -> (i32, Value) {
    let out = command(inventory, "json").output().unwrap();
    let doc = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), doc)
}

fn line_with<'a>(out: &'a str, needle: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}: {out}"))
}

#[test]
fn an_unhealthy_monitor_is_critical_and_named_and_missing_endpoints_are_no_verdict() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-unhealthy.json");
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 2, "{out}");
    // Nine monitors, one Unhealthy; no probe at all (no endpoints), so no perfdata.
    assert!(
        out.starts_with("HEALTHDECK CRITICAL - 1/9 unhealthy\n"),
        "{out}"
    );
    let line = line_with(&out, "ImapCTPMonitor");
    assert!(
        line.starts_with(
            "CRITICAL ex-01 IMAP ImapCTPMonitor Exchange: Unhealthy: An error occurred in ImapCTPProbe: Login failed."
        ),
        "{line}"
    );
    assert!(line.ends_with('…'), "the long error is clipped: {line}");
    assert!(
        !out.contains("PrivateWorkingSet"),
        "Healthy is not listed: {out}"
    );
    for not_run in ["UNKNOWN", "not run", "no endpoint"] {
        assert!(!out.contains(not_run), "{not_run}: {out}");
    }
    assert_eq!(lab.calls(), ["ex-01"], "one poll");
}

#[test]
fn degraded_and_repairing_are_a_warning_and_disabled_is_left_out() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-degraded.json");
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 1, "{out}");
    // Nine monitors less the Disabled one; two are not OK.
    assert!(
        out.starts_with("HEALTHDECK WARNING - 2/8 unhealthy\n"),
        "{out}"
    );
    assert_eq!(
        line_with(&out, "PopCTPMonitor"),
        "WARNING  ex-01 POP PopCTPMonitor Exchange: Degraded: PopCTPProbe: -ERR [SYS/TEMP] server busy at Microsoft.Exchange.Monitoring.PopCTPProbe.DoWork()"
    );
    assert_eq!(
        line_with(&out, "ImapProxyTestMonitor"),
        "WARNING  ex-01 IMAP.Proxy ImapProxyTestMonitor Exchange: Repairing"
    );
    assert!(!out.contains("ImapSelfTestMonitor"), "{out}");
    assert!(!out.contains('\r'), "{out:?}");
}

#[test]
fn a_healthy_answer_is_ok() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-healthy.json");
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "HEALTHDECK OK - 0/9 unhealthy\nOK       ex-01 Exchange: 9 monitors Healthy\n"
    );
}

/// In the engineer's language, the first line stays Nagios' (a monitoring system parses
/// it), and the lines under it are translated around Exchange's own words.
#[test]
fn the_lines_under_nagios_first_line_speak_the_locales_language() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-healthy.json");
    let inventory = lab.inventory(ROOMY, &[("ex-01", "")]);
    let out = command(&inventory, "text")
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let tr = healthdeck::i18n::Tr::of("ko");
    let healthy = tr.fmt("check-exchange-healthy", &[("count", 9_usize.into())]);
    assert_ne!(healthy, "Exchange: 9 monitors Healthy");
    assert_eq!(
        stdout,
        format!("HEALTHDECK OK - 0/9 unhealthy\nOK       ex-01 {healthy}\n")
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_failing_session_and_an_empty_answer_are_unknown_with_the_reason() {
    let lab = Lab::new();
    lab.answers("ex-01", "session.fail");
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 3, "{out}");
    assert!(
        out.starts_with("HEALTHDECK UNKNOWN - 1/1 unhealthy\n"),
        "{out}"
    );
    let line = line_with(&out, "Exchange poll");
    assert!(
        line.starts_with("UNKNOWN  ex-01 Exchange poll: the poll failed (exit 1): New-PSSession")
            && line.contains("WinRM"),
        "{line}"
    );

    let lab = Lab::new();
    lab.answers("ex-01", "empty.json");
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains(
            "UNKNOWN  ex-01 Exchange poll: Exchange answered nothing: no data, not healthy"
        ),
        "{out}"
    );
}

#[test]
fn a_hung_poll_is_stopped_at_its_timeout_and_unknown() {
    let lab = Lab::new();
    // Nobody ever opens the gate for writing: the poll hangs until its timeout stops it.
    lab.gated("ex-01");
    lab.answers("ex-02", "pwsh7-healthy.json");
    let inventory = lab.inventory(
        "{ interval: 60s, timeout: 1s, in_flight: 2 }",
        &[("ex-01", ""), ("ex-02", "")],
    );
    let (code, out) = check(&inventory, "text");
    assert_eq!(code, 3, "{out}");
    assert!(
        out.contains("UNKNOWN  ex-01 Exchange poll: no answer within 1s: the poll was stopped"),
        "{out}"
    );
    assert!(
        out.starts_with("HEALTHDECK UNKNOWN - 1/10 unhealthy"),
        "{out}"
    );
}

#[test]
fn polls_run_at_most_in_flight_at_once() {
    let lab = Lab::new();
    let gates = [lab.gated("ex-01"), lab.gated("ex-02")];
    lab.answers("ex-01", "pwsh7-healthy.json");
    lab.answers("ex-02", "pwsh7-healthy.json");
    let inventory = lab.inventory(
        "{ interval: 60s, timeout: 30s, in_flight: 1 }",
        &[("ex-01", ""), ("ex-02", "")],
    );
    let child = command(&inventory, "text")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Each gate opens once its poll waits behind it; what had started by then is read
    // before the gate is let go. One at a time: the first sees itself alone. (A bound too
    // wide is caught when the second poll starts before the first gate is read, as it
    // mostly does; a right bound never fails.)
    let seen: Vec<_> = gates
        .iter()
        .map(|gate| {
            let (gate, calls) = (gate.clone(), lab.path("calls"));
            std::thread::spawn(move || {
                let opened = std::fs::OpenOptions::new().write(true).open(&gate);
                let seen = std::fs::read_to_string(&calls).unwrap_or_default();
                drop(opened);
                seen.lines().count()
            })
        })
        .collect();
    let out = child.wait_with_output().unwrap();
    // A gate whose poll never came would hold its thread: a reader lets it go.
    for gate in &gates {
        let _reader = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits())
            .open(gate)
            .unwrap();
        // Dropped at once: a writer that just opened now finds no reader and closes.
    }
    let mut seen: Vec<usize> = seen.into_iter().map(|t| t.join().unwrap()).collect();
    seen.sort_unstable();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(seen, [1, 2], "{stdout}");
}

#[test]
fn the_json_has_an_exchange_object_per_server() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-proxy-offline.json")
        .answers("ex-02", "session.fail")
        .answers("ex-03", "empty.json");
    let inventory = lab.inventory(ROOMY, &[("ex-01", ""), ("ex-02", ""), ("ex-03", "")]);
    let (code, doc) = json(&inventory);
    assert_eq!(code, 3);
    assert_eq!(doc["schema"], "healthdeck.check/1");
    assert_eq!(doc["exit"], 3);
    let servers = doc["servers"].as_array().unwrap();
    for server in servers {
        assert_eq!(server["probes"], Value::Array(Vec::new()), "{server}");
    }
    let answered = &servers[0]["exchange"];
    assert_eq!(answered["poll"], "answered");
    assert!(answered.get("why").is_none(), "{answered}");
    let monitors = answered["monitors"].as_array().unwrap();
    assert_eq!(monitors.len(), 8);
    for m in monitors {
        let mut fields: Vec<&str> = m.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "alert",
                "error",
                "health_set",
                "is_stale",
                "last_execution",
                "last_result",
                "monitor",
                "reported",
                "status"
            ]
        );
    }
    let find = |name: &str| monitors.iter().find(|m| m["monitor"] == name).unwrap();
    let proxy = find("ImapProxyTestMonitor");
    assert_eq!(proxy["health_set"], "IMAP.Proxy");
    assert_eq!(
        (&proxy["alert"], &proxy["status"]),
        (&"Unhealthy".into(), &"critical".into())
    );
    assert!(
        proxy["error"]
            .as_str()
            .unwrap()
            .contains("ImapProxy component is Inactive")
    );
    assert_eq!(proxy["last_result"], "Failed");
    assert_eq!(proxy["last_execution"], "2026-12-05T03:11:30.000Z");
    assert_eq!(find("PopCTPMonitor")["status"], "warning");
    assert_eq!(
        find("PopSelfTestMonitor")["status"],
        Value::Null,
        "Disabled"
    );
    // Healthy as Exchange says it, but stale: Unknown, never healthy.
    let stale = find("PopDeepTestMonitor");
    assert_eq!(stale["is_stale"], true);
    assert_eq!(
        (&stale["reported"], &stale["alert"], &stale["status"]),
        (
            &Value::from("Healthy"),
            &Value::from("Unknown"),
            &Value::from("unknown")
        )
    );
    assert_eq!(find("ImapCTPMonitor")["error"], Value::Null);
    let components = answered["components"].as_array().unwrap();
    assert_eq!(components.len(), 3);
    assert_eq!(
        components[0],
        serde_json::json!({"component": "ImapProxy", "state": "Inactive", "requesters": ["HealthAPI"]})
    );

    let failed = &servers[1]["exchange"];
    assert_eq!(failed["poll"], "failed");
    assert!(
        failed["why"].as_str().unwrap().contains("WinRM"),
        "{failed}"
    );
    assert_eq!(failed["monitors"], Value::Array(Vec::new()));
    let empty = &servers[2]["exchange"];
    assert_eq!(empty["poll"], "empty");
    assert!(
        empty["why"].as_str().unwrap().contains("no data"),
        "{empty}"
    );

    // The same run as text: the Inactive component and who took it offline.
    let (_, out) = check(&inventory, "text");
    assert!(
        out.contains("WARNING  ex-01 ImapProxy: Inactive, requested by HealthAPI\n"),
        "{out}"
    );
    assert!(
        out.starts_with("HEALTHDECK UNKNOWN - 6/10 unhealthy\n"),
        "{out}"
    );
}

#[test]
fn probes_run_beside_the_poll_and_only_they_make_perfdata() {
    let lab = Lab::new();
    lab.answers("ex-01", "pwsh7-healthy.json");
    // Nothing listens on port 1; no login is given, so the probes that log in cannot run.
    let imap = "    imap:\n      - { host: 127.0.0.1, port: 1, tls: none }\n";
    let inventory = lab.inventory(ROOMY, &[("ex-01", imap)]);
    let (code, out) = check(&inventory, "text");
    assert_eq!(code, 2, "{out}");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("HEALTHDECK CRITICAL - "), "{first}");
    let perfdata = first.split_once(" | ").unwrap().1;
    assert!(perfdata.starts_with("'ex-01 Imap"), "{perfdata}");
    assert!(
        !perfdata.contains("Monitor"),
        "no Exchange monitor: {perfdata}"
    );
    assert!(
        out.contains("OK       ex-01 Exchange: 9 monitors Healthy"),
        "{out}"
    );
    assert!(!out.contains("not run"), "Exchange watches: {out}");
    let (_, doc) = json(&inventory);
    let server = &doc["servers"][0];
    assert_eq!(server["exchange"]["poll"], "answered");
    let probes = server["probes"].as_array().unwrap();
    assert!(
        !probes.is_empty() && probes.iter().all(|p| p["result"] == "failed"),
        "{server}"
    );
}

#[test]
fn without_the_source_there_is_no_exchange_object_and_no_poll() {
    let lab = Lab::new();
    let text = format!(
        "name: lab\npwsh: {{ program: {} }}\nservers:\n  - {{ name: ex-01, role: both, site: DAG1, imap: [{{ host: 127.0.0.1, port: 1, tls: none }}] }}\n",
        lab.path("pwsh").display()
    );
    let inventory = lab.path("plain.yaml");
    std::fs::write(&inventory, text).unwrap();
    let (code, doc) = json(&inventory);
    // As before: the probes that cannot log in are UNKNOWN, the worst.
    assert_eq!(code, 3, "{doc}");
    let server = &doc["servers"][0];
    assert!(server.get("exchange").is_none(), "{server}");
    assert!(
        server["probes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["result"] == "unknown"),
        "{server}"
    );
    assert!(lab.calls().is_empty(), "no poll ran");
}

#[test]
fn a_proxy_taken_offline_is_a_warning_though_every_monitor_is_healthy() {
    let lab = Lab::new();
    let healthy = std::fs::read_to_string(Path::new(FIXTURES).join("pwsh7-healthy.json")).unwrap();
    let offline = healthy.replacen(
        "\"Component\": \"ImapProxy\",\n   \"State\": \"Active\",\n   \"Requesters\": []",
        "\"Component\": \"ImapProxy\",\n   \"State\": \"Inactive\",\n   \"Requesters\": [\"HealthAPI\"]",
        1,
    );
    assert_ne!(offline, healthy, "the fixture's component");
    std::fs::write(lab.path("ex-01.json"), offline).unwrap();
    let (code, out) = check(&lab.inventory(ROOMY, &[("ex-01", "")]), "text");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("WARNING  ex-01 ImapProxy: Inactive, requested by HealthAPI"),
        "{out}"
    );
}
