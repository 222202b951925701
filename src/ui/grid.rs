//! The grid: servers × health sets. Builds only the rows it shows.

use super::format::{Age, Cols, fit, fit_name, text_width};
use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::{AlertValue, Cell, HealthSet};
use crate::i18n::words;
use crate::layout::{header_rows, is_wide};
use crate::update::AppState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::fmt::Write;

pub struct GridView<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

/// Column widths for a given screen width.
struct Columns {
    name: u16,
    site: u16,
    server: u16,
    cell: u16,
}

const NARROW_CELL: u16 = 10;
const WIDE_CELL: u16 = 17;

impl GridView<'_> {
    /// Whole words in the cells when the screen is wide and the servers' names still fit
    /// beside them: a name is never cut to make room for a longer word (`mbx-0…` twice
    /// tells two servers apart no more than not at all).
    fn wide_cells(&self, width: u16) -> bool {
        let name = self.state.fleet.name_width.clamp(6, 24) as u16;
        let site = self.state.fleet.site_width.clamp(4, 8) as u16;
        is_wide(width) && 1 + name + 1 + 4 + 1 + site + 1 + WIDE_CELL * 6 <= width
    }

    fn columns(&self, width: u16) -> Columns {
        let cell = if self.wide_cells(width) {
            WIDE_CELL
        } else {
            NARROW_CELL
        };
        let mut site = self.state.fleet.site_width.clamp(4, 8) as u16;
        // marker + name + role (4) + site, one space between.
        let room = width.saturating_sub(cell * 6);
        let mut name = self.state.fleet.name_width.clamp(6, 24) as u16;
        while 1 + name + 1 + 4 + 1 + site + 1 > room && name > 6 {
            name -= 1;
        }
        if 1 + name + 1 + 4 + 1 + site + 1 > room {
            site = room.saturating_sub(1 + name + 1 + 4 + 1 + 1);
        }
        // One blank column before the first cell.
        let server = 1 + name + 1 + 4 + 1 + site + 1;
        let cell = ((width.saturating_sub(server)) / 6).clamp(cell, cell + 4);
        Columns {
            name,
            site,
            server,
            cell,
        }
    }

    /// The proxy components Exchange reports Inactive on a server, in a few letters.
    fn offline(&self, server: usize) -> Option<&'static str> {
        // Only a current answer speaks for the row: an old one is the drill-down's "last".
        let verdict = self.state.fleet.exchange(server).filter(|v| v.answered())?;
        let off = |name: &str| {
            verdict
                .inactive()
                .any(|c| c.name.eq_ignore_ascii_case(name))
        };
        let id = match (off("ServerWideOffline"), off("ImapProxy"), off("PopProxy")) {
            (true, ..) => "grid-offline",
            (_, true, true) => "grid-proxies-off",
            (_, true, false) => "grid-imap-off",
            (_, false, true) => "grid-pop-off",
            _ => return None,
        };
        Some(self.state.tr().text(id))
    }

    /// `acked`: an Alertmanager silence covers a monitor of the cell; its word says so
    /// beside the alert's glyph and colour (who and until when: the status bar).
    fn cell_text(&self, cell: Cell, (wide, acked): (bool, bool), out: &mut String) -> Style {
        out.clear();
        let s = self.symbols;
        let Some(alert) = cell.alert else {
            out.push_str(s.not_applicable());
            return self.theme.not_applicable;
        };
        let flap = if cell.flapping { s.flapping() } else { " " };
        let since = Age {
            since: cell
                .since
                .filter(|_| !matches!(alert, AlertValue::Healthy | AlertValue::Disabled)),
            now: self.state.now,
            wide,
        };
        let tr = self.state.tr();
        let (word, short) = if acked {
            (tr.text("alert-acked"), tr.text("alert-acked-short"))
        } else {
            (words::alert(tr, alert), words::alert_short(tr, alert))
        };
        let _ = if wide {
            write!(out, "{} {:<9}{flap}{since:>4}", s.glyph(alert), Cols(word))
        } else {
            write!(out, "{}{:<4}{flap}{since:>3}", s.glyph(alert), Cols(short))
        };
        self.theme.alert(alert)
    }
}

