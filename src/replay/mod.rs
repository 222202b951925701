//! `healthdeck replay RECORD`: an incident record played back, read-only: the grid as the
//! record's transitions set it, the runbook pane as its entries left it, and the entries in
//! order, with pause, step and speed.
//! Nothing runs. The screen at entry `n` is a function of the record and `n` alone, so the
//! same record gives the same screens (ARCHITECTURE "Replay").

pub mod view;
pub mod walk;
mod walk_view;

use crate::health::{AlertValue, FleetState, Monitor, MonitorPolicy, Server};
use crate::incident::{Entry, Record};
use crate::update::{AppState, Banner, Mode};
use chrono::{DateTime, TimeDelta, Utc};
use walk::Walk;

/// What a replay holds and where it is.
pub struct Replay {
    pub name: String,
    records: Vec<Record>,
    servers: Vec<Server>,
    /// Each monitor's value before its first transition (the `from` it names): what the
    /// grid shows at the start.
    before: Vec<(usize, Monitor, AlertValue)>,
    /// Where reading stopped, and why: a torn or foreign line.
    pub stopped: Option<String>,
    /// How many entries have been played.
    pub position: usize,
    pub playing: bool,
    /// Record time per wall second.
    pub speed: f64,
    /// The record time played up to, between entries while playing.
    pub clock: DateTime<Utc>,
    /// The console's state with the fleet as of `position`: its grid is drawn as the
    /// console draws it.
    pub state: AppState,
    /// The runbook pane as of `position`.
    pub walk: Option<Walk>,
}

/// A key's meaning in a replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayKey {
    PlayPause,
    Forward,
    Back,
    Faster,
    Slower,
    Start,
    End,
    /// The grid's cursor up or down a server (a fleet taller than the screen scrolls).
    Up,
    Down,
}

/// The slowest play: `-` halves the speed down to this.
const SLOWEST: f64 = 1.0 / 1024.0;

