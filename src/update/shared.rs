//! Health read from Prometheus, and acknowledgements as Alertmanager silences: `a` asks
//! for how long and why, `A` expires the silence; each lands in the record and every
//! console that reads the same Alertmanager shows it (ARCHITECTURE "Health from Prometheus").

use super::state::{AppState, Prompt, Purpose, Screen};
use crate::effect::Effect;
use crate::health::shared::{AckRequest, SharedUpdate};
use crate::health::{AlertValue, Monitor, Span};
use crate::incident::Entry;

/// One read of the shared source: the fleet takes it; a source that stops (or starts
/// again) answering is news for the record.
pub(super) fn read(state: &mut AppState, update: SharedUpdate) -> Vec<Effect> {
    let was = state.fleet.shared().and_then(|s| s.failed.clone());
    let selected = state
        .cursor_server()
        .and_then(|server| super::navigation::selected_monitor(state, server).map(|c| (server, c)));
    state.fleet.apply_shared(update, state.now);
    if let Some((server, chosen)) = selected {
        super::navigation::reselect(state, server, Some(chosen));
    }
    let now = state.fleet.shared().and_then(|s| s.failed.clone());
    let mut effects = super::transitions(state);
    if was != now {
        effects.push(Effect::Record(Entry::SharedSource {
            state: if now.is_some() { "failed" } else { "answered" }.to_owned(),
            why: now,
        }));
    }
    effects
}

/// `a`: acknowledge the Unhealthy monitor under the cursor.
pub(super) fn acknowledge(state: &mut AppState) -> Vec<Effect> {
    match chosen(state) {
        Ok((server, monitor)) => {
            state.view.prompt = Some(Prompt::Reason {
                purpose: Purpose::Acknowledge { server, monitor },
                text: String::new(),
                refused: None,
            });
        }
        Err(why) => state.view.flash = Some(why),
    }
    Vec::new()
}

/// `:ack` (the prompt) or `:ack DURATION WHY` (at once, checked as the prompt checks it).
pub(super) fn ack_command(state: &mut AppState, typed: &str) -> Vec<Effect> {
    if typed.is_empty() {
        return acknowledge(state);
    }
    match chosen(state) {
        Ok(chosen) => acknowledged_because(state, chosen, typed),
        Err(why) => {
            state.view.flash = Some(why);
            Vec::new()
        }
    }
}

/// What was typed in the acknowledgement's prompt: a duration, a space, and why.
pub(super) fn acknowledged_because(
    state: &mut AppState,
    (server, monitor): (usize, Monitor),
    typed: &str,
) -> Vec<Effect> {
    let (first, why) = typed.split_once(' ').unwrap_or((typed, ""));
    let tr = state.tr();
    let refused = match Span::parse(first) {
        Ok(span) if span.0 < chrono::TimeDelta::minutes(1) => {
            Some(tr.text("ack-too-short").to_owned())
        }
        Ok(span) if span.0 > chrono::TimeDelta::days(7) => Some(tr.text("ack-too-long").to_owned()),
        Ok(_) if why.trim().is_empty() => Some(tr.text("ack-why-missing").to_owned()),
        Ok(_) => None,
        Err(_) => Some(tr.fmt("ack-not-a-duration", &[("typed", first.into())])),
    };
    if let Some(refused) = refused {
        super::runbook::reason::reopen(
            state,
            Purpose::Acknowledge { server, monitor },
            typed.to_owned(),
            refused,
        );
        return Vec::new();
    }
    let span = Span::parse(first).unwrap_or(Span::minutes(60));
    let starts = state.wall_now();
    let name = state.fleet.servers()[server].name.clone();
    let args = [
        ("monitor", monitor.name().into()),
        ("server", name.as_str().into()),
    ];
    state.view.flash = Some(state.tr().fmt("ack-sending", &args));
    vec![Effect::Acknowledge(AckRequest {
        server: name,
        health_set: monitor.health_set().name(),
        monitor: monitor.name(),
        by: state.launch.operator.clone(),
        comment: why.trim().to_owned(),
        starts,
        until: starts + span.0,
    })]
}

