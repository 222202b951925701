//! The runbook's prompts, drawn over the bottom of the pane: typed confirmation, leaving
//! with compensations owed, quitting with steps running.

use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::update::Prompt;
use crate::update::runbook::short_name;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct PromptView<'a> {
    pub prompt: &'a Prompt,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl PromptView<'_> {
    fn lines(&self, width: usize) -> (String, Vec<Line<'static>>) {
        let text = |t: String| Line::from(Span::styled(t, self.theme.text));
        let key = |k: &str, what: &str| {
            Line::from(vec![
                Span::styled(format!(" {k} "), self.theme.key),
                Span::styled(what.to_owned(), self.theme.text),
            ])
        };
        match self.prompt {
            Prompt::Confirm {
                text: typed,
                call,
                refused,
                ran_before,
                breaking,
            } => {
                let name = short_name(call);
                let mut lines = Vec::new();
                if let Some(breaking) = breaking {
                    let (holder, why) = breaking.as_ref();
                    let said = format!(
                        "{} is locked by {holder}. It looks abandoned: {why}. Breaking the \
                         lock runs the step again.",
                        call.server.name
                    );
                    lines.extend(
                        wrap(&said, width.saturating_sub(3))
                            .into_iter()
                            .map(|l| Line::from(Span::styled(format!(" {l}"), self.theme.flash))),
                    );
                }
                if let Some((at, by)) = ran_before {
                    lines.push(Line::from(Span::styled(
                        format!(" this already ran at {} by {by}", at.format("%H:%M:%S")),
                        self.theme.flash,
                    )));
                }
                lines.extend(
                    wrap(
                        &format!(
                            "{} on {}: type the server name ({name}) and Enter; Esc aborts",
                            call.action.name(),
                            call.server.name
                        ),
                        width.saturating_sub(3),
                    )
                    .into_iter()
                    .map(|l| text(format!(" {l}"))),
                );
                if let Some(wrong) = refused {
                    lines.push(Line::from(Span::styled(
                        format!(" `{wrong}` is not {name}: nothing ran"),
                        self.theme.unhealthy_text(),
                    )));
                }
                lines.push(Line::from(vec![
                    Span::styled(" > ", self.theme.key),
                    Span::styled(format!("{typed}_"), self.theme.prompt),
                ]));
                ("confirm a destructive step".to_owned(), lines)
            }
            Prompt::Leave { owed, quit } => {
                let mut lines = vec![text(" compensations still owed:".to_owned())];
                for o in owed {
                    lines.push(text(format!("   {} {o}", self.symbols.arrow())));
                }
                lines.push(key("r", "run them now"));
                let leave = if *quit {
                    "quit without them (recorded as not done)"
                } else {
                    "leave without them (recorded as not done)"
                };
                lines.push(key("l", leave));
                lines.push(key("Esc", "stay in the runbook"));
                ("leaving half-way".to_owned(), lines)
            }
            Prompt::QuitRunning => (
                "steps are running".to_owned(),
                vec![
                    key("c", "cancel them, then quit"),
                    key("l", "leave them running (still recorded), quit"),
                    key("Esc", "stay"),
                ],
            ),
            Prompt::Filter { .. } => (String::new(), Vec::new()),
        }
    }
}

impl Widget for PromptView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        let (title, lines) = self.lines(width);
        if lines.is_empty() || area.height < 3 {
            return;
        }
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = Rect {
            y: area.bottom() - height,
            height,
            ..area
        };
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.border)
            .title(Span::styled(format!(" {title} "), self.theme.title));
        let block = if self.symbols.ascii {
            block.border_set(super::symbols::ASCII_BORDER)
        } else {
            block
        };
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}
