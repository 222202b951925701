//! Runs one step as a real process leading its own session and process group, streaming
//! its output as events and reporting its end once its command has ended and its pipes
//! are drained (or, held by processes it left behind, let go after a short grace).

mod end;
mod group;
mod handover;
mod pipe;
mod readers;

pub(crate) use end::Stopper;
pub use group::hide_from_steps;
pub(crate) use group::{ProcessGroup, spawn};
pub use handover::{Control, HandedOver, KeeperSetup, Leave, ProcessStep, StepLock};
pub(crate) use pipe::{Reading, read_lines};

use crate::event::Event;
use crate::i18n::Said;
use crate::job::{OutputLine, RunId};
use crate::runbook::StepExit;
use crate::runtime::FleetClock;
use end::{Capture, Stopper as StepStopper};
use readers::Readers;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

/// Lines in flight between the pipe readers and the batcher. Bounded: when the console is
/// slow, the readers wait, the pipes fill, and the step blocks on its writes.
const LINE_QUEUE: usize = 4096;
/// The most lines in one `Event::StepOutput`.
pub(crate) const BATCH: usize = 512;
/// How long pipes still held by processes the command left behind are read after it
/// exited, before the step ends without them.
pub(crate) const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// Runs `argv` (argv[0] resolved through PATH; never a shell) in its own session.
///
/// Sends its output as `Event::StepOutput` batches, then exactly one `Event::StepEnded`
/// once both pipes are drained. On cancel (an explicit send; a dropped sender is no
/// cancel) or after `timeout`, the whole process group is killed: SIGTERM, then SIGKILL.
pub async fn run_process(
    run: RunId,
    argv: Vec<String>,
    timeout: Duration,
    clock: FleetClock,
    cancel: oneshot::Receiver<()>,
    tx: mpsc::Sender<Event>,
) {
    let (_leave, leave) = mpsc::channel(1);
    let step = ProcessStep {
        run,
        argv,
        timeout,
        lock: None,
    };
    run_step(step, clock, Control { cancel, leave }, tx).await;
}

/// [`run_process`], which may also be left running and handed over (see [`Leave`]): then
/// it reports no end; its keeper records it.
pub async fn run_step(
    step: ProcessStep,
    clock: FleetClock,
    control: Control,
    tx: mpsc::Sender<Event>,
) {
    let ProcessStep {
        run,
        argv,
        timeout,
        lock,
    } = step;
    let started = Instant::now();
    let mut child = match group::spawn(&argv) {
        Ok(child) => child,
        Err(why) => return end::not_started(run, why, started, &tx).await,
    };
    let (mode, mode_rx) = watch::channel(Reading::Lines);
    let (line_tx, line_rx) = mpsc::channel(LINE_QUEUE);
    // A reader task per pipe, so the two streams are read at once and a line is stamped
    // when it is read.
    let readers = Readers::start(&mut child, clock, &line_tx, &mode_rx);
    drop(line_tx);
    let mut watched = Watched {
        run,
        stopper: StepStopper::new(ProcessGroup::of(&child), timeout),
        readers,
        mode,
        status: None,
        handing: None,
        console_open: true,
        capture: Capture::default(),
    };
    watched.watch(&mut child, control, line_rx, &tx).await;
    let Watched {
        stopper,
        mut readers,
        status,
        handing,
        console_open,
        capture,
        ..
    } = watched;

    if let Some((keeper, reply)) = handing {
        if status.is_none() {
            let (stdout, stderr) = readers.give_back().await;
            let step = handover::Handed {
                run,
                pid: child.id().unwrap_or_default(),
                stdout,
                stderr,
                limit: timeout,
                elapsed: started.elapsed(),
                lock,
            };
            let handed = handover::start_keeper(&keeper, step, clock).await;
            // Left running, whatever happened: nothing kills it now.
            drop(stopper);
            let _ = reply.send(handed);
            return;
        }
        let _ = reply.send(Err("it ended while it was being handed over".to_owned()));
    }

    let end = stopper.end(status, started.elapsed(), capture.into_text());
    if console_open {
        // The console may have gone meanwhile; then there is nobody left to tell.
        let _ = tx.send(Event::StepEnded { run, end }).await;
    }
    drop(tx);
    // Pipes let go are read and dropped for as long as the console runs.
    readers.discard_rest().await;
}

