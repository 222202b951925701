//! The console's keeper of the shared ledger of owed compensations (`exec::guardrails::owed`): one
//! task per console that performs `Effect::Owe` and `Effect::Settle` in the order given, on a
//! blocking thread, and tells `update` what the ledger holds (`Event::Ledger`) at start, after
//! each write, and whenever a poll finds that another console changed it.
//!
//! A write that fails (a full disk, a garbled file) is kept and retried at every poll while
//! the console lives; meanwhile each `Event::Ledger` lists it in `unreadable`
//! ("<path>: not written: …"). Writes on one server keep their order: a later change of that
//! server waits behind the failed one, other servers go on.

use crate::event::Event;
use crate::exec::guardrails::owed;
use crate::runbook::{Debt, Ledger};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::MissedTickBehavior;

/// How often the ledger is read for other consoles' changes.
pub const POLL: Duration = Duration::from_secs(2);
/// Closing retries failed writes this many times, `CLOSE_PAUSE` apart (a short lock held by
/// another console lets go within seconds; a full disk does not).
const CLOSE_ATTEMPTS: u32 = 5;
const CLOSE_PAUSE: Duration = Duration::from_millis(500);

/// One change of the ledger.
#[derive(Debug, Clone)]
enum Change {
    /// Boxed: a debt is a few hundred bytes, a settle a few dozen.
    Owe(Box<Debt>),
    Settle {
        server: String,
        id: String,
    },
}

impl Change {
    fn server(&self) -> &str {
        match self {
            Change::Owe(debt) => &debt.server,
            Change::Settle { server, .. } => server,
        }
    }

    fn apply(&self, dir: &Path) -> std::io::Result<()> {
        match self {
            Change::Owe(debt) => owed::owe(dir, debt),
            Change::Settle { server, id } => owed::settle(dir, server, id).map(drop),
        }
    }
}

enum Command {
    Change(Change),
    /// Finish the pending writes, answer with what could not be written, and stop.
    Close(oneshot::Sender<Vec<String>>),
}

/// This console's way to the ledger task. Sending never blocks and never drops a change.
#[derive(Debug, Clone)]
pub struct LedgerHandle {
    commands: mpsc::UnboundedSender<Command>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::Change(change) => change.fmt(f),
            Command::Close(_) => f.write_str("Close"),
        }
    }
}

/// The ledger task for the state directory `dir`, polled every `poll`, and its handle. The
/// caller spawns the task (in its task set).
pub fn start(
    dir: PathBuf,
    poll: Duration,
    events: mpsc::Sender<Event>,
) -> (LedgerHandle, impl Future<Output = ()> + Send + 'static) {
    let (commands, rx) = mpsc::unbounded_channel();
    (LedgerHandle { commands }, keep(dir, poll, rx, events))
}

impl LedgerHandle {
    /// Adds `debt`, or replaces the debt with its id.
    pub fn owe(&self, debt: Debt) {
        self.send(Command::Change(Change::Owe(Box::new(debt))));
    }

    /// Removes the debt `id` of `server`.
    pub fn settle(&self, server: String, id: String) {
        self.send(Command::Change(Change::Settle { server, id }));
    }

    /// Finishes the pending writes and stops the task; what could not be written (`path: not
    /// written: why`), for the caller to report. The task is gone after this.
    pub async fn close(&self) -> Vec<String> {
        let (reply, answer) = oneshot::channel();
        self.send(Command::Close(reply));
        answer.await.unwrap_or_else(|_| {
            vec!["the ledger task stopped before its pending writes were finished".to_owned()]
        })
    }

    fn send(&self, command: Command) {
        if let Err(unsent) = self.commands.send(command) {
            tracing::error!(command = ?unsent.0, "the ledger task has stopped; not written");
        }
    }
}

