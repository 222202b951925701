//! Reading the named expectations out of `ConvertTo-Json` output. ConvertTo-Json writes a
//! single object for one result and an array for several, and nothing at all for none.

use crate::runbook::step::StepCall;
use crate::runbook::vocabulary::{Expectation, RecoveryAction};
use serde_json::Value;

/// What a step's output established.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub facts: Vec<(Expectation, bool)>,
    /// `identify_mailbox_server`: the `_Mbx:` of the probe's error, as written there.
    pub mailbox_server: Option<String>,
}

/// Output that does not say what the step needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The database copy states only an active copy can be in.
const ACTIVE_STATES: [&str; 4] = ["Mounted", "Mounting", "Dismounting", "Dismounted"];

/// The objects of the output. Empty output is no answer, not "no rows": Windows
/// PowerShell prints nothing for an empty result and also when the command never reached
/// its `ConvertTo-Json`, and unknown must never read as healthy.
fn objects(stdout: &str) -> Result<Vec<Value>, ReadError> {
    if stdout.trim().is_empty() {
        return Err(ReadError(
            "no result: the output was empty, so nothing was read".to_owned(),
        ));
    }
    match serde_json::from_str::<Value>(stdout) {
        Ok(Value::Array(items)) => Ok(items),
        Ok(object @ Value::Object(_)) => Ok(vec![object]),
        Ok(other) => Err(ReadError(format!("expected JSON objects, got {other}"))),
        Err(e) => Err(ReadError(format!("the output is not JSON: {e}"))),
    }
}

fn text<'v>(object: &'v Value, field: &str) -> Result<&'v str, ReadError> {
    match object.get(field) {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Null) | None => Err(ReadError(format!("no {field} in the output"))),
        Some(other) => Err(ReadError(format!(
            "{field} is {other}, not a name (was -EnumsAsStrings lost?)"
        ))),
    }
}

/// Reads the expectations of `call`'s action from its standard output.
pub fn read(call: &StepCall, stdout: &str) -> Result<Reading, ReadError> {
    let mut reading = Reading::default();
    match call.action {
        RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer => {
            let all = objects(stdout)?;
            let result = all
                .first()
                .ok_or_else(|| ReadError("the probe returned no result".to_owned()))?;
            let succeeded = text(result, "ResultType")? == "Succeeded";
            reading.facts.push((Expectation::ProbeSucceeded, succeeded));
            if call.action == RecoveryAction::IdentifyMailboxServer {
                let error = result.get("Error").and_then(Value::as_str).unwrap_or("");
                reading.mailbox_server = mailbox_in(error);
                // A probe that passes now names no back end: nothing to look for.
                if reading.mailbox_server.is_none() && !succeeded {
                    return Err(ReadError(
                        "the probe's error names no Mailbox server (_Mbx:)".to_owned(),
                    ));
                }
            }
        }
        RecoveryAction::CheckActiveCopies => {
            let mut none_active = true;
            for copy in objects(stdout)? {
                if ACTIVE_STATES.contains(&text(&copy, "Status")?) {
                    none_active = false;
                }
            }
            reading
                .facts
                .push((Expectation::NoActiveCopies, none_active));
        }
        RecoveryAction::CheckServerHealth | RecoveryAction::WaitAndRecheck => {
            let monitor = call.monitor;
            let mut healthy = true;
            let mut monitor_value = None;
            let entries = objects(stdout)?;
            if entries.is_empty() {
                return Err(ReadError(
                    "Get-ServerHealth listed no monitor: nothing was read".to_owned(),
                ));
            }
            for entry in entries {
                let alert = text(&entry, "AlertValue")?;
                healthy &= alert != "Unhealthy";
                let name = entry.get("Name").and_then(Value::as_str).unwrap_or("");
                let set = entry
                    .get("HealthSetName")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if name.eq_ignore_ascii_case(monitor.name())
                    && set.eq_ignore_ascii_case(monitor.health_set().name())
                {
                    monitor_value = Some(alert == "Healthy");
                }
            }
            reading.facts.push((Expectation::ServerHealthy, healthy));
            if let Some(value) = monitor_value {
                reading.facts.push((Expectation::MonitorHealthy, value));
            }
        }
        RecoveryAction::CheckComponentState => {
            let all = objects(stdout)?;
            let [component] = all.as_slice() else {
                return Err(ReadError(format!(
                    "expected the state of {}, got {} objects",
                    call.protocol.proxy_component(),
                    all.len()
                )));
            };
            let wanted = call.protocol.proxy_component();
            let named = text(component, "Component")?;
            if !named.eq_ignore_ascii_case(wanted) {
                return Err(ReadError(format!(
                    "expected the state of {wanted}, got {:?}",
                    clip(named)
                )));
            }
            reading
                .facts
                .push((Expectation::ComponentActive, component_active(component)?));
        }
        _ => {}
    }
    Ok(reading)
}

/// A component's `State`: Active, Inactive or Draining by name. No document gives the
/// enum's numbers, so a number (Windows PowerShell 5.1 without -EnumsAsStrings) is refused
/// rather than guessed.
fn component_active(component: &Value) -> Result<bool, ReadError> {
    match text(component, "State")? {
        "Active" => Ok(true),
        "Inactive" | "Draining" => Ok(false),
        other => Err(ReadError(format!(
            "State is {:?}, not Active, Inactive or Draining",
            clip(other)
        ))),
    }
}

/// At most 40 characters of a value quoted in an error.
fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

/// The server after `_Mbx:` in a probe error: "… _Mbx:mbx-02.contoso.com …".
fn mailbox_in(error: &str) -> Option<String> {
    let at = error.find("_Mbx:")?;
    let name: String = error[at + 5..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .collect();
    let name = name.trim_end_matches('.');
    (!name.is_empty()).then(|| name.to_owned())
}
