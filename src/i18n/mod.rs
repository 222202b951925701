//! Every word the console shows, in the engineer's language: Fluent catalogs under
//! `locales/<code>/healthdeck.ftl`, compiled in, looked up by message id. Fluent because a
//! message is a whole sentence with its own plural rules per language (Korean and Japanese
//! have none, Portuguese two), not a string glued from English pieces.
//!
//! Lookups are pure (the catalogs are parsed once from the binary), so views and `update`
//! may call them. A message missing in a language falls back to English; `lint` and the
//! catalog test say which.

mod catalog;
pub mod check;
pub mod said;
pub mod words;

pub use catalog::{SOURCES, build_again, message_ids};
use fluent_bundle::{FluentArgs, FluentValue};
pub use said::Said;
use std::borrow::Cow;

pub use crate::config::lang::LANGUAGES;

/// A value put into a message: a count (chooses the plural form) or a text.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Count(i64),
    Text(Cow<'a, str>),
}

/// Counts of every integer type the console keeps.
macro_rules! counts {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}

counts!(u16, u32, u64, usize, i64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Arg::Text(text)
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

/// The messages of one language. Copy it freely: it is an index into static catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    language: usize,
}

/// English, the reference every catalog is checked against.
impl Default for Tr {
    fn default() -> Tr {
        Tr::english()
    }
}

impl Tr {
    /// The catalog for a language code of [`LANGUAGES`]; English for any other.
    pub fn of(language: &str) -> Tr {
        Tr {
            language: LANGUAGES.iter().position(|l| *l == language).unwrap_or(0),
        }
    }

    pub fn english() -> Tr {
        Tr { language: 0 }
    }

    /// The language code.
    pub fn code(self) -> &'static str {
        LANGUAGES[self.language]
    }

    /// A number with one decimal, written as the language writes it: `1.5` in English,
    /// Korean, Japanese and Chinese, `1,5` in Brazilian Portuguese.
    pub fn decimal(self, value: f64) -> String {
        format!("{value:.1}").replace('.', self.decimal_point().encode_utf8(&mut [0; 4]))
    }

    /// What separates a number's whole part from its fraction in this language.
    pub fn decimal_point(self) -> char {
        if self.code() == "pt-BR" { ',' } else { '.' }
    }

    /// A message without placeholders. An id no catalog knows comes back as itself, so a
    /// slip shows on screen instead of an empty cell (and the catalog test names it).
    pub fn text(self, id: &'static str) -> &'static str {
        catalog::plain(self.language, id)
            .or_else(|| catalog::plain(0, id))
            .unwrap_or(id)
    }

    /// A message with its placeholders filled: `args` are (name, value) pairs.
    pub fn fmt(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(text.as_ref()),
            };
            fluent.set(*name, value);
        }
        catalog::format(self.language, id, &fluent)
            .or_else(|| catalog::format(0, id, &fluent))
            .unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_language_is_english_and_an_unknown_id_shows_itself() {
        assert_eq!(Tr::of("xx").code(), "en");
        assert_eq!(Tr::of("ja").text("no-such-message"), "no-such-message");
    }

    #[test]
    fn a_decimal_is_written_as_the_language_writes_it() {
        assert_eq!(Tr::of("pt-BR").decimal(29.25), "29,2");
        for language in ["en", "ko", "ja", "zh-TW"] {
            assert_eq!(Tr::of(language).decimal(1.25), "1.2", "{language}");
        }
    }
}
