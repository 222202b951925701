//! `healthdeck replay` (ARCHITECTURE "Replay"): a record played back gives the same screens
//! whichever way the entry is reached; play follows the record's times; a torn or hostile
//! record plays what it can and says where it stopped; the runbook pane shows each step
//! and its output as the record left them.
#![allow(clippy::unwrap_used)]

#[path = "support/entries.rs"]
mod entries;

mod common;

use common::replay::{drawn, screen};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entries::{change, ended, output, started};
use healthdeck::health::{AlertValue, Monitor};
use healthdeck::incident::{Entry, Record};
use healthdeck::replay::{Replay, ReplayKey};
use std::time::Duration;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap()
}

fn line(second: i64, entry: Entry) -> String {
    let at = t0() + TimeDelta::seconds(second);
    serde_json::to_string(&Record {
        at,
        fleet_at: Some(at),
        entry,
    })
    .unwrap()
}

/// A night on two servers: mbx-02's back end fails, a restart heals it.
fn night() -> String {
    let lines = [
        line(0, change("cas-02", "ImapCTPMonitor", "Unknown", "Healthy")),
        line(
            0,
            change("mbx-02", "ImapSelfTestMonitor", "Unknown", "Healthy"),
        ),
        line(
            60,
            change("mbx-02", "ImapSelfTestMonitor", "Healthy", "Degraded"),
        ),
        line(
            120,
            change("mbx-02", "ImapSelfTestMonitor", "Degraded", "Unhealthy"),
        ),
        line(
            150,
            Entry::Output {
                run: 1,
                stream: "stdout".into(),
                line: "WARNING: Waiting for service\u{1b}[2J to stop".into(),
            },
        ),
        line(
            240,
            change("mbx-02", "ImapSelfTestMonitor", "Unhealthy", "Healthy"),
        ),
    ];
    lines.join("\n") + "\n"
}

#[test]
fn the_same_entry_gives_the_same_screen_however_it_is_reached() {
    let mut replay = Replay::of("night.jsonl", &night());
    assert_eq!(replay.len(), 6);
    replay.key(ReplayKey::PlayPause);
    replay.seek(4);
    let onset = screen(&mut replay, 80, 24);
    assert!(onset.contains("UNHL"), "{onset}");
    insta::assert_snapshot!("replay_unhealthy_80x24", onset);
    // To the end, and back step by step: the same screen at entry 4.
    replay.key(ReplayKey::End);
    let healed = screen(&mut replay, 120, 36);
    insta::assert_snapshot!("replay_healed_120x36", healed);
    replay.key(ReplayKey::Back);
    replay.key(ReplayKey::Back);
    assert_eq!(screen(&mut replay, 80, 24), onset);
    // From a fresh replay, stepping forward four times: the same again.
    let mut fresh = Replay::of("night.jsonl", &night());
    fresh.key(ReplayKey::PlayPause);
    for _ in 0..4 {
        fresh.key(ReplayKey::Forward);
    }
    assert_eq!(screen(&mut fresh, 80, 24), onset);
}

#[test]
fn play_follows_the_records_times_at_its_speed() {
    let mut replay = Replay::of("night.jsonl", &night());
    replay.speed = 10.0;
    // 6 s of wall time at x10 is a minute of the record: to the onset, not past it, in
    // frames of a tenth of a second as the loop plays.
    for _ in 0..60 {
        replay.elapse(Duration::from_millis(100));
    }
    assert_eq!(replay.position, 3);
    replay.key(ReplayKey::PlayPause);
    replay.elapse(Duration::from_secs(60));
    assert_eq!(replay.position, 3, "paused: nothing plays");
    replay.key(ReplayKey::PlayPause);
    replay.elapse(Duration::from_secs(60));
    assert_eq!(replay.position, 6);
    assert!(!replay.playing, "the end stops play");
}

#[test]
fn a_torn_or_hostile_record_plays_what_it_can_and_says_where_it_stopped() {
    let text = night();
    let torn = &text[..text.len() - 30];
    let mut replay = Replay::of("torn.jsonl", torn);
    assert_eq!(replay.len(), 5);
    let stopped = replay.stopped.clone().unwrap();
    assert!(stopped.starts_with("stopped at line 6: "), "{stopped}");
    replay.key(ReplayKey::End);
    let shown = screen(&mut replay, 80, 24);
    assert!(shown.contains("stopped at line 6"), "{shown}");
    // The output line's escape never reaches the terminal.
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(shown.contains("WARNING: Waiting for service"), "{shown}");
}

