//! The runbook pane: the procedure's steps with their states, the highlighted step's
//! instruction and exact command, and the log panel.

use super::drill::fit_line;
use super::log::LogView;
use super::prompt::PromptView;
use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::runbook::{Next, SkipReason, StepCall, StepExit, localized};
use crate::update::AppState;
use crate::update::runbook::prepare::{held_back, restarted_service};
use crate::update::runbook::{Row, RowState, RunbookPane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct RunbookView<'a> {
    pub state: &'a AppState,
    pub pane: &'a RunbookPane,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl RunbookView<'_> {
    fn header(&self) -> Line<'static> {
        let server = &self.state.fleet.servers()[self.pane.server].name;
        let title = localized(&self.pane.procedure.spec.title, self.state.launch.language);
        let ending = self
            .pane
            .ending()
            .map(|ending| format!("  [{ending}]"))
            .unwrap_or_default();
        // A pane that only pays what is owed says so first: the title may be cut.
        let paying = if self.pane.paying { " Owed:" } else { "" };
        Line::from(vec![
            Span::styled(format!("{paying} {title}"), self.theme.title),
            Span::styled(
                format!("  {} @{server}{ending}", self.pane.monitor.name()),
                self.theme.dim,
            ),
        ])
    }

    fn row_line(&self, row: &Row, highlighted: bool) -> Line<'static> {
        let s = self.symbols;
        let a = s.ascii;
        let (glyph, word, style): (&str, String, Style) = match &row.state {
            RowState::Pending => (
                if a { "." } else { "·" },
                "pending".into(),
                self.theme.step_pending,
            ),
            RowState::Next if self.confirming() => ("?", "confirm".into(), self.theme.flash),
            RowState::Next => (if a { ">" } else { "▸" }, "next".into(), self.theme.title),
            RowState::Running => (
                if a { "*" } else { "↻" },
                "running".into(),
                self.theme.step_running,
            ),
            RowState::Waiting { left, .. } => (
                if a { "~" } else { "◷" },
                format!("{:02}:{:02}", left.num_minutes(), left.num_seconds() % 60),
                self.theme.step_running,
            ),
            RowState::Succeeded { bad: true, .. } => {
                (if a { "+" } else { "✓" }, "ran".into(), self.theme.flash)
            }
            RowState::Succeeded { .. } => (
                if a { "+" } else { "✓" },
                "done".into(),
                self.theme.step_succeeded,
            ),
            RowState::Failed(StepExit::Cancelled) => {
                ("x", "cancelled".into(), self.theme.step_failed)
            }
            RowState::Failed(StepExit::TimedOut) => {
                ("x", "timed out".into(), self.theme.step_failed)
            }
            RowState::Failed(_) => (
                if a { "X" } else { "✖" },
                "failed".into(),
                self.theme.step_failed,
            ),
            RowState::Skipped(SkipReason::Escalated | SkipReason::ReadOnly) => {
                ("-", "not run".into(), self.theme.dim)
            }
            RowState::Skipped(SkipReason::DryRun) => ("-", "shown".into(), self.theme.dim),
            RowState::Skipped(SkipReason::PassedOver(_)) => ("-", "passed".into(), self.theme.dim),
            RowState::Skipped(_) => ("-", "skipped".into(), self.theme.dim),
            RowState::Called(_) => (s.arrow(), "call".into(), self.theme.dim),
            RowState::Returned(_) => (if a { "<-" } else { "←" }, "back".into(), self.theme.dim),
        };
        let marker = if highlighted { s.cursor() } else { " " };
        let title = self
            .pane
            .spec(&row.procedure, &row.step)
            .map_or(row.step.as_str(), |spec| {
                localized(&spec.title, self.state.launch.language)
            });
        let indent = "  ".repeat(row.depth);
        let undo = if row.compensating { " (undo)" } else { "" };
        let mut detail = match &row.state {
            // A dry-run row says only the branch it waits on (the log has the rest).
            RowState::Skipped(SkipReason::DryRun) => self
                .pane
                .unrun_of(row)
                .filter(|u| !u.when.is_empty())
                .map(|u| format!("  ({})", u.when))
                .unwrap_or_default(),
            RowState::Skipped(SkipReason::Escalated) => "  (escalated)".to_owned(),
            RowState::Skipped(reason) => format!("  ({reason})"),
            RowState::Succeeded { read, .. } if !read.is_empty() => format!("  {read}"),
            RowState::Called(procedure) => format!("  {} {procedure}", s.arrow()),
            RowState::Returned(ending) => format!("  {}", ending.name()),
            RowState::Waiting { left, total } => format!("  {}", self.bar(*left, *total)),
            _ => String::new(),
        };
        if let Some(server) = &row.server
            && !matches!(row.state, RowState::Returned(_))
        {
            detail.push_str(&format!("  @{server}"));
        }
        Line::from(vec![
            Span::styled(format!("{marker}{glyph} "), style),
            Span::styled(format!("{word:<9} "), style),
            Span::styled(format!("{indent}{title}{undo}"), self.theme.text),
            Span::styled(detail, self.theme.dim),
        ])
    }

    /// A wait's progress: `[#####.....]`.
    fn bar(&self, left: chrono::TimeDelta, total: chrono::TimeDelta) -> String {
        let total = total.num_seconds().max(1);
        let done = (total - left.num_seconds()).clamp(0, total);
        let filled = (done * 10 / total) as usize;
        let (full, empty) = if self.symbols.ascii {
            ("#", ".")
        } else {
            ("█", "░")
        };
        format!("[{}{}]", full.repeat(filled), empty.repeat(10 - filled))
    }

    fn confirming(&self) -> bool {
        matches!(
            self.state.view.prompt,
            Some(crate::update::Prompt::Confirm { .. })
        )
    }

    /// What guards the highlighted step, and when and by whom it ran.
    fn notes(
        &self,
        row: &Row,
        call: Option<&StepCall>,
        ran: Option<&crate::update::runbook::StepRun>,
    ) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(call) = call.filter(|_| row.state == RowState::Next) {
            let destructive = self.state.launch.platform.needs_confirmation(call);
            if let Some(reason) = held_back(&self.state.launch.banner, call) {
                let word = if reason == SkipReason::DryRun {
                    "DRY-RUN: shown, not run"
                } else {
                    "READ-ONLY: not run (it changes a server)"
                };
                notes.push(format!("{word}; Enter passes it"));
            } else if destructive {
                notes.push(format!(
                    "destructive: Enter asks you to type the server name ({})",
                    crate::update::runbook::short_name(call)
                ));
            }
            notes.extend(budget_note(self.state, call));
            if let Some(before) = self.pane.ran_before(call).filter(|_| destructive) {
                notes.push(format!(
                    "already ran {}{} by {}",
                    before.started.format("%H:%M:%S"),
                    self.fleet_mark(),
                    before.by
                ));
            }
        }
        if let Some(ran) = ran {
            // A reading that read bad news never says "succeeded".
            let how = ran.ended.map_or("running".to_owned(), |(exit, took)| {
                let took = took.as_secs_f64();
                match &row.state {
                    RowState::Succeeded { read, bad: true } => {
                        format!("read {read} in {took:.1} s")
                    }
                    _ => format!("{exit} in {took:.1} s"),
                }
            });
            notes.push(format!(
                "ran {}{} by {}: {how}",
                ran.started.format("%H:%M:%S"),
                self.fleet_mark(),
                ran.by
            ));
        }
        notes
    }

    /// Times in training are the fleet clock's: said beside each one shown.
    fn fleet_mark(&self) -> &'static str {
        if matches!(
            self.state.launch.banner.mode,
            crate::update::Mode::Training { .. }
        ) {
            " (fleet)"
        } else {
            ""
        }
    }

    /// The highlighted step: instruction, command, and what guards it.
    fn detail(&self, row: Option<&Row>, width: usize) -> Vec<Line<'static>> {
        let Some(row) = row else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        if let Some(spec) = self.pane.spec(&row.procedure, &row.step) {
            for part in wrap(
                localized(&spec.instruction, self.state.launch.language),
                width - 2,
            ) {
                lines.push(Line::from(Span::styled(
                    format!(" {part}"),
                    self.theme.text,
                )));
            }
        }
        let current = matches!(
            row.state,
            RowState::Next | RowState::Running | RowState::Waiting { .. }
        );
        let call = match self.pane.walk.next() {
            Next::Run(call) | Next::Failed(call, _)
                if current || matches!(row.state, RowState::Failed(_)) =>
            {
                Some(call)
            }
            _ => None,
        };
        let ran = self.pane.runs.iter().rev().find(|r| {
            r.call.procedure == row.procedure
                && r.call.step == row.step
                && Some(&r.call.server.name) == row.server.as_ref()
        });
        let unrun = self.pane.unrun_of(row);
        let command = match (call, ran, unrun) {
            (Some(call), _, _) => self.pane.command_preview(call),
            (None, Some(ran), _) => ran.command.clone(),
            (None, None, Some(unrun)) => unrun.command.clone(),
            (None, None, None) => None,
        };
        if let Some(unrun) = unrun.filter(|u| !u.when.is_empty() && call.is_none()) {
            lines.push(Line::from(Span::styled(
                format!(" {}:", unrun.when),
                self.theme.flash,
            )));
        }
        match command {
            Some(command) => {
                for (i, part) in wrap(&command, width - 4).into_iter().enumerate() {
                    let lead = if i == 0 { " $ " } else { "   " };
                    lines.push(Line::from(vec![
                        Span::styled(lead, self.theme.dim),
                        Span::styled(part, self.theme.key),
                    ]));
                }
            }
            None if matches!(row.state, RowState::Pending) => lines.push(Line::from(Span::styled(
                " the exact command shows when this step is next",
                self.theme.dim,
            ))),
            None => {}
        }
        let notes = self.notes(row, call, ran);
        for note in notes {
            lines.push(Line::from(Span::styled(
                format!(" {note}"),
                self.theme.flash,
            )));
        }
        lines
    }
}

