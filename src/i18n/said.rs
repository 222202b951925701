//! What the console says about a step — why it ended so, why it did not start — kept as a
//! message and its values until someone reads it: the record writes it in English, the
//! screen in the engineer's language (ARCHITECTURE "Languages"). The runtime and the
//! guardrails say things this way, so they never need to know the console's language.

use super::{Arg, Tr};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A message of the catalogs with its values. In the record (beside the English words) it is
/// `{"id": …, "args": [[name, value], …]}`: ids and values, no language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Value)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Value {
    /// Words kept as they are: a server's, a path, an error of the system.
    Text(String),
    Count(i64),
    /// Words of the console's own, said in the same language as the rest.
    Said(Box<Said>),
}

impl Said {
    pub fn new(id: &'static str) -> Said {
        Said {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// Words from elsewhere (a process, the system, a server), as they are.
    pub fn as_is(text: impl Into<String>) -> Said {
        Said::new("said-as-is").text("text", text)
    }

    /// `first; then`: two things said about one step.
    #[must_use]
    pub fn and(self, then: Said) -> Said {
        Said::new("said-and").said("first", self).said("then", then)
    }

    /// Everything in `all`, one after another; `None` when nothing was said.
    pub fn all(all: impl IntoIterator<Item = Said>) -> Option<Said> {
        all.into_iter().reduce(Said::and)
    }

    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Said {
        self.args
            .push((Cow::Borrowed(name), Value::Text(value.into())));
        self
    }

    #[must_use]
    pub fn count(mut self, name: &'static str, value: impl TryInto<i64>) -> Said {
        let value = value.try_into().unwrap_or(i64::MAX);
        self.args.push((Cow::Borrowed(name), Value::Count(value)));
        self
    }

    #[must_use]
    pub fn said(mut self, name: &'static str, value: Said) -> Said {
        self.args
            .push((Cow::Borrowed(name), Value::Said(Box::new(value))));
        self
    }

    /// The message id, for tests and for telling one kind of refusal from another.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// In `tr`'s language.
    pub fn in_language(&self, tr: Tr) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Value::Text(text) => Arg::Text(Cow::Borrowed(text)),
                    Value::Count(n) => Arg::Count(*n),
                    Value::Said(said) => Arg::Text(Cow::Owned(said.in_language(tr))),
                };
                (name.as_ref(), value)
            })
            .collect();
        tr.fmt(&self.id, &args)
    }

    /// In English, as the record keeps it.
    pub fn english(&self) -> String {
        self.in_language(Tr::english())
    }
}

/// Words from elsewhere (a parser's message, a path), as they are.
impl From<String> for Said {
    fn from(text: String) -> Said {
        Said::as_is(text)
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Said {
        Said::as_is(text)
    }
}

/// English: logs, errors and the record.
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_console_follow_the_language_and_words_from_elsewhere_stay() {
        let why = Said::new("said-cannot-run-here").said("why", Said::as_is("ENOENT: /x"));
        let both = why.clone().and(Said::new("said-output-held-open"));
        let english = both.english();
        assert!(
            english.starts_with("ENOENT: /x: this step cannot run here; "),
            "{english}"
        );
        let japanese = both.in_language(Tr::of("ja"));
        assert!(japanese.contains("ENOENT: /x"), "{japanese}");
        assert!(!japanese.contains("cannot run here"), "{japanese}");
        assert_eq!(Said::all(Vec::new()), None);
        assert_eq!(Said::all([why.clone()]), Some(why));
    }
}
