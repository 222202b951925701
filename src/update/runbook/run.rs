//! Running steps: Enter, the guards, confirmation, waits, and the job that starts.

use super::outcome::{ended, settled};
use super::pane::{Active, StepRun};
use super::prepare::{held_back, prepare};
use crate::config::lang::LANGUAGES;
use crate::effect::Effect;
use crate::i18n::words;
use crate::incident::Entry;
use crate::job::{Job, JobEnd, RunId};
use crate::runbook::{Answer, Next, RecoveryAction, StepCall, StepExit};
use crate::update::state::{AppState, Prompt};
use chrono::TimeDelta;
use std::time::Duration;

/// Enter: run the next step (again, when it failed).
pub(super) fn run_next(state: &mut AppState) -> Vec<Effect> {
    let tr = state.tr();
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    match &pane.active {
        Active::Running { .. } => {
            state.view.flash = Some(tr.text("flash-step-running").to_owned());
            return Vec::new();
        }
        Active::Waiting { .. } => {
            state.view.flash = Some(tr.text("flash-waiting").to_owned());
            return Vec::new();
        }
        Active::Idle => {}
    }
    let current = pane.current_row();
    if pane.highlight != current && !pane.is_over() {
        pane.highlight = current;
        state.view.flash = Some(tr.text("flash-next-highlighted").to_owned());
        return Vec::new();
    }
    match pane.walk.next().clone() {
        Next::Done(outcome) if !outcome.owed.is_empty() => {
            pane.autorun = true;
            let refused = pane.walk.compensate().err();
            let refused = refused.map(|error| pane.refused(state.now, "compensate", &error));
            let mut effects: Vec<Effect> = refused.into_iter().collect();
            effects.extend(settled(state));
            effects
        }
        Next::Done(_) => {
            let ending = pane.ending_in(tr).unwrap_or_default();
            state.view.flash = Some(tr.fmt("flash-runbook-over", &[("ending", ending.into())]));
            Vec::new()
        }
        Next::Failed(..) => {
            if let Err(error) = pane.walk.retry() {
                // Not run again: the Enter would only ask the same refused retry.
                return vec![pane.refused(state.now, "retry", &error)];
            }
            pane.highlight = pane.current_row();
            run_next(state)
        }
        Next::Run(call) => begin(state, &call),
    }
}

/// The step in `Next::Run`: guards, escalation, confirmation, then start.
fn begin(state: &mut AppState, call: &StepCall) -> Vec<Effect> {
    if let Some(reason) = held_back(&state.launch.banner, call) {
        let command = prepare(state, call).command;
        let mailbox = assumed_mailbox(state, call);
        let Some(pane) = state.runbook.as_mut() else {
            return Vec::new();
        };
        let shown = command
            .clone()
            .unwrap_or_else(|| call.action.name().to_owned());
        // A preview shows each branch with the condition it waits on.
        let conditions = pane.walk.undecided_of_next();
        let tr = crate::i18n::Tr::of(state.launch.language);
        let guard = words::skip_reason(tr, &reason);
        let (when, recorded) = if conditions.is_empty() {
            (String::new(), reason.to_string())
        } else {
            let when = conditions.join(" and ");
            let shown_when = tr.fmt("note-if", &[("when", when.as_str().into())]);
            (format!("{shown_when}: "), format!("{reason} (if {when})"))
        };
        pane.log.note(state.now, format!("{guard}: {when}{shown}"));
        if let Some(mailbox) = mailbox {
            let tr = crate::i18n::Tr::of(state.launch.language);
            let name = mailbox.name.as_str().into();
            pane.log.note(
                state.now,
                tr.fmt("note-mailbox-assumed", &[("server", name)]),
            );
            pane.walk.assume_mailbox(mailbox);
        }
        pane.unrun.push(super::pane::Unrun {
            procedure: call.procedure.clone(),
            step: call.step.clone(),
            server: call.server.name.clone(),
            command: command.clone(),
            when: when.trim_end_matches(": ").to_owned(),
        });
        let refused = pane.walk.pass_unrun(reason.clone()).err();
        let refused = refused.map(|error| pane.refused(state.now, "passing it unrun", &error));
        let mut effects = vec![Effect::Record(Entry::StepSkipped {
            procedure: call.procedure.clone(),
            step: call.step.clone(),
            server: call.server.name.clone(),
            reason: recorded,
            command,
        })];
        effects.extend(refused);
        pane.recorded += 1;
        effects.extend(settled(state));
        return effects;
    }
    // The runbook's own escalation is a handover like `e`: it asks why first.
    if call.action == RecoveryAction::Escalate
        && state
            .runbook
            .as_ref()
            .is_some_and(|p| p.escalation.is_none())
    {
        super::reason::ask(state, crate::update::Purpose::Escalate);
        return Vec::new();
    }
    if state.launch.platform.needs_confirmation(call) {
        let ran_before = state
            .runbook
            .as_ref()
            .and_then(|p| p.ran_before(call))
            .map(|r| (r.started, r.by.clone()));
        state.view.prompt = Some(Prompt::Confirm {
            text: String::new(),
            call: Box::new(call.clone()),
            refused: None,
            ran_before,
            breaking: None,
        });
        return Vec::new();
    }
    start(state, call)
}

