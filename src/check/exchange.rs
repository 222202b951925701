//! Exchange's own verdict in `healthdeck check`: one poll per server, its monitors taken as
//! Exchange says them and mapped to Nagios states, their text lines and their JSON object
//! (ARCHITECTURE "check output"). Pure: no I/O, no clock.

use super::report::Status;
use crate::health::AlertValue;
use crate::health::exchange::{ExchangeMonitor, Verdict, one_line};
use crate::i18n::Tr;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// A server's one poll, as `check` ran it: `Ok(None)` for an empty answer, `Err` with why
/// it failed (`runtime::exchange::once`).
#[derive(Debug, Clone)]
pub struct ExchangeChecked {
    pub answer: Result<Option<Verdict>, String>,
}

/// Exchange's alert as a Nagios state; `None` for Disabled, which is left out.
pub fn status_of(alert: AlertValue) -> Option<Status> {
    match alert {
        AlertValue::Unhealthy => Some(Status::Critical),
        AlertValue::Degraded | AlertValue::Repairing => Some(Status::Warning),
        AlertValue::Unknown => Some(Status::Unknown),
        AlertValue::Healthy => Some(Status::Ok),
        AlertValue::Disabled => None,
    }
}

impl ExchangeChecked {
    /// The monitors Exchange answered with; none when the poll failed or said nothing.
    fn monitors(&self) -> &[ExchangeMonitor] {
        match &self.answer {
            Ok(Some(verdict)) => &verdict.monitors,
            _ => &[],
        }
    }

    /// Why the server has no verdict from Exchange, when it has none: the poll's failure,
    /// an empty answer, or an answer without a monitor. Unknown is never healthy.
    pub fn why(&self) -> Option<String> {
        self.why_in(Tr::english())
    }

    /// [`Self::why`] in `tr`'s language (a failed poll's own words stay as they are).
    fn why_in(&self, tr: Tr) -> Option<String> {
        match &self.answer {
            Err(why) => Some(why.clone()),
            Ok(None) => Some(tr.text("check-exchange-nothing").to_owned()),
            Ok(Some(verdict)) if verdict.monitors.is_empty() => {
                Some(tr.text("check-exchange-no-monitor").to_owned())
            }
            Ok(Some(_)) => None,
        }
    }

    /// One status per check: each monitor Exchange reported (Disabled left out) and a
    /// WARNING per Inactive component, or one UNKNOWN for a poll without a verdict.
    pub fn statuses(&self) -> Vec<Status> {
        if self.why().is_some() {
            return vec![Status::Unknown];
        }
        let mut statuses: Vec<Status> = self
            .monitors()
            .iter()
            .filter_map(|m| status_of(m.alert))
            .collect();
        // A proxy taken offline turns clients away before any monitor says so: a warning.
        if let Ok(Some(verdict)) = &self.answer {
            statuses.extend(verdict.inactive().map(|_| Status::Warning));
        }
        statuses
    }

