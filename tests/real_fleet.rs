//! A real fleet: an inventory of one CAS and one Mailbox server, both a private Dovecot on
//! 127.0.0.1. The scheduler's real probes drive the monitors through Managed Availability's
//! rules; `healthdeck check` judges it; the password shows nowhere. Deadlines are generous
//! and states, not durations, are asserted.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

#[path = "support/delay_proxy.rs"]
mod delay_proxy;
#[path = "support/dovecot.rs"]
mod dovecot;

use delay_proxy::{Delay, DelayProxy};
use dovecot::Dovecot;
use healthdeck::config::inventory::Inventory;
use healthdeck::event::Event;
use healthdeck::health::{AlertValue, FleetState, Monitor};
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::prober;
use healthdeck::update::{AppState, Banner, DrillRow, Mode, update};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");

/// The inventory, with the password in a 0600 file and short intervals so a test sees
/// monitors move within seconds.
fn inventory(dovecot: &Dovecot, dir: &Path) -> PathBuf {
    inventory_with(dovecot, dir, "", "")
}

/// [`inventory`], with lines added at the top level and to each server.
fn inventory_with(dovecot: &Dovecot, dir: &Path, top: &str, per_server: &str) -> PathBuf {
    inventory_timed(dovecot, dir, FAST, dovecot.imap_port(), top, per_server)
}

/// Probes every second, so monitors move within seconds.
const FAST: &str = "{ interval: 1s, timeout: 1s }";
/// `check`'s own timing: a 10 s timeout puts WARNING at 5 s, which a loaded debug build
/// on loopback never reaches (a 1 s timeout put it at 500 ms, which it once did).
const CHECKED: &str = "{ interval: 60s, timeout: 10s }";

