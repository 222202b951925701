//! Typed confirmation of a destructive step: the server's short name, case-insensitive.
//! Every printable key is literal here; Enter confirms, Esc aborts, both are recorded.

use super::run;
use crate::effect::Effect;
use crate::guardrails::Holder;
use crate::health::AlertValue;
use crate::health::monitor::MonitorState;
use crate::i18n::{Said, Tr, words};
use crate::incident::Entry;
use crate::job::RunId;
use crate::runbook::StepCall;
use crate::update::state::{AppState, Prompt};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What must be typed: the name up to the first dot (`ex01` of `ex01.contoso.com`).
pub fn short_name(call: &StepCall) -> &str {
    short_of(&call.server.name)
}

/// A server's short name: up to the first dot.
pub fn short_of(server: &str) -> &str {
    server.split('.').next().unwrap_or(server)
}

/// What the monitor behind a destructive step shows right now, a line each, in the
/// language of `tr` (the record's copy is English); `true` marks a line that should stop
/// the engineer before typing the name: the monitor is Healthy (the step may not be
/// needed), or the step's server shows nothing failing while the alert is on another server.
pub fn monitor_now(state: &AppState, call: &StepCall, tr: Tr) -> Vec<(String, bool)> {
    let servers = state.fleet.servers();
    let Some(index) = servers.iter().position(|s| s.name == call.server.name) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    // Every source's word on it: Exchange's where Exchange watches.
    let alert = state.fleet.alert_of(index, call.monitor);
    if let Some((alert, since)) = alert {
        let minutes = since
            .filter(|_| alert != AlertValue::Healthy)
            .map(|t| (state.now - t).num_minutes().max(0));
        let mut args = vec![
            ("monitor", call.monitor.name().into()),
            ("server", call.server.name.as_str().into()),
            ("alert", words::alert(tr, alert).into()),
        ];
        let id = match minutes {
            Some(minutes) => {
                args.push(("minutes", minutes.into()));
                "confirm-now-for"
            }
            None => "confirm-now",
        };
        lines.push((tr.fmt(id, &args), false));
        match alert {
            AlertValue::Healthy => lines.push((
                tr.fmt(
                    "confirm-healthy-now",
                    &[
                        ("monitor", call.monitor.name().into()),
                        ("healthy", words::alert(tr, alert).into()),
                    ],
                ),
                true,
            )),
            AlertValue::Unknown => lines.push((
                tr.fmt(
                    "confirm-unknown",
                    &[("unknown", words::alert(tr, alert).into())],
                ),
                true,
            )),
            _ => {}
        }
    }
    lines.extend(elsewhere(state, call, index, tr));
    lines
}

/// The warnings that the fault may be on another server.
fn elsewhere(state: &AppState, call: &StepCall, index: usize, tr: Tr) -> Vec<(String, bool)> {
    let servers = state.fleet.servers();
    let mut lines = Vec::new();
    let alert_server = state.runbook.as_ref().map(|p| p.server);
    let failing_on = |server: usize| {
        crate::health::Monitor::ALL.into_iter().any(|m| {
            m.protocol == call.protocol
                && state
                    .fleet
                    .alert_of(server, m)
                    .is_some_and(|(alert, _)| alert.is_problem())
        })
    };
    // The probe's own error may name the server at fault (a CTP proxied to a Mailbox
    // server): a restart here would not reach it.
    let error = state
        .fleet
        .monitor(index, call.monitor)
        .and_then(MonitorState::last)
        .and_then(|r| r.error)
        .unwrap_or_default();
    let named = servers
        .iter()
        .enumerate()
        .find(|(other, s)| *other != index && contains_word(&error, &s.name) && failing_on(*other));
    if let Some((_, other)) = named {
        let args = [
            ("other", other.name.as_str().into()),
            ("server", call.server.name.as_str().into()),
        ];
        lines.push((tr.fmt("confirm-error-names", &args), true));
    }
    if alert_server.is_some_and(|a| a != index) && !failing_on(index) {
        let args = [
            ("server", call.server.name.as_str().into()),
            ("protocol", call.protocol.label().into()),
        ];
        lines.push((tr.fmt("confirm-not-failing-here", &args), true));
    }
    lines
}

