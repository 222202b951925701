//! I/O that `update` asks the runtime to do.

use crate::event::Signal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitReason {
    /// The user quit (`q`, Ctrl-C).
    User,
    Signal(Signal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Quit(QuitReason),
    /// Restore the terminal, stop the process (SIGTSTP), and redraw on return.
    Suspend,
}
