//! The console in each of its five languages: every catalog whole, and the screens drawn in
//! Korean, Japanese, Chinese and Portuguese with no English chrome left, no wide character
//! cut and every column where the English one is.
#![allow(clippy::unwrap_used)]

mod common;

use common::languages::{box_intact, english_left, english_texts_left, inside_box, without_errors};
use common::screen::{render, text, theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::event::Event;
use healthdeck::i18n::{LANGUAGES, Tr, check};
use healthdeck::update::{AppState, update};
use ratatui::buffer::Buffer;
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;

/// The default scenario eight minutes in, in `language`.
fn incident(language: &'static str, width: u16, height: u16) -> AppState {
    let mut state = common::played("imap-backend-down", 480, width, height);
    state.launch.language = language;
    state
}

fn press(state: &mut AppState, code: KeyCode) {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn every_catalog_has_every_message_with_the_same_placeholders() {
    let findings: Vec<String> = check::built_in().iter().map(ToString::to_string).collect();
    let first: Vec<&String> = findings.iter().take(12).collect();
    assert!(
        findings.is_empty(),
        "{} findings, first: {first:#?}",
        findings.len()
    );
}

/// Every message id the code names exists in English: a typo would show the id on screen.
#[test]
fn every_message_the_code_names_is_in_the_english_catalog() {
    let known: BTreeSet<String> = healthdeck::i18n::message_ids("en").into_iter().collect();
    let mut named = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for literal in source.split('"').skip(1).step_by(2) {
                    let prefixed = ["alert-", "grid-", "role-", "banner-", "status-", "hint-"]
                        .iter()
                        .chain(&["help-", "too-small", "rule-", "problems", "drill-"])
                        .chain(&["dep-", "exchange-", "prompt-", "step-", "pane-", "log-"])
                        .chain(&["exit-", "ending-", "read-", "skip-", "note-", "flash-"])
                        .chain(&["what-", "hangup-", "owed-box-", "ack-"])
                        .chain(&["export-", "handover-", "debrief-", "replay-", "debt-"])
                        .chain(&["confirm-", "refuse-", "check-", "lint-", "pace-"])
                        .chain(&["finding-"])
                        .any(|p| literal.starts_with(p));
                    let id_like = literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit());
                    // `drill-down` is a word of the code, not a message.
                    if prefixed && id_like && literal.len() > 4 && literal != "drill-down" {
                        named.insert((literal.to_owned(), path.display().to_string()));
                    }
                }
            }
        }
    }
    let unknown: Vec<_> = named.iter().filter(|(id, _)| !known.contains(id)).collect();
    assert!(unknown.is_empty(), "{unknown:?}");
    assert!(named.len() > 100, "the scan found only {} ids", named.len());
}

#[test]
fn plurals_follow_each_language() {
    let servers =
        |language: &str, n: usize| Tr::of(language).fmt("banner-servers", &[("count", n.into())]);
    assert_eq!(servers("en", 1), "1 server");
    assert_eq!(servers("en", 12), "12 servers");
    assert_eq!(servers("pt-BR", 1), "1 servidor");
    assert_eq!(servers("pt-BR", 12), "12 servidores");
    // No plural forms in Korean, Japanese and Chinese: one pattern, the number in it.
    for language in ["ko", "ja", "zh-TW"] {
        assert_eq!(
            servers(language, 1).replace('1', "12"),
            servers(language, 12),
            "{language}"
        );
    }
}

/// The grid columns: where each health set's title starts on the header row.
fn cell_columns(buf: &Buffer) -> Vec<usize> {
    let header = text(buf).lines().nth(1).unwrap().to_owned();
    let mut columns: Vec<usize> = ["IMAP", "POP"]
        .iter()
        .flat_map(|set| header.match_indices(set))
        .map(|(at, _)| header[..at].width())
        .collect();
    columns.sort_unstable();
    columns
}

