//! Step jobs in flight: each a tokio task (a real process, or the simulator in training),
//! each cancellable, each reporting its output and its end as events.

use super::answered::{report_known, rerun_probe};
use super::clock::FleetClock;
use super::contained::{StepTask, contain};
use super::guarded::{GuardedRun, Guardrails, report_budget, run_guarded};
use super::probe::TlsSetup;
use super::runner::{Control, HandedOver, KeeperSetup, Leave, ProcessStep, run_step};
use super::simulated::run_simulated;
use super::simulator::SimRequest;
use crate::event::Event;
use crate::i18n::Said;
use crate::job::{Job, JobEnd, RunId, Work};
use crate::probe_plan::{Credentials, Wire};
use crate::runbook::StepExit;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;

/// How the console steers one job.
struct Steering {
    /// Taken once used.
    cancel: Option<oneshot::Sender<()>>,
    /// A process's: it may be left running (None for the rest).
    leave: Option<mpsc::Sender<Leave>>,
    /// Left running: it survives the console.
    detached: bool,
}

/// Messages to a runner that may be in flight at once: a detach and a hand-over.
const LEAVE_QUEUE: usize = 4;

pub struct Steps {
    tx: mpsc::Sender<Event>,
    clock: FleetClock,
    /// The training simulator's job queue (None on a real fleet).
    simulator: Option<mpsc::Sender<SimRequest>>,
    /// TLS roots for probes re-run as steps (None in training).
    tls: Option<Arc<TlsSetup>>,
    /// Jobs not ended yet, and how to steer them.
    running: BTreeMap<RunId, Steering>,
    /// Locks and budgets for destructive steps (a real fleet's).
    rails: Option<Guardrails>,
    /// Every step's task (and budget reads): owned here, reaped as steps end.
    tasks: JoinSet<()>,
    /// The probes' login, added to a re-run probe's plan (the state's plans carry none).
    credentials: Option<Credentials>,
}

impl Drop for Steps {
    /// Tasks outlive the loop as bare spawns would (a detached step is being handed over);
    /// the runtime's end stops what is left.
    fn drop(&mut self) {
        self.tasks.detach_all();
    }
}

impl Steps {
    pub fn new(
        tx: mpsc::Sender<Event>,
        clock: FleetClock,
        simulator: Option<mpsc::Sender<SimRequest>>,
        tls: Option<Arc<TlsSetup>>,
    ) -> Steps {
        Steps {
            tx,
            clock,
            simulator,
            tls,
            running: BTreeMap::new(),
            rails: None,
            tasks: JoinSet::new(),
            credentials: None,
        }
    }

    /// Destructive steps take their server's lock, and restarts spend budget, in `rails`.
    pub fn with_guardrails(mut self, rails: Guardrails) -> Steps {
        self.set_guardrails(rails);
        self
    }

    pub fn set_guardrails(&mut self, rails: Guardrails) {
        self.rails = Some(rails);
    }

    /// Re-run probes that log in do so with `credentials`.
    pub fn with_credentials(mut self, credentials: Option<Credentials>) -> Steps {
        self.credentials = credentials;
        self
    }

    pub fn start(&mut self, job: Job) {
        let (cancel_tx, cancel) = oneshot::channel();
        let (tx, clock, run) = (self.tx.clone(), self.clock, job.run);
        let mut leave_tx = None;
        let task: StepTask = match job.work {
            Work::Process {
                argv,
                timeout,
                guarded,
            } => {
                let (sender, leave) = mpsc::channel(LEAVE_QUEUE);
                leave_tx = Some(sender);
                let control = Control { cancel, leave };
                let step = ProcessStep {
                    run,
                    argv,
                    timeout,
                    lock: None,
                };
                match (guarded, &self.rails) {
                    (None, _) => Box::pin(run_step(step, clock, control, tx)),
                    (Some(guarded), Some(rails)) => {
                        let step = GuardedRun { step, guarded };
                        Box::pin(run_guarded(step, rails.clone(), clock, control, tx))
                    }
                    // Never unguarded: a destructive step without a lock directory does
                    // not run.
                    (Some(_), None) => Box::pin(refuse(run, tx, "said-no-lock-dir")),
                }
            }
            Work::Probe {
                plan,
                report_as,
                mailbox,
            } => match &self.tls {
                Some(tls) => {
                    let tls = Arc::clone(tls);
                    let mut plan = *plan;
                    if plan.wire != Wire::Tcp && plan.credentials.is_none() {
                        plan.credentials.clone_from(&self.credentials);
                    }
                    // A login probe never runs as a greeting only: that would pass a
                    // server whose logins fail.
                    if plan.wire != Wire::Tcp && plan.credentials.is_none() {
                        Box::pin(refuse(run, tx, "said-no-credentials"))
                    } else {
                        Box::pin(rerun_probe(run, plan, report_as, mailbox, tls, clock, tx))
                    }
                }
                None => Box::pin(refuse(run, tx, "said-no-probes")),
            },
            Work::AgentProbe {
                agent,
                server,
                report_as,
            } => Box::pin(super::answered::agent_probe(
                run,
                (agent, server),
                report_as,
                clock,
                tx,
            )),
            Work::Report { lines, answer } => Box::pin(report_known(run, lines, answer, clock, tx)),
            Work::Simulate { call, alerts } => match &self.simulator {
                Some(sim) => {
                    let sim = sim.clone();
                    Box::pin(run_simulated(run, *call, alerts, clock, cancel, sim, tx))
                }
                None => Box::pin(refuse(run, tx, "said-no-simulator")),
            },
        };
        let steering = Steering {
            cancel: Some(cancel_tx),
            leave: leave_tx,
            detached: false,
        };
        self.running.insert(run, steering);
        self.spawn_step(run, task);
    }

