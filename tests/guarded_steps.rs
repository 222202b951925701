//! Destructive steps and their guardrails with real processes and a real state directory:
//! two consoles racing for one server run the step once, the other says who holds it; a
//! stale lock is offered for breaking and broken only on the typed name; restart budgets
//! refuse the next restart, also after the console restarts, and the pane shows what is left.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{TimeZone, Utc};
use common::pane::Console;
use common::processes::{calls, linux_console, next_step, run_processes_with, stand_in};
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::exec::guardrails::{self, Holder, Limits};
use healthdeck::incident::Entry;
use healthdeck::job::{Guarded, Job, JobEnd, RunId, Work};
use healthdeck::runbook::StepExit;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::guarded::Guardrails;
use healthdeck::runtime::steps::Steps;
use healthdeck::update::Prompt;
use std::path::Path;
use std::time::Duration;
use tokio::sync::mpsc;

const SERVER: &str = "mbx-02";

fn rails(dir: &Path, per_hour: u32) -> Guardrails {
    Guardrails {
        dir: dir.to_path_buf(),
        limits: Limits {
            per_hour,
            per_day: 4,
        },
    }
}

/// A destructive job on SERVER: the stand-in.
fn failover(script: &Path, run: u64, restarts: Option<&str>) -> Job {
    failover_then(script, run, restarts, "true")
}

/// [`failover`], then `then` (a shell command) before the job ends.
fn failover_then(script: &Path, run: u64, restarts: Option<&str>, then: &str) -> Job {
    let argv = vec![
        "sh".to_owned(),
        "-c".to_owned(),
        format!("'{}' \"$0\" && {then}", script.display()),
        "failover".to_owned(),
    ];
    Job {
        run: RunId(run),
        work: Work::Process {
            argv,
            timeout: Duration::from_secs(30),
            guarded: Some(Guarded {
                server: SERVER.to_owned(),
                action: "failover_databases".to_owned(),
                restarts: restarts.map(str::to_owned),
                break_stale: None,
                walk: None,
                over_budget: None,
            }),
        },
    }
}

/// A restart of dovecot on SERVER by the stand-in, in `walk`, over budget for `reason`.
fn restart_in(script: &Path, run: u64, walk: &str, reason: Option<&str>) -> Job {
    let mut job = failover(script, run, Some("dovecot"));
    if let Work::Process {
        guarded: Some(guarded),
        ..
    } = &mut job.work
    {
        guarded.walk = Some(walk.to_owned());
        guarded.over_budget = reason.map(str::to_owned);
    }
    job
}

/// Like `console_runs`, for a restart its budget refuses: its end, then the offer of a typed
/// override that follows it.
fn console_refused(rails: Guardrails, job: Job) -> (JobEnd, Event) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let (tx, mut rx) = mpsc::channel(64);
        let mut steps = Steps::new(tx, FleetClock::new(1.0), None, None).with_guardrails(rails);
        steps.start(job);
        loop {
            match rx.recv().await.unwrap() {
                Event::StepEnded { end, .. } => return (end, rx.recv().await.unwrap()),
                Event::StepOutput { .. } => {}
                other => panic!("unexpected before the end: {other:?}"),
            }
        }
    })
}

/// One console's step runtime on its own thread: starts `job`, returns its end.
fn console_runs(rails: Guardrails, job: Job) -> JobEnd {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let (tx, mut rx) = mpsc::channel(64);
        let mut steps = Steps::new(tx, FleetClock::new(1.0), None, None).with_guardrails(rails);
        steps.start(job);
        loop {
            match rx.recv().await.unwrap() {
                Event::StepEnded { end, .. } => return end,
                Event::StepOutput { .. } | Event::Budget { .. } => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    })
}

#[test]
fn two_consoles_racing_for_one_server_run_the_step_once_and_the_other_says_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let state = dir.path().join("state");
    // The winner holds the lock until the test opens the gate, after the loser has ended:
    // the two overlap however slow the machine.
    let gate = dir.path().join("gate");
    let held = format!("while [ ! -e '{}' ]; do sleep 0.05; done", gate.display());
    let (done, ended) = std::sync::mpsc::channel();
    let ends: Vec<JobEnd> = std::thread::scope(|s| {
        for n in 1..=2 {
            let (rails, job) = (rails(&state, 1), failover_then(&script, n, None, &held));
            let done = done.clone();
            s.spawn(move || done.send(console_runs(rails, job)).unwrap());
        }
        let limit = std::time::Duration::from_secs(60);
        let first = ended.recv_timeout(limit).unwrap();
        std::fs::write(&gate, "").unwrap();
        vec![first, ended.recv_timeout(limit).unwrap()]
    });
    assert_ne!(ends[0].exit, StepExit::Succeeded, "the loser ends first");
    let ran = ends
        .iter()
        .filter(|e| e.exit == StepExit::Succeeded)
        .count();
    assert_eq!(ran, 1, "{ends:#?}");
    assert_eq!(calls(&log), ["failover"], "the step ran exactly once");
    let refused = ends.iter().find(|e| e.exit != StepExit::Succeeded).unwrap();
    let note = &refused.note.as_ref().unwrap().english();
    let holder = format!("(pid {})", std::process::id());
    assert!(
        note.starts_with(&format!("{SERVER} is locked by ")),
        "{note}"
    );
    assert!(
        note.contains(&holder) && note.contains("failover_databases"),
        "{note}"
    );
    // The lock went with the step: the next one runs.
    let next = console_runs(rails(&state, 1), failover(&script, 3, None));
    assert_eq!(next.exit, StepExit::Succeeded, "{next:?}");
}