/// `A`: expire the acknowledgement of the monitor under the cursor.
pub(super) fn unacknowledge(state: &mut AppState) -> Vec<Effect> {
    let Some(status) = state.fleet.shared() else {
        state.view.flash = Some(state.tr().text("ack-not-shared").to_owned());
        return Vec::new();
    };
    let Some(server) = state.cursor_server() else {
        return Vec::new();
    };
    let ack = match &state.view.screen {
        Screen::Drill(drill) => {
            super::navigation::selected_monitor(state, drill.server).and_then(|c| match c {
                super::navigation::Chosen::Probe(m) => status.ack(drill.server, m),
                super::navigation::Chosen::Exchange(..) => None,
            })
        }
        _ => status.ack_in(server, state.cursor_set()),
    };
    let Some(ack) = ack.cloned() else {
        state.view.flash = Some(state.tr().text("ack-nothing-here").to_owned());
        return Vec::new();
    };
    let name = state.fleet.servers()[ack.server].name.clone();
    let args = [
        ("monitor", ack.monitor.name().into()),
        ("server", name.as_str().into()),
    ];
    state.view.flash = Some(state.tr().fmt("ack-expiring", &args));
    vec![Effect::Unacknowledge {
        id: ack.id,
        server: name,
        monitor: ack.monitor.name(),
    }]
}

/// The Unhealthy monitor the cursor is on (the drill-down's row, or the cell's first
/// Unhealthy one), or why none can be acknowledged.
fn chosen(state: &AppState) -> Result<(usize, Monitor), String> {
    let tr = state.tr();
    let said = |id: &'static str| tr.text(id).to_owned();
    let status = state.fleet.shared().ok_or_else(|| said("ack-not-shared"))?;
    if matches!(status.acks, crate::health::shared::AckSource::None) {
        return Err(said("ack-no-alertmanager"));
    }
    let server = state.cursor_server().ok_or_else(|| said("ack-no-server"))?;
    let monitor = if let Screen::Drill(drill) = &state.view.screen {
        match super::navigation::selected_monitor(state, drill.server) {
            Some(super::navigation::Chosen::Probe(m)) => m,
            _ => return Err(said("ack-only-own-monitors")),
        }
    } else {
        {
            let role = state.fleet.servers()[server].role;
            Monitor::of(state.cursor_set())
                .filter(|m| m.applies_to(role))
                .find(|m| {
                    state
                        .fleet
                        .monitor(server, *m)
                        .is_some_and(|s| s.alert == AlertValue::Unhealthy)
                })
                .ok_or_else(|| said("ack-cell-has-none"))?
        }
    };
    let alert = state.fleet.monitor(server, monitor).map(|s| s.alert);
    if alert != Some(AlertValue::Unhealthy) {
        let alert = alert.map_or(tr.text("ack-not-run-here"), |a| {
            crate::i18n::words::alert(tr, a)
        });
        let args = [("monitor", monitor.name().into()), ("alert", alert.into())];
        return Err(tr.fmt("ack-not-unhealthy", &args));
    }
    if status.ack(server, monitor).is_some() {
        return Err(tr.fmt("ack-already", &[("monitor", monitor.name().into())]));
    }
    Ok((server, monitor))
}

/// What Alertmanager said to an acknowledgement or its expiry: recorded either way, and
/// the source read again so that the cell shows it now.
pub(super) fn ack_done(state: &mut AppState, done: crate::event::AckDone) -> Vec<Effect> {
    let by = state.launch.operator.clone();
    let entry = match (&done.made, done.result) {
        (Some(made), Ok(silence)) => {
            let args = [
                ("monitor", made.monitor.into()),
                ("server", made.server.as_str().into()),
                ("until", made.until.format("%H:%M").to_string().into()),
            ];
            state.view.flash = Some(state.tr().fmt("ack-done", &args));
            Entry::Acknowledged {
                server: made.server.clone(),
                monitor: made.monitor.to_owned(),
                by: made.by.clone(),
                until: made.until,
                comment: made.comment.clone(),
                silence,
            }
        }
        (None, Ok(silence)) => {
            let args = [
                ("monitor", done.monitor.into()),
                ("server", done.server.as_str().into()),
            ];
            state.view.flash = Some(state.tr().fmt("ack-expired", &args));
            Entry::AckExpired {
                server: done.server,
                monitor: done.monitor.to_owned(),
                by,
                silence,
            }
        }
        (_, Err(why)) => {
            state.view.flash = Some(
                state
                    .tr()
                    .fmt("ack-refused", &[("why", why.as_str().into())]),
            );
            Entry::AckFailed {
                server: done.server,
                monitor: done.monitor.to_owned(),
                why,
            }
        }
    };
    vec![Effect::Record(entry)]
}
