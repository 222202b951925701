//! A JSON string borrowed from the answer: `Option<Cow<str>>` deserializes owned even with
//! `#[serde(borrow)]`, which was two allocations per row of an 80,000-row answer.

use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Borrowed when the JSON string has no escapes, owned when it has.
#[derive(Debug)]
pub(crate) struct Text<'a>(Cow<'a, str>);

impl<'a> Text<'a> {
    /// A string read without escapes (by the vector scanner).
    pub fn borrowed(text: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An optional field's text.
    pub fn of<'s>(field: Option<&'s Text<'_>>) -> Option<&'s str> {
        field.map(Text::as_str)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor).map(Text)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E: Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_are_borrowed_and_escaped_ones_owned() {
        let plain: Text<'_> = serde_json::from_str(r#""mbx01""#).unwrap();
        assert!(matches!(plain.0, Cow::Borrowed("mbx01")));
        let escaped: Text<'_> = serde_json::from_str(r#""a\u0026b""#).unwrap();
        assert!(matches!(escaped.0, Cow::Owned(ref s) if s == "a&b"));
    }
}
