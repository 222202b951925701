//! An acknowledgement as an Alertmanager silence (API v2): `POST /api/v2/silences` makes
//! one, `DELETE /api/v2/silence/{id}` expires it. Alertmanager checks the times itself and
//! its reason is passed on (`start time must be before end time`).

use super::NewSilence;
use super::endpoint::Endpoint;
use super::envelope::alertmanager_body;
use super::error::{SourceError, garbled};
use super::http::{Method, exchange};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostableSilence<'a> {
    matchers: [MatcherDoc<'a>; 3],
    starts_at: String,
    ends_at: String,
    created_by: &'a str,
    comment: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MatcherDoc<'a> {
    name: &'static str,
    value: &'a str,
    is_regex: bool,
    is_equal: bool,
}

#[derive(Deserialize)]
struct Created {
    #[serde(rename = "silenceID")]
    silence_id: String,
}

/// Makes the silence; its id as Alertmanager gives it. Values are matched exactly (never as
/// a regex), and an empty one is refused before asking: `server=""` would mute every alert
/// without a server label.
pub async fn create_silence(
    am: &Endpoint,
    s: &NewSilence,
    timeout: Duration,
) -> Result<String, SourceError> {
    let matcher = |name, value| MatcherDoc {
        name,
        value,
        is_regex: false,
        is_equal: true,
    };
    let matchers = [
        matcher("server", s.server.as_str()),
        matcher("monitor", s.monitor.as_str()),
        matcher("health_set", s.health_set.as_str()),
    ];
    if let Some(empty) = matchers.iter().find(|m| m.value.trim().is_empty()) {
        return Err(SourceError::Invalid(format!(
            "no {} to silence",
            empty.name
        )));
    }
    if s.created_by.trim().is_empty() {
        return Err(SourceError::Invalid("a silence needs who made it".into()));
    }
    let body = PostableSilence {
        matchers,
        starts_at: rfc3339(s.starts_at),
        ends_at: rfc3339(s.ends_at),
        created_by: &s.created_by,
        comment: &s.comment,
    };
    let json = serde_json::to_vec(&body)
        .map_err(|e| SourceError::Invalid(format!("silence not encodable: {e}")))?;
    let answer = exchange(am, Method::Post, "/api/v2/silences", Some(&json), timeout).await?;
    let body = alertmanager_body(&answer)?;
    let created: Created = serde_json::from_slice(body).map_err(|e| garbled(body, &e))?;
    if !is_silence_id(&created.silence_id) {
        return Err(SourceError::Garbled(
            "a silence id that is not a uuid".into(),
        ));
    }
    Ok(created.silence_id)
}

/// Expires the silence now (Alertmanager keeps it, expired, for its retention). The id goes
/// into the URL's path, so anything but a uuid's characters is refused before asking.
pub async fn expire_silence(am: &Endpoint, id: &str, timeout: Duration) -> Result<(), SourceError> {
    if !is_silence_id(id) {
        return Err(SourceError::Invalid(
            "that is not a silence id (a uuid)".into(),
        ));
    }
    let path = format!("/api/v2/silence/{id}");
    let answer = exchange(am, Method::Delete, &path, None, timeout).await?;
    alertmanager_body(&answer)?;
    Ok(())
}

/// A uuid's characters and length bounds: hex digits and dashes, nothing a path or a
/// query could be built from.
fn is_silence_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_uuid_characters_make_a_silence_id() {
        assert!(is_silence_id("91c57ed9-78e7-46da-8969-a0263f81c2f4"));
        for bad in [
            "",
            "../status",
            "91c57ed9 78e7",
            "abc?x=1",
            "ä",
            &"a".repeat(65),
        ] {
            assert!(!is_silence_id(bad), "{bad}");
        }
    }
}
