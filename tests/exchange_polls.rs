//! Real polls, as the console sends them: the script (golden), hostile names refused before
//! any script exists, and polls through a stand-in `pwsh` (PowerShell cannot be installed
//! here) that answers from fixture files as Windows PowerShell 5.1 or pwsh 7 would: an
//! answer, a failing session, garbage, nothing, and a hung poll its timeout stops.
#![allow(clippy::unwrap_used)]

use healthdeck::command::managed;
use healthdeck::health::AlertValue;
use healthdeck::runtime::exchange::{Poll, once};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

// ---- the script -------------------------------------------------------------------

#[test]
fn the_poll_script_is_exactly_this_and_needs_nothing_pwsh_7_alone_has() {
    let script = managed::script("ex-01", "ex-mgmt.contoso.com").unwrap();
    assert_eq!(script, fixture("poll-ex-01.ps1"));
    // Windows PowerShell 5.1 has neither; the script casts and wraps by itself.
    assert!(!script.contains("-EnumsAsStrings") && !script.contains("-AsArray"));
}

#[test]
fn hostile_names_are_refused_before_any_script_exists() {
    for name in [
        "ex-01'; Remove-Item C:\\ -Recurse; '",
        "ex 01",
        "ex-01$(whoami)",
        "",
        "-ex",
    ] {
        assert!(managed::script(name, "ex-mgmt").is_err(), "{name:?}");
        assert!(managed::script("ex-01", name).is_err(), "{name:?}");
    }
}

// ---- real polls through the stand-in -------------------------------------------------

/// The stand-in, copied beside the answers it serves.
fn stand_in(dir: &Path) -> PathBuf {
    let program = dir.join("pwsh");
    std::fs::copy(Path::new(FIXTURES).join("pwsh"), &program).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    program
}

/// `fixture` as the stand-in's answer for `server`.
fn answer(dir: &Path, fixture: &str, server: &str) {
    let kind = Path::new(fixture).extension().unwrap().to_str().unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join(fixture),
        dir.join(format!("{server}.{kind}")),
    )
    .unwrap();
}

/// A pwsh that runs `before` (shell lines), then the stand-in.
fn wrapped(dir: &Path, name: &str, before: &str, program: &Path) -> PathBuf {
    let path = dir.join(name);
    let text = format!("#!/bin/sh\n{before}\nexec '{}' \"$@\"\n", program.display());
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn poll(program: &Path, server: &str) -> Poll {
    Poll {
        server: 0,
        name: server.to_owned(),
        session_host: "ex-mgmt".to_owned(),
        program: program.display().to_string(),
    }
}

#[tokio::test]
async fn real_polls_answer_fail_hang_and_garble_as_the_stand_in_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let program = stand_in(dir.path());
    answer(dir.path(), "pwsh7-unhealthy.json", "ex-01");
    answer(dir.path(), "session.fail", "ex-02");
    answer(dir.path(), "garbage.json", "ex-03");
    answer(dir.path(), "empty.json", "ex-04");
    nix::unistd::mkfifo(
        &dir.path().join("ex-05.hang"),
        nix::sys::stat::Mode::S_IRWXU,
    )
    .unwrap();
    let long = Duration::from_secs(60);
    let ok = once(&poll(&program, "ex-01"), long).await.unwrap().unwrap();
    assert_eq!(ok.monitors[0].alert, AlertValue::Unhealthy);
    let failed = once(&poll(&program, "ex-02"), long).await.unwrap_err();
    assert!(
        failed.starts_with("the poll failed (exit 1): New-PSSession"),
        "{failed}"
    );
    let garbage = once(&poll(&program, "ex-03"), long).await.unwrap_err();
    assert!(
        garbage.starts_with("Exchange's answer is not JSON"),
        "{garbage}"
    );
    assert_eq!(once(&poll(&program, "ex-04"), long).await.unwrap(), None);
    // Nobody ever opens the fifo for writing: the poll hangs until its timeout stops it.
    let hung = once(&poll(&program, "ex-05"), Duration::from_millis(300))
        .await
        .unwrap_err();
    assert!(hung.starts_with("no answer within"), "{hung}");
    // A name no script takes never reaches pwsh.
    let hostile = once(&poll(&program, "ex-06'; Stop-Computer; '"), long)
        .await
        .unwrap_err();
    assert!(hostile.starts_with("no poll: "), "{hostile}");
    let calls = std::fs::read_to_string(dir.path().join("calls")).unwrap();
    assert_eq!(
        calls.lines().collect::<Vec<_>>(),
        ["ex-01", "ex-02", "ex-03", "ex-04", "ex-05"]
    );
}

