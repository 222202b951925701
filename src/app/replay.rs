//! `healthdeck replay RECORD [--speed N]`: the replay's loop. Keys from the terminal, wall
//! time to play by; the replay itself is pure (`crate::replay`).

use crate::replay::view::ReplayView;
use crate::replay::{Replay, ReplayKey};
use crate::ui::{Symbols, Theme};
use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How often the screen follows the clock while playing.
const FRAME: Duration = Duration::from_millis(100);

pub fn run(args: &crate::cli::ReplayArgs, theme: &Theme, symbols: Symbols) -> ExitCode {
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
    if !std::io::IsTerminal::is_terminal(&std::io::stdout())
        || !std::io::IsTerminal::is_terminal(&std::io::stdin())
    {
        eprintln!("healthdeck: the replay needs a terminal on stdin and stdout");
        return ExitCode::from(crate::launch::EXIT_USAGE);
    }
    match play(&mut replay, theme, symbols) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("healthdeck replay: {e}");
            ExitCode::FAILURE
        }
    }
}

#[allow(clippy::disallowed_methods)] // play follows wall time
fn play(replay: &mut Replay, theme: &Theme, symbols: Symbols) -> std::io::Result<()> {
    let _restore = crate::terminal::RestoreOnDrop;
    let mut term = crate::terminal::enter("healthdeck - replay")?;
    let size = term.size()?;
    replay.resize(size.width, size.height);
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
        if event::poll(FRAME)? {
            match event::read()? {
                TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                    let meant = match key.code {
                        KeyCode::Char('q') | KeyCode::Esc => return Ok(()),
                        KeyCode::Char('c')
                            if key.modifiers.contains(event::KeyModifiers::CONTROL) =>
                        {
                            return Ok(());
                        }
                        KeyCode::Char(' ') => Some(ReplayKey::PlayPause),
                        KeyCode::Char('l') | KeyCode::Right => Some(ReplayKey::Forward),
                        KeyCode::Char('h') | KeyCode::Left => Some(ReplayKey::Back),
                        KeyCode::Char('+') => Some(ReplayKey::Faster),
                        KeyCode::Char('-') => Some(ReplayKey::Slower),
                        KeyCode::Char('g') | KeyCode::Home => Some(ReplayKey::Start),
                        KeyCode::Char('G') | KeyCode::End => Some(ReplayKey::End),
                        _ => None,
                    };
                    if let Some(meant) = meant {
                        replay.key(meant);
                    }
                }
                TermEvent::Resize(width, height) => replay.resize(width, height),
                _ => {}
            }
        }
        replay.elapse(last.elapsed());
        last = Instant::now();
    }
}
