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
    /// Seconds, kept in milliseconds: written as the reader's language writes a decimal.
    Seconds {
        ms: i64,
    },
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

    /// A span in seconds: `300` whole, else `0.3` (`0,3` in Portuguese).
    #[must_use]
    pub fn seconds(mut self, name: &'static str, seconds: f64) -> Said {
        #[allow(clippy::cast_possible_truncation)]
        let ms = (seconds * 1_000.0).round() as i64;
        self.args.push((Cow::Borrowed(name), Value::Seconds { ms }));
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
        self.rendered(tr, 0)
    }

    /// In `tr`'s language when every message it names is one the catalogs know (a record
    /// from another version may name others); `None` otherwise.
    pub fn known_in(&self, tr: Tr) -> Option<String> {
        self.all_known().then(|| self.in_language(tr))
    }

    /// A recorded note as a reader says it: its message in `tr`'s language, else (a record
    /// from before notes were kept as messages, or from another version) its English words.
    pub fn recorded(said: Option<&Said>, note: Option<&str>, tr: Tr) -> Option<String> {
        said.and_then(|s| s.known_in(tr))
            .or_else(|| note.map(str::to_owned))
    }

    fn all_known(&self) -> bool {
        super::catalog::knows(&self.id)
            && self.args.iter().all(|(_, value)| match value {
                Value::Said(said) => said.all_known(),
                Value::Text(_) | Value::Count(_) | Value::Seconds { .. } => true,
            })
    }

    /// A record is read from disk, so a `said` may be built to hurt: nesting is cut at
    /// `DEEPEST` and every nested part at `LONGEST` characters, so that a message using a
    /// placeholder twice cannot double its length level after level.
    fn rendered(&self, tr: Tr, depth: usize) -> String {
        const DEEPEST: usize = 24;
        const LONGEST: usize = 2_000;
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Value::Text(text) => Arg::Text(Cow::Borrowed(text)),
                    Value::Count(n) => Arg::Count(*n),
                    Value::Seconds { ms } if ms % 1_000 == 0 => {
                        Arg::Text(Cow::Owned((ms / 1_000).to_string()))
                    }
                    #[allow(clippy::cast_precision_loss)]
                    Value::Seconds { ms } => Arg::Text(Cow::Owned(tr.decimal(*ms as f64 / 1e3))),
                    Value::Said(_) if depth >= DEEPEST => Arg::Text(Cow::Borrowed("…")),
                    Value::Said(said) => {
                        let mut text = said.rendered(tr, depth + 1);
                        if let Some((at, _)) = text.char_indices().nth(LONGEST) {
                            text.truncate(at);
                            text.push('…');
                        }
                        Arg::Text(Cow::Owned(text))
                    }
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

/// A `Said` carried through a parser that takes only text (serde's custom errors, which
/// serde_yaml places at their line and column): its text is the message marked, which
/// `config::parse_yaml` turns back into the `Said`. A check made while parsing keeps its
/// place and is still said in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried(pub Said);

/// The mark around a carried message (a control character no YAML text can hold).
const CARRIED: char = '\u{1}';

impl fmt::Display for Carried {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json = serde_json::to_string(&self.0).map_err(|_| fmt::Error)?;
        write!(f, "{CARRIED}{json}{CARRIED}")
    }
}

impl Carried {
    /// The words before a carried message in `text` (serde's path to the value), and the
    /// message; `None` when `text` carries none.
    pub fn found_in(text: &str) -> Option<(&str, Said)> {
        let (before, rest) = text.split_once(CARRIED)?;
        let (json, _) = rest.split_once(CARRIED)?;
        Some((before, serde_json::from_str(json).ok()?))
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
        let slow = Said::new("said-timed-out").seconds("secs", 0.3);
        assert!(
            slow.english().starts_with("timed out after 0.3 s"),
            "{slow}"
        );
        assert!(
            slow.in_language(Tr::of("pt-BR")).contains("0,3"),
            "{slow:?}"
        );
        let whole = Said::new("said-timed-out").seconds("secs", 300.0);
        assert!(
            whole.english().starts_with("timed out after 300 s"),
            "{whole}"
        );
        assert_eq!(why.known_in(Tr::english()), Some(why.english()));
        let newer = Said::new("said-from-a-later-version").said("why", why.clone());
        assert_eq!(newer.known_in(Tr::english()), None);
        assert_eq!(Said::all([why.clone()]), Some(why));
    }

    /// A record's `said` built to hurt: a message that uses its placeholder twice, nested
    /// forty deep, would double its length at every level.
    #[test]
    fn a_nested_said_from_a_record_stays_small() {
        let mut said = Said::as_is("A");
        for _ in 0..40 {
            said = Said::new("finding-runbook-unknown-call").said("procedure", said);
        }
        let json = serde_json::to_string(&said).expect("serialize");
        let read: Said = serde_json::from_str(&json).expect("a record's depth");
        let shown = read.in_language(Tr::of("ja"));
        assert!(shown.chars().count() < 10_000, "{} chars", shown.len());
    }
}
