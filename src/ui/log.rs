//! The log panel: the newest lines of the runbook's steps, time-stamped, stderr marked,
//! and a marker for the earlier lines only the incident record keeps.

use super::format::{fit, text_width};
use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::i18n::Tr;
use crate::update::runbook::log::{LogKind, LogLine, LogPanel};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct LogView<'a> {
    pub log: &'a LogPanel,
    /// Times are the training fleet's clock (×speed), not wall time: the header says so.
    pub fleet_clock: bool,
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub tr: Tr,
}

impl LogView<'_> {
    fn header(&self, width: usize) -> Line<'static> {
        let tr = self.tr;
        let mut text = format!("{} {}", self.symbols.dash(), tr.text("log-title"));
        if let Some(run) = self.log.only {
            let only = tr.fmt("log-only", &[("run", run.to_string().into())]);
            text.push_str(&format!(" {only}"));
        }
        if self.fleet_clock {
            text.push_str(&format!(" ({})", tr.text("log-fleet-clock")));
        }
        if self.log.dropped > 0 {
            let dropped = tr.fmt("log-dropped", &[("count", self.log.dropped.into())]);
            text.push_str(&format!(" {} {dropped}", self.symbols.dash()));
        }
        let modes = format!(
            " f:{} w:{} ",
            tr.text(if self.log.follow {
                "log-follow"
            } else {
                "log-paused"
            }),
            tr.text(if self.log.wrap { "log-wrap" } else { "log-cut" })
        );
        let room = width.saturating_sub(text_width(&modes));
        let text = fit(&text, room, self.symbols.ascii).into_owned();
        let pad = self
            .symbols
            .dash()
            .repeat(room.saturating_sub(text_width(&text)));
        Line::from(vec![
            Span::styled(format!("{text}{pad}"), self.theme.border),
            Span::styled(modes, self.theme.log_marker),
        ])
    }

    fn lines_of(&self, line: &LogLine, width: usize) -> Vec<Line<'static>> {
        let (mark, style): (&str, Style) = match line.kind {
            LogKind::Stdout => (" ", self.theme.log_stdout),
            LogKind::Stderr => ("!", self.theme.log_stderr),
            LogKind::Note => (
                if self.symbols.ascii { "*" } else { "·" },
                self.theme.log_marker,
            ),
        };
        let stamp = format!("{} {mark} ", line.at.format("%H:%M:%S"));
        let room = width.saturating_sub(stamp.len()).max(1);
        let first = Span::styled(stamp.clone(), self.theme.dim);
        if !self.log.wrap {
            let text = fit(&line.text, room, self.symbols.ascii).into_owned();
            return vec![Line::from(vec![first, Span::styled(text, style)])];
        }
        wrap(&line.text, room)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let lead = if i == 0 {
                    first.clone()
                } else {
                    Span::raw(" ".repeat(stamp.len()))
                };
                Line::from(vec![lead, Span::styled(part, style)])
            })
            .collect()
    }
}

impl Widget for LogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        buf.set_line(area.x, area.y, &self.header(width), area.width);
        let room = usize::from(area.height - 1);
        let lines = self.log.visible();
        // Scrolled to the top, the panel still shows a full page: the first lines.
        let end = lines
            .len()
            .saturating_sub(self.log.scroll)
            .max(room.min(lines.len()));
        // Walk back from the newest shown line until the panel is full.
        let mut shown: Vec<Line<'static>> = Vec::new();
        for line in lines[..end].iter().rev() {
            let mut parts = self.lines_of(line, width);
            while let Some(part) = parts.pop() {
                shown.push(part);
            }
            if shown.len() >= room {
                break;
            }
        }
        shown.truncate(room);
        for (i, line) in shown.iter().rev().enumerate() {
            buf.set_line(area.x, area.y + 1 + i as u16, line, area.width);
        }
    }
}
