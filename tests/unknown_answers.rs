//! Unknown is never healthy: a reading step whose answer is empty, cut off or not JSON
//! establishes nothing. On an Exchange fleet through a stand-in `pwsh` whose
//! `Get-ServerHealth` prints what the test puts in a file: the health step fails with a note
//! saying why, and the walk takes no branch on it — neither "transient, stop" nor on.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::processes::run_processes;
use crossterm::event::KeyCode;
use healthdeck::command::transport::{PwshTarget, Transport};
use healthdeck::incident::Entry;
use healthdeck::runbook::platform::Platform;
use healthdeck::runbook::{Ending, Next, StepExit};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// `Get-ServerHealth` prints the file `health`; anything else prints nothing.
const STAND_IN: &str = "#!/bin/sh\n\
    case \"$*\" in *Get-ServerHealth*) cat \"$(dirname \"$0\")/health\" ;; esac\n";

const BAD_ANSWERS: [(&str, &str); 5] = [
    ("empty", ""),
    ("blank lines", "\r\n\r\n"),
    ("no monitor", "[]"),
    (
        "cut off",
        "[ { \"Name\": \"AverageCommandProcessingTimeGt60sMonitor\", \"Alert",
    ),
    ("not JSON", "WARNING: the remote session was closed"),
];

/// A training scenario's incident, on an Exchange fleet reached through the stand-in.
fn exchange_console(dir: &Path, scenario: &str) -> Console {
    let program = dir.join("pwsh");
    std::fs::write(&program, STAND_IN).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut console = Console::on(scenario, 120, 36);
    console.state.launch.platform = Platform::Exchange;
    for server in console.server_names() {
        let target = PwshTarget {
            session_host: server.clone(),
            program: program.display().to_string(),
        };
        let transport = Transport::Pwsh(target);
        console.state.launch.transports.insert(server, transport);
    }
    console
}

/// Opens the first Unhealthy monitor's runbook, answers its health with `answer`, and runs
/// the first step (the verification reads the monitor's health).
fn first_step_with(answer: &str, scenario: &str) -> Console {
    let dir = tempfile::tempdir().unwrap();
    let mut console = exchange_console(dir.path(), scenario);
    console.open_runbook();
    let pane = console.state.runbook.as_ref().unwrap();
    let answer = answer
        .replace("MONITOR", pane.monitor.name())
        .replace("SET", pane.monitor.health_set().name());
    std::fs::write(dir.path().join("health"), answer).unwrap();
    console.key(KeyCode::Enter);
    run_processes(&mut console, None);
    console
}

fn last_end(console: &Console) -> (String, Vec<String>, String) {
    console
        .records
        .iter()
        .rev()
        .find_map(|e| match e {
            Entry::StepEnded {
                exit, facts, note, ..
            } => Some((
                exit.clone(),
                facts.keys().cloned().collect(),
                note.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .unwrap()
}

#[test]
fn an_unreadable_health_answer_fails_the_step_where_a_healthy_one_would_stop_the_walk() {
    // The control: a readable Healthy answer stops the latency procedure as transient.
    let healthy = r#"[{ "Name": "MONITOR", "HealthSetName": "SET", "AlertValue": "Healthy" }]"#;
    let console = first_step_with(healthy, "pop-slow-commands");
    let pane = console.state.runbook.as_ref().unwrap();
    assert!(
        matches!(pane.walk.next(), Next::Done(o) if o.ending == Ending::Transient),
        "{:?}",
        console.log_texts()
    );
    for (what, answer) in BAD_ANSWERS {
        let console = first_step_with(answer, "pop-slow-commands");
        let pane = console.state.runbook.as_ref().unwrap();
        let failed = matches!(pane.walk.next(), Next::Failed(c, StepExit::Failed(None)) if c.step == "health-set");
        assert!(failed, "{what}: {:?}", console.log_texts());
        let (exit, facts, note) = last_end(&console);
        assert_eq!(exit, "failed", "{what}");
        assert!(
            facts.is_empty(),
            "{what}: nothing is established: {facts:?}"
        );
        assert!(note.contains("nothing was established"), "{what}: {note}");
        // Retry, skip or escalate is offered; the log says why.
        let flash = console.state.view.flash.clone().unwrap_or_default();
        assert!(flash.contains("Enter runs it again"), "{what}: {flash}");
        let said = console.log_texts().join("\n");
        assert!(said.contains("could not be read"), "{what}: {said}");
    }
}

#[test]
fn an_unreadable_health_answer_in_the_ctp_procedure_starts_nothing_after_it() {
    for (what, answer) in BAD_ANSWERS {
        let console = first_step_with(answer, "imap-backend-down");
        let kinds = console.kinds();
        assert_eq!(
            kinds,
            ["examined", "runbook_opened", "step_started", "step_ended"],
            "{what}: {:?}",
            console.log_texts()
        );
        assert_eq!(last_end(&console).0, "failed", "{what}");
    }
}

#[test]
fn a_linux_copies_check_whose_output_says_nothing_stops_the_walk_before_the_restart() {
    use common::processes::{calls, linux_console, stand_in};
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let mut console = linux_console(&script);
    // mbx-02's back-end procedure: the failover, then the check of the copies.
    console.key(KeyCode::Char('n'));
    console.key(KeyCode::Char('n'));
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    console.drawn();
    let mut failed = None;
    for _ in 0..30 {
        let pane = console.state.runbook.as_ref().unwrap();
        if let Next::Failed(call, _) = pane.walk.next() {
            if call.action.name() != "rerun_probe" {
                failed = Some(call.step.clone());
                break;
            }
            console.key(KeyCode::Char('s'));
            continue;
        }
        console.key(KeyCode::Enter);
        if let Some(healthdeck::update::Prompt::Confirm { call, .. }) =
            console.state.view.prompt.clone()
        {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        run_processes(&mut console, None);
    }
    assert_eq!(
        failed.as_deref(),
        Some("check-copies"),
        "{:?}",
        console.log_texts()
    );
    let said = console.log_texts().join("\n");
    assert!(said.contains("did not say no_active_copies"), "{said}");
    assert!(
        !calls(&log).iter().any(|c| c == "restart_server"),
        "the server was restarted on a check that said nothing: {:?}",
        calls(&log)
    );
}
