//! The loop: input, signals, sources and ticks in; `update`; effects to the runtime; draw.

mod detached;
mod export;
mod handover;
mod headless;
mod record;
pub mod replay;

use crate::effect::{Effect, QuitReason};
use crate::event::{Event, Signal};
use crate::incident::writer::Recorder;
use crate::runtime::ledger::{self, LedgerHandle};
use crate::runtime::prober::Probing;
use crate::runtime::steps::Steps;
use crate::runtime::{self, FleetClock};
use crate::terminal;
use crate::training::Simulator;
use crate::ui::{ScreenView, Symbols, Theme};
use crate::update::{self, AppState, update};
use color_eyre::eyre::{WrapErr, eyre};
use crossterm::event::{Event as TermEvent, EventStream};
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

/// Frames at most this often when something urgent changed (~30 a second).
const FRAME: Duration = Duration::from_millis(33);
/// Idle redraws (ages, clocks) at most this often: slow links.
const IDLE_FRAME: Duration = Duration::from_secs(1);

/// Everything the console needs, prepared by `main`.
pub struct Console {
    pub state: AppState,
    pub theme: Theme,
    pub symbols: Symbols,
    pub title: String,
    pub log_path: Option<String>,
    pub clock: FleetClock,
    pub simulator: Option<Simulator>,
    /// A real fleet's probes.
    pub probing: Option<Probing>,
    /// Exchange's own verdict, polled through pwsh.
    pub exchange: Option<runtime::exchange::Polling>,
    /// Health read from Prometheus and Alertmanager instead of probed here.
    pub shared: Option<runtime::shared::SharedReader>,
    pub on_hangup: crate::cli::OnHangup,
    /// Locks and restart budgets (a real fleet's).
    pub guardrails: Option<crate::runtime::guarded::Guardrails>,
}

/// How the console ended, for `main` to report.
pub struct Ended {
    pub reason: QuitReason,
    pub record: std::path::PathBuf,
}

/// Everything events come from: keys, signals, health sources, the clock.
struct Sources {
    keys: EventStream,
    hangup: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
    rx: mpsc::Receiver<Event>,
    /// For the runtime's own reports back into the loop (a handover written).
    tx: mpsc::Sender<Event>,
    batch: Vec<Event>,
    ticker: tokio::time::Interval,
    tasks: tokio::task::JoinSet<()>,
    clock: FleetClock,
    steps: Steps,
    /// The shared ledger of owed compensations (a real fleet's; training keeps its debts in
    /// memory).
    ledger: Option<LedgerHandle>,
    /// Themes loaded off the loop (`:theme`), and the one to draw with from the next frame.
    themes: (mpsc::Sender<ThemeLoaded>, mpsc::Receiver<ThemeLoaded>),
    theme: Option<Theme>,
    /// Servers whose Exchange verdict is wanted now (`Effect::PollExchange`).
    poll_now: Option<mpsc::Sender<usize>>,
    /// Prometheus and Alertmanager: a read now, and acknowledgements.
    shared: Option<runtime::shared::SharedHandle>,
    /// Tasks that end when done (a silence made or expired): apart from the sources,
    /// whose end is a failure.
    errands: tokio::task::JoinSet<()>,
}

/// A theme's name, and the theme or why it could not be loaded.
type ThemeLoaded = (String, Result<Theme, String>);