/// The same night walked: the runbook opened on mbx-02, the probe re-run and failing, the
/// restart confirmed and run, a wait, the recheck, the monitor healed, the runbook closed.
fn walked_night() -> String {
    let p = "imap-deep-self";
    let opened = Entry::RunbookOpened {
        procedure: p.into(),
        title: "ImapDeepTestMonitor and ImapSelfTestMonitor recovery".into(),
        monitor: "ImapSelfTestMonitor".into(),
        server: "mbx-02".into(),
    };
    let confirmed = Entry::Confirmation {
        procedure: p.into(),
        step: "restart-back-end".into(),
        server: "mbx-02".into(),
        typed: "mbx-02".into(),
        accepted: true,
        by: "alice".into(),
        seen: Vec::new(),
    };
    let waiting = Entry::WaitStarted {
        procedure: p.into(),
        step: "wait-recheck".into(),
        server: "mbx-02".into(),
        minutes: 10,
        until: t0() + TimeDelta::minutes(15),
    };
    let waited = Entry::WaitEnded {
        procedure: p.into(),
        step: "wait-recheck".into(),
        server: "mbx-02".into(),
        how: "skipped".into(),
        waited_s: 30,
        by: Some("alice".into()),
    };
    let closed = Entry::RunbookClosed {
        procedure: p.into(),
        ending: "resolved".into(),
        owed: Vec::new(),
    };
    let restart = "Restart the IMAP4 back-end service";
    let entries = [
        (
            0,
            change("mbx-02", "ImapSelfTestMonitor", "Unknown", "Healthy"),
        ),
        (
            60,
            change("mbx-02", "ImapSelfTestMonitor", "Healthy", "Unhealthy"),
        ),
        (90, opened),
        (
            95,
            started(1, p, "rerun-probe", "Re-run the monitor's probe", "mbx-02"),
        ),
        (96, output(1, "\"ResultType\": \"Failed\"")),
        (97, ended(1, "succeeded", 1_200)),
        (120, confirmed),
        (121, started(2, p, "restart-back-end", restart, "mbx-02")),
        (
            122,
            output(
                2,
                "WARNING: Waiting for service 'MSExchangeIMAP4BE' to stop...",
            ),
        ),
        (124, ended(2, "succeeded", 3_100)),
        (125, waiting),
        (155, waited),
        (
            156,
            started(
                3,
                p,
                "wait-recheck",
                "Wait, then re-run the probe",
                "mbx-02",
            ),
        ),
        (157, output(3, "\"ResultType\": \"Succeeded\"")),
        (158, ended(3, "succeeded", 1_000)),
        (
            240,
            change("mbx-02", "ImapSelfTestMonitor", "Unhealthy", "Healthy"),
        ),
        (241, closed),
    ];
    let lines: Vec<String> = entries.into_iter().map(|(s, e)| line(s, e)).collect();
    lines.join("\n") + "\n"
}

#[test]
fn the_runbook_pane_shows_each_step_and_its_output_as_the_record_left_them() {
    let mut replay = Replay::of("walked.jsonl", &walked_night());
    replay.key(ReplayKey::PlayPause);
    // The restart confirmed and running: its output under the re-run's.
    replay.seek(9);
    let running = screen(&mut replay, 80, 24);
    for shown in [
        "ImapDeepTestMonitor and ImapSelfTestMonitor recovery",
        "✓ #1 Re-run the monitor's probe  succeeded 1.2 s",
        "↻ #2 Restart the IMAP4 back-end service  running",
        "#1  \"ResultType\": \"Failed\"",
        "#2  WARNING: Waiting for service",
    ] {
        assert!(running.contains(shown), "{shown}\n{running}");
    }
    insta::assert_snapshot!("replay_walk_running_80x24", running);
    // The end, wide: the pane beside the entries, the runbook's ending in its title.
    replay.key(ReplayKey::End);
    let closed = screen(&mut replay, 120, 36);
    for shown in [
        "ImapSelfTestMonitor @mbx-02  [resolved]",
        "◷ wait-recheck  skipped after 30 s",
        "✓ #3 Wait, then re-run the probe  succeeded 1.0 s",
        "runbook closed: resolved",
    ] {
        assert!(closed.contains(shown), "{shown}\n{closed}");
    }
    insta::assert_snapshot!("replay_walk_resolved_120x36", closed);
    // Back to the confirmation: the step, by its title, waits on it, typed by whom.
    replay.seek(7);
    let confirming = screen(&mut replay, 80, 24);
    assert!(
        confirming.contains("? Restart the IMAP4 back-end service  typed by alice"),
        "{confirming}"
    );
    assert!(!confirming.contains("#2 Restart"), "{confirming}");
}

