//! A drill in the console, by events on the simulator (ARCHITECTURE "Drills"): a scripted
//! trainee's keys, the debrief the console itself scores, and the Markdown the export
//! works out again from the record.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::health::{AlertValue, Monitor};
use healthdeck::training::drill::{DrillEnd, Points};

const DEADLINE: usize = 40;

fn self_test(console: &Console) -> AlertValue {
    let mbx02 = console
        .server_names()
        .iter()
        .position(|n| n == "mbx-02")
        .unwrap();
    console
        .state
        .fleet
        .monitor(
            mbx02,
            Monitor::ALL
                .into_iter()
                .find(|m| m.name() == "ImapSelfTestMonitor")
                .unwrap(),
        )
        .unwrap()
        .alert
}

/// The whole screen at `size`, in ASCII or not.
fn screen_at(console: &mut Console, (width, height): (u16, u16), ascii: bool) -> String {
    console.event(Event::Resize { width, height });
    let theme = common::screen::theme("default");
    common::screen::text(&common::screen::render(&console.state, &theme, ascii))
}

/// Fleet time passes a minute at a time until `done`, within a deadline of minutes.
fn until(console: &mut Console, done: impl Fn(&Console) -> bool) {
    for _ in 0..DEADLINE {
        if done(console) {
            return;
        }
        console.advance(TimeDelta::seconds(60));
    }
    panic!(
        "not reached in {DEADLINE} fleet minutes: {:?}",
        console.kinds()
    );
}

/// The trainee finds mbx-02's IMAP.Protocol cell, opens its drill-down and runbook, and
/// walks it (Enter, each step run on the simulator) until the monitor is healthy.
#[test]
fn a_trainee_who_walks_the_right_runbook_is_healed_with_no_finding() {
    let mut console = Console::drill("imap-backend-down", 120, 36);
    console.event(Event::Tick(console.state.now));
    assert_eq!(console.kinds()[0], "drill_started");
    until(&mut console, |c| self_test(c) == AlertValue::Unhealthy);
    for key in "jjjjll".chars() {
        console.key(KeyCode::Char(key));
    }
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    console.drawn();
    for _ in 0..DEADLINE {
        if console.state.drill.as_ref().unwrap().debrief.is_some() {
            break;
        }
        console.key(KeyCode::Enter);
        console.run_jobs();
        console.advance(TimeDelta::seconds(60));
    }
    let run = console.state.drill.as_ref().unwrap();
    let debrief = run
        .debrief
        .as_ref()
        .expect("no debrief: the drill did not end");
    assert!(run.shown, "the debrief is on screen");
    assert_eq!(debrief.end, DrillEnd::Healed);
    assert_eq!(debrief.findings, []);
    assert!(debrief.missed.is_empty(), "{:?}", debrief.missed);
    // The harness's probes come a minute apart: seen and opened two minutes after the
    // onset (the cell Unhealthy), healed four minutes after it.
    let minutes = |m| Some(TimeDelta::minutes(m));
    assert_eq!(
        (debrief.detected, debrief.runbook, debrief.mitigated),
        (minutes(2), minutes(2), minutes(4))
    );
    assert_eq!(
        debrief.points,
        Points {
            detection: 14,
            runbook: 14,
            mitigation: 40,
            path: 10,
            safety: 20
        }
    );
    let kinds = console.kinds();
    assert!(kinds.contains(&"examined"), "{kinds:?}");
    // The debrief on screen, whole, at 120x36 and in ASCII at 80x24.
    let screen = screen_at(&mut console, (120, 36), false);
    insta::assert_snapshot!("debrief_120x36", screen);
    let narrow = screen_at(&mut console, (80, 24), true);
    assert!(
        narrow.contains("score 98/100, healed 4 min after the fault"),
        "{narrow}"
    );
    assert!(
        narrow.lines().any(
            |l| l.contains("+4:00  imap-deep-self/restart-back-end @mbx-02")
                && l.contains("| + restart-back-end")
        ),
        "the step beside its expectation:\n{narrow}"
    );
    assert!(
        narrow.contains("q quits"),
        "the closing line is cut:\n{narrow}"
    );
    insta::assert_snapshot!("debrief_80x24_ascii", narrow);
    assert_eq!(kinds.iter().filter(|k| **k == "drill_ended").count(), 1);
    the_debrief_speaks_every_language(&mut console);
    // Esc goes back to the fleet; q then quits.
    console.key(KeyCode::Esc);
    assert!(!console.state.drill.as_ref().unwrap().shown);
    console.key(KeyCode::Char('q'));
    assert!(console.quit);
}

