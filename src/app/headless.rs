//! The terminal hung up (an SSH drop), or SIGTERM came: give the terminal back, then let
//! the running steps finish (or cancel them, by `--on-hangup`) with their output still
//! recorded, and only then end. A half-finished failover is never left without a record of
//! how it ended. Steps left running (detached) are not waited for: their keepers are.

use super::{Sources, record};
use crate::cli::OnHangup;
use crate::effect::Effect;
use crate::event::Event;
use crate::incident::Entry;
use crate::incident::writer::Recorder;
use crate::terminal;
use crate::update::{AppState, update};

pub async fn carry_on(
    recorder: &mut Recorder,
    sources: &mut Sources,
    state: &mut AppState,
    policy: OnHangup,
) {
    // Nobody is at the keyboard and the tty may be gone: the screen is done with.
    terminal::leave();
    let running = sources.steps.attached();
    if running.is_empty() {
        return;
    }
    let entry = Entry::Hangup {
        policy: policy.name().to_owned(),
        running: running.iter().map(|r| r.0).collect(),
        owed: state.owed_lines(),
    };
    record::write(recorder, sources.clock.now(), &entry, state);
    if let Err(error) = recorder.sync() {
        tracing::error!(%error, "cannot sync the incident record");
    }
    tracing::info!(
        steps = running.len(),
        policy = policy.name(),
        "terminal hung up; steps running"
    );
    if policy == OnHangup::Cancel {
        for run in running {
            sources.steps.cancel(run);
        }
        // `record::finish` waits for their ends.
        return;
    }
    while !sources.steps.attached().is_empty() {
        let event = tokio::time::timeout(record::FLUSH, sources.rx.recv()).await;
        match event {
            Ok(Some(event)) => consume(recorder, sources, state, event),
            Ok(None) => break,
            Err(_) => {}
        }
        record::flush_if_due(recorder, state);
    }
}

/// Step output, step ends and probe results go on into `update` and the record; nothing
/// new starts while nobody watches.
fn consume(recorder: &mut Recorder, sources: &mut Sources, state: &mut AppState, event: Event) {
    if matches!(
        event,
        Event::Key(_) | Event::Resize { .. } | Event::Signal(_)
    ) {
        return;
    }
    record::observe(recorder, &mut sources.steps, &event, state);
    for effect in update(state, event) {
        match effect {
            Effect::Record(entry) => record::write(recorder, sources.clock.now(), &entry, state),
            Effect::Start(job) => {
                tracing::info!(run = %job.run, "not started: the terminal hung up");
            }
            Effect::Cancel(run) => sources.steps.cancel(run),
            // Nobody watches, but what is owed must still reach the ledger.
            Effect::Owe(_) | Effect::Settle { .. } => {
                sources.keep_ledger(&effect);
            }
            Effect::Quit(_)
            | Effect::Suspend
            | Effect::ReadBudget { .. }
            | Effect::Detach(_)
            | Effect::Theme(_)
            | Effect::Export
            | Effect::PollExchange(_)
            // Only a key asks for these, and nobody is at the keys.
            | Effect::Acknowledge(_)
            | Effect::Unacknowledge { .. }
            | Effect::Handover { .. } => {}
        }
    }
}