/// A running step, as its runner watches it.
struct Watched {
    run: RunId,
    stopper: StepStopper,
    readers: Readers,
    mode: watch::Sender<Reading>,
    /// How its command ended, once it has.
    status: Option<Result<std::process::ExitStatus, Said>>,
    /// Being handed over, and who waits for the answer.
    handing: Option<(KeeperSetup, oneshot::Sender<Result<HandedOver, String>>)>,
    console_open: bool,
    capture: Capture,
}

impl Watched {
    /// Until its command ended and its pipes are drained (or let go), or it is ready to be
    /// handed over.
    async fn watch(
        &mut self,
        child: &mut tokio::process::Child,
        control: Control,
        mut line_rx: mpsc::Receiver<OutputLine>,
        tx: &mpsc::Sender<Event>,
    ) {
        let Control {
            mut cancel,
            mut leave,
        } = control;
        let alarm = tokio::time::sleep(self.stopper.timeout());
        tokio::pin!(alarm);
        let drain = tokio::time::sleep(Duration::MAX);
        tokio::pin!(drain);
        let (mut listening, mut asking, mut draining, mut drained) = (true, true, false, false);
        let mut batch: Vec<OutputLine> = Vec::new();
        while !drained || !batch.is_empty() || (self.status.is_none() && self.handing.is_none()) {
            tokio::select! {
                // Cancel and the alarm first, so a flood of output cannot delay them.
                biased;
                fired = &mut cancel, if listening => {
                    listening = false;
                    if fired.is_ok() {
                        let note = Said::new("said-cancelled-killed");
                        self.stopper.stop(StepExit::Cancelled, note, alarm.as_mut());
                    }
                }
                // Once its command ended on its own, the time limit is over: nothing it
                // left running is killed.
                () = &mut alarm, if !self.stopper.gave_up()
                    && (self.status.is_none() || self.stopper.stopping()) => {
                    if self.stopper.ring(alarm.as_mut()) {
                        // Aborted readers drop their senders: `line_rx` ends after what
                        // was already read.
                        self.readers.abort();
                        self.status
                            .get_or_insert_with(|| Err(Said::as_is("it did not exit after SIGKILL")));
                    }
                }
                asked = leave.recv(), if asking && self.handing.is_none() => match asked {
                    None => asking = false,
                    Some(asked) => self.leave(asked),
                },
                exited = child.wait(), if self.status.is_none() => {
                    self.status = Some(exited.map_err(|e| Said::as_is(format!("cannot wait for it: {e}"))));
                    if !drained && !self.stopper.stopping() {
                        drain.as_mut().reset(Instant::now() + DRAIN_GRACE);
                        draining = true;
                    }
                }
                () = &mut drain, if draining && !drained => {
                    draining = false;
                    self.mode.send_replace(Reading::Discard);
                    self.stopper.note(Said::new("said-let-go"));
                }
                permit = tx.reserve(), if !batch.is_empty() => {
                    if let Ok(permit) = permit {
                        let lines = std::mem::take(&mut batch);
                        permit.send(Event::StepOutput { run: self.run, lines });
                    } else {
                        // The console is gone: keep draining so the step does not die of
                        // a broken pipe, while its time limit still applies.
                        self.console_open = false;
                        batch.clear();
                    }
                }
                read = line_rx.recv_many(&mut batch, BATCH), if batch.is_empty() && !drained => {
                    if read == 0 {
                        drained = true;
                    } else if self.console_open {
                        self.capture.add(&batch);
                    } else {
                        batch.clear();
                    }
                }
            }
        }
    }

    fn leave(&mut self, asked: Leave) {
        match asked {
            Leave::Detach => self.stopper.leave_running(),
            Leave::HandOver { keeper, reply } => {
                if self.status.is_some() || self.stopper.stopping() {
                    let _ = reply.send(Err("it was ending already".to_owned()));
                } else {
                    self.stopper.leave_running();
                    self.mode.send_replace(Reading::GiveBack);
                    self.handing = Some((keeper, reply));
                }
            }
        }
    }
}