/// Columns where a glyph of a cell starts on `server`'s row.
fn glyph_columns(buf: &Buffer, server: &str) -> Vec<usize> {
    let screen = text(buf);
    let line = screen.lines().find(|l| l.contains(server)).unwrap();
    let mut columns = Vec::new();
    let mut x = 0;
    for c in line.chars() {
        if "✖▲↻?✓○—".contains(c) {
            columns.push(x);
        }
        x += c.to_string().width();
    }
    columns
}

#[test]
fn the_grid_in_every_language_keeps_its_columns_and_leaves_no_english() {
    for (width, height) in [(80, 24), (120, 36)] {
        let english = render(&incident("en", width, height), &theme("default"), false);
        let columns = cell_columns(&english);
        for language in LANGUAGES {
            let buf = render(&incident(language, width, height), &theme("default"), false);
            let screen = text(&buf);
            assert_eq!(
                cell_columns(&buf),
                columns,
                "{language} {width}x{height}:\n{screen}"
            );
            for server in ["cas-01", "mbx-02"] {
                assert_eq!(
                    glyph_columns(&buf, server),
                    glyph_columns(&english, server),
                    "{language} {width}x{height} {server}:\n{screen}"
                );
            }
            if matches!(language, "ko" | "ja" | "zh-TW") {
                assert_eq!(
                    english_left(&screen),
                    Vec::<String>::new(),
                    "{language}:\n{screen}"
                );
            }
            let ids = [
                "grid-server",
                "grid-role",
                "alert-unhealthy",
                "alert-healthy",
                "alert-unhealthy-short",
                "status-monitors",
                "hint-next",
                "hint-open",
                "hint-quit",
            ];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("grid_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn help_in_every_language_keeps_its_box_and_leaves_no_english() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let mut state = incident(language, width, height);
            press(&mut state, KeyCode::Char('?'));
            let screen = text(&render(&state, &theme("default"), false));
            assert!(box_intact(&screen), "{language}:\n{screen}");
            if matches!(language, "ko" | "ja" | "zh-TW") {
                let left = english_left(&inside_box(&screen));
                assert_eq!(left, Vec::<String>::new(), "{language}:\n{screen}");
            }
            let ids = [
                "help-title",
                "help-grid-move",
                "help-next-problem",
                "help-quit",
                "help-legend-marks",
                "alert-degraded",
            ];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("help_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn the_drill_down_in_every_language_leaves_no_english() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let mut state = incident(language, width, height);
            press(&mut state, KeyCode::Char('n'));
            press(&mut state, KeyCode::Enter);
            let screen = text(&render(&state, &theme("default"), false));
            let tr = Tr::of(language);
            assert!(
                screen.contains(tr.text("drill-label-rule")),
                "{language}:\n{screen}"
            );
            if matches!(language, "ko" | "ja" | "zh-TW") {
                let left = english_left(&without_errors(&screen, language));
                assert_eq!(left, Vec::<String>::new(), "{language}:\n{screen}");
            }
            let ids = [
                "drill-label-last",
                "drill-label-source",
                "drill-label-depends",
                "drill-source-simulator",
                "drill-no-samples",
                "dep-authentication",
                "alert-unhealthy",
            ];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("drill_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn too_small_in_korean_says_so_in_korean() {
    let state = incident("ko", 40, 12);
    let screen = text(&render(&state, &theme("default"), false));
    assert!(screen.contains(Tr::of("ko").text("too-small")), "{screen}");
    assert!(screen.contains("40x12"), "{screen}");
}

#[test]
fn an_unknown_language_exits_2_with_the_list() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["--lang", "xx"])
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("--lang xx"), "{said}");
    for language in LANGUAGES {
        assert!(said.contains(language), "{language}: {said}");
    }
}

/// A session that hung up with two steps running: one failed after, one never ended.
const HUNG_UP: &str = r#"{"at":"2026-11-22T03:14:05.120Z","kind":"step_started","run":3,"procedure":"p","step":"restart","title":"Restart it","server":"mbx-02","action":"restart_service","command":null,"by":"alice","compensating":false}
{"at":"2026-11-22T03:14:05.200Z","kind":"step_started","run":4,"procedure":"p","step":"failover","title":"Fail over","server":"mbx-03","action":"failover_databases","command":null,"by":"bob","compensating":false}
{"at":"2026-11-22T03:14:09.480Z","kind":"hangup","policy":"finish","running":[3,4]}
{"at":"2026-11-22T03:14:41.530Z","kind":"step_ended","run":3,"exit":"failed","code":2,"duration_ms":36410,"facts":{},"note":null}
"#;

#[test]
fn the_hang_up_report_in_every_language() {
    let found = healthdeck::incident::unwatched::read(HUNG_UP.as_bytes(), |_| true).unwrap();
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let mut state = incident(language, width, height);
            let tr = Tr::of(language);
            state.view.unwatched = Some(found.lines(tr));
            let screen = text(&render(&state, &theme("default"), false));
            assert!(box_intact(&screen), "{language}:\n{screen}");
            assert!(
                screen.contains(tr.text("hangup-title")),
                "{language}:\n{screen}"
            );
            if matches!(language, "ko" | "ja" | "zh-TW") {
                // What the record says stays: the steps' titles and servers, the people.
                let left: Vec<String> = english_left(&inside_box(&screen))
                    .into_iter()
                    .filter(|w| {
                        !["Restart", "it", "Fail", "over", "alice", "bob"].contains(&w.as_str())
                    })
                    .collect();
                assert_eq!(left, Vec::<String>::new(), "{language}:\n{screen}");
            }
            let ids = ["hangup-left-to-finish", "hangup-no-end", "hangup-closing"];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("hangup_{language}_{width}x{height}"), screen);
        }
    }
}

