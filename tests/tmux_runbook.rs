//! The runbook pane end to end: the whole binary in tmux on the training fleet, driven with
//! keys as an on-call engineer would (n, Enter, Enter, Enter …), read back from the screen
//! and from the incident record it leaves. Every wait polls `capture-pane` until the screen
//! shows a state; nothing asserts on time.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use session::{BIN, ENGINEER, kinds, launch, of_kind, read_record, records, state_dir};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::{Tmux, cursor_row, row, server_of, wait_for_line};

/// A fast training clock: monitors turn Unhealthy within seconds, steps take fractions of one.
const FAST: &str = "60";
/// As long as a screen may take to show what we wait for (as `Tmux::wait_for`).
const DEADLINE: Duration = Duration::from_secs(60);
/// The runbook `n` lands on first: cas-02's IMAP (CTP) health set.
const CTP_TITLE: &str = "ImapCTPMonitor recovery";
/// The runbook of mbx-02's IMAP.Protocol health set.
const DEEP_TITLE: &str = "ImapDeepTestMonitor and ImapSelfTestMonitor recovery";

// ---------------------------------------------------------------------------------------
// Starting the console.

/// The default scenario with a fault only a server restart heals: the runbook goes all the
/// way to its destructive steps (failover, then restart).
fn stubborn_scenario(dir: &Path) -> PathBuf {
    let text = include_str!("../scenarios/imap-backend-down.yaml");
    assert!(text.contains("healed_by: restart_service"), "{text}");
    let path = dir.join("stubborn.yaml");
    let text = text.replace("healed_by: restart_service", "healed_by: restart_server");
    std::fs::write(&path, text).unwrap();
    path
}

// ---------------------------------------------------------------------------------------
// Reading the grid.

fn unhealthy(screen: &str, server: &str) -> bool {
    row(screen, server).is_some_and(|r| r.contains("UNHL") || r.contains("Unhealthy"))
}

/// Words of a line with the column each starts at.
fn words(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut word: Option<(usize, String)> = None;
    for (col, ch) in line.chars().enumerate() {
        if ch == ' ' || ch == '│' {
            out.extend(word.take());
        } else {
            word.get_or_insert_with(|| (col, String::new())).1.push(ch);
        }
    }
    out.extend(word);
    out
}

/// The cell of `server` under the column `set` (`IMAP.Protocol`, wrapped or not in the
/// header), as drawn: `✓OK`, `✖UNHL`, `✓`, …
fn cell(screen: &str, server: &str, set: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines.iter().position(|l| l.contains("SERVER "))?;
    let top = words(lines[at]);
    let below = lines.get(at + 1).map(|l| words(l)).unwrap_or_default();
    let col = top.iter().find_map(|(col, word)| {
        let tail = below.iter().find(|w| w.0 == *col).map(|w| w.1.as_str());
        let whole = match tail {
            Some(tail) if word.ends_with('.') => format!("{word}{tail}"),
            _ => word.clone(),
        };
        (whole == set).then_some(*col)
    })?;
    words(row(screen, server)?)
        .into_iter()
        .find(|w| w.0 == col)
        .map(|w| w.1)
}

// ---------------------------------------------------------------------------------------
// Reading the runbook pane (beside the grid at 120 columns, instead of it below).

/// The pane's part of a screen line: after the grid's `│` when the grid is beside it.
fn pane_part(line: &str) -> &str {
    if log_line(line).is_some() {
        return line;
    }
    line.split_once('│').map_or(line, |(_, pane)| pane)
}

/// A log panel line: `HH:MM:SS m text`, `m` being ` ` (stdout), `!` (stderr), `·` (a note).
fn log_line(line: &str) -> Option<(char, &str)> {
    let line = line.trim_start();
    let stamp = line.get(..8)?;
    let is_stamp = stamp.bytes().enumerate().all(|(i, b)| match i {
        2 | 5 => b == b':',
        _ => b.is_ascii_digit(),
    });
    if !is_stamp {
        return None;
    }
    let mut rest = line[8..].chars();
    let (space, mark, after) = (rest.next()?, rest.next()?, rest.next()?);
    (space == ' ' && after == ' ').then_some((mark, rest.as_str()))
}