#[test]
fn a_failed_step_is_marked_by_glyph_word_and_colour_and_ascii_stays_ascii() {
    // The first step's end, run 1's, says it failed.
    let text = walked_night().replacen(r#""exit":"succeeded""#, r#""exit":"failed""#, 1);
    let mut replay = Replay::of("failed.jsonl", &text);
    replay.key(ReplayKey::PlayPause);
    replay.seek(6);
    let buffer = drawn(&mut replay, 80, 24, true);
    let shown = common::screen::text(&buffer);
    assert!(shown.is_ascii(), "{shown}");
    let row = shown
        .lines()
        .position(|l| l.contains("X #1 Re-run the monitor's probe  failed 1.2 s"))
        .unwrap_or_else(|| panic!("no failed row:\n{shown}"));
    let theme = common::screen::theme("default");
    let cell = &buffer[(1, u16::try_from(row).unwrap())];
    assert_eq!(cell.fg, theme.step_failed.fg.unwrap(), "{shown}");
}

#[test]
fn a_monitor_starts_as_its_first_transition_says_it_was() {
    // The console records no first Healthy: "Healthy -> Degraded" is the first word of a
    // monitor that was Healthy all along; a monitor never named stays Unknown.
    let text = [
        line(
            60,
            change("cas-02", "ImapCTPMonitor", "Healthy", "Degraded"),
        ),
        line(
            90,
            change("cas-02", "ImapCTPMonitor", "Degraded", "Unhealthy"),
        ),
    ]
    .join("\n");
    let mut replay = Replay::of("first.jsonl", &text);
    replay.key(ReplayKey::Start);
    let alert = |replay: &Replay, name: &str| {
        let monitor = Monitor::ALL.into_iter().find(|m| m.name() == name).unwrap();
        replay.state.fleet.monitor(0, monitor).map(|m| m.alert)
    };
    let ctp = "ImapCTPMonitor";
    assert_eq!(alert(&replay, ctp), Some(AlertValue::Healthy));
    assert_eq!(
        alert(&replay, "ImapProxyTestMonitor"),
        Some(AlertValue::Unknown)
    );
    replay.key(ReplayKey::End);
    assert_eq!(alert(&replay, ctp), Some(AlertValue::Unhealthy));
    replay.key(ReplayKey::Start);
    assert_eq!(alert(&replay, ctp), Some(AlertValue::Healthy));
}

#[test]
fn a_latency_monitor_is_the_one_of_its_health_set() {
    // IMAP's and POP's latency monitors share a name: the line's health set says which.
    let mut pop = change(
        "mbx-02",
        "AverageCommandProcessingTimeGt60sMonitor",
        "Healthy",
        "Unhealthy",
    );
    if let Entry::Transition { health_set, .. } = &mut pop {
        *health_set = Some("POP".into());
    }
    let mut replay = Replay::of("latency.jsonl", &line(60, pop));
    replay.key(ReplayKey::End);
    let latency = |set: &str| {
        let monitor = Monitor::ALL
            .into_iter()
            .find(|m| {
                m.name() == "AverageCommandProcessingTimeGt60sMonitor"
                    && m.health_set().name() == set
            })
            .unwrap();
        replay.state.fleet.monitor(0, monitor).map(|m| m.alert)
    };
    assert_eq!(latency("POP"), Some(AlertValue::Unhealthy));
    assert_eq!(latency("IMAP"), Some(AlertValue::Unknown));
    let shown = screen(&mut replay, 120, 36);
    assert!(
        shown.contains("AverageCommandProcessingTimeGt60sMonitor (POP) on mbx-02"),
        "{shown}"
    );
}

/// The replay in the engineer's language (the locale's, or `--lang`): its banner, keys,
/// entries and the pane's words are the catalog's; the record's own words (step titles,
/// output, names) stay as recorded.
#[test]
fn the_replay_speaks_the_language_it_is_given() {
    let mut replay = Replay::of("walked.jsonl", &walked_night());
    for language in ["ko", "ja", "zh-TW", "pt-BR"] {
        replay.state.launch.language = language;
        let tr = healthdeck::i18n::Tr::of(language);
        for (at, width, height) in [(7, 80, 24), (9, 80, 24), (usize::MAX, 120, 36)] {
            if at == usize::MAX {
                replay.key(ReplayKey::End);
            } else {
                replay.seek(at);
            }
            let shown = screen(&mut replay, width, height);
            let english = [
                "REPLAY read-only",
                "q quit",
                "typed by",
                " running",
                "skipped after",
                "runbook closed",
                "[resolved]",
                " succeeded ",
                "Unhealthy",
                "looked at",
            ];
            let left: Vec<&str> = english.into_iter().filter(|e| shown.contains(e)).collect();
            assert!(left.is_empty(), "{language} at {at}: {left:?}\n{shown}");
            let keys = tr.text("replay-keys");
            let first_words: String = keys.chars().take(6).collect();
            assert!(shown.contains(&first_words), "{language}: {keys}\n{shown}");
        }
    }
}

/// A record of mbx-02 first seen Healthy, then `entries` ten seconds apart, replayed to
/// its end at 120x36 in each language: (language, screen).
fn each_language_at_the_end(entries: Vec<Entry>) -> Vec<(&'static str, String)> {
    let first = change("mbx-02", "ImapSelfTestMonitor", "Unknown", "Healthy");
    let lines: Vec<String> = std::iter::once(first)
        .chain(entries)
        .zip((0..).step_by(10))
        .map(|(entry, second)| line(second, entry))
        .collect();
    let mut replay = Replay::of("entries.jsonl", &(lines.join("\n") + "\n"));
    healthdeck::i18n::LANGUAGES
        .into_iter()
        .map(|language| {
            replay.state.launch.language = language;
            replay.key(ReplayKey::End);
            (language, screen(&mut replay, 120, 36))
        })
        .collect()
}

/// The rarer entries read as the export says them, in the replay's language: never the
/// record's kind name, never Markdown's marks.
#[test]
fn the_rarer_entries_read_as_sentences_in_the_language() {
    let over = Entry::OverBudget {
        server: "mbx-02".into(),
        service: "MSExchangeIMAP4BE".into(),
        reason: "storage_team asked".into(),
        by: "alice".into(),
    };
    let cancel = Entry::CancelRequested {
        run: 3,
        by: "alice".into(),
    };
    for (language, shown) in each_language_at_the_end(vec![over, cancel]) {
        for kind in ["over budget", "cancel requested", "**", "`", "\\_"] {
            assert!(!shown.contains(kind), "{language}: {kind}\n{shown}");
        }
        assert!(shown.contains("MSExchangeIMAP4BE"), "{language}\n{shown}");
        assert!(shown.contains("storage_team asked"), "{language}\n{shown}");
        let english = ["allowed a restart", "asked to cancel"];
        if language != "en" {
            let left: Vec<&str> = english.into_iter().filter(|e| shown.contains(e)).collect();
            assert!(left.is_empty(), "{language}: {left:?}\n{shown}");
        }
    }
}

/// Why a step ended so (here, another console's lock) reads in the replay, in its
/// language, as the export says it.
#[test]
fn why_a_step_ended_reads_in_the_replays_language() {
    use healthdeck::i18n::{Said, Tr};
    let said = Said::new("said-locked")
        .text("server", "mbx-02")
        .said("holder", Said::as_is("bob"));
    let ended = Entry::StepEnded {
        run: 1,
        exit: "failed".into(),
        code: None,
        duration_ms: 0,
        facts: std::collections::BTreeMap::new(),
        note: Some(said.english()),
        said: Some(said.clone()),
    };
    for (language, shown) in each_language_at_the_end(vec![ended]) {
        let why = said.in_language(Tr::of(language));
        assert!(shown.contains(&why), "{language}: {why}\n{shown}");
    }
}
