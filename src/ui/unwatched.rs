//! The first thing a console shows after a hang-up: the steps that ended while nobody was
//! watching, and how. Any key closes it.

use super::symbols::Symbols;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

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
        let width = 76.min(area.width);
        // Long lines wrap: count them as the paragraph will lay them out, roughly.
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
        let height = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(area.height);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.border)
            .title(Span::styled(
                " While nobody was watching ",
                self.theme.title,
            ));
        if self.symbols.ascii {
            block = block.border_set(super::symbols::ASCII_BORDER);
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(popup, buf);
    }
}