/// What is left of the restart budget for the service this step restarts, once read.
fn budget_note(state: &AppState, call: &StepCall) -> Option<String> {
    let service = restarted_service(state, call)?;
    let key = (call.server.name.clone(), service);
    if state
        .runbook
        .as_ref()
        .is_some_and(|pane| pane.restarted.contains(&key))
    {
        return Some(format!(
            "restart budget ({}): spent once by this walk; its further restarts are free",
            key.1
        ));
    }
    state.budgets.get(&key).map(|(left, limits)| {
        let service = &key.1;
        let next = left
            .next_at
            .map(|at| format!("; the next allowed at {} UTC", at.format("%H:%M")))
            .unwrap_or_default();
        format!(
            "restart budget ({service}): {} of {} left this hour, {} of {} today{next}",
            left.hour, limits.per_hour, left.day, limits.per_day
        )
    })
}

impl Widget for RunbookView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 6 || area.width < 20 {
            return;
        }
        let width = usize::from(area.width);
        let ascii = self.symbols.ascii;
        buf.set_line(
            area.x,
            area.y,
            &fit_line(&self.header(), width, ascii),
            area.width,
        );
        let rows = self.pane.rows(self.state.now);
        let highlight = self.pane.highlight.min(rows.len().saturating_sub(1));
        let detail = self.detail(rows.get(highlight), width);
        let height = usize::from(area.height) - 1;
        // The log keeps at least a third; steps get what they need up to half.
        let log_min = (height / 3).max(4);
        let detail_h = detail.len().min(6).min(height.saturating_sub(log_min + 3));
        let steps_h = rows
            .len()
            .min(height / 2)
            .min(height.saturating_sub(log_min + detail_h + 1))
            .max(1);
        let first = highlight
            .saturating_sub(steps_h.saturating_sub(1) / 2)
            .min(rows.len().saturating_sub(steps_h));
        let mut y = area.y + 1;
        for (i, row) in rows.iter().enumerate().skip(first).take(steps_h) {
            let line = fit_line(&self.row_line(row, i == highlight), width, ascii);
            buf.set_line(area.x, y, &line, area.width);
            y += 1;
        }
        let rule = self.symbols.dash().repeat(width);
        buf.set_stringn(area.x, y, &rule, width, self.theme.border);
        y += 1;
        for line in detail.iter().take(detail_h) {
            buf.set_line(area.x, y, &fit_line(line, width, ascii), area.width);
            y += 1;
        }
        let log_area = Rect {
            x: area.x,
            y,
            width: area.width,
            height: area.bottom().saturating_sub(y),
        };
        LogView {
            log: &self.pane.log,
            fleet_clock: matches!(
                self.state.launch.banner.mode,
                crate::update::Mode::Training { .. }
            ),
            theme: self.theme,
            symbols: self.symbols,
        }
        .render(log_area, buf);
        // Over the log, and the steps above it when it needs the room (two debts at 80x24).
        if let Some(prompt) = self
            .state
            .view
            .prompt
            .as_ref()
            .filter(|_| !self.state.prompt_on_status_line())
        {
            let below_header = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            PromptView {
                state: self.state,
                prompt,
                theme: self.theme,
                symbols: self.symbols,
            }
            .render(below_header, buf);
        }
    }
}
