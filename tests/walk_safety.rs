//! What a tired engineer cannot get wrong in the runbook pane, by events on the training
//! fleet: no key acts behind "terminal too small"; a cut-short wait still rechecks; a
//! destructive confirmation says what the monitor shows now.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::TimeDelta;
use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::health::{AlertValue, ProbeReport};
use healthdeck::i18n::Tr;
use healthdeck::incident::Entry;
use healthdeck::runbook::{Ending, Next};
use healthdeck::update::Prompt;
use healthdeck::update::runbook::{Active, monitor_now};

fn resize(console: &mut Console, width: u16, height: u16) {
    console.event(Event::Resize { width, height });
    console.drawn();
}

#[test]
fn no_key_acts_behind_terminal_too_small() {
    let mut console = Console::incident(80, 24);
    console.open_runbook();
    resize(&mut console, 80, 16);
    for key in [
        KeyCode::Enter,
        KeyCode::Char('s'),
        KeyCode::Char('e'),
        KeyCode::Esc,
    ] {
        console.key(key);
    }
    assert!(console.started.is_empty(), "a step ran unseen");
    assert_eq!(console.kinds(), ["examined", "runbook_opened"]);
    let flash = console.state.view.flash.clone().unwrap();
    assert!(flash.contains("too small"), "{flash}");
    // Large enough again: the same Enter runs the step.
    resize(&mut console, 80, 24);
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), 1);
}

#[test]
fn a_pending_confirmation_waits_unseen_and_takes_no_keys_until_it_can_be_seen() {
    let mut console = Console::stubborn_incident(80, 24);
    console.open_runbook();
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if matches!(console.state.view.prompt, Some(Prompt::Confirm { .. })) {
            break;
        }
        console.run_jobs();
    }
    let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() else {
        panic!("no confirmation: {:?}", console.kinds());
    };
    let started = console.started.len();
    resize(&mut console, 79, 24);
    console.type_text(&call.server.name);
    console.key(KeyCode::Enter);
    console.key(KeyCode::Char('q'));
    assert_eq!(console.started.len(), started, "confirmed unseen");
    let Some(Prompt::Confirm { text, .. }) = &console.state.view.prompt else {
        panic!("the confirmation is gone");
    };
    assert!(text.is_empty(), "typed unseen: {text:?}");
    assert!(!console.quit);
    resize(&mut console, 80, 24);
    console.type_text(&call.server.name);
    console.key(KeyCode::Enter);
    assert_eq!(console.started.len(), started + 1);
}

#[test]
fn quit_and_suspend_still_work_when_too_small() {
    let mut console = Console::incident(80, 24);
    resize(&mut console, 60, 10);
    console.key(KeyCode::Char('q'));
    assert!(console.quit);
}

