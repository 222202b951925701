//! Small text helpers shared by the views.

use chrono::{DateTime, Utc};
use std::borrow::Cow;
use std::fmt;

/// An age a tired person reads at a glance: seconds for the first minute, then minutes,
/// then hours (with minutes under ten hours when `wide`), then days. At most four columns.
/// A `Display`, so a grid cell writes it without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Age {
    /// `None` writes only the padding: a cell with no age keeps its width.
    pub since: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
    pub wide: bool,
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(since) = self.since else {
            return write!(f, "{:width$}", "", width = f.width().unwrap_or(0));
        };
        let secs = (self.now - since).num_seconds().max(0);
        let (value, unit, minutes) = match secs {
            0..60 => (secs, 's', None),
            60..3_600 => (secs / 60, 'm', None),
            3_600..36_000 if self.wide => (secs / 3_600, 'h', Some(secs % 3_600 / 60)),
            3_600..86_400 => (secs / 3_600, 'h', None),
            _ => ((secs / 86_400).min(99), 'd', None),
        };
        let len = if value >= 10 { 3 } else { 2 } + if minutes.is_some() { 2 } else { 0 };
        let pad = f.width().unwrap_or(0).saturating_sub(len);
        let right = matches!(f.align(), Some(fmt::Alignment::Right));
        if right {
            write!(f, "{:pad$}", "")?;
        }
        write!(f, "{value}{unit}")?;
        if let Some(m) = minutes {
            write!(f, "{m:02}")?;
        }
        if !right {
            write!(f, "{:pad$}", "")?;
        }
        Ok(())
    }
}

/// [`Age`] as a string.
pub fn age(since: DateTime<Utc>, now: DateTime<Utc>, wide: bool) -> String {
    Age {
        since: Some(since),
        now,
        wide,
    }
    .to_string()
}

/// A short lapse of time, to the second: `45s`, `2m10s`, `1h05m`.
pub fn lapse(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs}s"),
        60..3_600 => format!("{}m{:02}s", secs / 60, secs % 60),
        _ => format!("{}h{:02}m", secs / 3_600, secs % 3_600 / 60),
    }
}

/// `HH:MM` of training time elapsed: minutes, so an idle screen does not tick every second.
pub fn clock(elapsed_secs: i64) -> String {
    let s = elapsed_secs.max(0);
    format!("{:02}:{:02}", s / 3_600, s % 3_600 / 60)
}

/// Cuts `text` to `width` columns, ending in `…` (or `~` in ASCII) when cut.
/// `text` in `width` columns, cut at the last whole word with an ellipsis: a message is
/// never cut mid-word (a word longer than the width is cut, as `fit` does).
pub fn fit_words(text: &str, width: usize, ascii: bool) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.width()
        } else {
            out.width() + 1 + word.width()
        };
        if next + 1 > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        return fit(text, width, ascii);
    }
    out.push(if ascii { '~' } else { '…' });
    Cow::Owned(out)
}

/// A server's name in `width` columns, cut in the middle: names of one fleet share their
/// start (`exmbx-ams-`) and differ at the end, which must stay on screen. Names are ASCII
/// (the inventory's rule); anything else is cut at the end as [`fit`] does.
pub fn fit_name(name: &str, width: usize, ascii: bool) -> Cow<'_, str> {
    if name.len() <= width || width < 4 || !name.is_ascii() {
        return fit(name, width, ascii);
    }
    let head = (width - 1) / 3;
    let tail = width - 1 - head;
    let gap = if ascii { '~' } else { '…' };
    Cow::Owned(format!(
        "{}{gap}{}",
        &name[..head],
        &name[name.len() - tail..]
    ))
}

/// A text padded by display columns: `{:<9}` on a `&str` counts characters, and a Korean
/// word of four characters takes eight columns.
pub struct Cols<'a>(pub &'a str);

impl fmt::Display for Cols<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pad = f.width().unwrap_or(0).saturating_sub(text_width(self.0));
        if matches!(f.align(), Some(fmt::Alignment::Right)) {
            write!(f, "{:pad$}{}", "", self.0)
        } else {
            write!(f, "{}{:pad$}", self.0, "")
        }
    }
}

/// Columns a text takes on screen (a wide character counts two).
pub fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

pub fn fit(text: &str, width: usize, ascii: bool) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push(if ascii { '~' } else { '…' });
    }
    Cow::Owned(out)
}