/// [`inventory_with`], with the probes' timing and the plain IMAP port given.
fn inventory_timed(
    dovecot: &Dovecot,
    dir: &Path,
    probes: &str,
    imap: u16,
    top: &str,
    per_server: &str,
) -> PathBuf {
    let secret = dir.join("password");
    std::fs::write(&secret, dovecot.password()).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let endpoints = format!(
        "{per_server}    imap:\n      - {{ host: 127.0.0.1, port: {}, tls: none }}\n      - {{ host: 127.0.0.1, port: {}, tls: implicit, server_name: localhost }}\n    pop3:\n      - {{ host: 127.0.0.1, port: {}, tls: none }}\n      - {{ host: 127.0.0.1, port: {}, tls: implicit, server_name: localhost }}\n",
        imap,
        dovecot.imaps_port(),
        dovecot.pop3_port(),
        dovecot.pop3s_port()
    );
    let text = format!(
        "name: test-fleet\ncredentials:\n  user: {}\n  password: {{ file: {} }}\nca: {}\nprobes: {probes}\nservers:\n  - name: cas-01\n    role: cas\n    site: LAB\n    monitoring_mailbox: mbx-01\n{endpoints}  - name: mbx-01\n    role: mailbox\n    site: LAB\n{endpoints}rules:\n  ImapCTPMonitor: {{ degraded_for: 3s }}\n{top}",
        dovecot.user(),
        secret.display(),
        dovecot.ca_path().display()
    );
    let path = dir.join("fleet.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The console's state on `inventory`, wired as `healthdeck --inventory` wires it.
fn console_on(inventory: &Inventory, probing: &prober::Probing, clock: FleetClock) -> AppState {
    let fleet = FleetState::new(inventory.fleet(), inventory.policies(), false);
    let banner = Banner {
        mode: Mode::Production {
            inventory: inventory.name.clone(),
        },
        dry_run: false,
        read_only: false,
    };
    let mut state = AppState::new(fleet, banner, clock.now());
    healthdeck::launch::RealFleet::of(inventory, probing).apply(&mut state.launch);
    state
}

fn ctp() -> Monitor {
    Monitor::ALL
        .into_iter()
        .find(|m| m.name() == "ImapCTPMonitor")
        .unwrap()
}

/// The console's state fed by the real scheduler, polled until `want` holds.
struct Watch {
    state: AppState,
    rx: tokio::sync::mpsc::Receiver<Event>,
    clock: FleetClock,
}

impl Watch {
    fn until(
        &mut self,
        runtime: &tokio::runtime::Runtime,
        what: &str,
        want: impl Fn(AlertValue) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let alert = self.state.fleet.monitor(0, ctp()).unwrap().alert;
            if want(alert) {
                return;
            }
            assert!(Instant::now() < deadline, "never {what}: still {alert:?}");
            let event = runtime.block_on(async {
                tokio::time::timeout(Duration::from_millis(200), self.rx.recv()).await
            });
            if let Ok(Some(event)) = event {
                update(&mut self.state, event);
            }
            update(&mut self.state, Event::Tick(self.clock.now()));
        }
    }
}

#[test]
fn monitors_follow_a_real_server_down_and_back() {
    let mut dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let inventory = Inventory::load(&inventory(&dovecot, dir.path())).unwrap();
    let probing = prober::prepare(&inventory).unwrap();
    assert!(
        probing.not_runnable.is_empty(),
        "{:?}",
        probing.not_runnable
    );
    let clock = FleetClock::new(1.0);
    let state = console_on(&inventory, &probing, clock);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (tx, rx) = tokio::sync::mpsc::channel(256);
    runtime.spawn(prober::run(
        probing.targets,
        probing.tls,
        probing.ceiling,
        clock,
        tx,
    ));
    let mut watch = Watch { state, rx, clock };

    watch.until(&runtime, "Healthy", |a| a == AlertValue::Healthy);
    dovecot.stop();
    watch.until(&runtime, "Degraded", |a| a == AlertValue::Degraded);
    watch.until(&runtime, "Unhealthy", |a| a == AlertValue::Unhealthy);
    let last = watch.state.fleet.monitor(0, ctp()).unwrap().last().unwrap();
    assert!(
        last.error.as_deref().unwrap_or("").contains("refused"),
        "the error says what an engineer needs: {last:?}"
    );
    dovecot.start_again();
    watch.until(&runtime, "Healthy again", |a| a == AlertValue::Healthy);
}

fn check(path: &Path, format: &str) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(["check", "--format", format, "--inventory"])
        .arg(path)
        .env_remove("HEALTHDECK_INVENTORY")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_says_ok_for_a_healthy_fleet_and_critical_for_a_stopped_one() {
    let mut dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let path = inventory_timed(&dovecot, dir.path(), CHECKED, dovecot.imap_port(), "", "");

    let (code, out, err) = check(&path, "text");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("HEALTHDECK OK - 0/"), "{out}");
    assert!(out.contains(" | 'cas-01 ImapCTPProbe'="), "perfdata: {out}");

    let (code, json, _) = check(&path, "json");
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["exit"], 0);
    assert!(doc["checked_at"].as_str().unwrap().ends_with('Z'));
    let servers = doc["servers"].as_array().unwrap();
    assert_eq!(servers.len(), 2);
    let probe = &servers[0]["probes"][0];
    for field in [
        "health_set",
        "probe",
        "endpoint",
        "result",
        "error_kind",
        "error",
        "phases_ms",
    ] {
        assert!(probe.get(field).is_some(), "{field} missing: {probe}");
    }
    for phase in ["connect", "tls", "greeting", "login", "select", "logout"] {
        assert!(probe["phases_ms"].get(phase).is_some(), "{phase}: {probe}");
    }

    dovecot.stop();
    let (code, out, _) = check(&path, "text");
    assert_eq!(code, 2, "{out}");
    assert!(out.starts_with("HEALTHDECK CRITICAL - "), "{out}");
    assert!(out.contains("connection refused"), "{out}");
    let (code, json, _) = check(&path, "json");
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["servers"][0]["probes"][0]["error_kind"], "refused");

    for out in [out, json] {
        assert!(!out.contains(dovecot.password()), "the password leaked");
    }
}