impl Sources {
    fn start(
        clock: FleetClock,
        simulator: Option<Simulator>,
        probing: Option<Probing>,
        exchange: Option<runtime::exchange::Polling>,
        guardrails: Option<crate::runtime::guarded::Guardrails>,
    ) -> color_eyre::Result<Sources> {
        let (tx, rx) = mpsc::channel::<Event>(1_024);
        let mut tasks = tokio::task::JoinSet::new();
        let mut sim_jobs = None;
        if let Some(simulator) = simulator {
            let (jobs_tx, jobs) = mpsc::channel(16);
            sim_jobs = Some(jobs_tx);
            // On this thread (a `LocalSet`, `launch`): a wake's results, a few hundred
            // kilobytes on a large fleet, are read from the cache they were written to, and
            // no other thread is woken ten times a second (ARCHITECTURE "Idle is idle").
            tasks.spawn_local(runtime::simulator::run(simulator, clock, tx.clone(), jobs));
        }
        let tls = probing.as_ref().map(|p| Arc::clone(&p.tls));
        let login = probing.as_ref().and_then(|p| p.credentials.clone());
        if let Some(probing) = probing {
            for n in &probing.not_runnable {
                tracing::warn!(server = n.server, probe = n.probe.name(), why = %n.why, "probe cannot run");
            }
            tasks.spawn(
                runtime::prober::on_own_thread(
                    probing.targets,
                    probing.tls,
                    probing.ceiling,
                    clock,
                    tx.clone(),
                )
                .wrap_err("cannot start the prober's thread")?,
            );
        }
        let poll_now = exchange.map(|polling| {
            let (asked, now) = mpsc::channel(64);
            tasks.spawn(runtime::exchange::run(polling, clock, tx.clone(), now));
            asked
        });
        // Owed compensations live beside the locks and budgets.
        let ledger = guardrails.as_ref().map(|rails| {
            let (handle, keeper) =
                runtime::ledger::start(rails.dir.clone(), ledger::POLL, tx.clone());
            tasks.spawn(keeper);
            handle
        });
        let mut steps = Steps::new(tx.clone(), clock, sim_jobs, tls).with_credentials(login);
        if let Some(rails) = guardrails {
            steps.set_guardrails(rails);
        }
        let mut ticker = tokio::time::interval(IDLE_FRAME);
        // After a long Ctrl-Z, one tick, not a burst of them.
        ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
        Ok(Sources {
            keys: EventStream::new(),
            hangup: signal(SignalKind::hangup()).wrap_err("cannot watch SIGHUP")?,
            terminate: signal(SignalKind::terminate()).wrap_err("cannot watch SIGTERM")?,
            rx,
            tx,
            batch: Vec::with_capacity(64),
            ticker,
            tasks,
            clock,
            steps,
            ledger,
            themes: mpsc::channel(4),
            theme: None,
            poll_now,
            shared: None,
            errands: tokio::task::JoinSet::new(),
        })
    }

    /// Starts reading Prometheus and Alertmanager, when the inventory names them.
    fn read_shared(&mut self, reader: Option<runtime::shared::SharedReader>) {
        let Some(reader) = reader else {
            return;
        };
        let (read_now, asked) = mpsc::channel(1);
        self.shared = Some(runtime::shared::SharedHandle {
            alertmanager: reader.alertmanager.clone(),
            timeout: reader.timeout,
            read_now,
        });
        self.tasks.spawn(runtime::shared::run(
            Arc::new(reader),
            self.clock,
            self.tx.clone(),
            asked,
        ));
    }

    /// `:theme NAME`: loaded on a blocking thread (a file may be slow to read); it arrives
    /// through `next`.
    fn load_theme(&self, name: String) {
        let tx = self.themes.0.clone();
        tokio::spawn(async move {
            let loading = name.clone();
            let loaded = tokio::task::spawn_blocking(move || {
                let depth = crate::config::theme::detect_depth(
                    std::env::var("COLORTERM").ok().as_deref(),
                    std::env::var("TERM").ok().as_deref(),
                );
                crate::config::theme::load_theme(&loading, depth).map_err(|e| e.to_string())
            })
            .await
            .unwrap_or_else(|e| Err(format!("the theme loader failed: {e}")));
            let _ = tx.send((name, loaded)).await;
        });
    }

    /// Sends an owed or settled compensation to the ledger; false for any other effect.
    /// Without a ledger (training) they are done with: `update` keeps training's debts.
    pub(super) fn keep_ledger(&self, effect: &Effect) -> bool {
        let Some(ledger) = &self.ledger else {
            return matches!(effect, Effect::Owe(_) | Effect::Settle { .. });
        };
        match effect {
            Effect::Owe(debt) => ledger.owe(debt.clone()),
            Effect::Settle { server, id } => ledger.settle(server.clone(), id.clone()),
            _ => return false,
        }
        true
    }

    /// Finishes the ledger's pending writes (before the console exits); what could not be
    /// written is logged as an error.
    async fn close_ledger(&self) {
        let Some(ledger) = &self.ledger else {
            return;
        };
        for failure in ledger.close().await {
            tracing::error!(
                failure,
                "an owed compensation was not written to the ledger"
            );
        }
    }

