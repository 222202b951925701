//! One key as the table and `keys.yaml` name it: `n`, `N`, `?`, `Enter`, `PgDn`, `ctrl-c`.

use crate::i18n::Said;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub code: KeyCode,
    /// With Control (`ctrl-c`); the letter is then lower case.
    pub ctrl: bool,
}

/// Named keys: (names accepted, first one written; the key).
const NAMED: &[(&[&str], KeyCode)] = &[
    (&["Enter", "Return"], KeyCode::Enter),
    (&["Esc", "Escape"], KeyCode::Esc),
    (&["Backspace", "Bksp"], KeyCode::Backspace),
    (&["Tab"], KeyCode::Tab),
    (&["Space"], KeyCode::Char(' ')),
    (&["Up"], KeyCode::Up),
    (&["Down"], KeyCode::Down),
    (&["Left"], KeyCode::Left),
    (&["Right"], KeyCode::Right),
    (&["PgUp", "PageUp"], KeyCode::PageUp),
    (&["PgDn", "PageDown"], KeyCode::PageDown),
    (&["Home"], KeyCode::Home),
    (&["End"], KeyCode::End),
];

impl KeyPress {
    pub const fn plain(code: KeyCode) -> KeyPress {
        KeyPress { code, ctrl: false }
    }

    /// The key a terminal event stands for (Shift is in the letter: `N`).
    pub fn from_event(key: KeyEvent) -> KeyPress {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let code = match key.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        KeyPress { code, ctrl }
    }

    /// `n`, `N`, `?`, `Enter`, `PgDn`, `F1`, `ctrl-c` (names are case-insensitive; a single
    /// letter is not: `n` and `N` are two keys).
    pub fn parse(text: &str) -> Result<KeyPress, Said> {
        let text = text.trim();
        if let Some(rest) = text
            .get(..5)
            .filter(|p| p.eq_ignore_ascii_case("ctrl-"))
            .map(|_| &text[5..])
        {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(KeyPress {
                    code: KeyCode::Char(c.to_ascii_lowercase()),
                    ctrl: true,
                }),
                _ => Err(Said::new("finding-keys-ctrl").text("key", text)),
            };
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return if c.is_control() || c.is_whitespace() {
                Err(Said::new("finding-keys-not-a-key-name").text("key", format!("{text:?}")))
            } else {
                Ok(KeyPress::plain(KeyCode::Char(c)))
            };
        }
        for (names, code) in NAMED {
            if names.iter().any(|n| n.eq_ignore_ascii_case(text)) {
                return Ok(KeyPress::plain(*code));
            }
        }
        if let Some(n) = text
            .strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            return Ok(KeyPress::plain(KeyCode::F(n)));
        }
        Err(Said::new("finding-keys-not-a-key").text("key", text))
    }

    /// As help and the status bar show it; arrows as glyphs unless `ascii`.
    pub fn label(self, ascii: bool) -> String {
        if let (true, KeyCode::Char(c)) = (self.ctrl, self.code) {
            return format!("Ctrl-{}", c.to_ascii_uppercase());
        }
        let arrow = |glyph: &str, word: &str| if ascii { word } else { glyph }.to_owned();
        match self.code {
            KeyCode::Up => arrow("↑", "Up"),
            KeyCode::Down => arrow("↓", "Down"),
            KeyCode::Left => arrow("←", "Left"),
            KeyCode::Right => arrow("→", "Right"),
            KeyCode::Backspace => "Bksp".to_owned(),
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, named)| *named == code)
                .map_or_else(|| format!("{code:?}"), |(names, _)| names[0].to_owned()),
        }
    }
}

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(true))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_the_same_key() {
        for name in [
            "n", "N", "?", "/", ">", "Enter", "Esc", "Bksp", "Space", "Up", "PgDn", "Home", "F1",
            "F12", "ctrl-c", "Tab",
        ] {
            let key = KeyPress::parse(name).unwrap();
            let label = key.label(true);
            assert_eq!(
                KeyPress::parse(&label.replace("Ctrl-", "ctrl-")),
                Ok(key),
                "{name}"
            );
        }
        assert_eq!(KeyPress::parse("escape"), KeyPress::parse("Esc"));
        assert_eq!(
            KeyPress::parse("CTRL-B").unwrap(),
            KeyPress {
                code: KeyCode::Char('b'),
                ctrl: true
            }
        );
        assert_ne!(KeyPress::parse("n"), KeyPress::parse("N"));
        for bad in ["", "ctrl-", "ctrl-1", "F13", "Enterr", "\t", "ab"] {
            assert!(KeyPress::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_terminal_event_is_its_key() {
        let shifted = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Ok(KeyPress::from_event(shifted)), KeyPress::parse("N"));
        let ctrl = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::CONTROL);
        assert_eq!(Ok(KeyPress::from_event(ctrl)), KeyPress::parse("ctrl-c"));
    }
}