/// The POP latency runbook on cas-01, run up to its first wait (the restart heals it).
fn waiting_on_the_latency_recheck() -> Console {
    let mut console = Console::on("pop-slow-commands", 120, 36);
    console.open_runbook();
    assert_eq!(
        console.state.runbook.as_ref().unwrap().procedure.id(),
        "pop-latency"
    );
    for _ in 0..20 {
        if matches!(
            console.state.runbook.as_ref().unwrap().active,
            Active::Waiting { .. }
        ) {
            return console;
        }
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
    panic!("no wait came: {:?}", console.log_texts());
}

fn latency_alert(console: &Console) -> AlertValue {
    let pane = console.state.runbook.as_ref().unwrap();
    let monitor = console.state.fleet.monitor(pane.server, pane.monitor);
    monitor.unwrap().alert
}

#[test]
fn a_cancelled_or_skipped_wait_rechecks_and_stops_a_healthy_walk_before_any_restart() {
    for (key, how) in [('c', "cancelled"), ('s', "skipped")] {
        let mut console = waiting_on_the_latency_recheck();
        // Minutes pass; the restart healed it: Healthy before the wait is over.
        console.advance(TimeDelta::minutes(6));
        assert_eq!(latency_alert(&console), AlertValue::Healthy);
        let started = console.started.len();
        console.key(KeyCode::Char(key));
        assert_eq!(console.started.len(), started + 1, "{how}: rechecks now");
        console.run_jobs();
        let pane = console.state.runbook.as_ref().unwrap();
        let Next::Done(outcome) = pane.walk.next() else {
            panic!("{how}: the walk went on: {:?}", console.log_texts());
        };
        assert_eq!(outcome.ending, Ending::Resolved, "{how}");
        let restarted = console
            .records
            .iter()
            .any(|e| matches!(e, Entry::StepStarted { action, .. } if action == "restart_server"));
        assert!(!restarted, "{how}: a healthy server was restarted");
        // The record tells the wait: started, then ended early and by whom.
        let waits: Vec<String> = console
            .records
            .iter()
            .filter_map(|e| match e {
                Entry::WaitStarted { step, minutes, .. } => Some(format!("{step} {minutes} min")),
                Entry::WaitEnded {
                    step,
                    how,
                    by,
                    waited_s,
                    ..
                } => Some(format!(
                    "{step} {how} after {waited_s} s by {}",
                    by.as_deref().unwrap_or("-")
                )),
                _ => None,
            })
            .collect();
        let me = console.state.launch.operator.clone();
        assert_eq!(
            waits,
            [
                "recheck 10 min".to_owned(),
                format!("recheck {how} after 360 s by {me}")
            ]
        );
    }
}

#[test]
fn a_wait_that_runs_out_is_recorded_as_elapsed_with_its_recheck() {
    let mut console = waiting_on_the_latency_recheck();
    console.advance(TimeDelta::minutes(11));
    console.run_jobs();
    let ended = console.records.iter().find_map(|e| match e {
        Entry::WaitEnded {
            how, waited_s, by, ..
        } => Some((how.clone(), *waited_s, by.clone())),
        _ => None,
    });
    assert_eq!(ended, Some(("elapsed".to_owned(), 600, None)));
    let recheck = console.records.iter().rev().find_map(|e| match e {
        Entry::StepEnded { facts, .. } => Some(facts.clone()),
        _ => None,
    });
    assert!(recheck.unwrap().contains_key("monitor_healthy"));
}

/// Up to the first destructive confirmation of the stubborn incident; its call.
fn at_the_first_confirmation(console: &mut Console) -> healthdeck::runbook::StepCall {
    console.open_runbook();
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = &console.state.view.prompt {
            return (**call).clone();
        }
        console.run_jobs();
    }
    panic!("no confirmation: {:?}", console.kinds());
}

/// The probe behind `call`'s monitor succeeds twice on its server, now.
fn probe_succeeds(console: &mut Console, call: &healthdeck::runbook::StepCall) {
    let server = console
        .server_names()
        .iter()
        .position(|n| *n == call.server.name)
        .unwrap();
    let probe = call.monitor.probe().unwrap();
    let now = console.state.now;
    let report = |seconds| ProbeReport {
        server,
        probe,
        at: now + TimeDelta::seconds(seconds),
        succeeded: true,
        latency_ms: 12,
        error: None,
        late_ms: 0,
    };
    console.event(Event::Probes(vec![report(1), report(2)]));
    console.event(Event::Tick(now + TimeDelta::seconds(3)));
}

