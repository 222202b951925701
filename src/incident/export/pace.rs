//! The prober's schedule in the timeline: a minute only when something was late, falling
//! behind and catching up, and many monitors going stale at once.

use super::text::{list, plain};
use crate::i18n::Tr;
use crate::incident::entry::Entry;

/// A minute with every probe on time is not worth a line of the postmortem.
pub(super) fn worth_a_line(entry: &Entry) -> bool {
    match entry {
        Entry::Schedule {
            ran,
            on_time,
            skipped,
            ..
        } => on_time < ran || *skipped > 0,
        _ => true,
    }
}

pub(super) fn item(tr: Tr, entry: &Entry) -> Option<String> {
    let text = match entry {
        Entry::Schedule {
            span_s,
            ran,
            on_time,
            skipped,
            worst_late_ms,
            limit,
            ceiling,
            ..
        } => tr.fmt(
            "export-schedule",
            &[
                ("span", (*span_s).into()),
                ("on_time", (*on_time).into()),
                ("ran", (*ran).into()),
                ("skipped", (*skipped).into()),
                ("late", (worst_late_ms / 1_000).into()),
                ("limit", (*limit).into()),
                ("ceiling", (*ceiling).into()),
            ],
        ),
        Entry::Behind { late: 0, .. } => tr.text("export-caught-up").to_owned(),
        Entry::Behind {
            late,
            worst_late_ms,
            why,
            ..
        } => tr.fmt(
            "export-behind",
            &[
                ("late", (*late).into()),
                ("by", (worst_late_ms / 1_000).into()),
                ("why", plain(why).into()),
            ],
        ),
        Entry::Stale {
            count,
            monitors,
            servers,
            prober_behind,
        } => {
            let id = if *prober_behind {
                "export-stale-behind"
            } else {
                "export-stale"
            };
            let what = tr.fmt(id, &[("count", (*count).into())]);
            at_once(tr, &what, *count, monitors, servers)
        }
        Entry::Fresh {
            count,
            monitors,
            servers,
        } => {
            let what = tr.fmt("export-fresh", &[("count", (*count).into())]);
            at_once(tr, &what, *count, monitors, servers)
        }
        _ => return None,
    };
    Some(text)
}

/// Many monitors that changed alike at once: what, how many of each, on which servers.
fn at_once(
    tr: Tr,
    what: &str,
    count: usize,
    monitors: &std::collections::BTreeMap<String, usize>,
    servers: &[String],
) -> String {
    let which: Vec<String> = monitors
        .iter()
        .map(|(m, n)| format!("{n} {}", plain(m)))
        .collect();
    let shown: Vec<String> = servers.iter().map(|s| plain(s)).collect();
    let more = if count > servers.len() { " …" } else { "" };
    tr.fmt(
        "export-at-once",
        &[
            ("what", what.into()),
            ("which", list(tr, &which).into()),
            ("servers", list(tr, &shown).into()),
            ("more", more.into()),
        ],
    )
}
