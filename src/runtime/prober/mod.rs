//! The probe scheduler: every real probe at its interval, with jitter so a fleet's probes
//! do not fire together, at most `CONCURRENCY` at once. Results go into the same events as
//! the simulator's, so the console never waits on the network.

pub mod setup;

pub use crate::probe_plan::{NotRunnable, Target, targets};
pub use setup::{Probing, prepare};

use super::clock::FleetClock;
use super::probe::{ProbeOutcome, TlsSetup, probe};
use crate::event::Event;
use crate::health::ProbeReport;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc};

/// Probes in flight at once: enough for a large fleet at a 60 s interval, few enough to be
/// gentle with the servers and this machine.
pub const CONCURRENCY: usize = 8;

/// Runs until the receiver is dropped.
pub async fn run(
    targets: Vec<(Target, Duration)>,
    tls: Arc<TlsSetup>,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) {
    if targets.is_empty() {
        // Nothing to probe (no endpoints): a source that stays quiet, not one that ended.
        std::future::pending::<()>().await;
    }
    let permits = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    let count = targets.len().max(1) as u64;
    for (i, (target, interval)) in targets.into_iter().enumerate() {
        // Spread the first round evenly over one interval; later rounds keep the spacing.
        let offset = interval.mul_f64(i as f64 / count as f64);
        let (tls, tx, permits) = (Arc::clone(&tls), tx.clone(), Arc::clone(&permits));
        tasks.spawn(async move {
            tokio::time::sleep(offset).await;
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                let report = {
                    let Ok(_permit) = permits.acquire().await else {
                        return;
                    };
                    let outcome = probe(&target.plan, &tls).await;
                    report(&target, &outcome, &clock)
                };
                if tx.send(Event::Probes(vec![report])).await.is_err() {
                    return;
                }
            }
        });
    }
    while tasks.join_next().await.is_some() {}
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
    }
}
