//! Entering and leaving the full-screen terminal, on every exit path.

use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, SetTitle, enable_raw_mode};
use ratatui::DefaultTerminal;
use std::io::{Write, stdout};

/// Raw mode, alternate screen, hidden cursor, and a panic hook that undoes them first.
pub fn enter(title: &str) -> std::io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // Save the window title (xterm), then set ours: the mode shows in the tab too.
    let mut out = stdout();
    let _ = out.write_all(b"\x1b[22;0t");
    let _ = execute!(out, SetTitle(title));
    Ok(terminal)
}

/// Restores the terminal; errors are ignored because the tty may already be gone (SIGHUP).
pub fn leave() {
    let mut out = stdout();
    let _ = out.write_all(b"\x1b[23;0t");
    let _ = out.flush();
    let _ = ratatui::try_restore();
}

/// Ctrl-Z: give the terminal back, stop, and take it again when continued.
pub fn suspend(terminal: &mut DefaultTerminal, title: &str) -> std::io::Result<()> {
    leave();
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGTSTP).map_err(std::io::Error::from)?;
    // Execution resumes here after `fg` (SIGCONT).
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, SetTitle(title))?;
    terminal.clear()
}

/// Calls [`leave`] when dropped.
pub struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        leave();
    }
}
