//! Alertmanager's API v2 read: every silence (`GET /api/v2/silences`) and every alert with
//! what mutes it (`GET /api/v2/alerts?active=true&silenced=true&inhibited=true`). Never
//! API v1: it is removed upstream from 0.27.

use super::endpoint::Endpoint;
use super::envelope::alertmanager_body;
use super::error::{SourceError, garbled};
use super::http::{Method, exchange};
use super::notes::Notes;
use super::rules::time;
use super::text::Text;
use super::{AlertmanagerReading, AlertmanagerState, FiringAlert, Silence, SilenceState};
use crate::health::exchange::printable;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::time::Duration;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SilenceDoc {
    id: String,
    status: StateDoc,
    matchers: Vec<Matcher>,
    starts_at: String,
    ends_at: String,
    #[serde(default)]
    created_by: String,
    #[serde(default)]
    comment: String,
}

#[derive(Deserialize)]
struct StateDoc {
    state: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Matcher {
    name: String,
    value: String,
    is_regex: bool,
    /// Absent in answers from before `!=` matchers existed: equal.
    #[serde(default = "equal")]
    is_equal: bool,
}

fn equal() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AlertDoc<'a> {
    #[serde(borrow)]
    labels: super::rules::MonitorLabels<'a>,
    starts_at: &'a str,
    #[serde(borrow)]
    status: AlertStatus<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AlertStatus<'a> {
    state: &'a str,
    #[serde(default)]
    silenced_by: Vec<String>,
    #[serde(default)]
    inhibited_by: Vec<IgnoredAny>,
}

/// Reads silences and alerts, both requests at once, each within `timeout`.
pub async fn read_alertmanager(
    am: &Endpoint,
    timeout: Duration,
) -> Result<AlertmanagerReading, SourceError> {
    let (silences, alerts) = tokio::join!(
        exchange(am, Method::Get, "/api/v2/silences", None, timeout),
        exchange(
            am,
            Method::Get,
            "/api/v2/alerts?active=true&silenced=true&inhibited=true",
            None,
            timeout
        ),
    );
    let (silences, alerts) = (silences?, alerts?);
    read_alertmanager_answers(alertmanager_body(&silences)?, alertmanager_body(&alerts)?)
}

/// A reading from the two bodies (2xx answers), for tests and benchmarks.
pub fn read_alertmanager_answers(
    silences: &[u8],
    alerts: &[u8],
) -> Result<AlertmanagerReading, SourceError> {
    let mut notes = Notes::default();
    let silence_docs: Vec<SilenceDoc> =
        serde_json::from_slice(silences).map_err(|e| garbled(silences, &e))?;
    let alert_docs: Vec<AlertDoc<'_>> =
        serde_json::from_slice(alerts).map_err(|e| garbled(alerts, &e))?;
    let silences = silence_docs
        .iter()
        .filter_map(|doc| silence(doc, &mut notes))
        .collect();
    let alerts = alert_docs
        .into_iter()
        .filter_map(|doc| alert(doc, &mut notes))
        .collect();
    Ok(AlertmanagerReading {
        silences,
        alerts,
        warnings: notes.into_warnings(),
    })
}

fn silence(doc: &SilenceDoc, notes: &mut Notes) -> Option<Silence> {
    let state = match doc.status.state.as_str() {
        "active" => SilenceState::Active,
        "pending" => SilenceState::Pending,
        "expired" => SilenceState::Expired,
        _ => {
            notes.drop_row("silence in an unknown state", || doc.id.clone());
            return None;
        }
    };
    let (Some(starts_at), Some(ends_at)) = (time(&doc.starts_at), time(&doc.ends_at)) else {
        notes.drop_row("silence without readable times", || doc.id.clone());
        return None;
    };
    // Only an equality matcher names one server or monitor; a regex or `!=` one is shown
    // as the silence's comment says, not taken as a name.
    let named = |label: &str| {
        doc.matchers
            .iter()
            .find(|m| m.name == label && m.is_equal && !m.is_regex)
            .map(|m| printable(&m.value))
    };
    Some(Silence {
        server: named("server"),
        monitor: named("monitor"),
        health_set: named("health_set"),
        created_by: printable(&doc.created_by),
        comment: printable(&doc.comment),
        starts_at,
        ends_at,
        state,
        id: printable(&doc.id),
    })
}

fn alert(doc: AlertDoc<'_>, notes: &mut Notes) -> Option<FiringAlert> {
    let labels = &doc.labels;
    let (Some(server), Some(health_set), Some(monitor)) = (
        Text::of(labels.server.as_ref()),
        Text::of(labels.health_set.as_ref()),
        Text::of(labels.monitor.as_ref()),
    ) else {
        return None; // not healthdeck's
    };
    let named = || format!("{monitor} on {server}");
    let state = match doc.status.state {
        "active" => AlertmanagerState::Active,
        "suppressed" => AlertmanagerState::Suppressed,
        "unprocessed" => AlertmanagerState::Unprocessed,
        _ => {
            notes.drop_row("alert in an unknown state", named);
            return None;
        }
    };
    let Some(starts_at) = time(doc.starts_at) else {
        notes.drop_row("alert without a readable startsAt", named);
        return None;
    };
    Some(FiringAlert {
        server: server.to_owned(),
        health_set: health_set.to_owned(),
        monitor: monitor.to_owned(),
        starts_at,
        state,
        silenced_by: doc.status.silenced_by,
        inhibited: !doc.status.inhibited_by.is_empty(),
    })
}
