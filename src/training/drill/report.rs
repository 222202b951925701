//! The debrief in words: its Markdown section (beside the incident record, and in
//! `incident export`) and the lines the debrief screen shows.

use super::DrillFacts;
use super::score::{Debrief, DrillEnd};
use super::timeline::{clock, timeline};
use crate::i18n::Tr;
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
pub fn ending(tr: Tr, debrief: &Debrief, facts: &DrillFacts) -> String {
    let budget = ("budget", span(Some(facts.spec.budget.0)).into());
    match debrief.end {
        DrillEnd::Healed => tr.fmt(
            "debrief-healed",
            &[("after", span(debrief.mitigated).into()), budget],
        ),
        DrillEnd::BudgetOver => tr.fmt("debrief-not-healed", &[budget]),
        DrillEnd::Quit => tr.fmt("debrief-left", &[budget]),
    }
}

/// The score's parts, each with its time where it has one.
pub fn parts(tr: Tr, debrief: &Debrief) -> [(String, u32, u32); 5] {
    let p = debrief.points;
    let at = |id: &str, after| tr.fmt(id, &[("after", span(after).into())]);
    [
        (at("debrief-detect", debrief.detected), p.detection, 15),
        (at("debrief-runbook", debrief.runbook), p.runbook, 15),
        (at("debrief-mitigate", debrief.mitigated), p.mitigation, 40),
        (tr.text("debrief-path").to_owned(), p.path, 10),
        (tr.text("debrief-safety").to_owned(), p.safety, 20),
    ]
}

/// Each finding's lesson once, in the order first found, with how often it was found.
pub fn lessons(tr: Tr, debrief: &Debrief) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for finding in &debrief.findings {
        let lesson = finding.lesson(tr);
        match counted.iter_mut().find(|(l, _)| *l == lesson) {
            Some((_, n)) => *n += 1,
            None => counted.push((lesson, 1)),
        }
    }
    counted
        .into_iter()
        .map(|(lesson, n)| match n {
            1 => lesson,
            2 => tr.fmt("debrief-twice", &[("lesson", lesson.into())]),
            n => tr.fmt(
                "debrief-times",
                &[("lesson", lesson.into()), ("count", n.into())],
            ),
        })
        .collect()
}

/// How to draw a random drill again: its seed, in the command that repeats it.
pub fn repeat(tr: Tr, scenario: &str) -> Option<String> {
    let seed: u64 = scenario.strip_prefix("random-")?.parse().ok()?;
    Some(tr.fmt("debrief-repeat", &[("seed", seed.to_string().into())]))
}

/// The Markdown section of the drill on `scenario`.
pub fn markdown(tr: Tr, debrief: &Debrief, facts: &DrillFacts, scenario: &str) -> String {
    let expected = &facts.spec.expected;
    let mut out = format!("## {}\n\n", tr.text("debrief-title"));
    let score = tr.fmt(
        "debrief-score",
        &[
            ("scenario", format!("`{scenario}`").into()),
            ("score", debrief.points.total().to_string().into()),
            ("ending", ending(tr, debrief, facts).into()),
        ],
    );
    let _ = writeln!(out, "{score}\n");
    if let Some(repeat) = repeat(tr, scenario) {
        let _ = writeln!(out, "{repeat}\n");
    }
    let _ = write!(
        out,
        "| {} | {} |\n|---|---|\n",
        tr.text("debrief-part"),
        tr.text("debrief-points")
    );
    for (what, got, most) in parts(tr, debrief) {
        let _ = writeln!(out, "| {what} | {got}/{most} |");
    }
    let path = tr.fmt(
        "debrief-expected-path",
        &[
            ("runbook", expected.runbook.as_str().into()),
            ("server", expected.server.as_str().into()),
            ("steps", facts.expected_steps.join(", ").into()),
            ("monitor", expected.monitor.as_str().into()),
        ],
    );
    let _ = writeln!(out, "\n### {}\n\n{path}\n", tr.text("debrief-timeline"));
    let _ = write!(
        out,
        "| {} | {} | {} |\n|---|---|---|\n",
        tr.text("debrief-at"),
        tr.text("debrief-happened"),
        tr.text("debrief-expected")
    );
    for beat in timeline(tr, debrief, facts) {
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
    let _ = write!(out, "\n### {}\n\n", tr.text("debrief-findings"));
    if debrief.findings.is_empty() {
        let _ = writeln!(out, "{}", tr.text("debrief-no-findings"));
    }
    for lesson in lessons(tr, debrief) {
        let _ = writeln!(out, "- {lesson}");
    }
    out
}
