//! The loop: input, signals, sources and ticks in; `update`; effects to the runtime; draw.

use crate::effect::{Effect, QuitReason};
use crate::event::{Event, Signal};
use crate::runtime::{self, FleetClock};
use crate::terminal;
use crate::training::Simulator;
use crate::ui::{ScreenView, Symbols, Theme};
use crate::update::{AppState, update};
use color_eyre::eyre::WrapErr;
use crossterm::event::{Event as TermEvent, EventStream};
use futures_util::StreamExt;
use std::time::{Duration, Instant};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

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
}

/// Runs the console until the user quits or a signal ends it.
pub async fn run(console: Console) -> color_eyre::Result<QuitReason> {
    let Console {
        mut state,
        theme,
        symbols,
        title,
        log_path,
        clock,
        simulator,
    } = console;
    let mut term = terminal::enter(&title).wrap_err("cannot take over the terminal")?;
    // Restores the terminal on every way out of this function, errors included.
    let _restore = terminal::RestoreOnDrop;
    let (tx, mut rx) = mpsc::channel::<Event>(1_024);
    let mut tasks = tokio::task::JoinSet::new();
    if let Some(simulator) = simulator {
        tasks.spawn(runtime::simulator::run(simulator, clock, tx.clone()));
    }
    let mut hangup = signal(SignalKind::hangup()).wrap_err("cannot watch SIGHUP")?;
    let mut terminate = signal(SignalKind::terminate()).wrap_err("cannot watch SIGTERM")?;
    let mut keys = EventStream::new();
    let mut ticker = tokio::time::interval(IDLE_FRAME);
    let size = term.size().wrap_err("cannot read the terminal size")?;
    update(
        &mut state,
        Event::Resize {
            width: size.width,
            height: size.height,
        },
    );

    let mut urgent = true;
    let mut last_draw = Instant::now()
        .checked_sub(IDLE_FRAME)
        .unwrap_or_else(Instant::now);
    let mut batch = Vec::with_capacity(64);
    let reason = loop {
        if urgent && last_draw.elapsed() >= FRAME {
            let view = ScreenView {
                state: &state,
                theme: &theme,
                symbols,
                log_path: log_path.as_deref(),
            };
            term.draw(|f| f.render_widget(view, f.area()))
                .wrap_err("cannot draw")?;
            last_draw = Instant::now();
            urgent = false;
        }
        let generation = state.fleet.alert_generation;
        let mut events = Vec::new();
        tokio::select! {
            biased;
            key = keys.next() => match key {
                Some(Ok(TermEvent::Key(k))) => events.push(Event::Key(k)),
                Some(Ok(TermEvent::Resize(width, height))) => events.push(Event::Resize { width, height }),
                Some(Ok(_)) => {}
                // The terminal is gone: behave as on SIGHUP.
                Some(Err(_)) | None => events.push(Event::Signal(Signal::Hangup)),
            },
            _ = hangup.recv() => events.push(Event::Signal(Signal::Hangup)),
            _ = terminate.recv() => events.push(Event::Signal(Signal::Terminate)),
            n = rx.recv_many(&mut batch, 64) => {
                if n > 0 {
                    events.append(&mut batch);
                }
            }
            _ = ticker.tick() => {
                events.push(Event::Tick(clock.now()));
                urgent = true;
            }
            () = tokio::time::sleep(FRAME.saturating_sub(last_draw.elapsed())), if urgent => {}
        }
        let input = events
            .iter()
            .any(|e| matches!(e, Event::Key(_) | Event::Resize { .. }));
        let mut quit = None;
        for event in events {
            for effect in update(&mut state, event) {
                match effect {
                    Effect::Quit(reason) => quit = Some(reason),
                    Effect::Suspend => {
                        terminal::suspend(&mut term, &title)
                            .wrap_err("cannot resume the terminal")?;
                        urgent = true;
                    }
                }
            }
        }
        if let Some(reason) = quit {
            break reason;
        }
        urgent |= input || state.fleet.alert_generation != generation;
    };
    tasks.abort_all();
    tracing::info!(?reason, "console closed");
    Ok(reason)
}
