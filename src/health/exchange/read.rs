//! Reading a poll's answer. healthdeck's poll script writes its own JSON (enums as words,
//! dates ISO 8601 UTC, always arrays: `command::managed`), but the reader also takes what
//! `ConvertTo-Json` writes by itself on Windows PowerShell 5.1 and pwsh 7: enums as
//! numbers, dates as `/Date(ms)/`, a single object for one row, nothing at all for none
//! (no data, never healthy).

use super::json::{Row, Scalar, Top};
use super::{Component, ExchangeMonitor, Verdict, printable};
use crate::health::alert::AlertValue;
use crate::health::catalog::HealthSet;
use crate::health::monitors::Monitor;
use chrono::{DateTime, NaiveDateTime, Utc};
use std::fmt;

/// An answer that is not one: not JSON, or JSON of another shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The poll's standard output, read. `Ok(None)`: the answer was empty.
pub fn read(stdout: &str) -> Result<Option<Verdict>, ReadError> {
    if stdout.trim().is_empty() {
        return Ok(None);
    }
    let top: Top = serde_json::from_str(stdout).map_err(|e| {
        ReadError(format!(
            "Exchange's answer is not JSON ({})",
            super::one_line(&e.to_string(), 80)
        ))
    })?;
    let (rows, components) = match top {
        Top::Ours { health, components } => (health, components),
        Top::Rows(rows) => (rows, Vec::new()),
        Top::Row(row) => (vec![*row], Vec::new()),
    };
    let mut verdict = Verdict::default();
    for set in HealthSet::ALL {
        for row in rows.iter().filter(|r| health_set(r) == Some(set)) {
            verdict.monitors.push(monitor(set, row)?);
        }
    }
    verdict.components = components
        .into_iter()
        .filter_map(|c| {
            Some(Component {
                name: printable(c.text("Component")?),
                state: printable(c.text("State").unwrap_or("Unknown")),
                requesters: c.requesters.iter().map(|r| printable(r)).collect(),
            })
        })
        .collect();
    if verdict.monitors.is_empty() && verdict.components.is_empty() && !rows.is_empty() {
        return Err(ReadError(
            "Exchange's answer holds no monitor of the IMAP or POP health sets".to_owned(),
        ));
    }
    Ok(Some(verdict))
}

fn health_set(row: &Row) -> Option<HealthSet> {
    // Get-ServerHealth says HealthSetName; Get-HealthReport says HealthSet.
    let name = row
        .text("HealthSetName")
        .or_else(|| row.text("HealthSet"))?;
    HealthSet::ALL
        .into_iter()
        .find(|s| s.name().eq_ignore_ascii_case(name))
}

fn monitor(set: HealthSet, row: &Row) -> Result<ExchangeMonitor, ReadError> {
    let name = row
        .text("Name")
        .ok_or_else(|| ReadError(format!("a monitor of {} has no Name", set.name())))?;
    let alert = row.get("AlertValue").and_then(alert_value).ok_or_else(|| {
        ReadError(format!(
            "{} has no AlertValue Exchange uses ({})",
            super::one_line(name, 80),
            row.get("AlertValue")
                .map_or("none".to_owned(), Scalar::shown)
        ))
    })?;
    let is_stale = row.get("IsStale").is_some_and(Scalar::truth);
    let reported = alert;
    let alert = if is_stale && reported == AlertValue::Healthy {
        AlertValue::Unknown
    } else {
        reported
    };
    let error = [row.text("Error"), row.text("Exception")]
        .into_iter()
        .flatten()
        .find(|e| !e.trim().is_empty())
        .map(printable);
    Ok(ExchangeMonitor {
        health_set: set,
        seed: seed(set, name),
        name: printable(name),
        alert,
        reported,
        last_transition: row.get("LastTransitionTime").and_then(instant),
        first_alert: row.get("FirstAlertObservedTime").and_then(instant),
        error,
        is_stale,
        last_execution: row.get("LastExecutionTime").and_then(instant),
        last_result: row
            .get("LastExecutionResult")
            .and_then(result_type)
            .map(|r| printable(&r)),
        target_resource: row.text("TargetResource").map(printable),
        health_set_state: row
            .get("CurrentHealthSetState")
            .and_then(health_set_state)
            .map(|s| printable(&s)),
    })
}

/// The seeds' monitor of that name. One seed heading says "ImapTestDeepMonitor": the
/// same monitor (ARCHITECTURE "Monitor names").
fn seed(set: HealthSet, name: &str) -> Option<Monitor> {
    Monitor::find(set, name).or_else(|| {
        let deep = Monitor::of(set).find(|m| m.kind == crate::health::MonitorKind::DeepTest)?;
        let alias = deep.name().replace("DeepTest", "TestDeep");
        alias.eq_ignore_ascii_case(name).then_some(deep)
    })
}