/// The log lines a screen shows, top to bottom.
fn log_lines(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(pane_part)
        .filter(|l| log_line(l).is_some())
        .map(|l| l.trim().to_owned())
        .collect()
}

const STATES: [&str; 11] = [
    "next",
    "running",
    "done",
    "ran",
    "failed",
    "skipped",
    "confirm",
    "call",
    "back",
    "pending",
    "cancelled",
];

/// The step rows a screen shows: (state word, step title), top to bottom.
fn steps(screen: &str) -> Vec<(String, String)> {
    screen
        .lines()
        .filter_map(|line| {
            let pane = pane_part(line);
            if log_line(pane).is_some() {
                return None;
            }
            let mut fields = pane.split("  ").map(str::trim).filter(|f| !f.is_empty());
            let state = fields.next()?.split_whitespace().last()?;
            let title = fields.next()?;
            STATES
                .contains(&state)
                .then(|| (state.to_owned(), title.to_owned()))
        })
        .collect()
}

/// The state of the first row titled `title`.
fn state_of(screen: &str, title: &str) -> Option<String> {
    steps(screen)
        .into_iter()
        .find(|(_, t)| t == title)
        .map(|(state, _)| state)
}

/// The confirmation prompt's text, its lines joined, when it is open.
fn prompt(screen: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("confirm a destructive step"))?;
    let mut text = String::new();
    for line in &lines[top + 1..] {
        let inner = pane_part(line).trim();
        if inner.starts_with('└') {
            break;
        }
        let inner = inner.trim_start_matches('│').trim_end_matches('│').trim();
        text.push(' ');
        text.push_str(inner);
    }
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Polls like `Tmux::wait_for`, more often, and hands every screen seen on the way to `seen`:
/// the log scrolls while a step prints, and a line on screen for a moment still counts.
#[track_caller]
fn watch(
    tmux: &Tmux,
    what: &str,
    mut seen: impl FnMut(&str),
    ready: impl Fn(&str) -> bool,
) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        seen(&screen);
        if ready(&screen) {
            return screen;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "timed out waiting for {what}; last screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Presses Enter on the `next` row titled `title` and watches the step run until its row is
/// no longer `next` or `running`. Returns the last screen and every log line seen meanwhile,
/// oldest first, each once.
#[track_caller]
fn run_step(tmux: &Tmux, title: &str) -> (String, Vec<String>) {
    let screen = tmux.screen();
    assert_eq!(
        state_of(&screen, title).as_deref(),
        Some("next"),
        "{screen}"
    );
    let mut log: Vec<String> = Vec::new();
    tmux.keys(&["Enter"]);
    let screen = watch(
        tmux,
        &format!("`{title}` to run"),
        |s| {
            for line in log_lines(s) {
                if !log.contains(&line) {
                    log.push(line);
                }
            }
        },
        |s| {
            prompt(s).is_some()
                || state_of(s, title).is_some_and(|state| state != "next" && state != "running")
        },
    );
    (screen, log)
}

/// Runs the steps one by one with Enter, each to its end, until a destructive one asks for
/// the server name. Returns that screen.
#[track_caller]
fn run_until_confirmation(tmux: &Tmux) -> String {
    for _ in 0..12 {
        let screen = tmux.wait_for("a step to run", |s| {
            let rows = steps(s);
            prompt(s).is_some()
                || (rows.iter().all(|r| r.0 != "running") && rows.iter().any(|r| r.0 == "next"))
        });
        if prompt(&screen).is_some() {
            return screen;
        }
        let title = steps(&screen)
            .into_iter()
            .find(|r| r.0 == "next")
            .unwrap()
            .1;
        let (screen, _) = run_step(tmux, &title);
        let state = state_of(&screen, &title);
        assert!(
            prompt(&screen).is_some() || matches!(state.as_deref(), Some("done" | "ran")),
            "`{title}` ended {state:?}:\n{screen}"
        );
    }
    panic!("no step asked for confirmation:\n{}", tmux.screen());
}

/// Types `name` at the open confirmation and Enter; waits until the prompt is gone and the
/// step titled `title` runs (or already ran).
#[track_caller]
fn confirm(tmux: &Tmux, name: &str, title: &str) {
    tmux.type_text(name);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("`{title}` to run"), |s| {
        prompt(s).is_none()
            && state_of(s, title)
                .is_some_and(|state| state == "running" || state == "done" || state == "ran")
    });
}