/// The task: owns the pending changes and what `update` was last told.
async fn keep(
    dir: PathBuf,
    poll: Duration,
    mut commands: mpsc::UnboundedReceiver<Command>,
    events: mpsc::Sender<Event>,
) {
    let mut keeper = Keeper {
        dir,
        pending: Vec::new(),
        failures: Vec::new(),
        shown: None,
        events,
    };
    let mut every = tokio::time::interval(poll);
    every.set_missed_tick_behavior(MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            biased;
            command = commands.recv() => {
                // Every handle is gone: the console is ending without a close.
                let Some(command) = command else {
                    for failure in keeper.close().await {
                        tracing::error!(failure, "an owed compensation was not written");
                    }
                    return;
                };
                let mut closing = None;
                let mut next = Some(command);
                // Everything already queued goes in one blocking write.
                while let Some(command) = next {
                    match command {
                        Command::Change(change) => keeper.pending.push(change),
                        Command::Close(reply) => closing = Some(reply),
                    }
                    next = commands.try_recv().ok();
                }
                if let Some(reply) = closing {
                    let _ = reply.send(keeper.close().await);
                    return;
                }
                keeper.write().await;
                keeper.publish(true).await;
            }
            _ = every.tick() => {
                keeper.write().await;
                keeper.publish(false).await;
            }
        }
    }
}

struct Keeper {
    dir: PathBuf,
    /// Changes not written yet, in the order given.
    pending: Vec<Change>,
    /// Why the pending changes could not be written, one line per server.
    failures: Vec<String>,
    /// The ledger `update` was last told (`None` before the first).
    shown: Option<Ledger>,
    events: mpsc::Sender<Event>,
}

impl Keeper {
    async fn write(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let (dir, pending) = (self.dir.clone(), std::mem::take(&mut self.pending));
        match tokio::task::spawn_blocking(move || write_in_order(&dir, pending)).await {
            Ok((kept, failures)) => {
                self.pending = kept;
                self.failures = failures;
            }
            // The changes moved into the panicked thread are lost: say so loudly.
            Err(panicked) => {
                tracing::error!(%panicked, "a ledger write panicked");
                self.failures = vec![format!(
                    "{}: not written: the write failed ({panicked})",
                    self.dir.display()
                )];
            }
        }
    }

    /// Reads the ledger and tells `update`, if `always` or it changed since last told. A full
    /// event queue (nobody reading after the loop) is not waited on: the next poll retries.
    async fn publish(&mut self, always: bool) {
        let dir = self.dir.clone();
        let Ok(mut ledger) = tokio::task::spawn_blocking(move || owed::read(&dir)).await else {
            tracing::error!("the ledger read panicked");
            return;
        };
        ledger.unreadable.extend(self.failures.iter().cloned());
        if !always && self.shown.as_ref() == Some(&ledger) {
            return;
        }
        if self.events.try_send(Event::Ledger(ledger.clone())).is_ok() {
            self.shown = Some(ledger);
        } else {
            self.shown = None;
        }
    }

    /// Writes what is pending, retrying a few times; what stays unwritten.
    async fn close(&mut self) -> Vec<String> {
        for attempt in 0..CLOSE_ATTEMPTS {
            if attempt > 0 {
                tokio::time::sleep(CLOSE_PAUSE).await;
            }
            self.write().await;
            if self.pending.is_empty() {
                break;
            }
        }
        self.failures.clone()
    }
}

/// Applies `pending` in order; a server whose change failed keeps that change and its later
/// ones for the next attempt. Returns the kept changes and one line per failed server.
fn write_in_order(dir: &Path, pending: Vec<Change>) -> (Vec<Change>, Vec<String>) {
    let mut kept: Vec<Change> = Vec::new();
    let mut failures = Vec::new();
    let mut blocked: Vec<String> = Vec::new();
    for change in pending {
        let server = change.server().to_owned();
        if blocked.contains(&server) {
            kept.push(change);
            continue;
        }
        if let Err(error) = change.apply(dir) {
            let file = owed::ledger_file(dir, &server);
            failures.push((server.clone(), file, error.to_string()));
            blocked.push(server);
            kept.push(change);
        }
    }
    let lines = failures
        .into_iter()
        .map(|(server, file, why)| {
            let waiting = kept.iter().filter(|c| c.server() == server).count();
            let changes = if waiting == 1 { "change" } else { "changes" };
            format!(
                "{}: not written: {waiting} {changes} waiting, retried every few seconds: {why}",
                file.display()
            )
        })
        .collect();
    (kept, lines)
}
