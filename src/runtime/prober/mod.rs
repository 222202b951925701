//! The probe scheduler: every real probe at its interval, spread so a fleet's probes do
//! not fire together, as many at once as the fleet needs within the ceiling
//! (`probe_plan::schedule`). Results go into the same events as the simulator's, so the
//! console never waits on the network; how well it keeps the schedule goes as
//! `Event::Pace` (ARCHITECTURE "Keeping the schedule").

pub mod setup;

pub use crate::probe_plan::{NotRunnable, Target, targets};
pub use setup::{Probing, prepare};

use super::clock::{FleetClock, Stopwatch};
use super::probe::{ProbeOutcome, TlsSetup, probe};
use crate::event::Event;
use crate::health::ProbeReport;
use crate::probe_plan::pace::Pace;
use crate::probe_plan::schedule::Schedule;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

/// How often the prober looks at its own pace.
const LOOK: Duration = Duration::from_secs(1);
/// One record entry of the schedule's counts per this much wall time.
const WINDOW: Duration = Duration::from_secs(60);

/// Runs until the receiver is dropped.
pub async fn run(
    targets: Vec<(Target, Duration)>,
    tls: Arc<TlsSetup>,
    ceiling: usize,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) {
    if targets.is_empty() {
        // Nothing to probe (no endpoints): a source that stays quiet, not one that ended.
        std::future::pending::<()>().await;
    }
    let slots: Vec<(usize, Duration)> = targets.iter().map(|(t, i)| (t.server, *i)).collect();
    let mut schedule = Schedule::new(&slots, ceiling);
    let targets: Arc<[Target]> = targets.into_iter().map(|(t, _)| t).collect();
    let origin = Stopwatch::start();
    let start = tokio::time::Instant::now();
    let mut running = tokio::task::JoinSet::new();
    let mut slot_of = HashMap::new();
    let mut look = tokio::time::interval(LOOK);
    look.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut told = Pace::default();
    let mut window_closes = WINDOW;
    loop {
        let now = origin.elapsed();
        while let Some(begin) = schedule.next_start(now) {
            let (targets, tls, tx) = (Arc::clone(&targets), Arc::clone(&tls), tx.clone());
            let handle = running.spawn(async move {
                let target = &targets[begin.slot];
                let took = Stopwatch::start();
                let outcome = probe(&target.plan, &tls).await;
                let took = took.elapsed();
                let mut report = report(target, &outcome, &clock);
                report.late_ms = u32::try_from(begin.late.as_millis()).unwrap_or(u32::MAX);
                // A closed channel ends the prober below, at its next look.
                let _ = tx.send(Event::Probes(vec![report])).await;
                took
            });
            slot_of.insert(handle.id(), begin.slot);
        }
        let wake = schedule.next_wake().map(|due| start + due);
        tokio::select! {
            biased;
            Some(done) = running.join_next_with_id() => {
                let (id, took) = match done {
                    Ok((id, took)) => (id, took),
                    // A probe that panicked still frees its place and comes due again.
                    Err(e) => (e.id(), Duration::ZERO),
                };
                if let Some(slot) = slot_of.remove(&id) {
                    schedule.finished(slot, origin.elapsed(), took);
                }
            }
            () = sleep_until(wake) => {}
            _ = look.tick() => {
                if tx.is_closed() {
                    return;
                }
                let now = origin.elapsed();
                let mut pace = schedule.pace(now);
                if now >= window_closes {
                    pace.window = Some(schedule.take_window(WINDOW));
                    window_closes = now + WINDOW;
                }
                if worth_telling(&told, &pace) {
                    told = Pace { window: None, ..pace };
                    if tx.send(Event::Pace(pace)).await.is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// Whether the console needs to hear of this pace: a window to record, or a change it
/// shows (the bound, being behind, lateness by the second). Probes in flight change all
/// the time and alone are not worth a redraw.
fn worth_telling(told: &Pace, now: &Pace) -> bool {
    now.window.is_some()
        || told.limit != now.limit
        || told.ceiling != now.ceiling
        || told.late != now.late
        || told.worst_late.as_secs() != now.worst_late.as_secs()
}

async fn sleep_until(wake: Option<tokio::time::Instant>) {
    match wake {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// A probe's outcome as the monitors take it.
pub fn report(target: &Target, outcome: &ProbeOutcome, clock: &FleetClock) -> ProbeReport {
    ProbeReport {
        server: target.server,
        probe: target.probe,
        at: clock.now(),
        succeeded: outcome.succeeded,
        latency_ms: u32::try_from(outcome.total.as_millis()).unwrap_or(u32::MAX),
        error: outcome.error.clone(),
        late_ms: 0,
    }
}
