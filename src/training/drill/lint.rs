//! `healthdeck lint` on a scenario's `drill:` block: the expected path must name a runbook
//! of the library that serves the expected monitor, and a step of it.

use crate::config::ConfigError;
use crate::i18n::Said;
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
        |key: &str, value: &str, msg: Said| ConfigError::at_value(origin, text, key, value, msg);
    let Some(procedure) = library.procedure(&expected.runbook) else {
        let known: Vec<&str> = library
            .procedures()
            .iter()
            .map(crate::runbook::Procedure::id)
            .collect();
        let msg = Said::new("finding-drill-unknown-runbook")
            .text("runbook", &expected.runbook)
            .text("known", known.join(", "));
        return vec![at("runbook", &expected.runbook, msg)];
    };
    let mut found = Vec::new();
    if !procedure
        .monitors
        .iter()
        .any(|m| m.name() == expected.monitor)
    {
        let msg = Said::new("finding-drill-runbook-elsewhere")
            .text("runbook", &expected.runbook)
            .text("monitor", &expected.monitor);
        found.push(at("runbook", &expected.runbook, msg));
    }
    if procedure.step_index(&expected.heals_at).is_none() {
        let steps: Vec<&str> = procedure.spec.steps.iter().map(|s| s.id.as_str()).collect();
        let msg = Said::new("finding-drill-no-step")
            .text("runbook", &expected.runbook)
            .text("step", &expected.heals_at)
            .text("steps", steps.join(", "));
        found.push(at("heals_at", &expected.heals_at, msg));
    }
    found
}
