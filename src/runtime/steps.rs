//! Step jobs in flight: each a tokio task (a real process, or the simulator in training),
//! each cancellable, each reporting its output and its end as events.

use super::answered::{report_known, rerun_probe};
use super::clock::FleetClock;
use super::probe::TlsSetup;
use super::runner::run_process;
use super::simulated::run_simulated;
use super::simulator::SimRequest;
use crate::event::Event;
use crate::job::{Job, JobEnd, OutputLine, RunId, Stream, Work};
use crate::runbook::StepExit;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

pub struct Steps {
    tx: mpsc::Sender<Event>,
    clock: FleetClock,
    /// The training simulator's job queue (None on a real fleet).
    simulator: Option<mpsc::Sender<SimRequest>>,
    /// TLS roots for probes re-run as steps (None in training).
    tls: Option<Arc<TlsSetup>>,
    /// Jobs not ended yet, and how to cancel them (taken once used).
    running: BTreeMap<RunId, Option<oneshot::Sender<()>>>,
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
        }
    }

    pub fn start(&mut self, job: Job) {
        let (cancel_tx, cancel) = oneshot::channel();
        let (tx, clock, run) = (self.tx.clone(), self.clock, job.run);
        match job.work {
            Work::Process { argv, timeout } => {
                tokio::spawn(run_process(run, argv, timeout, clock, cancel, tx));
            }
            Work::Probe {
                plan,
                report_as,
                mailbox,
            } => match &self.tls {
                Some(tls) => {
                    let tls = Arc::clone(tls);
                    tokio::spawn(rerun_probe(run, *plan, report_as, mailbox, tls, clock, tx));
                }
                None => {
                    tokio::spawn(refuse(run, clock, tx, "no probes run in this console"));
                }
            },
            Work::Report { lines, answer } => {
                tokio::spawn(report_known(run, lines, answer, clock, tx));
            }
            Work::Simulate { call, alerts } => match &self.simulator {
                Some(sim) => {
                    let sim = sim.clone();
                    tokio::spawn(run_simulated(run, *call, alerts, clock, cancel, sim, tx));
                }
                None => {
                    tokio::spawn(refuse(run, clock, tx, "no training simulator is running"));
                }
            },
        }
        self.running.insert(run, Some(cancel_tx));
    }

    pub fn cancel(&mut self, run: RunId) {
        if let Some(cancel) = self.running.get_mut(&run).and_then(Option::take) {
            let _ = cancel.send(());
        }
    }

    /// The job reported its end.
    pub fn ended(&mut self, run: RunId) {
        self.running.remove(&run);
    }

    /// Jobs started and not ended (cancelled ones included until their end arrives).
    pub fn running(&self) -> Vec<RunId> {
        self.running.keys().copied().collect()
    }

    /// Jobs asked to cancel whose end has not arrived yet.
    pub fn cancelled(&self) -> Vec<RunId> {
        self.running
            .iter()
            .filter(|(_, cancel)| cancel.is_none())
            .map(|(run, _)| *run)
            .collect()
    }
}

/// A job this console cannot run (a bug, or a setup that changed): a failed step that
/// says why.
async fn refuse(run: RunId, clock: FleetClock, tx: mpsc::Sender<Event>, why: &str) {
    let text = format!("{why}: this step cannot run here");
    let line = OutputLine {
        at: clock.now(),
        stream: Stream::Stderr,
        text: text.clone(),
    };
    let _ = tx
        .send(Event::StepOutput {
            run,
            lines: vec![line],
        })
        .await;
    let end = JobEnd {
        exit: StepExit::Failed(None),
        duration: Duration::ZERO,
        stdout: String::new(),
        answer: None,
        note: Some(text),
    };
    let _ = tx.send(Event::StepEnded { run, end }).await;
}
