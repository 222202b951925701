//! The debrief in words: its Markdown section (beside the incident record, and in
//! `incident export`) and the lines the debrief screen shows.

use super::DrillFacts;
use super::score::{Debrief, DrillEnd};
use super::timeline::{clock, timeline};
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

/// Each finding's lesson once, in the order first found, with how often it was found.
pub fn lessons(debrief: &Debrief) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for finding in &debrief.findings {
        let lesson = finding.lesson();
        match counted.iter_mut().find(|(l, _)| *l == lesson) {
            Some((_, n)) => *n += 1,
            None => counted.push((lesson, 1)),
        }
    }
    counted
        .into_iter()
        .map(|(lesson, n)| match n {
            1 => lesson,
            2 => format!("{lesson} (twice)"),
            n => format!("{lesson} ({n} times)"),
        })
        .collect()
}

/// How to draw a random drill again: its seed, in the command that repeats it.
pub fn repeat(scenario: &str) -> Option<String> {
    let seed: u64 = scenario.strip_prefix("random-")?.parse().ok()?;
    Some(format!(
        "Seed {seed}: healthdeck drill --scenario random --seed {seed} repeats it."
    ))
}

/// The Markdown section of the drill on `scenario`.
pub fn markdown(debrief: &Debrief, facts: &DrillFacts, scenario: &str) -> String {
    let expected = &facts.spec.expected;
    let mut out = String::from("## Drill debrief\n\n");
    let _ = writeln!(
        out,
        "`{scenario}`: score **{}/100**, {}.\n",
        debrief.points.total(),
        ending(debrief, facts)
    );
    if let Some(repeat) = repeat(scenario) {
        let _ = writeln!(out, "{repeat}\n");
    }
    out.push_str("| part | points |\n|---|---|\n");
    for (what, got, most) in parts(debrief) {
        let _ = writeln!(out, "| {what} | {got}/{most} |");
    }
    let _ = writeln!(
        out,
        "\n### Timeline, beside the expected path\n\nExpected: {} on {}, steps {} (for {}).\n",
        expected.runbook,
        expected.server,
        facts.expected_steps.join(", "),
        expected.monitor
    );
    out.push_str("| at | what happened | expected |\n|---|---|---|\n");
    for beat in timeline(debrief, facts) {
        let mark = match beat.kept {
            Some(true) => "✓ ",
            Some(false) => "✗ ",
            None => "",
        };
        let expected = if beat.expected.is_empty() {
            String::new()
        } else {
            format!("{mark}{}", beat.expected)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {expected} |",
            clock(beat.after, "-"),
            beat.did
        );
    }
    out.push_str("\n### Findings\n\n");
    if debrief.findings.is_empty() {
        out.push_str("None: nothing unsafe was done.\n");
    }
    for lesson in lessons(debrief) {
        let _ = writeln!(out, "- {lesson}");
    }
    out
}
