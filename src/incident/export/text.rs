//! Record text made safe for Markdown. Records carry whatever steps printed and engineers
//! typed: terminal escapes, backticks (PowerShell's escape character), pipes in table cells.

use crate::i18n::Tr;
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// Control characters as visible escapes (`\x1b`), so that reading the export with `cat`
/// never replays a step's terminal sequences. Tabs stay when `keep_tabs`.
pub(crate) fn visible(text: &str, keep_tabs: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' if keep_tabs => out.push(c),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Plain text in a sentence or a table cell: the punctuation Markdown would act on escaped,
/// and no more, so that the raw text still reads well (`probe_succeeded` keeps its `_`).
pub(crate) fn plain(text: &str) -> String {
    let chars: Vec<char> = visible(text, false).chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' => true,
            // Inside a word `_` is a letter to Markdown, at its edges emphasis.
            '_' => !(word(i.checked_sub(1)) && word(Some(i + 1))),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown's marks taken out again: `**` and code fences go, an escaped character is
/// itself (inside a code span a backslash is a backslash).
pub(crate) fn unmarked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // The fence of the code span we are in: a shorter or longer run inside is text.
    let mut fence = 0;
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                let mut run = 1;
                while chars.next_if_eq(&'`').is_some() {
                    run += 1;
                }
                if fence == 0 {
                    fence = run;
                } else if run == fence {
                    fence = 0;
                } else {
                    out.extend(std::iter::repeat_n('`', run));
                }
            }
            '\\' if fence == 0 => out.extend(chars.next()),
            '*' if fence == 0 && chars.peek() == Some(&'*') => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// An inline code span that holds any text: the fence is longer than any run of backticks
/// inside it.
pub(crate) fn code(text: &str) -> String {
    let text = visible(text, false);
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    // A span that starts or ends with a backtick needs a space inside its fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A fence for a block of `lines`: longer than any run of backticks in them.
pub(crate) fn block_fence<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let longest = lines.map(|l| longest_run(l, '`')).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// `03:12:05Z`, or with the date when the session spans days.
pub(crate) fn time(at: &DateTime<Utc>, with_date: bool) -> String {
    if with_date {
        at.format("%Y-%m-%d %H:%M:%SZ").to_string()
    } else {
        at.format("%H:%M:%SZ").to_string()
    }
}

/// How an export writes times: wall-clock UTC, and in training the fleet clock's beside
/// it (never labelled UTC: it runs faster than the wall).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Clocks {
    /// The record has fleet times (a training session).
    pub(crate) training: bool,
    /// The session's wall times span more than one day.
    pub(crate) with_date: bool,
    /// Its fleet times span more than one day.
    pub(crate) fleet_with_date: bool,
    /// The export's language: times and spans are said in it.
    pub(crate) tr: Tr,
}

impl Clocks {
    /// `03:12:05Z`, or `03:12:05Z (fleet 04:02:10)` in training.
    pub(crate) fn at(self, at: &DateTime<Utc>, fleet_at: Option<&DateTime<Utc>>) -> String {
        let wall = time(at, self.with_date);
        match fleet_at {
            Some(fleet) if self.training => format!("{wall} ({})", self.fleet(fleet)),
            _ => wall,
        }
    }

    /// A time on the fleet clock alone (a wait's end): `fleet 04:02:10` in training, and
    /// like any time outside it, where the fleet clock is the wall clock.
    pub(crate) fn fleet(self, fleet: &DateTime<Utc>) -> String {
        if !self.training {
            return time(fleet, self.with_date);
        }
        let time = if self.fleet_with_date {
            fleet.format("%Y-%m-%d %H:%M:%S")
        } else {
            fleet.format("%H:%M:%S")
        };
        self.tr
            .fmt("export-fleet-at", &[("time", time.to_string().into())])
    }

    /// A span of fleet time (a wait): `10 min 0 s`, said to be fleet time in training.
    pub(crate) fn fleet_span(self, ms: u64) -> String {
        if self.training {
            self.tr.fmt(
                "export-fleet-span",
                &[("span", duration(self.tr, ms).into())],
            )
        } else {
            duration(self.tr, ms)
        }
    }
}

/// `450 ms`, `8.2 s` (`8,2 s` in Portuguese), `3 min 5 s`, `1 h 2 min`.
pub(crate) fn duration(tr: Tr, ms: u64) -> String {
    match ms {
        0..1_000 => format!("{ms} ms"),
        1_000..60_000 => {
            let point = tr.decimal_point();
            format!("{}{point}{} s", ms / 1_000, ms % 1_000 / 100)
        }
        60_000..3_600_000 => format!("{} min {} s", ms / 60_000, ms % 60_000 / 1_000),
        _ => format!("{} h {} min", ms / 3_600_000, ms % 3_600_000 / 60_000),
    }
}

/// `a, b and c`.
pub(crate) fn list(tr: Tr, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr.fmt(
            "export-list",
            &[("rest", rest.join(", ").into()), ("last", last.into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmarked_takes_out_what_plain_and_code_put_in() {
        let marked = format!(
            "**{}** ran {} on {}",
            plain("a_b *c*"),
            code("Invoke-MonitoringProbe 'IMAP.Protocol\\Imap'"),
            code("x`y")
        );
        assert_eq!(
            unmarked(&marked),
            "a_b *c* ran Invoke-MonitoringProbe 'IMAP.Protocol\\Imap' on x`y"
        );
    }
}