/// `MonitorAlertState`: Unknown 0, Healthy 1, Degraded 2, Unhealthy 3, Repairing 4,
/// Disabled 5.
fn alert_value(value: &Scalar) -> Option<AlertValue> {
    const BY_NUMBER: [AlertValue; 6] = [
        AlertValue::Unknown,
        AlertValue::Healthy,
        AlertValue::Degraded,
        AlertValue::Unhealthy,
        AlertValue::Repairing,
        AlertValue::Disabled,
    ];
    match value {
        Scalar::Int(n) => usize::try_from(*n)
            .ok()
            .and_then(|i| BY_NUMBER.get(i))
            .copied(),
        Scalar::Str(word) => BY_NUMBER
            .into_iter()
            .find(|a| a.word().eq_ignore_ascii_case(word.trim())),
        _ => None,
    }
}

/// Probe `ResultType`: Timeout 1, Poisoned 2, Succeeded 3, Failed 4, Quarantined 5,
/// Rejected 6.
fn result_type(value: &Scalar) -> Option<String> {
    const BY_NUMBER: [&str; 7] = [
        "Unknown",
        "Timeout",
        "Poisoned",
        "Succeeded",
        "Failed",
        "Quarantined",
        "Rejected",
    ];
    word_or_number(value, &BY_NUMBER)
}

/// An enum as its name: a word as written, a number by its place in `names`.
fn word_or_number(value: &Scalar, names: &[&str]) -> Option<String> {
    match value {
        Scalar::Int(n) => usize::try_from(*n)
            .ok()
            .and_then(|i| names.get(i))
            .map(|w| (*w).to_owned()),
        Scalar::Str(word) if !word.trim().is_empty() => Some(word.trim().to_owned()),
        _ => None,
    }
}

/// `CurrentHealthSetState`: Unknown 0, NotApplicable 1, Online 2, PartiallyOnline 3,
/// Offline 4, Functional 5, Sidelined 6.
fn health_set_state(value: &Scalar) -> Option<String> {
    const BY_NUMBER: [&str; 7] = [
        "Unknown",
        "NotApplicable",
        "Online",
        "PartiallyOnline",
        "Offline",
        "Functional",
        "Sidelined",
    ];
    word_or_number(value, &BY_NUMBER)
}

/// An ISO 8601 time (with a zone, or UTC when it has none) or `/Date(ms)/`; `None` for
/// DateTime.MinValue, Exchange's "never".
fn instant(value: &Scalar) -> Option<DateTime<Utc>> {
    let Scalar::Str(text) = value else {
        return None;
    };
    let text = text.trim();
    let at = if let Some(inner) = text
        .strip_prefix("/Date(")
        .and_then(|t| t.strip_suffix(")/"))
    {
        // `/Date(1700000000000)/`, or with an offset after the milliseconds (`+0100`):
        // the milliseconds are UTC either way.
        // A leading `-` is the sign, not an offset; digits are ASCII, so the cut is on a
        // character boundary.
        let (sign, digits) = inner
            .strip_prefix('-')
            .map_or((1, inner), |rest| (-1, rest));
        let end = digits.find(['+', '-']).unwrap_or(digits.len());
        let millis: i64 = digits.get(..end)?.parse().ok()?;
        DateTime::from_timestamp_millis(sign * millis)?
    } else if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        at.to_utc()
    } else {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
            .ok()?
            .and_utc()
    };
    (at.timestamp() > -62_135_596_800 + 86_400).then_some(at)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(text: &str) -> Option<DateTime<Utc>> {
        instant(&Scalar::Str(text.to_owned()))
    }

    #[test]
    fn dates_read_in_every_form_exchange_writes() {
        let want = DateTime::from_timestamp(1_700_000_000, 0);
        assert_eq!(at("/Date(1700000000000)/"), want);
        assert_eq!(at("/Date(1700000000000+0100)/"), want);
        assert_eq!(at("2023-11-14T22:13:20.0000000Z"), want);
        assert_eq!(at("2023-11-14T23:13:20+01:00"), want);
        assert_eq!(at("2023-11-14T22:13:20"), want);
        assert_eq!(
            at("0001-01-01T00:00:00"),
            None,
            "DateTime.MinValue is never"
        );
        assert_eq!(at("/Date(-62135596800000)/"), None);
        assert_eq!(at("yesterday"), None);
    }

    #[test]
    fn alert_values_read_as_numbers_and_words_and_nothing_else() {
        assert_eq!(alert_value(&Scalar::Int(3)), Some(AlertValue::Unhealthy));
        assert_eq!(alert_value(&Scalar::Int(0)), Some(AlertValue::Unknown));
        assert_eq!(alert_value(&Scalar::Int(5)), Some(AlertValue::Disabled));
        assert_eq!(alert_value(&Scalar::Int(6)), None);
        assert_eq!(
            alert_value(&Scalar::Str("degraded".into())),
            Some(AlertValue::Degraded)
        );
        assert_eq!(alert_value(&Scalar::Str("Fine".into())), None);
        assert_eq!(alert_value(&Scalar::Bool(true)), None);
    }
}
