//! The first thing a console shows after a hang-up: the steps that ended while nobody was
//! watching, and how. Any key closes it.

use super::help::overlay;
use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::i18n::Tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct UnwatchedView<'a> {
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub lines: &'a [String],
    pub tr: Tr,
}

impl Widget for UnwatchedView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Wrapped here, so every line keeps its margin (and the box its exact height).
        let styled = |text: &str, style| boxed(text, style, area);
        let mut lines: Vec<Line> = Vec::new();
        for (i, text) in self.lines.iter().enumerate() {
            // The steps are indented under the first line.
            let text = if i == 0 {
                text.clone()
            } else {
                format!("  {}", text.trim_start())
            };
            lines.extend(styled(&text, self.theme.text));
        }
        lines.push(Line::default());
        lines.extend(styled(self.tr.text("hangup-closing"), self.theme.dim));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let title = format!(" {} ", self.tr.text("hangup-title"));
        let (popup, block) = overlay((area, buf), height, title, self.theme, self.symbols);
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}

/// At start, what is owed on the fleet (the shared ledger): each compensation, where, since
/// when, by whom, and how to settle it. Any key closes it.
pub struct OwedView<'a> {
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub owed: Vec<&'a crate::runbook::Debt>,
    pub tr: Tr,
    /// Where the owed steps' titles are found in the console's language.
    pub library: Option<&'static crate::runbook::Library>,
}

impl Widget for OwedView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let styled = |text: &str, style| boxed(text, style, area);
        let mut lines: Vec<Line> = Vec::new();
        let head = self
            .tr
            .fmt("owed-box-head", &[("count", self.owed.len().into())]);
        lines.extend(styled(&head, self.theme.text));
        for debt in &self.owed {
            let owed = debt.describe_in(self.tr, self.library);
            lines.extend(styled(&format!("  {owed}"), self.theme.flash));
            if let Some(command) = &debt.command {
                lines.extend(styled(&format!("    $ {command}"), self.theme.dim));
            }
        }
        lines.push(Line::default());
        lines.extend(styled(self.tr.text("owed-box-closing"), self.theme.dim));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let title = format!(" {} ", self.tr.text("owed-box-title"));
        let (popup, block) = overlay((area, buf), height, title, self.theme, self.symbols);
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}

/// `text` wrapped to the width of the box drawn over `area`, each line with its margin.
pub(super) fn boxed(text: &str, style: ratatui::style::Style, area: Rect) -> Vec<Line<'static>> {
    let inner = usize::from(76.min(area.width).saturating_sub(4)).max(1);
    wrap(text, inner)
        .into_iter()
        .map(|part| Line::from(Span::styled(format!(" {part}"), style)))
        .collect()
}
