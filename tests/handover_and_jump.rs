//! Escalation is a handover, and an experienced engineer may jump ahead; dry-run shows the
//! whole plan. By events on the training fleet.
#![allow(clippy::unwrap_used)]

mod common;

use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::incident::Entry;
use healthdeck::runbook::{Next, SkipReason, StepStatus};
use healthdeck::update::runbook::RowState;
use healthdeck::update::{Prompt, Purpose};

fn run_steps(console: &mut Console, count: usize) {
    for _ in 0..count {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
}

#[test]
fn e_asks_why_then_hands_over_with_the_steps_not_run_said() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    run_steps(&mut console, 2);
    console.key(KeyCode::Char('e'));
    assert!(matches!(
        console.state.view.prompt,
        Some(Prompt::Reason {
            purpose: Purpose::Escalate,
            ..
        })
    ));
    // One key does nothing irreversible: Enter without a reason is refused.
    console.key(KeyCode::Enter);
    assert!(console.handovers.is_empty());
    assert!(matches!(
        console.state.view.prompt,
        Some(Prompt::Reason { .. })
    ));
    console.type_text("the back end never came back; paging the Exchange team");
    console.key(KeyCode::Enter);
    let pane = console.state.runbook.as_ref().unwrap();
    assert!(matches!(pane.walk.next(), Next::Done(o) if o.ending.name() == "escalated"));
    let not_run = console.records.iter().find_map(|e| match e {
        Entry::Escalated {
            reason, not_run, ..
        } => Some((reason.clone(), not_run.clone())),
        _ => None,
    });
    let (reason, not_run) = not_run.unwrap();
    assert_eq!(
        reason,
        "the back end never came back; paging the Exchange team"
    );
    assert!(not_run.len() >= 3, "{not_run:?}");
    // Step ids, as the record names steps everywhere (never a title in some language).
    let ids = |s: &String| {
        (s.chars()).all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-/".contains(c))
    };
    assert!(not_run.iter().all(ids), "{not_run:?}");
    // The steps not run show as such, not vanish.
    let rows = pane.rows(console.state.now);
    let shown = rows
        .iter()
        .filter(|r| matches!(r.state, RowState::Skipped(SkipReason::Escalated)))
        .count();
    assert_eq!(shown, not_run.len());
    // The handover is asked for once, after the escalation step's end.
    assert_eq!(console.handovers.len(), 1, "{:?}", console.handovers);
    let handover_at = console.kinds().iter().rposition(|k| *k == "step_ended");
    assert!(handover_at.is_some());
    console.event(Event::HandoverWritten {
        procedure: "imap-ctp".to_owned(),
        server: "cas-02".to_owned(),
        path: Ok("/state/incidents/x.handover-imap-ctp-1.md".to_owned()),
    });
    assert!(matches!(
        console.records.last(),
        Some(Entry::Handover { .. })
    ));
    let flash = console.state.view.flash.clone().unwrap();
    assert!(flash.contains("handover"), "{flash}");
}

#[test]
fn jumping_ahead_asks_why_and_marks_the_steps_passed_over() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    // After the verification, the next step is the front-end restart; jump to the
    // identification of the Mailbox server.
    run_steps(&mut console, 2);
    let pane = console.state.runbook.as_ref().unwrap();
    let rows = pane.rows(console.state.now);
    let target = rows
        .iter()
        .position(|r| r.step == "identify-mailbox")
        .unwrap();
    console.state.runbook.as_mut().unwrap().highlight = target;
    console.key(KeyCode::Char('>'));
    let Some(Prompt::Reason {
        purpose: Purpose::JumpAhead { step, .. },
        ..
    }) = console.state.view.prompt.clone()
    else {
        panic!(
            "{:?} {:?}",
            console.state.view.prompt, console.state.view.flash
        );
    };
    assert_eq!(step, "identify-mailbox");
    console.type_text("the problem list already names mbx-02");
    console.key(KeyCode::Enter);
    let pane = console.state.runbook.as_ref().unwrap();
    let Next::Run(call) = pane.walk.next() else {
        panic!()
    };
    assert_eq!(call.step, "identify-mailbox");
    let passed: Vec<String> = pane
        .walk
        .history()
        .iter()
        .filter(|r| matches!(&r.status, StepStatus::Skipped(SkipReason::PassedOver(_))))
        .map(|r| r.step.clone())
        .collect();
    assert!(
        passed.contains(&"restart-front-end".to_owned()),
        "{passed:?}"
    );
    let recorded = console.records.iter().find_map(|e| match e {
        Entry::PassedOver { steps, reason, .. } => Some((steps.clone(), reason.clone())),
        _ => None,
    });
    let (steps, reason) = recorded.unwrap();
    assert_eq!(steps, passed);
    assert_eq!(reason, "the problem list already names mbx-02");
    // Passed over: recorded once, in the passed_over entry, not again as skips.
    let skipped = console
        .records
        .iter()
        .filter(|e| matches!(e, Entry::StepSkipped { step, .. } if passed.contains(step)))
        .count();
    assert_eq!(skipped, 0);
}

