//! `healthdeck check`: every probe of an inventory once and, where the inventory has the
//! Exchange source, one Managed Availability poll per server beside them; a Nagios-style
//! verdict on the first line, text or JSON after it (ARCHITECTURE "check output"). Never the
//! simulator: without an inventory it is UNKNOWN.

pub mod exchange;
pub mod report;

use crate::cli::{CheckArgs, CheckFormat};
use crate::config::inventory::Inventory;
use crate::health::exchange::Verdict;
use crate::probe_plan::schedule::Schedule;
use crate::runtime::exchange::{Polling, once};
use crate::runtime::probe::probe;
use crate::runtime::prober;
use exchange::ExchangeChecked;
use report::{Checked, ServerChecks, Status};
use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Success slower than this is WARNING (the probe timeout's half, at most 5 s).
fn warning_level(inventory: &Inventory) -> Duration {
    (inventory.probes.timeout_duration() / 2).min(Duration::from_secs(5))
}

/// `lang` is the top-level `--lang`: the language of the lines under the first (Nagios'
/// first line stays as it is), else the locale's.
pub fn run(args: &CheckArgs, lang: Option<&str>) -> ExitCode {
    let checked = match lang.and_then(crate::launch::unknown_language) {
        Some(why) => Err(why),
        None => check(args, crate::launch::language(lang).0),
    };
    match checked {
        Ok(code) => code,
        Err(message) => {
            // UNKNOWN, Nagios-style, for anything that kept the check from running.
            let _ = writeln!(std::io::stdout(), "HEALTHDECK UNKNOWN - {message}");
            ExitCode::from(Status::Unknown.code())
        }
    }
}

fn check(args: &CheckArgs, language: &str) -> Result<ExitCode, String> {
    let Some(path) = &args.inventory else {
        return Err("no inventory (--inventory FILE or HEALTHDECK_INVENTORY)".to_owned());
    };
    let inventory = Inventory::load(path).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        lines.join("; ")
    })?;
    let mut probing = prober::prepare(&inventory)?;
    let polling = crate::launch::exchange_source::polling(&inventory);
    if polling.is_some() {
        // As in the console (`launch::exchange_source::watch`): where Exchange watches, a
        // probe healthdeck cannot run (no endpoint, no login) is no verdict, not UNKNOWN.
        probing.not_runnable.clear();
    }
    if let Some(note) = &probing.ceiling_note {
        // Beside the progress bar: stdout is the verdict a monitoring system parses.
        let _ = writeln!(std::io::stderr(), "healthdeck check: {note}");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let polls = polling.as_ref().map_or(0, |p| p.polls.len());
    let progress = Progress::new(probing.targets.len() + polls);
    let (outcomes, answers) = runtime.block_on(async {
        tokio::join!(
            probe_all(&probing, &progress),
            poll_all(polling.as_ref(), &progress)
        )
    });
    progress.clear();
    let mut servers: Vec<ServerChecks> = inventory
        .servers
        .iter()
        .map(|s| ServerChecks {
            server: s.server.clone(),
            probes: Vec::new(),
            exchange: None,
        })
        .collect();
    for (server, answer) in answers {
        servers[server].exchange = Some(ExchangeChecked { answer });
    }
    for ((target, _), outcome) in probing.targets.iter().zip(outcomes) {
        servers[target.server].probes.push(Checked {
            health_set: health_set_of(target.probe),
            probe: target.probe,
            endpoint: target.plan.endpoint.to_string(),
            // A probe that panicked (a bug) is not runnable, not a verdict on the server.
            outcome: outcome.ok_or_else(|| "the probe failed inside healthdeck".to_owned()),
        });
    }
    for n in &probing.not_runnable {
        servers[n.server].probes.push(Checked {
            health_set: health_set_of(n.probe),
            probe: n.probe,
            endpoint: "-".to_owned(),
            outcome: Err(n.why.clone()),
        });
    }
    let warning = warning_level(&inventory);
    let verdict = report::status(&servers, warning);
    let out = match args.format {
        CheckFormat::Text => report::text(crate::i18n::Tr::of(language), &servers, warning),
        CheckFormat::Json => {
            let now = crate::runtime::clock::FleetClock::new(1.0).now();
            let json = report::json(&servers, warning, now);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            )
        }
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::from(verdict.code()))
}

