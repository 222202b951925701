//! Runs one step as a real process in its own process group, streaming its output as
//! events and reporting its end once both pipes are drained.

mod end;
mod group;
mod pipe;

pub use group::hide_from_steps;

use crate::event::Event;
use crate::job::{OutputLine, RunId, Stream};
use crate::runbook::StepExit;
use crate::runtime::FleetClock;
use end::{Capture, Stopper};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;
use tokio::time::Instant;

/// Lines in flight between the pipe readers and the batcher. Bounded: when the console is
/// slow, the readers wait, the pipes fill, and the step blocks on its writes.
const LINE_QUEUE: usize = 4096;
/// The most lines in one `Event::StepOutput`.
const BATCH: usize = 512;

/// Runs `argv` (argv[0] resolved through PATH; never a shell) in its own process group.
///
/// Sends its output as `Event::StepOutput` batches, then exactly one `Event::StepEnded`
/// once both pipes are drained. On cancel (an explicit send; a dropped sender is no
/// cancel) or after `timeout`, the whole process group is killed: SIGTERM, then SIGKILL.
pub async fn run_process(
    run: RunId,
    argv: Vec<String>,
    timeout: Duration,
    clock: FleetClock,
    mut cancel: oneshot::Receiver<()>,
    tx: mpsc::Sender<Event>,
) {
    let started = Instant::now();
    let mut child = match group::spawn(&argv) {
        Ok(child) => child,
        Err(why) => return end::not_started(run, why, started, clock, &tx).await,
    };
    let mut stopper = Stopper::new(group::ProcessGroup::of(&child), timeout);

    let (line_tx, mut line_rx) = mpsc::channel(LINE_QUEUE);
    // A reader task per pipe, so the two streams are read at once and a line is stamped
    // when it is read. In a JoinSet: they are aborted with the runner if it is dropped.
    let mut readers = JoinSet::new();
    if let Some(out) = child.stdout.take() {
        readers.spawn(pipe::read_lines(
            out,
            Stream::Stdout,
            clock,
            line_tx.clone(),
        ));
    }
    if let Some(err) = child.stderr.take() {
        readers.spawn(pipe::read_lines(
            err,
            Stream::Stderr,
            clock,
            line_tx.clone(),
        ));
    }
    drop(line_tx);

    let alarm = tokio::time::sleep(timeout);
    tokio::pin!(alarm);
    let mut status = None;
    let mut listening = true;
    let mut drained = false;
    let mut console_open = true;
    let mut batch: Vec<OutputLine> = Vec::new();
    let mut capture = Capture::default();

    while status.is_none() || !drained || !batch.is_empty() {
        tokio::select! {
            // Cancel and the alarm first, so a flood of output cannot delay them.
            biased;
            fired = &mut cancel, if listening => {
                listening = false;
                if fired.is_ok() {
                    let note = "cancelled; its process group was killed".to_owned();
                    stopper.stop(StepExit::Cancelled, note, alarm.as_mut());
                }
            }
            () = &mut alarm, if !stopper.gave_up() => {
                if stopper.ring(alarm.as_mut()) {
                    // Aborted readers drop their senders: `line_rx` ends after what
                    // was already read.
                    readers.abort_all();
                    status.get_or_insert_with(|| Err("it did not exit after SIGKILL".to_owned()));
                }
            }
            exited = child.wait(), if status.is_none() => {
                status = Some(exited.map_err(|e| format!("cannot wait for it: {e}")));
            }
            permit = tx.reserve(), if !batch.is_empty() => {
                if let Ok(permit) = permit {
                    permit.send(Event::StepOutput { run, lines: std::mem::take(&mut batch) });
                } else {
                    // The console is gone: keep draining so the step does not die of a
                    // broken pipe, while its time limit still applies.
                    console_open = false;
                    batch.clear();
                }
            }
            read = line_rx.recv_many(&mut batch, BATCH), if batch.is_empty() && !drained => {
                if read == 0 {
                    drained = true;
                } else if console_open {
                    capture.add(&batch);
                } else {
                    batch.clear();
                }
            }
        }
    }

    let end = stopper.end(status, started.elapsed(), capture.into_text());
    if console_open {
        // The console may have gone meanwhile; then there is nobody left to tell.
        let _ = tx.send(Event::StepEnded { run, end }).await;
    }
}
