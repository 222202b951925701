//! Why a read or a silence did not work, in words fit for a status bar.

use crate::health::exchange::one_line;
use std::fmt;

/// What went wrong talking to Prometheus or Alertmanager. `Display` is one printable line
/// naming the reason; no URL credentials can be in it (an [`super::Endpoint`] refuses them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// No connection, or the connection broke: the address and the system's reason.
    Unreachable(String),
    /// An HTTP error without an API's reason in its body (a proxy's page, a bare 503).
    Http { code: u16, reason: String },
    /// The API said why: Prometheus' `errorType: error`, Alertmanager's message.
    Api(String),
    /// An answer that is not what the API writes: cut off, HTML, another shape.
    Garbled(String),
    /// An answer longer than [`super::MOST_BODY`].
    TooBig,
    /// No whole answer within the timeout (connect included).
    Timeout,
    /// Not sent: the request itself was refused before asking (an empty matcher value, an
    /// id that is not a silence id).
    Invalid(String),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Unreachable(why) => write!(f, "unreachable: {}", one_line(why, 160)),
            SourceError::Http { code, reason } => {
                write!(f, "HTTP {code} {}", one_line(reason, 120))
            }
            SourceError::Api(why) => write!(f, "refused: {}", one_line(why, 200)),
            SourceError::Garbled(why) => write!(f, "garbled answer: {}", one_line(why, 160)),
            SourceError::TooBig => {
                write!(f, "answer larger than {} MiB", super::http::MOST_BODY >> 20)
            }
            SourceError::Timeout => write!(f, "no answer within the timeout"),
            SourceError::Invalid(why) => write!(f, "not sent: {}", one_line(why, 160)),
        }
    }
}

impl std::error::Error for SourceError {}

/// What a body that is not the JSON expected looks like, for [`SourceError::Garbled`].
pub(crate) fn garbled(body: &[u8], error: &serde_json::Error) -> SourceError {
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    let why = match start.map(|i| body[i]) {
        None => "an empty answer".to_owned(),
        Some(b'<') => "an HTML page, not JSON (a proxy's or a login page?)".to_owned(),
        Some(_) if error.is_eof() => format!("cut off after {} bytes", body.len()),
        Some(_) => format!("not the JSON expected: {error}"),
    };
    SourceError::Garbled(why)
}