/// The step of `run` on `server` that a guard refused, when nothing else is being asked
/// right now (a prompt open stays; the step can be run again by Enter).
pub(super) fn refused_step(state: &AppState, run: RunId, server: &str) -> Option<StepCall> {
    let step = state
        .runbook
        .as_ref()
        .and_then(|pane| pane.runs.iter().find(|r| r.run == run))?;
    (state.view.prompt.is_none() && step.call.server.name == server).then(|| step.call.clone())
}

/// Whether `name` stands in `text` as a word of its own (`mbx-02`, not `mbx-020`).
fn contains_word(text: &str, name: &str) -> bool {
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(is_part) && !after.is_some_and(is_part)
    })
}

/// The step's server is locked by a console that looks dead: typing the server's name
/// breaks the lock and runs the step again (ARCHITECTURE "Destructive steps").
pub fn lock_stale(state: &mut AppState, run: RunId, server: &str, holder: Holder, why: Said) {
    let Some(call) = refused_step(state, run, server) else {
        return;
    };
    state.view.prompt = Some(Prompt::Confirm {
        text: String::new(),
        call: Box::new(call),
        refused: None,
        ran_before: None,
        breaking: Some(Box::new((holder, why))),
    });
}

pub(in crate::update) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    if let Some(effects) = crate::update::prompt::always_acts(state, key) {
        return effects;
    }
    let seen: Vec<String> = match &state.view.prompt {
        // The record keeps what was seen in English, whatever the screen said it in.
        Some(Prompt::Confirm { call, .. }) => monitor_now(state, call, Tr::english())
            .into_iter()
            .map(|(line, warn)| if warn { format!("! {line}") } else { line })
            .collect(),
        _ => Vec::new(),
    };
    let by = (state.launch.operator.clone(), seen);
    let Some(Prompt::Confirm {
        text,
        call,
        refused,
        breaking,
        ..
    }) = &mut state.view.prompt
    else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if control => text.clear(),
        KeyCode::Char(c) if !control => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Esc => {
            let entry = confirmation(call, text, false, by);
            state.view.prompt = None;
            state.view.flash = Some(state.tr().text("flash-not-confirmed").to_owned());
            return vec![Effect::Record(entry)];
        }
        // Nothing typed yet: an Enter typed ahead is not a wrong name.
        KeyCode::Enter if text.trim().is_empty() => {}
        KeyCode::Enter => {
            let accepted = text.trim().eq_ignore_ascii_case(short_name(call));
            let entry = confirmation(call, text, accepted, by);
            if !accepted {
                *refused = Some(std::mem::take(text));
                return vec![Effect::Record(entry)];
            }
            let call = call.clone();
            let breaking = breaking.take();
            state.view.prompt = None;
            let tr = state.tr();
            if let (Some(breaking), Some(pane)) = (breaking, state.runbook.as_mut()) {
                let (holder, _) = *breaking;
                let args = [
                    ("server", call.server.name.as_str().into()),
                    ("holder", holder.said().in_language(tr).into()),
                ];
                pane.log
                    .note(state.now, tr.fmt("note-breaking-lock", &args));
                pane.break_lock = Some((call.server.name.clone(), holder));
                // The step failed on the lock: it runs again.
                if let Err(error) = pane.walk.retry() {
                    return vec![
                        Effect::Record(entry),
                        pane.refused(state.now, "retry", &error),
                    ];
                }
            }
            let mut effects = vec![Effect::Record(entry)];
            effects.extend(run::start(state, &call));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

fn confirmation(
    call: &StepCall,
    typed: &str,
    accepted: bool,
    (by, seen): (String, Vec<String>),
) -> Entry {
    Entry::Confirmation {
        procedure: call.procedure.clone(),
        step: call.step.clone(),
        server: call.server.name.clone(),
        typed: typed.to_owned(),
        accepted,
        by,
        seen,
    }
}
