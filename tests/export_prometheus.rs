//! `healthdeck export prometheus` checked by the real tools: promtool checks the scrape
//! configuration and the rules and runs the generated unit tests (whose expectations the
//! console's own rule engine gave), amtool checks the route; the scrape targets are
//! exactly the probes the real agent serves; rules other than the console's fail the
//! tests. Every wait is a read with a deadline, never a sleep.
#![allow(clippy::unwrap_used)]

use healthdeck::config::inventory::Inventory;
use healthdeck::health::{Monitor, Probe, Rule};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const PASSWORD_VARIABLE: &str = "HEALTHDECK_EXPORT_TEST_PASSWORD";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/prometheus")
        .join(name)
}

fn healthdeck(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(args)
        .current_dir(dir)
        .env_remove("HEALTHDECK_INVENTORY")
        .env(PASSWORD_VARIABLE, "not-a-real-password")
        .output()
        .unwrap()
}

/// Exports `inventory` into a fresh folder (the default `healthdeck-prometheus` in it).
fn export(inventory: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(inventory);
    let out = healthdeck(
        &[
            "export",
            "prometheus",
            "--inventory",
            path.to_str().unwrap(),
            "--agent",
            "127.0.0.1:9141",
            "--alertmanager",
            "127.0.0.1:9093",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let folder = dir.path().join("healthdeck-prometheus");
    let printed: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let expected: Vec<String> = [
        "prometheus.yml",
        "healthdeck-rules.yml",
        "alertmanager.yml",
        "healthdeck-rules.test.yml",
    ]
    .iter()
    .map(|f| {
        Path::new("healthdeck-prometheus")
            .join(f)
            .display()
            .to_string()
    })
    .collect();
    assert_eq!(printed, expected);
    (dir, folder)
}

/// Runs a tool in `dir`; its exit status and everything it said.
fn tool(program: &str, args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (scripts/test.sh installs it)"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

fn assert_tools_accept(folder: &Path) {
    for (program, args) in [
        ("promtool", &["check", "config", "prometheus.yml"][..]),
        ("promtool", &["check", "rules", "healthdeck-rules.yml"][..]),
        (
            "promtool",
            &["test", "rules", "healthdeck-rules.test.yml"][..],
        ),
        ("amtool", &["check-config", "alertmanager.yml"][..]),
    ] {
        let (ok, said) = tool(program, args, folder);
        assert!(ok, "{program} {args:?}:\n{said}");
    }
}

#[test]
fn the_default_rules_pass_promtool_and_their_generated_unit_tests() {
    let (_dir, folder) = export("fleet.yaml");
    assert_tools_accept(&folder);
    let rules = std::fs::read_to_string(folder.join("healthdeck-rules.yml")).unwrap();
    for monitor in Monitor::ALL {
        let named = rules.contains(&format!("alert: {}", monitor.name()));
        let queued = monitor.name() == "RequestsQueuedGt500Monitor";
        assert_eq!(named, !queued, "{}", monitor.name());
    }
    assert!(rules.contains("# - RequestsQueuedGt500Monitor has no rule"));
    let tests = std::fs::read_to_string(folder.join("healthdeck-rules.test.yml")).unwrap();
    // Each case of the default rules is there, and some checks expect each state.
    for case in [
        "ImapCTPMonitor on cas-01: 3 consecutive failures",
        "ImapDeepTestMonitor on mbx-01: 3 failures within 15m",
        "ImapSelfTestMonitor on mbx-01: 2 consecutive failures",
        "AverageCommandProcessingTimeGt60sMonitor on cas-01: mean latency over 5m > 60 s",
        "a single failure",
        "failures in a row, three times",
    ] {
        assert!(tests.contains(case), "{case}");
    }
    assert!(tests.contains("alertstate=\"pending\"") && tests.contains("exp_annotations"));
}

#[test]
fn hostile_names_and_per_monitor_overrides_still_give_valid_files_and_passing_tests() {
    let (_dir, folder) = export("overrides.yaml");
    assert_tools_accept(&folder);
    let config = std::fs::read_to_string(folder.join("prometheus.yml")).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&config).unwrap();
    let jobs: Vec<&str> = yaml["scrape_configs"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|j| j["job_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        jobs,
        ["healthdeck-30s", "healthdeck-1m", "healthdeck-agent"]
    );
    let rules = std::fs::read_to_string(folder.join("healthdeck-rules.yml")).unwrap();
    assert!(rules.contains("for: 90s") && rules.contains("4 consecutive failures"));
}

/// The pairs (server, probe) the export scrapes.
fn scraped(folder: &Path) -> BTreeSet<(String, String)> {
    let config = std::fs::read_to_string(folder.join("prometheus.yml")).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&config).unwrap();
    let mut pairs = BTreeSet::new();
    for job in yaml["scrape_configs"].as_sequence().unwrap() {
        for target in job["static_configs"].as_sequence().unwrap() {
            assert_eq!(target["targets"][0].as_str(), Some("127.0.0.1:9141"));
            if let Some(server) = target["labels"]["__param_server"].as_str() {
                let probe = target["labels"]["__param_probe"].as_str().unwrap();
                pairs.insert((server.to_owned(), probe.to_owned()));
            }
        }
    }
    pairs
}

/// One GET to the agent: its status code.
fn status(address: &str, target: &str) -> u16 {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.split(' ').nth(1).unwrap().parse().unwrap()
}

#[test]
fn the_scrape_targets_are_exactly_the_probes_the_agent_serves() {
    for inventory in ["fleet.yaml", "overrides.yaml"] {
        let (_dir, folder) = export(inventory);
        let targets = scraped(&folder);
        let mut agent = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
            .args(["agent", "--listen", "127.0.0.1:0", "--inventory"])
            .arg(fixture(inventory))
            .env_remove("HEALTHDECK_INVENTORY")
            .env(PASSWORD_VARIABLE, "not-a-real-password")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(agent.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let address: String = line
            .strip_prefix("healthdeck agent: listening on ")
            .and_then(|rest| rest.split(": ").next())
            .unwrap_or_else(|| panic!("{line}"))
            .to_owned();
        let loaded = Inventory::load(&fixture(inventory)).unwrap();
        let mut served = BTreeSet::new();
        for server in &loaded.servers {
            for probe in Probe::all() {
                let name = &server.server.name;
                let query = format!("/probe?server={name}&probe={}", probe.name());
                match status(&address, &query) {
                    200 => {
                        served.insert((name.clone(), probe.name().to_owned()));
                    }
                    400 => {}
                    other => panic!("{query}: {other}"),
                }
            }
        }
        agent.kill().unwrap();
        agent.wait().unwrap();
        assert!(!served.is_empty(), "{inventory}");
        assert_eq!(targets, served, "{inventory}");
    }
}

#[test]
fn a_bad_inventory_or_address_is_a_usage_error_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "servers:\n  - name: cas-01\n    role: castle\n    site: LAB\n",
    )
    .unwrap();
    let out = healthdeck(
        &[
            "export",
            "prometheus",
            "--inventory",
            bad.to_str().unwrap(),
            "--agent",
            "127.0.0.1:9141",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:3:11:", bad.display())),
        "{stderr}"
    );
    assert!(!dir.path().join("healthdeck-prometheus").exists());
    let good = fixture("fleet.yaml");
    let out = healthdeck(
        &[
            "export",
            "prometheus",
            "--inventory",
            good.to_str().unwrap(),
            "--agent",
            "agent:x",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--agent `agent:x` is not HOST:PORT"),
        "{stderr}"
    );
}

#[test]
fn rules_other_than_the_consoles_fail_the_generated_tests() {
    let inventory = Inventory::load(&fixture("fleet.yaml")).unwrap();
    let console = healthdeck::export::plan(&inventory, "127.0.0.1:9141".into(), None).unwrap();
    let ctp = Monitor::ALL
        .iter()
        .position(|m| m.name() == "ImapCTPMonitor")
        .unwrap();
    let mut wrong = console.clone();
    wrong.policies[ctp].rule = Rule::ConsecutiveFailures { count: 2 };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("healthdeck-rules.yml"),
        wrong.rules_yml().unwrap(),
    )
    .unwrap();
    let tests = wrong.tests_against(&console).unwrap();
    std::fs::write(dir.path().join("healthdeck-rules.test.yml"), tests).unwrap();
    let (ok, said) = tool(
        "promtool",
        &["test", "rules", "healthdeck-rules.test.yml"],
        dir.path(),
    );
    assert!(!ok, "{said}");
    // It is the alert's state that is wrong (pending too soon), not only a text.
    assert!(
        said.contains(r#"expr: "ALERTS{alertname=\"ImapCTPMonitor\",alertstate=\"pending\"}""#),
        "{said}"
    );
    // The console's own rules pass these very tests: the exported file is them
    // (the_default_rules_pass_promtool_and_their_generated_unit_tests).
}
