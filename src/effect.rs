//! I/O that `update` asks the runtime to do.

use crate::event::Signal;
use crate::incident::Entry;
use crate::job::{Job, RunId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitReason {
    /// The user quit (`q`, Ctrl-C).
    User,
    Signal(Signal),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit(QuitReason),
    /// Restore the terminal, stop the process (SIGTSTP), and redraw on return.
    Suspend,
    /// Start a step job in the background.
    Start(Job),
    /// Cancel a running job (its whole process group).
    Cancel(RunId),
    /// Append to the incident record.
    Record(Entry),
    /// Read what is left of a server's restart budget for a service (`Event::Budget`).
    ReadBudget {
        server: String,
        service: String,
    },
}