/// Every probe once, as many at once as the ceiling allows and two per server at most
/// (`probe_plan::schedule`).
async fn probe_all(
    probing: &prober::Probing,
    progress: &Progress,
) -> Vec<Option<crate::runtime::probe::ProbeOutcome>> {
    let slots: Vec<(usize, Duration)> = probing
        .targets
        .iter()
        .map(|(t, i)| (t.server, *i))
        .collect();
    let mut schedule = Schedule::once(&slots, probing.ceiling);
    let total = probing.targets.len();
    let mut tasks = tokio::task::JoinSet::new();
    let mut outcomes: Vec<Option<crate::runtime::probe::ProbeOutcome>> = vec![None; total];
    loop {
        // Everything is due at once: the clock's reading does not matter.
        while let Some(start) = schedule.next_start(Duration::ZERO) {
            let plan = probing.targets[start.slot].0.plan.clone();
            let tls = Arc::clone(&probing.tls);
            tasks.spawn(async move { (start.slot, probe(&plan, &tls).await) });
        }
        let Some(joined) = tasks.join_next().await else {
            break;
        };
        // A probe task that panicked is a bug: its result is missing, not invented.
        let Ok((slot, outcome)) = joined else {
            continue;
        };
        schedule.finished(slot, Duration::ZERO, Duration::ZERO);
        outcomes[slot] = Some(outcome);
        progress.tick();
    }
    outcomes
}

/// Every server's Managed Availability poll once, at most `in_flight` at once, each bounded
/// by the poll timeout (`runtime::exchange::once` kills a poll past it): (server, answer).
async fn poll_all(
    polling: Option<&Polling>,
    progress: &Progress,
) -> Vec<(usize, Result<Option<Verdict>, String>)> {
    let Some(polling) = polling else {
        return Vec::new();
    };
    let permits = Arc::new(tokio::sync::Semaphore::new(polling.in_flight.max(1)));
    let mut tasks = tokio::task::JoinSet::new();
    for (slot, poll) in polling.polls.iter().enumerate() {
        let (poll, permits, timeout) = (poll.clone(), Arc::clone(&permits), polling.timeout);
        tasks.spawn(async move {
            // The semaphore is never closed: a permit always comes.
            let _room = permits.acquire_owned().await;
            (slot, once(&poll, timeout).await)
        });
    }
    // A poll task that panicked (a bug) leaves its server UNKNOWN, never healthy.
    let mut answers: Vec<(usize, Result<Option<Verdict>, String>)> = polling
        .polls
        .iter()
        .map(|p| {
            (
                p.server,
                Err("the poll failed inside healthdeck".to_owned()),
            )
        })
        .collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((slot, answer)) = joined {
            answers[slot].1 = answer;
        }
        progress.tick();
    }
    answers
}

/// A progress bar on stderr when it is a terminal, over probes and polls together (both
/// run in one task: a `Cell` will do). stdout is the verdict a monitoring system parses.
struct Progress {
    total: usize,
    done: Cell<usize>,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            done: Cell::new(0),
            shown: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.get() + 1;
        self.done.set(done);
        if !self.shown {
            return;
        }
        let (width, total) = (20, self.total);
        let filled = (done * width / total.max(1)).min(width);
        let _ = write!(
            std::io::stderr(),
            "\rprobing [{}{}] {done}/{total}",
            "#".repeat(filled),
            ".".repeat(width - filled)
        );
    }

    fn clear(&self) {
        if self.shown && self.done.get() > 0 {
            let _ = write!(std::io::stderr(), "\r{:40}\r", "");
        }
    }
}

fn health_set_of(probe: crate::health::Probe) -> crate::health::HealthSet {
    crate::health::Monitor::ALL
        .iter()
        .find(|m| m.input() == crate::health::monitors::MonitorInput::Probe(probe))
        .map_or(crate::health::HealthSet::ALL[0], |m| m.health_set())
}