/// From the grid to mbx-02's IMAP.Protocol runbook: its ImapDeepTestMonitor procedure.
fn open_mailbox_runbook(tmux: &Tmux) {
    // `n` goes in grid order: cas-02's IMAP first, then mbx-02's IMAP.Protocol.
    tmux.wait_for("cas-02 and mbx-02 Unhealthy", |s| {
        unhealthy(s, "cas-02") && unhealthy(s, "mbx-02")
    });
    tmux.keys(&["n"]);
    tmux.wait_for("the cursor on cas-02", |s| {
        cursor_row(s).and_then(server_of) == Some("cas-02")
    });
    tmux.keys(&["n"]);
    tmux.wait_for("the cursor on mbx-02", |s| {
        cursor_row(s).and_then(server_of) == Some("mbx-02")
    });
    tmux.keys(&["Enter"]);
    let drill = tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    let title = drill.lines().nth(1).unwrap();
    assert!(
        title.starts_with(" mbx-02 (") && title.contains(" IMAP.Protocol "),
        "{drill}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("the mailbox runbook", |s| {
        s.contains(DEEP_TITLE) && steps(s).iter().any(|r| r.0 == "next")
    });
}

/// From the grid to cas-02's IMAP runbook with n, Enter, Enter.
fn open_ctp_runbook(tmux: &Tmux) -> String {
    tmux.wait_for("cas-02 Unhealthy", |s| unhealthy(s, "cas-02"));
    tmux.keys(&["n"]);
    tmux.wait_for("the cursor on cas-02", |s| {
        cursor_row(s).and_then(server_of) == Some("cas-02")
    });
    tmux.keys(&["Enter"]);
    let drill = tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    assert!(drill.contains("ImapCTPMonitor"), "{drill}");
    tmux.keys(&["Enter"]);
    // The whole frame: the pane, and the status bar's hints already the pane's (a capture
    // may land while a slow terminal is still drawing the frame over the drill-down).
    tmux.wait_for("the runbook pane", |s| {
        s.contains(CTP_TITLE)
            && steps(s).iter().any(|r| r.0 == "next")
            && s.lines()
                .last()
                .is_some_and(|l| l.contains("Enter run ") && l.contains(" c cancel"))
    })
}

// ---------------------------------------------------------------------------------------
// Reading the incident record.