#[test]
fn a_destructive_confirmation_says_what_the_monitor_shows_now_before_the_name_is_typed() {
    let mut console = Console::stubborn_incident(120, 36);
    let call = at_the_first_confirmation(&mut console);
    let said = monitor_now(&console.state, &call, Tr::english());
    assert!(
        said.iter()
            .any(|(l, warn)| !warn && l.contains("Unhealthy")),
        "{said:?}"
    );
    assert!(!said.iter().any(|(_, warn)| *warn), "{said:?}");
    // Meanwhile it recovered: the prompt says so, in words, and the record keeps it.
    probe_succeeds(&mut console, &call);
    let said = monitor_now(&console.state, &call, Tr::english());
    let warning = said.iter().find(|(_, warn)| *warn).map(|(l, _)| l.clone());
    let warning = warning.unwrap_or_else(|| panic!("no warning: {said:?}"));
    assert!(warning.contains("is Healthy now"), "{warning}");
    let theme = common::screen::theme("default");
    let screen = common::screen::text(&common::screen::render(&console.state, &theme, false));
    assert!(screen.contains("is Healthy now"), "{screen}");
    // In Japanese the warning is the catalog's, in the box; the record below stays English.
    console.state.launch.language = "ja";
    let japanese = common::screen::text(&common::screen::render(&console.state, &theme, false));
    let warned = monitor_now(&console.state, &call, Tr::of("ja"));
    let (line, _) = warned.iter().find(|(_, warn)| *warn).unwrap();
    assert!(!line.contains("Healthy now"), "{line}");
    let start: String = line.chars().take(16).collect();
    assert!(japanese.contains(&start), "{start}\n{japanese}");
    assert!(!japanese.contains("Healthy now"), "{japanese}");
    console.type_text(&call.server.name);
    console.key(KeyCode::Enter);
    let seen = console.records.iter().rev().find_map(|e| match e {
        Entry::Confirmation { seen, .. } => Some(seen.clone()),
        _ => None,
    });
    let seen = seen.unwrap();
    assert!(
        seen.iter()
            .any(|l| l.starts_with("! ") && l.contains("Healthy now")),
        "{seen:?}"
    );
}

#[test]
fn every_action_either_only_reads_or_changes_a_server_and_read_only_runs_the_first() {
    use healthdeck::runbook::RecoveryAction;
    use healthdeck::update::runbook::prepare::held_back;
    let console = Console::incident(80, 24);
    let mut banner = console.state.launch.banner.clone();
    banner.read_only = true;
    let server = console.state.fleet.servers()[0].clone();
    let monitor = healthdeck::health::Monitor::ALL[0];
    for action in RecoveryAction::ALL {
        // The escalation is neither: it runs nothing, and it is a person's job.
        if action != RecoveryAction::Escalate {
            assert_ne!(
                action.only_reads(),
                action.changes_fleet(),
                "{action:?} must be one or the other"
            );
        }
        let call =
            healthdeck::runbook::StepCall::plain(("p", "s"), server.clone(), monitor, action);
        let refused = held_back(&banner, &call).is_some();
        assert_eq!(refused, !action.only_reads(), "read-only and {action:?}");
    }
}

#[test]
fn restarting_the_cas_warns_when_the_probe_names_another_failing_server() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    for _ in 0..2 {
        console.key(KeyCode::Enter);
        console.run_jobs();
    }
    // An engineer who jumps straight to restarting cas-02 is told where the fault may be.
    let pane = console.state.runbook.as_ref().unwrap();
    let rows = pane.rows(console.state.now);
    let target = rows.iter().position(|r| r.step == "restart-cas").unwrap();
    console.state.runbook.as_mut().unwrap().highlight = target;
    console.key(KeyCode::Char('>'));
    console.type_text("the CAS looks wedged");
    console.key(KeyCode::Enter);
    console.key(KeyCode::Enter);
    let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() else {
        panic!(
            "{:?} {:?}",
            console.state.view.prompt, console.state.view.flash
        );
    };
    assert_eq!(call.step, "restart-cas");
    let said = monitor_now(&console.state, &call, Tr::english());
    assert!(
        said.iter()
            .any(|(l, warn)| *warn && l.contains("names mbx-02, which is failing too")),
        "{said:?}"
    );
}

#[test]
fn a_reading_that_read_bad_news_never_says_succeeded_when_highlighted() {
    let mut console = Console::incident(120, 36);
    console.open_runbook();
    console.key(KeyCode::Enter);
    console.run_jobs();
    console.key(KeyCode::Up);
    let theme = common::screen::theme("default");
    let screen = common::screen::text(&common::screen::render(&console.state, &theme, false));
    assert!(screen.contains("read server unhealthy"), "{screen}");
    assert!(!screen.contains("succeeded"), "{screen}");
}
