//! Warnings of one read, bounded: the API's own, then dropped rows counted per reason with
//! the first example, so 80,000 bad rows are one line, not 80,000.

use crate::health::exchange::one_line;

/// At most this many of the API's own warnings are kept.
const MOST_SAID: usize = 20;

#[derive(Debug, Default)]
pub(crate) struct Notes {
    said: Vec<String>,
    unsaid: usize,
    dropped: Vec<Dropped>,
}

#[derive(Debug)]
struct Dropped {
    why: &'static str,
    count: usize,
    first: String,
}

impl Notes {
    /// A warning the API gave.
    pub fn say(&mut self, text: &str) {
        if self.said.len() < MOST_SAID {
            self.said.push(one_line(text, 200));
        } else {
            self.unsaid += 1;
        }
    }

    /// A row left out for `why`; `example` names it and is only made for the first.
    pub fn drop_row(&mut self, why: &'static str, example: impl FnOnce() -> String) {
        if let Some(known) = self.dropped.iter_mut().find(|d| d.why == why) {
            known.count += 1;
        } else {
            self.dropped.push(Dropped {
                why,
                count: 1,
                first: one_line(&example(), 120),
            });
        }
    }

    pub fn into_warnings(self) -> Vec<String> {
        let mut lines = self.said;
        if self.unsaid > 0 {
            lines.push(format!("… and {} more warnings", self.unsaid));
        }
        for d in self.dropped {
            let rows = if d.count == 1 { "row" } else { "rows" };
            lines.push(format!(
                "{} {rows} left out: {} (first: {})",
                d.count, d.why, d.first
            ));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_rows_are_counted_per_reason_with_the_first_example() {
        let mut notes = Notes::default();
        notes.say("remote_read: error\nsending");
        for i in 0..3 {
            notes.drop_row("value NaN", || format!("server mbx{i}"));
        }
        notes.drop_row("no server label", || "probe X".into());
        assert_eq!(
            notes.into_warnings(),
            [
                "remote_read: error sending",
                "3 rows left out: value NaN (first: server mbx0)",
                "1 row left out: no server label (first: probe X)",
            ]
        );
    }
}
