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
    pub record_path: Option<&'a str>,
    /// The runbook pane's keys instead of the grid's.
    pub runbook: bool,
    /// The guards in force, said exactly.
    pub guards: Vec<&'static str>,
    /// The last message, whole (the status bar may have cut it).
    pub message: Option<&'a str>,
}

const KEYS: [(&str, &str); 10] = [
    ("arrows hjkl", "move around the grid"),
    ("n / N", "next / previous Unhealthy, then Degraded"),
    ("Enter", "drill into the selected cell"),
    ("Esc Bksp h", "back (clears the filter on the grid)"),
    ("/", "filter servers by name, role or site"),
    ("PgUp PgDn", "page up / down (also Space, Ctrl-B/F)"),
    ("g G", "first / last server"),
    (
        "r u x",
        "drill-down: probe now; run what is owed; write it off",
    ),
    ("q Ctrl-C", "quit"),
    (
        "? Ctrl-Z",
        "this help (? or Esc closes it); suspend (fg returns)",
    ),
];

const RUNBOOK_KEYS: [(&str, &str); 12] = [
    ("Enter", "run the next step (again, when it failed)"),
    (
        "c",
        "cancel the running step (its process group); a wait rechecks",
    ),
    ("s", "skip a failed or optional step; a wait rechecks"),
    ("e", "escalate: hand over, with a reason"),
    (">", "move the walk to the highlighted step, with a reason"),
    (
        "f w o",
        "log: follow; wrap; only the highlighted step's output",
    ),
    ("jk arrows", "highlight a step: its instruction and command"),
    ("PgUp PgDn", "scroll the log (Space pages down)"),
    (
        "Esc Bksp h",
        "back; half-way, offers the undo steps (resumes later)",
    ),
    ("?", "this help (? or Esc closes it)"),
    (
        "q Ctrl-C",
        "quit (asks when steps run or undo steps are owed)",
    ),
    ("Ctrl-Z", "suspend to the shell; fg comes back"),
];

/// What the guards let run, said exactly (help and README agree).
pub const READ_ONLY: &str = "READ-ONLY: probes and reading steps run (health, database \
                             copies, log location, the Mailbox server); nothing that changes \
                             a server runs";
pub const DRY_RUN: &str = "DRY-RUN: every step shows its exact command (both sides of every \
                           branch); nothing runs";

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.symbols;
        let keys: &[(&str, &str)] = if self.runbook { &RUNBOOK_KEYS } else { &KEYS };
        let mut lines: Vec<Line> = keys
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, what)| {
                Line::from(vec![
                    Span::styled(format!(" {k:<12}"), self.theme.key),
                    Span::styled((*what).to_owned(), self.theme.text),
                ])
            })
            .collect();
        let text = |t: &str, style| {
            super::wrap::wrap(t, usize::from(area.width.min(76)).saturating_sub(4))
                .into_iter()
                .map(move |l| Line::from(Span::styled(format!(" {l}"), style)))
        };
        for guard in &self.guards {
            lines.extend(text(guard, self.theme.flash));
        }
        if let Some(message) = self.message {
            lines.extend(text(&format!("last message: {message}"), self.theme.dim));
        }
        if !self.runbook {
            lines.push(Line::default());
            lines.extend(self.legend());
        }
        if self.log_path.is_some() || self.record_path.is_some() {
            lines.push(Line::default());
        }
        if let Some(path) = self.record_path {
            // On its own line: the path is long, and the end (the file name) matters most.
            lines.push(Line::from(Span::styled(
                " incident record:",
                self.theme.dim,
            )));
            lines.push(Line::from(Span::styled(
                format!("  {path}"),
                self.theme.dim,
            )));
        }
        if let Some(path) = self.log_path {
            lines.push(Line::from(Span::styled(
                format!(" log: {path}"),
                self.theme.dim,
            )));
        }
        let height = (lines.len() as u16 + 2).min(area.height);
        let (popup, block) = overlay((area, buf), height, " Keys ", self.theme, s);
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
        lines
    }
}

/// A box of `height` rows, 76 columns at most, centred over `area` and cleared in `buf`:
/// its place, and its bordered block titled `title`.
pub(super) fn overlay(
    (area, buf): (Rect, &mut Buffer),
    height: u16,
    title: &'static str,
    theme: &Theme,
    symbols: Symbols,
) -> (Rect, Block<'static>) {
    let width = 76.min(area.width);
    let height = height.min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title));
    if symbols.ascii {
        block = block.border_set(super::symbols::ASCII_BORDER);
    }
    (popup, block)
}
