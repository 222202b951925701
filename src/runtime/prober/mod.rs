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
/// How long results gather before they go to the console together.
const GATHER: Duration = Duration::from_millis(100);

/// [`run`] on a thread of its own with a single-threaded runtime: every probe's I/O on one
/// thread, so a large fleet's thousands of socket events a second wake no other worker
/// (measured: a tenth of the console's CPU went to workers parking and waking each other).
/// The future ends when the prober does, which it only does once the console is gone or
/// if it failed.
pub fn on_own_thread(
    targets: Vec<(Target, Duration)>,
    tls: Arc<TlsSetup>,
    ceiling: usize,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) -> std::io::Result<impl std::future::Future<Output = ()>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (ended, gone) = tokio::sync::oneshot::channel::<()>();
    std::thread::Builder::new()
        .name("prober".to_owned())
        .spawn(move || {
            runtime.block_on(run(targets, tls, ceiling, clock, tx));
            let _ = ended.send(());
        })?;
    Ok(async move {
        // A panic drops the sender: the loop hears of it as a source that ended.
        let _ = gone.await;
    })
}

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
    let mut running = tokio::task::JoinSet::new();
    let mut slot_of = HashMap::new();
    let mut look = tokio::time::interval(LOOK);
    look.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut told = Pace::default();
    let mut window_closes = WINDOW;
    let mut results = Results::default();
    loop {
        let now = origin.elapsed();
        while let Some(begin) = schedule.next_start(now) {
            let (targets, tls) = (Arc::clone(&targets), Arc::clone(&tls));
            let handle = running.spawn(async move {
                let target = &targets[begin.slot];
                let took = Stopwatch::start();
                let outcome = probe(&target.plan, &tls).await;
                let took = took.elapsed();
                let mut report = report(target, &outcome, &clock);
                report.late_ms = u32::try_from(begin.late.as_millis()).unwrap_or(u32::MAX);
                (took, report)
            });
            slot_of.insert(handle.id(), begin.slot);
        }
        let wake = schedule.next_wake().map(|due| origin.deadline(due));
        tokio::select! {
            biased;
            Some(done) = running.join_next_with_id() => {
                let (id, took) = match done {
                    Ok((id, (took, report))) => {
                        results.add(report);
                        (id, took)
                    }
                    // A probe that panicked still frees its place and comes due again.
                    Err(e) => (e.id(), Duration::ZERO),
                };
                if let Some(slot) = slot_of.remove(&id) {
                    schedule.finished(slot, origin.elapsed(), took);
                }
            }
            () = sleep_until(results.due) => {
                if !results.flush(&tx) {
                    return;
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

/// Results on their way to the loop: sent together a moment after the first, so a large
/// fleet's hundreds a second wake the console's thread ten times a second, not hundreds.
#[derive(Default)]
struct Results {
    reports: Vec<ProbeReport>,
    due: Option<tokio::time::Instant>,
}

impl Results {
    fn add(&mut self, report: ProbeReport) {
        if self.reports.is_empty() {
            self.due = Some(tokio::time::Instant::now() + GATHER);
        }
        self.reports.push(report);
    }

    /// Sends what is gathered; a full channel keeps it for the next try. False once the
    /// console is gone.
    fn flush(&mut self, tx: &mpsc::Sender<Event>) -> bool {
        let reports = std::mem::take(&mut self.reports);
        match tx.try_send(Event::Probes(reports)) {
            Ok(()) => {
                self.due = None;
                true
            }
            Err(mpsc::error::TrySendError::Full(Event::Probes(back))) => {
                self.reports = back;
                self.due = Some(tokio::time::Instant::now() + GATHER);
                true
            }
            Err(mpsc::error::TrySendError::Full(_)) => true,
            Err(mpsc::error::TrySendError::Closed(_)) => false,
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
