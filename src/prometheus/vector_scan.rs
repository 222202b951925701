//! The scanner behind [`super::vector`]: one pass over an answer of exactly the shape
//! Prometheus writes for an instant vector, no whitespace, keys in its order:
//! `{"status":"success","data":{"resultType":"vector","result":[ROW,…]}}` (then
//! `,"warnings":[…]` when it has some), each row `{"metric":{"name":"value",…},"value":[<number>,"<string>"]}`.
//! Anything else — an escape or a control character in a string, whitespace, another key,
//! a label twice, a value that is not a string, invalid UTF-8 — and it declines, leaving the
//! answer to serde: it never accepts what serde would refuse, nor reads it otherwise.
//! serde's walk of the JSON alone cost about what the whole scan does, and reading its
//! keys and strings several times that (`benches/prometheus_read.rs`).

use super::text::Text;
use super::vector::{Labels, Row, Vector};

const HEAD: &[u8] = br#"{"status":"success","data":{"resultType":"vector","result":["#;
const ROW_HEAD: &[u8] = br#"{"metric":{"#;
const VALUE_HEAD: &[u8] = br#","value":["#;
const WARNINGS: &[u8] = br#","warnings":"#;

/// The vector and the answer's warnings, or `None`: not the expected shape, serde decides.
pub(super) fn scan(body: &[u8]) -> Option<(Vector<'_>, Vec<String>)> {
    // Valid UTF-8 as a whole, so every string in it is; the cursor cuts only at ASCII.
    let text = std::str::from_utf8(body).ok()?;
    let mut at = Cursor { text, pos: 0 };
    at.literal(HEAD)?;
    let mut result = Vec::with_capacity(body.len() / 100);
    let mut evaluated = Evaluated::default();
    if at.literal(b"]").is_none() {
        loop {
            result.push(at.row(&mut evaluated)?);
            if at.literal(b",").is_none() {
                at.literal(b"]")?;
                break;
            }
        }
    }
    at.literal(b"}")?;
    let warnings = if at.rest() == "}" {
        Vec::new()
    } else {
        at.literal(WARNINGS)?;
        // `[…]}` and nothing after: the array is serde's to read (warnings are rare and
        // may hold escapes).
        let array = at.rest().strip_suffix('}')?;
        serde_json::from_str::<Vec<String>>(array).ok()?
    };
    Some((
        Vector {
            result_type: "vector",
            result,
        },
        warnings,
    ))
}

/// Every row of an instant query carries its one evaluation time: read it once, with
/// serde's own number reader so that it is the very same `f64`.
#[derive(Default)]
struct Evaluated<'a> {
    text: &'a str,
    seconds: f64,
}

impl<'a> Evaluated<'a> {
    fn read(&mut self, text: &'a str) -> Option<f64> {
        if text.is_empty() || text != self.text {
            self.seconds = serde_json::from_str::<f64>(text).ok()?;
            self.text = text;
        }
        Some(self.seconds)
    }
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.pos..]
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Steps over `expected` when the text continues with it.
    fn literal(&mut self, expected: &[u8]) -> Option<()> {
        if self.bytes().starts_with(expected) {
            self.pos += expected.len();
            Some(())
        } else {
            None
        }
    }

    /// A JSON string without escapes or control characters, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.literal(b"\"")?;
        let start = self.pos;
        let length = self
            .bytes()
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        self.pos += length;
        // A backslash or a control character: serde's to read or refuse.
        self.literal(b"\"")?;
        self.text.get(start..start + length)
    }

    /// The characters a JSON number may have; whether they are one is serde's to say.
    fn number(&mut self) -> &'a str {
        let start = self.pos;
        let length = self
            .bytes()
            .iter()
            .position(|&b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .unwrap_or(self.bytes().len());
        self.pos += length;
        &self.text[start..self.pos]
    }

    fn row(&mut self, evaluated: &mut Evaluated<'a>) -> Option<Row<'a>> {
        self.literal(ROW_HEAD)?;
        let mut labels = Labels::default();
        if self.literal(b"}").is_none() {
            loop {
                let name = self.string()?;
                self.literal(b":")?;
                let value = self.string()?;
                let slot = match name {
                    "server" => Some(&mut labels.server),
                    "probe" => Some(&mut labels.probe),
                    "kind" => Some(&mut labels.kind),
                    _ => None,
                };
                if let Some(slot) = slot {
                    // serde refuses a duplicate field.
                    if slot.is_some() {
                        return None;
                    }
                    *slot = Some(Text::borrowed(value));
                }
                if self.literal(b",").is_none() {
                    self.literal(b"}")?;
                    break;
                }
            }
        }
        self.literal(VALUE_HEAD)?;
        let seconds = evaluated.read(self.number())?;
        self.literal(b",")?;
        let value = self.string()?;
        self.literal(b"]}")?;
        Some(Row {
            metric: labels,
            value: (seconds, value),
        })
    }
}
