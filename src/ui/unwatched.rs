//! The first thing a console shows after a hang-up: the steps that ended while nobody was
//! watching, and how. Any key closes it.

use super::help::overlay;
use super::symbols::Symbols;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct UnwatchedView<'a> {
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub lines: &'a [String],
}

impl Widget for UnwatchedView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), self.theme.text)))
            .collect();
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            " Their output is in that session's incident record. Any key closes this.",
            self.theme.dim,
        )));
        // Long lines wrap: count them as the paragraph will lay them out, roughly.
        let inner = usize::from(76.min(area.width).saturating_sub(2)).max(1);
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
        let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
        let title = " While nobody was watching ";
        let (popup, block) = overlay((area, buf), height, title, self.theme, self.symbols);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(popup, buf);
    }
}