#[test]
fn check_warns_of_a_server_slower_than_half_the_timeout() {
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    // A 4 s timeout puts WARNING at 2 s; a greeting held 2.5 s is over it by the delay alone
    // and under the timeout by 1.5 s, however slow the machine.
    let slow = Delay::GreetingOnly(Duration::from_millis(2500));
    let proxy = runtime.block_on(DelayProxy::start(dovecot.imap_port(), slow));
    let timing = "{ interval: 60s, timeout: 4s }";
    let path = inventory_timed(&dovecot, dir.path(), timing, proxy.port(), "", "");

    let (code, out, err) = check(&path, "text");
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.starts_with("HEALTHDECK WARNING - "), "{out}");
    let (code, json, _) = check(&path, "json");
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let slow_ones: Vec<_> = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|server| server["probes"].as_array().unwrap())
        .filter(|probe| probe["result"] == "slow")
        .collect();
    assert!(!slow_ones.is_empty(), "{json}");
    for probe in slow_ones {
        let endpoint = probe["endpoint"].as_str().unwrap();
        let through_the_proxy = format!("127.0.0.1:{} ", proxy.port());
        assert!(endpoint.starts_with(&through_the_proxy), "{probe}");
    }
    drop(proxy);
}

#[test]
fn check_is_unknown_without_an_inventory_or_with_a_bad_one() {
    let without_inventory = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .env_remove("HEALTHDECK_INVENTORY")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, said) = without_inventory(&["check"]);
    assert_eq!(code, Some(3));
    assert!(
        said.starts_with("HEALTHDECK UNKNOWN - no inventory"),
        "{said}"
    );
    // A language it does not know is a usage error, said the way a check says one.
    let (code, said) = without_inventory(&["--lang", "xx", "check"]);
    assert_eq!(code, Some(3));
    assert!(
        said.starts_with("HEALTHDECK UNKNOWN - --lang xx: unknown language"),
        "{said}"
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "servers:\n  - name: x;y\n    role: cas\n    site: A\n",
    )
    .unwrap();
    let (code, out, _) = check(&bad, "text");
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("bad.yaml:2:"), "file:line:col: {out}");
}

#[test]
fn check_under_a_low_open_file_limit_lowers_its_ceiling_and_says_so() {
    // 200 descriptors cannot hold 1,024 probes and the console's own files: the ceiling
    // comes down to what fits, and stderr says why; the verdict is still on stdout.
    let dir = tempfile::tempdir().unwrap();
    let fleet = dir.path().join("fleet.yaml");
    std::fs::write(
        &fleet,
        "name: lab\nservers:\n  - { name: mbx-01, role: mailbox, site: LAB, imap: [{ host: 127.0.0.1, port: 1, tls: none }] }\n",
    )
    .unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 200 && exec \"$0\" check --inventory \"$1\"")
        .arg(BIN)
        .arg(&fleet)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the open-file limit (200) allows 72 probes at once, not the ceiling of 1024"
        ),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("HEALTHDECK "));
}

/// The console without a terminal: the real scheduler and the real step runtime feeding
/// `update`, keys pressed by the test.
struct Live {
    state: AppState,
    rx: tokio::sync::mpsc::Receiver<Event>,
    steps: healthdeck::runtime::steps::Steps,
    clock: FleetClock,
    runtime: tokio::runtime::Runtime,
    records: Vec<healthdeck::incident::Entry>,
    /// Where the restart's lock and budget live.
    _state: tempfile::TempDir,
}

