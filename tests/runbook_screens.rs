//! The runbook pane on screen, in English and Korean, wide (beside the grid) and at
//! 80×24 (instead of it): snapshots, plus what an engineer reads there.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use common::screen::{render, text, theme};
use crossterm::event::KeyCode;

/// The CTP runbook on cas-02 with three steps run and the restart next, on screen.
fn pane_in(language: &'static str, width: u16, height: u16) -> String {
    let console = Console::ctp_three_steps(language, width, height);
    text(&render(&console.state, &theme("default"), false))
}

#[test]
fn english_beside_the_grid_at_120x36() {
    let screen = pane_in("en", 120, 36);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[0].starts_with(" TRAINING ×10 "),
        "the mode stays visible"
    );
    assert!(screen.contains("ImapCTPMonitor recovery"), "{screen}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("cas-02") && l.contains("UNHL")),
        "the grid stays beside the pane:\n{screen}"
    );
    // Reading steps that read bad news say "ran" and what they read, never "done".
    assert!(
        screen.contains("ran ") && screen.contains("probe Failed"),
        "finished steps say so:\n{screen}"
    );
    assert!(
        screen.contains("#2 ran in") && !screen.contains("#2 succeeded"),
        "{screen}"
    );
    // A reading with good news is done: the proxy component is Active, so it is not set.
    assert!(
        screen.contains("component Active") && screen.contains("- skipped"),
        "{screen}"
    );
    assert!(screen.contains("next"), "the step Enter runs is marked");
    assert!(
        screen.contains("$ SIMULATED: Invoke-Command -ComputerName cas-02")
            && screen.contains("Restart-Service -Name MSExchangeIMAP4"),
        "the exact command of the next step:\n{screen}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"ResultType\": \"Failed\"")),
        "step output streamed into the log"
    );
    assert!(screen.contains("Enter run") && screen.contains("c cancel"));
    insta::assert_snapshot!("runbook_en_120x36", screen);
}

#[test]
fn english_instead_of_the_grid_at_80x24() {
    let screen = pane_in("en", 80, 24);
    assert!(screen.contains("ImapCTPMonitor recovery"), "{screen}");
    assert!(!screen.contains("mbx-05"), "the grid is not squeezed in");
    assert!(screen.contains("$ SIMULATED: Invoke-Command"), "{screen}");
    assert!(
        screen.contains("Restart-Service -Name MSExchangeIMAP4"),
        "{screen}"
    );
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    insta::assert_snapshot!("runbook_en_80x24", screen);
}

#[test]
fn korean_at_both_sizes() {
    for (width, height) in [(120, 36), (80, 24)] {
        let screen = pane_in("ko", width, height);
        assert!(
            screen.contains("서비스"),
            "Korean step titles and instructions:\n{screen}"
        );
        // Commands are never translated.
        assert!(screen.contains("$ SIMULATED: Invoke-Command"), "{screen}");
        assert!(
            screen
                .lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= usize::from(width))
        );
        insta::assert_snapshot!(format!("runbook_ko_{width}x{height}"), screen);
    }
}

#[test]
fn the_confirmation_prompt_names_the_server_to_type() {
    let mut console = Console::stubborn_incident(80, 24);
    console.open_runbook();
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if console.state.view.prompt.is_some() {
            break;
        }
        console.run_jobs();
    }
    console.type_text("mbx-2");
    console.key(KeyCode::Enter);
    let screen = text(&render(&console.state, &theme("default"), false));
    assert!(screen.contains("type the server name (mbx-02)"), "{screen}");
    assert!(
        screen.contains("`mbx-2` is not mbx-02: nothing ran"),
        "{screen}"
    );
    insta::assert_snapshot!("runbook_confirm_80x24", screen);
}

#[test]
fn paging_the_log_skips_no_line_and_the_top_fills_the_panel() {
    let mut console = Console::incident(80, 24);
    console.open_runbook();
    console.key(KeyCode::Enter);
    console.run_jobs();
    let all = console.log_texts();
    let shown = |console: &Console| -> Vec<String> {
        let screen = text(&render(&console.state, &theme("default"), false));
        let lines: Vec<&str> = screen.lines().collect();
        let top = lines.iter().position(|l| l.starts_with("— log")).unwrap();
        lines[top + 1..lines.len() - 1]
            .iter()
            .map(|l| l.get(11..).unwrap_or("").trim().to_owned())
            .collect()
    };
    let mut seen = Vec::new();
    for _ in 0..20 {
        let page = shown(&console);
        assert!(page.iter().all(|l| !l.is_empty()), "a full panel: {page:?}");
        seen.extend(page);
        console.key(KeyCode::PageUp);
    }
    for line in &all {
        let cut: String = line.trim().chars().take(20).collect();
        assert!(
            seen.iter().any(|s| s.starts_with(&cut)),
            "`{line}` never came into view"
        );
    }
}
