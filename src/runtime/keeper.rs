//! The keeper of a step left running when its console quit (`healthdeck keep-step`,
//! started by the console, never by people). It reads the step's pipes so that the step
//! never dies of a broken pipe, appends its output to the console's incident record, holds
//! and renews its server's lock, enforces what is left of its time limit, and records its
//! end. The console was its parent, so its exit status cannot be known.

use crate::cli::KeepStepArgs;
use crate::exec::guardrails::{self, HeldLock};
use crate::i18n::Said;
use crate::incident::Entry;
use crate::incident::writer::Recorder;
use crate::job::{OutputLine, RunId, Stream};
use crate::runbook::StepExit;
use crate::runtime::FleetClock;
use crate::runtime::runner::{BATCH, DRAIN_GRACE, ProcessGroup, Reading, Stopper, read_lines};
use std::collections::BTreeMap;
use std::os::fd::{AsFd, OwnedFd};
use std::pin::Pin;
use std::process::ExitCode;
use std::time::Duration;
use tokio::io::AsyncReadExt;
use tokio::net::unix::pipe;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::{Instant, Interval, MissedTickBehavior, Sleep};

/// As the console's: well inside the 2 minutes after which a lock looks abandoned.
const HEARTBEAT: Duration = Duration::from_secs(30);
/// How often it looks whether the step's own process still runs.
const LEADER_POLL: Duration = Duration::from_millis(500);

/// Runs the keeper to the step's end; the exit code only says whether it could start.
pub fn run(args: &KeepStepArgs) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(keep(args)),
        Err(_) => ExitCode::FAILURE,
    }
}

/// Whether `pid` runs: a zombie does not (its parent, gone, will never reap it here).
pub fn pid_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with(['Z', 'X'])),
        // No /proc: a signal 0 says whether it exists.
        Err(_) => i32::try_from(pid).is_ok_and(|pid| {
            nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None)
                != Err(nix::errno::Errno::ESRCH)
        }),
    }
}

/// What the keeper holds while the step runs.
struct Keeping {
    run: RunId,
    pid: u32,
    clock: FleetClock,
    stopper: Stopper,
    /// What is left of the step's time limit, then SIGKILL after SIGTERM.
    alarm: Pin<Box<Sleep>>,
    lock: Option<HeldLock>,
    beat: Interval,
    /// Whether its pipes were let go (the step's own process ended, others hold them).
    let_go: bool,
}

async fn keep(args: &KeepStepArgs) -> ExitCode {
    let started = Instant::now();
    let clock = FleetClock::new(1.0);
    let limit = Duration::from_millis(args.limit_ms);
    let used = Duration::from_millis(args.elapsed_ms);
    let mut beat = tokio::time::interval_at(Instant::now() + HEARTBEAT, HEARTBEAT);
    beat.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut keeping = Keeping {
        run: RunId(args.run),
        pid: args.pid,
        clock,
        stopper: Stopper::new(ProcessGroup::led_by(args.pid), limit),
        alarm: Box::pin(tokio::time::sleep(limit.saturating_sub(used))),
        lock: None,
        beat,
        let_go: false,
    };
    keeping.adopt_lock(args).await;
    // Nothing is written before the console's last line: it is gone when its pipe closes.
    let Ok(console) = inherited(std::io::stdin().as_fd()) else {
        return ExitCode::FAILURE;
    };
    keeping.wait_for(console).await;
    let Ok(mut recorder) = Recorder::reopen(&args.record) else {
        return ExitCode::FAILURE;
    };
    let (mode, mode_rx) = watch::channel(Reading::Lines);
    let (line_tx, line_rx) = mpsc::channel(BATCH * 4);
    let readers = [
        (std::io::stdout().as_fd(), Stream::Stdout),
        (std::io::stderr().as_fd(), Stream::Stderr),
    ]
    .map(|(fd, stream)| {
        let pipe = inherited(fd).ok()?;
        let reading = read_lines(pipe, stream, clock, line_tx.clone(), mode_rx.clone());
        Some(tokio::spawn(reading))
    });
    drop(line_tx);
    let leader_ended = keeping
        .follow(&mut recorder, line_rx, &mode, &readers)
        .await;
    let took = leader_ended.unwrap_or_else(Instant::now) - started;
    let lock = keeping.lock.take();
    let ended = keeping.end(used + took);
    let _ = recorder.record(clock.now(), &ended);
    drop(recorder);
    if let Some(lock) = lock {
        let _ = tokio::task::spawn_blocking(move || lock.release()).await;
    }
    // Pipes let go are still read, so what the step left behind never meets a broken pipe.
    for reader in readers.into_iter().flatten() {
        let _ = reader.await;
    }
    ExitCode::SUCCESS
}