#[tokio::test]
async fn windows_powershell_5_1_runs_the_poll_but_not_a_pwsh_7_only_parameter() {
    let dir = tempfile::tempdir().unwrap();
    let program = stand_in(dir.path());
    answer(dir.path(), "ps51-raw.json", "ex-01");
    // The stand-in plays 5.1 when its caller says so (no variable: tests run in parallel).
    let desktop = wrapped(
        dir.path(),
        "pwsh51",
        "export PWSH_EDITION=Desktop",
        &program,
    );
    let read = once(&poll(&desktop, "ex-01"), Duration::from_secs(60))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.monitors.len(), 4);
    // A step script with a pwsh 7 parameter fails there as 5.1 fails on it.
    let mut script = managed::script("ex-01", "ex-mgmt").unwrap();
    script.push_str("\nGet-Date | ConvertTo-Json -EnumsAsStrings");
    let out = std::process::Command::new(&desktop)
        .args(["-NoProfile", "-NonInteractive", "-Command", &script])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("'EnumsAsStrings'"), "{said}");
}

#[tokio::test]
async fn a_poll_asked_for_now_comes_before_its_interval() {
    use healthdeck::event::Event;
    use healthdeck::runtime::FleetClock;
    use healthdeck::runtime::exchange::{Polling, run};
    let dir = tempfile::tempdir().unwrap();
    let program = stand_in(dir.path());
    answer(dir.path(), "pwsh7-healthy.json", "ex-01");
    let polling = Polling {
        polls: vec![poll(&program, "ex-01")],
        // Far longer than the test may take: a second poll can only come from the asking.
        interval: Duration::from_secs(3_600),
        timeout: Duration::from_secs(60),
        in_flight: 2,
        note: None,
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let (ask, asked) = tokio::sync::mpsc::channel(8);
    let poller = tokio::spawn(run(polling, FleetClock::new(1.0), tx, asked));
    let deadline = Duration::from_secs(60);
    let first = tokio::time::timeout(deadline, rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(&first, Event::Exchange(r) if r.len() == 1 && r[0].answer.is_ok()));
    ask.send(0).await.unwrap();
    let second = tokio::time::timeout(deadline, rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(&second, Event::Exchange(r) if r[0].server == 0));
    let calls = std::fs::read_to_string(dir.path().join("calls")).unwrap();
    assert_eq!(calls.lines().count(), 2, "{calls}");
    poller.abort();
}

#[tokio::test]
async fn a_pwsh_that_warns_by_the_hundred_is_drained_and_its_answer_read() {
    let dir = tempfile::tempdir().unwrap();
    let program = stand_in(dir.path());
    answer(dir.path(), "pwsh7-healthy.json", "ex-01");
    // 2,000 warnings (some 150 KiB) on stderr before the answer: far past what is kept.
    let warn = "i=0; while [ $i -lt 2000 ]; do echo \"WARNING: The names of some imported \
                commands include unapproved verbs ($i)\" >&2; i=$((i+1)); done";
    let chatty = wrapped(dir.path(), "chatty", warn, &program);
    let read = once(&poll(&chatty, "ex-01"), Duration::from_secs(60)).await;
    assert_eq!(read.unwrap().unwrap().monitors.len(), 9);
    // Failing after the warnings: the reason is its last words, not the first warning.
    answer(dir.path(), "session.fail", "ex-02");
    let failed = once(&poll(&chatty, "ex-02"), Duration::from_secs(60))
        .await
        .unwrap_err();
    assert!(failed.contains("WinRM cannot complete"), "{failed}");
}
