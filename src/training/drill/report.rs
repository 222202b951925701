//! The debrief in words: its Markdown section (beside the incident record, and in
//! `incident export`) and the lines the debrief screen shows.

use super::DrillFacts;
use super::score::{Debrief, DrillEnd};
use chrono::TimeDelta;
use std::fmt::Write;

/// `1 min 30 s`, `45 s`, or `-` when it never happened.
pub fn span(after: Option<TimeDelta>) -> String {
    let Some(after) = after else {
        return "-".to_owned();
    };
    let s = after.num_seconds().max(0);
    match (s / 60, s % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// How the drill ended, in a few words.
pub fn ending(debrief: &Debrief, facts: &DrillFacts) -> String {
    let budget = span(Some(facts.spec.budget.0));
    match debrief.end {
        DrillEnd::Healed => format!(
            "healed {} after the fault showed (budget {budget})",
            span(debrief.mitigated)
        ),
        DrillEnd::BudgetOver => format!("not healed within the budget ({budget})"),
        DrillEnd::Quit => format!("left before it was healed (budget {budget})"),
    }
}

/// The score's parts, each with its time where it has one.
pub fn parts(debrief: &Debrief) -> [(String, u32, u32); 5] {
    let p = debrief.points;
    [
        (
            format!("detect ({})", span(debrief.detected)),
            p.detection,
            15,
        ),
        (
            format!("right runbook ({})", span(debrief.runbook)),
            p.runbook,
            15,
        ),
        (
            format!("mitigate ({})", span(debrief.mitigated)),
            p.mitigation,
            40,
        ),
        ("expected path".to_owned(), p.path, 10),
        ("safety".to_owned(), p.safety, 20),
    ]
}

/// The Markdown section.
pub fn markdown(debrief: &Debrief, facts: &DrillFacts) -> String {
    let expected = &facts.spec.expected;
    let mut out = String::from("## Drill debrief\n\n");
    let _ = writeln!(
        out,
        "Score **{}/100**: {}.\n",
        debrief.points.total(),
        ending(debrief, facts)
    );
    out.push_str("| part | points |\n|---|---|\n");
    for (what, got, most) in parts(debrief) {
        let _ = writeln!(out, "| {what} | {got}/{most} |");
    }
    let _ = writeln!(
        out,
        "\n### Steps, against the expected path\n\nExpected: {} on {}, steps {} (for {}).\n",
        expected.runbook,
        expected.server,
        facts.expected_steps.join(", "),
        expected.monitor
    );
    for step in &debrief.steps {
        let mark = if step.on_path { " (expected)" } else { "" };
        let _ = writeln!(
            out,
            "- +{} `{}` / `{}` on {}{mark}",
            span(Some(step.after)),
            step.procedure,
            step.step,
            step.server
        );
    }
    if debrief.steps.is_empty() {
        out.push_str("- no step was run\n");
    }
    if !debrief.missed.is_empty() {
        let _ = writeln!(out, "\nNot run: {}.", debrief.missed.join(", "));
    }
    out.push_str("\n### Findings\n\n");
    if debrief.findings.is_empty() {
        out.push_str("None: nothing unsafe was done.\n");
    }
    for finding in &debrief.findings {
        let _ = writeln!(out, "- {}", finding.lesson());
    }
    out
}