#[test]
fn a_jump_never_passes_over_a_compensation_owed() {
    let mut console = Console::stubborn_incident(120, 36);
    console.open_runbook();
    // Through the logging step, which owes turning logging off again.
    for _ in 0..8 {
        if console
            .state
            .runbook
            .as_ref()
            .unwrap()
            .walk
            .owed()
            .iter()
            .any(|o| o.step == "logging-off")
        {
            break;
        }
        run_steps(&mut console, 1);
    }
    let pane = console.state.runbook.as_ref().unwrap();
    let rows = pane.rows(console.state.now);
    let past = rows
        .iter()
        .position(|r| r.step == "restart-after-logging" && r.state == RowState::Pending)
        .unwrap();
    console.state.runbook.as_mut().unwrap().highlight = past;
    console.key(KeyCode::Char('>'));
    // The prompt opens anyway, so what is typed next is never taken as keys; it says why
    // Enter will not move the walk, naming the step by its title.
    let Some(Prompt::Reason { refused, .. }) = console.state.view.prompt.clone() else {
        panic!("{:?}", console.state.view.prompt);
    };
    let refused = refused.unwrap_or_default();
    assert!(
        refused.contains("Turn IMAP protocol logging off is owed"),
        "{refused}"
    );
    let started = console.started.len();
    console.type_text("skip ahead please");
    console.key(KeyCode::Enter);
    assert!(
        matches!(console.state.view.prompt, Some(Prompt::Reason { .. })),
        "still asking"
    );
    assert_eq!(console.started.len(), started, "typing ran nothing");
    let pane = console.state.runbook.as_ref().unwrap();
    let passed = pane
        .walk
        .history()
        .iter()
        .any(|r| matches!(&r.status, StepStatus::Skipped(SkipReason::PassedOver(_))));
    assert!(!passed, "nothing was passed over");
}

#[test]
fn dry_run_previews_both_sides_of_the_mailbox_detour_with_their_conditions() {
    let mut console = Console::stubborn_incident(120, 36);
    console.state.launch.banner.dry_run = true;
    console.open_runbook();
    for _ in 0..60 {
        if console.state.runbook.as_ref().unwrap().is_over() {
            break;
        }
        console.key(KeyCode::Enter);
    }
    assert!(console.started.is_empty(), "dry-run ran something");
    let shown: Vec<(String, String)> = console
        .records
        .iter()
        .filter_map(|e| match e {
            Entry::StepSkipped {
                step,
                reason,
                command: Some(command),
                ..
            } => Some((format!("{step}: {reason}"), command.clone())),
            _ => None,
        })
        .collect();
    let find = |needle: &str| shown.iter().find(|(_, c)| c.contains(needle)).cloned();
    let (failover, _) = find("DatabaseCopyActivationDisabledAndMoveNow $true")
        .unwrap_or_else(|| panic!("no failover previewed: {shown:#?}"));
    assert!(failover.contains("if not server_healthy"), "{failover}");
    let restarts: Vec<&(String, String)> = shown
        .iter()
        .filter(|(_, c)| c.contains("Restart-Computer"))
        .collect();
    assert!(
        restarts
            .iter()
            .any(|(s, c)| s.contains("if server_healthy") && c.contains("cas-02")),
        "the CAS restart, on the other side: {restarts:#?}"
    );
    assert!(
        restarts.iter().any(|(_, c)| c.contains("mbx-02")),
        "the Mailbox server's restart: {restarts:#?}"
    );
    // The undo steps too: what they would undo was not run either.
    let (failback, _) = find("DatabaseCopyActivationDisabledAndMoveNow $false")
        .unwrap_or_else(|| panic!("no failback previewed: {shown:#?}"));
    assert!(failback.contains("failover ran"), "{failback}");
    let (logging_off, _) = find("-ProtocolLogEnabled $false")
        .unwrap_or_else(|| panic!("no logging off previewed: {shown:#?}"));
    assert!(logging_off.contains("logging-on ran"), "{logging_off}");
    let pane = console.state.runbook.as_ref().unwrap();
    assert_eq!(pane.ending().as_deref(), Some("not finished (dry-run)"));
}

#[test]
fn the_runbooks_own_escalation_asks_why_too_and_read_only_never_escalates() {
    // A walk whose gate sends it to the escalation: nothing the runbook does heals the
    // back end (it clears by itself, hours later).
    let text = include_str!("../scenarios/imap-backend-down.yaml").replace(
        "healed_by: restart_service",
        "healed_by: itself\n    clears_after: 10h",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hopeless.yaml");
    std::fs::write(&path, text).unwrap();
    let mut console = Console::on(path.to_str().unwrap(), 120, 36);
    console.open_runbook();
    for _ in 0..30 {
        let pane = console.state.runbook.as_ref().unwrap();
        if let Next::Run(call) = pane.walk.next()
            && call.action.name() == "escalate"
        {
            break;
        }
        assert!(
            !pane.is_over(),
            "no escalation reached: {:?}",
            console.log_texts()
        );
        run_steps(&mut console, 1);
    }
    console.key(KeyCode::Enter);
    assert!(
        matches!(
            console.state.view.prompt,
            Some(Prompt::Reason {
                purpose: Purpose::Escalate,
                ..
            })
        ),
        "{:?}",
        console.state.view.prompt
    );
    assert!(
        console.handovers.is_empty(),
        "nothing handed over on one key"
    );
    console.type_text("restarted twice, still failing");
    console.key(KeyCode::Enter);
    console.run_jobs();
    assert_eq!(console.handovers.len(), 1);

    // Read-only: nothing was attempted, so nothing is handed over.
    let mut console = Console::stubborn_incident(120, 36);
    console.state.launch.banner.read_only = true;
    console.open_runbook();
    run_steps(&mut console, 40);
    assert!(console.handovers.is_empty());
    let escalated = console
        .records
        .iter()
        .any(|e| matches!(e, Entry::StepStarted { action, .. } if action == "escalate"));
    assert!(!escalated, "read-only escalated");
}