/// Dry-run: the Mailbox server behind the probe, as the fleet says (an inventory's
/// monitoring mailbox, the training scenario's), so the preview can show the detour.
fn assumed_mailbox(state: &AppState, call: &StepCall) -> Option<crate::health::Server> {
    if !state.launch.banner.dry_run || call.action != RecoveryAction::IdentifyMailboxServer {
        return None;
    }
    let servers = state.fleet.servers();
    let at = servers.iter().position(|s| s.name == call.server.name)?;
    let mailbox = state.launch.mailbox_of.get(at).copied().flatten()?;
    servers.get(mailbox).cloned()
}

/// Starts the step: a wait first when it has one, else its job.
pub(super) fn start(state: &mut AppState, call: &StepCall) -> Vec<Effect> {
    let what = (
        super::step_title(state, &call.procedure, &call.step),
        super::step_title_in(state, (&call.procedure, &call.step), LANGUAGES[0]),
    );
    let then = crate::update::Unrecorded::Step(Box::new(call.clone()));
    if crate::update::unrecorded::ask(state, then, what, call.server.name.clone()) {
        return Vec::new();
    }
    let now = state.now;
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    if call.action == RecoveryAction::WaitAndRecheck && call.wait > TimeDelta::zero() {
        let until = now + call.wait;
        let tr = crate::i18n::Tr::of(state.launch.language);
        let args = [
            ("wait", call.wait.num_minutes().into()),
            ("until", until.format("%H:%M:%S").to_string().into()),
        ];
        pane.log.note(now, tr.fmt("note-waiting", &args));
        pane.active = Active::Waiting {
            call: call.clone(),
            started: now,
            until,
        };
        return vec![Effect::Record(Entry::WaitStarted {
            procedure: call.procedure.clone(),
            step: call.step.clone(),
            server: call.server.name.clone(),
            minutes: call.wait.num_minutes(),
            until,
        })];
    }
    launch(state, call, TimeDelta::zero())
}

/// How a wait ended. Every way leads to the recheck: a wait cut short still reads the
/// monitor before the walk moves on, and the recheck's gates apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WaitEnd {
    Elapsed,
    Cancelled,
    Skipped,
}

/// Ends the pane's wait `how`, records it, and starts the recheck now.
pub(super) fn end_wait(state: &mut AppState, how: WaitEnd) -> Vec<Effect> {
    let (now, by) = (state.now, state.launch.operator.clone());
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    let Active::Waiting { call, started, .. } = &pane.active else {
        return Vec::new();
    };
    let (call, waited) = (call.clone(), (now - *started).min(call.wait));
    // The record's word, and the screen's message.
    let (word, id, by) = match how {
        WaitEnd::Elapsed => ("elapsed", "note-wait-elapsed", None),
        WaitEnd::Cancelled => ("cancelled", "note-wait-cancelled", Some(by)),
        WaitEnd::Skipped => ("skipped", "note-wait-skipped", Some(by)),
    };
    if how != WaitEnd::Elapsed {
        let tr = crate::i18n::Tr::of(state.launch.language);
        let args = [
            (
                "waited",
                tr.decimal(waited.num_seconds() as f64 / 60.0).into(),
            ),
            ("wait", call.wait.num_minutes().into()),
        ];
        pane.log.note(now, tr.fmt(id, &args));
    }
    let mut effects = vec![Effect::Record(Entry::WaitEnded {
        procedure: call.procedure.clone(),
        step: call.step.clone(),
        server: call.server.name.clone(),
        how: word.to_owned(),
        waited_s: waited.num_seconds(),
        by,
    })];
    effects.extend(launch(state, &call, waited));
    if let Some(pane) = state.runbook.as_mut() {
        pane.wait_cut_short = how != WaitEnd::Elapsed;
    }
    effects
}

