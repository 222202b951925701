//! The training fleet a launch opens: the scenario the flags name (a built-in, a file, or
//! a random drill by seed) and, under `healthdeck drill`, its drill (ARCHITECTURE "Drills").

use super::{DEFAULT_SCENARIO, UsageError};
use crate::cli::Cli;
use crate::health::FleetState;
use crate::i18n::Tr;
use crate::runtime::FleetClock;
use crate::training::drill::DrillFacts;
use crate::training::{self, Simulator};
use crate::update::drill_run::DrillRun;
use crate::update::{AppState, Mode};

/// A training fleet, its clock and simulator, and the drill with its scenario's name.
pub(super) type TrainingFleet = (
    FleetState,
    FleetClock,
    Simulator,
    Option<(DrillFacts, String)>,
);

/// The training fleet of the scenario the flags name, and its drill under `healthdeck drill`.
/// `tr` says what is refused, in the console's language.
pub(super) fn training_fleet(cli: &Cli, tr: Tr) -> Result<TrainingFleet, UsageError> {
    let name = drill_scenario(cli)
        .or(cli.scenario.as_deref())
        .unwrap_or(DEFAULT_SCENARIO);
    let seed = match &cli.command {
        Some(crate::cli::Command::Drill(args)) => args.seed,
        _ => None,
    };
    let refused = |e: training::ScenarioError| UsageError(e.said().in_language(tr));
    let scenario = if name == "random" {
        let base = training::load(DEFAULT_SCENARIO).map_err(refused)?;
        // Unseeded: a seed of this moment, shown in the debrief so it can be drawn again.
        let seed = seed.unwrap_or_else(|| {
            let now = FleetClock::new(1.0).now();
            now.timestamp().unsigned_abs() % 100_000
        });
        training::random::scenario(&base, seed)
    } else if seed.is_some() {
        return Err(UsageError(tr.text("usage-seed").to_owned()));
    } else {
        training::load(name).map_err(refused)?
    };
    let drill = drill_facts(cli, &scenario, tr)?;
    let clock = FleetClock::new(cli.speed);
    let fleet = scenario.fleet_state();
    Ok((fleet, clock, Simulator::new(scenario, clock.start()), drill))
}

/// A drill's banner does not name the scenario: the name would give the fault away.
pub(super) fn training_mode(cli: &Cli, simulator: &Simulator, drill: bool) -> Mode {
    Mode::Training {
        speed: cli.speed,
        scenario: if drill {
            "drill".to_owned()
        } else {
            simulator.scenario().name.clone()
        },
    }
}

/// `healthdeck drill --scenario …`.
fn drill_scenario(cli: &Cli) -> Option<&str> {
    match &cli.command {
        Some(crate::cli::Command::Drill(args)) => args.scenario.as_deref(),
        _ => None,
    }
}

/// Under `healthdeck drill`: the scenario's drill, its runbook found in the library.
fn drill_facts(
    cli: &Cli,
    scenario: &training::Scenario,
    tr: Tr,
) -> Result<Option<(DrillFacts, String)>, UsageError> {
    if !matches!(cli.command, Some(crate::cli::Command::Drill(_))) {
        return Ok(None);
    }
    let library = crate::runbook::library::Library::shared().map_err(|errors| {
        UsageError(
            errors
                .iter()
                .map(|e| e.in_language(tr))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let drills = training::with_drill().join(", ");
    if scenario.drill.is_none() {
        let args = [
            ("name", scenario.name.as_str().into()),
            ("drills", drills.into()),
        ];
        return Err(UsageError(tr.fmt("usage-no-drill", &args)));
    }
    // What else `of` refuses, `lint` finds first in a scenario file.
    let facts = DrillFacts::of(scenario, library)
        .map_err(|why| UsageError(format!("{why} (scenarios with a drill: {drills})")))?;
    Ok(Some((facts, scenario.name.clone())))
}

/// The drill is on: its objective is the first thing the status bar says.
pub(super) fn start_drill(state: &mut AppState, facts: DrillFacts, scenario: String) {
    let args = [
        ("objective", objective(&facts, state.launch.language).into()),
        (
            "budget",
            crate::training::drill::report::span(Some(facts.spec.budget.0)).into(),
        ),
    ];
    state.view.flash = Some(state.tr().fmt("flash-drill", &args));
    state.drill = Some(Box::new(DrillRun::new(facts, scenario)));
}

fn objective<'a>(facts: &'a DrillFacts, language: &str) -> &'a str {
    let objective = &facts.spec.objective;
    objective
        .get(language)
        .or_else(|| objective.get("en"))
        .map_or("", String::as_str)
}
