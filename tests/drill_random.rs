//! Random drills (ARCHITECTURE "Drills"): the same seed draws the same fault, seeds differ,
//! and every drawn fault is healed on the simulator by its drill's `heals_at` step.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::health::{Monitor, Probe};
use healthdeck::runbook::platform::training::perform;
use healthdeck::runbook::{Library, StepCall};
use healthdeck::training::drill::DrillFacts;
use healthdeck::training::{self, Scenario, Simulator, random};

const SEEDS: u64 = 300;

fn base() -> Scenario {
    training::load(training::DEFAULT_SCENARIO).unwrap()
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap()
}

fn fault_of(scenario: &Scenario) -> String {
    let f = &scenario.faults[0];
    format!(
        "{} {} {:?} at {}s",
        f.server,
        f.service,
        f.symptom,
        f.at.0.num_seconds()
    )
}

#[test]
fn the_same_seed_draws_the_same_fault_and_seeds_differ() {
    let base = base();
    assert_eq!(
        fault_of(&random::scenario(&base, 42)),
        fault_of(&random::scenario(&base, 42))
    );
    let drawn: std::collections::BTreeSet<String> = (0..SEEDS)
        .map(|seed| fault_of(&random::scenario(&base, seed)))
        .collect();
    // Servers x services x symptoms x times: nearly every seed its own.
    assert!(drawn.len() > 250, "only {} different faults", drawn.len());
    let kinds: std::collections::BTreeSet<String> = (0..SEEDS)
        .map(|seed| {
            let s = random::scenario(&base, seed);
            format!("{} {:?}", s.faults[0].service, s.faults[0].symptom)
        })
        .collect();
    assert_eq!(kinds.len(), 6, "every service and symptom drawn: {kinds:?}");
    assert_eq!(random::scenario(&base, 7).name, "random-7");
}

/// The expected monitor's probe on the expected server, as the simulator answers it.
fn probe_ok(sim: &Simulator, facts: &DrillFacts, at: DateTime<Utc>) -> bool {
    let expected = &facts.spec.expected;
    let server = sim.server_index(&expected.server).unwrap();
    let monitor: Monitor = Monitor::ALL
        .into_iter()
        .find(|m| m.name() == expected.monitor)
        .unwrap();
    let probe: Probe = monitor.probe().unwrap();
    sim.probe(server, probe, at, at.timestamp().unsigned_abs())
        .succeeded
}

#[test]
fn every_random_fault_is_healed_by_its_drills_step() {
    let base = base();
    let library = Library::shared().unwrap();
    for seed in 0..SEEDS {
        let scenario = random::scenario(&base, seed);
        let what = fault_of(&scenario);
        let facts = DrillFacts::of(&scenario, library).unwrap_or_else(|e| panic!("{what}: {e}"));
        let expected = facts.spec.expected.clone();
        let procedure = library.procedure(&expected.runbook).unwrap();
        let step = &procedure.spec.steps[procedure.step_index(&expected.heals_at).unwrap()];
        let mut sim = Simulator::new(scenario.clone(), t0());
        let after = t0() + scenario.faults[0].at.0 + TimeDelta::seconds(30);
        assert!(
            !probe_ok(&sim, &facts, after),
            "{what}: the fault does not show"
        );
        let server = scenario
            .fleet
            .iter()
            .find(|s| s.name == expected.server)
            .unwrap()
            .clone();
        let monitor = Monitor::ALL
            .into_iter()
            .find(|m| m.name() == expected.monitor)
            .unwrap();
        let mut call = StepCall::plain(
            (&expected.runbook, &expected.heals_at),
            server,
            monitor,
            step.action.unwrap(),
        );
        call.service = step.service;
        let performed = perform(&mut sim, &[], &call, after);
        assert!(
            performed.answer.exit == healthdeck::runbook::StepExit::Succeeded,
            "{what}: {:?}",
            performed.lines
        );
        let later = after + TimeDelta::seconds(60);
        assert!(
            probe_ok(&sim, &facts, later),
            "{what}: {} did not heal it",
            expected.heals_at
        );
    }
}
