//! healthdeck's alert rules as Prometheus evaluates them: `GET /api/v1/alerts` lists every
//! pending and firing alert with `activeAt`; only those labelled `server`, `health_set` and
//! `monitor` are healthdeck's.

use super::envelope::prometheus_body;
use super::error::SourceError;
use super::notes::Notes;
use super::text::Text;
use super::{RuleAlert, RuleAlertState};
use chrono::{DateTime, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct AlertList<'a> {
    #[serde(borrow)]
    alerts: Vec<Alert<'a>>,
}

#[derive(Deserialize)]
struct Alert<'a> {
    #[serde(borrow)]
    labels: MonitorLabels<'a>,
    state: &'a str,
    #[serde(rename = "activeAt")]
    active_at: Option<&'a str>,
}

/// The labels that place an alert (Prometheus' or Alertmanager's) on a monitor.
#[derive(Deserialize)]
pub(super) struct MonitorLabels<'a> {
    #[serde(borrow, default)]
    pub server: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub health_set: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub monitor: Option<Text<'a>>,
}

/// The alerts of one `/api/v1/alerts` body (a 200 answer), with warnings.
pub fn read_rule_alerts(body: &[u8]) -> Result<(Vec<RuleAlert>, Vec<String>), SourceError> {
    let mut notes = Notes::default();
    let alerts = rule_alerts(&prometheus_body(200, "OK", body, &mut notes)?, &mut notes);
    Ok((alerts, notes.into_warnings()))
}

pub(crate) fn rule_alerts(list: &AlertList<'_>, notes: &mut Notes) -> Vec<RuleAlert> {
    let mut out = Vec::new();
    for alert in &list.alerts {
        let labels = &alert.labels;
        let (Some(server), Some(health_set), Some(monitor)) = (
            Text::of(labels.server.as_ref()),
            Text::of(labels.health_set.as_ref()),
            Text::of(labels.monitor.as_ref()),
        ) else {
            continue; // another team's rule
        };
        let named = || format!("{monitor} on {server}");
        let state = match alert.state {
            "pending" => RuleAlertState::Pending,
            "firing" => RuleAlertState::Firing,
            _ => {
                notes.drop_row("alert neither pending nor firing", named);
                continue;
            }
        };
        let Some(active_at) = alert.active_at.and_then(time) else {
            notes.drop_row("alert without a readable activeAt", named);
            continue;
        };
        out.push(RuleAlert {
            server: server.to_owned(),
            health_set: health_set.to_owned(),
            monitor: monitor.to_owned(),
            state,
            active_at,
        });
    }
    out
}

/// An RFC 3339 time as both APIs write it (`2026-12-05T18:58:35.686175082Z`).
pub(crate) fn time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
