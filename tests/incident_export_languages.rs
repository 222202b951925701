//! `healthdeck incident export` in the engineer's language: golden Markdown in Korean
//! (`--lang`) and Japanese (the locale), no English framing left, and the record's own
//! words (commands, names, what was typed) kept as recorded.
#![allow(clippy::unwrap_used)]

#[path = "support/incident.rs"]
#[allow(dead_code)]
mod session;

use session::{
    assert_golden, export, export_in, owed_at_escalation, text, write_session,
    write_training_session,
};

/// The English catalog's export messages as written: `id = text { $placeholder } text`.
fn english_export_messages() -> Vec<(String, String)> {
    let catalog = include_str!("../locales/en/healthdeck.ftl");
    catalog
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, _)| {
            ["export-", "handover-", "debrief-"]
                .iter()
                .any(|p| id.starts_with(p))
        })
        .map(|(id, text)| (id.to_owned(), text.to_owned()))
        .collect()
}

/// English framing found in `markdown`: the runs of words between placeholders in every
/// export message (two words or more, and not also in that message's `language` text),
/// as whole phrases. The record's own words (titles, reasons, output, and the lines that
/// said what was owed) are English and stay.
fn english_framing_left(markdown: &str, language: &str) -> Vec<String> {
    let tr = healthdeck::i18n::Tr::of(language);
    let markdown = owed_at_escalation()
        .iter()
        .fold(markdown.to_owned(), |text, owed| text.replace(owed, ""));
    let mut left = Vec::new();
    for (id, english) in english_export_messages() {
        let own = tr.fmt(&id, &[]);
        for piece in english.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| !c.is_ascii_alphabetic());
            let words = piece.split_whitespace().count();
            if words >= 2 && !own.contains(piece) && markdown.contains(piece) {
                left.push(format!("{id}: {piece}"));
            }
        }
    }
    left
}

#[test]
fn a_session_exports_in_korean_when_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (code, markdown, stderr) = export(&[text(&path), "--lang", "ko"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_golden("session.ko.md", &markdown);
    let left = english_framing_left(&markdown, "ko");
    assert!(left.is_empty(), "{left:#?}");
    // The record's own words as recorded: commands, names, what was typed.
    for kept in [
        "`Set-MailboxServer -Identity EX02 -DatabaseCopyActivationDisabledAndMoveNow $false`",
        "**ImapDeepTestMonitor**",
        "`ex01`",
        "`imap-deep-self/failover`",
        "| healthdeck 0.1.0, healthdeck.incident/1 |",
    ] {
        assert!(markdown.contains(kept), "{kept} missing: {markdown}");
    }
    // The alert values are the catalog's words, the arrow between them kept.
    assert!(markdown.contains("비정상 → 정상"), "{markdown}");
}

/// No flag: the locale chooses, as it does for the console.
#[test]
fn a_training_session_exports_in_the_locales_language() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_training_session(tmp.path());
    let (code, markdown, stderr) = export_in(&[text(&path)], None, Some("ja_JP.UTF-8"));
    assert_eq!(code, 0, "{stderr}");
    assert_golden("session-training.ja.md", &markdown);
    let left = english_framing_left(&markdown, "ja");
    assert!(left.is_empty(), "{left:#?}");
    // The flag outranks the locale.
    let (_, english, _) = export_in(&[text(&path), "--lang", "en"], None, Some("ja_JP.UTF-8"));
    assert!(english.starts_with("# Incident record "), "{english}");
    // The console's own `--lang`, before the subcommand, is heard too.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["--lang", "ja", "incident", "export", text(&path)])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), markdown);
}

/// A locale whose character set is not UTF-8 cannot show Japanese: English, as the console
/// does. An unknown `--lang` is a usage error that lists the known ones.
#[test]
fn a_locale_that_cannot_show_the_language_gets_english_and_a_wrong_code_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (code, markdown, _) = export_in(&[text(&path)], None, Some("ja_JP.eucJP"));
    assert_eq!(code, 0);
    assert_eq!(markdown, export(&[text(&path)], None).1);
    let (code, out, stderr) = export(&[text(&path), "--lang", "xx"], None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        stderr.contains("--lang xx: unknown language (use one of en, ko, ja, zh-TW, pt-BR)"),
        "{stderr}"
    );
}

/// Every language's export keeps its Markdown whole: the same headings, table rows,
/// bullets and fences as English, line for line in kind.
#[test]
fn every_language_keeps_the_markdowns_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_training_session(tmp.path());
    let shape = |markdown: &str| -> Vec<String> {
        markdown
            .lines()
            .map(|l| {
                let mark: String = l.chars().take_while(|c| "#|-`>!".contains(*c)).collect();
                format!("{mark}{}", l.matches("**").count() % 2)
            })
            .collect()
    };
    let english = export(&[text(&path), "--lang", "en"], None).1;
    for language in ["ko", "ja", "zh-TW", "pt-BR"] {
        let (code, markdown, stderr) = export(&[text(&path), "--lang", language], None);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(shape(&markdown), shape(&english), "{language}: {markdown}");
        let left = english_framing_left(&markdown, language);
        assert!(left.is_empty(), "{language}: {left:#?}");
    }
}
