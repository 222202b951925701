//! Exchange's own verdict in the real binary at 80×24: a stand-in `pwsh` answers the polls
//! from files (PowerShell cannot be installed here). ex-01's ImapCTPMonitor is Unhealthy as
//! Exchange says it, ex-02's session fails; the engineer reads the error in the drill-down,
//! Exchange's next answer says Healthy, and the record holds both transitions and the failure.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::exit_status;
use session::{launch, of_kind, read_record, records};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tmux::{Tmux, row};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

fn fixture(name: &str, to: &Path) {
    // Written whole, then renamed: a poll never reads half an answer.
    let part = to.with_extension("part");
    std::fs::copy(Path::new(FIXTURES).join(name), &part).unwrap();
    std::fs::rename(&part, to).unwrap();
}

fn fleet(dir: &Path) -> PathBuf {
    let program = dir.join("pwsh");
    std::fs::copy(Path::new(FIXTURES).join("pwsh"), &program).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    fixture("pwsh7-unhealthy.json", &dir.join("ex-01.json"));
    fixture("session.fail", &dir.join("ex-02.fail"));
    let text = format!(
        "name: exchange-lab\nplatform: exchange\npwsh: {{ program: {} }}\n\
         health:\n  managed_availability: {{ interval: 1s, timeout: 1s, in_flight: 2 }}\n\
         servers:\n  - {{ name: ex-01, role: both, site: DAG1 }}\n  \
         - {{ name: ex-02, role: both, site: DAG1 }}\n",
        program.display()
    );
    let path = dir.join("fleet.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn exchanges_verdict_opens_the_console_and_its_recovery_is_recorded() {
    let tmux = Tmux::start("exchange", 80, 24);
    let inventory = fleet(tmux.dir());
    launch(&tmux, &["--inventory", inventory.to_str().unwrap()]);
    let screen = tmux.wait_for("Exchange's verdict on both servers", |s| {
        row(s, "ex-01").is_some_and(|r| r.contains("UNHL"))
            && row(s, "ex-02").is_some_and(|r| r.contains("UNKN"))
    });
    assert!(screen.contains("PRODUCTION exchange-lab"), "{screen}");
    // ex-01's IMAP cell: Exchange's monitor, its source, its error.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the drill-down", |s| {
        s.contains("related health sets") && s.contains("Exchange answered")
    });
    assert!(screen.contains("Exchange answered"), "{screen}");
    let head = screen
        .lines()
        .find(|l| l.contains("ImapCTPMonitor"))
        .unwrap();
    assert!(
        head.contains("Unhealthy") && head.contains("Exchange"),
        "{head}"
    );
    assert!(screen.contains("Login failed"), "the error: {screen}");
    assert!(
        screen.contains("PrivateWorkingSetWarningThresholdMonitor"),
        "{screen}"
    );
    // Exchange's next answer: Healthy.
    fixture("pwsh7-healthy.json", &tmux.dir().join("ex-01.json"));
    tmux.wait_for("Healthy as Exchange says", |s| {
        s.lines().any(|l| {
            l.contains("ImapCTPMonitor") && l.contains("Healthy") && !l.contains("Unhealthy")
        })
    });
    // ex-02: Unknown, and why.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the grid", |s| s.contains("SERVER"));
    tmux.keys(&["Down", "Enter"]);
    let screen = tmux.wait_for("ex-02's drill-down", |s| s.contains("poll failed"));
    assert!(screen.contains("New-PSSession"), "{screen}");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the console to end", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("0"), "{screen}");
    let record = read_record(&records(&tmux)[0]);
    let changes: Vec<(String, String)> = of_kind(&record, "transition")
        .iter()
        .filter(|t| t["source"] == "exchange" && t["monitor"] == "ImapCTPMonitor")
        .map(|t| {
            (
                t["from"].as_str().unwrap().to_owned(),
                t["to"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("Unknown".into(), "Unhealthy".into()),
            ("Unhealthy".into(), "Healthy".into())
        ],
        "{record:?}"
    );
    let polls = of_kind(&record, "exchange_poll");
    assert!(
        polls.iter().any(|p| p["server"] == "ex-02"
            && p["state"] == "failed"
            && p["why"].as_str().unwrap().contains("WinRM")),
        "{polls:?}"
    );
}
