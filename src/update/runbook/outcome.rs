//! A step's end: what the record hears, what the engine is told, and the walk moving on
//! (skips recorded, the highlight following, owed compensations run one by one).

use super::pane::Active;
use super::prepare::restarted_service;
use super::run::run_next;
use crate::effect::Effect;
use crate::i18n::{Said, words};
use crate::incident::Entry;
use crate::job::{JobEnd, RunId};
use crate::runbook::platform::{Platform, exchange};
use crate::runbook::vocabulary::Fact;
use crate::runbook::{Answer, Ending, Next, SkipReason, StepCall, StepExit, StepStatus};
use crate::update::state::AppState;
use std::collections::BTreeMap;

/// A job ended: the record hears it always; the walk, when it is the pane's running step.
pub(super) fn ended(state: &mut AppState, run: RunId, end: JobEnd) -> Vec<Effect> {
    let running = state.runbook.as_ref().and_then(|p| match &p.active {
        Active::Running { run: r, call, .. } if *r == run => Some(call.clone()),
        _ => None,
    });
    let mut end = end;
    let answer = answer_of(state, running.as_ref(), &mut end);
    let facts: BTreeMap<String, bool> = answer
        .facts
        .iter()
        .map(|(e, v)| (e.name().to_owned(), *v))
        .collect();
    let (exit, code) = match end.exit {
        StepExit::Succeeded => ("succeeded", Some(0)),
        StepExit::Failed(code) => ("failed", code),
        StepExit::TimedOut => ("timed_out", None),
        StepExit::Cancelled => ("cancelled", None),
    };
    let mut effects = vec![Effect::Record(Entry::StepEnded {
        run: run.0,
        exit: exit.to_owned(),
        code,
        duration_ms: end.duration.as_millis() as u64,
        facts,
        note: end.note.as_ref().map(Said::english),
        said: end.note.clone(),
    })];
    if let Some(call) = &running {
        effects.extend(super::debts::on_end(state, run, call, (end.exit, end.ran)));
        spent_restart(state, call, end.ran);
    }
    let now = state.now;
    let Some(pane) = state.runbook.as_mut() else {
        return effects;
    };
    if let Some(step_run) = pane.runs.iter_mut().find(|r| r.run == run) {
        step_run.ended = Some((end.exit, end.duration));
        step_run.note.clone_from(&end.note);
    }
    let Active::Running { run: running, .. } = &pane.active else {
        return effects;
    };
    if *running != run {
        return effects;
    }
    // A reading that ran and read bad news says so: "ran · probe Failed", never "succeeded".
    let tr = crate::i18n::Tr::of(state.launch.language);
    let secs = tr.decimal(end.duration.as_secs_f64());
    let (read, bad) = words::readings(tr, &answer.facts);
    let word = if end.exit == StepExit::Succeeded && bad {
        tr.text("step-ran").to_owned()
    } else {
        words::exit(tr, &end.exit)
    };
    let mut said: Vec<String> = Vec::new();
    if !read.is_empty() {
        said.push(read);
    }
    // Refused before it ran (a lock, a budget, a value), or a console that failed while it
    // ran: said on its own marked line, where the eye finds what went wrong.
    let alarm = end.is_alarm();
    let alarm = end.note.take_if(|_| alarm).map(|note| note.in_language(tr));
    said.extend(end.note.map(|note| note.in_language(tr)));
    let said = if said.is_empty() {
        String::new()
    } else {
        format!(" · {}", said.join("; "))
    };
    let args = [
        ("run", run.to_string().into()),
        ("how", word.into()),
        ("took", secs.into()),
    ];
    let note = format!("{}{said}", tr.fmt("note-ended", &args));
    pane.log.note_for(run, now, note);
    if let Some(alarm) = alarm {
        pane.log.alarm_for(run, now, alarm);
    }
    let mut answer = answer;
    answer.exit = end.exit;
    answer.waited = pane.waited;
    answer.cut_short = pane.wait_cut_short;
    pane.active = Active::Idle;
    let (server, monitor) = (pane.server, pane.monitor);
    state.fleet.set_repairing(server, monitor, false);
    let Some(pane) = state.runbook.as_mut() else {
        return effects;
    };
    if let Err(error) = pane.walk.answer(&answer) {
        effects.push(pane.refused(now, "the step's answer", &error));
    }
    effects.extend(settled(state));
    // Quitting after a cancel: now that the step has ended, offer what is owed.
    if state.quit_after_cancel && state.runbook.as_ref().is_some_and(|p| !p.is_running()) {
        state.quit_after_cancel = false;
        effects.extend(super::leave::leave(state, true));
    }
    effects
}

/// What the step established. Unknown is never healthy: output that cannot be read, or
/// that does not say what the step's own gate tests, fails the step (noted in `end`), and
/// no branch is taken on it.
fn answer_of(state: &AppState, running: Option<&StepCall>, end: &mut JobEnd) -> Answer {
    let unknown = |end: &mut JobEnd, note: Said| {
        end.note = Some(match end.note.take() {
            Some(earlier) => earlier.and(note),
            None => note,
        });
        end.exit = StepExit::Failed(None);
        Answer::exited(end.exit)
    };
    let answer = match (&end.answer, running) {
        (Some(answer), _) => answer.clone(),
        (None, Some(call)) => match read_answer(state, call, end) {
            Ok(answer) => answer,
            Err(why) => {
                let note = Said::new("said-unreadable-output").text("why", why);
                return unknown(end, note);
            }
        },
        (None, None) => Answer::exited(end.exit),
    };
    match running.and_then(|call| unread_gate(state, call, &answer)) {
        Some(fact) => unknown(end, Said::new("said-unread-gate").text("fact", fact)),
        None => answer,
    }
}

