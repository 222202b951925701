//! The binary in tmux in another language: Japanese chrome at 80×24, and a terminal whose
//! locale is not UTF-8 getting English in ASCII (with the reason) instead of mojibake.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use healthdeck::i18n::Tr;
use tmux::{Tmux, quote, row, step_busy};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");
const FAST: &str = "--speed 60";

fn launch(tmux: &Tmux, env: &str, args: &str) {
    tmux.shell(&format!("{env} {} {args}; echo EXIT=$?", quote(BIN)));
}

#[test]
fn japanese_at_80x24_shows_the_grid_and_help_in_japanese() {
    let ja = Tr::of("ja");
    let tmux = Tmux::start("ja", 80, 24);
    launch(&tmux, "", &format!("{FAST} --lang ja"));
    let unhealthy = ja.text("alert-unhealthy-short");
    let screen = tmux.wait_for("mbx-02 Unhealthy in Japanese", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains(unhealthy))
    });
    assert!(screen.contains(ja.text("grid-server")), "{screen}");
    assert!(screen.contains(ja.text("banner-training")), "{screen}");
    assert!(
        !screen.contains("SERVER") && !screen.contains("UNHL"),
        "{screen}"
    );
    tmux.keys(&["?"]);
    let help = tmux.wait_for("help in Japanese", |s| s.contains(ja.text("help-title")));
    assert!(help.contains(ja.text("help-quit")), "{help}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
}

/// More Enter presses than mbx-02's runbook has steps before its restart heals it.
const STEPS: usize = 20;

/// The runbook of mbx-02's self-test monitor walked to its end in Japanese: every step
/// word, note and message of the pane is Japanese; the log's output stays the server's.
#[test]
fn japanese_at_80x24_through_a_whole_runbook() {
    let ja = Tr::of("ja");
    let tmux = Tmux::start("ja-runbook", 80, 24);
    launch(&tmux, "", &format!("{FAST} --lang ja"));
    let unhealthy = ja.text("alert-unhealthy-short");
    tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains(unhealthy))
    });
    // mbx-02 (fifth row), IMAP.Protocol (third column): its drill-down, then its runbook.
    tmux.keys(&["j", "j", "j", "j", "l", "l", "Enter"]);
    tmux.wait_for("the drill-down", |s| s.contains("ImapSelfTestMonitor"));
    tmux.keys(&["Enter"]);
    let next = format!("▸ {}", ja.text("step-next"));
    // The log says so when the walk ends (the pane's title, with its ending, is cut here).
    let ending = ja.text("ending-resolved");
    let over = ja.fmt("note-runbook-over", &[("ending", ending.into())]);
    let mut seen = String::new();
    for _ in 0..STEPS {
        let ready = tmux.wait_for("a step to run, or the end", |s| {
            s.contains(&over) || (s.contains(&next) && !step_busy(s))
        });
        seen.push_str(&ready);
        if ready.contains(&over) {
            break;
        }
        tmux.keys(&["Enter"]);
        tmux.wait_for("the screen to answer the Enter", |s| s != ready);
    }
    let end = tmux.wait_for("the runbook resolved", |s| s.contains(&over));
    seen.push_str(&end);
    for id in ["step-done", "log-title", "hint-run", "hint-back"] {
        assert!(seen.contains(ja.text(id)), "{id}:\n{seen}");
    }
    for english in [
        "▸ next",
        "✓ done",
        "pending",
        "succeeded in",
        "runbook over",
        "Enter run",
    ] {
        assert!(!seen.contains(english), "{english}:\n{end}");
    }
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
}

#[test]
fn an_euc_jp_locale_gets_english_in_ascii_and_the_reason() {
    let tmux = Tmux::start("eucjp", 80, 24);
    launch(&tmux, "LANG=ja_JP.eucJP", FAST);
    let screen = tmux.wait_for("mbx-02 Unhealthy in English", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("XUNHL"))
    });
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("SERVER"), "{screen}");
    // The status bar cuts the reason at 80 columns; help shows it whole.
    tmux.keys(&["?"]);
    let help = tmux.wait_for("the reason whole in help", |s| {
        s.contains("LANG=ja_JP.UTF-8")
    });
    assert!(help.is_ascii(), "{help}");
    assert!(help.contains("ja_JP.eucJP"), "{help}");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
}

/// A drill in Japanese: its first words (the objective, from the scenario's Japanese text)
/// and, when the trainee quits, its debrief are Japanese; nothing English frames them.
#[test]
fn a_drill_in_japanese_starts_and_ends_in_japanese() {
    let ja = Tr::of("ja");
    let tmux = Tmux::start("ja-drill", 120, 36);
    launch(&tmux, "", &format!("{FAST} --lang ja drill"));
    let drill = ja.fmt(
        "flash-drill",
        &[("objective", "".into()), ("budget", "".into())],
    );
    let lead: String = drill.chars().take_while(|c| *c != ' ').collect();
    let first = tmux.wait_for("the objective in Japanese", |s| {
        s.lines().any(|l| l.trim_start().starts_with(&lead))
    });
    assert!(
        !first.contains("drill: ") && !first.contains("of fleet time"),
        "{first}"
    );
    tmux.keys(&["q"]);
    let title = ja.text("debrief-title");
    let debrief = tmux.wait_for("the debrief in Japanese", |s| s.contains(title));
    assert!(
        debrief.contains(ja.text("debrief-what-happened")),
        "{debrief}"
    );
    assert!(
        !debrief.contains("score") && !debrief.contains("q quits"),
        "{debrief}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
}
