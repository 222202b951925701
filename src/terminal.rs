//! Entering and leaving the full-screen terminal, on every exit path.

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, SetTitle, enable_raw_mode};
use ratatui::DefaultTerminal;
use std::io::{Write, stdout};
use std::mem::ManuallyDrop;

/// The terminal while the console owns it. Never dropped by ratatui: its `Drop` reports a
/// failed cursor restore with `eprintln!`, which panics when the tty is gone (SSH drop).
pub type Screen = ManuallyDrop<DefaultTerminal>;

/// Restores the terminal when dropped. Create it *before* [`enter`], so that a half-done
/// setup is undone too.
pub struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        leave();
    }
}

/// Raw mode, alternate screen, hidden cursor, our title; and a panic hook that undoes them,
/// except for a panic in a step's task: that one is caught and ends only its step
/// (`runtime::contained`), and the console goes on drawing.
pub fn enter(title: &str) -> std::io::Result<Screen> {
    let terminal = ratatui::try_init()?;
    let restoring = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::runtime::contained::panicking_inside() {
            tracing::error!(%info, "a step's task panicked");
        } else {
            restoring(info);
        }
    }));
    push_title(title);
    Ok(ManuallyDrop::new(terminal))
}

/// Gives the terminal back. Errors are ignored: the tty may already be gone (SIGHUP).
pub fn leave() {
    let mut out = stdout();
    // Pop the title we pushed (xterm; ignored where unsupported), show the cursor.
    let _ = out.write_all(b"\x1b[23;0t");
    let _ = execute!(out, Show);
    let _ = out.flush();
    let _ = ratatui::try_restore();
}

/// Ctrl-Z: give the terminal back, stop, and take it again when continued.
pub fn suspend(screen: &mut Screen, title: &str) -> std::io::Result<()> {
    leave();
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGTSTP).map_err(std::io::Error::from)?;
    // Execution resumes here after `fg` (SIGCONT).
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide)?;
    push_title(title);
    screen.clear()
}

fn push_title(title: &str) {
    let mut out = stdout();
    // Save the window title (xterm), then set ours: the mode shows in the tab too.
    let _ = out.write_all(b"\x1b[22;0t");
    let _ = execute!(out, SetTitle(title));
}