impl Replay {
    /// A replay of a record's text: its lines up to the first that is not a record line.
    pub fn of(name: &str, text: &str) -> Replay {
        let (records, stopped) = crate::incident::read_back(text);
        let stopped = stopped.map(|(line, why)| format!("stopped at line {line}: {why}"));
        let servers = crate::incident::servers_named(&records);
        let clock = records.first().map_or(DateTime::UNIX_EPOCH, time);
        let before = before(&records, &servers);
        let state = console(&servers, &before, clock);
        Replay {
            name: name.to_owned(),
            records,
            servers,
            before,
            stopped,
            position: 0,
            playing: true,
            speed: 10.0,
            clock,
            state,
            walk: None,
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The entries played so far, newest last.
    pub fn played(&self) -> &[Record] {
        &self.records[..self.position]
    }

    /// Plays up to entry `position`: the fleet is rebuilt from the start to go back, so
    /// going back gives the very screen going forward gave. The clock stays.
    fn play_to(&mut self, position: usize) {
        let position = position.min(self.records.len());
        if position < self.position {
            let (width, height) = (self.state.view.width, self.state.view.height);
            let language = self.state.launch.language;
            let start = self.records.first().map_or(DateTime::UNIX_EPOCH, time);
            self.state = console(&self.servers, &self.before, start);
            self.state.launch.language = language;
            // The walk goes first: the resize places the cursor on a walk's server.
            self.walk = None;
            self.resize(width, height);
            self.position = 0;
        }
        while self.position < position {
            self.apply(self.position);
            self.position += 1;
        }
        self.show_walk_server();
    }

    /// The grid's cursor on the runbook's server and monitor, scrolled into view.
    fn show_walk_server(&mut self) {
        let Some(walk) = &self.walk else {
            return;
        };
        let view = &mut self.state.view;
        let rows = &view.rows;
        let Some(row) = rows
            .iter()
            .position(|&s| self.servers.get(s).is_some_and(|s| s.name == walk.server))
        else {
            return;
        };
        view.cursor_row = row;
        if let Some(set) = Monitor::recorded(&walk.monitor, None).map(Monitor::health_set) {
            view.cursor_col = set.index();
        }
        self.scroll_to_cursor();
    }

    /// Scrolls the grid so that its cursor's row is on screen, centred when it must move.
    fn scroll_to_cursor(&mut self) {
        let view = &mut self.state.view;
        let (row, rows) = (view.cursor_row, view.rows.len());
        let grid = view::grid_height(view.height, rows, self.walk.is_some());
        let shown = usize::from(grid.saturating_sub(crate::layout::header_rows(view.width) + 1));
        if row < view.scroll || row >= view.scroll + shown.max(1) {
            // Centred, but never past the last server: no blank rows under the fleet.
            let centred = row.saturating_sub(shown.saturating_sub(1) / 2);
            view.scroll = centred.min(rows.saturating_sub(shown));
        }
    }

    /// Goes to entry `position`, the clock with it.
    pub fn seek(&mut self, position: usize) {
        self.play_to(position);
        let start = self.records.first().map_or(DateTime::UNIX_EPOCH, time);
        self.clock = self
            .position
            .checked_sub(1)
            .map_or(start, |i| time(&self.records[i]));
        self.state.now = self.state.now.max(self.clock);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        crate::update::update(
            &mut self.state,
            crate::event::Event::Resize { width, height },
        );
        // The console scrolls for its own layout; the replay's grid is shorter.
        self.show_walk_server();
        self.scroll_to_cursor();
    }

    /// A key: stepping pauses; play goes on from where it is.
    pub fn key(&mut self, key: ReplayKey) {
        match key {
            ReplayKey::PlayPause => self.playing = !self.playing,
            ReplayKey::Forward => {
                self.playing = false;
                self.seek(self.position + 1);
            }
            ReplayKey::Back => {
                self.playing = false;
                self.seek(self.position.saturating_sub(1));
            }
            ReplayKey::Faster => self.speed = (self.speed * 2.0).min(1_000.0),
            ReplayKey::Slower => self.speed = (self.speed / 2.0).max(SLOWEST),
            ReplayKey::Start => {
                self.playing = false;
                self.seek(0);
            }
            ReplayKey::End => {
                self.playing = false;
                self.seek(self.records.len());
            }
            ReplayKey::Up => {
                let view = &mut self.state.view;
                view.cursor_row = view.cursor_row.saturating_sub(1);
                self.scroll_to_cursor();
            }
            ReplayKey::Down => {
                let view = &mut self.state.view;
                view.cursor_row = (view.cursor_row + 1).min(view.rows.len().saturating_sub(1));
                self.scroll_to_cursor();
            }
        }
    }

    /// Wall time passed while playing: the entries it reaches are played.
    pub fn elapse(&mut self, wall: std::time::Duration) {
        if !self.playing {
            return;
        }
        let step = TimeDelta::milliseconds((wall.as_secs_f64() * self.speed * 1_000.0) as i64);
        self.clock += step;
        let due = self.records[self.position..]
            .iter()
            .take_while(|r| time(r) <= self.clock)
            .count();
        self.play_to(self.position + due);
        if self.position == self.records.len() {
            self.playing = false;
            // The record's last moment is where it ends: the clock does not run past it.
            self.clock = self.records.last().map_or(self.clock, time);
        }
        // Ages on the grid count on the replay's clock, between entries too.
        self.state.now = self.state.now.max(self.clock);
    }

    fn apply(&mut self, index: usize) {
        let record = &self.records[index];
        Walk::follow(&mut self.walk, &record.entry);
        let Entry::Transition {
            server,
            monitor,
            health_set,
            to,
            ..
        } = &record.entry
        else {
            return;
        };
        let set = health_set.as_deref();
        if let Some((server, monitor, alert)) = named(&self.servers, server, (monitor, set), to) {
            self.state
                .fleet
                .replay_alert(server, monitor, alert, time(record));
            self.state.fleet.take_transitions();
            self.state.now = self.state.now.max(time(record));
        }
    }
}

/// A transition's server, monitor and value, when the record names ones that exist.
fn named(
    servers: &[Server],
    server: &str,
    (monitor, health_set): (&str, Option<&str>),
    value: &str,
) -> Option<(usize, Monitor, AlertValue)> {
    Some((
        servers.iter().position(|s| s.name == server)?,
        Monitor::recorded(monitor, health_set)?,
        AlertValue::ALL.into_iter().find(|a| a.word() == value)?,
    ))
}

/// Each monitor's value before its first transition. The console records no first
/// Healthy, so `Healthy -> Degraded` is the first word of a monitor that was Healthy all
/// along; a monitor the record never names stays Unknown: the record does not say.
fn before(records: &[Record], servers: &[Server]) -> Vec<(usize, Monitor, AlertValue)> {
    let mut seen: Vec<(usize, Monitor, AlertValue)> = Vec::new();
    for record in records {
        if let Entry::Transition {
            server,
            monitor,
            health_set,
            from,
            ..
        } = &record.entry
            && let Some((server, monitor, from)) =
                named(servers, server, (monitor, health_set.as_deref()), from)
            && !seen.iter().any(|&(s, m, _)| (s, m) == (server, monitor))
        {
            seen.push((server, monitor, from));
        }
    }
    seen
}

/// A console on the record's servers, each monitor as it was before its first transition,
/// its clock at the record's start; nothing in it runs.
fn console(
    servers: &[Server],
    before: &[(usize, Monitor, AlertValue)],
    start: DateTime<Utc>,
) -> AppState {
    let mut fleet = FleetState::new(servers.to_vec(), MonitorPolicy::defaults(), false);
    for &(server, monitor, alert) in before {
        fleet.replay_alert(server, monitor, alert, start);
    }
    fleet.take_transitions();
    let banner = Banner {
        mode: Mode::Production {
            inventory: "replay".to_owned(),
        },
        dry_run: false,
        read_only: true,
    };
    AppState::new(fleet, banner, start)
}

fn time(record: &Record) -> DateTime<Utc> {
    record.fleet_at.unwrap_or(record.at)
}
