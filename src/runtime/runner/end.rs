//! How a step ends: stopping it (cancel, time limit), and what is reported.

use super::group::ProcessGroup;
use crate::event::Event;
use crate::i18n::Said;
use crate::job::{CAPTURE_LIMIT, JobEnd, OutputLine, RunId, Stream};
use crate::runbook::StepExit;
use nix::sys::signal::Signal;
use std::os::unix::process::ExitStatusExt;
use std::pin::Pin;
use std::process::ExitStatus;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, Sleep};

/// From SIGTERM to SIGKILL; and from SIGKILL to giving up on pipes still held open.
const GRACE: Duration = Duration::from_secs(2);

/// What the alarm waits for next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The step's time limit.
    Running,
    /// SIGTERM was sent; SIGKILL is due.
    Terminating,
    /// SIGKILL was sent; the pipes should close at once.
    Killed,
    /// The pipes were held open past SIGKILL, by something outside the group.
    GaveUp,
}

/// Stopping a step: why it was stopped, and the escalation from SIGTERM to SIGKILL.
pub(crate) struct Stopper {
    group: ProcessGroup,
    timeout: Duration,
    phase: Phase,
    stopped: Option<StepExit>,
    notes: Vec<Said>,
}

impl Stopper {
    /// `timeout` is the step's whole time limit, for the note; the caller's alarm rings
    /// when it is up.
    pub(crate) fn new(group: ProcessGroup, timeout: Duration) -> Stopper {
        Stopper {
            group,
            timeout,
            phase: Phase::Running,
            stopped: None,
            notes: Vec::new(),
        }
    }

    /// Stops the step (once): SIGTERM to its group now, SIGKILL when the alarm rings.
    pub(crate) fn stop(&mut self, exit: StepExit, note: Said, alarm: Pin<&mut Sleep>) {
        if self.stopped.is_some() {
            return;
        }
        self.stopped = Some(exit);
        self.notes.push(note);
        // Stopped, even a step left running dies whole.
        self.group.arm(true);
        self.group.signal(Signal::SIGTERM);
        alarm.reset(Instant::now() + GRACE);
        self.phase = Phase::Terminating;
    }

    /// The alarm rang: the time limit, SIGKILL due, or the pipes still open after it.
    /// True when it is time to stop reading them.
    pub(crate) fn ring(&mut self, alarm: Pin<&mut Sleep>) -> bool {
        match self.phase {
            Phase::Running => {
                let secs = self.timeout.as_secs_f64();
                let note = Said::new("said-timed-out").seconds("secs", secs);
                self.stop(StepExit::TimedOut, note, alarm);
                false
            }
            Phase::Terminating => {
                self.group.signal(Signal::SIGKILL);
                alarm.reset(Instant::now() + GRACE);
                self.phase = Phase::Killed;
                false
            }
            Phase::Killed | Phase::GaveUp => {
                // Only a process outside the group (it called setsid) can hold them now.
                self.notes.push(Said::new("said-output-held-open"));
                self.phase = Phase::GaveUp;
                true
            }
        }
    }

    pub(crate) fn gave_up(&self) -> bool {
        self.phase == Phase::GaveUp
    }

    /// The step's whole time limit.
    pub(super) fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Cancelled or timed out: SIGTERM (or SIGKILL) is on its way.
    pub(crate) fn stopping(&self) -> bool {
        self.stopped.is_some()
    }

    /// Left running: nothing kills it when its runner goes, only a cancel or its time
    /// limit.
    pub(super) fn leave_running(&mut self) {
        if self.stopped.is_none() {
            self.group.arm(false);
        }
    }

    /// Something more to say in the end's note.
    /// Once per kind: a disk refusing write after write says so once, not once a batch
    /// (the notes nest, and the record's reader has a depth limit).
    pub(crate) fn note(&mut self, note: Said) {
        if !self.notes.iter().any(|n| n.id() == note.id()) {
            self.notes.push(note);
        }
    }

    /// How a step that was stopped was stopped (None: it was not), and the notes. What is
    /// left of a stopped group is killed now.
    pub(crate) fn outcome(self) -> (Option<StepExit>, Vec<Said>) {
        (self.stopped, self.notes)
    }

    /// The report, once the leader is reaped and the pipes are drained.
    pub(super) fn end(
        mut self,
        status: Option<Result<ExitStatus, Said>>,
        duration: Duration,
        stdout: String,
    ) -> JobEnd {
        let exit = if let Some(stopped) = self.stopped {
            // Dropped armed: SIGKILL for whatever of the group survived SIGTERM.
            drop(self.group);
            stopped
        } else {
            // It ended on its own: leave anything it deliberately left running.
            self.group.disarm();
            let (exit, why) = match status {
                Some(Ok(status)) => exit_of(status),
                Some(Err(why)) => (StepExit::Failed(None), Some(why)),
                None => (StepExit::Failed(None), None),
            };
            self.notes.extend(why);
            exit
        };
        JobEnd {
            exit,
            duration,
            stdout,
            answer: None,
            note: Said::all(self.notes),
            ran: true,
        }
    }
}

/// How a process that ended on its own ended, and what needs saying about it.
fn exit_of(status: ExitStatus) -> (StepExit, Option<Said>) {
    match (status.code(), status.signal()) {
        (Some(0), _) => (StepExit::Succeeded, None),
        (Some(code), _) => (StepExit::Failed(Some(code)), None),
        (None, Some(number)) => {
            let name = Signal::try_from(number)
                .map_or_else(|_| format!("signal {number}"), |s| s.to_string());
            let killed = if status.core_dumped() {
                "said-killed-by-core"
            } else {
                "said-killed-by"
            };
            let note = Said::new(killed).text("signal", name);
            (StepExit::Failed(None), Some(note))
        }
        (None, None) => {
            let note = Said::new("said-ended-with").text("status", status.to_string());
            (StepExit::Failed(None), Some(note))
        }
    }
}

/// The command could not be started: its end's note says why (it printed nothing).
pub(super) async fn not_started(run: RunId, why: Said, started: Instant, tx: &mpsc::Sender<Event>) {
    let end = JobEnd {
        exit: StepExit::Failed(None),
        duration: started.elapsed(),
        stdout: String::new(),
        answer: None,
        note: Some(why),
        ran: false,
    };
    let _ = tx.send(Event::StepEnded { run, end }).await;
}

/// The first `CAPTURE_LIMIT` bytes of stdout, lines joined with '\n', for the platform
/// to read its answer from.
#[derive(Default)]
pub(super) struct Capture {
    text: String,
    lines: usize,
    full: bool,
}

impl Capture {
    pub(super) fn add(&mut self, lines: &[OutputLine]) {
        for line in lines.iter().filter(|l| l.stream == Stream::Stdout) {
            if self.full {
                return;
            }
            if self.lines > 0 {
                self.push("\n");
            }
            self.push(&line.text);
            self.lines += 1;
        }
    }

    fn push(&mut self, text: &str) {
        let room = CAPTURE_LIMIT - self.text.len();
        if text.len() <= room {
            self.text.push_str(text);
            return;
        }
        let mut cut = room;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        self.text.push_str(&text[..cut]);
        self.full = true;
    }

    pub(super) fn into_text(self) -> String {
        self.text
    }
}
