//! Exchange steps through the pwsh transport, from the runbook pane to the process: a
//! stand-in `pwsh` (the inventory's `pwsh.program`) records what it received. The step's
//! argv reaches it exactly, the guards run nothing through it, and a value no remote shell
//! may receive is refused before any process starts.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::processes::{next_step, run_processes, walk_through};
use healthdeck::command::transport::{PwshTarget, SshTarget, Transport};
use healthdeck::incident::Entry;
use healthdeck::job::Work;
use healthdeck::runbook::platform::Platform;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Appends a line per call to `calls`, and writes the last call's arguments, each
/// followed by NUL (a script holds newlines), to `argv`.
const STAND_IN: &str = "#!/bin/sh\n\
    dir=\"$(dirname \"$0\")\"\n\
    echo call >> \"$dir/calls\"\n\
    : > \"$dir/argv\"\n\
    for arg in \"$@\"; do printf '%s\\0' \"$arg\" >> \"$dir/argv\"; done\n";

fn stand_in(dir: &Path) -> PathBuf {
    let program = dir.join("pwsh");
    std::fs::write(&program, STAND_IN).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    program
}

fn calls(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("calls")).map_or(0, |text| text.lines().count())
}

/// The incident on an Exchange fleet reached by PowerShell remoting through `program`.
fn exchange_console(program: &Path, transport: impl Fn(&str) -> Transport) -> Console {
    let mut console = Console::stubborn_incident(120, 36);
    console.state.launch.platform = Platform::Exchange;
    for server in console.server_names() {
        let mut chosen = transport(&server);
        if let Transport::Pwsh(target) = &mut chosen {
            target.program = program.display().to_string();
        }
        console.state.launch.transports.insert(server, chosen);
    }
    console
}

fn pwsh(server: &str) -> Transport {
    Transport::Pwsh(PwshTarget {
        session_host: server.to_owned(),
        program: String::new(),
    })
}

/// Enter until a step starts a process; its argv.
fn first_process(console: &mut Console) -> Vec<String> {
    for _ in 0..20 {
        next_step(console);
        if let Some(Work::Process { argv, .. }) = console.started.last().map(|j| j.work.clone()) {
            return argv;
        }
        run_processes(console, None);
    }
    panic!("no step started a process: {:?}", console.kinds());
}

#[test]
fn a_step_reaches_pwsh_as_the_exact_argv_built_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let program = stand_in(dir.path());
    let mut console = exchange_console(&program, pwsh);
    console.open_runbook();
    let argv = first_process(&mut console);
    assert_eq!(argv[0], program.display().to_string());
    assert_eq!(argv[1..4], ["-NoProfile", "-NonInteractive", "-Command"]);
    assert_eq!(argv.len(), 5, "the script is one argument: {argv:?}");
    let script = &argv[4];
    assert!(
        script.starts_with("$ErrorActionPreference = 'Stop'"),
        "{script}"
    );
    assert!(
        script.contains("exit 1"),
        "an error exits non-zero: {script}"
    );
    run_processes(&mut console, None);

    assert_eq!(calls(dir.path()), 1);
    let received = std::fs::read(dir.path().join("argv")).unwrap();
    let received: Vec<&[u8]> = received
        .strip_suffix(&[0])
        .unwrap()
        .split(|&b| b == 0)
        .collect();
    let sent: Vec<&[u8]> = argv[1..].iter().map(String::as_bytes).collect();
    assert_eq!(received, sent, "byte for byte, no shell between");
}

#[test]
fn dry_run_runs_nothing_and_read_only_only_reads_through_pwsh() {
    for guard in ["dry-run", "read-only"] {
        let dir = tempfile::tempdir().unwrap();
        let program = stand_in(dir.path());
        let mut console = exchange_console(&program, pwsh);
        console.state.launch.banner.dry_run = guard == "dry-run";
        console.state.launch.banner.read_only = guard == "read-only";
        console.open_runbook();
        walk_through(&mut console);
        let changed = console.records.iter().any(|e| {
            matches!(e, Entry::StepStarted { action, .. } if CHANGING.contains(&action.as_str()))
        });
        assert!(!changed, "{guard} ran a step that changes a server");
        let started = console
            .started
            .iter()
            .any(|job| matches!(&job.work, Work::Process { .. }));
        if guard == "dry-run" {
            assert_eq!(calls(dir.path()), 0, "{guard} ran pwsh");
            assert!(!started, "{guard} started a process");
        } else {
            // Reads go to Exchange: Get-ServerHealth runs read-only.
            assert!(started && calls(dir.path()) > 0, "read-only read nothing");
        }
    }
}

/// Actions that change a server: never run under dry-run or read-only.
const CHANGING: [&str; 7] = [
    "restart_service",
    "failover_databases",
    "set_protocol_logging",
    "restart_server",
    "reenable_activation",
    "rebalance_databases",
    "set_component_active",
];

#[test]
fn injection_through_a_host_is_refused_before_any_process_starts() {
    let hostile: [(&str, Transport); 4] = [
        ("a `;`", session("ex-01; Restart-Computer")),
        ("a `$(…)`", session("$(Stop-Service MSExchangeIMAP4)")),
        ("a look-alike", session("ex-01\u{ff1b}reboot")),
        (
            "an ssh option",
            Transport::Ssh(SshTarget {
                host: "-oProxyCommand=touch /tmp/pwned".to_owned(),
                user: None,
                port: None,
                config: None,
                control_dir: None,
            }),
        ),
    ];
    for (what, transport) in hostile {
        let dir = tempfile::tempdir().unwrap();
        let program = stand_in(dir.path());
        let mut console = exchange_console(&program, |_| transport.clone());
        if what == "an ssh option" {
            console.state.launch.platform = Platform::Linux;
        }
        console.open_runbook();
        walk_through(&mut console);
        assert_eq!(calls(dir.path()), 0, "{what}: pwsh ran");
        let started = console
            .started
            .iter()
            .any(|job| matches!(&job.work, Work::Process { .. }));
        assert!(!started, "{what}: a process started");
        let refused = console
            .log_texts()
            .iter()
            .any(|l| l.contains("refused before anything ran"));
        assert!(
            refused,
            "{what}: the pane says why: {:?}",
            console.log_texts()
        );
    }
}

fn session(host: &str) -> Transport {
    Transport::Pwsh(PwshTarget {
        session_host: host.to_owned(),
        program: String::new(),
    })
}
