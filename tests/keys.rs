//! One key table: help lists every key bound on each screen, drawn from the table; a
//! `keys.yaml` rebinding changes what a key does, the help and the status bar together; a
//! malformed or conflicting file is refused with its line and column, and the console does
//! not start on it.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::screen::{render, text, theme};
use crossterm::event::KeyCode;
use healthdeck::config::keys;
use healthdeck::keymap::{KeyContext, Keymap};
use healthdeck::update::Screen;
use std::process::Command;

/// The key labels in help's key column, as drawn.
fn help_keys(console: &Console) -> Vec<String> {
    let screen = text(&render(&console.state, &theme("default"), false));
    let mut inside = false;
    let mut keys = Vec::new();
    for line in screen.lines() {
        if line.contains("┌ Keys") {
            inside = true;
            continue;
        }
        if !inside || line.contains('└') {
            inside = false;
            continue;
        }
        let Some((_, body)) = line.split_once('│') else {
            continue;
        };
        let body = body.rsplit_once('│').map_or(body, |(b, _)| b).trim_end();
        let column = body.split("  ").next().unwrap_or_default();
        keys.extend(column.split_whitespace().map(str::to_owned));
    }
    keys
}

/// A console on `screen`'s context, with help open over it.
fn help_over(context: KeyContext, keymap: Keymap) -> Console {
    let mut console = Console::incident(120, 36);
    console.state.launch.keymap = keymap;
    match context {
        KeyContext::Grid => {}
        KeyContext::Drill => {
            console.key(KeyCode::Char('n'));
            console.key(KeyCode::Enter);
            assert!(matches!(console.state.view.screen, Screen::Drill(_)));
        }
        _ => {
            console.open_runbook();
            assert!(matches!(console.state.view.screen, Screen::Runbook(_)));
        }
    }
    console.key(KeyCode::Char('?'));
    assert!(console.state.view.help);
    console
}

#[test]
fn help_lists_every_key_bound_on_each_screen() {
    let keymap = Keymap::default();
    for context in [KeyContext::Grid, KeyContext::Drill, KeyContext::Runbook] {
        let shown = help_keys(&help_over(context, keymap.clone()));
        for binding in keymap.bindings(context) {
            let label = binding.key.label(false);
            assert!(
                shown.contains(&label),
                "{context:?}: `{label}` ({:?}) is not in help: {shown:?}",
                binding.action
            );
        }
    }
}

#[test]
fn a_rebinding_changes_the_key_the_help_and_the_hints() {
    let keymap = keys::parse("grid:\n  next_problem: [x, ctrl-n]\n", "keys.yaml").unwrap();
    let mut rebound = Console::incident(120, 36);
    rebound.state.launch.keymap = keymap.clone();
    let mut plain = Console::incident(120, 36);
    plain.key(KeyCode::Char('n'));
    let wanted = (plain.state.view.cursor_row, plain.state.view.cursor_col);
    rebound.key(KeyCode::Char('n'));
    assert_eq!(
        (rebound.state.view.cursor_row, rebound.state.view.cursor_col),
        (0, 0),
        "n does nothing now"
    );
    rebound.key(KeyCode::Char('x'));
    assert_eq!(
        (rebound.state.view.cursor_row, rebound.state.view.cursor_col),
        wanted
    );
    rebound.ctrl('n');
    assert_ne!(
        (rebound.state.view.cursor_row, rebound.state.view.cursor_col),
        wanted
    );

    let screen = text(&render(&rebound.state, &theme("default"), false));
    let status = screen.lines().last().unwrap();
    assert!(status.contains(" x next"), "{status}");
    let shown = help_keys(&help_over(KeyContext::Grid, keymap));
    assert!(shown.contains(&"x".to_owned()) && shown.contains(&"Ctrl-N".to_owned()));
    assert!(!shown.contains(&"n".to_owned()), "{shown:?}");
}

#[test]
fn swapping_two_keys_is_no_conflict() {
    let keymap = keys::parse("grid:\n  next_problem: N\n  prev_problem: n\n", "k").unwrap();
    let mut console = Console::incident(120, 36);
    console.state.launch.keymap = keymap;
    console.key(KeyCode::Char('N'));
    let mut plain = Console::incident(120, 36);
    plain.key(KeyCode::Char('n'));
    assert_eq!(console.state.view.cursor_row, plain.state.view.cursor_row);
}

#[test]
fn a_bad_keys_file_names_its_line_and_column() {
    for (text, place, said) in [
        (
            "grid:\n  filter: n\n",
            ":2:",
            "`n` would do two things on the grid",
        ),
        ("everywhere:\n  quit: h\n", ":2:", "`h` would do two things"),
        ("grid:\n  fly: x\n", ":2:", "unknown action `fly`"),
        ("runbook:\n  run_step: Entr\n", ":2:", "`Entr` is not a key"),
        ("gird:\n  filter: f\n", ":1:", "unknown screen `gird`"),
        (
            "runbook:\n  filter: f\n",
            ":2:",
            "does nothing in the runbook pane",
        ),
        ("grid:\n  quit: []\n", ":2:", "at least one key"),
        ("grid: [\n", ":", ""),
    ] {
        let error = keys::parse(text, "keys.yaml").unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("keys.yaml{place}")),
            "{text:?}: {error}"
        );
        assert!(error.contains(said), "{text:?}: {error}");
    }
}

#[test]
fn the_console_does_not_start_on_a_bad_keys_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("healthdeck");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("keys.yaml"), "grid:\n  filter: n\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("healthdeck/keys.yaml:2:") && stderr.contains("two things"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "the terminal was not touched");
}
