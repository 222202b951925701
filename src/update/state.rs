//! The console's whole state: what the views draw from.

use super::launched::Launch;
use super::runbook::RunbookPane;
use crate::guardrails::{Holder, Limits, Remaining};
use crate::health::{AlertValue, FleetState, HealthSet, Monitor};
use crate::runbook::{Debt, Ledger, Owed, StepCall};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// Where health comes from, as the banner names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Training { speed: f64, scenario: String },
    Production { inventory: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub mode: Mode,
    pub dry_run: bool,
    pub read_only: bool,
}

impl Banner {
    /// The guard words the banner shows beside the mode.
    pub fn guards(&self) -> impl Iterator<Item = &'static str> {
        [(self.dry_run, "DRY-RUN"), (self.read_only, "READ-ONLY")]
            .into_iter()
            .filter_map(|(on, word)| on.then_some(word))
    }
}

/// The drill-down into one server × health set.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillState {
    pub server: usize,
    pub set: HealthSet,
    /// Index into [`AppState::drill_rows`].
    pub selected: usize,
}

/// A monitor of the drill-down, by where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillRow {
    /// healthdeck's own (its probes, or the simulator's in training).
    Probe(Monitor),
    /// Exchange's, by its place in the server's verdict.
    Exchange(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Grid,
    Drill(DrillState),
    /// The runbook pane (in `AppState::runbook`); Esc returns to this drill-down.
    Runbook(DrillState),
}

/// A text prompt being typed; every printable key is literal inside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// The server filter; `previous` comes back on Esc.
    Filter { text: String, previous: String },
    /// The command line (`:`): what is typed, the history entry shown (Up/Down), and what
    /// Tab offered when it could not choose.
    Command {
        text: String,
        recalled: Option<usize>,
        offered: Vec<String>,
    },
    /// A destructive step waits for the server's short name.
    Confirm {
        text: String,
        call: Box<StepCall>,
        /// The last name typed that did not match.
        refused: Option<String>,
        /// When and by whom it already ran, if it did.
        ran_before: Option<(DateTime<Utc>, String)>,
        /// The server's lock is held by a console that looks dead: typing the name also
        /// breaks it. Who held it, and why it looks dead.
        breaking: Option<Box<(Holder, crate::i18n::Said)>>,
    },
    /// Leaving a runbook half-way: the compensations owed; run them or leave them.
    /// `running`: a step was left running (its undo steps cannot run before it ends).
    Leave {
        owed: Vec<Owed>,
        quit: bool,
        running: bool,
    },
    /// Quitting while steps run: cancel them, or leave them running.
    QuitRunning,
    /// The record is not being written: run this step anyway (unrecorded), or not.
    Unrecorded {
        /// Why the record is not written.
        reason: String,
        /// The step's title and server, as the screen names them.
        what: String,
        /// The same in English, as the record names them.
        recorded_what: String,
        server: String,
        then: Unrecorded,
    },
    /// A one-line reason typed for something that must be explained to whoever reads the
    /// record; every printable key is literal, Enter acts, Esc backs out.
    Reason {
        purpose: Purpose,
        text: String,
        /// Why the last Enter did not act (a wrong name, no reason given).
        refused: Option<String>,
    },
}

/// The start that waits for "run it unrecorded".
#[derive(Debug, Clone, PartialEq)]
pub enum Unrecorded {
    /// A runbook step (`runbook::run::start`).
    Step(Box<StepCall>),
    /// The drill-down's probe re-run (`r`).
    Probe,
}

/// What a typed reason is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// Write a debt off: the server's short name, a space, and why.
    WriteOff(Box<Debt>),
    /// Hand over: escalate the walk, with why.
    Escalate,
    /// Move the walk ahead to `step` of the innermost procedure (titled `title`), passing
    /// over the steps before it.
    JumpAhead {
        procedure: String,
        step: String,
        title: String,
    },
    /// Acknowledge an Unhealthy monitor: how long, a space, and why.
    Acknowledge { server: usize, monitor: Monitor },
    /// Restart a service over its restart budget, with why.
    OverBudget {
        call: Box<StepCall>,
        service: String,
    },
}

