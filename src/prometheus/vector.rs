//! An instant vector answer of the probe queries, read borrowed: by the scanner when the
//! answer has exactly the shape Prometheus writes, by serde otherwise. Both give the same
//! rows, warnings and errors (tested on every captured answer and on generated ones); the
//! scanner only declines, it never decides an error.
//! (ARCHITECTURE "Prometheus and Alertmanager readers")

use super::envelope::prometheus_body;
use super::error::SourceError;
use super::notes::Notes;
use super::text::Text;
use super::vector_scan::scan;
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Vector<'a> {
    #[serde(rename = "resultType")]
    pub result_type: &'a str,
    #[serde(borrow)]
    pub result: Vec<Row<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Row<'a> {
    #[serde(borrow)]
    pub metric: Labels<'a>,
    /// `[evaluation time, "value"]`: values are strings (`"1"`, `"NaN"`, `"+Inf"`).
    #[serde(borrow)]
    pub value: (f64, &'a str),
}

#[derive(Deserialize, Default)]
pub(super) struct Labels<'a> {
    #[serde(borrow, default)]
    pub server: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub probe: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub kind: Option<Text<'a>>,
}

/// Which reader reads an answer: the scanner first (serde when it declines), or serde alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    ScanFirst,
    #[cfg_attr(not(test), allow(dead_code))]
    SerdeOnly,
}

/// The vector in an answer (its HTTP status and reason, its body), its warnings noted.
pub(super) fn read_vector<'a>(
    status: u16,
    reason: &str,
    body: &'a [u8],
    reader: Reader,
    notes: &mut Notes,
) -> Result<Vector<'a>, SourceError> {
    if reader == Reader::ScanFirst
        && let Some((vector, warnings)) = scan(body)
    {
        for warning in &warnings {
            notes.say(warning);
        }
        return Ok(vector);
    }
    prometheus_body(status, reason, body, notes)
}

#[cfg(test)]
#[path = "vector_tests.rs"]
mod tests;
