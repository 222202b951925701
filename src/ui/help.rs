//! The `?` overlay: every key, every glyph, and where the log is.

use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::AlertValue;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct HelpView<'a> {
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub log_path: Option<&'a str>,
}

const KEYS: [(&str, &str); 11] = [
    ("arrows hjkl", "move around the grid"),
    ("n / N", "next / previous Unhealthy, then Degraded"),
    ("Enter", "drill into the selected cell"),
    ("Esc Bksp h", "back (clears the filter on the grid)"),
    ("/", "filter servers by name, role or site"),
    ("PgUp PgDn", "page up / down (also Space, Ctrl-B/F)"),
    ("g G", "first / last server"),
    ("?", "this help (? or Esc closes it)"),
    ("q Ctrl-C", "quit"),
    ("Ctrl-Z", "suspend to the shell; fg comes back"),
    ("", ""),
];

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.symbols;
        let mut lines: Vec<Line> = KEYS
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, what)| {
                Line::from(vec![
                    Span::styled(format!(" {k:<12}"), self.theme.key),
                    Span::styled((*what).to_owned(), self.theme.text),
                ])
            })
            .collect();
        lines.push(Line::default());
        let mut legend = vec![Span::styled(" ", self.theme.text)];
        for alert in AlertValue::ALL {
            legend.push(Span::styled(
                format!("{} {}", s.glyph(alert), alert.word()),
                self.theme.alert(alert),
            ));
            legend.push(Span::raw(" "));
        }
        lines.push(Line::from(legend));
        lines.push(Line::from(vec![Span::styled(
            format!(
                " {} not run on this role   {} flapping   ages: since it left Healthy",
                s.not_applicable(),
                s.flapping()
            ),
            self.theme.text,
        )]));
        if let Some(path) = self.log_path {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                format!(" log: {path}"),
                self.theme.dim,
            )));
        }
        let height = (lines.len() as u16 + 2).min(area.height);
        let width = 76.min(area.width);
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
            .title(Span::styled(" Keys ", self.theme.title));
        if s.ascii {
            block = block.border_set(ratatui::symbols::border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            });
        }
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}