fn launch(state: &mut AppState, call: &StepCall, waited: TimeDelta) -> Vec<Effect> {
    let planned = prepare(state, call);
    if let Some(pane) = state.runbook.as_mut() {
        // A confirmed break is for this one start.
        pane.break_lock = None;
        pane.over_budget = None;
    }
    state.last_run += 1;
    let run = RunId(state.last_run);
    let (now, by) = (state.now, state.launch.operator.clone());
    let title = super::step_title(state, &call.procedure, &call.step);
    let english = super::step_title_in(state, (&call.procedure, &call.step), LANGUAGES[0]);
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    let shown = planned
        .command
        .clone()
        .unwrap_or_else(|| call.action.name().to_owned());
    pane.log.note_for(
        run,
        now,
        format!("{run} {title} @{}: {shown}", call.server.name),
    );
    pane.runs.push(StepRun {
        run,
        call: call.clone(),
        command: planned.command.clone(),
        started: now,
        by: by.clone(),
        ended: None,
        note: None,
    });
    pane.active = Active::Running {
        run,
        call: call.clone(),
        cancel_requested: false,
    };
    pane.waited = waited;
    pane.wait_cut_short = false;
    let (server, monitor) = (pane.server, pane.monitor);
    state.fleet.set_repairing(server, monitor, true);
    let mut effects = vec![Effect::Record(Entry::StepStarted {
        run: run.0,
        procedure: call.procedure.clone(),
        step: call.step.clone(),
        // English, as the whole record: readers name the step in their language by id.
        title: english,
        server: call.server.name.clone(),
        action: call.action.name().to_owned(),
        services: restarted_services(call),
        command: planned.command,
        by,
        compensating: call.compensating,
    })];
    let immediate = match planned.work {
        // Escalation runs nothing: the engineer hands over, and the record says so.
        _ if call.action == RecoveryAction::Escalate => JobEnd {
            exit: StepExit::Succeeded,
            duration: Duration::ZERO,
            stdout: String::new(),
            answer: Some(Answer::succeeded(Vec::new())),
            note: None,
            ran: true,
        },
        Ok(work) => {
            effects.push(Effect::Start(Job { run, work }));
            effects.extend(super::debts::on_start(state, run, call));
            return effects;
        }
        Err(why) => {
            state.view.flash = Some(why.in_language(state.tr()));
            JobEnd {
                exit: StepExit::Failed(None),
                duration: Duration::ZERO,
                stdout: String::new(),
                answer: None,
                note: Some(why),
                ran: false,
            }
        }
    };
    effects.extend(ended(state, run, immediate));
    effects
}

/// A restart over its budget, with the reason typed: recorded, then run again (its name
/// was confirmed already; the reason is the confirmation of going over).
pub(super) fn over_budget(
    state: &mut AppState,
    call: &StepCall,
    service: String,
    reason: String,
) -> Vec<Effect> {
    let by = state.launch.operator.clone();
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    if pane.walk.retry().is_err() {
        let said = crate::i18n::Tr::of(state.launch.language).text("flash-no-longer-waiting");
        state.view.flash = Some(said.to_owned());
        return Vec::new();
    }
    let server = call.server.name.clone();
    pane.over_budget = Some((server.clone(), service.clone(), reason.clone()));
    let entry = Entry::OverBudget {
        server,
        service,
        reason,
        by,
    };
    let mut effects = vec![Effect::Record(entry)];
    effects.extend(start(state, call));
    effects
}

/// A wait that is over starts its recheck.
pub(super) fn tick(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_ref() else {
        return Vec::new();
    };
    let Active::Waiting { until, .. } = &pane.active else {
        return Vec::new();
    };
    if state.now < *until {
        return Vec::new();
    }
    end_wait(state, WaitEnd::Elapsed)
}

/// The Windows services a restart acts on, by their names, whatever the platform: what a
/// drill's debrief compares with the fault's service.
fn restarted_services(call: &StepCall) -> Vec<String> {
    match (call.action, call.service) {
        (RecoveryAction::RestartService, Some(choice)) => {
            crate::runbook::platform::exchange::services(call.protocol, choice, call.server.role)
                .into_iter()
                .map(str::to_owned)
                .collect()
        }
        _ => Vec::new(),
    }
}
