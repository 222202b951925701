//! Small text helpers shared by the views.

use chrono::{DateTime, Utc};

/// An age a tired person reads at a glance: seconds for the first minute, then minutes;
/// `wide` adds the minutes to hours.
pub fn age(since: DateTime<Utc>, now: DateTime<Utc>, wide: bool) -> String {
    let secs = (now - since).num_seconds().max(0);
    match secs {
        0..60 => format!("{secs}s"),
        60..3_600 => format!("{}m", secs / 60),
        3_600..86_400 if wide => format!("{}h{:02}", secs / 3_600, secs % 3_600 / 60),
        3_600..86_400 => format!("{}h", secs / 3_600),
        _ => format!("{}d", (secs / 86_400).min(99)),
    }
}

/// `HH:MM:SS` of training time elapsed.
pub fn clock(elapsed_secs: i64) -> String {
    let s = elapsed_secs.max(0);
    format!("{:02}:{:02}:{:02}", s / 3_600, s % 3_600 / 60, s % 60)
}

/// Cuts `text` to `width` columns, ending in `…` (or `~` in ASCII) when cut.
pub fn fit(text: &str, width: usize, ascii: bool) -> String {
    use unicode_width::UnicodeWidthChar;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_owned();
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
    out
}
