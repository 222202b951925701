//! Training steps as jobs: no process (ARCHITECTURE "Training platform"); the simulator task
//! performs the step and its output arrives through the same step-output and step-exit
//! events as a real process's.

use super::clock::FleetClock;
use super::simulator::SimRequest;
use crate::event::Event;
use crate::health::{AlertValue, Monitor};
use crate::i18n::Said;
use crate::job::{CAPTURE_LIMIT, JobEnd, OutputLine, RunId, Stream};
use crate::runbook::platform::training::Performed;
use crate::runbook::vocabulary::RecoveryAction;
use crate::runbook::{StepCall, StepExit};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Wall time between two output lines, so the engineer sees them arrive...
const LINE_GAP: Duration = Duration::from_millis(40);
/// ...but a long output never takes more than this to stream.
const STREAM_BUDGET: Duration = Duration::from_secs(1);

/// How long an action takes on a real Exchange fleet, in fleet time: the pause before the
/// simulator performs it (divided by the clock's speed). Rough figures from the field; what
/// matters is their order: a read is quick, a reboot is not. `restart_server` at the default
/// ×10 is 18 s of wall time.
fn fleet_pause(action: RecoveryAction) -> Duration {
    use RecoveryAction as A;
    let seconds = match action {
        // A probe or a read over remote PowerShell. `wait_and_recheck` is its recheck only:
        // the console counts the wait down itself.
        A::RerunProbe
        | A::IdentifyMailboxServer
        | A::CheckActiveCopies
        | A::CheckServerHealth
        | A::GetProtocolLogLocation
        | A::CheckComponentState
        | A::WaitAndRecheck => 2,
        // A setting written, read back by the service.
        A::SetProtocolLogging | A::ReenableActivation | A::SetComponentActive => 3,
        // Stop (draining connections), then start.
        A::RestartService => 20,
        // Each active copy moved to another DAG member and mounted there.
        A::FailoverDatabases => 30,
        A::RebalanceDatabases => 45,
        // A Windows reboot until Exchange's services answer again.
        A::RestartServer => 180,
        // A person's job: no command.
        A::Escalate => 0,
    };
    Duration::from_secs(seconds)
}

/// Runs a training step: a realistic pause (scaled by the clock's speed), then the simulator
/// performs it, then its output lines stream out, then the exit.
///
/// A cancel during the pause performs nothing: the simulated fleet is untouched and the step
/// ends `Cancelled`. Once the step is handed to the simulator it is done; a cancel that comes
/// later is reported in the end's note, not undone. A dropped `cancel` sender is no cancel.
/// `JobEnd::stdout` is the simulated command's output (what `exchange::read` reads), without
/// the runner's opening line.
pub async fn run_simulated(
    run: RunId,
    call: StepCall,
    alerts: Vec<(Monitor, AlertValue)>,
    clock: FleetClock,
    mut cancel: oneshot::Receiver<()>,
    sim: mpsc::Sender<SimRequest>,
    tx: mpsc::Sender<Event>,
) {
    // Fleet time, like every stamp the engineer sees (wall time × speed in training).
    let started = clock.now();
    let elapsed = || (clock.now() - started).to_std().unwrap_or_default();
    let out = Output {
        run,
        clock,
        tx: &tx,
    };
    let server = call.server.name.clone();
    if !out
        .line(Stream::Stdout, format!("Running on {server}..."))
        .await
    {
        return;
    }
    if cancelled_within(clock.wall(fleet_pause(call.action)), &mut cancel).await {
        let line = format!("Cancelled before it ran: nothing was done on {server}.");
        if out.line(Stream::Stderr, line).await {
            let note = Said::new("said-sim-cancelled");
            out.end(JobEnd {
                exit: StepExit::Cancelled,
                duration: elapsed(),
                stdout: String::new(),
                answer: None,
                note: Some(note),
                ran: false,
            })
            .await;
        }
        return;
    }
    let performed = match perform(&sim, call, alerts).await {
        Ok(performed) => performed,
        Err(why) => {
            if out.line(Stream::Stderr, format!("{why}.")).await {
                out.end(JobEnd {
                    exit: StepExit::Failed(None),
                    duration: elapsed(),
                    stdout: String::new(),
                    answer: None,
                    note: Some(Said::as_is(why)),
                    ran: true,
                })
                .await;
            }
            return;
        }
    };
    let succeeded = performed.answer.exit == StepExit::Succeeded;
    let stream = if succeeded {
        Stream::Stdout
    } else {
        Stream::Stderr
    };
    let count = u32::try_from(performed.lines.len())
        .unwrap_or(u32::MAX)
        .max(1);
    let gap = LINE_GAP.min(STREAM_BUDGET / count);
    let mut late_cancel = false;
    for (i, line) in performed.lines.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(gap).await;
        }
        if !out.line(stream, line.clone()).await {
            return;
        }
        late_cancel |= cancel.try_recv().is_ok();
    }
    late_cancel |= cancel.try_recv().is_ok();
    let stdout = if succeeded {
        capture(&performed.lines)
    } else {
        String::new()
    };
    out.end(JobEnd {
        exit: performed.answer.exit,
        duration: elapsed(),
        stdout,
        answer: Some(performed.answer),
        note: late_cancel.then(|| Said::new("said-sim-late-cancel")),
        ran: true,
    })
    .await;
}

/// Hands the step to the simulator task and waits for its answer.
async fn perform(
    sim: &mpsc::Sender<SimRequest>,
    call: StepCall,
    alerts: Vec<(Monitor, AlertValue)>,
) -> Result<Performed, &'static str> {
    let (reply, answer) = oneshot::channel();
    let request = SimRequest {
        call,
        alerts,
        reply,
    };
    if sim.send(request).await.is_err() {
        return Err("the training simulator is not running: nothing was performed");
    }
    answer
        .await
        .map_err(|_| "the training simulator stopped before it answered")
}

/// Waits `pause`; true when a cancel was asked for first.
async fn cancelled_within(pause: Duration, cancel: &mut oneshot::Receiver<()>) -> bool {
    let sleep = tokio::time::sleep(pause);
    tokio::pin!(sleep);
    tokio::select! {
        () = &mut sleep => false,
        asked = cancel => {
            if asked.is_ok() {
                return true;
            }
            // The handle is gone: nobody can cancel any more; the step runs.
            sleep.await;
            false
        }
    }
}

/// The output lines joined, bounded like a process's captured stdout.
fn capture(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    if text.len() > CAPTURE_LIMIT {
        let mut end = CAPTURE_LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Where a step's lines and end go.
struct Output<'a> {
    run: RunId,
    clock: FleetClock,
    tx: &'a mpsc::Sender<Event>,
}

impl Output<'_> {
    /// Sends one line stamped on the fleet clock; false when the console is gone.
    async fn line(&self, stream: Stream, text: String) -> bool {
        let line = OutputLine {
            at: self.clock.now(),
            stream,
            text,
        };
        let event = Event::StepOutput {
            run: self.run,
            lines: vec![line],
        };
        self.tx.send(event).await.is_ok()
    }

    async fn end(&self, end: JobEnd) {
        // Nobody to tell if the console is gone.
        let _ = self.tx.send(Event::StepEnded { run: self.run, end }).await;
    }
}
