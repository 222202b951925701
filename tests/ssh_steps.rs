//! The ssh transport against a real OpenSSH server on 127.0.0.1: a step runs remotely and
//! streams, exit codes come back, what the remote shell receives is quoted, an unreachable
//! host fails with a clear error, and the guards run nothing through it.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "support/sshd.rs"]
mod sshd;

use common::pane::Console;
use common::processes::{calls, linux_console, run_processes, stand_in, walk_through};
use healthdeck::command::transport::{SshTarget, Transport};
use healthdeck::event::Event;
use healthdeck::job::{JobEnd, OutputLine, RunId, Stream};
use healthdeck::runbook::StepExit;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::runner::run_process;
use sshd::Sshd;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::timeout;

/// A hung connection must fail the test, not hang it.
const PATIENCE: Duration = Duration::from_secs(60);

fn target(sshd: &Sshd, control_dir: Option<PathBuf>) -> SshTarget {
    SshTarget {
        host: sshd::HOST.to_owned(),
        user: None,
        port: None,
        config: Some(sshd.client_config()),
        control_dir,
    }
}

fn words(argv: &[&str]) -> Vec<String> {
    argv.iter().map(|w| (*w).to_owned()).collect()
}

/// Runs `remote` on the target through the step runner: every line, and the end.
fn run(target: &SshTarget, remote: &[&str]) -> (Vec<OutputLine>, JobEnd) {
    let argv = target.argv(&words(remote)).unwrap();
    assert_eq!(argv[0], "ssh");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let (tx, mut events) = mpsc::channel(64);
        let (_cancel, cancel_rx) = oneshot::channel();
        let limit = Duration::from_secs(30);
        let clock = FleetClock::new(1.0);
        tokio::spawn(run_process(RunId(1), argv, limit, clock, cancel_rx, tx));
        let mut lines = Vec::new();
        loop {
            match timeout(PATIENCE, events.recv()).await.unwrap() {
                Some(Event::StepOutput { lines: batch, .. }) => lines.extend(batch),
                Some(Event::StepEnded { end, .. }) => return (lines, end),
                other => panic!("unexpected {other:?}"),
            }
        }
    })
}