/// "Too small" is said in the language, and enlarging the terminal clears it in every
/// language (it was matched by its English words, so it stayed in the others).
#[test]
fn the_too_small_notice_goes_when_the_terminal_grows_in_every_language() {
    for language in LANGUAGES {
        let mut state = incident(language, 80, 24);
        update(
            &mut state,
            Event::Resize {
                width: 60,
                height: 20,
            },
        );
        press(&mut state, KeyCode::Char('j'));
        let said = Tr::of(language).text("flash-too-small");
        assert_eq!(state.view.flash.as_deref(), Some(said), "{language}");
        update(
            &mut state,
            Event::Resize {
                width: 80,
                height: 24,
            },
        );
        assert_eq!(state.view.flash, None, "{language}");
    }
}

/// A drill the trainee quit reads as abandoned, not as a session's normal quit (the record
/// says `quit` for both).
#[test]
fn a_quit_drill_is_not_a_normal_end() {
    use healthdeck::i18n::words::{drill_end, recorded};
    for language in LANGUAGES {
        let tr = Tr::of(language);
        assert_eq!(
            drill_end(tr, "quit"),
            Some(tr.text("export-drill-quit")),
            "{language}"
        );
        assert_eq!(recorded(tr, "quit"), Some(tr.text("export-reason-quit")));
    }
    let ja = Tr::of("ja");
    assert_ne!(drill_end(ja, "quit"), recorded(ja, "quit"));
}

/// Every word the console writes into the record for how a runbook ended or a session or
/// drill closed reads in each language (an export or replay shows them; `left` was missed).
#[test]
fn every_recorded_ending_has_a_word_in_every_language() {
    use healthdeck::i18n::words::recorded;
    let endings = [
        "transient",
        "resolved",
        "completed",
        "escalated",
        "aborted",
        "left",
    ];
    let more = ["not finished (dry-run)", "not finished (read-only)", "quit"];
    for language in LANGUAGES {
        for word in endings.iter().chain(&more) {
            assert!(
                recorded(Tr::of(language), word).is_some(),
                "{language}: {word}"
            );
        }
    }
}