impl GridView<'_> {
    /// The column titles: servers, then each health set (split at its dot when narrow).
    fn render_header(&self, area: Rect, cols: &Columns, buf: &mut Buffer) {
        // Split at the dot only where the layout gives the header two rows.
        let wide = is_wide(area.width);
        let theme = self.theme;
        let header_h = header_rows(area.width);
        let x_cell = |i: u16| area.x + cols.server + i * cols.cell;
        let tr = self.state.tr();
        let head = format!(
            " {:<name$} {:<4} {:<site$}",
            Cols(tr.text("grid-server")),
            Cols(tr.text("grid-role")),
            Cols(tr.text("grid-site")),
            name = usize::from(cols.name),
            site = usize::from(cols.site)
        );
        buf.set_stringn(
            area.x,
            area.y,
            &head,
            usize::from(cols.server),
            theme.header,
        );
        for (i, set) in HealthSet::ALL.iter().enumerate() {
            let style = if i == self.state.view.cursor_col {
                theme.header.patch(theme.cursor)
            } else {
                theme.header
            };
            let name = set.name();
            let lines: [&str; 2] = match name.split_once('.') {
                Some((family, rest)) if !wide => [&name[..=family.len()], rest],
                _ => [name, ""],
            };
            let width = usize::from(cols.cell - 1);
            for (row, text) in lines.iter().take(usize::from(header_h)).enumerate() {
                if row == 0 || !text.is_empty() {
                    buf.set_stringn(x_cell(i as u16), area.y + row as u16, text, width, style);
                }
            }
        }
    }
}

impl Widget for GridView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let wide = self.wide_cells(area.width);
        let cols = self.columns(area.width);
        let theme = self.theme;
        let header_h = header_rows(area.width);
        let x_cell = |i: u16| area.x + cols.server + i * cols.cell;

        self.render_header(area, &cols, buf);

        // Rows: only those on screen.
        let servers = self.state.fleet.servers();
        let body_rows = usize::from(area.height.saturating_sub(header_h));
        let mut text = String::with_capacity(32);
        // Servers with a compensation owed: their role and site give way to a badge.
        let owed: Vec<String> = self
            .state
            .owed()
            .into_iter()
            .map(|d| d.server.clone())
            .collect();
        let visible = self
            .state
            .view
            .rows
            .iter()
            .enumerate()
            .skip(self.state.view.scroll)
            .take(body_rows);
        for (line, (row, &server)) in visible.enumerate() {
            let y = area.y + header_h + line as u16;
            let info = &servers[server];
            let on_cursor_row = row == self.state.view.cursor_row;
            let marker = if on_cursor_row {
                self.symbols.cursor()
            } else {
                " "
            };
            text.clear();
            let _ = write!(
                text,
                "{marker}{:<name$} {:<4} {:<site$}",
                fit_name(&info.name, usize::from(cols.name), self.symbols.ascii),
                Cols(words::role(self.state.tr(), info.role)),
                fit(&info.site, usize::from(cols.site), self.symbols.ascii),
                name = usize::from(cols.name),
                site = usize::from(cols.site),
            );
            let name_style = if on_cursor_row {
                theme.server.patch(theme.title)
            } else {
                theme.server
            };
            buf.set_stringn(area.x, y, &text, usize::from(cols.server), name_style);
            if owed.contains(&info.name) {
                let flag = if self.symbols.ascii { "!" } else { "⚑" };
                let badge = format!("{flag} {}", self.state.tr().text("grid-owed"));
                let x = area.x + 1 + cols.name + 1;
                let room = usize::from(cols.server.saturating_sub(cols.name + 2));
                let badge = format!("{:<room$}", Cols(&badge));
                buf.set_stringn(x, y, badge, room, theme.flash);
            } else if let Some(off) = self.offline(server) {
                // A component Managed Availability took offline: the row says so, a column
                // short of the cells; the glyph only where it fits beside the words.
                let x = area.x + 1 + cols.name + 1;
                let room = usize::from(cols.server.saturating_sub(cols.name + 3));
                let glyph = self.symbols.glyph(AlertValue::Unhealthy);
                let badge = if room > text_width(off) + 1 {
                    format!("{glyph} {off}")
                } else {
                    off.to_owned()
                };
                let style = theme.alert(AlertValue::Unhealthy);
                let badge = format!("{:<room$}", Cols(&badge));
                buf.set_stringn(x, y, badge, room, style);
            }
            for (col, set) in HealthSet::ALL.iter().enumerate() {
                let cell = self.state.fleet.cell(server, *set);
                let acked = cell.alert.is_some_and(AlertValue::is_problem)
                    && self
                        .state
                        .fleet
                        .shared()
                        .is_some_and(|s| s.ack_in(server, *set).is_some());
                let mut style = self.cell_text(cell, (wide, acked), &mut text);
                if on_cursor_row && col == self.state.view.cursor_col {
                    style = style.patch(theme.cursor);
                }
                let x = x_cell(col as u16);
                let width = usize::from(cols.cell - 1);
                // Fill the cell so a coloured background reads as a block.
                buf.set_style(Rect::new(x, y, width as u16, 1), style);
                buf.set_stringn(x, y, &text, width, style);
            }
        }
        if self.state.view.rows.is_empty() {
            let msg = self.state.tr().fmt(
                "grid-no-match",
                &[("filter", self.state.live_filter().into())],
            );
            buf.set_stringn(
                area.x + 1,
                area.y + header_h,
                msg,
                usize::from(area.width),
                theme.dim,
            );
        }
    }
}
