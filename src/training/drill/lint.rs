//! `healthdeck lint` on a scenario's `drill:` block: the expected path must name a runbook
//! of the library that serves the expected monitor, and a step of it.

use crate::config::ConfigError;
use crate::runbook::Library;
use crate::training::Scenario;

/// The drill's findings, each at its value's line and column.
pub fn findings(
    scenario: &Scenario,
    text: &str,
    origin: &str,
    library: &Library,
) -> Vec<ConfigError> {
    let Some(drill) = &scenario.drill else {
        return Vec::new();
    };
    let expected = &drill.expected;
    let at =
        |key: &str, value: &str, msg: String| ConfigError::at_value(origin, text, key, value, msg);
    let Some(procedure) = library.procedure(&expected.runbook) else {
        let known: Vec<&str> = library
            .procedures()
            .iter()
            .map(crate::runbook::Procedure::id)
            .collect();
        let msg = format!(
            "drill: unknown runbook `{}` (known: {})",
            expected.runbook,
            known.join(", ")
        );
        return vec![at("runbook", &expected.runbook, msg)];
    };
    let mut found = Vec::new();
    if !procedure
        .monitors
        .iter()
        .any(|m| m.name() == expected.monitor)
    {
        let msg = format!(
            "drill: runbook {} does not recover {}",
            expected.runbook, expected.monitor
        );
        found.push(at("runbook", &expected.runbook, msg));
    }
    if procedure.step_index(&expected.heals_at).is_none() {
        let steps: Vec<&str> = procedure.spec.steps.iter().map(|s| s.id.as_str()).collect();
        let msg = format!(
            "drill: runbook {} has no step `{}` (its steps: {})",
            expected.runbook,
            expected.heals_at,
            steps.join(", ")
        );
        found.push(at("heals_at", &expected.heals_at, msg));
    }
    found
}