/// The fact a succeeded step's own gate (`stop_if`, `escalate_if`) tests and its answer did
/// not establish (a Linux command whose output the console does not read), if any.
fn unread_gate(state: &AppState, call: &StepCall, answer: &Answer) -> Option<&'static str> {
    if answer.exit != StepExit::Succeeded {
        return None;
    }
    let spec = state.runbook.as_ref()?.spec(&call.procedure, &call.step)?;
    [spec.stop_if, spec.escalate_if]
        .into_iter()
        .flatten()
        .find_map(|gate| match gate.fact {
            Fact::Expectation(e) if !answer.facts.iter().any(|(known, _)| *known == e) => {
                Some(e.name())
            }
            _ => None,
        })
}

/// A restart that ran spent this walk's one restart of that service.
fn spent_restart(state: &mut AppState, call: &StepCall, ran: bool) {
    if let (true, Some(service)) = (ran, restarted_service(state, call))
        && let Some(pane) = state.runbook.as_mut()
    {
        let key = (call.server.name.clone(), service);
        if !pane.restarted.contains(&key) {
            pane.restarted.push(key);
        }
    }
}

/// A real process's answer: its exit, and on Exchange the expectations its
/// `ConvertTo-Json` output establishes; output that does not say is an error (the step fails).
fn read_answer(state: &AppState, call: &StepCall, end: &JobEnd) -> Result<Answer, String> {
    if end.exit != StepExit::Succeeded || state.launch.platform != Platform::Exchange {
        return Ok(Answer::exited(end.exit));
    }
    match exchange::read(call, &end.stdout) {
        Ok(reading) => Ok(Answer {
            mailbox_server: reading.mailbox_server.and_then(|name| {
                let found = state
                    .fleet
                    .servers()
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(&name));
                found.cloned()
            }),
            ..Answer::succeeded(reading.facts)
        }),
        Err(why) => Err(why.to_string()),
    }
}

/// After the walk moved: record the skips it made, follow it with the highlight, and run
/// the next owed compensation when the engineer chose to run them all.
pub(super) fn settled(state: &mut AppState) -> Vec<Effect> {
    let Some(pane) = state.runbook.as_mut() else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    let history = pane.walk.history();
    for record in &history[pane.recorded.min(history.len())..] {
        if let StepStatus::Skipped(reason) = &record.status
            && !matches!(reason, SkipReason::DryRun | SkipReason::ReadOnly)
        {
            effects.push(Effect::Record(Entry::StepSkipped {
                procedure: record.procedure.clone(),
                step: record.step.clone(),
                server: record.server.clone(),
                reason: reason.to_string(),
                command: None,
            }));
        }
    }
    pane.recorded = history.len();
    pane.highlight = pane.current_row();
    match pane.walk.next().clone() {
        Next::Done(outcome) => {
            pane.autorun = false;
            // Escalating is handing over: whoever takes over gets this walk's story.
            if outcome.ending == Ending::Escalated && !pane.handed_over {
                pane.handed_over = true;
                let procedure = pane.procedure.id().to_owned();
                let server = state.fleet.servers()[pane.server].name.clone();
                effects.push(Effect::Handover {
                    procedure,
                    server,
                    // The summary is for people, in the console's language (not the record).
                    owed: state.owed().iter().map(|d| state.owed_line(d)).collect(),
                });
            }
            let Some(pane) = state.runbook.as_mut() else {
                return effects;
            };
            let tr = crate::i18n::Tr::of(state.launch.language);
            let ending = pane.ending_in(tr).unwrap_or_default();
            let note = if outcome.owed.is_empty() {
                tr.fmt("note-runbook-over", &[("ending", ending.into())])
            } else {
                let args = [
                    ("ending", ending.into()),
                    ("owed", join(&outcome.owed).into()),
                ];
                tr.fmt("note-runbook-over-owed", &args)
            };
            pane.log.note(state.now, note);
            if std::mem::take(&mut state.quit_when_paid) {
                if outcome.owed.is_empty() {
                    effects.push(Effect::Quit(crate::effect::QuitReason::User));
                } else {
                    let owed = join(&outcome.owed);
                    state.view.flash = Some(tr.fmt("flash-still-owed", &[("owed", owed.into())]));
                }
            }
        }
        Next::Failed(call, exit) => {
            pane.autorun = false;
            // A compensation failed: the engineer decides; the console does not quit.
            state.quit_when_paid = false;
            // Why, when the step says (not started: a lock, a budget, a refused value).
            let tr = crate::i18n::Tr::of(state.launch.language);
            let why = pane
                .runs
                .iter()
                .rev()
                .find(|r| r.call.step == call.step)
                .and_then(|r| r.note.as_ref())
                .map(|note| format!(" ({})", note.in_language(tr)))
                .unwrap_or_default();
            let title = super::step_title(state, &call.procedure, &call.step);
            let exit = format!("{}{why}", words::exit(tr, &exit));
            let args = [("step", title.into()), ("exit", exit.into())];
            state.view.flash = Some(tr.fmt("flash-step-failed", &args));
        }
        Next::Run(call) if pane.autorun && call.compensating => {
            effects.extend(run_next(state));
        }
        Next::Run(call) => effects.extend(read_budget(state, &call)),
    }
    effects
}

/// A service restart is next: the pane shows how many its server has left.
fn read_budget(state: &AppState, call: &StepCall) -> Option<Effect> {
    let service = restarted_service(state, call)?;
    Some(Effect::ReadBudget {
        server: call.server.name.clone(),
        service,
    })
}

fn join(owed: &[crate::runbook::Owed]) -> String {
    owed.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
