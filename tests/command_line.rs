//! The command line, as in k9s: `:` opens it, Tab completes, Up/Down recall, Enter runs
//! `:filter`, `:sort`, `:theme`, `:export`, `:owed`, `:help`, `:q`. By events on the
//! training fleet, and once in the real binary at 80×24.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

mod common;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::health::{AlertValue, HealthSet};
use healthdeck::update::Prompt;
use healthdeck::update::rows::SortKey;

fn typed(console: &Console) -> String {
    match &console.state.view.prompt {
        Some(Prompt::Command { text, .. }) => text.clone(),
        other => panic!("no command line: {other:?}"),
    }
}

fn offered(console: &Console) -> Vec<String> {
    match &console.state.view.prompt {
        Some(Prompt::Command { offered, .. }) => offered.clone(),
        other => panic!("no command line: {other:?}"),
    }
}

/// `:` and `line`, then Enter.
fn command(console: &mut Console, line: &str) {
    console.key(KeyCode::Char(':'));
    console.type_text(line);
    console.key(KeyCode::Enter);
}

/// The shell's `EXIT=n` line once the console has ended.
fn ended(screen: &str) -> Option<&str> {
    screen
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("EXIT="))
}

fn names(console: &Console) -> Vec<String> {
    let servers = console.state.fleet.servers();
    console
        .state
        .view
        .rows
        .iter()
        .map(|i| servers[*i].name.clone())
        .collect()
}

/// No row, and the status bar says why.
#[track_caller]
fn assert_nothing_matches(console: &Console) {
    assert!(console.state.view.rows.is_empty());
    let flash = console.state.view.flash.as_deref().unwrap_or_default();
    assert!(flash.starts_with("no server matches"), "{flash}");
}

fn has(console: &Console, server: usize, alert: AlertValue) -> bool {
    HealthSet::ALL
        .iter()
        .any(|set| console.state.fleet.cell(server, *set).alert == Some(alert))
}

#[test]
fn tab_completes_the_command_then_its_argument() {
    let mut console = Console::incident(80, 24);
    console.key(KeyCode::Char(':'));
    console.type_text("so");
    console.key(KeyCode::Tab);
    assert_eq!(typed(&console), "sort ");
    console.key(KeyCode::Tab);
    assert_eq!(offered(&console), ["name", "state", "age", "site", "fleet"]);
    console.type_text("st");
    console.key(KeyCode::Tab);
    assert_eq!(typed(&console), "sort state");
    console.key(KeyCode::Enter);
    assert_eq!(console.state.view.sort, SortKey::State);
    assert!(console.state.view.prompt.is_none());
    // Worst first: every Unhealthy server before every other.
    let rows = console.state.view.rows.clone();
    let unhealthy = rows
        .iter()
        .take_while(|i| has(&console, **i, AlertValue::Unhealthy))
        .count();
    assert!(unhealthy > 0);
    assert!(
        rows[unhealthy..]
            .iter()
            .all(|i| !has(&console, *i, AlertValue::Unhealthy))
    );

    console.key(KeyCode::Char(':'));
    console.type_text("filter role:m");
    console.key(KeyCode::Tab);
    assert_eq!(typed(&console), "filter role:mailbox ");
}

#[test]
fn filter_by_state_site_and_role() {
    let mut console = Console::incident(80, 24);
    command(&mut console, "filter unhealthy");
    let shown = console.state.view.rows.clone();
    let expected: Vec<usize> = (0..console.state.fleet.servers().len())
        .filter(|i| has(&console, *i, AlertValue::Unhealthy))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);

    command(&mut console, "filter site:dub role:mailbox");
    assert_eq!(names(&console), ["mbx-04", "mbx-05"]);
    // `/` takes the same words.
    console.key(KeyCode::Char('/'));
    console.ctrl('u');
    console.type_text("role:both");
    console.key(KeyCode::Enter);
    assert_eq!(names(&console), ["ex-06", "ex-07"]);

    command(&mut console, "filter nothing-by-this-name");
    assert_nothing_matches(&console);
    command(&mut console, "filter");
    assert_eq!(console.state.view.rows.len(), 12);

    command(&mut console, "sort name");
    let sorted = names(&console);
    let mut expected = sorted.clone();
    expected.sort();
    assert_eq!(sorted, expected);
    assert_eq!(sorted[0], "cas-01");
}

#[test]
fn up_and_down_recall_earlier_lines() {
    let mut console = Console::incident(80, 24);
    command(&mut console, "sort name");
    command(&mut console, "filter cas");
    console.key(KeyCode::Char(':'));
    console.key(KeyCode::Up);
    assert_eq!(typed(&console), "filter cas");
    console.key(KeyCode::Up);
    assert_eq!(typed(&console), "sort name");
    console.key(KeyCode::Up);
    assert_eq!(typed(&console), "sort name", "the oldest stays");
    console.key(KeyCode::Down);
    assert_eq!(typed(&console), "filter cas");
    console.key(KeyCode::Down);
    assert_eq!(typed(&console), "");
    // Backspace on an empty line closes it, as Esc does.
    console.key(KeyCode::Backspace);
    assert!(console.state.view.prompt.is_none());
    console.key(KeyCode::Char(':'));
    console.type_text("q");
    console.key(KeyCode::Esc);
    assert!(console.state.view.prompt.is_none() && !console.quit);
}

