//! The runbook's prompts, drawn over the bottom of the pane: typed confirmation, leaving
//! with compensations owed, quitting with steps running.

use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::guardrails::Holder;
use crate::i18n::Said;
use crate::runbook::StepCall;
use crate::update::runbook::{monitor_now, short_name, step_title};
use crate::update::{AppState, Prompt, Purpose};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct PromptView<'a> {
    pub state: &'a AppState,
    pub prompt: &'a Prompt,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl PromptView<'_> {
    /// A destructive step's confirmation: what the monitor shows now, a lock being broken,
    /// when it ran before, what to type, and what was typed.
    fn confirm_lines(
        &self,
        call: &StepCall,
        (typed, refused): (&str, Option<&str>),
        ran_before: Option<&(DateTime<Utc>, String)>,
        breaking: Option<&(Holder, Said)>,
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let text = |t: String| Line::from(Span::styled(t, self.theme.text));
        let tr = self.state.tr();
        let name = short_name(call);
        let mut lines = Vec::new();
        // What the monitor says now comes before the name is typed.
        for (said, warn) in monitor_now(self.state, call, tr) {
            let (lead, style) = if warn {
                ("! ", self.theme.unhealthy_text())
            } else {
                ("  ", self.theme.dim)
            };
            lines.extend(
                wrap(&said, width.saturating_sub(4))
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let lead = if i == 0 { lead } else { "  " };
                        Line::from(Span::styled(format!("{lead}{l}"), style))
                    }),
            );
        }
        if let Some(breaking) = breaking {
            let (holder, why) = breaking;
            let args = [
                ("server", call.server.name.as_str().into()),
                ("holder", holder.said().in_language(tr).into()),
                ("why", why.in_language(tr).into()),
            ];
            let said = tr.fmt("prompt-locked-by", &args);
            lines.extend(
                wrap(&said, width.saturating_sub(3))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), self.theme.flash))),
            );
        }
        if let Some((at, by)) = ran_before {
            let args = [
                ("at", at.format("%H:%M:%S").to_string().into()),
                ("who", by.into()),
            ];
            lines.push(Line::from(Span::styled(
                format!(" {}", tr.fmt("prompt-ran-before", &args)),
                self.theme.flash,
            )));
        }
        let args = [
            (
                "step",
                step_title(self.state, &call.procedure, &call.step).into(),
            ),
            ("action", call.action.name().into()),
            ("server", call.server.name.as_str().into()),
            ("name", name.into()),
        ];
        lines.extend(
            wrap(
                &tr.fmt("prompt-confirm-type", &args),
                width.saturating_sub(3),
            )
            .into_iter()
            .map(|l| text(format!(" {l}"))),
        );
        if let Some(wrong) = refused {
            let args = [("typed", wrong.into()), ("name", name.into())];
            lines.push(Line::from(Span::styled(
                format!(" {}", tr.fmt("prompt-confirm-refused", &args)),
                self.theme.unhealthy_text(),
            )));
        }
        lines.push(Line::from(vec![
            Span::styled(" > ", self.theme.key),
            Span::styled(format!("{typed}_"), self.theme.prompt),
        ]));
        (tr.text("prompt-confirm-title").to_owned(), lines)
    }

    /// A reason to type: what it is for, what happens, what to type.
    fn reason_lines(
        &self,
        purpose: &Purpose,
        typed: &str,
        refused: Option<&str>,
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let wrapped = |text: &str, style| {
            wrap(text, width.saturating_sub(3))
                .into_iter()
                .map(move |l| Line::from(Span::styled(format!(" {l}"), style)))
        };
        let tr = self.state.tr();
        let (title, said) = match purpose {
            Purpose::WriteOff(debt) => {
                let name = debt.server.split('.').next().unwrap_or(&debt.server);
                let command = debt
                    .command
                    .as_deref()
                    .unwrap_or_else(|| tr.text("prompt-no-command"));
                (
                    "prompt-write-off-title",
                    vec![
                        self.state.owed_line(debt),
                        tr.fmt("prompt-undoing-command", &[("command", command.into())]),
                        tr.fmt("prompt-write-off-say", &[("name", name.into())]),
                    ],
                )
            }
            Purpose::Escalate => (
                "prompt-escalate-title",
                vec![
                    tr.text("prompt-escalate-say").to_owned(),
                    tr.text("prompt-escalate-type").to_owned(),
                ],
            ),
            Purpose::JumpAhead { title, .. } => (
                "prompt-jump-title",
                vec![
                    tr.fmt("prompt-jump-say", &[("step", title.into())]),
                    tr.text("prompt-jump-type").to_owned(),
                ],
            ),
            Purpose::Acknowledge { server, monitor } => {
                let server = self.state.fleet.servers().get(*server);
                let args = [
                    ("monitor", monitor.name().into()),
                    ("server", server.map_or("?", |s| s.name.as_str()).into()),
                ];
                (
                    "prompt-ack-title",
                    vec![
                        tr.fmt("prompt-ack-say", &args),
                        tr.text("prompt-ack-type").to_owned(),
                    ],
                )
            }
            Purpose::OverBudget { call, service } => {
                let args = [
                    ("service", service.as_str().into()),
                    ("server", call.server.name.as_str().into()),
                ];
                (
                    "prompt-budget-title",
                    vec![
                        tr.fmt("prompt-budget-say", &args),
                        tr.text("prompt-budget-type").to_owned(),
                    ],
                )
            }
        };
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (i, text) in said.iter().enumerate() {
            let style = if i == 0 {
                self.theme.flash
            } else {
                self.theme.text
            };
            lines.extend(wrapped(text, style));
        }
        if let Some(refused) = refused {
            lines.extend(wrapped(refused, self.theme.unhealthy_text()));
        }
        lines.push(Line::from(vec![
            Span::styled(" > ", self.theme.key),
            Span::styled(format!("{typed}_"), self.theme.prompt),
        ]));
        (tr.text(title).to_owned(), lines)
    }

    /// A step about to run while the record is not written.
    fn unrecorded_lines(
        &self,
        reason: &str,
        what: &str,
        server: &str,
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let tr = self.state.tr();
        let args = [("what", what.into()), ("server", server.into())];
        let said = [
            (
                tr.fmt("banner-record-not-written", &[("reason", reason.into())]),
                self.theme.unhealthy_text(),
            ),
            (tr.fmt("prompt-unrecorded-say", &args), self.theme.text),
        ];
        let mut lines: Vec<Line<'static>> = said
            .iter()
            .flat_map(|(said, style)| {
                wrap(said, width.saturating_sub(3))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), *style)))
            })
            .collect();
        lines.extend(self.keyed("y", tr.text("prompt-unrecorded-yes"), width));
        lines.extend(self.keyed("n", tr.text("prompt-unrecorded-no"), width));
        (tr.text("prompt-unrecorded-title").to_owned(), lines)
    }

    /// A key and what it does, wrapped to the box with its lines under the text (a
    /// Japanese choice is longer than the English one it stands for); `key` may be empty.
    fn keyed(&self, key: &str, what: &str, width: usize) -> Vec<Line<'static>> {
        let lead = if key.is_empty() {
            1
        } else {
            super::format::text_width(key) + 2
        };
        let mut lines = Vec::new();
        for (i, part) in wrap(what, width.saturating_sub(lead + 1))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 && !key.is_empty() {
                format!(" {key} ")
            } else {
                " ".repeat(lead)
            };
            lines.push(Line::from(vec![
                Span::styled(head, self.theme.key),
                Span::styled(part, self.theme.text),
            ]));
        }
        lines
    }

    fn training(&self) -> bool {
        matches!(
            self.state.launch.banner.mode,
            crate::update::Mode::Training { .. }
        )
    }

    /// Leaving a runbook (or quitting) with compensations owed.
    fn leave_lines(
        &self,
        owed: &[crate::runbook::Owed],
        (quit, running): (bool, bool),
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let tr = self.state.tr();
        let mut lines = self.keyed("", tr.text("prompt-leave-owed"), width);
        for o in owed {
            let args = [
                ("step", step_title(self.state, &o.procedure, &o.step).into()),
                ("server", o.server.as_str().into()),
            ];
            let item = tr.fmt("prompt-leave-item", &args);
            lines.extend(self.keyed(&format!("  {}", self.symbols.arrow()), &item, width));
        }
        if running {
            lines.extend(self.keyed("", tr.text("prompt-leave-running"), width));
        } else {
            lines.extend(self.keyed("r", tr.text("prompt-leave-run"), width));
        }
        let leave = tr.text(match (quit, self.training()) {
            (true, false) => "prompt-leave-quit",
            (false, false) => "prompt-leave-leave",
            (true, true) => "prompt-leave-quit-training",
            (false, true) => "prompt-leave-leave-training",
        });
        lines.extend(self.keyed("l", leave, width));
        lines.extend(self.keyed("Esc", tr.text("prompt-leave-stay"), width));
        (tr.text("prompt-leave-title").to_owned(), lines)
    }

    fn lines(&self, width: usize) -> (String, Vec<Line<'static>>) {
        let tr = self.state.tr();
        match self.prompt {
            Prompt::Confirm {
                text: typed,
                call,
                refused,
                ran_before,
                breaking,
            } => self.confirm_lines(
                call,
                (typed, refused.as_deref()),
                ran_before.as_ref(),
                breaking.as_deref(),
                width,
            ),
            Prompt::Leave {
                owed,
                quit,
                running,
            } => self.leave_lines(owed, (*quit, *running), width),
            Prompt::QuitRunning => {
                let leave = tr.text(if self.training() {
                    "prompt-quit-leave-training"
                } else {
                    "prompt-quit-leave"
                });
                let mut lines = self.keyed("c", tr.text("prompt-quit-cancel"), width);
                lines.extend(self.keyed("l", leave, width));
                lines.extend(self.keyed("Esc", tr.text("prompt-quit-stay"), width));
                (tr.text("prompt-quit-title").to_owned(), lines)
            }
            Prompt::Reason {
                purpose,
                text: typed,
                refused,
            } => self.reason_lines(purpose, typed, refused.as_deref(), width),
            Prompt::Unrecorded {
                reason,
                what,
                server,
                ..
            } => self.unrecorded_lines(reason, what, server, width),
            Prompt::Filter { .. } | Prompt::Command { .. } => (String::new(), Vec::new()),
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