#[test]
fn budgets_refuse_the_next_restart_and_survive_a_new_console() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let state = dir.path().join("state");
    let first = console_runs(rails(&state, 1), failover(&script, 1, Some("dovecot")));
    assert_eq!(first.exit, StepExit::Succeeded);
    // Another console (the state is only on disk), within the hour.
    let second = console_runs(rails(&state, 1), failover(&script, 2, Some("dovecot")));
    assert_eq!(second.exit, StepExit::Failed(None));
    let note = second.note.unwrap().english();
    assert!(
        note.contains("restarted 1 time in the last hour (limit 1 per hour)"),
        "{note}"
    );
    assert_eq!(calls(&log).len(), 1, "the refused restart ran nothing");
    // Another service of the same server has its own budget.
    let other = console_runs(rails(&state, 1), failover(&script, 3, Some("postfix")));
    assert_eq!(other.exit, StepExit::Succeeded);
}

#[test]
fn a_walk_restarts_a_service_three_times_and_another_walk_may_go_over_only_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let state = dir.path().join("state");
    for run in 1..=3 {
        let end = console_runs(rails(&state, 1), restart_in(&script, run, "walk-a", None));
        assert_eq!(end.exit, StepExit::Succeeded, "restart {run}: {end:?}");
    }
    assert_eq!(calls(&log).len(), 3);

    // Another console's walk: refused, and offered an override after the step's end.
    let (end, offer) = console_refused(rails(&state, 1), restart_in(&script, 4, "walk-b", None));
    assert_eq!(end.exit, StepExit::Failed(None));
    let Event::BudgetDenied {
        run,
        server,
        service,
        why,
    } = offer
    else {
        panic!("no override offered: {offer:?}");
    };
    assert_eq!(
        (run, server.as_str(), service.as_str()),
        (RunId(4), SERVER, "dovecot")
    );
    assert!(
        why.english()
            .starts_with("dovecot on mbx-02 was restarted 1 time in the last hour"),
        "{why}"
    );
    assert_eq!(calls(&log).len(), 3, "the refused restart ran nothing");

    let reason = "CAS still failing after walk a";
    let over = restart_in(&script, 5, "walk-b", Some(reason));
    let end = console_runs(rails(&state, 1), over);
    assert_eq!(end.exit, StepExit::Succeeded, "{end:?}");
    assert_eq!(calls(&log).len(), 4);
    let budget = std::fs::read_to_string(state.join("budgets").join("mbx-02.jsonl")).unwrap();
    assert!(
        budget.contains(&format!("\"over_budget\":\"{reason}\"")),
        "{budget}"
    );
}

/// Enter through the runbook until a service restart has been confirmed and its job
/// started (not run yet); returns its server.
fn up_to_the_restart(console: &mut Console, rails: &Guardrails) -> String {
    for _ in 0..20 {
        next_step(console);
        let restart = console.started.last().and_then(|job| match &job.work {
            Work::Process {
                guarded: Some(g), ..
            } if g.restarts.is_some() => Some(g.server.clone()),
            _ => None,
        });
        if let Some(server) = restart {
            return server;
        }
        run_processes_with(console, None, rails);
    }
    panic!("no restart started: {:?}", console.kinds());
}