/// The only record in the state directory.
fn the_record(tmux: &Tmux) -> PathBuf {
    let files = records(tmux);
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

// ---------------------------------------------------------------------------------------
// 1. Opening a runbook and running steps.

/// n, Enter, Enter: the procedure opens; Enter runs its first step, whose output streams into
/// the log time-stamped after the step's note, and its row ends `done`; then a second step.
fn open_and_run_two_steps(name: &str, width: u16, height: u16) {
    let tmux = Tmux::start(name, width, height);
    launch(&tmux, &["--speed", FAST]);
    let pane = open_ctp_runbook(&tmux);
    if width >= 120 {
        assert!(
            row(&pane, "mbx-02").is_some(),
            "the grid stays beside:\n{pane}"
        );
    } else {
        assert!(
            !pane.contains("SERVER ") && row(&pane, "mbx-02").is_none(),
            "the pane replaces the grid below 120 columns:\n{pane}"
        );
    }
    let first = "Read the health set's monitors";
    let second = "Re-run the monitor's probe";
    assert_eq!(
        state_of(&pane, second).as_deref(),
        Some("pending"),
        "{pane}"
    );

    for (run, title, says) in [(1, first, "AlertValue"), (2, second, "ResultType")] {
        let (screen, log) = run_step(&tmux, title);
        // Both read bad news: they "ran", never "done" or "succeeded".
        assert_eq!(state_of(&screen, title).as_deref(), Some("ran"), "{screen}");
        let tag = format!("#{run} ");
        let is_note = |line: &String, what: fn(&str) -> bool| {
            log_line(line)
                .is_some_and(|(mark, text)| mark == '·' && text.starts_with(&tag) && what(text))
        };
        let started = log
            .iter()
            .position(|l| is_note(l, |t| t.contains(" @cas-02: ")))
            .unwrap_or_else(|| panic!("no `{tag}… @cas-02` note in the log: {log:#?}"));
        let output: Vec<&str> = log[started..]
            .iter()
            .filter_map(|l| log_line(l))
            .filter(|(mark, _)| *mark == ' ' || *mark == '!')
            .map(|(_, text)| text)
            .collect();
        assert!(
            output.iter().any(|t| t.contains(says)),
            "no time-stamped output with {says} after the note: {log:#?}"
        );
        // The end note comes in the frame that shows "ran", but a capture can catch that
        // frame half drawn (state row written, log not yet): then the next frames show it.
        let ended = |l: &String| is_note(l, |t| t.contains(" ran in "));
        if !log[started..].iter().any(ended) {
            tmux.wait_for(&format!("the end note of {tag}in the log"), |s| {
                log_lines(s).iter().any(ended)
            });
        }
    }
    let screen = tmux.screen();
    assert_eq!(state_of(&screen, first).as_deref(), Some("ran"), "{screen}");
    assert!(
        steps(&screen).iter().any(|r| r.0 == "next"),
        "the walk goes on:\n{screen}"
    );
}

#[test]
fn n_enter_enter_opens_the_procedure_and_steps_stream_time_stamped_output() {
    open_and_run_two_steps("steps120", 120, 36);
}

#[test]
fn n_enter_enter_opens_the_procedure_at_80x24_in_place_of_the_grid() {
    open_and_run_two_steps("steps80", 80, 24);
}

// ---------------------------------------------------------------------------------------
// 2. A destructive step asks for the server's name.

#[test]
fn a_destructive_step_asks_for_the_server_name_and_the_monitor_recovers() {
    let tmux = Tmux::start("confirm", 120, 36);
    let scenario = stubborn_scenario(tmux.dir());
    launch(
        &tmux,
        &["--speed", FAST, "--scenario", scenario.to_str().unwrap()],
    );
    open_mailbox_runbook(&tmux);

    // The service restart does not heal it: the runbook comes to the failover.
    let failover = "Move the active databases off this server";
    let screen = run_until_confirmation(&tmux);
    let asks = prompt(&screen).unwrap();
    assert!(
        asks.contains("type the server name (mbx-02)"),
        "{asks}\n{screen}"
    );
    assert_eq!(
        state_of(&screen, failover).as_deref(),
        Some("confirm"),
        "{screen}"
    );

    // Another server's name runs nothing.
    tmux.type_text("mbx-03");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the refusal", |s| {
        prompt(s).is_some_and(|p| p.contains("`mbx-03` is not mbx-02: nothing ran"))
    });
    assert_eq!(
        state_of(&screen, failover).as_deref(),
        Some("confirm"),
        "{screen}"
    );

    // The right one, in capitals, runs it.
    confirm(&tmux, "MBX-02", failover);

    // Then the check of the copies, and the restart: confirmed again.
    let restart = "Restart the server";
    let screen = run_until_confirmation(&tmux);
    assert_eq!(
        state_of(&screen, failover).as_deref(),
        Some("done"),
        "{screen}"
    );
    assert_eq!(
        state_of(&screen, restart).as_deref(),
        Some("confirm"),
        "{screen}"
    );
    assert!(
        prompt(&screen).is_some_and(|p| p.contains("type the server name (mbx-02)")),
        "{screen}"
    );
    confirm(&tmux, "mbx-02", restart);
    tmux.wait_for("the restart to end", |s| {
        prompt(s).is_none() && state_of(s, restart).as_deref() == Some("done")
    });

    // The restart healed the back end: the grid says so, and so does the probe.
    tmux.wait_for(
        "mbx-02's IMAP.Protocol (I.Prt) healthy in the grid beside the pane",
        |s| cell(s, "mbx-02", "I.Prt").is_some_and(|c| c.contains("OK")),
    );
    let (screen, log) = run_step(&tmux, "Re-run the probe after the restart");
    assert_eq!(
        state_of(&screen, "Re-run the probe after the restart").as_deref(),
        Some("done"),
        "{screen}"
    );
    assert!(
        log.iter()
            .any(|l| l.contains("\"ResultType\": \"Succeeded\"")),
        "{log:#?}"
    );

    // The record keeps who typed what, and each destructive step ran once.
    let record = read_record(&the_record(&tmux));
    let confirmations: Vec<(&str, &str, bool, &str)> = of_kind(&record, "confirmation")
        .iter()
        .map(|v| {
            (
                v["step"].as_str().unwrap(),
                v["typed"].as_str().unwrap(),
                v["accepted"].as_bool().unwrap(),
                v["by"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        confirmations,
        [
            ("failover", "mbx-03", false, ENGINEER),
            ("failover", "MBX-02", true, ENGINEER),
            ("restart-server", "mbx-02", true, ENGINEER),
        ]
    );
    for step in ["failover", "restart-server"] {
        let runs = of_kind(&record, "step_started")
            .iter()
            .filter(|v| v["step"] == step && v["server"] == "mbx-02")
            .count();
        assert_eq!(runs, 1, "{step} started {runs} times");
    }
}

// ---------------------------------------------------------------------------------------
// 3. kill -9 in the middle of a step.

#[test]
fn kill_9_mid_step_leaves_a_record_that_parses_line_by_line() {
    let tmux = Tmux::start("kill9", 120, 36);
    let scenario = stubborn_scenario(tmux.dir());
    let pid_file = launch(
        &tmux,
        &["--speed", FAST, "--scenario", scenario.to_str().unwrap()],
    );
    open_mailbox_runbook(&tmux);
    // Through the failover to the server restart: the longest step, seconds even at ×60.
    run_until_confirmation(&tmux);
    confirm(&tmux, "mbx-02", "Move the active databases off this server");
    let restart = "Restart the server";
    let screen = run_until_confirmation(&tmux);
    assert_eq!(
        state_of(&screen, restart).as_deref(),
        Some("confirm"),
        "{screen}"
    );
    tmux.type_text("mbx-02");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the restart running", |s| {
        prompt(s).is_none() && state_of(s, restart).as_deref() == Some("running")
    });

    let pid = wait_for_line(&pid_file);
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    tmux.wait_for("the shell to see the kill", |s| s.contains("EXIT=137"));

    let path = the_record(&tmux);
    let record = read_record(&path);
    let kinds = kinds(&record);
    assert_eq!(kinds.first(), Some(&"session"), "{kinds:?}");
    assert_eq!(record[0]["user"], ENGINEER);
    assert!(kinds.contains(&"runbook_opened"), "{kinds:?}");
    assert!(
        !kinds.contains(&"session_ended"),
        "a killed session cannot say it ended: {kinds:?}"
    );
    let started = of_kind(&record, "step_started");
    assert!(
        started.iter().any(|v| v["step"] == "restart-server"),
        "the running step is in the record: {started:#?}"
    );
    assert!(
        of_kind(&record, "confirmation")
            .iter()
            .any(|v| v["step"] == "restart-server" && v["accepted"] == true),
        "{kinds:?}"
    );

    // The record as handed over: the export reads it, the runbook and the step in it.
    let out = Command::new(BIN)
        .args(["incident", "export", "--latest", "--format", "markdown"])
        .env("XDG_STATE_HOME", state_dir(&tmux))
        .env("HOME", tmux.dir())
        .env_remove("NO_COLOR")
        .env_remove("HEALTHDECK_INVENTORY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(markdown.contains(DEEP_TITLE), "{markdown}");
    assert!(markdown.contains(restart), "{markdown}");
}

// ---------------------------------------------------------------------------------------
// 4. Quitting prints where the record is.

#[test]
fn quit_prints_the_record_path_and_the_record_holds_the_session() {
    let tmux = Tmux::start("record", 80, 24);
    launch(&tmux, &["--speed", FAST]);
    open_ctp_runbook(&tmux);
    let (screen, _) = run_step(&tmux, "Read the health set's monitors");
    assert_eq!(
        state_of(&screen, "Read the health set's monitors").as_deref(),
        Some("ran"),
        "{screen}"
    );
    // Half-way with nothing owed, Esc closes the runbook; q quits from the drill-down.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit status", |s| {
        s.lines().any(|l| l.trim() == "EXIT=0")
    });
    let joined = tmux.joined_screen();
    let printed = joined
        .lines()
        .find_map(|l| l.trim().strip_prefix("healthdeck: incident record "))
        .unwrap_or_else(|| panic!("no record path printed:\n{screen}"));
    let printed = match printed.strip_prefix("~/") {
        Some(rest) => tmux.dir().join(rest),
        None => PathBuf::from(printed),
    };
    assert!(printed.is_absolute(), "{}", printed.display());
    let path = the_record(&tmux);
    assert_eq!(
        printed.canonicalize().unwrap(),
        path.canonicalize().unwrap()
    );

    let record = read_record(&path);
    let kinds = kinds(&record);
    assert_eq!(kinds.first(), Some(&"session"), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&"session_ended"), "{kinds:?}");
    assert_eq!(record.last().unwrap()["reason"], "quit");
    assert_eq!(record[0]["user"], ENGINEER);
    let opened = of_kind(&record, "runbook_opened");
    assert_eq!(opened.len(), 1, "{kinds:?}");
    assert_eq!(opened[0]["title"], CTP_TITLE);
    assert_eq!(opened[0]["server"], "cas-02");

    let started = of_kind(&record, "step_started");
    assert_eq!(started.len(), 1, "{kinds:?}");
    let run = &started[0]["run"];
    assert_eq!(started[0]["server"], "cas-02");
    assert_eq!(started[0]["by"], ENGINEER);
    let output = of_kind(&record, "output");
    assert!(
        !output.is_empty() && output.iter().all(|v| v["run"] == *run),
        "{output:#?}"
    );
    assert!(
        output
            .iter()
            .any(|v| v["line"].as_str().unwrap().contains("AlertValue")),
        "{output:#?}"
    );
    let ended = of_kind(&record, "step_ended");
    assert_eq!(ended.len(), 1, "{kinds:?}");
    assert_eq!(ended[0]["run"], *run);
    assert_eq!(ended[0]["exit"], "succeeded");
    // In order: started, its output, ended, the close, the end of the session.
    let at = |kind: &str| kinds.iter().position(|k| *k == kind).unwrap();
    let last_output = kinds.iter().rposition(|k| *k == "output").unwrap();
    assert!(at("runbook_opened") < at("step_started"), "{kinds:?}");
    assert!(at("step_started") < at("output"), "{kinds:?}");
    assert!(last_output < at("step_ended"), "{kinds:?}");
    assert!(at("step_ended") < at("runbook_closed"), "{kinds:?}");
}
