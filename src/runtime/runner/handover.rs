//! Leaving a step running beyond the console: what the console may ask of a runner, and
//! the hand-over of a step's pipes (and its server's lock) to a keeper process, the
//! healthdeck binary under `keep-step`, which records the rest of it.

use super::group::own_session;
use crate::exec::guardrails::HeldLock;
use crate::job::RunId;
use crate::runtime::FleetClock;
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::process::{ChildStdin, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// A step to run as a process.
pub struct ProcessStep {
    pub run: RunId,
    /// argv[0] is resolved through PATH; never a shell.
    pub argv: Vec<String>,
    pub timeout: Duration,
    /// The server's lock a destructive step holds while it runs.
    pub lock: Option<StepLock>,
}

/// A destructive step's lock, shared with the heartbeat that renews it; taken out of it
/// when the step is handed over.
pub struct StepLock {
    pub dir: PathBuf,
    pub server: String,
    pub guard: Arc<Mutex<Option<HeldLock>>>,
}

/// How the console steers a running step.
pub struct Control {
    /// Cancel it (a dropped sender is no cancel).
    pub cancel: oneshot::Receiver<()>,
    pub leave: mpsc::Receiver<Leave>,
}

/// Leaving a step running.
#[derive(Debug)]
pub enum Leave {
    /// Left running: nothing kills it when the console ends. Its output and end still
    /// come while the console runs.
    Detach,
    /// The console is ending: hand the step's pipes and lock to a keeper; the reply says
    /// who took them. No end is reported then.
    HandOver {
        keeper: KeeperSetup,
        reply: oneshot::Sender<Result<HandedOver, String>>,
    },
}

/// Where the keeper comes from and where it writes.
#[derive(Debug, Clone)]
pub struct KeeperSetup {
    /// The healthdeck binary.
    pub program: PathBuf,
    /// The console's incident record, which the keeper appends to.
    pub record: PathBuf,
}

/// A step handed to its keeper.
#[derive(Debug)]
pub struct HandedOver {
    /// The step's pid: it leads its session and process group.
    pub pid: u32,
    pub keeper: u32,
    /// The keeper writes to the record once this closes: keep it until the console's last
    /// line is written.
    pub console: ChildStdin,
}

/// What the runner hands over.
pub(super) struct Handed {
    pub run: RunId,
    pub pid: u32,
    pub stdout: Option<OwnedFd>,
    pub stderr: Option<OwnedFd>,
    /// The step's whole time limit, and how much of it is used.
    pub limit: Duration,
    pub elapsed: Duration,
    pub lock: Option<StepLock>,
}

/// Starts the keeper in its own session with the step's pipes as its stdout and stderr
/// (read, not written) and a pipe from the console as its stdin; then hands it the lock.
pub(super) async fn start_keeper(
    setup: &KeeperSetup,
    step: Handed,
    clock: FleetClock,
) -> Result<HandedOver, String> {
    let token = step.lock.as_ref().and_then(|lock| {
        let held = lock.guard.lock().unwrap_or_else(PoisonError::into_inner);
        held.as_ref().map(|g| g.holder().token().to_owned())
    });
    let mut command = own_session(&setup.program);
    command.arg("keep-step").arg("--record").arg(&setup.record);
    let numbers = [
        ("--run", step.run.0),
        ("--pid", u64::from(step.pid)),
        ("--limit-ms", millis(step.limit)),
        ("--elapsed-ms", millis(step.elapsed)),
    ];
    for (flag, value) in numbers {
        command.arg(flag).arg(value.to_string());
    }
    if let (Some(lock), Some(token)) = (&step.lock, &token) {
        command.arg("--lock-dir").arg(&lock.dir);
        command.args(["--server", &lock.server, "--lock-token", token]);
    }
    let (stdout, stderr) = (pipe_or_closed(step.stdout)?, pipe_or_closed(step.stderr)?);
    let mut keeper = command
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("cannot start its keeper {}: {e}", setup.program.display()))?;
    let keeper_pid = keeper.id();
    let console = keeper
        .stdin
        .take()
        .ok_or_else(|| "no pipe to its keeper".to_owned())?;
    // Not waited for: it outlives this console, and its parent becomes init.
    drop(keeper);
    if let Some(lock) = step.lock {
        let held = lock
            .guard
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(held) = held {
            let now = clock.now();
            let handed = tokio::task::spawn_blocking(move || held.hand_over(keeper_pid, now));
            if let Ok(Err(error)) = handed.await {
                tracing::warn!(%error, "cannot hand a lock to a step's keeper");
            }
        }
    }
    Ok(HandedOver {
        pid: step.pid,
        keeper: keeper_pid,
        console,
    })
}

/// A pipe already read to its end is handed over as one that is closed.
fn pipe_or_closed(pipe: Option<OwnedFd>) -> Result<Stdio, String> {
    if let Some(fd) = pipe {
        return Ok(Stdio::from(fd));
    }
    let (read, _write) =
        std::io::pipe().map_err(|e| format!("cannot make a pipe for its keeper: {e}"))?;
    Ok(Stdio::from(read))
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
