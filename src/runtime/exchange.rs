//! Polls Exchange's Managed Availability: one pwsh run per server and poll
//! (`command::managed`), at most `in_flight` at once, each bounded in time and in what it
//! may print. The first round goes as fast as that bound allows (the engineer wants
//! Exchange's verdict now); each server is polled again an interval after its last poll
//! started. A poll's answer is read here and sent as one event (ARCHITECTURE
//! "Exchange's own verdict").

use super::FleetClock;
use super::contained::contain;
use super::runner::{ProcessGroup, spawn};
use crate::command::{managed, pwsh};
use crate::event::Event;
use crate::health::exchange::{ExchangeReport, Verdict, one_line, read};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;

/// What an answer may hold: forty rows are some 40 KiB.
const STDOUT_CAP: u64 = 4 << 20;
/// How long a poll's answer waits for others to go to the console with it.
const GATHER: Duration = Duration::from_millis(100);
const STDERR_CAP: usize = 16 << 10;

/// Every server's poll, and how often, how long, how many at once.
#[derive(Debug, Clone)]
pub struct Polling {
    pub polls: Vec<Poll>,
    pub interval: Duration,
    pub timeout: Duration,
    pub in_flight: usize,
    /// What the engineer should know of this pace at start (a round longer than the
    /// interval), for the status bar.
    pub note: Option<String>,
}

/// One server's poll: who is polled, through which Exchange session and PowerShell. The
/// script is made when the poll runs (2.5 KB a server is not kept for a whole fleet).
#[derive(Debug, Clone)]
pub struct Poll {
    pub server: usize,
    pub name: String,
    pub session_host: String,
    pub program: String,
}

impl Poll {
    /// The argv that runs it, or why none can (a name no script takes): checked before
    /// any process starts.
    pub fn argv(&self) -> Result<Vec<String>, String> {
        let script = managed::script(&self.name, &self.session_host)
            .map_err(|r| format!("no poll: {}", r.reason()))?;
        let mut argv = pwsh::argv(&script);
        argv[0].clone_from(&self.program);
        Ok(argv)
    }
}

/// Runs the polls until the console ends (the receiver is dropped). `now` asks for a
/// server's poll at once (a step there ended): it moves that server's next poll forward,
/// never adds a second one.
pub async fn run(
    polling: Polling,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
    mut now: mpsc::Receiver<usize>,
) {
    let Polling {
        polls,
        interval,
        timeout,
        in_flight,
        ..
    } = polling;
    let polls: Arc<[Poll]> = polls.into();
    let permits = Arc::new(Semaphore::new(in_flight.max(1)));
    let start = Instant::now();
    // Each server's next poll; a heap entry that is not its server's is stale, skipped.
    let mut next: Vec<Option<Instant>> = vec![Some(start); polls.len()];
    // Asked for while its poll ran: polled again as soon as that one ends.
    let mut again = vec![false; polls.len()];
    let mut due: BinaryHeap<Reverse<(Instant, usize)>> =
        (0..polls.len()).map(|i| Reverse((start, i))).collect();
    let mut running = JoinSet::new();
    // Answers wait up to GATHER for others: a management host that fails every poll at
    // once is one batch, and one line in the record, not one per server.
    let mut batch: Vec<ExchangeReport> = Vec::new();
    let mut flush_at: Option<Instant> = None;
    loop {
        while let Some(&Reverse((at, i))) = due.peek() {
            if next[i] == Some(at) {
                break;
            }
            due.pop();
        }
        let head = due.peek().map(|Reverse((at, _))| *at);
        tokio::select! {
            Some(done) = running.join_next(), if !running.is_empty() => {
                // Each poll is contained (`contained_once`): a task always ends with its server.
                if let Ok((i, started, report)) = done {
                    let at = if std::mem::take(&mut again[i]) { Instant::now() } else { started + interval };
                    next[i] = Some(at);
                    due.push(Reverse((at, i)));
                    batch.push(report);
                    flush_at.get_or_insert_with(|| Instant::now() + GATHER);
                }
            }
            () = tokio::time::sleep_until(flush_at.unwrap_or(start)), if flush_at.is_some() => {
                flush_at = None;
                // Nobody listens once the console has ended.
                if tx.send(Event::Exchange(std::mem::take(&mut batch))).await.is_err() {
                    return;
                }
            }
            Some(i) = now.recv() => {
                match next.get(i) {
                    // Running: once it ends.
                    Some(None) => again[i] = true,
                    Some(Some(_)) => {
                        let at = Instant::now();
                        next[i] = Some(at);
                        due.push(Reverse((at, i)));
                    }
                    None => {}
                }
            }
            () = tokio::time::sleep_until(head.unwrap_or(start)), if head.is_some() => {
                // Due: wait for room (polls in flight end on their own, within `timeout`).
                let permit = tokio::select! {
                    permit = Arc::clone(&permits).acquire_owned() => permit,
                    () = tx.closed() => return,
                };
                let (Ok(permit), Some(Reverse((_, i)))) = (permit, due.pop()) else {
                    return;
                };
                next[i] = None;
                let poll = polls[i].clone();
                running.spawn(async move {
                    let started = Instant::now();
                    let answer = contained_once(poll.clone(), timeout).await;
                    drop(permit);
                    let report = ExchangeReport {
                        server: poll.server,
                        at: clock.now(),
                        answer,
                    };
                    (i, started, report)
                });
            }
            () = tx.closed() => return,
        }
    }
}

