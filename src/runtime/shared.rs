//! Reads Prometheus and Alertmanager every refresh (and at once after an
//! acknowledgement), places what they say in the fleet, and makes and expires silences.
//! Each read and each silence is its own task: a slow Alertmanager never holds the console
//! (ARCHITECTURE "Health from Prometheus").

use super::FleetClock;
use crate::event::{AckDone, Event};
use crate::health::shared::{Ack, AckRequest, AckSource, SharedAlert, SharedReading, SharedUpdate};
use crate::health::{Monitor, Probe, ProbeReport};
use crate::prometheus::{self as api, Endpoint, SilenceState};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// Where the fleet's health is read, and how the fleet's names are known there.
pub struct SharedReader {
    pub prometheus: Endpoint,
    pub alertmanager: Option<Endpoint>,
    pub refresh: Duration,
    pub timeout: Duration,
    /// Server names, lower-cased, to their place in the fleet.
    pub servers: HashMap<String, usize>,
}

/// What the loop keeps to act on acknowledgements and to ask for a read now.
#[derive(Clone)]
pub struct SharedHandle {
    pub alertmanager: Option<Endpoint>,
    pub timeout: Duration,
    pub read_now: mpsc::Sender<()>,
}

/// Reads until the console ends: every `refresh`, or at once when asked.
pub async fn run(
    reader: Arc<SharedReader>,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
    mut now: mpsc::Receiver<()>,
) {
    loop {
        let update = read_once(&reader, clock).await;
        if tx.send(Event::Shared(update)).await.is_err() {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(reader.refresh) => {}
            asked = now.recv() => if asked.is_none() { return },
        }
    }
}

/// One read of Prometheus (and Alertmanager, when there is one), placed in the fleet's
/// terms. Public for the console benchmark (`benches/prometheus_console.rs`).
pub async fn read_once(reader: &SharedReader, clock: FleetClock) -> SharedUpdate {
    let at = clock.now();
    let prometheus = api::read_prometheus(&reader.prometheus, reader.timeout);
    let acks = async {
        match &reader.alertmanager {
            None => None,
            Some(am) => Some(api::read_alertmanager(am, reader.timeout).await),
        }
    };
    let (prometheus, acks) = tokio::join!(prometheus, acks);
    match prometheus {
        Err(why) => SharedUpdate::Failed {
            at,
            why: format!("Prometheus: {why}"),
        },
        Ok(read) => SharedUpdate::Read(place(reader, read, acks, at)),
    }
}

/// What Prometheus and Alertmanager said, in the fleet's terms; rows of servers or
/// monitors the fleet does not know are counted in a warning, not dropped in silence.
fn place(
    reader: &SharedReader,
    read: api::PrometheusReading,
    acks: Option<Result<api::AlertmanagerReading, api::SourceError>>,
    at: DateTime<Utc>,
) -> SharedReading {
    let server = |name: &str| reader.servers.get(&name.to_ascii_lowercase()).copied();
    let monitor = |set: &str, name: &str| {
        Monitor::ALL
            .into_iter()
            .find(|m| m.name() == name && m.health_set().name() == set)
    };
    let mut unknown = 0usize;
    let mut results = Vec::with_capacity(read.probes.len());
    // Taken, not copied: each row's names are let go as it is placed.
    for row in read.probes {
        let probe = Probe::all().find(|p| p.name() == row.probe);
        match (server(&row.server), probe) {
            (Some(server), Some(probe)) => results.push(ProbeReport {
                server,
                probe,
                at: row.at,
                succeeded: row.succeeded,
                latency_ms: row.duration_ms,
                error: row.error_kind,
                late_ms: 0,
            }),
            _ => unknown += 1,
        }
    }
    let mut alerts = Vec::with_capacity(read.alerts.len());
    for row in &read.alerts {
        match (server(&row.server), monitor(&row.health_set, &row.monitor)) {
            (Some(server), Some(monitor)) => alerts.push(SharedAlert {
                server,
                monitor,
                firing: matches!(row.state, api::RuleAlertState::Firing),
                active_at: row.active_at,
            }),
            _ => unknown += 1,
        }
    }
    let mut warnings = read.warnings;
    if unknown > 0 {
        warnings.push(format!(
            "{unknown} series or alerts name a server or monitor not in this inventory"
        ));
    }
    let acks = match acks {
        None => AckSource::None,
        Some(Err(why)) => AckSource::Failed(format!("Alertmanager: {why}")),
        Some(Ok(am)) => AckSource::Read(
            am.silences
                .iter()
                .filter(|s| matches!(s.state, SilenceState::Active))
                .filter_map(|s| {
                    let server = server(s.server.as_deref()?)?;
                    let name = s.monitor.as_deref()?;
                    let monitor = Monitor::ALL.into_iter().find(|m| {
                        m.name() == name
                            && s.health_set
                                .as_deref()
                                .is_none_or(|set| m.health_set().name() == set)
                    })?;
                    Some(Ack {
                        id: s.id.clone(),
                        server,
                        monitor,
                        by: s.created_by.clone(),
                        comment: s.comment.clone(),
                        until: s.ends_at,
                    })
                })
                .collect(),
        ),
    };
    SharedReading {
        at,
        results,
        alerts,
        acks,
        warnings,
    }
}

/// Creates the silence (or expires it: `made` is `None`), says what came of it, then asks
/// for a read so that every cell shows it.
pub async fn silence(
    handle: SharedHandle,
    made: Option<AckRequest>,
    expire: Option<(String, String, &'static str)>,
    tx: mpsc::Sender<Event>,
) {
    let Some(am) = &handle.alertmanager else {
        return;
    };
    let done = match (made, expire) {
        (Some(req), _) => {
            let new = api::NewSilence {
                server: req.server.clone(),
                health_set: req.health_set.to_owned(),
                monitor: req.monitor.to_owned(),
                created_by: req.by.clone(),
                comment: req.comment.clone(),
                starts_at: req.starts,
                ends_at: req.until,
            };
            let result = api::create_silence(am, &new, handle.timeout)
                .await
                .map_err(|e| e.to_string());
            AckDone {
                server: req.server.clone(),
                monitor: req.monitor,
                made: Some(req),
                result,
            }
        }
        (None, Some((id, server, monitor))) => {
            let result = api::expire_silence(am, &id, handle.timeout)
                .await
                .map(|()| id)
                .map_err(|e| e.to_string());
            AckDone {
                server,
                monitor,
                made: None,
                result,
            }
        }
        (None, None) => return,
    };
    if tx.send(Event::AckDone(done)).await.is_ok() {
        // Full: a read is already asked for.
        let _ = handle.read_now.try_send(());
    }
}
