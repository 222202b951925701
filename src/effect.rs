//! I/O that `update` asks the runtime to do.

use crate::event::Signal;
use crate::incident::Entry;
use crate::job::{Job, RunId};
use crate::runbook::Debt;

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
    /// Leave a running step running beyond this console: detach it (its own session, not
    /// killed when the console ends) and record it as left, with its pid.
    Detach(RunId),
    /// Write a debt to the shared ledger (or replace it: same id).
    Owe(Debt),
    /// Remove a debt from the shared ledger: paid, or written off.
    Settle {
        server: String,
        id: String,
    },
    /// Draw with the theme of this name or file from now on (`Event::ThemeChanged`).
    Theme(String),
    /// Write the record's Markdown export next to it now (`Event::Exported`).
    Export,
    /// Poll Exchange's verdict on this server now (a step there just ended), instead of
    /// waiting out its interval.
    PollExchange(usize),
    /// Create an Alertmanager silence: an acknowledgement (`Event::AckDone`).
    Acknowledge(crate::health::shared::AckRequest),
    /// Expire an Alertmanager silence (`Event::AckDone`).
    Unacknowledge {
        id: String,
        server: String,
        monitor: &'static str,
    },
    /// Write the handover summary of an escalated runbook next to the record
    /// (`Event::HandoverWritten`).
    Handover {
        procedure: String,
        server: String,
        /// What is owed on the fleet, a line each.
        owed: Vec<String>,
    },
}