    /// `answered`, `empty` or `failed`.
    pub fn poll_word(&self) -> &'static str {
        match &self.answer {
            Ok(Some(_)) => "answered",
            Ok(None) => "empty",
            Err(_) => "failed",
        }
    }

    /// The lines under the first for one server: the poll's failure, else each monitor
    /// that is not Healthy (or one OK line when all are), then the Inactive components.
    pub fn text(&self, tr: Tr, server: &str) -> String {
        let mut out = String::new();
        if let Some(why) = self.why_in(tr) {
            let why = one_line(&why, 160);
            out.push_str(&format!(
                "{:<8} {server} {}\n",
                Status::Unknown.word(),
                tr.fmt("check-exchange-poll", &[("why", why.into())])
            ));
        }
        let counted: Vec<&ExchangeMonitor> = self
            .monitors()
            .iter()
            .filter(|m| m.alert != AlertValue::Disabled)
            .collect();
        if !counted.is_empty() && counted.iter().all(|m| m.alert == AlertValue::Healthy) {
            out.push_str(&format!(
                "{:<8} {server} {}\n",
                Status::Ok.word(),
                tr.fmt("check-exchange-healthy", &[("count", counted.len().into())])
            ));
        }
        for m in counted.iter().filter(|m| m.alert != AlertValue::Healthy) {
            let status = status_of(m.alert).unwrap_or(Status::Unknown);
            let stale = if m.is_stale {
                format!(", {}", tr.text("check-stale"))
            } else {
                String::new()
            };
            let error = m
                .error
                .as_deref()
                .map(|e| one_line(e, 160))
                .filter(|e| !e.is_empty())
                .map_or_else(String::new, |e| format!(": {e}"));
            out.push_str(&format!(
                "{:<8} {server} {} {} {}{stale}{error}\n",
                status.word(),
                m.health_set.name(),
                m.name,
                tr.fmt(
                    "check-exchange-monitor",
                    &[("alert", m.alert.word().into())]
                )
            ));
        }
        if let Ok(Some(verdict)) = &self.answer {
            for c in verdict.inactive() {
                let by = if c.requesters.is_empty() {
                    String::new()
                } else {
                    let requesters = c.requesters.join(", ");
                    let by = tr.fmt("check-requested-by", &[("requesters", requesters.into())]);
                    format!(", {by}")
                };
                out.push_str(&format!(
                    "{:<8} {server} {}: {}{by}\n",
                    Status::Warning.word(),
                    c.name,
                    one_line(&c.state, 160)
                ));
            }
        }
        out
    }

    /// The server's `exchange` object: the poll, why it has no verdict, every monitor and
    /// every component Exchange reported.
    pub fn json(&self) -> Value {
        let monitors: Vec<Value> = self.monitors().iter().map(monitor_json).collect();
        let components: Vec<Value> = match &self.answer {
            Ok(Some(verdict)) => verdict
                .components
                .iter()
                .map(|c| {
                    json!({
                        "component": c.name,
                        "state": c.state,
                        "requesters": c.requesters,
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut object = json!({
            "poll": self.poll_word(),
            "monitors": monitors,
            "components": components,
        });
        if let (Some(why), Some(map)) = (self.why(), object.as_object_mut()) {
            map.insert("why".to_owned(), Value::String(why));
        }
        object
    }
}

fn monitor_json(m: &ExchangeMonitor) -> Value {
    let time = |t: Option<DateTime<Utc>>| {
        t.map_or(Value::Null, |t| {
            json!(t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        })
    };
    json!({
        "health_set": m.health_set.name(),
        "monitor": m.name,
        "alert": m.alert.word(),
        "reported": m.reported.word(),
        // null: Disabled, left out of the verdict.
        "status": status_of(m.alert).map(|s| s.word().to_ascii_lowercase()),
        "error": m.error,
        "is_stale": m.is_stale,
        "last_execution": time(m.last_execution),
        "last_result": m.last_result,
    })
}

/// Exchange's errors run to paragraphs with stack traces: one line for a terminal, at most
/// 160 characters (JSON keeps them whole).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alert_maps_to_its_nagios_state_and_disabled_is_left_out() {
        let mapped: Vec<Option<Status>> = AlertValue::ALL.into_iter().map(status_of).collect();
        assert_eq!(
            mapped,
            [
                Some(Status::Critical),
                Some(Status::Warning),
                Some(Status::Warning),
                Some(Status::Unknown),
                Some(Status::Ok),
                None
            ]
        );
    }

    #[test]
    fn an_error_becomes_one_clipped_line() {
        assert_eq!(one_line("a\r\n  b\tc\u{1b}[2J", 160), "a b c?[2J");
        let long = "x".repeat(200);
        let clipped = one_line(&long, 160);
        assert_eq!(clipped.chars().count(), 161);
        assert!(clipped.ends_with('…'));
    }

    #[test]
    fn a_poll_without_a_verdict_is_one_unknown_check_with_its_reason() {
        let failed = ExchangeChecked {
            answer: Err("the poll failed (exit 1): WinRM".to_owned()),
        };
        assert_eq!(failed.statuses(), [Status::Unknown]);
        assert_eq!(failed.json()["why"], "the poll failed (exit 1): WinRM");
        let empty = ExchangeChecked { answer: Ok(None) };
        assert_eq!(empty.statuses(), [Status::Unknown]);
        assert_eq!(empty.poll_word(), "empty");
        let nothing = ExchangeChecked {
            answer: Ok(Some(Verdict::default())),
        };
        assert_eq!(nothing.statuses(), [Status::Unknown]);
        assert!(nothing.text(Tr::english(), "ex-01").contains("no monitor"));
    }
}