    /// Waits for the next events; keys first, so output floods never starve them. Returns
    /// nothing when only `frame_due` passed (a frame is due).
    async fn next(
        &mut self,
        frame_due: Option<Duration>,
        flush_due: Option<Duration>,
    ) -> color_eyre::Result<Vec<Event>> {
        let mut events = Vec::new();
        tokio::select! {
            biased;
            key = self.keys.next() => match key {
                Some(Ok(TermEvent::Key(k))) => events.push(Event::Key(k)),
                Some(Ok(TermEvent::Resize(width, height))) => events.push(Event::Resize { width, height }),
                Some(Ok(_)) => {}
                // The terminal is gone: behave as on SIGHUP.
                Some(Err(_)) | None => events.push(Event::Signal(Signal::Hangup)),
            },
            _ = self.hangup.recv() => events.push(Event::Signal(Signal::Hangup)),
            _ = self.terminate.recv() => events.push(Event::Signal(Signal::Terminate)),
            n = self.rx.recv_many(&mut self.batch, 64) => {
                if n > 0 {
                    events.append(&mut self.batch);
                }
            }
            _ = self.ticker.tick() => events.push(Event::Tick(self.clock.now())),
            Some((name, loaded)) = self.themes.1.recv() => match loaded {
                Ok(theme) => {
                    self.theme = Some(theme);
                    events.push(Event::ThemeChanged(Ok(name)));
                }
                Err(why) => events.push(Event::ThemeChanged(Err(why))),
            },
            () = tokio::time::sleep(frame_due.unwrap_or_default()), if frame_due.is_some() => {}
            () = tokio::time::sleep(flush_due.unwrap_or_default()), if flush_due.is_some() => {}
            // An errand's end is its own event (`Event::AckDone`): only reaped here.
            Some(_) = self.errands.join_next(), if !self.errands.is_empty() => {}
            // A source task only ends by failing (a panic): its health would silently go stale.
            Some(ended) = self.tasks.join_next() => {
                let why = ended.err().map_or("it ended".to_owned(), |e| e.to_string());
                return Err(eyre!("the health source stopped: {why}"));
            }
        }
        Ok(events)
    }
}

/// Runs the console until the user quits or a signal ends it.
#[allow(clippy::disallowed_methods)] // the loop paces frames and flushes by wall time
pub async fn run(console: Console, mut recorder: Recorder) -> color_eyre::Result<Ended> {
    let Console {
        mut state,
        mut theme,
        symbols,
        title,
        log_path,
        clock,
        simulator,
        probing,
        exchange,
        shared,
        on_hangup,
        guardrails,
    } = console;
    // Restores the terminal on every way out of this function, errors included.
    let _restore = terminal::RestoreOnDrop;
    let mut term = terminal::enter(&title).wrap_err("cannot take over the terminal")?;
    let mut sources = Sources::start(clock, simulator, probing, exchange, guardrails)?;
    sources.read_shared(shared);
    let size = term.size().wrap_err("cannot read the terminal size")?;
    first_size(size, &mut state, &mut sources, &mut recorder);

    let home = std::env::var("HOME").ok();
    let record_shown = crate::config::paths::home_relative(recorder.path(), home.as_deref());
    let mut urgent = true;
    let mut last_draw = Instant::now()
        .checked_sub(IDLE_FRAME)
        .unwrap_or_else(Instant::now);
    let reason = loop {
        if urgent && last_draw.elapsed() >= FRAME {
            let view = ScreenView {
                state: &state,
                theme: &theme,
                symbols,
                log_path: log_path.as_deref(),
                record_path: Some(&record_shown),
            };
            if let Err(error) = term.draw(|f| f.render_widget(view, f.area())) {
                // The tty is gone (an SSH drop races its SIGHUP): end as on SIGHUP.
                tracing::warn!(%error, "cannot draw; the terminal is gone");
                break QuitReason::Signal(Signal::Hangup);
            }
            update::frame_drawn(&mut state);
            last_draw = Instant::now();
            urgent = false;
        }
        let generation = state.fleet.alert_generation;
        let frame_due = urgent.then(|| FRAME.saturating_sub(last_draw.elapsed()));
        let flush_due = recorder.dirty().then_some(record::FLUSH);
        let mut events = sources.next(frame_due, flush_due).await?;
        if let Some(chosen) = sources.theme.take() {
            theme = chosen;
        }
        // A key acts at the time it was pressed: steps it starts are stamped now, not at
        // the last tick (seconds ago in training).
        if events.iter().any(|e| matches!(e, Event::Key(_))) {
            events.insert(0, Event::Tick(clock.now()));
        }
        // Input, time and step progress show at once; probe data that changed no alert
        // waits for the tick.
        urgent |= events.iter().any(|e| {
            matches!(
                e,
                Event::Key(_)
                    | Event::Resize { .. }
                    | Event::Tick(_)
                    | Event::StepOutput { .. }
                    | Event::StepEnded { .. }
            )
        });
        let mut quit = None;
        for event in events {
            record::observe(&mut recorder, &mut sources.steps, &event, &mut state);
            for effect in update(&mut state, event) {
                match effect {
                    Effect::Quit(reason) => quit = Some(reason),
                    Effect::Suspend => {
                        terminal::suspend(&mut term, &title)
                            .wrap_err("cannot resume the terminal")?;
                        urgent = true;
                    }
                    other => perform(other, &mut sources, &mut recorder, &mut state),
                }
            }
        }
        record::flush_if_due(&mut recorder, &mut state);
        if let Some(reason) = quit {
            break reason;
        }
        urgent |= state.fleet.alert_generation != generation;
    };
    record::finish(&mut recorder, &mut sources, &mut state, (reason, on_hangup)).await;
    sources.close_ledger().await;
    sources.tasks.abort_all();
    tracing::info!(?reason, "console closed");
    Ok(Ended {
        reason,
        record: recorder.path().to_path_buf(),
    })
}

