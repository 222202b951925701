//! `healthdeck replay RECORD`: an incident record played back, read-only: the grid as the
//! record's transitions set it, and its entries in order, with pause, step and speed.
//! Nothing runs. The screen at entry `n` is a function of the record and `n` alone, so the
//! same record gives the same screens (ARCHITECTURE "Replay").

pub mod view;

use crate::health::{AlertValue, FleetState, Monitor, MonitorPolicy, Server};
use crate::incident::{Entry, Record};
use crate::update::{AppState, Banner, Mode};
use chrono::{DateTime, TimeDelta, Utc};

/// What a replay holds and where it is.
pub struct Replay {
    pub name: String,
    records: Vec<Record>,
    servers: Vec<Server>,
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
}

impl Replay {
    /// A replay of a record's text: its lines up to the first that is not a record line.
    pub fn of(name: &str, text: &str) -> Replay {
        let (records, stopped) = crate::incident::read_back(text);
        let stopped = stopped.map(|(line, why)| format!("stopped at line {line}: {why}"));
        let servers = crate::incident::servers_named(&records);
        let clock = records.first().map_or(DateTime::UNIX_EPOCH, time);
        let state = console(&servers, clock);
        Replay {
            name: name.to_owned(),
            records,
            servers,
            stopped,
            position: 0,
            playing: true,
            speed: 10.0,
            clock,
            state,
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
            let start = self.records.first().map_or(DateTime::UNIX_EPOCH, time);
            self.state = console(&self.servers, start);
            self.resize(width, height);
            self.position = 0;
        }
        while self.position < position {
            self.apply(self.position);
            self.position += 1;
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
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        crate::update::update(
            &mut self.state,
            crate::event::Event::Resize { width, height },
        );
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
            ReplayKey::Slower => self.speed = (self.speed / 2.0).max(1.0),
            ReplayKey::Start => {
                self.playing = false;
                self.seek(0);
            }
            ReplayKey::End => {
                self.playing = false;
                self.seek(self.records.len());
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
        }
    }

    fn apply(&mut self, index: usize) {
        let record = &self.records[index];
        let Entry::Transition {
            server,
            monitor,
            to,
            ..
        } = &record.entry
        else {
            return;
        };
        let found = self.servers.iter().position(|s| s.name == *server);
        let monitor = Monitor::ALL.into_iter().find(|m| m.name() == monitor);
        let alert = AlertValue::ALL.into_iter().find(|a| a.word() == to);
        if let (Some(server), Some(monitor), Some(alert)) = (found, monitor, alert) {
            self.state
                .fleet
                .replay_alert(server, monitor, alert, time(record));
            self.state.fleet.take_transitions();
            self.state.now = self.state.now.max(time(record));
        }
    }
}

/// A console on the record's servers, its clock at the record's start; nothing in it runs.
fn console(servers: &[Server], start: DateTime<Utc>) -> AppState {
    let fleet = FleetState::new(servers.to_vec(), MonitorPolicy::defaults(), false);
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
