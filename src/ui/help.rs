//! The `?` overlay: every key, every glyph, and where the log is.

use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::AlertValue;
use crate::i18n::Tr;
use crate::i18n::words;
use crate::keymap::{self, KeyContext, Keymap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

pub struct HelpView<'a> {
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub log_path: Option<&'a str>,
    pub record_path: Option<&'a str>,
    /// The keys in force, and the screen under help (whose keys it explains).
    pub keymap: &'a Keymap,
    pub context: KeyContext,
    /// The console's messages.
    pub tr: Tr,
    /// The guards in force, said exactly.
    pub guards: Vec<&'static str>,
    /// The last message, whole (the status bar may have cut it).
    pub message: Option<&'a str>,
}

/// What the guards let run, said exactly (help and README agree): message ids.
pub const READ_ONLY: &str = "help-read-only";
pub const DRY_RUN: &str = "help-dry-run";

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.symbols;
        let tr = self.tr;
        let keys = keymap::help::lines(self.keymap, self.context, s.ascii, tr);
        let column = keys
            .iter()
            .map(|(k, _)| k.width())
            .max()
            .unwrap_or(0)
            .min(16);
        let room = usize::from(area.width.min(76)).saturating_sub(column + 6);
        let mut lines: Vec<Line> = Vec::new();
        for (k, what) in keys {
            // Keys wider than the column take a line of their own; the text goes under.
            let mut lead = format!(" {k}{}  ", " ".repeat(column.saturating_sub(k.width())));
            if k.width() > column {
                lines.push(Line::from(Span::styled(format!(" {k}"), self.theme.key)));
                lead = " ".repeat(column + 3);
            }
            for (i, part) in super::wrap::wrap(what, room).into_iter().enumerate() {
                let lead = if i == 0 {
                    lead.clone()
                } else {
                    " ".repeat(column + 3)
                };
                lines.push(Line::from(vec![
                    Span::styled(lead, self.theme.key),
                    Span::styled(part, self.theme.text),
                ]));
            }
        }
        let text = |t: &str, style| {
            super::wrap::wrap(t, usize::from(area.width.min(76)).saturating_sub(4))
                .into_iter()
                .map(move |l| Line::from(Span::styled(format!(" {l}"), style)))
        };
        for guard in &self.guards {
            lines.extend(text(tr.text(guard), self.theme.flash));
        }
        if let Some(message) = self.message {
            let said = tr.fmt("help-last-message", &[("message", message.into())]);
            lines.extend(text(&said, self.theme.dim));
        }
        if self.context != KeyContext::Runbook {
            lines.push(Line::default());
            lines.extend(self.legend());
        }
        if self.log_path.is_some() || self.record_path.is_some() {
            lines.push(Line::default());
        }
        if let Some(path) = self.record_path {
            // On its own line: the path is long, and the end (the file name) matters most.
            lines.push(Line::from(Span::styled(
                format!(" {}", tr.text("help-record")),
                self.theme.dim,
            )));
            lines.push(Line::from(Span::styled(
                format!("  {path}"),
                self.theme.dim,
            )));
        }
        if let Some(path) = self.log_path {
            lines.push(Line::from(Span::styled(
                format!(" {}", tr.fmt("help-log", &[("path", path.into())])),
                self.theme.dim,
            )));
        }
        let height = (lines.len() as u16 + 2).min(area.height);
        let title = format!(" {} ", tr.text("help-title"));
        let (popup, block) = overlay((area, buf), height, title, self.theme, s);
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}

impl HelpView<'_> {
    /// Glyphs and words of the alert values, and the grid's other marks.
    fn legend(&self) -> Vec<Line<'static>> {
        let s = self.symbols;
        let mut lines = Vec::new();
        let mut legend = vec![Span::styled(" ", self.theme.text)];
        for alert in AlertValue::ALL {
            legend.push(Span::styled(
                format!("{} {}", s.glyph(alert), words::alert(self.tr, alert)),
                self.theme.alert(alert),
            ));
            legend.push(Span::raw(" "));
        }
        lines.push(Line::from(legend));
        let marks = self.tr.fmt(
            "help-legend-marks",
            &[
                ("na", s.not_applicable().into()),
                ("flap", s.flapping().into()),
            ],
        );
        lines.push(Line::from(vec![Span::styled(
            format!(" {marks}"),
            self.theme.text,
        )]));
        lines
    }
}

/// A box of `height` rows, 76 columns at most, centred over `area` and cleared in `buf`:
/// its place, and its bordered block titled `title`.
pub(super) fn overlay(
    (area, buf): (Rect, &mut Buffer),
    height: u16,
    title: impl Into<Cow<'static, str>>,
    theme: &Theme,
    symbols: Symbols,
) -> (Rect, Block<'static>) {
    overlay_sized((area, buf), (76, height), title, theme, symbols)
}

/// A wide character (CJK) just left of the box whose second half the box now covers would
/// show cut in two: it goes too.
fn clear_cut_wide(popup: Rect, buf: &mut Buffer) {
    if popup.x == buf.area.x {
        return;
    }
    for y in popup.top()..popup.bottom() {
        let cell = &mut buf[(popup.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// [`overlay`] of a chosen width (at most the area's).
pub(super) fn overlay_sized(
    (area, buf): (Rect, &mut Buffer),
    (width, height): (u16, u16),
    title: impl Into<Cow<'static, str>>,
    theme: &Theme,
    symbols: Symbols,
) -> (Rect, Block<'static>) {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    clear_cut_wide(popup, buf);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title));
    if symbols.ascii {
        block = block.border_set(super::symbols::ASCII_BORDER);
    }
    (popup, block)
}
