//! A training console played forward deterministically: the simulator answers at fixed
//! fleet times, `update` consumes the events. No terminal, no wall clock.
#![allow(dead_code, clippy::unwrap_used)]

pub mod drill;
pub mod languages;
pub mod pane;
pub mod processes;
pub mod replay;
pub mod screen;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::event::Event;
use healthdeck::health::FleetState;
use healthdeck::training::{self, Simulator};
use healthdeck::update::{AppState, Banner, Mode, update};

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 3, 0, 0).unwrap()
}

/// The console after `seconds` of fleet time on a built-in scenario, every probe run
/// once a minute (offset per probe), ticks every 10 s.
pub fn played(scenario: &str, seconds: i64, width: u16, height: u16) -> AppState {
    played_with_simulator(scenario, seconds, width, height).0
}

/// [`played`], with the simulator in the same state, for running steps on it.
pub fn played_with_simulator(
    scenario: &str,
    seconds: i64,
    width: u16,
    height: u16,
) -> (AppState, Simulator) {
    let scenario = training::load(scenario).unwrap();
    let fleet = scenario.fleet_state();
    let banner = Banner {
        mode: Mode::Training {
            speed: 10.0,
            scenario: scenario.name.clone(),
        },
        dry_run: false,
        read_only: false,
    };
    let mut state = AppState::new(fleet, banner, start());
    update(&mut state, Event::Resize { width, height });
    let simulator = Simulator::new(scenario, start());
    state.launch.mailbox_of = simulator.mailbox_of();
    let probes = simulator.probes();
    let servers = simulator.scenario().fleet.len();
    for step in 0..=seconds / 10 {
        let from = step * 10;
        let mut batch = Vec::new();
        for (i, (server, probe)) in probes.iter().enumerate() {
            let offset = (i as i64 * 7) % 60;
            for at in from..from + 10 {
                if at >= offset && (at - offset) % 60 == 0 && at <= seconds {
                    let seq = ((at - offset) / 60) as u64;
                    let when = start() + TimeDelta::seconds(at);
                    batch.push(simulator.probe(*server, *probe, when, seq));
                }
            }
        }
        batch.sort_by_key(|r| r.at);
        update(&mut state, Event::Probes(batch));
        if from % 60 == 0 {
            let when = start() + TimeDelta::seconds(from.min(seconds));
            let metrics = (0..servers)
                .map(|s| simulator.queued(s, healthdeck::health::Protocol::Imap, when, from as u64))
                .collect();
            update(&mut state, Event::Metrics(metrics));
        }
        update(
            &mut state,
            Event::Tick(start() + TimeDelta::seconds(from.min(seconds))),
        );
    }
    (state, simulator)
}

/// A console on a real fleet named `inventory` (no simulator), at `now`.
pub fn production(fleet: FleetState, inventory: &str, now: DateTime<Utc>) -> AppState {
    let banner = Banner {
        mode: Mode::Production {
            inventory: inventory.to_owned(),
        },
        dry_run: false,
        read_only: false,
    };
    AppState::new(fleet, banner, now)
}

/// ex-01 and ex-02 (both roles, DAG1) as an Exchange inventory without endpoints makes
/// them: healthdeck probes nothing, Exchange watches both, an answer is overdue after
/// four minutes.
pub fn exchange_fleet() -> FleetState {
    use healthdeck::health::{Monitor, MonitorPolicy, Role, Server};
    let servers = ["ex-01", "ex-02"].map(|name| Server {
        name: name.to_owned(),
        role: Role::Both,
        site: "DAG1".to_owned(),
    });
    let mut fleet = FleetState::new(servers.into(), MonitorPolicy::defaults(), false);
    let unwatched: Vec<(usize, Monitor)> = (0..2)
        .flat_map(|s| {
            Monitor::ALL
                .into_iter()
                .filter(|m| m.probe().is_some())
                .map(move |m| (s, m))
        })
        .collect();
    fleet.watch_exchange(&unwatched, TimeDelta::minutes(4));
    fleet
}

/// An Exchange answer from `tests/fixtures/exchange`, read.
pub fn exchange_verdict(name: &str) -> healthdeck::health::exchange::Verdict {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    healthdeck::health::exchange::read(&text).unwrap().unwrap()
}
