//! The grid in brief, beside the runbook pane: every server × health set as a glyph and a
//! four-letter word, so the fleet stays in view while a procedure runs.

use super::format::fit_name;
use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::HealthSet;
use crate::update::AppState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Columns a cell takes: glyph, word, a space.
const CELL: u16 = 6;
/// Short health-set names that fit a cell.
const HEADERS: [&str; 6] = ["IMAP", "I.Prx", "I.Prt", "POP", "P.Prx", "P.Prt"];

pub struct MiniGridView<'a> {
    pub state: &'a AppState,
    /// The server the runbook acts on: marked, and always in view.
    pub server: usize,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl Widget for MiniGridView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let cells = CELL * HealthSet::ALL.len() as u16;
        let name_w = area.width.saturating_sub(cells + 2).min(24);
        if area.height < 2 || name_w < 4 {
            return;
        }
        let ascii = self.symbols.ascii;
        let header_x = area.x + 2 + name_w;
        let tr = state.tr();
        let title = format!(" {}", tr.text("grid-server"));
        buf.set_stringn(
            area.x,
            area.y,
            title,
            usize::from(name_w + 1),
            self.theme.header,
        );
        for (i, head) in HEADERS.iter().enumerate() {
            let x = header_x + CELL * i as u16;
            buf.set_stringn(x, area.y, head, usize::from(CELL - 1), self.theme.header);
        }
        let rows = usize::from(area.height - 1);
        let at = state
            .view
            .rows
            .iter()
            .position(|r| *r == self.server)
            .unwrap_or(0);
        let first = at.saturating_sub(rows.saturating_sub(1));
        for (y, &server) in (area.y + 1..area.bottom()).zip(state.view.rows.iter().skip(first)) {
            let marker = if server == self.server {
                self.symbols.cursor()
            } else {
                " "
            };
            let name = &state.fleet.servers()[server].name;
            let label = format!("{marker}{}", fit_name(name, usize::from(name_w), ascii));
            let style = if server == self.server {
                self.theme.cursor
            } else {
                self.theme.server
            };
            buf.set_stringn(area.x, y, label, usize::from(name_w + 1), style);
            for (i, set) in HealthSet::ALL.into_iter().enumerate() {
                let x = header_x + CELL * i as u16;
                let (text, style) = match state.fleet.cell(server, set).alert {
                    Some(alert) => (
                        format!(
                            "{}{}",
                            self.symbols.glyph(alert),
                            crate::i18n::words::alert_short(tr, alert)
                        ),
                        self.theme.alert(alert),
                    ),
                    None => (
                        self.symbols.not_applicable().to_owned(),
                        self.theme.not_applicable,
                    ),
                };
                buf.set_stringn(x, y, text, usize::from(CELL - 1), style);
            }
        }
    }
}