impl Live {
    fn effects(&mut self, effects: Vec<healthdeck::effect::Effect>) {
        use healthdeck::effect::Effect;
        for effect in effects {
            match effect {
                Effect::Start(job) => {
                    let _guard = self.runtime.enter();
                    self.steps.start(job);
                }
                Effect::Cancel(run) => self.steps.cancel(run),
                Effect::Record(entry) => self.records.push(entry),
                Effect::ReadBudget { server, service } => {
                    let _guard = self.runtime.enter();
                    self.steps.read_budget(server, service);
                }
                Effect::Quit(_)
                | Effect::Suspend
                | Effect::Detach(_)
                | Effect::Owe(_)
                | Effect::Settle { .. }
                | Effect::Theme(_)
                | Effect::Export
                | Effect::PollExchange(_)
                | Effect::Acknowledge(_)
                | Effect::Unacknowledge { .. }
                | Effect::Handover { .. } => {}
            }
        }
    }

    fn key(&mut self, code: crossterm::event::KeyCode) {
        let key = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
        let effects = update(&mut self.state, Event::Key(key));
        self.effects(effects);
        healthdeck::update::frame_drawn(&mut self.state);
    }

    fn until(&mut self, what: &str, want: impl Fn(&AppState) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !want(&self.state) {
            assert!(Instant::now() < deadline, "never {what}");
            let event = self.runtime.block_on(async {
                tokio::time::timeout(Duration::from_millis(100), self.rx.recv()).await
            });
            if let Ok(Some(event)) = event {
                if let Event::StepEnded { run, .. } = &event {
                    self.steps.ended(*run);
                }
                let effects = update(&mut self.state, event);
                self.effects(effects);
            }
            let effects = update(&mut self.state, Event::Tick(self.clock.now()));
            self.effects(effects);
        }
    }
}

impl Live {
    /// The console on `path`'s fleet, wired by the inventory itself.
    fn start(path: &Path) -> Live {
        let inventory = Inventory::load(path).unwrap();
        let probing = prober::prepare(&inventory).unwrap();
        let clock = FleetClock::new(1.0);
        // The inventory's own wiring: platform linux, `script` as restart_service.
        let mut state = console_on(&inventory, &probing, clock);
        update(
            &mut state,
            Event::Resize {
                width: 120,
                height: 36,
            },
        );
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (tx, rx) = tokio::sync::mpsc::channel(256);
        let tls = std::sync::Arc::clone(&probing.tls);
        let login = probing.credentials.clone();
        runtime.spawn(prober::run(
            probing.targets,
            probing.tls,
            probing.ceiling,
            clock,
            tx.clone(),
        ));
        let locks = tempfile::tempdir().unwrap();
        let rails = healthdeck::runtime::guarded::Guardrails {
            dir: locks.path().to_path_buf(),
            limits: healthdeck::exec::guardrails::Limits::default(),
        };
        let steps = healthdeck::runtime::steps::Steps::new(tx, clock, None, Some(tls))
            .with_guardrails(rails)
            .with_credentials(login);
        Live {
            state,
            rx,
            steps,
            clock,
            runtime,
            records: Vec::new(),
            _state: locks,
        }
    }
}

#[test]
fn a_probe_run_now_logs_in_though_the_state_holds_no_password() {
    use crossterm::event::KeyCode;
    let dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let mut live = Live::start(&inventory(&dovecot, dir.path()));
    // Views reach the state: no plan in it carries the login.
    assert!(!live.state.launch.probe_targets.is_empty());
    assert!(
        live.state
            .launch
            .probe_targets
            .iter()
            .all(|t| t.plan.credentials.is_none())
    );
    live.until("cas-01's CTP Healthy", |s| {
        alert(s, 0, "ImapCTPMonitor") == AlertValue::Healthy
    });
    // cas-01's IMAP cell, its CTP monitor (a login probe), run now.
    live.key(KeyCode::Enter);
    let ctp = live
        .state
        .drill_rows(0, healthdeck::health::HealthSet::Imap)
        .iter()
        .position(|r| *r == DrillRow::Probe(Monitor::ALL[0]))
        .unwrap();
    for _ in 0..ctp {
        live.key(KeyCode::Down);
    }
    live.key(KeyCode::Char('r'));
    live.until("the probe's result", |s| {
        s.view.flash.as_deref().is_some_and(|f| f.contains(": "))
    });
    let flash = live.state.view.flash.clone().unwrap();
    assert!(flash.ends_with(": Succeeded"), "{flash}");
}