impl Keeping {
    /// Until the console is gone (its pipe closes): the time limit and the lock still hold.
    async fn wait_for(&mut self, mut console: pipe::Receiver) {
        let mut byte = [0u8; 64];
        loop {
            tokio::select! {
                biased;
                () = self.alarm.as_mut(), if !self.stopper.gave_up() => {
                    self.stopper.ring(self.alarm.as_mut());
                }
                _ = self.beat.tick(), if self.lock.is_some() => self.heartbeat().await,
                read = console.read(&mut byte) => if !matches!(read, Ok(n) if n > 0) {
                    return;
                },
            }
        }
    }

    /// Records the step's output until its pipes close, or are let go a short grace after
    /// its own process ended. Returns when that process was seen gone.
    async fn follow(
        &mut self,
        recorder: &mut Recorder,
        mut lines: mpsc::Receiver<OutputLine>,
        mode: &watch::Sender<Reading>,
        readers: &[Option<JoinHandle<Option<pipe::Receiver>>>],
    ) -> Option<Instant> {
        let drain = tokio::time::sleep(Duration::MAX);
        tokio::pin!(drain);
        let mut poll = tokio::time::interval(LEADER_POLL);
        let mut leader_ended = None;
        let mut draining = false;
        let mut batch: Vec<OutputLine> = Vec::new();
        loop {
            tokio::select! {
                biased;
                () = self.alarm.as_mut(), if !self.stopper.gave_up()
                    && (leader_ended.is_none() || self.stopper.stopping()) => {
                    if self.stopper.ring(self.alarm.as_mut()) {
                        readers.iter().flatten().for_each(JoinHandle::abort);
                    }
                }
                _ = self.beat.tick(), if self.lock.is_some() => self.heartbeat().await,
                _ = poll.tick(), if leader_ended.is_none() => {
                    if !pid_alive(self.pid) {
                        leader_ended = Some(Instant::now());
                        if !self.stopper.stopping() {
                            drain.as_mut().reset(Instant::now() + DRAIN_GRACE);
                            draining = true;
                        }
                    }
                }
                () = &mut drain, if draining => {
                    draining = false;
                    self.let_go = true;
                    mode.send_replace(Reading::Discard);
                }
                read = lines.recv_many(&mut batch, BATCH) => {
                    if read == 0 {
                        return leader_ended;
                    }
                    let written = recorder.output(self.run, &batch).and_then(|()| recorder.flush());
                    if let Err(error) = written {
                        let note = Said::new("said-not-all-recorded").text("error", error.to_string());
                        self.stopper.note(note);
                    }
                    batch.clear();
                }
            }
        }
    }

    /// Takes over the lock the console handed over, with this process's pid.
    async fn adopt_lock(&mut self, args: &KeepStepArgs) {
        let (Some(dir), Some(server), Some(token)) =
            (&args.lock_dir, &args.server, &args.lock_token)
        else {
            return;
        };
        let (dir, server, token) = (dir.clone(), server.clone(), token.clone());
        let now = self.clock.now();
        let me = std::process::id();
        let adopt = move || guardrails::lock::adopt(&dir, &server, &token, me, now);
        match tokio::task::spawn_blocking(adopt).await {
            Ok(Ok(lock)) => self.lock = Some(lock),
            Ok(Err(refusal)) => {
                let note = Said::new("said-lock-not-kept").said("refusal", refusal.said());
                self.stopper.note(note);
            }
            Err(_) => {}
        }
    }

    async fn heartbeat(&mut self) {
        let Some(mut lock) = self.lock.take() else {
            return;
        };
        let now = self.clock.now();
        let beat = tokio::task::spawn_blocking(move || {
            let beat = lock.heartbeat(now);
            (lock, beat)
        })
        .await;
        match beat {
            Ok((lock, Ok(()))) => self.lock = Some(lock),
            Ok((_, Err(error))) => self
                .stopper
                .note(Said::new("said-lock-lost").text("error", error.to_string())),
            Err(_) => {}
        }
    }

    /// The step's end, as the record says it: how it was stopped, if it was; else ended,
    /// exit status unknown.
    fn end(self, duration: Duration) -> Entry {
        let Keeping {
            run,
            stopper,
            let_go,
            ..
        } = self;
        let (stopped, mut notes) = stopper.outcome();
        if let_go {
            notes.push(Said::new("said-let-go"));
        }
        let exit = match stopped {
            Some(StepExit::TimedOut) => "timed_out",
            Some(StepExit::Cancelled) => "cancelled",
            _ => {
                notes.insert(0, Said::new("said-unknown-exit"));
                "ended"
            }
        };
        let said = Said::all(notes);
        Entry::StepEnded {
            run: run.0,
            exit: exit.to_owned(),
            code: None,
            duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
            facts: BTreeMap::new(),
            // The keeper writes the record itself: in English, as every record.
            note: said.as_ref().map(Said::english),
            said,
        }
    }
}

/// One of the keeper's standard descriptors, which are pipes to read.
fn inherited(fd: std::os::fd::BorrowedFd<'_>) -> std::io::Result<pipe::Receiver> {
    let owned: OwnedFd = fd.try_clone_to_owned()?;
    pipe::Receiver::from_owned_fd(owned)
}
