//! The runbook pane and the boxes over it in each language: the step rows' words, the
//! typed confirmation of a failover and the box that offers the undo steps when leaving.
#![allow(clippy::unwrap_used)]

mod common;

use common::languages::{box_intact, english_left, english_texts_left, inside_box};
use common::pane::Console;
use common::screen::{render, text, theme};
use crossterm::event::KeyCode;
use healthdeck::i18n::{LANGUAGES, Tr};
use healthdeck::incident::Entry;
use healthdeck::update::Prompt;

/// The CTP runbook on cas-02 with three steps run and the restart next, on screen.
fn pane_in(language: &'static str, width: u16, height: u16) -> String {
    let console = Console::ctp_three_steps(language, width, height);
    text(&render(&console.state, &theme("default"), false))
}

/// The stubborn incident's walk up to the failover's typed confirmation.
fn at_the_failover(language: &'static str, width: u16, height: u16) -> Console {
    let mut console = Console::stubborn_incident(width, height);
    console.open_runbook_as_alice_in(language);
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            if call.step == "failover" {
                return console;
            }
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
    panic!("no failover: {:?}", console.kinds());
}

/// The status words of the step rows: after a row's glyph, up to the two spaces before
/// its title.
fn step_words(screen: &str) -> String {
    let glyphs = ['✓', '·', '▸', '-', '✖', '↻', '◷', '?', 'x', '←', '→'];
    screen
        .lines()
        .filter_map(|l| {
            let mut chars = l.chars();
            let (_, glyph) = (chars.next()?, chars.next()?);
            glyphs.contains(&glyph).then(|| chars.as_str().trim_start())
        })
        .map(|rest| rest.split("  ").next().unwrap_or(rest).to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_step_rows_say_each_state_in_the_language() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let screen = pane_in(language, width, height);
            let tr = Tr::of(language);
            for id in ["step-done", "step-next", "step-pending", "step-skipped"] {
                assert!(screen.contains(tr.text(id)), "{language} {id}:\n{screen}");
            }
            if width >= 120 && matches!(language, "ko" | "ja" | "zh-TW") {
                // The fleet beside the pane: its words are the grid's.
                let fleet: String = screen
                    .lines()
                    .skip(1)
                    .map(|l| l.split('│').next().unwrap_or(l))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_eq!(
                    english_left(&fleet),
                    Vec::<String>::new(),
                    "{language}:\n{fleet}"
                );
            }
            let ids = [
                "step-done",
                "step-next",
                "step-pending",
                "log-title",
                "log-follow",
            ];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("pane_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn the_step_words_of_a_cjk_pane_leave_no_english_word() {
    for language in ["ko", "ja", "zh-TW"] {
        let rows = step_words(&pane_in(language, 80, 24));
        assert!(!rows.is_empty());
        assert_eq!(
            english_left(&rows),
            Vec::<String>::new(),
            "{language}:\n{rows}"
        );
    }
}

#[test]
fn the_failover_confirmation_in_every_language() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let console = at_the_failover(language, width, height);
            let screen = text(&render(&console.state, &theme("default"), false));
            let tr = Tr::of(language);
            assert!(screen.contains(tr.text("prompt-confirm-title")), "{screen}");
            let ids = ["prompt-confirm-title", "hint-confirm", "hint-abort"];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            // The whole box, what the monitor shows now included, in a CJK language.
            if ["ko", "ja", "zh-TW"].contains(&language) {
                // The action's id is a name, like a cmdlet's; `min` is a unit.
                let inside = inside_box(&screen).replace("failover_databases", "");
                let inside = inside.replace(" min", "");
                let left = english_left(&inside);
                assert!(left.is_empty(), "{language}: {left:?}\n{inside}");
            }
            insta::assert_snapshot!(format!("confirm_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn leaving_half_way_offers_the_undo_steps_in_every_language() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let mut console = at_the_failover(language, width, height);
            let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() else {
                unreachable!()
            };
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
            console.run_jobs();
            console.key(KeyCode::Esc);
            let screen = text(&render(&console.state, &theme("default"), false));
            let tr = Tr::of(language);
            assert!(screen.contains(tr.text("prompt-leave-title")), "{screen}");
            assert!(screen.contains(tr.text("prompt-leave-owed")), "{screen}");
            let ids = ["prompt-leave-owed", "prompt-leave-run", "prompt-leave-stay"];
            assert_eq!(
                english_texts_left(&screen, language, &ids),
                Vec::<&str>::new()
            );
            insta::assert_snapshot!(format!("leave_{language}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn the_quit_question_keeps_its_box_in_every_language() {
    for (width, height) in [(80, 24), (120, 36)] {
        for language in LANGUAGES {
            let mut console = Console::incident(width, height);
            console.state.launch.language = language;
            console.open_runbook();
            console.state.view.prompt = Some(Prompt::QuitRunning);
            let screen = text(&render(&console.state, &theme("default"), false));
            let tr = Tr::of(language);
            assert!(screen.contains(tr.text("prompt-quit-title")), "{screen}");
            let inside = inside_box(&screen);
            if matches!(language, "ko" | "ja" | "zh-TW") {
                // The keys' letters stay: they are what the engineer presses.
                let left: Vec<String> = english_left(&inside)
                    .into_iter()
                    .filter(|w| w.len() > 1)
                    .collect();
                assert_eq!(left, Vec::<String>::new(), "{language}:\n{screen}");
            }
            assert!(box_intact(&screen), "{language}:\n{screen}");
            // Every choice is said whole, on as many lines as it takes: never cut.
            let joined: String = inside.chars().filter(|c| !" │\n".contains(*c)).collect();
            for id in [
                "prompt-quit-cancel",
                "prompt-quit-leave-training",
                "prompt-quit-stay",
            ] {
                let whole: String = tr.text(id).chars().filter(|c| *c != ' ').collect();
                assert!(joined.contains(&whole), "{language} {id}:\n{screen}");
            }
        }
    }
}

/// The command line's answers and an acknowledgement's refusal, in Korean.
#[test]
fn the_command_line_answers_in_the_language() {
    let ko = Tr::of("ko");
    let mut console = Console::incident(80, 24);
    console.state.launch.language = "ko";
    for (line, id) in [
        ("sort nothing", "flash-sort-keys"),
        ("owed", "flash-nothing-owed"),
        ("ack", "ack-not-shared"),
    ] {
        console.key(KeyCode::Char(':'));
        console.type_text(line);
        console.key(KeyCode::Enter);
        let said = console.state.view.flash.clone().unwrap_or_default();
        assert_eq!(said, ko.text(id), ":{line}");
        assert_ne!(said, Tr::english().text(id), ":{line}");
    }
    console.key(KeyCode::Char(':'));
    console.type_text("frobnicate");
    console.key(KeyCode::Enter);
    let said = console.state.view.flash.clone().unwrap_or_default();
    assert!(
        said.contains("`frobnicate`") && said.contains(":ack"),
        "{said}"
    );
    assert!(!said.starts_with("unknown command"), "{said}");
}

/// The titles a record holds: the runbook's, each step's, and what ran unrecorded.
fn recorded_titles(console: &Console) -> Vec<String> {
    console
        .records
        .iter()
        .filter_map(|entry| match entry {
            Entry::RunbookOpened { title, .. } | Entry::StepStarted { title, .. } => {
                Some(title.clone())
            }
            Entry::Unrecorded { what, .. } => Some(what.clone()),
            _ => None,
        })
        .collect()
}

/// The failover confirmed while the record is not written: what the box asks to run
/// unrecorded, and then the record's own words: what ran unrecorded and the step's title.
fn failover_unrecorded(language: &'static str) -> (String, String, String) {
    let mut console = at_the_failover(language, 120, 36);
    console.state.record_unwritten = Some("no space left on device".to_owned());
    console.type_text("mbx-02");
    console.key(KeyCode::Enter);
    let Some(Prompt::Unrecorded { what, .. }) = console.state.view.prompt.clone() else {
        panic!("{language}: not asked: {:?}", console.state.view.prompt);
    };
    console.key(KeyCode::Char('y'));
    let mut records = console.records.iter().rev();
    let title = records.find_map(|entry| match entry {
        Entry::StepStarted { title, .. } => Some(title.clone()),
        _ => None,
    });
    let recorded = records.find_map(|entry| match entry {
        Entry::Unrecorded { what, .. } => Some(what.clone()),
        _ => None,
    });
    let kinds = console.kinds();
    let (Some(title), Some(recorded)) = (title, recorded) else {
        panic!("{language}: {kinds:?}");
    };
    (what, recorded, title)
}

/// The record is language-neutral: a walk in Korean or Japanese records the titles an
/// English walk records, while the pane and its boxes speak the language.
#[test]
fn a_walk_in_any_language_records_the_english_titles() {
    let english = recorded_titles(&at_the_failover("en", 120, 36));
    assert!(english.len() > 3, "{english:?}");
    let (_, english_unrecorded, english_failover) = failover_unrecorded("en");
    for language in ["ko", "ja", "zh-TW", "pt-BR"] {
        let console = at_the_failover(language, 120, 36);
        assert_eq!(recorded_titles(&console), english, "{language}");
        let (asked, recorded, title) = failover_unrecorded(language);
        assert_eq!(recorded, english_unrecorded, "{language}");
        assert_eq!(title, english_failover, "{language}");
        assert_ne!(asked, recorded, "{language}: the box asks in the language");
    }
}
