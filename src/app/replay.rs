//! `healthdeck replay RECORD [--speed N]`: the replay's loop. Keys from the terminal, wall
//! time to play by; the replay itself is pure (`crate::replay`).

use crate::replay::view::ReplayView;
use crate::replay::{Replay, ReplayKey};
use crate::ui::{Symbols, Theme};
use crossterm::event::{
    Event as TermEvent, EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use futures_util::StreamExt;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tokio::signal::unix::{SignalKind, signal};

/// How often the screen follows the clock while playing.
const FRAME: Duration = Duration::from_millis(100);

/// Plays the record in `language` (the replay's words; the record's own stay as recorded).
pub fn run(
    args: &crate::cli::ReplayArgs,
    theme: &Theme,
    symbols: Symbols,
    language: &'static str,
) -> ExitCode {
    // A line cut inside a character is a torn line like any other: read what is whole.
    let text = match std::fs::read(&args.record) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("healthdeck replay: {}: {e}", args.record.display());
            return ExitCode::from(crate::launch::EXIT_USAGE);
        }
    };
    let name = args
        .record
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut replay = Replay::of(&name, &text);
    if replay.is_empty() {
        let why = replay.stopped.as_deref().unwrap_or("no entries");
        eprintln!("healthdeck replay: {}: {why}", args.record.display());
        return ExitCode::from(crate::launch::EXIT_USAGE);
    }
    replay.speed = args.speed;
    replay.state.launch.language = language;
    if !std::io::IsTerminal::is_terminal(&std::io::stdout())
        || !std::io::IsTerminal::is_terminal(&std::io::stdin())
    {
        eprintln!("healthdeck: the replay needs a terminal on stdin and stdout");
        return ExitCode::from(crate::launch::EXIT_USAGE);
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("healthdeck replay: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(play(&mut replay, theme, symbols)) {
        // As the console: 128 + the signal's number.
        Ok(Ended::Quit) => ExitCode::SUCCESS,
        Ok(Ended::Hangup) => ExitCode::from(129),
        Ok(Ended::Terminated) => ExitCode::from(143),
        Err(e) => {
            eprintln!("healthdeck replay: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Keys, wall time and signals until `q`: a hang-up or SIGTERM ends it too, the terminal
/// restored on the way out as on any other.
#[allow(clippy::disallowed_methods)] // play follows wall time
async fn play(replay: &mut Replay, theme: &Theme, symbols: Symbols) -> std::io::Result<Ended> {
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let _restore = crate::terminal::RestoreOnDrop;
    let mut term = crate::terminal::enter("healthdeck - replay")?;
    let size = term.size()?;
    replay.resize(size.width, size.height);
    let mut keys = EventStream::new();
    let mut frames = tokio::time::interval(FRAME);
    let mut last = Instant::now();
    loop {
        term.draw(|f| {
            f.render_widget(
                ReplayView {
                    replay,
                    theme,
                    symbols,
                },
                f.area(),
            );
        })?;
        tokio::select! {
            _ = hangup.recv() => return Ok(Ended::Hangup),
            _ = terminate.recv() => return Ok(Ended::Terminated),
            read = keys.next() => match read {
                Some(Ok(TermEvent::Key(key))) if key.kind != KeyEventKind::Release => {
                    if quits(&key) {
                        return Ok(Ended::Quit);
                    }
                    if let Some(meant) = meaning(&key) {
                        replay.key(meant);
                    }
                }
                Some(Ok(TermEvent::Resize(width, height))) => replay.resize(width, height),
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(e),
                None => return Ok(Ended::Hangup),
            },
            _ = frames.tick() => {}
        }
        replay.elapse(last.elapsed());
        last = Instant::now();
    }
}

/// How the replay ended.
enum Ended {
    Quit,
    Hangup,
    Terminated,
}

fn quits(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
        || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// A key's meaning in the replay.
fn meaning(key: &KeyEvent) -> Option<ReplayKey> {
    Some(match key.code {
        KeyCode::Char(' ') => ReplayKey::PlayPause,
        KeyCode::Char('l') | KeyCode::Right => ReplayKey::Forward,
        KeyCode::Char('h') | KeyCode::Left => ReplayKey::Back,
        KeyCode::Char('+') => ReplayKey::Faster,
        KeyCode::Char('-') => ReplayKey::Slower,
        KeyCode::Char('g') | KeyCode::Home => ReplayKey::Start,
        KeyCode::Char('G') | KeyCode::End => ReplayKey::End,
        KeyCode::Char('j') | KeyCode::Down => ReplayKey::Down,
        KeyCode::Char('k') | KeyCode::Up => ReplayKey::Up,
        _ => return None,
    })
}
