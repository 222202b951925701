//! The shapes an answer comes in, read with serde without allocating for what is not
//! used: healthdeck's `{Health, Components}`, an array of rows, one row, 5.1's wrapped
//! arrays. Field names are matched case-insensitively, as PowerShell names properties.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The top of an answer: healthdeck's own `{Health, Components}`, or what
/// `ConvertTo-Json` wrote by itself: an array of rows, or one row.
pub(super) enum Top {
    Ours {
        health: Vec<Row>,
        components: Vec<Row>,
    },
    Rows(Vec<Row>),
    Row(Box<Row>),
}

/// The fields the reader uses, in `Row::fields` order.
const KNOWN: [&str; 15] = [
    "Name",
    "CurrentHealthSetState",
    "HealthSetName",
    "HealthSet",
    "AlertValue",
    "LastTransitionTime",
    "FirstAlertObservedTime",
    "LastExecutionTime",
    "LastExecutionResult",
    "TargetResource",
    "Error",
    "Exception",
    "IsStale",
    "Component",
    "State",
];

/// A row's known scalar fields; every other field (5.1 writes thirty) is skipped unread.
#[derive(Default)]
pub(super) struct Row {
    fields: [Option<Scalar>; KNOWN.len()],
    pub requesters: Vec<String>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&Scalar> {
        let at = KNOWN.iter().position(|k| *k == name)?;
        self.fields[at].as_ref()
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Scalar::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

/// A map key, matched without allocating: JSON keys are compared case-insensitively, as
/// PowerShell names properties.
#[derive(Clone, Copy)]
enum Key {
    Known(usize),
    Health,
    Components,
    Requesters,
    /// 5.1's wrapped array: `{"value": [...], "Count": n}`.
    Value,
    Other,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                let is = |name: &str| v.eq_ignore_ascii_case(name);
                Ok(if let Some(i) = KNOWN.iter().position(|k| is(k)) {
                    Key::Known(i)
                } else if is("Health") {
                    Key::Health
                } else if is("Components") {
                    Key::Components
                } else if is("Requesters") {
                    Key::Requesters
                } else if v == "value" {
                    Key::Value
                } else {
                    Key::Other
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// A number with a fraction, an object or an array: nothing a field here holds.
    Other,
}

impl Scalar {
    pub fn truth(&self) -> bool {
        match self {
            Scalar::Bool(b) => *b,
            Scalar::Str(s) => s.eq_ignore_ascii_case("true"),
            Scalar::Int(n) => *n != 0,
            _ => false,
        }
    }

    pub fn shown(&self) -> String {
        match self {
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(n) => n.to_string(),
            Scalar::Str(s) => format!("\"{}\"", super::one_line(s, 80)),
            Scalar::Other => "a structure".to_owned(),
        }
    }
}

impl<'de> de::Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Top, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = Top;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of monitors or one object")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Top, A::Error> {
                rows(seq).map(Top::Rows)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut row = Row::default();
                let (mut health, mut components, mut ours) = (Vec::new(), Vec::new(), false);
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Health => health = map.next_value::<Rows>()?.0,
                        Key::Components => components = map.next_value::<Rows>()?.0,
                        key => {
                            field(&mut row, key, &mut map)?;
                            continue;
                        }
                    }
                    ours = true;
                }
                Ok(if ours {
                    Top::Ours { health, components }
                } else {
                    Top::Row(Box::new(row))
                })
            }
        }
        deserializer.deserialize_any(TopVisitor)
    }
}

/// Rows an answer may hold. A whole server's `Get-ServerHealth`, unfiltered, is some
/// 1,500; the poll script's, some 40. More is not an answer: refused as it streams by, so
/// memory and the time to apply it stay bounded.
pub const MOST_ROWS: usize = 5_000;

fn rows<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Vec<Row>, A::Error> {
    let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
    while let Some(row) = seq.next_element::<Row>()? {
        if rows.len() == MOST_ROWS {
            return Err(de::Error::custom(format!(
                "more than {MOST_ROWS} rows: not an answer"
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

fn field<'de, A: MapAccess<'de>>(row: &mut Row, key: Key, map: &mut A) -> Result<(), A::Error> {
    match key {
        Key::Known(i) => row.fields[i] = Some(map.next_value::<Scalar>()?),
        Key::Requesters => row.requesters = map.next_value::<Words>()?.0,
        _ => {
            map.next_value::<IgnoredAny>()?;
        }
    }
    Ok(())
}

/// An array of rows, or one row where 5.1 unrolled a single-element array.
struct Rows(Vec<Row>);

impl<'de> de::Deserialize<'de> for Rows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rows, D::Error> {
        struct RowsVisitor;
        impl<'de> Visitor<'de> for RowsVisitor {
            type Value = Rows;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of objects")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Rows, E> {
                Ok(Rows(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Rows, A::Error> {
                rows(seq).map(Rows)
            }
            // One row where 5.1 unrolled a single-element array, or 5.1's wrapped array
            // (`{"value": [...], "Count": n}`).
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rows, A::Error> {
                let (mut row, mut wrapped) = (Row::default(), None);
                while let Some(key) = map.next_key::<Key>()? {
                    if let Key::Value = key {
                        wrapped = Some(map.next_value::<Rows>()?);
                    } else {
                        field(&mut row, key, &mut map)?;
                    }
                }
                Ok(wrapped.unwrap_or(Rows(vec![row])))
            }
        }
        deserializer.deserialize_any(RowsVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = Row;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
        let mut row = Row::default();
        while let Some(key) = map.next_key::<Key>()? {
            field(&mut row, key, &mut map)?;
        }
        Ok(row)
    }
}

impl<'de> de::Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Row, D::Error> {
        deserializer.deserialize_map(RowVisitor)
    }
}

/// Requesters: an array of words, or one string of them (what depth 2 leaves); a type
/// name (`System.Object[]`) says nothing.
struct Words(Vec<String>);

impl<'de> de::Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Words, D::Error> {
        struct WordsVisitor;
        impl<'de> Visitor<'de> for WordsVisitor {
            type Value = Words;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("requesters")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Words, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Words, E> {
                if v.starts_with("System.") {
                    return Ok(Words(Vec::new()));
                }
                let words = v.split([',', ' ']).filter(|w| !w.is_empty());
                Ok(Words(words.map(str::to_owned).collect()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Words, A::Error> {
                let mut words = Vec::new();
                while let Some(value) = seq.next_element::<Scalar>()? {
                    if let Scalar::Str(w) = value
                        && !w.is_empty()
                    {
                        words.push(w);
                    }
                }
                Ok(Words(words))
            }
        }
        deserializer.deserialize_any(WordsVisitor)
    }
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v).map_or(Scalar::Other, Scalar::Int))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}