    /// Runs `task` as step `run`'s work in the task set. A panic in it (a bug) ends the
    /// step as failed, with a note, instead of leaving it "running" for ever. Public so that
    /// tests can hand in a task that panics.
    pub fn spawn_step(&mut self, run: RunId, task: StepTask) {
        let tx = self.tx.clone();
        self.running.entry(run).or_insert(Steering {
            cancel: None,
            leave: None,
            detached: false,
        });
        self.tasks.spawn(async move {
            if let Err(panic) = contain(task).await {
                tracing::error!(%run, panic, "a step's task panicked");
                broken(run, &tx, &panic).await;
            }
        });
    }

    /// What is left of `server`'s restart budget for `service`, as an `Event::Budget`.
    pub fn read_budget(&mut self, server: String, service: String) {
        let Some(rails) = self.rails.clone() else {
            return;
        };
        let (tx, now) = (self.tx.clone(), self.clock.now());
        self.tasks.spawn(async move {
            let read = tokio::task::spawn_blocking({
                let (server, service) = (server.clone(), service.clone());
                move || {
                    crate::exec::guardrails::remaining(
                        &rails.dir,
                        &server,
                        &service,
                        rails.limits,
                        now,
                    )
                }
            })
            .await;
            match read {
                Ok(Ok(left)) => report_budget(&tx, (server, service), left, rails.limits).await,
                Ok(Err(error)) => tracing::warn!(%error, server, "cannot read a restart budget"),
                Err(error) => tracing::warn!(%error, "the budget read failed"),
            }
        });
    }

    pub fn cancel(&mut self, run: RunId) {
        if let Some(cancel) = self.running.get_mut(&run).and_then(|s| s.cancel.take()) {
            let _ = cancel.send(());
        }
    }

    /// Leaves a running process running beyond this console: nothing kills it when the
    /// console ends (its output and end still come while it runs). False when `run` is
    /// no process that is running.
    pub fn detach(&mut self, run: RunId) -> bool {
        let Some(steering) = self.running.get_mut(&run) else {
            return false;
        };
        let Some(leave) = &steering.leave else {
            return false;
        };
        steering.detached = leave.try_send(Leave::Detach).is_ok();
        steering.detached
    }

    /// The console is ending: each detached step still running is handed to a keeper
    /// process; the replies say who took it.
    pub fn hand_over(
        &mut self,
        keeper: &KeeperSetup,
    ) -> Vec<(RunId, oneshot::Receiver<Result<HandedOver, String>>)> {
        let mut asked = Vec::new();
        for (run, steering) in &self.running {
            let Some(leave) = steering.leave.as_ref().filter(|_| steering.detached) else {
                continue;
            };
            let (reply, replied) = oneshot::channel();
            let keeper = keeper.clone();
            if leave.try_send(Leave::HandOver { keeper, reply }).is_ok() {
                asked.push((*run, replied));
            }
        }
        asked
    }

    /// The job reported its end; tasks that are done are let go.
    pub fn ended(&mut self, run: RunId) {
        self.running.remove(&run);
        while self.tasks.try_join_next().is_some() {}
    }

    /// Jobs started and not ended (cancelled and detached ones included until their end
    /// arrives).
    pub fn running(&self) -> Vec<RunId> {
        self.running.keys().copied().collect()
    }

    /// Running jobs this console still answers for: all but the detached ones.
    pub fn attached(&self) -> Vec<RunId> {
        self.running
            .iter()
            .filter(|(_, steering)| !steering.detached)
            .map(|(run, _)| *run)
            .collect()
    }

    /// Jobs asked to cancel whose end has not arrived yet.
    pub fn cancelled(&self) -> Vec<RunId> {
        self.running
            .iter()
            .filter(|(_, steering)| steering.cancel.is_none())
            .map(|(run, _)| *run)
            .collect()
    }
}

/// A job this console cannot run (a bug, or a setup that changed): a failed step that
/// says why.
async fn refuse(run: RunId, tx: mpsc::Sender<Event>, why: &'static str) {
    let why = Said::new("said-cannot-run-here").said("why", Said::new(why));
    not_started(run, &tx, why).await;
}

/// A step whose task panicked: failed, and since the command may have started, it counts
/// as run (what it would owe is owed).
async fn broken(run: RunId, tx: &mpsc::Sender<Event>, panic: &str) {
    let why = Said::new(crate::job::CONSOLE_FAILED).text("panic", panic);
    end_failed(run, tx, why, true).await;
}

/// A step that ends before anything ran: its end's note says why (on screen in the
/// engineer's language, in the record in English). It printed nothing: no output line.
pub(super) async fn not_started(run: RunId, tx: &mpsc::Sender<Event>, why: Said) {
    end_failed(run, tx, why, false).await;
}

/// A failed end whose note is `why`.
async fn end_failed(run: RunId, tx: &mpsc::Sender<Event>, why: Said, ran: bool) {
    let end = JobEnd {
        exit: StepExit::Failed(None),
        duration: Duration::ZERO,
        stdout: String::new(),
        answer: None,
        note: Some(why),
        ran,
    };
    let _ = tx.send(Event::StepEnded { run, end }).await;
}
