//! What every Prometheus API v1 answer wraps its data in:
//! `{"status":"success"|"error","data":…,"errorType":…,"error":…,"warnings":[…]}`, and what
//! an Alertmanager API v2 error body says.

use super::error::{SourceError, garbled};
use super::http::Answer;
use super::notes::Notes;
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
struct Envelope<'a, T> {
    status: &'a str,
    data: Option<T>,
    #[serde(rename = "errorType", borrow)]
    error_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    error: Option<Cow<'a, str>>,
    #[serde(default)]
    warnings: Vec<String>,
}

/// go-swagger's error body.
#[derive(Deserialize)]
struct Message {
    message: String,
}

/// The data of a Prometheus answer, its warnings noted. An error status (whatever the HTTP
/// code: Prometheus answers 400, 422 and 503 with a body) is the API's reason; an HTTP error
/// without such a body (a proxy's page) is the HTTP error; anything else is garbled.
pub(crate) fn prometheus_data<'a, T: Deserialize<'a>>(
    answer: &'a Answer,
    notes: &mut Notes,
) -> Result<T, SourceError> {
    prometheus_body(answer.status, &answer.reason, &answer.body, notes)
}

pub(crate) fn prometheus_body<'a, T: Deserialize<'a>>(
    status: u16,
    reason: &str,
    body: &'a [u8],
    notes: &mut Notes,
) -> Result<T, SourceError> {
    let envelope: Envelope<'a, T> = match serde_json::from_slice(body) {
        Ok(envelope) => envelope,
        Err(_) if !(200..300).contains(&status) => return Err(http_error(status, reason)),
        Err(error) => return Err(garbled(body, &error)),
    };
    for warning in &envelope.warnings {
        notes.say(warning);
    }
    match (envelope.status, envelope.data) {
        ("success", Some(data)) => Ok(data),
        ("error", _) => Err(SourceError::Api(format!(
            "{}: {}",
            envelope.error_type.as_deref().unwrap_or("error"),
            envelope.error.as_deref().unwrap_or("no reason given")
        ))),
        (status, _) => Err(SourceError::Garbled(format!(
            "status `{status}` without data"
        ))),
    }
}

/// Alertmanager's body when it is 2xx, else its reason: a JSON string
/// (`"Failed to create silence: …"`), a go-swagger `{"code","message"}`, or plain text.
pub(crate) fn alertmanager_body(answer: &Answer) -> Result<&[u8], SourceError> {
    if answer.succeeded() {
        return Ok(&answer.body);
    }
    if let Ok(said) = serde_json::from_slice::<String>(&answer.body) {
        return Err(SourceError::Api(said));
    }
    if let Ok(said) = serde_json::from_slice::<Message>(&answer.body) {
        return Err(SourceError::Api(said.message));
    }
    let text = String::from_utf8_lossy(&answer.body);
    let text = text.trim();
    if text.is_empty() || text.starts_with('<') {
        Err(http_error(answer.status, &answer.reason))
    } else {
        Err(SourceError::Api(text.to_owned()))
    }
}

fn http_error(code: u16, reason: &str) -> SourceError {
    SourceError::Http {
        code,
        reason: reason.to_owned(),
    }
}
