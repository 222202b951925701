//! Reading a rendered screen for the languages' tests: the English words left on it, and
//! whether a box's edges are whole.

use healthdeck::i18n::Tr;
use unicode_width::UnicodeWidthStr;

/// ASCII words on a CJK screen that are not English chrome: names from the fleet, the
/// scenario and Exchange, keys, product names, units and paths.
pub const NOT_CHROME: &[&str] = &[
    "IMAP",
    "POP",
    "Proxy",
    "Protocol",
    "cas",
    "mbx",
    "imap",
    "backend",
    "down",
    "TRAINING",
    "Esc",
    "Enter",
    "Tab",
    "PgUp",
    "PgDn",
    "Space",
    "Home",
    "End",
    "Up",
    "Down",
    "Left",
    "Right",
    "ctrl",
    "fg",
    "Alertmanager",
    "Exchange",
    "state",
    "healthdeck",
    "log",
    "ACK",
    "MBX",
    "CAS",
    "PRXY",
    "OK",
    "Active",
    "Directory",
    "ms",
    "UTC",
    "BE",
    "AMS",
    "DUB",
    "ex",
    "Mailbox",
    "Bksp",
    "Prx",
    "Prt",
    "Ctrl",
    "Server",
    // Japanese writes a database as DB (the runbooks' own titles).
    "DB",
];

/// Names that end or start like the domain's own: monitors, probes, Windows services.
pub fn is_name(word: &str) -> bool {
    ["Monitor", "Probe", "Gt"]
        .iter()
        .any(|end| word.ends_with(end))
        || ["Imap", "Pop", "MSExchange"]
            .iter()
            .any(|start| word.starts_with(start))
}

/// The Latin words of a screen that should have been translated. What follows a monitor's
/// name and a colon in the problems list is why it fails: a probe's error, in the server's
/// own words, is not chrome.
pub fn english_left(screen: &str) -> Vec<String> {
    let mut left = Vec::new();
    let chrome = screen
        .lines()
        .map(|l| l.split("Monitor: ").next().unwrap_or(l));
    for word in chrome.flat_map(|l| l.split(|c: char| !c.is_ascii_alphabetic())) {
        if word.len() >= 2 && !NOT_CHROME.contains(&word) && !is_name(word) {
            left.push(word.to_owned());
        }
    }
    left.sort();
    left.dedup();
    left
}

/// The English texts of `ids` that the language translates differently: none may show.
pub fn english_texts_left(screen: &str, language: &str, ids: &[&'static str]) -> Vec<&'static str> {
    let (en, tr) = (Tr::english(), Tr::of(language));
    ids.iter()
        .map(|id| en.text(id))
        .zip(ids.iter().map(|id| tr.text(id)))
        .filter(|(english, own)| english != own && english.len() >= 4)
        .filter(|(english, _)| contains_word(screen, english))
        .map(|(english, _)| english)
        .collect()
}

/// `text` in `screen` as whole words: Portuguese `confirmar` does not hold `confirm`.
fn contains_word(screen: &str, text: &str) -> bool {
    screen.match_indices(text).any(|(at, _)| {
        let before = screen[..at].chars().next_back();
        let after = screen[at + text.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// The character at display column `x` of a line (a wide character covers two).
pub fn at_column(line: &str, x: usize) -> Option<char> {
    let mut column = 0;
    for c in line.chars() {
        if column == x {
            return Some(c);
        }
        column += c.to_string().width();
        if column > x {
            return None;
        }
    }
    None
}

/// Whether the help box's edges are whole: both sides `│` on every row between its corners.
pub fn box_intact(screen: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines.iter().position(|l| l.contains('┌')) else {
        return false;
    };
    let Some(bottom) = lines.iter().position(|l| l.contains('└')) else {
        return false;
    };
    let left = lines[top][..lines[top].find('┌').unwrap()].width();
    let right = lines[top][..lines[top].find('┐').unwrap()].width();
    lines[top + 1..bottom]
        .iter()
        .all(|l| at_column(l, left) == Some('│') && at_column(l, right) == Some('│'))
}

/// What the help box holds, row by row (the screen around it is the grid's).
pub fn inside_box(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines.iter().position(|l| l.contains('┌')).unwrap();
    let bottom = lines.iter().position(|l| l.contains('└')).unwrap();
    let left = lines[top][..lines[top].find('┌').unwrap()].width();
    let right = lines[top][..lines[top].find('┐').unwrap()].width();
    let mut inside = String::new();
    for line in &lines[top..=bottom] {
        let mut column = 0;
        for c in line.chars() {
            if column >= left && column <= right {
                inside.push(c);
            }
            column += c.to_string().width();
        }
        inside.push('\n');
    }
    inside
}

/// A screen without the lines that carry a server's own words (probe errors, Exchange's).
pub fn without_errors(screen: &str, language: &str) -> String {
    let error = Tr::of(language).text("drill-label-error");
    let mut kept = String::new();
    let mut in_error = false;
    for line in screen.lines() {
        // An error's continuation lines are indented under it with an empty label.
        in_error = line.contains(error) || (in_error && line.starts_with("             "));
        if !in_error {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}