#[test]
fn each_command_does_what_it_says() {
    let mut console = Console::incident(80, 24);
    command(&mut console, "theme light");
    assert_eq!(console.themes, ["light"]);
    command(&mut console, "export");
    assert_eq!(console.exports, 1);
    command(&mut console, "owed");
    assert_eq!(
        console.state.view.flash.as_deref(),
        Some("nothing is owed on the fleet")
    );
    command(&mut console, "help");
    assert!(console.state.view.help);
    console.key(KeyCode::Esc);
    command(&mut console, "fly");
    let flash = console.state.view.flash.clone().unwrap();
    assert!(
        flash.contains("unknown command `fly`") && flash.contains(":sort"),
        "{flash}"
    );
    // In the runbook pane too; `:q` quits (nothing runs, nothing is owed).
    console.open_runbook();
    command(&mut console, "q");
    assert!(console.quit);
}

#[test]
fn the_command_line_in_the_binary_at_80x24() {
    let tmux = tmux::Tmux::start("command-line", 80, 24);
    session::launch(&tmux, &[]);
    tmux.wait_for("the grid", |s| s.contains("mbx-02"));
    tmux.keys(&[":"]);
    tmux.wait_for("the command line", |s| s.contains("Tab complete"));
    tmux.type_text("sort na");
    tmux.keys(&["Tab"]);
    tmux.wait_for("completed", |s| s.contains(":sort name_"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("sorted", |s| s.contains("sorted by name"));
    assert!(
        screen.lines().next().unwrap().contains(" by name "),
        "{screen}"
    );
    let first = screen
        .lines()
        .find_map(|l| {
            let first = l.trim_start_matches(['›', ' ']).split_whitespace().next()?;
            ["cas-", "mbx-", "ex-"]
                .iter()
                .any(|p| first.starts_with(p))
                .then_some(first)
        })
        .unwrap();
    assert_eq!(first, "cas-01", "{screen}");
    tmux.keys(&[":"]);
    tmux.type_text("filter role:both");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("filtered", |s| s.contains("ex-06") && !s.contains("cas-01"));
    assert!(screen.contains("ex-07"), "{screen}");
    tmux.keys(&[":", "Up"]);
    tmux.wait_for("recalled", |s| s.contains(":filter role:both_"));
    tmux.keys(&["Escape", ":"]);
    tmux.type_text("theme no-such-theme");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the theme refused", |s| s.contains("theme not changed"));
    tmux.keys(&[":"]);
    tmux.type_text("theme light");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the theme taken", |s| s.contains("theme light"));
    tmux.keys(&[":"]);
    tmux.type_text("export");
    tmux.keys(&["Enter"]);
    // The status bar names the file (at 80 columns a path would be cut to nothing).
    tmux.wait_for("the export written", |s| {
        s.contains("written beside the record: ") && s.contains(".export-1.md")
    });
    let exports: Vec<_> = std::fs::read_dir(session::state_dir(&tmux).join("healthdeck/incidents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".export-1.md"))
        .collect();
    assert_eq!(exports.len(), 1, "{exports:?}");
    let export = std::fs::read_to_string(&exports[0]).unwrap();
    assert!(export.starts_with("# "), "{export}");
    tmux.keys(&[":"]);
    tmux.type_text("q");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the console to end", |s| ended(s).is_some());
    assert_eq!(ended(&screen), Some("EXIT=0"), "{screen}");
}

#[test]
fn a_filter_by_state_follows_the_fleet() {
    let mut console = Console::incident(80, 24);
    command(&mut console, "filter repairing");
    assert_nothing_matches(&console);
    // Steps start repairing mbx-02's failing monitors: the next tick shows it, and the
    // message that nothing matched goes.
    let mbx02 = console
        .state
        .fleet
        .servers()
        .iter()
        .position(|s| s.name == "mbx-02")
        .unwrap();
    let failing: Vec<_> = healthdeck::health::Monitor::ALL
        .into_iter()
        .filter(|m| {
            console
                .state
                .fleet
                .monitor(mbx02, *m)
                .is_some_and(|s| s.alert.is_problem())
        })
        .collect();
    assert!(!failing.is_empty());
    for monitor in failing {
        console.state.fleet.set_repairing(mbx02, monitor, true);
    }
    console.advance(chrono::TimeDelta::seconds(1));
    assert_eq!(console.state.view.rows, [mbx02]);
    assert!(console.state.view.flash.is_none());
}