pub struct AppState {
    pub fleet: FleetState,
    /// What launch decided: fixed for the session.
    pub launch: Launch,
    /// The fleet clock when the console started.
    /// The screen: where the engineer is, what is typed, what the status bar says.
    pub view: View,
    pub started: DateTime<Utc>,
    /// The fleet clock at the last event.
    pub now: DateTime<Utc>,
    /// The open runbook (it keeps running when the engineer steps back to the grid).
    pub runbook: Option<Box<RunbookPane>>,
    /// Runbooks left half-way: reopening one resumes its walk where it was.
    pub parked: Vec<Box<RunbookPane>>,
    /// The last step run id handed out.
    pub last_run: u64,
    /// Quitting waits for a cancelled step to end, then offers what is owed.
    pub quit_after_cancel: bool,
    /// Quitting waits for the compensations the engineer chose to run.
    pub quit_when_paid: bool,
    /// The last walk id handed out (ids are `<session>-walk-<n>`).
    pub last_walk: u64,
    /// What is left of each server's restart budget, per service (a real fleet's).
    pub budgets: BTreeMap<(String, String), (Remaining, Limits)>,
    /// A probe re-run from the drill-down (`r`), and what it is, until its result.
    pub probing_now: Option<(crate::job::RunId, String, Option<StepCall>)>,
    /// The shared ledger of owed compensations as last read (a real fleet's; training
    /// has none and keeps its debts in `owed_pending`).
    pub ledger: Ledger,
    /// Debts this console owed and the ledger has not shown yet (or never will: training).
    pub owed_pending: Vec<Debt>,
    /// Debt ids this console paid or wrote off that the ledger still shows.
    pub owed_clearing: Vec<String>,
    /// The ledger has been read once (its debts were shown at start).
    pub ledger_read: bool,
    /// Why the incident record is not being written (the last write failed): the banner
    /// says so until a write succeeds, and every step start asks first.
    pub record_unwritten: Option<String>,
    /// The engineer chose to run the next step unrecorded (for that one start).
    pub unrecorded_go_on: bool,
    /// How the prober keeps its schedule, as it last said (a real fleet's).
    pub pace: crate::probe_plan::pace::Pace,
    /// Failing monitors the engineer has looked at in this spell (`update::examined`).
    pub examined: std::collections::HashSet<(usize, crate::health::Monitor)>,
    /// `healthdeck drill`: the drill under way, or over with its debrief.
    pub drill: Option<Box<super::drill_run::DrillRun>>,
}

/// The third part of the state: the screen.
pub struct View {
    pub screen: Screen,
    pub help: bool,
    pub prompt: Option<Prompt>,
    /// The applied server filter (case-insensitive substring of name, role or site).
    pub filter: String,
    /// Indices of the servers the filter lets through, in fleet order.
    pub rows: Vec<usize>,
    /// Grid cursor: index into `rows`, and a health-set column.
    pub cursor_row: usize,
    pub cursor_col: usize,
    /// First visible row of the grid.
    pub scroll: usize,
    pub width: u16,
    pub height: u16,
    /// A one-line message for the status bar, cleared by the next key.
    pub flash: Option<String>,
    /// The last messages, whole (help shows them: the status bar may cut one short).
    pub messages: std::collections::VecDeque<String>,
    /// Keys are dropped until the next frame is drawn: a pane just opened, and no
    /// typed-ahead Enter may run its first step.
    pub keys_blocked: bool,
    /// Steps of the previous session that ended while nobody watched (its terminal hung
    /// up): shown over everything until a key is pressed.
    pub unwatched: Option<Vec<String>>,
    /// The box of what is owed on the fleet is shown (at start), until a key.
    pub owed_box: bool,
    /// The grid's order (`:sort`).
    pub sort: super::rows::SortKey,
    /// The alert generation the rows were last filtered and sorted at.
    pub rows_generation: u64,
    /// Command lines run this session, oldest first (`:` then Up recalls them).
    pub command_history: Vec<String>,
}

impl AppState {
    /// The console's messages, in its language.
    pub fn tr(&self) -> crate::i18n::Tr {
        crate::i18n::Tr::of(self.launch.language)
    }

    pub fn new(fleet: FleetState, banner: Banner, now: DateTime<Utc>) -> AppState {
        AppState::launched(fleet, Launch::new(banner), now)
    }

    /// The console as launch decided it (`crate::launch` builds the whole `Launch` first).
    pub fn launched(fleet: FleetState, launch: Launch, now: DateTime<Utc>) -> AppState {
        let rows = (0..fleet.servers().len()).collect();
        AppState {
            view: View {
                screen: Screen::Grid,
                help: false,
                prompt: None,
                filter: String::new(),
                rows,
                cursor_row: 0,
                cursor_col: 0,
                scroll: 0,
                width: 80,
                height: 24,
                flash: None,
                messages: std::collections::VecDeque::new(),
                keys_blocked: false,
                unwatched: None,
                owed_box: false,
                sort: super::rows::SortKey::Fleet,
                rows_generation: 0,
                command_history: Vec::new(),
            },
            launch,
            fleet,
            started: now,
            now,
            runbook: None,
            parked: Vec::new(),
            last_run: 0,
            last_walk: 0,
            quit_after_cancel: false,
            quit_when_paid: false,
            probing_now: None,
            budgets: BTreeMap::new(),
            ledger: Ledger::default(),
            owed_pending: Vec::new(),
            owed_clearing: Vec::new(),
            ledger_read: false,
            record_unwritten: None,
            pace: crate::probe_plan::pace::Pace::default(),
            examined: std::collections::HashSet::new(),
            drill: None,
            unrecorded_go_on: false,
        }
    }