#[test]
fn a_stale_lock_is_offered_for_breaking_and_broken_only_on_the_typed_name() {
    let dir = tempfile::tempdir().unwrap();
    let (script, log) = stand_in(dir.path());
    let rails = rails(&dir.path().join("state"), 1);
    let mut console = linux_console(&script);
    console.open_runbook();
    let server = up_to_the_restart(&mut console, &rails);
    // A console that died long ago holding the server.
    let then = Utc.with_ymd_and_hms(2026, 1, 1, 3, 0, 0).unwrap();
    let dead = guardrails::acquire(
        &rails.dir,
        &server,
        Holder::me("restart_server", then),
        then,
    );
    std::mem::forget(dead.unwrap());
    run_processes_with(&mut console, None, &rails);
    assert!(!calls(&log).contains(&"restart_service".to_owned()));
    let Some(Prompt::Confirm {
        breaking: Some(breaking),
        call,
        ..
    }) = console.state.view.prompt.clone()
    else {
        panic!(
            "no offer to break the lock: {:?}",
            console.state.view.prompt
        );
    };
    assert_eq!(call.server.name, server);
    assert_eq!(breaking.0.action, "restart_server");
    assert!(
        breaking
            .1
            .english()
            .starts_with("it looks abandoned: no heartbeat for "),
        "{}",
        breaking.1
    );

    // A wrong name breaks nothing and runs nothing.
    console.type_text("wrong-01");
    console.key(KeyCode::Enter);
    assert!(console.take_pending().is_empty());
    console.key(KeyCode::Esc);
    assert!(console.state.view.prompt.is_none());

    // Enter retries; the lock is still stale, so it is offered again; the name breaks it.
    console.key(KeyCode::Enter);
    if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
        console.type_text(&call.server.name);
        console.key(KeyCode::Enter);
    }
    run_processes_with(&mut console, None, &rails);
    console.type_text(&server);
    console.key(KeyCode::Enter);
    let broke = console.started.last().is_some_and(|job| {
        matches!(&job.work, Work::Process { guarded: Some(g), .. } if g.break_stale.is_some())
    });
    assert!(broke, "the retry breaks the lock it was shown");
    run_processes_with(&mut console, None, &rails);
    assert!(calls(&log).contains(&"restart_service".to_owned()));
    assert!(
        console
            .log_texts()
            .iter()
            .any(|l| l.contains(&format!("breaking the lock on {server}"))),
        "{:?}",
        console.log_texts()
    );
}

#[test]
fn the_pane_shows_the_restart_budget_left() {
    let dir = tempfile::tempdir().unwrap();
    let (script, _) = stand_in(dir.path());
    let mut console = linux_console(&script);
    console.open_runbook();
    let rails = rails(&dir.path().join("state"), 1);
    let server = up_to_the_restart(&mut console, &rails);
    assert!(
        console
            .budget_reads
            .contains(&(server.clone(), "restart_service".to_owned())),
        "the pane asks for the budget when a restart is next: {:?}",
        console.budget_reads
    );
    run_processes_with(&mut console, None, &rails);
    let said = console
        .state
        .budgets
        .get(&(server, "restart_service".to_owned()));
    let (left, limits) = said.expect("the budget after the restart");
    assert_eq!((left.hour, limits.per_hour), (0, 1));
    assert_eq!((left.day, limits.per_day), (3, 4));
}

/// The lock's and the budget's refusals are the console's words: the log says them in the
/// engineer's language around the names and times they hold, and the record in English.
#[test]
fn a_refusal_reads_in_the_engineers_language_and_is_recorded_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let (script, _) = stand_in(dir.path());
    let state = dir.path().join("state");
    let now = FleetClock::new(1.0).now();
    let held = guardrails::acquire(&state, SERVER, Holder::me("restart_server", now), now);
    let locked = console_runs(rails(&state, 1), failover(&script, 1, None));
    drop(held);
    console_runs(rails(&state, 1), failover(&script, 2, Some("dovecot")));
    let spent = console_runs(rails(&state, 1), failover(&script, 3, Some("dovecot")));
    for (refused, kept) in [(locked, "restart_server"), (spent, "dovecot")] {
        let said = refused.note.clone().unwrap();
        let english = said.english();
        for language in ["ko", "ja", "zh-TW", "pt-BR"] {
            let mut console = Console::incident(120, 36);
            console.open_runbook_as_alice_in(language);
            console.key(KeyCode::Enter);
            let run = console.take_pending().remove(0).run;
            let end = JobEnd {
                note: refused.note.clone(),
                ..refused.clone()
            };
            console.event(Event::StepEnded { run, end });
            let log = console.log_texts().join("\n");
            let shown = said.in_language(healthdeck::i18n::Tr::of(language));
            // On its own line, marked as what went wrong (not a dim note's tail).
            let pane = console.state.runbook.as_ref().unwrap();
            let marked = pane.log.lines().iter().any(|l| {
                l.text == shown && l.kind == healthdeck::update::runbook::log::LogKind::Stderr
            });
            assert!(marked, "{language}: {log}");
            assert!(shown.contains(SERVER) && shown.contains(kept), "{shown}");
            for framing in [
                "locked by",
                "nothing ran",
                "restarted",
                "last heartbeat",
                "(limit ",
            ] {
                assert!(!shown.contains(framing), "{language}: {framing} in {shown}");
            }
            let recorded = console.records.iter().rev().find_map(|e| match e {
                Entry::StepEnded { note, .. } => note.clone(),
                _ => None,
            });
            assert_eq!(recorded.as_deref(), Some(english.as_str()), "{language}");
        }
    }
}
