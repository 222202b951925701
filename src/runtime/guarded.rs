//! A destructive step's process, run only while this console holds its server's lock (and,
//! for a service restart, has spent one restart of the budget: a walk's repeated restarts of
//! a service spend once, and a typed reason may go over budget). The lock's heartbeat beats
//! while the step runs, and the lock goes when the step ends.

use super::clock::FleetClock;
use super::runner::{Control, ProcessStep, StepLock, run_step};
use super::steps::not_started;
use crate::event::Event;
use crate::exec::guardrails::{self, Denied, HeldLock, Holder, Limits, Refusal};
use crate::i18n::Said;
use crate::job::{Guarded, RunId};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::mpsc;

/// Well inside the 2 minutes after which another console may call the lock stale.
const HEARTBEAT: Duration = Duration::from_secs(30);

/// Where locks and budgets live, and the restart limits: one per console.
#[derive(Debug, Clone)]
pub struct Guardrails {
    pub dir: PathBuf,
    pub limits: Limits,
}

/// Why a guarded step did not start.
enum NotStarted {
    Lock(Refusal),
    Budget(Denied),
}

pub struct GuardedRun {
    pub step: ProcessStep,
    pub guarded: Guarded,
}

pub async fn run_guarded(
    step: GuardedRun,
    rails: Guardrails,
    clock: FleetClock,
    control: Control,
    tx: mpsc::Sender<Event>,
) {
    let GuardedRun { mut step, guarded } = step;
    let run = step.run;
    let claim = {
        let (rails, guarded) = (rails.clone(), guarded.clone());
        let now = clock.now();
        tokio::task::spawn_blocking(move || claim(&rails, &guarded, now)).await
    };
    let lock = match claim {
        Ok(Ok((lock, budget))) => {
            if let Some((service, left)) = budget {
                let server = guarded.server.clone();
                report_budget(&tx, (server, service), left, rails.limits).await;
            }
            Arc::new(Mutex::new(Some(lock)))
        }
        Ok(Err(why)) => return refused(run, &guarded, why, &tx).await,
        Err(panicked) => {
            let why = NotStarted::Lock(Refusal::Io(format!("the lock check failed: {panicked}")));
            return refused(run, &guarded, why, &tx).await;
        }
    };
    let beating = tokio::spawn(heartbeat(Arc::clone(&lock), clock));
    // A step left running hands the lock to its keeper: then none is left here.
    step.lock = Some(StepLock {
        dir: rails.dir.clone(),
        server: guarded.server.clone(),
        guard: Arc::clone(&lock),
    });
    run_step(step, clock, control, tx).await;
    beating.abort();
    let held = lock.lock().unwrap_or_else(PoisonError::into_inner).take();
    if let Some(held) = held {
        let _ = tokio::task::spawn_blocking(move || held.release()).await;
    }
}

/// The lock (breaking a confirmed stale one), then the restart budget.
fn claim(
    rails: &Guardrails,
    guarded: &Guarded,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(HeldLock, Option<(String, guardrails::Remaining)>), NotStarted> {
    let me = Holder::me(&guarded.action, now);
    let lock = match &guarded.break_stale {
        Some(seen) => guardrails::break_stale(&rails.dir, &guarded.server, seen, me, now),
        None => guardrails::acquire(&rails.dir, &guarded.server, me, now),
    }
    .map_err(NotStarted::Lock)?;
    let Some(service) = &guarded.restarts else {
        return Ok((lock, None));
    };
    let by = format!("{}@{}", lock.holder().owner, lock.holder().host);
    let spender = guardrails::Spender {
        by: &by,
        walk: guarded.walk.as_deref(),
        over_budget: guarded.over_budget.as_deref(),
    };
    // A refused restart releases the lock on the way out (the guard drops).
    let left = guardrails::spend_as(
        &rails.dir,
        &guarded.server,
        service,
        spender,
        rails.limits,
        now,
    )
    .map_err(NotStarted::Budget)?;
    Ok((lock, Some((service.clone(), left))))
}

async fn heartbeat(lock: Arc<Mutex<Option<HeldLock>>>, clock: FleetClock) {
    let mut every = tokio::time::interval(HEARTBEAT);
    every.tick().await;
    loop {
        every.tick().await;
        let lock = Arc::clone(&lock);
        let now = clock.now();
        let beat = tokio::task::spawn_blocking(move || {
            let mut held = lock.lock().unwrap_or_else(PoisonError::into_inner);
            held.as_mut().map(|g| g.heartbeat(now))
        })
        .await;
        if let Ok(Some(Err(error))) = beat {
            tracing::warn!(%error, "cannot renew a lock's heartbeat");
        }
    }
}

/// The step ends failed, its note saying who holds the server or what budget is spent;
/// a lock whose holder looks dead is offered for breaking, and a spent budget for a typed
/// override.
async fn refused(run: RunId, guarded: &Guarded, why: NotStarted, tx: &mpsc::Sender<Event>) {
    let mut spent = None;
    let (text, stale) = match why {
        NotStarted::Lock(Refusal::Held { holder, stale }) => {
            // "it looks abandoned: no heartbeat for 3 min", or why it cannot be trusted.
            let text = match &stale {
                Some(why) => Said::new("said-locked-stale").said("stale", why.said()),
                None => Said::new("said-locked"),
            };
            let text = text
                .text("server", &guarded.server)
                .said("holder", holder.said());
            (text, stale.map(|why| (*holder, why.said())))
        }
        NotStarted::Lock(Refusal::Io(message)) => {
            (Said::new("said-lock-io").text("error", message), None)
        }
        NotStarted::Budget(denied) => {
            if let Denied::Exhausted(exhausted) = &denied {
                spent = Some((exhausted.service.clone(), exhausted.said()));
            }
            (
                Said::new("said-nothing-ran").said("why", denied.said()),
                None,
            )
        }
    };
    not_started(run, tx, text).await;
    // An unreadable budget is not overridable: a restart is never left unrecorded.
    if let Some((service, why)) = spent {
        let server = guarded.server.clone();
        let denied = Event::BudgetDenied {
            run,
            server,
            service,
            why,
        };
        let _ = tx.send(denied).await;
    }
    if let Some((holder, why)) = stale {
        let server = guarded.server.clone();
        let _ = tx
            .send(Event::LockStale {
                run,
                server,
                holder,
                why,
            })
            .await;
    }
}

/// What is left of a server's budget for a service, for the pane.
pub(super) async fn report_budget(
    tx: &mpsc::Sender<Event>,
    (server, service): (String, String),
    left: guardrails::Remaining,
    limits: Limits,
) {
    let event = Event::Budget {
        server,
        service,
        left,
        limits,
    };
    let _ = tx.send(event).await;
}
