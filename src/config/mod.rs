//! Configuration files: the one YAML parse function, XDG paths, themes, the inventory.

pub mod inventory;
pub mod keys;
pub mod lang;
pub mod locate;
pub mod paths;
pub mod prescan;
pub mod read;
pub mod theme;

use crate::i18n::said::Carried;
use crate::i18n::{Said, Tr};
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fmt;
use std::path::Path;

/// A configuration error a person can act on: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file (or `<embedded NAME>`) the text came from.
    pub origin: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What is wrong: the catalogs' words (said in the reader's language) around the
    /// file's own words and names.
    pub message: Said,
}

impl ConfigError {
    pub fn new(origin: &str, message: impl Into<Said>) -> ConfigError {
        ConfigError {
            origin: origin.to_owned(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// An error at the first place `value` appears in `text` as the value of `key`, for
    /// cross-reference checks that run after parsing (serde_yaml keeps no spans). Where the
    /// text holds no such line (flow style), the first place `value` appears; else 1:1.
    pub fn at_value(
        origin: &str,
        text: &str,
        key: &str,
        value: &str,
        message: impl Into<Said>,
    ) -> ConfigError {
        let mut error = ConfigError::new(origin, message);
        for (n, line) in text.lines().enumerate() {
            let Some(k) = line.find(&format!("{key}:")) else {
                continue;
            };
            let rest = &line[k + key.len() + 1..];
            if let Some(v) = rest.find(value) {
                error.line = Some(n + 1);
                // Columns count characters, as editors do, not bytes.
                error.column = Some(line[..k + key.len() + 1 + v].chars().count() + 1);
                return error;
            }
        }
        let at = text.find(value).unwrap_or(0);
        let (line, column) = read::position(text.as_bytes(), at);
        (error.line, error.column) = (Some(line), Some(column));
        error
    }

    /// An error at a 1-based line and column.
    pub fn at(origin: &str, (line, column): (usize, usize), message: impl Into<Said>) -> Self {
        let mut error = ConfigError::new(origin, message);
        (error.line, error.column) = (Some(line), Some(column));
        error
    }
}

impl ConfigError {
    /// `file:line:column: message`, the message in `tr`'s language. The place stays in
    /// this form in every language: editors and terminals jump to it.
    pub fn in_language(&self, tr: Tr) -> String {
        format!("{}: {}", self.place(), self.message.in_language(tr))
    }

    /// The same as a message, for errors that carry a configuration error in theirs.
    pub fn said(&self) -> Said {
        Said::new("finding-at")
            .text("place", self.place())
            .said("finding", self.message.clone())
    }

    /// `file:line:column`, or the file alone.
    fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.origin),
            _ => self.origin.clone(),
        }
    }
}

/// In English: logs, `--lang`-less errors and tests.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Tr::english()))
    }
}

impl std::error::Error for ConfigError {}

/// Every YAML document goes through here, so the parser can be swapped and every error
/// names file, line and column. A linear pre-scan refuses what would make the parser slow
/// or would come back without a position (ARCHITECTURE "Bounded loading").
pub fn parse_yaml<T: DeserializeOwned>(text: &str, origin: &str) -> Result<T, ConfigError> {
    if let Some(found) = prescan::refusal(text) {
        return Err(prescan::error(origin, found));
    }
    serde_yaml::from_str(text).map_err(|e| {
        let location = e.location();
        let full = e.to_string();
        // serde_yaml appends " at line L column C"; we print the location in front instead.
        let message = match full.rfind(" at line ") {
            Some(i) if location.is_some() => full[..i].to_owned(),
            _ => full,
        };
        let place = match &location {
            Some(at) => Some((at.line(), at.column())),
            None => unplaced(text, &message),
        };
        let (line, column) = place.unwrap_or((1, 1));
        let duplicate = message
            .strip_prefix("duplicate field `")
            .or_else(|| message.strip_prefix("duplicate entry with key \""))
            .and_then(|rest| rest.split(['`', '"']).next())
            .and_then(|key| prescan::duplicate_key(text, (line, column), key));
        let (line, column) = duplicate.unwrap_or((line, column));
        let tab = text
            .lines()
            .nth(line - 1)
            .and_then(|l| l.chars().nth(column - 1))
            == Some('\t');
        ConfigError {
            origin: origin.to_owned(),
            line: Some(line),
            column: Some(column),
            message: if tab {
                Said::new("finding-yaml-tab")
            } else {
                reworded(&message)
            },
        }
    })
}

/// The place of an error serde_yaml reports without one.
fn unplaced(text: &str, message: &str) -> Option<(usize, usize)> {
    if message.contains("more than one document") {
        prescan::second_document(text)
    } else if message.contains("repetition limit") {
        prescan::alias_bomb(text)
    } else {
        None
    }
}

/// serde_yaml's words where they do not tell an engineer what to do; a check of ours made
/// while parsing (`Carried`) as its message, after serde's path to the value; else
/// serde_yaml's own words.
fn reworded(message: &str) -> Said {
    if let Some((path, said)) = Carried::found_in(message) {
        return match path.strip_suffix(": ") {
            Some(place) => Said::new("finding-at")
                .text("place", place)
                .said("finding", said),
            None => said,
        };
    }
    if message.contains("more than one document") {
        Said::new("finding-yaml-second-document")
    } else if message.contains("repetition limit") {
        Said::new("finding-yaml-alias-bomb")
    } else {
        Said::as_is(message)
    }
}

/// What a `--theme` / `--scenario` value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Theme,
    Scenario,
}

impl Named {
    /// As origins write it: `<built-in theme default>`.
    pub fn word(self) -> &'static str {
        match self {
            Named::Theme => "theme",
            Named::Scenario => "scenario",
        }
    }
}

/// Why a `--theme` / `--scenario` value could not be read.
#[derive(Debug)]
pub enum Lookup {
    /// Neither a built-in name nor an existing file.
    Unknown {
        kind: Named,
        name: String,
        built_in: Vec<&'static str>,
    },
    /// A file that exists but cannot be read.
    Unreadable(ConfigError),
}

impl Lookup {
    /// What went wrong, as a message and its values.
    pub fn said(&self) -> Said {
        match self {
            Lookup::Unknown {
                kind,
                name,
                built_in,
            } => Said::new(match kind {
                Named::Theme => "finding-theme-unknown",
                Named::Scenario => "finding-scenario-unknown",
            })
            .text("name", name)
            .text("known", built_in.join(", ")),
            Lookup::Unreadable(e) => e.said(),
        }
    }
}

/// In English.
impl fmt::Display for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

/// The text behind a built-in name or a file path, with the origin errors should name.
pub fn read_named(
    name_or_file: &str,
    built_in: &[(&'static str, &'static str)],
    kind: Named,
) -> Result<(String, Cow<'static, str>), Lookup> {
    if let Some((name, text)) = built_in.iter().find(|(n, _)| *n == name_or_file) {
        let kind = kind.word();
        return Ok((format!("<built-in {kind} {name}>"), Cow::Borrowed(*text)));
    }
    let path = Path::new(name_or_file);
    if !path.exists() {
        return Err(Lookup::Unknown {
            kind,
            name: name_or_file.to_owned(),
            built_in: built_in.iter().map(|(n, _)| *n).collect(),
        });
    }
    read::read_capped(path, name_or_file, read::cap_for(kind.word()))
        .map(|text| (name_or_file.to_owned(), Cow::Owned(text)))
        .map_err(Lookup::Unreadable)
}
