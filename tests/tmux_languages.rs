//! The binary in tmux in another language: Japanese chrome at 80×24, and a terminal whose
//! locale is not UTF-8 getting English in ASCII (with the reason) instead of mojibake.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use healthdeck::i18n::Tr;
use tmux::{Tmux, quote, row};

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
