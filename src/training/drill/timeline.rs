//! The debrief's timeline beside the expected path: what happened, in order, from the
//! drill's start, and on each line the part of the expected path it kept; what was
//! expected and never happened comes last (ARCHITECTURE "Drills").

use super::DrillFacts;
use super::score::Debrief;
use crate::i18n::Tr;
use chrono::TimeDelta;

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beat {
    /// From the drill's start; `None` for what never happened.
    pub after: Option<TimeDelta>,
    /// What happened; empty for what never did.
    pub did: String,
    /// The expected path's part on this line; empty where it expects nothing.
    pub expected: String,
    /// Whether the expectation was kept; `None` where there is none.
    pub kept: Option<bool>,
    /// A step off the expected path: the first to go when the screen is short.
    pub off_path: bool,
}

impl Beat {
    fn of(after: Option<TimeDelta>, did: String, expected: String, kept: Option<bool>) -> Beat {
        Beat {
            after,
            did,
            expected,
            kept,
            off_path: false,
        }
    }
}

/// The timeline: what happened in time order, then the expectations never met.
pub fn timeline(tr: Tr, debrief: &Debrief, facts: &DrillFacts) -> Vec<Beat> {
    let expected = &facts.spec.expected;
    let onset = debrief.onset;
    // The debrief counts these from the onset; the timeline from the start.
    let since_start = |t: Option<TimeDelta>| Some(onset? + t?);
    let mut happened = Vec::new();
    let mut never = Vec::new();
    let mut place = |beat: Beat| {
        if beat.after.is_some() {
            happened.push(beat);
        } else {
            never.push(beat);
        }
    };
    if onset.is_some() {
        let did = tr.fmt(
            "debrief-beat-fault",
            &[
                ("monitor", expected.monitor.as_str().into()),
                ("server", expected.server.as_str().into()),
            ],
        );
        place(Beat::of(onset, did, String::new(), None));
    }
    let looked = since_start(debrief.detected);
    place(Beat::of(
        looked,
        if looked.is_some() {
            tr.text("debrief-beat-looked").to_owned()
        } else {
            String::new()
        },
        tr.text("debrief-beat-see").to_owned(),
        Some(looked.is_some()),
    ));
    let opened = since_start(debrief.runbook);
    place(Beat::of(
        opened,
        if opened.is_some() {
            tr.fmt(
                "debrief-beat-reached",
                &[
                    ("runbook", expected.runbook.as_str().into()),
                    ("server", expected.server.as_str().into()),
                ],
            )
        } else {
            String::new()
        },
        tr.fmt(
            "debrief-beat-open",
            &[("runbook", expected.runbook.as_str().into())],
        ),
        Some(opened.is_some()),
    ));
    for step in &debrief.steps {
        let did = format!("{}/{} @{}", step.procedure, step.step, step.server);
        let (expected, kept) = if step.on_path {
            (step.step.clone(), Some(true))
        } else {
            (String::new(), None)
        };
        place(Beat {
            off_path: !step.on_path,
            ..Beat::of(Some(step.after), did, expected, kept)
        });
    }
    for step in &debrief.missed {
        place(Beat::of(None, String::new(), step.clone(), Some(false)));
    }
    let healed = since_start(debrief.mitigated);
    place(Beat::of(
        healed,
        if healed.is_some() {
            tr.fmt(
                "debrief-beat-healthy",
                &[("monitor", expected.monitor.as_str().into())],
            )
        } else {
            String::new()
        },
        tr.fmt(
            "debrief-beat-healed",
            &[("heals", expected.heals_at.as_str().into())],
        ),
        Some(healed.is_some()),
    ));
    // Stable: what happened at the same moment keeps its order above.
    happened.sort_by_key(|beat| beat.after);
    happened.extend(never);
    happened
}

/// `+4:05` from the drill's start, or a dash for what never happened.
pub fn clock(after: Option<TimeDelta>, dash: &str) -> String {
    after.map_or_else(
        || dash.to_owned(),
        |t| {
            let s = t.num_seconds().max(0);
            format!("+{}:{:02}", s / 60, s % 60)
        },
    )
}