    /// Every compensation owed on the fleet now, as this console knows it: the ledger's,
    /// plus its own not yet written there, minus those it cleared. Oldest first.
    pub fn owed(&self) -> Vec<&Debt> {
        let mut all: Vec<&Debt> = self
            .ledger
            .debts
            .iter()
            .filter(|d| !self.owed_pending.iter().any(|p| p.id == d.id))
            .chain(&self.owed_pending)
            .filter(|d| !self.owed_clearing.contains(&d.id))
            .collect();
        all.sort_by(|a, b| (a.since, &a.id).cmp(&(b.since, &b.id)));
        all
    }

    /// Wall-clock UTC now: the fleet clock runs `speed` times faster in training from the
    /// same start (docs/ARCHITECTURE.md "Two clocks"), and is the wall outside it.
    pub fn wall_now(&self) -> DateTime<Utc> {
        match self.launch.banner.mode {
            Mode::Training { speed, .. } if speed.is_finite() && speed > 0.0 => {
                let fleet_ms = (self.now - self.started).num_milliseconds() as f64;
                self.started + chrono::TimeDelta::milliseconds((fleet_ms / speed) as i64)
            }
            _ => self.now,
        }
    }

    /// A new walk's id, unique across consoles (a pid comes back one day: the start time
    /// keeps ids apart): its restarts of one service count once against the budget.
    pub fn next_walk_id(&mut self) -> String {
        self.last_walk += 1;
        format!(
            "{}-{}-walk-{}",
            self.launch.session,
            self.started.timestamp(),
            self.last_walk
        )
    }

    /// What is owed, a line each, for the record (hang-up, session end).
    pub fn owed_lines(&self) -> Vec<String> {
        self.owed().iter().map(|d| d.describe()).collect()
    }

    /// A debt in a line on screen: in the console's language.
    pub fn owed_line(&self, debt: &crate::runbook::Debt) -> String {
        debt.describe_in(self.tr(), self.launch.library)
    }

    /// The server under the grid cursor, if any row is shown.
    pub fn cursor_server(&self) -> Option<usize> {
        self.view.rows.get(self.view.cursor_row).copied()
    }

    pub fn cursor_set(&self) -> HealthSet {
        HealthSet::ALL[self.view.cursor_col.min(HealthSet::ALL.len() - 1)]
    }

    /// The monitors the drill-down lists: those of the set that the server's role runs.
    /// The drill-down's rows: Exchange's monitors first (its verdict is the one that
    /// alerts), then healthdeck's own; where Exchange watches, a probe monitor nothing
    /// feeds (Disabled) is left out.
    pub fn drill_rows(&self, server: usize, set: HealthSet) -> Vec<DrillRow> {
        let Some(role) = self.fleet.servers().get(server).map(|s| s.role) else {
            return Vec::new();
        };
        let exchange = self.fleet.exchange(server);
        let mut rows: Vec<DrillRow> = exchange
            .map(|e| {
                e.monitors
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.health_set == set)
                    .map(|(i, _)| DrillRow::Exchange(i))
                    .collect()
            })
            .unwrap_or_default();
        rows.extend(
            Monitor::of(set)
                .filter(|m| m.applies_to(role))
                .filter(|m| {
                    exchange.is_none()
                        || self
                            .fleet
                            .monitor(server, *m)
                            .is_some_and(|s| s.alert != AlertValue::Disabled)
                })
                .map(DrillRow::Probe),
        );
        rows
    }

    /// A drill-down row's alert value as its source says it (Exchange's is Unknown while
    /// its poll has no answer).
    pub fn row_alert(&self, server: usize, row: DrillRow) -> Option<AlertValue> {
        match row {
            DrillRow::Probe(m) => self.fleet.monitor(server, m).map(|s| s.alert),
            DrillRow::Exchange(i) => {
                let verdict = self.fleet.exchange(server)?;
                let monitor = verdict.monitors.get(i)?;
                Some(if verdict.answered() {
                    monitor.alert
                } else {
                    AlertValue::Unknown
                })
            }
        }
    }

    /// The seeds' monitor a row stands for: its runbook's, its probe's.
    pub fn row_monitor(&self, server: usize, row: DrillRow) -> Option<Monitor> {
        match row {
            DrillRow::Probe(m) => Some(m),
            DrillRow::Exchange(i) => self.fleet.exchange(server)?.monitors.get(i)?.seed,
        }
    }

    /// The prompt typed on the status line (the filter, the command line), not in a box.
    pub fn prompt_on_status_line(&self) -> bool {
        matches!(
            self.view.prompt,
            Some(Prompt::Filter { .. } | Prompt::Command { .. })
        )
    }

    /// The filter text as typed right now (live while the prompt is open).
    pub fn live_filter(&self) -> &str {
        match &self.view.prompt {
            Some(Prompt::Filter { text, .. }) => text,
            _ => &self.view.filter,
        }
    }
}
