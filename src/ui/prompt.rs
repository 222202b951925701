//! The runbook's prompts, drawn over the bottom of the pane: typed confirmation, leaving
//! with compensations owed, quitting with steps running.

use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::guardrails::Holder;
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
        breaking: Option<&(Holder, String)>,
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let text = |t: String| Line::from(Span::styled(t, self.theme.text));
        let name = short_name(call);
        let mut lines = Vec::new();
        // What the monitor says now comes before the name is typed.
        for (said, warn) in monitor_now(self.state, call) {
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
            let said = format!(
                "{} is locked by {holder}; {why}. Breaking the lock runs the step again.",
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
                    "{} ({}) on {}: type the server name ({name}) and Enter; Esc \
                     aborts",
                    step_title(self.state, &call.procedure, &call.step),
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
        let (title, said) = match purpose {
            Purpose::WriteOff(debt) => {
                let name = debt.server.split('.').next().unwrap_or(&debt.server);
                let command = debt.command.as_deref().unwrap_or("(no command)");
                (
                    "write off what is owed",
                    vec![
                        debt.describe(),
                        format!("undoing command: {command}"),
                        format!(
                            "Writing it off says it was done by hand or is not needed, for \
                             every console. Type {name}, a space, and why; Enter; Esc backs \
                             out."
                        ),
                    ],
                )
            }
            Purpose::Escalate => (
                "escalate: hand over",
                vec![
                    "Escalating ends the walk here: the steps not run are listed as such, \
                     and a handover summary is written next to the incident record."
                        .to_owned(),
                    "Type why, in one line; Enter escalates; Esc stays.".to_owned(),
                ],
            ),
            Purpose::JumpAhead { title, .. } => (
                "move the walk ahead",
                vec![
                    format!(
                        "Move the walk to {title}: the steps before it are passed over and \
                         recorded as such."
                    ),
                    "Type why, in one line; Enter moves; Esc stays.".to_owned(),
                ],
            ),
            Purpose::Acknowledge { server, monitor } => (
                "acknowledge",
                vec![
                    format!(
                        "Acknowledge {} on {}: an Alertmanager silence, shown in every \
                         console that reads it, and recorded.",
                        monitor.name(),
                        self.state
                            .fleet
                            .servers()
                            .get(*server)
                            .map_or("?", |s| s.name.as_str())
                    ),
                    "Type how long (e.g. 2h), a space, and why; Enter; Esc backs out.".to_owned(),
                ],
            ),
            Purpose::OverBudget { call, service } => (
                "restart over budget",
                vec![
                    format!(
                        "{service} on {} has no restart left in its budget: restarts \
                         repeated across walks hide a problem a restart does not fix.",
                        call.server.name
                    ),
                    "To restart anyway, type why (recorded); Enter restarts; Esc leaves it."
                        .to_owned(),
                ],
            ),
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
        (title.to_owned(), lines)
    }

    /// A step about to run while the record is not written.
    fn unrecorded_lines(
        &self,
        reason: &str,
        what: &str,
        server: &str,
        width: usize,
    ) -> (String, Vec<Line<'static>>) {
        let key = |k: &str, what: &str| {
            Line::from(vec![
                Span::styled(format!(" {k} "), self.theme.key),
                Span::styled(what.to_owned(), self.theme.text),
            ])
        };
        let said = [
            (
                format!("RECORD NOT WRITTEN: {reason}"),
                self.theme.unhealthy_text(),
            ),
            (
                format!(
                    "{what} on {server} would run unrecorded: the record keeps what \
                             it can in memory and writes it when the disk takes it again."
                ),
                self.theme.text,
            ),
        ];
        let mut lines: Vec<Line<'static>> = said
            .iter()
            .flat_map(|(said, style)| {
                wrap(said, width.saturating_sub(3))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), *style)))
            })
            .collect();
        lines.push(key("y", "run it unrecorded (this choice is recorded)"));
        lines.push(key("n", "do not run it"));
        ("record not written".to_owned(), lines)
    }

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
            } => {
                let mut lines = vec![text(" compensations still owed:".to_owned())];
                for o in owed {
                    let title = step_title(self.state, &o.procedure, &o.step);
                    lines.push(text(format!(
                        "   {} {title} on {}",
                        self.symbols.arrow(),
                        o.server
                    )));
                }
                if *running {
                    lines.push(text(
                        " a step still runs: they cannot run before it ends".to_owned(),
                    ));
                } else {
                    lines.push(key("r", "run them now"));
                }
                let training = matches!(
                    self.state.launch.banner.mode,
                    crate::update::Mode::Training { .. }
                );
                let leave = match (*quit, training) {
                    (true, false) => "quit; they stay owed (every console sees them)",
                    (false, false) => "leave; they stay owed (every console sees them)",
                    (true, true) => {
                        "quit; they stay owed (in the record: training's are \
                                     the console's own)"
                    }
                    (false, true) => "leave; they stay owed",
                };
                lines.push(key("l", leave));
                lines.push(key("Esc", "stay in the runbook"));
                ("leaving half-way".to_owned(), lines)
            }
            Prompt::QuitRunning => (
                "steps are running".to_owned(),
                vec![
                    key("c", "cancel them, then quit"),
                    key(
                        "l",
                        if matches!(
                            self.state.launch.banner.mode,
                            crate::update::Mode::Training { .. }
                        ) {
                            "leave them (training: a simulated step ends with the console), quit"
                        } else {
                            "leave them running (they outlive the console), quit"
                        },
                    ),
                    key("Esc", "stay"),
                ],
            ),
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
