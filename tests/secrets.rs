//! The probe password appears nowhere (ARCHITECTURE "Non-negotiables" 4): not on screen, not in
//! stdout or stderr, not in the tracing log at debug level, not in the incident record, not
//! in a step command's argv or environment — neither plain nor base64 (as AUTHENTICATE
//! PLAIN would carry it). The whole binary runs in tmux on a real Dovecot, and a runbook
//! step runs a stand-in that dumps what it received.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling

#[path = "support/dovecot.rs"]
mod dovecot;
#[path = "support/lab.rs"]
mod lab;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // this test uses a few of its helpers
mod tmux;

use dovecot::Dovecot;
use lab::{PROMPT, enter_and_wait};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use tmux::{Tmux, quote, row};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");

/// Every form the password could leak in.
fn forms(user: &str, password: &str) -> Vec<String> {
    let plain = format!("\0{user}\0{password}");
    vec![
        password.to_owned(),
        base64(password.as_bytes()),
        base64(plain.as_bytes()),
        base64(format!("{user}\0{password}").as_bytes()),
    ]
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn assert_clean(what: &str, text: &str, forms: &[String]) {
    for form in forms {
        assert!(
            !text.contains(form.as_str()),
            "the password leaked into {what}"
        );
    }
}

/// A Linux fleet on the Dovecot whose service restart is `stand_in`; credentials from the
/// environment.
fn write_inventory(dir: &Path, dovecot: &Dovecot, stand_in: &Path) -> std::path::PathBuf {
    let endpoints = format!(
        "    commands: {{ restart_service: [{}] }}\n    imap:\n      - {{ host: 127.0.0.1, port: {}, tls: none }}\n      - {{ host: 127.0.0.1, port: {}, tls: implicit, server_name: localhost }}\n",
        stand_in.display(),
        dovecot.imap_port(),
        dovecot.imaps_port()
    );
    let inventory = dir.join("fleet.yaml");
    std::fs::write(
        &inventory,
        format!(
            "name: secrets\nplatform: linux\ncredentials:\n  user: {{ env: HEALTHDECK_PROBE_USER }}\n  password: {{ env: HEALTHDECK_PROBE_PASSWORD }}\nca: {}\nprobes: {{ interval: 1s, timeout: 1s }}\nservers:\n  - name: cas-01\n    role: cas\n    site: LAB\n    monitoring_mailbox: mbx-01\n{endpoints}  - name: mbx-01\n    role: mailbox\n    site: LAB\n{endpoints}rules:\n  ImapCTPMonitor: {{ degraded_for: 2s }}\n",
            dovecot.ca_path().display()
        ),
    )
    .unwrap();
    inventory
}

#[test]
fn the_password_shows_nowhere() {
    let mut dovecot = Dovecot::start();
    let tmux = Tmux::start("secrets", 120, 36);
    let dir = tmux.dir();
    // A step command that dumps its argv and environment.
    let dump = dir.join("dump");
    let stand_in = dir.join("stand-in");
    std::fs::write(
        &stand_in,
        format!(
            "#!/bin/sh\n{{ echo \"$0 $*\"; env; }} > '{}'\necho restarted\n",
            dump.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&stand_in, std::fs::Permissions::from_mode(0o755)).unwrap();
    let inventory = write_inventory(dir, &dovecot, &stand_in);
    let (user, password) = (dovecot.user(), dovecot.password());
    let out = dir.join("out");
    // The password goes in through a script, so the pane never shows it typed.
    let run = dir.join("run.sh");
    std::fs::write(
        &run,
        format!(
            "#!/bin/sh\nexport HEALTHDECK_LOG=debug HEALTHDECK_PROBE_USER={} HEALTHDECK_PROBE_PASSWORD={}\nexec {} --inventory {} 2>{}\n",
            quote(user),
            quote(password),
            quote(BIN),
            quote(&inventory.display().to_string()),
            quote(&out.display().to_string())
        ),
    )
    .unwrap();
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    tmux.shell(&format!(
        "{}; echo EXIT=$?",
        quote(&run.display().to_string())
    ));
    tmux.wait_for("cas-01 healthy", |s| {
        row(s, "cas-01").is_some_and(|r| r.contains("Healthy") || r.contains("OK"))
    });
    dovecot.stop();
    tmux.wait_for("cas-01 unhealthy", |s| {
        row(s, "cas-01").is_some_and(|r| r.contains("UNHL") || r.contains("Unhealthy"))
    });
    tmux.keys(&["n"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the runbook", |s| s.contains("recovery"));
    // Step by step to the service restart, confirmed: the stand-in runs. Each Enter waits
    // for its step to end, never for a fixed time. The proxy component's check has no
    // command on Linux: it fails, and is skipped as an engineer would.
    for _ in 0..12 {
        let screen = tmux.wait_for("a step ready", |s| {
            s.contains(PROMPT) || s.contains("▸ next") || s.contains("›✖ failed")
        });
        if screen.contains(PROMPT) {
            tmux.type_text("cas-01");
            tmux.keys(&["Enter"]);
            break;
        }
        if screen.contains("›✖ failed") {
            tmux.keys(&["s"]);
            tmux.wait_for("the skip", |s| s.contains("▸ next") || s.contains(PROMPT));
            continue;
        }
        enter_and_wait(&tmux, &screen);
    }
    tmux.wait_for("the stand-in to run", |_| dump.exists());
    let screen = tmux.screen();
    tmux.keys(&["Escape", "q"]);
    let end = tmux.wait_for("the console to exit", |s| s.contains("EXIT="));

    let forms = forms(user, password);
    assert_clean("the screen", &screen, &forms);
    assert_clean("the screen after exit (stdout)", &end, &forms);
    assert_clean("stderr", &std::fs::read_to_string(&out).unwrap(), &forms);
    let state = dir.join("state/healthdeck");
    let log = std::fs::read_to_string(state.join("healthdeck.log")).unwrap();
    assert!(
        log.contains("DEBUG") || log.contains("INFO"),
        "the log was written"
    );
    assert_clean("the tracing log", &log, &forms);
    let records: Vec<_> = std::fs::read_dir(state.join("incidents"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(records.len(), 1, "one console, one record: {records:?}");
    for record in records {
        let text = std::fs::read_to_string(record).unwrap();
        assert!(text.contains("rerun_probe"), "the record holds the session");
        assert_clean("the incident record", &text, &forms);
    }
    let dumped = std::fs::read_to_string(&dump).unwrap();
    // The dump is the step's own: its argv first, then an environment to search.
    let argv = dumped.lines().next().unwrap_or_default();
    assert_eq!(argv.trim_end(), stand_in.display().to_string(), "{dumped}");
    assert!(dumped.lines().any(|l| l.starts_with("PATH=")), "{dumped}");
    assert_clean("the step's argv and environment", &dumped, &forms);
    assert!(
        !dumped.contains("HEALTHDECK_PROBE_"),
        "probe variables are not inherited"
    );
}
