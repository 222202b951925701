//! Timeline bullets for what the fleet said: alert changes, Exchange's and Prometheus'
//! verdicts, drills starting and ending, monitors first looked at, acknowledgements.

use super::text::{code, plain};
use super::timeline::recorded_word;
use crate::i18n::Tr;
use crate::incident::Entry;
use crate::training::drill::objective_in;

/// An alert change or a poll's standing: what the fleet said, from which source.
pub(super) fn health(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::Transition {
            server,
            monitor,
            health_set,
            from,
            to,
            source,
        } => tr.fmt(
            "export-transition",
            &[
                (
                    "monitor",
                    // IMAP's and POP's latency monitors share a name: the set tells them apart.
                    plain(&crate::health::Monitor::recorded_label(
                        monitor,
                        health_set.as_deref(),
                    ))
                    .into(),
                ),
                (
                    "source",
                    match source.as_deref() {
                        Some("exchange") => " (Exchange)",
                        Some("prometheus") => " (Prometheus)",
                        _ => "",
                    }
                    .into(),
                ),
                ("server", plain(server).into()),
                ("from", recorded_word(tr, from).into()),
                ("to", recorded_word(tr, to).into()),
            ],
        ),
        _ => drill_item(tr, entry).unwrap_or_else(|| poll_item(tr, entry)),
    }
}

/// A drill's start and end, and the first look at a monitor it watches for.
fn drill_item(tr: Tr, entry: &Entry) -> Option<String> {
    Some(match entry {
        Entry::DrillStarted {
            scenario,
            objective,
            budget_s,
            ..
        } => tr.fmt(
            "export-drill-started",
            &[
                ("scenario", code(scenario).into()),
                ("minutes", (budget_s / 60).to_string().into()),
                (
                    "objective",
                    plain(&objective_in(scenario, objective, tr.code())).into(),
                ),
            ],
        ),
        Entry::DrillEnded { end, score, .. } => tr.fmt(
            "export-drill-ended",
            &[
                ("end", drill_end(tr, end).into()),
                ("score", score.to_string().into()),
            ],
        ),
        Entry::Examined {
            server,
            monitor,
            view,
        } => tr.fmt(
            if view == "drill_down" {
                "export-examined-drill-down"
            } else {
                "export-examined-cell"
            },
            &[
                ("monitor", plain(monitor).into()),
                ("server", plain(server).into()),
            ],
        ),
        _ => return None,
    })
}

/// What Exchange or Prometheus said of the fleet as a whole or of a server.
fn poll_item(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::SharedSource { state, why } => {
            let mut args = vec![("state", plain(state).into())];
            let id = match why {
                Some(why) => {
                    args.push(("why", plain(why).into()));
                    "export-prometheus-why"
                }
                None => "export-prometheus",
            };
            tr.fmt(id, &args)
        }
        Entry::ExchangePoll { server, state, why } => {
            let mut args = vec![
                ("server", plain(server).into()),
                ("state", plain(state).into()),
            ];
            let id = match why {
                Some(why) => {
                    args.push(("why", plain(why).into()));
                    "export-exchange-why"
                }
                None => "export-exchange",
            };
            tr.fmt(id, &args)
        }
        Entry::ExchangePolls {
            count,
            state,
            why,
            servers,
        } => {
            let more = count.saturating_sub(servers.len());
            let more = if more > 0 {
                format!(" {}", tr.fmt("export-and-more", &[("count", more.into())]))
            } else {
                String::new()
            };
            let why = why
                .as_deref()
                .map(|w| format!(" ({})", plain(w)))
                .unwrap_or_default();
            let servers: Vec<String> = servers.iter().map(|s| plain(s)).collect();
            tr.fmt(
                "export-exchange-many",
                &[
                    ("count", (*count).into()),
                    ("state", plain(state).into()),
                    ("why", why.into()),
                    ("servers", servers.join(", ").into()),
                    ("more", more.into()),
                ],
            )
        }
        _ => String::new(),
    }
}

/// An acknowledgement (an Alertmanager silence) made, expired, or refused.
pub(super) fn acknowledgement(tr: Tr, entry: &Entry) -> String {
    match entry {
        Entry::Acknowledged {
            server,
            monitor,
            by,
            until,
            comment,
            silence,
        } => tr.fmt(
            "export-acknowledged",
            &[
                ("monitor", plain(monitor).into()),
                ("server", plain(server).into()),
                ("by", plain(by).into()),
                ("until", until.format("%Y-%m-%d %H:%M").to_string().into()),
                ("comment", plain(comment).into()),
                ("silence", code(silence).into()),
            ],
        ),
        Entry::AckExpired {
            server,
            monitor,
            by,
            silence,
        } => tr.fmt(
            "export-ack-expired",
            &[
                ("monitor", plain(monitor).into()),
                ("server", plain(server).into()),
                ("by", plain(by).into()),
                ("silence", code(silence).into()),
            ],
        ),
        Entry::AckFailed {
            server,
            monitor,
            why,
        } => tr.fmt(
            "export-ack-failed",
            &[
                ("monitor", plain(monitor).into()),
                ("server", plain(server).into()),
                ("why", plain(why).into()),
            ],
        ),
        _ => String::new(),
    }
}

/// How a drill ended, in the export's language.
fn drill_end(tr: Tr, end: &str) -> String {
    crate::i18n::words::drill_end(tr, end).map_or_else(|| recorded_word(tr, end), str::to_owned)
}