fn texts(lines: &[OutputLine], stream: Stream) -> Vec<&str> {
    lines
        .iter()
        .filter(|l| l.stream == stream)
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn a_remote_command_streams_both_outputs_and_its_exit_code() {
    let sshd = Sshd::start();
    let script = "echo one; echo two >&2; echo three; exit 3";
    let (lines, end) = run(&target(&sshd, None), &["sh", "-c", script]);
    assert_eq!(texts(&lines, Stream::Stdout), ["one", "three"]);
    assert_eq!(texts(&lines, Stream::Stderr), ["two"]);
    assert_eq!(end.exit, StepExit::Failed(Some(3)));
    let (_, end) = run(&target(&sshd, None), &["true"]);
    assert_eq!(end.exit, StepExit::Succeeded);
}

#[test]
fn the_remote_shell_receives_every_word_literally() {
    let sshd = Sshd::start();
    let marker = sshd.dir().join("injected");
    let m = marker.display();
    let nasty = [
        format!("$(touch {m})"),
        format!("`touch {m}`"),
        format!("; touch {m}"),
        format!("' ; touch {m}; '"),
        format!("\" ; touch {m}; \""),
        format!("a\ntouch {m}"),
        format!("&& touch {m} |"),
        "ＭＢＸ；reboot ’x’".to_owned(),
        String::new(),
    ];
    let mut remote = vec!["printf", "[%s]\\n"];
    remote.extend(nasty.iter().map(String::as_str));
    let (lines, end) = run(&target(&sshd, None), &remote);
    assert_eq!(end.exit, StepExit::Succeeded, "{lines:?}");
    let expected: Vec<String> = nasty.iter().map(|w| format!("[{w}]")).collect();
    let got = texts(&lines, Stream::Stdout).join("\n");
    let expected = expected.join("\n");
    assert_eq!(got, expected);
    assert!(!marker.exists(), "a word reached the remote shell unquoted");
}

#[test]
fn an_unreachable_host_fails_with_a_clear_error() {
    let sshd = Sshd::start();
    let mut target = target(&sshd, None);
    // Nobody listens there (the server's own port is the one that answers).
    target.host = "127.0.0.1".to_owned();
    target.port = Some(sshd::free_port());
    let (lines, end) = run(&target, &["true"]);
    assert_eq!(end.exit, StepExit::Failed(Some(255)));
    let said = texts(&lines, Stream::Stderr).join("\n");
    assert!(said.contains("Connection refused"), "{said}");
}

#[test]
fn master_connections_are_reused_and_do_not_hold_the_step_open() {
    let sshd = Sshd::start();
    let control = sshd.dir().join("ssh");
    std::fs::create_dir_all(&control).unwrap();
    let target = target(&sshd, Some(control.clone()));
    for n in 0..3 {
        let (lines, end) = run(&target, &["echo", &format!("run {n}")]);
        assert_eq!(end.exit, StepExit::Succeeded, "{lines:?}");
        assert_eq!(texts(&lines, Stream::Stdout), [format!("run {n}")]);
        // Output held open by the background master would run into the 30 s limit.
        assert!(end.note.is_none(), "{:?}", end.note);
    }
    let sockets = std::fs::read_dir(&control).unwrap().count();
    assert_eq!(sockets, 1, "one master connection kept for the next step");
    let exit = std::process::Command::new("ssh")
        .args(["-F", &sshd.client_config().display().to_string()])
        .args(["-o", &format!("ControlPath={}/%C", control.display())])
        .args(["-O", "exit", sshd::HOST])
        .output()
        .unwrap();
    assert!(exit.status.success(), "{exit:?}");
}

/// The incident on a Linux fleet whose servers are reached over ssh, each action the
/// stand-in (which runs on the "remote" side, this same machine).
fn ssh_console(sshd: &Sshd, script: &Path) -> Console {
    let mut console = linux_console(script);
    for server in console.server_names() {
        let transport = Transport::Ssh(target(sshd, None));
        console.state.launch.transports.insert(server, transport);
    }
    console
}

#[test]
fn a_runbook_step_runs_over_ssh() {
    let sshd = Sshd::start();
    let (script, log) = stand_in(sshd.dir());
    let mut console = ssh_console(&sshd, &script);
    console.open_runbook();
    walk_through(&mut console);
    let calls = calls(&log);
    assert!(calls.contains(&"restart_service".to_owned()), "{calls:?}");
    let through_ssh = console.started.iter().any(
        |job| matches!(&job.work, healthdeck::job::Work::Process { argv, .. } if argv[0] == "ssh"),
    );
    assert!(through_ssh, "the step's argv is ssh's");
    let output = console
        .log_texts()
        .iter()
        .any(|l| l == "stand-in ran: restart_service");
    assert!(output, "the remote output reached the panel");
}

#[test]
fn dry_run_runs_nothing_and_read_only_only_reads_over_ssh() {
    let sshd = Sshd::start();
    for guard in ["dry-run", "read-only"] {
        let dir = tempfile::tempdir().unwrap();
        let (script, log) = stand_in(dir.path());
        let mut console = ssh_console(&sshd, &script);
        console.state.launch.banner.dry_run = guard == "dry-run";
        console.state.launch.banner.read_only = guard == "read-only";
        console.open_runbook();
        walk_through(&mut console);
        run_processes(&mut console, None);
        if guard == "dry-run" {
            assert!(!log.exists(), "{guard} ran {:?}", calls(&log));
            let ssh_started = console.started.iter().any(|job| {
                matches!(&job.work, healthdeck::job::Work::Process { argv, .. } if argv[0] == "ssh")
            });
            assert!(!ssh_started, "{guard} started ssh");
        } else {
            // Only reading commands reached the server (the stand-in logs each action).
            let reads = [
                "check_active_copies",
                "get_protocol_log_location",
                "check_component_state",
            ];
            let ran = calls(&log);
            assert!(
                ran.iter().all(|c| reads.contains(&c.as_str())),
                "read-only changed a server: {ran:?}"
            );
        }
    }
}
