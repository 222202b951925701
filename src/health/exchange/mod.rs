//! What Exchange's Managed Availability says about a server: its monitors of the six
//! health sets as `Get-ServerHealth` reports them, and the state of the IMAP and POP proxy
//! components. Taken as Exchange says it: no rule of healthdeck's re-derives an alert
//! (ARCHITECTURE "Exchange's own verdict").

mod json;
mod read;

pub use read::{ReadError, read};

use super::alert::AlertValue;
use super::catalog::HealthSet;
use super::monitors::Monitor;
use chrono::{DateTime, Utc};

/// `text` on one line of at most `most` characters: whitespace runs (line breaks
/// included) become one space, control characters `?`, and `…` says it was cut. For a
/// status line, a check's output, a poll's failure.
pub fn one_line(text: &str, most: usize) -> String {
    let line = printable(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut chars = line.chars();
    let mut kept: String = chars.by_ref().take(most).collect();
    if chars.next().is_some() {
        kept.push('…');
    }
    kept
}

/// What Exchange says, safe for a terminal: a line break, tab or carriage return becomes a
/// space, any other control character (ESC, C1) `?`. Nothing Exchange writes can move the
/// cursor or change a colour on the engineer's screen.
pub fn printable(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect()
}

/// The components the poll asks about: a responder may take the proxies offline, and
/// ServerWideOffline takes everything.
pub const COMPONENTS: [&str; 3] = ["ImapProxy", "PopProxy", "ServerWideOffline"];

/// One monitor as Exchange reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeMonitor {
    pub health_set: HealthSet,
    /// As Exchange names it.
    pub name: String,
    /// The seeds' monitor of that name, when it is one (`None`: an extra monitor).
    pub seed: Option<Monitor>,
    /// What healthdeck counts: Exchange's alert value, except that a Healthy Exchange
    /// itself calls stale is Unknown (Unknown is never healthy).
    pub alert: AlertValue,
    /// Exchange's `AlertValue` as it said it.
    pub reported: AlertValue,
    pub last_transition: Option<DateTime<Utc>>,
    pub first_alert: Option<DateTime<Utc>>,
    /// `Error`, else `Exception`: whole (the drill-down shows it all).
    pub error: Option<String>,
    pub is_stale: bool,
    pub last_execution: Option<DateTime<Utc>>,
    /// The last probe's `ResultType` as a word (Succeeded, Failed, Timeout …).
    pub last_result: Option<String>,
    pub target_resource: Option<String>,
    /// The health set's `CurrentHealthSetState` (Online, Offline, Sidelined …).
    pub health_set_state: Option<String>,
}

impl ExchangeMonitor {
    /// When the monitor left Healthy, for the cell's age: the first alert while failing,
    /// the last execution when stale, else the last transition.
    pub fn left_healthy_at(&self) -> Option<DateTime<Utc>> {
        if self.alert == AlertValue::Healthy {
            return None;
        }
        // Healthy by Exchange's word, but stale: Unknown since Exchange last ran it.
        if self.is_stale && self.reported == AlertValue::Healthy {
            return self.last_execution.or(self.last_transition);
        }
        let failing = matches!(self.alert, AlertValue::Unhealthy | AlertValue::Degraded);
        if failing {
            self.first_alert.or(self.last_transition)
        } else {
            self.last_transition
        }
    }
}

/// A server component's state (`Get-ServerComponentState`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    /// Active, Inactive, Draining, as Exchange words it.
    pub state: String,
    /// Who set it so (HealthAPI, Maintenance …), when the output carries it.
    pub requesters: Vec<String>,
}

impl Component {
    pub fn is_inactive(&self) -> bool {
        self.state.eq_ignore_ascii_case("Inactive")
    }
}

/// One poll's answer, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub monitors: Vec<ExchangeMonitor>,
    pub components: Vec<Component>,
}

impl Verdict {
    /// The components that are not Active.
    pub fn inactive(&self) -> impl Iterator<Item = &Component> {
        self.components.iter().filter(|c| c.is_inactive())
    }
}

/// Where a server's Exchange verdict stands.
#[derive(Debug, Clone, PartialEq)]
pub enum PollState {
    /// No answer yet.
    Waiting,
    /// Read at `at`.
    Answered { at: DateTime<Utc> },
    /// The poll answered nothing: no data, never healthy.
    Empty { at: DateTime<Utc> },
    /// The poll failed (session, timeout, garbage): why, in words for the screen.
    Failed { at: DateTime<Utc>, why: String },
}

/// What the runtime hands the fleet for one server.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeReport {
    pub server: usize,
    pub at: DateTime<Utc>,
    /// `Ok(None)`: an empty answer.
    pub answer: Result<Option<Verdict>, String>,
}

/// A server's Exchange verdict, as the fleet keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeServer {
    pub poll: PollState,
    /// Health set by health set in grid order, then as Exchange listed them.
    pub monitors: Vec<ExchangeMonitor>,
    pub components: Vec<Component>,
}

impl Default for ExchangeServer {
    fn default() -> ExchangeServer {
        ExchangeServer {
            poll: PollState::Waiting,
            monitors: Vec::new(),
            components: Vec::new(),
        }
    }
}

impl ExchangeServer {
    /// The alert Exchange gives a monitor: Unknown for every monitor while the poll has
    /// no answer (Unknown is never healthy).
    pub fn answered(&self) -> bool {
        matches!(self.poll, PollState::Answered { .. })
    }

    pub fn of(&self, set: HealthSet) -> impl Iterator<Item = &ExchangeMonitor> {
        self.monitors.iter().filter(move |m| m.health_set == set)
    }

    /// The components that are not Active, for the row and the drill-down.
    pub fn inactive(&self) -> impl Iterator<Item = &Component> {
        self.components.iter().filter(|c| c.is_inactive())
    }

    /// Why the set has no verdict, when it has none: the poll's failure, an empty answer,
    /// no answer yet, or no monitor of that set in the answer.
    pub fn unknown_why(&self, set: HealthSet) -> Option<String> {
        match &self.poll {
            PollState::Waiting => Some("waiting for Exchange's first answer".to_owned()),
            PollState::Empty { .. } => {
                Some("Exchange answered nothing: no data, not healthy".to_owned())
            }
            PollState::Failed { why, .. } => Some(why.clone()),
            PollState::Answered { .. } if self.of(set).next().is_none() => {
                Some(format!("Exchange reported no monitor of {}", set.name()))
            }
            PollState::Answered { .. } => None,
        }
    }
}