/// [`once`], with a panic in it (a bug) an answer that says so: the server stays polled,
/// and the panic hook leaves the console's screen alone (`runtime::contained`).
async fn contained_once(poll: Poll, timeout: Duration) -> Result<Option<Verdict>, String> {
    let (answer, read) = tokio::sync::oneshot::channel();
    let task = Box::pin(async move {
        // Nobody waits only when this task was dropped with the poller.
        let _ = answer.send(once(&poll, timeout).await);
    });
    match contain(task).await {
        Ok(()) => read
            .await
            .unwrap_or_else(|_| Err("the poll ended without an answer".to_owned())),
        Err(panic) => Err(one_line(
            &format!("the poll failed inside healthdeck: {panic}"),
            160,
        )),
    }
}

/// One poll, read: `Ok(None)` for an empty answer, `Err` with why it failed.
pub async fn once(poll: &Poll, timeout: Duration) -> Result<Option<Verdict>, String> {
    let argv = poll.argv()?;
    let mut child = spawn(&argv).map_err(|why| why.english())?;
    // Dropped armed (a timeout, a cap crossed), it kills the whole group.
    let group = ProcessGroup::of(&child);
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err("the poll's pipes did not open".to_owned());
    };
    let over = || {
        format!(
            "the answer is over {} MiB: the poll was stopped",
            STDOUT_CAP >> 20
        )
    };
    let work = async {
        // An answer past its cap ends the poll at once: the other pipe is let go.
        let (out, err) = tokio::try_join!(
            async { capped(stdout, STDOUT_CAP).await.ok_or_else(over) },
            async { Ok(tail(stderr, STDERR_CAP).await) },
        )?;
        let status = child
            .wait()
            .await
            .map_err(|e| format!("the poll was lost: {e}"))?;
        Ok::<_, String>((out, err, status))
    };
    let Ok(done) = tokio::time::timeout(timeout, work).await else {
        let within = if timeout.subsec_millis() == 0 {
            format!("{}s", timeout.as_secs())
        } else {
            format!("{:.1}s", timeout.as_secs_f64())
        };
        return Err(format!("no answer within {within}: the poll was stopped"));
    };
    let (out, err, status) = done?;
    group.disarm();
    if !status.success() {
        let err = String::from_utf8_lossy(&err).into_owned();
        let said = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map_or_else(|| "it said nothing".to_owned(), |l| one_line(l, 160));
        let code = status
            .code()
            .map_or_else(|| "a signal".to_owned(), |c| c.to_string());
        return Err(format!("the poll failed (exit {code}): {said}"));
    }
    read(&String::from_utf8_lossy(&out)).map_err(|e| e.to_string())
}

/// Everything the pipe holds up to `cap` bytes; `None` past it.
/// The last `cap` bytes the pipe carries, read to its end: a chatty pwsh (warnings by the
/// hundred) is drained, never cut off mid-write, and its last words are the ones kept.
async fn tail(mut pipe: impl AsyncRead + Unpin, cap: usize) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut chunk = vec![0; 8 << 10];
    while let Ok(n) = pipe.read(&mut chunk).await {
        if n == 0 {
            break;
        }
        kept.extend_from_slice(&chunk[..n]);
        if kept.len() > 2 * cap {
            kept.drain(..kept.len() - cap);
        }
    }
    if kept.len() > cap {
        kept.drain(..kept.len() - cap);
    }
    kept
}

async fn capped(pipe: impl AsyncRead + Unpin, cap: u64) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let read = pipe.take(cap + 1).read_to_end(&mut buf).await.ok()?;
    (read as u64 <= cap).then_some(buf)
}