fn alert(state: &AppState, server: usize, monitor: &str) -> AlertValue {
    let monitor = Monitor::ALL
        .into_iter()
        .find(|m| m.name() == monitor)
        .unwrap();
    state.fleet.monitor(server, monitor).unwrap().alert
}

#[test]
fn the_whole_loop_a_runbook_restarts_the_service_and_the_monitor_heals() {
    use crossterm::event::KeyCode;
    use healthdeck::update::runbook::Active;
    let mut dovecot = Dovecot::start();
    let dir = tempfile::tempdir().unwrap();
    let script = dovecot.restart_script();
    let commands = format!(
        "    commands:\n      restart_service: [{}]\n",
        script.display()
    );
    let path = inventory_with(&dovecot, dir.path(), "platform: linux\n", &commands);
    let mut live = Live::start(&path);

    live.until("cas-01's CTP Healthy", |s| {
        alert(s, 0, "ImapCTPMonitor") == AlertValue::Healthy
    });
    dovecot.stop();
    live.until("cas-01's CTP Unhealthy", |s| {
        alert(s, 0, "ImapCTPMonitor") == AlertValue::Unhealthy
    });

    // n, Enter, Enter: the CTP runbook of cas-01.
    live.key(KeyCode::Char('n'));
    live.key(KeyCode::Enter);
    live.key(KeyCode::Enter);
    let opened = live
        .state
        .runbook
        .as_ref()
        .map(|p| p.procedure.id().to_owned());
    assert_eq!(opened.as_deref(), Some("imap-ctp"));
    // Step by step until the service restart asks for the server's name. A Linux host has
    // no proxy component: its check has no command, and the engineer skips it.
    for _ in 0..10 {
        if live.state.view.prompt.is_some() {
            break;
        }
        let failed = live
            .state
            .runbook
            .as_ref()
            .and_then(|p| match p.walk.next() {
                healthdeck::runbook::Next::Failed(call, _) => Some(call.step.clone()),
                _ => None,
            });
        if let Some(step) = failed {
            assert_eq!(step, "check-component");
            live.key(KeyCode::Char('s'));
            continue;
        }
        live.key(KeyCode::Enter);
        live.until("the step to end", |s| {
            s.view.prompt.is_some() || s.runbook.as_ref().is_some_and(|p| p.active == Active::Idle)
        });
    }
    let Some(healthdeck::update::Prompt::Confirm { call, .. }) = live.state.view.prompt.clone()
    else {
        panic!("no confirmation: {:?}", live.records);
    };
    assert_eq!(
        call.action,
        healthdeck::runbook::RecoveryAction::RestartService
    );
    for c in "cas-01".chars() {
        live.key(KeyCode::Char(c));
    }
    live.key(KeyCode::Enter);
    live.until("the restart to end", |s| {
        s.runbook.as_ref().is_some_and(|p| p.active == Active::Idle)
    });
    // The re-run of the probe: Succeeded, and the runbook is over as resolved.
    live.key(KeyCode::Enter);
    live.until("the runbook to end", |s| {
        s.runbook.as_ref().is_some_and(|p| p.is_over())
    });
    let said = live
        .state
        .runbook
        .as_ref()
        .unwrap()
        .log
        .lines()
        .iter()
        .any(|l| l.text == "ResultType: Succeeded");
    assert!(said, "the re-run probe succeeded");
    live.until("cas-01's CTP Healthy again", |s| {
        alert(s, 0, "ImapCTPMonitor") == AlertValue::Healthy
    });
    dovecot.stop_daemon();
}
