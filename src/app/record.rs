//! The loop's side of the incident record: every output line and every recorded effect
//! written, flushed every 50 ms, synced at step boundaries and at the end.

use super::Sources;
use crate::effect::QuitReason;
use crate::event::Event;
use crate::incident::Entry;
use crate::incident::writer::{Recorder, reason};
use crate::update::{self, AppState};
use chrono::{DateTime, Utc};
use std::time::{Duration, Instant};

/// How old buffered record lines may get: a kill -9 loses at most this much.
pub const FLUSH: Duration = Duration::from_millis(50);
/// How long quitting waits for cancelled steps to report their end.
const CANCEL_GRACE: Duration = Duration::from_secs(5);

/// Before `update` sees an event: output goes to the record in full (the panel keeps
/// only the latest), and ended jobs leave the runtime's books.
pub fn observe(
    recorder: &mut Recorder,
    steps: &mut crate::runtime::steps::Steps,
    event: &Event,
    state: &mut AppState,
) {
    match event {
        Event::StepOutput { run, lines } => {
            let result = recorder.output(*run, lines);
            report(recorder, state, result);
        }
        Event::StepEnded { run, .. } => steps.ended(*run),
        _ => {}
    }
}

pub fn write(recorder: &mut Recorder, at: DateTime<Utc>, entry: &Entry, state: &mut AppState) {
    let result = recorder.record(at, entry);
    report(recorder, state, result);
}

/// Writes what is due; while the disk refuses, tries again on the recorder's timer.
#[allow(clippy::disallowed_methods)] // flushing is paced by wall time
pub fn flush_if_due(recorder: &mut Recorder, state: &mut AppState) {
    let result = recorder.flush_if_due(Instant::now());
    report(recorder, state, result);
    if let Some(note) = crate::logging::take_failure() {
        tell(state, Event::Notice(note));
    }
}

/// The loop tells `update` what the runtime found; only `update` changes the state.
fn tell(state: &mut AppState, event: Event) {
    let effects = update::update(state, event);
    debug_assert!(effects.is_empty(), "a notice has no effects");
}

/// The disk is full or gone: the banner says so until a write succeeds (a flash would go
/// with the next key). Logged once each way, not at every try.
fn report(recorder: &Recorder, state: &mut AppState, result: std::io::Result<()>) {
    if let Err(error) = result {
        // The banner says why the record waits in memory; a note only for what it does not
        // say (an entry that could not even wait), or each retry would repeat the banner.
        let why = reason(&error);
        if recorder.unwritten() != Some(why.as_str()) {
            // The banner's own words: the same message, in the console's language.
            let args = [("reason", why.as_str().into())];
            let said = state.tr().fmt("banner-record-not-written", &args);
            tell(state, Event::Notice(said));
        }
    }
    let now = recorder.unwritten();
    if now == state.record_unwritten.as_deref() {
        return;
    }
    if let Some(why) = now {
        tracing::error!(why, "cannot write the incident record");
    } else {
        tracing::info!("the incident record is written again");
    }
    tell(state, Event::RecordUnwritten(now.map(str::to_owned)));
}

/// The end of the session: after a hang-up or SIGTERM the running steps finish headless
/// (or are cancelled); cancelled steps get a few seconds to report; steps left running are
/// handed to their keepers; the last line says how the session ended and what was left
/// running, and everything is synced.
#[allow(clippy::disallowed_methods)] // the grace period is wall time
pub async fn finish(
    recorder: &mut Recorder,
    sources: &mut Sources,
    state: &mut AppState,
    (reason, on_hangup): (QuitReason, crate::cli::OnHangup),
) {
    // SIGTERM (a shutdown, a supervisor) is no reason to kill a failover half-way.
    if matches!(reason, QuitReason::Signal(_)) {
        super::headless::carry_on(recorder, sources, state, on_hangup).await;
    }
    let deadline = Instant::now() + CANCEL_GRACE;
    while !sources.steps.cancelled().is_empty() && Instant::now() < deadline {
        let wait = deadline.saturating_duration_since(Instant::now());
        let Ok(Some(event)) = tokio::time::timeout(wait, sources.rx.recv()).await else {
            break;
        };
        step_event(recorder, sources, state, event);
    }
    // Held until the last line is written: the keepers append only after it.
    let keepers = super::detached::hand_over(recorder, sources, state).await;
    let reason = match reason {
        QuitReason::User => "quit",
        QuitReason::Signal(crate::event::Signal::Hangup) => "hangup (SIGHUP)",
        QuitReason::Signal(crate::event::Signal::Terminate) => "terminated (SIGTERM)",
    };
    let entry = Entry::SessionEnded {
        reason: reason.to_owned(),
        left_running: sources.steps.running().iter().map(|r| r.0).collect(),
        owed: state.owed_lines(),
    };
    write(recorder, sources.clock.now(), &entry, state);
    if let Err(error) = recorder.sync() {
        tracing::error!(%error, "cannot sync the incident record");
    }
    drop(keepers);
}

/// A step's output or end while the console closes: recorded, and seen by `update` (which
/// records the end); anything else is of no use any more.
pub fn step_event(
    recorder: &mut Recorder,
    sources: &mut Sources,
    state: &mut AppState,
    event: Event,
) {
    if !matches!(event, Event::StepOutput { .. } | Event::StepEnded { .. }) {
        return;
    }
    observe(recorder, &mut sources.steps, &event, state);
    for effect in update::update(state, event) {
        // What a step's end owes or pays reaches the ledger even as the console ends.
        if sources.keep_ledger(&effect) {
            continue;
        }
        if let crate::effect::Effect::Record(entry) = effect {
            write(recorder, sources.clock.now(), &entry, state);
        }
    }
}
