//! A training fleet and a runbook walk played together by events: the simulator answers
//! probes once a fleet minute, the training platform performs each step the engine asks
//! for, waits pass fleet time. No terminal, no wall clock, no process.

use super::start;
use chrono::{DateTime, TimeDelta, Utc};
use healthdeck::health::{AlertValue, FleetState, Monitor, Probe, Protocol};
use healthdeck::runbook::platform::training;
use healthdeck::runbook::{Library, Next, Outcome, StepCall, Walk};
use healthdeck::training::{Scenario, Simulator};
use std::fmt::Write;
use std::sync::OnceLock;

pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::built_in().expect("the built-in runbooks are valid"))
}

pub struct Drill {
    pub simulator: Simulator,
    pub fleet: FleetState,
    pub now: DateTime<Utc>,
    probes: Vec<(usize, Probe)>,
    /// Every command the walk ran, as the pane would show it.
    pub commands: Vec<String>,
}

/// How a walk is driven at the points where an engineer decides.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    /// Runs every step, optional ones included.
    RunAll,
    /// Aborts when the named step is about to run.
    AbortAt(&'static str),
}

impl Drill {
    /// The fleet of `scenario`, played for `minutes` of fleet time.
    pub fn new(scenario: &str, minutes: i64) -> Drill {
        let scenario = Scenario::parse(scenario, "<test scenario>").expect("valid scenario");
        let fleet = scenario.fleet_state();
        let simulator = Simulator::new(scenario, start());
        let probes = simulator.probes();
        let mut drill = Drill {
            simulator,
            fleet,
            now: start(),
            probes,
            commands: Vec::new(),
        };
        drill.advance(TimeDelta::minutes(minutes));
        drill
    }

    /// Passes fleet time in 10 s ticks, every probe and metric read once a minute.
    pub fn advance(&mut self, by: TimeDelta) {
        let until = self.now + by;
        while self.now < until {
            self.now += TimeDelta::seconds(10);
            let elapsed = (self.now - start()).num_seconds();
            if elapsed % 60 == 0 {
                let seq = (elapsed / 60) as u64;
                for &(server, probe) in &self.probes {
                    let report = self.simulator.probe(server, probe, self.now, seq);
                    self.fleet.apply_probe(&report);
                }
                for server in 0..self.fleet.servers().len() {
                    for protocol in [Protocol::Imap, Protocol::Pop] {
                        let metric = self.simulator.queued(server, protocol, self.now, seq);
                        self.fleet.apply_metric(&metric);
                    }
                }
            }
            self.fleet.tick(self.now);
        }
    }

    /// Walks `procedure` for `monitor` on `server` to its end; every step takes 20 s of
    /// fleet time. Returns the outcome and the transcript (history, then outcome).
    pub fn walk(
        &mut self,
        procedure: &str,
        server: &str,
        monitor: Monitor,
        driver: Driver,
    ) -> (Outcome, String) {
        let server = training::server_named(&self.simulator, server).expect("server in fleet");
        let mut walk = Walk::start(library(), procedure, server, monitor).expect("procedure");
        let outcome = self.drive(&mut walk, driver);
        (outcome.clone(), transcript(&walk, &outcome))
    }

    /// The console's alert values for the call's server, as a training job carries them.
    pub fn alerts(&self, call: &StepCall) -> Vec<(Monitor, AlertValue)> {
        let server = self
            .simulator
            .server_index(&call.server.name)
            .expect("server in fleet");
        training::alerts_of(&self.fleet, server)
    }

    pub fn drive(&mut self, walk: &mut Walk<'_>, driver: Driver) -> Outcome {
        for _ in 0..200 {
            match walk.next().clone() {
                Next::Run(call) => {
                    if let Driver::AbortAt(at) = driver
                        && call.step == at
                    {
                        walk.abort();
                        continue;
                    }
                    self.advance(call.wait);
                    if let Some(command) = training::preview(&call) {
                        self.commands.push(format!("{}: {command}", call.step));
                    }
                    let alerts = self.alerts(&call);
                    let mut performed =
                        training::perform(&mut self.simulator, &alerts, &call, self.now);
                    performed.answer.waited = call.wait;
                    walk.answer(&performed.answer).expect("answer accepted");
                    self.advance(TimeDelta::seconds(20));
                }
                Next::Failed(call, exit) => panic!("{} failed: {exit}", call.step),
                Next::Done(outcome) => return outcome,
            }
        }
        panic!("the walk did not end in 200 steps");
    }
}

pub fn transcript(walk: &Walk<'_>, outcome: &Outcome) -> String {
    let mut out = String::new();
    for record in walk.history() {
        let _ = writeln!(out, "{record}");
    }
    let owed: Vec<String> = outcome.owed.iter().map(ToString::to_string).collect();
    let _ = writeln!(
        out,
        "=> {}; owed: [{}]",
        outcome.ending.name(),
        owed.join(", ")
    );
    out
}
