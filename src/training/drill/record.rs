//! A drill in its incident record: the entry that starts it holds everything the scorer
//! needs, so `incident export` works a debrief out again from the record alone.

use super::score::{Debrief, DrillEnd};
use super::{DrillFacts, DrillSpec, ExpectedPath};
use crate::config::lang::LANGUAGES;
use crate::health::Span;
use crate::incident::Entry;
use crate::runbook::localized;
use crate::runbook::spec::Text;
use crate::training::Scenario;
use chrono::TimeDelta;

impl DrillFacts {
    /// The `drill_started` entry, the objective in English as the whole record (readers
    /// find the other languages by the scenario's name: [`objective_in`]).
    pub fn started(&self, scenario: &str) -> Entry {
        let spec = &self.spec;
        let objective = localized(&spec.objective, LANGUAGES[0]).to_owned();
        Entry::DrillStarted {
            scenario: scenario.to_owned(),
            objective,
            budget_s: spec.budget.0.num_seconds(),
            server: spec.expected.server.clone(),
            monitor: spec.expected.monitor.clone(),
            runbook: spec.expected.runbook.clone(),
            heals_at: spec.expected.heals_at.clone(),
            faults: self
                .faults
                .iter()
                .map(|(s, f)| format!("{s} {f}"))
                .collect(),
            expected_steps: self.expected_steps.clone(),
        }
    }

    /// The facts a `drill_started` entry holds; `None` for any other entry.
    pub fn from_entry(entry: &Entry) -> Option<DrillFacts> {
        let Entry::DrillStarted {
            scenario,
            objective,
            budget_s,
            server,
            monitor,
            runbook,
            heals_at,
            faults,
            expected_steps,
            ..
        } = entry
        else {
            return None;
        };
        let faults = faults
            .iter()
            .filter_map(|f| f.split_once(' '))
            .map(|(s, f)| (s.to_owned(), f.to_owned()))
            .collect();
        Some(DrillFacts {
            spec: DrillSpec {
                objective: objectives(scenario, objective),
                budget: Span(seconds(*budget_s)),
                expected: ExpectedPath {
                    server: server.clone(),
                    monitor: monitor.clone(),
                    runbook: runbook.clone(),
                    heals_at: heals_at.clone(),
                },
            },
            faults,
            expected_steps: expected_steps.clone(),
        })
    }
}

/// A recorded objective in `language`.
pub fn objective_in(scenario: &str, recorded: &str, language: &str) -> String {
    localized(&objectives(scenario, recorded), language).to_owned()
}

/// Every language of a recorded objective: a built-in drill's, found by its scenario's
/// name and its words in any language (older records hold the console's language); else
/// the recorded words alone, as English.
fn objectives(scenario: &str, recorded: &str) -> Text {
    let known = if scenario.starts_with("random-") {
        Some(crate::training::random::objective())
    } else {
        crate::training::BUILT_IN
            .iter()
            .find(|(name, _)| *name == scenario)
            .and_then(|(name, text)| Scenario::parse(text, name).ok())
            .and_then(|s| s.drill)
            .map(|drill| drill.objective)
    };
    match known {
        Some(all) if all.values().any(|o| o == recorded) => all,
        _ => [(LANGUAGES[0].to_owned(), recorded.to_owned())].into(),
    }
}

impl Debrief {
    /// The `drill_ended` entry: what the trainee was shown.
    pub fn ended(&self) -> Entry {
        let seconds = |t: Option<TimeDelta>| t.map(|t| t.num_seconds());
        Entry::DrillEnded {
            end: match self.end {
                DrillEnd::Healed => "healed",
                DrillEnd::BudgetOver => "budget_over",
                DrillEnd::Quit => "quit",
            }
            .to_owned(),
            score: self.points.total(),
            points: self.points,
            detected_s: seconds(self.detected),
            runbook_s: seconds(self.runbook),
            mitigated_s: seconds(self.mitigated),
            onset_s: seconds(self.onset),
        }
    }

    /// The end, points and times a `drill_ended` entry says the trainee was shown, over
    /// this debrief worked out again from the record (the console stamped its own times a
    /// moment before the record did).
    pub fn as_shown(&mut self, entry: &Entry) {
        let Entry::DrillEnded {
            end,
            points,
            detected_s,
            runbook_s,
            mitigated_s,
            onset_s,
            ..
        } = entry
        else {
            return;
        };
        self.end = match end.as_str() {
            "healed" => DrillEnd::Healed,
            "budget_over" => DrillEnd::BudgetOver,
            _ => DrillEnd::Quit,
        };
        self.points = *points;
        let delta = |s: &Option<i64>| s.map(seconds);
        self.detected = delta(detected_s);
        self.runbook = delta(runbook_s);
        self.mitigated = delta(mitigated_s);
        // An older record has no onset: the one worked out from it stands.
        if onset_s.is_some() {
            self.onset = delta(onset_s);
        }
    }
}

/// Seconds a record line gives, within a century either way: a hand-edited line must not
/// overflow the arithmetic that follows.
fn seconds(s: i64) -> TimeDelta {
    const CENTURY: i64 = 100 * 366 * 24 * 3600;
    TimeDelta::seconds(s.clamp(-CENTURY, CENTURY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_objective_reads_in_the_readers_language_by_its_scenario() {
        let drills = crate::training::with_drill();
        assert!(!drills.is_empty());
        for name in drills {
            let drill = crate::training::load(name).ok().and_then(|s| s.drill);
            let objective = drill.expect("a drill").objective;
            let english = localized(&objective, "en");
            assert_eq!(
                objective_in(name, english, "ko"),
                localized(&objective, "ko")
            );
            // An older record holds the console's language: an English reader still reads English.
            let korean = localized(&objective, "ko");
            assert_eq!(objective_in(name, korean, "en"), english, "{name}");
        }
        let random = crate::training::random::objective();
        let english = localized(&random, "en");
        assert_eq!(
            objective_in("random-7", english, "ja"),
            localized(&random, "ja")
        );
        assert_eq!(objective_in("random-7", "one's own", "ja"), "one's own");
    }
}
