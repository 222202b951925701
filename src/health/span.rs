//! Durations as people write them in YAML: `90s`, `5m`, `1h`, `250ms`, or plain seconds.

use chrono::TimeDelta;
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A non-negative length of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span(pub TimeDelta);

impl Span {
    pub fn seconds(s: i64) -> Span {
        Span(TimeDelta::seconds(s))
    }

    pub fn minutes(m: i64) -> Span {
        Span(TimeDelta::minutes(m))
    }

    pub fn parse(text: &str) -> Result<Span, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let value: f64 = number
            .parse()
            .map_err(|_| format!("`{text}` is not a duration (try 30s, 5m or 1h)"))?;
        let millis_per_unit = match unit.trim() {
            "ms" => 1.0,
            "" | "s" => 1_000.0,
            "m" | "min" => 60_000.0,
            "h" => 3_600_000.0,
            other => {
                return Err(format!(
                    "unknown unit `{other}` in `{text}` (use ms, s, m or h)"
                ));
            }
        };
        Span::millis(value * millis_per_unit, text)
    }

    /// Keeps spans within a year: no window of a console needs more, and far larger ones
    /// would overflow date arithmetic.
    fn millis(ms: f64, text: &str) -> Result<Span, String> {
        const YEAR_MS: f64 = 366.0 * 86_400_000.0;
        if !(0.0..=YEAR_MS).contains(&ms) {
            return Err(format!("`{text}` is negative or longer than a year"));
        }
        Ok(Span(TimeDelta::milliseconds(ms as i64)))
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0.num_milliseconds();
        if ms % 3_600_000 == 0 && ms > 0 {
            write!(f, "{}h", ms / 3_600_000)
        } else if ms % 60_000 == 0 && ms > 0 {
            write!(f, "{}m", ms / 60_000)
        } else if ms % 1_000 == 0 {
            write!(f, "{}s", ms / 1_000)
        } else {
            write!(f, "{ms}ms")
        }
    }
}

struct SpanVisitor;

impl serde::de::Visitor<'_> for SpanVisitor {
    type Value = Span;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration such as 30s, 5m or 1h")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Span, E> {
        Span::millis(v as f64 * 1_000.0, &format!("{v}s")).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Span, E> {
        Span::millis(v as f64 * 1_000.0, &format!("{v}s")).map_err(E::custom)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Span, E> {
        Span::parse(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SpanVisitor)
    }
}
