//! Drills: a scenario's `drill:` block (the objective, a time budget, the path a trainee is
//! expected to take) and the debrief, scored from the trainee's own incident record, so a
//! drill's score can be worked out again from its record at any time
//! (ARCHITECTURE "Drills").

mod finding;
pub mod lint;
mod record;
pub use record::objective_in;
pub mod report;
mod score;
mod standing;
pub mod timeline;

pub use finding::Finding;
pub use score::{Debrief, DrillEnd, Points, StepTaken, score};

use crate::health::Span;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A scenario's `drill:` block.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillSpec {
    /// What the trainee is told at the start, by language code (`en` at least).
    pub objective: BTreeMap<String, String>,
    /// Fleet time from the drill's start to its end.
    pub budget: Span,
    pub expected: ExpectedPath,
}

/// The way to heal the drill's fault: which monitor to find, which runbook to walk and
/// which of its steps heals it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedPath {
    pub server: String,
    pub monitor: String,
    pub runbook: String,
    /// The step whose success heals the fault.
    pub heals_at: String,
}

/// What the scorer knows of the drill besides the record: the spec, the servers at fault
/// with their faulty services, and the expected path's steps in order (from the runbook
/// library, up to and including `heals_at`). A destructive step counts as verified when a
/// probe was re-run or the server's health read on its server before it (what the
/// runbooks' `verify-probe` and `verify-metric` do).
#[derive(Debug, Clone, PartialEq)]
pub struct DrillFacts {
    pub spec: DrillSpec,
    /// (server, service) of each fault.
    pub faults: Vec<(String, String)>,
    pub expected_steps: Vec<String>,
}

impl DrillFacts {
    fn at_fault(&self, server: &str) -> bool {
        self.faults.iter().any(|(s, _)| s == server)
    }

    fn faulty_services(&self, server: &str) -> impl Iterator<Item = &str> {
        self.faults
            .iter()
            .filter(move |(s, _)| s == server)
            .map(|(_, service)| service.as_str())
    }
}

impl DrillFacts {
    /// The facts of `scenario`'s drill, its runbook and step found in `library`; why not,
    /// when the scenario has no drill or names what the library lacks.
    pub fn of(
        scenario: &crate::training::Scenario,
        library: &crate::runbook::library::Library,
    ) -> Result<DrillFacts, String> {
        let name = &scenario.name;
        let Some(spec) = scenario.drill.clone() else {
            return Err(format!("scenario {name} has no drill: block"));
        };
        let expected = &spec.expected;
        let procedure = library.procedure(&expected.runbook).ok_or_else(|| {
            format!(
                "scenario {name}: drill: unknown runbook `{}`",
                expected.runbook
            )
        })?;
        let last = procedure.step_index(&expected.heals_at).ok_or_else(|| {
            format!(
                "scenario {name}: drill: runbook {} has no step `{}`",
                expected.runbook, expected.heals_at
            )
        })?;
        // The steps that run as themselves: a called procedure's steps are recorded under
        // its own name.
        let expected_steps = procedure.spec.steps[..=last]
            .iter()
            .filter(|s| s.action.is_some())
            .map(|s| s.id.clone())
            .collect();
        let faults = scenario
            .faults
            .iter()
            .map(|f| (f.server.clone(), f.service.clone()))
            .collect();
        Ok(DrillFacts {
            spec,
            faults,
            expected_steps,
        })
    }
}
