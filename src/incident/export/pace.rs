//! The prober's schedule in the timeline: a minute only when something was late, falling
//! behind and catching up, and many monitors going stale at once.

use super::text::{list, plain};
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

pub(super) fn item(entry: &Entry) -> Option<String> {
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
        } => format!(
            "Prober over {span_s} s: {on_time} of {ran} probes on time, {skipped} runs skipped, \
             latest {} s late ({limit} in flight allowed, ceiling {ceiling})",
            worst_late_ms / 1_000
        ),
        Entry::Behind { late: 0, .. } => "Prober **caught up** with its schedule".to_owned(),
        Entry::Behind {
            late,
            worst_late_ms,
            why,
            ..
        } => format!(
            "**Prober behind**: {late} probes late, by up to {} s: {}",
            worst_late_ms / 1_000,
            plain(why)
        ),
        Entry::Stale {
            count,
            monitors,
            servers,
            prober_behind,
        } => {
            let cause = if *prober_behind {
                " while the prober was behind"
            } else {
                ""
            };
            let what = format!("**{count} monitors went stale** (Healthy → Unknown){cause}");
            at_once(&what, *count, monitors, servers)
        }
        Entry::Fresh {
            count,
            monitors,
            servers,
        } => {
            let what = format!("**{count} monitors answered again** (Unknown → Healthy)");
            at_once(&what, *count, monitors, servers)
        }
        _ => return None,
    };
    Some(text)
}

/// Many monitors that changed alike at once: what, how many of each, on which servers.
fn at_once(
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
    format!("{what}: {}; on {}{more}", list(&which), list(&shown))
}