/// The first event, the terminal's size: a drill's first entry comes with it.
fn first_size(
    size: ratatui::layout::Size,
    state: &mut AppState,
    sources: &mut Sources,
    recorder: &mut Recorder,
) {
    let resized = Event::Resize {
        width: size.width,
        height: size.height,
    };
    for effect in update(state, resized) {
        if !matches!(effect, Effect::Quit(_) | Effect::Suspend) {
            perform(effect, sources, recorder, state);
        }
    }
}

/// The effects the runtime performs (all but quitting and suspending).
fn perform(effect: Effect, sources: &mut Sources, recorder: &mut Recorder, state: &mut AppState) {
    match effect {
        Effect::Start(job) => sources.steps.start(job),
        Effect::Cancel(run) => sources.steps.cancel(run),
        Effect::ReadBudget { server, service } => sources.steps.read_budget(server, service),
        Effect::Record(entry) => record::write(recorder, sources.clock.now(), &entry, state),
        Effect::Owe(_) | Effect::Settle { .. } => {
            sources.keep_ledger(&effect);
        }
        // Handed to a keeper when the console ends (`record::finish`).
        Effect::Detach(run) => {
            if !sources.steps.detach(run) {
                tracing::info!(%run, "not detached: no process of this console runs it");
            }
        }
        Effect::Handover {
            procedure,
            server,
            owed,
        } => {
            let handover = handover::Handover {
                procedure,
                server,
                owed,
                language: state.launch.language,
            };
            handover::start(recorder, sources.tx.clone(), handover);
        }
        Effect::Theme(name) => sources.load_theme(name),
        Effect::Export => export::start(recorder, sources.tx.clone(), state.launch.language),
        Effect::PollExchange(server) => {
            // Full: a poll is already asked for; the next one reads the same fleet.
            if let Some(asked) = &sources.poll_now {
                let _ = asked.try_send(server);
            }
        }
        Effect::Acknowledge(request) => {
            if let Some(handle) = &sources.shared {
                let task = runtime::shared::silence(
                    handle.clone(),
                    Some(request),
                    None,
                    sources.tx.clone(),
                );
                sources.errands.spawn(task);
            }
        }
        Effect::Unacknowledge {
            id,
            server,
            monitor,
        } => {
            if let Some(handle) = &sources.shared {
                let task = runtime::shared::silence(
                    handle.clone(),
                    None,
                    Some((id, server, monitor)),
                    sources.tx.clone(),
                );
                sources.errands.spawn(task);
            }
        }
        Effect::Quit(_) | Effect::Suspend => {}
    }
}
