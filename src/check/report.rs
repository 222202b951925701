//! `healthdeck check`'s verdict: the Nagios first line, the text lines and the JSON
//! document (ARCHITECTURE "check output"), from the probes' outcomes and, where the inventory
//! has the source, Exchange's own verdict (`super::exchange`). Pure: no I/O, no clock.

use super::exchange::ExchangeChecked;
use crate::health::{HealthSet, Probe, Server};
use crate::i18n::Tr;
use crate::runtime::probe::{Phase, ProbeOutcome};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use std::time::Duration;

/// The JSON document's version.
pub const SCHEMA: &str = "healthdeck.check/1";

/// Nagios states, worst last; the process exits with the worst one's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }

    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One probe of one endpoint, as checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub health_set: HealthSet,
    pub probe: Probe,
    /// `host:port (tls)`.
    pub endpoint: String,
    /// The outcome, or why the probe could not run (no credentials, no endpoint).
    pub outcome: Result<ProbeOutcome, String>,
}

impl Checked {
    pub fn status(&self, warning: Duration) -> Status {
        match &self.outcome {
            Err(_) => Status::Unknown,
            Ok(o) if !o.succeeded => Status::Critical,
            Ok(o) if o.total > warning => Status::Warning,
            Ok(_) => Status::Ok,
        }
    }
}

pub struct ServerChecks {
    pub server: Server,
    pub probes: Vec<Checked>,
    /// Exchange's verdict; `None` when the inventory has no Managed Availability source.
    pub exchange: Option<ExchangeChecked>,
}

impl ServerChecks {
    /// One status per check: each probe, then each of Exchange's monitors (or the one
    /// UNKNOWN of a poll without a verdict).
    fn statuses(&self, warning: Duration) -> impl Iterator<Item = Status> + '_ {
        let exchange = self
            .exchange
            .as_ref()
            .map(ExchangeChecked::statuses)
            .unwrap_or_default();
        self.probes
            .iter()
            .map(move |c| c.status(warning))
            .chain(exchange)
    }
}

/// The whole run's verdict.
pub fn status(servers: &[ServerChecks], warning: Duration) -> Status {
    servers
        .iter()
        .flat_map(|s| s.statuses(warning))
        .max()
        .unwrap_or(Status::Unknown)
}

/// `HEALTHDECK CRITICAL - 2/12 unhealthy | 'cas-01 ImapCTPProbe'=23ms;5000;;0 …`: the
/// checks not OK of all checks, then the probes' latencies (Exchange's monitors have none).
pub fn first_line(servers: &[ServerChecks], warning: Duration) -> String {
    let all: Vec<Status> = servers.iter().flat_map(|s| s.statuses(warning)).collect();
    let failing = all.iter().filter(|s| **s != Status::Ok).count();
    let mut perf = Vec::new();
    for s in servers {
        for c in &s.probes {
            if let Ok(o) = &c.outcome {
                perf.push(format!(
                    "'{} {}'={}ms;{};;0",
                    s.server.name,
                    c.probe.name(),
                    o.total.as_millis(),
                    warning.as_millis()
                ));
            }
        }
    }
    let verdict = status(servers, warning);
    let mut line = format!(
        "HEALTHDECK {} - {failing}/{} unhealthy",
        verdict.word(),
        all.len()
    );
    if !perf.is_empty() {
        line.push_str(" | ");
        line.push_str(&perf.join(" "));
    }
    line
}

/// One line per probe under the first: the status, where, and what went wrong.
/// The first line is Nagios' and stays English; the rest is in `tr`'s language.
pub fn text(tr: Tr, servers: &[ServerChecks], warning: Duration) -> String {
    let mut out = first_line(servers, warning);
    out.push('\n');
    for s in servers {
        for c in &s.probes {
            let what = match &c.outcome {
                Err(why) => tr.fmt("check-not-run", &[("why", why.into())]),
                Ok(o) => {
                    let took = format!("{} ms", o.total.as_millis());
                    match &o.error {
                        Some(error) => format!("{error} ({took})"),
                        None => tr.fmt("check-succeeded", &[("took", took.into())]),
                    }
                }
            };
            out.push_str(&format!(
                "{:<8} {} {} {} {}: {what}\n",
                c.status(warning).word(),
                s.server.name,
                c.health_set.name(),
                c.probe.name(),
                c.endpoint
            ));
        }
        if let Some(exchange) = &s.exchange {
            out.push_str(&exchange.text(tr, &s.server.name));
        }
    }
    out
}

/// The JSON document: the contract's fields, and `exchange` per server with the source.
pub fn json(servers: &[ServerChecks], warning: Duration, checked_at: DateTime<Utc>) -> Value {
    let verdict = status(servers, warning);
    let servers: Vec<Value> = servers
        .iter()
        .map(|s| {
            let probes: Vec<Value> = s.probes.iter().map(|c| probe_json(c, warning)).collect();
            let mut server = json!({
                "name": s.server.name,
                "role": s.server.role.label(),
                "site": s.server.site,
                "probes": probes,
            });
            // Only where the inventory has the source: without it the document is as before.
            if let (Some(exchange), Some(map)) = (&s.exchange, server.as_object_mut()) {
                map.insert("exchange".to_owned(), exchange.json());
            }
            server
        })
        .collect();
    json!({
        "schema": SCHEMA,
        "checked_at": checked_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "exit": verdict.code(),
        "servers": servers,
    })
}

fn probe_json(c: &Checked, warning: Duration) -> Value {
    let (result, kind, error, phases) = match &c.outcome {
        Err(why) => (
            "unknown",
            Value::Null,
            Value::String(why.clone()),
            Map::new(),
        ),
        Ok(o) => {
            let mut phases = Map::new();
            for phase in Phase::ALL {
                let ms = o
                    .phases
                    .get(phase)
                    .map_or(Value::Null, |d| json!(d.as_secs_f64() * 1_000.0));
                phases.insert(phase.name().to_owned(), ms);
            }
            let result = match c.status(warning) {
                Status::Ok => "ok",
                Status::Warning => "slow",
                _ => "failed",
            };
            (
                result,
                o.error_kind.map_or(Value::Null, |k| json!(k.name())),
                o.error.clone().map_or(Value::Null, Value::String),
                phases,
            )
        }
    };
    json!({
        "health_set": c.health_set.name(),
        "probe": c.probe.name(),
        "endpoint": c.endpoint,
        "result": result,
        "error_kind": kind,
        "error": error,
        "phases_ms": phases,
    })
}
