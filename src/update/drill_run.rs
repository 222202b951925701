//! A drill in the console (`healthdeck drill`): what the console records is kept to be
//! scored, the end is watched for (the monitor healed with nothing owed, the budget spent,
//! or `q`), and the debrief is shown and written beside the record (ARCHITECTURE "Drills").

use super::state::AppState;
use crate::action::Action;
use crate::effect::Effect;
use crate::health::{AlertValue, Monitor};
use crate::incident::Record;
use crate::training::drill::{Debrief, DrillEnd, DrillFacts, score};
use chrono::{DateTime, Utc};

/// A drill under way, or over with its debrief.
#[derive(Debug)]
pub struct DrillRun {
    pub facts: DrillFacts,
    pub scenario: String,
    /// What this console recorded since the drill began, on the fleet clock.
    log: Vec<Record>,
    started_at: Option<DateTime<Utc>>,
    /// The expected monitor has been seen failing: healthy from now on is healed.
    onset: bool,
    pub debrief: Option<Debrief>,
    /// The debrief screen is up.
    pub shown: bool,
}

impl DrillRun {
    pub fn new(facts: DrillFacts, scenario: String) -> DrillRun {
        DrillRun {
            facts,
            scenario,
            log: Vec::new(),
            started_at: None,
            onset: false,
            debrief: None,
            shown: false,
        }
    }
}

/// After every event: the drill's first entry, what was recorded kept, the end watched for.
pub(super) fn follow(state: &mut AppState, effects: &mut Vec<Effect>) {
    if state.drill.as_ref().is_none_or(|run| run.debrief.is_some()) {
        return;
    }
    let now = state.now;
    let alert = expected_alert(state);
    // Healed is not done while the walk still owes an undo: the trainee finishes the job.
    let owing = !state.owed().is_empty();
    let Some(run) = state.drill.as_mut() else {
        return;
    };
    if run.started_at.is_none() {
        run.started_at = Some(now);
        let started = run.facts.started(&run.scenario);
        effects.insert(0, Effect::Record(started));
    }
    keep(run, effects, now);
    run.onset |= matches!(alert, Some(AlertValue::Degraded | AlertValue::Unhealthy));
    let over = run
        .started_at
        .is_some_and(|start| now - start > run.facts.spec.budget.0);
    if run.onset && alert == Some(AlertValue::Healthy) && !owing {
        end(run, DrillEnd::Healed, effects, now);
    } else if over {
        end(run, DrillEnd::BudgetOver, effects, now);
    }
}

/// Keys while a drill runs or its debrief shows: `q` ends a running drill on its debrief
/// (a second `q` quits); over the debrief, Esc (or `h`) goes back to the fleet.
pub(super) fn intercept(state: &mut AppState, action: Action) -> Option<Vec<Effect>> {
    let now = state.now;
    let run = state.drill.as_mut()?;
    if run.shown {
        return match action {
            // Quitting may ask first (steps still running): the question must be seen.
            Action::Quit => {
                run.shown = false;
                None
            }
            Action::Back => {
                run.shown = false;
                Some(Vec::new())
            }
            _ => Some(Vec::new()),
        };
    }
    if action == Action::Quit && run.debrief.is_none() {
        let mut effects = Vec::new();
        end(run, DrillEnd::Quit, &mut effects, now);
        return Some(effects);
    }
    None
}

fn keep(run: &mut DrillRun, effects: &[Effect], now: DateTime<Utc>) {
    for effect in effects {
        // Step output scores nothing; the record keeps it.
        if let Effect::Record(entry) = effect
            && !matches!(entry, crate::incident::Entry::Output { .. })
        {
            run.log.push(Record {
                at: now,
                fleet_at: Some(now),
                entry: entry.clone(),
            });
        }
    }
}

/// Scores the drill, records its end, writes the Markdown beside the record (the export
/// works the debrief out from the record) and shows the debrief.
fn end(run: &mut DrillRun, how: DrillEnd, effects: &mut Vec<Effect>, now: DateTime<Utc>) {
    let mut debrief = score(&run.facts, &run.log);
    // Unhealed, the drill ended as it did here: the log holds nothing past the budget for
    // the score to see it run out by.
    if debrief.end != DrillEnd::Healed {
        debrief.end = how;
    }
    let ended = debrief.ended();
    keep(run, &[Effect::Record(ended.clone())], now);
    effects.push(Effect::Record(ended));
    effects.push(Effect::Export);
    run.debrief = Some(debrief);
    run.shown = true;
}

fn expected_alert(state: &AppState) -> Option<AlertValue> {
    let expected = &state.drill.as_ref()?.facts.spec.expected;
    let server = state
        .fleet
        .servers()
        .iter()
        .position(|s| s.name == expected.server)?;
    let monitor = Monitor::ALL
        .into_iter()
        .find(|m| m.name() == expected.monitor)?;
    Some(state.fleet.monitor(server, monitor)?.alert)
}