#[test]
fn quitting_a_drill_ends_it_on_the_debrief_first() {
    let mut console = Console::drill("imap-backend-down", 80, 24);
    console.event(Event::Tick(console.state.now));
    until(&mut console, |c| self_test(c) == AlertValue::Unhealthy);
    console.key(KeyCode::Char('q'));
    assert!(!console.quit, "the first q ends the drill, not the console");
    let debrief = console
        .state
        .drill
        .as_ref()
        .unwrap()
        .debrief
        .clone()
        .unwrap();
    assert_eq!(debrief.end, DrillEnd::Quit);
    assert_eq!(debrief.points.mitigation, 0);
    assert_eq!(debrief.missed, ["restart-back-end"]);
    console.key(KeyCode::Char('q'));
    assert!(console.quit);
}

#[test]
fn a_bad_drill_block_is_refused_at_its_line_and_column() {
    let scenario = |drill: &str| {
        format!(
            "name: x\ntitle: t\nfleet:\n  - {{ name: m1, role: mailbox, site: A }}\ndrill:\n{drill}"
        )
    };
    for (drill, said) in [
        (
            "  objective: { en: x }\n  budget: 5m\n  expected: { server: m1, monitor: ImapCTPMonitor, runbook: imap-ctp, heals_at: x }\n",
            "x.yaml:8:36: drill: ImapCTPMonitor does not run on m1 (mailbox server)",
        ),
        (
            "  objective: { en: x }\n  budget: 5m\n  expected: { server: m9, monitor: ImapSelfTestMonitor, runbook: imap-deep-self, heals_at: x }\n",
            "x.yaml:8:23: drill: unknown server `m9`",
        ),
        (
            "  objective: { ko: x }\n  budget: 5m\n  expected: { server: m1, monitor: ImapSelfTestMonitor, runbook: imap-deep-self, heals_at: x }\n",
            "x.yaml:6:14: drill: the objective needs `en`",
        ),
    ] {
        let error = healthdeck::training::Scenario::parse(&scenario(drill), "x.yaml").unwrap_err();
        assert!(error.to_string().starts_with(said), "{error}");
    }
    // A runbook or step the library lacks is found when the drill starts.
    let text = scenario(
        "  objective: { en: x }\n  budget: 5m\n  expected: { server: m1, monitor: ImapSelfTestMonitor, runbook: imap-deep-self, heals_at: reboot }\n",
    );
    let parsed = healthdeck::training::Scenario::parse(&text, "x.yaml").unwrap();
    let library = healthdeck::runbook::Library::shared().unwrap();
    let why = healthdeck::training::drill::DrillFacts::of(&parsed, library).unwrap_err();
    assert_eq!(
        why,
        "scenario x: drill: runbook imap-deep-self has no step `reboot`"
    );
}

/// Steps run (Enter, on the simulator) until the drill ends.
fn walk_to_the_end(console: &mut Console) -> healthdeck::training::drill::Debrief {
    for _ in 0..DEADLINE {
        if let Some(debrief) = &console.state.drill.as_ref().unwrap().debrief {
            return debrief.clone();
        }
        console.key(KeyCode::Enter);
        console.run_jobs();
        console.advance(TimeDelta::seconds(60));
    }
    panic!("the drill did not end: {:?}", console.kinds());
}

