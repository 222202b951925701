//! The replayed runbook pane: its title, each step with a glyph and a word (never colour
//! alone), and the newest output of its runs under a rule.

use super::view::clean;
use super::walk::{StepSeen, Walk, WalkStep};
use crate::i18n::{Tr, words};
use crate::runbook::titles;
use crate::ui::{Symbols, Theme, format};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub struct WalkView<'a> {
    pub walk: &'a Walk,
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub tr: Tr,
}

impl Widget for WalkView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (walk, theme, tr) = (self.walk, self.theme, self.tr);
        let width = usize::from(area.width);
        let mut y = area.y;
        let bottom = area.y + area.height;
        // Every line holds recorded text: each is cleaned of control characters here.
        let mut put = |y: &mut u16, text: &str, style: Style| {
            if *y < bottom {
                let text = clean(text);
                let text = format::fit(&text, width, self.symbols.ascii);
                buf.set_stringn(area.x, *y, text, width, style);
                *y += 1;
            }
        };
        let ending = walk
            .ending
            .as_deref()
            .map(|e| words::recorded(tr, e).unwrap_or(e))
            .map(|e| format!("  [{e}]"))
            .unwrap_or_default();
        let title = titles::runbook(tr, &walk.procedure, &walk.title);
        put(&mut y, &format!(" {title}"), theme.title);
        let on = format!(" {} @{}{ending}", walk.monitor, walk.server);
        put(&mut y, &on, theme.dim);
        // Steps take at most half of what is left, the newest kept: when some must go, one
        // line counts them.
        let room = (usize::from(bottom.saturating_sub(y)) / 2).max(1);
        let hidden = if walk.steps.len() > room {
            walk.steps.len() - (room - 1)
        } else {
            0
        };
        if hidden > 0 {
            let dots = if self.symbols.ascii { "..." } else { "…" };
            let steps = tr.fmt("replay-earlier-steps", &[("count", hidden.into())]);
            put(&mut y, &format!("  {dots} {steps}"), theme.dim);
        }
        for step in walk.steps.iter().skip(hidden) {
            let (text, style) = self.step_line(step);
            put(&mut y, &text, style);
        }
        let earlier = if walk.earlier > 0 {
            let count = [("count", walk.earlier.into())];
            format!(" {} ", tr.fmt("replay-output-earlier", &count))
        } else {
            format!(" {} ", tr.text("replay-output"))
        };
        let dash = self.symbols.dash();
        let rest = width.saturating_sub(format::text_width(&earlier) + 1);
        let rule = format!("{dash}{earlier}{}", dash.repeat(rest));
        put(&mut y, &rule, theme.border);
        let rows = usize::from(bottom.saturating_sub(y));
        let shown = walk.output.len().saturating_sub(rows);
        for line in walk.output.iter().skip(shown) {
            let (mark, style) = if line.stderr {
                ("!", theme.log_stderr)
            } else {
                (" ", theme.log_stdout)
            };
            put(
                &mut y,
                &format!(" #{}{mark} {}", line.run, line.line),
                style,
            );
        }
    }
}

impl WalkView<'_> {
    fn step_line(&self, step: &WalkStep) -> (String, Style) {
        let (a, theme, tr) = (self.symbols.ascii, self.theme, self.tr);
        let word = |w: &str| words::recorded_or_as_is(tr, w);
        let (glyph, word, style) = match &step.state {
            StepSeen::Confirmed { accepted: true, by } => (
                "?",
                tr.fmt("replay-typed-by", &[("by", by.into())]),
                theme.flash,
            ),
            StepSeen::Confirmed {
                accepted: false,
                by,
            } => (
                "?",
                tr.fmt("replay-refused-by", &[("by", by.into())]),
                theme.flash,
            ),
            StepSeen::Running => (
                if a { "*" } else { "↻" },
                tr.text("replay-running").to_owned(),
                theme.step_running,
            ),
            StepSeen::Waiting { minutes } => (
                if a { "~" } else { "◷" },
                tr.fmt("replay-wait-min", &[("minutes", (*minutes).into())]),
                theme.step_running,
            ),
            StepSeen::Waited { how, waited_s } => (
                if a { "~" } else { "◷" },
                format!("{} {}", word(how), after(tr, *waited_s)),
                theme.dim,
            ),
            StepSeen::Ended { exit, duration_ms } => {
                let took = tr.decimal(*duration_ms as f64 / 1_000.0);
                let took = format!("{} {took} s", word(exit));
                match exit.as_str() {
                    "succeeded" => (if a { "+" } else { "✓" }, took, theme.step_succeeded),
                    "failed" => (if a { "X" } else { "✖" }, took, theme.step_failed),
                    _ => ("x", took, theme.step_failed),
                }
            }
            StepSeen::Skipped { reason } => (
                "-",
                tr.fmt("replay-skipped-reason", &[("reason", reason.into())]),
                theme.dim,
            ),
        };
        let run = step.run.map(|r| format!("#{r} ")).unwrap_or_default();
        let undo = if step.compensating {
            format!(" {}", tr.text("replay-undo"))
        } else {
            String::new()
        };
        let on = if step.server == self.walk.server {
            String::new()
        } else {
            format!(" @{}", step.server)
        };
        let title = titles::step(tr, &step.procedure, &step.step, &step.title);
        let text = format!(" {glyph} {run}{title}{undo}{on}  {word}");
        (text, style)
    }
}

/// `after 90 s`, or in minutes from two on.
fn after(tr: Tr, seconds: i64) -> String {
    if seconds < 120 {
        tr.fmt("replay-after-s", &[("seconds", seconds.into())])
    } else {
        tr.fmt("replay-after-min", &[("minutes", (seconds / 60).into())])
    }
}