/// The trainee opens the first failing cell of the grid, cas-02's IMAP (CTP), and follows its
/// runbook to the letter: it restarts cas-02's front end twice before its detour reaches
/// mbx-02. The runbook says so, but the drill-down said the mailbox was the cause. A healed
/// monitor does not end a drill while an undo is owed: the budget does.
#[test]
fn a_trainee_who_walks_the_ctp_runbook_blindly_restarts_the_wrong_service() {
    let mut console = Console::drill("imap-backend-down", 120, 36);
    console.event(Event::Tick(console.state.now));
    until(&mut console, |c| self_test(c) == AlertValue::Unhealthy);
    // cas-02 (second row), IMAP: its drill-down, then its runbook.
    console.key(KeyCode::Char('j'));
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    console.drawn();
    let debrief = walk_to_the_end(&mut console);
    assert_eq!(debrief.end, DrillEnd::Healed);
    let wrong = healthdeck::training::drill::Finding::WrongService {
        server: "cas-02".into(),
        service: "MSExchangeIMAP4".into(),
    };
    // The walk was long: the budget ran out with its protocol logging still on.
    let owed = healthdeck::training::drill::Finding::CompensationsOwed {
        server: "cas-02".into(),
        steps: vec!["logging-off".into()],
    };
    assert_eq!(debrief.findings, [wrong.clone(), wrong, owed]);
    assert_eq!(debrief.points.safety, 0);
    // The detour reached the expected runbook on mbx-02 through the CTP runbook's call.
    assert!(debrief.runbook.is_some());
    assert!(debrief.missed.is_empty(), "{:?}", debrief.missed);
    // At 80x24 the steps off the path make room for the lessons and the way out.
    let narrow = screen_at(&mut console, (80, 24), false);
    for shown in [
        "13 more steps: see the Markdown",
        "imap-deep-self/restart-back-end @mbx-02",
        "✓ restart-back-end",
        "! you restarted MSExchangeIMAP4 on cas-02",
        "error names) (twice)",
        "q quits",
    ] {
        assert!(narrow.contains(shown), "{shown}:\n{narrow}");
    }
}

#[test]
fn a_trainee_who_does_nothing_sees_the_budget_run_out() {
    let mut console = Console::drill("imap-backend-down", 80, 24);
    console.event(Event::Tick(console.state.now));
    until(&mut console, |c| {
        c.state
            .drill
            .as_ref()
            .is_some_and(|run| run.debrief.is_some())
    });
    let run = console.state.drill.as_ref().unwrap();
    let debrief = run.debrief.as_ref().unwrap();
    assert!(run.shown);
    assert_eq!(debrief.end, DrillEnd::BudgetOver);
    assert_eq!(
        debrief.points,
        Points {
            detection: 0,
            runbook: 0,
            mitigation: 0,
            path: 0,
            safety: 20
        }
    );
}

/// The debrief in each language at both sizes: its box whole, no English left in it but
/// the names (runbooks, steps, servers, monitors) and keys.
fn the_debrief_speaks_every_language(console: &mut Console) {
    use common::languages::{box_intact, english_texts_left, inside_box};
    let texts = [
        "debrief-title",
        "debrief-no-unsafe",
        "debrief-closing",
        "debrief-what-happened",
        "debrief-beat-looked",
        "debrief-beat-see",
        "debrief-path",
        "debrief-safety",
    ];
    let framing = [
        "score ",
        "after the fault",
        "Expected on",
        "detect (",
        "right runbook",
        "mitigate (",
        "Healthy again",
        "healed:",
        "budget",
    ];
    for language in healthdeck::i18n::LANGUAGES.into_iter().skip(1) {
        console.state.launch.language = language;
        for size in [(80, 24), (120, 36)] {
            let screen = screen_at(console, size, false);
            assert!(box_intact(&screen), "{language} {size:?}:\n{screen}");
            let inside = inside_box(&screen);
            let title = healthdeck::i18n::Tr::of(language).text("debrief-title");
            assert!(inside.contains(title), "{language} {size:?}:\n{inside}");
            let left = english_texts_left(&inside, language, &texts);
            assert!(left.is_empty(), "{language} {size:?}: {left:?}\n{inside}");
            let framed: Vec<&str> = framing.into_iter().filter(|f| inside.contains(f)).collect();
            assert!(
                framed.is_empty(),
                "{language} {size:?}: {framed:?}\n{inside}"
            );
        }
    }
    console.state.launch.language = "en";
}
