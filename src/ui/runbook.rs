//! The runbook pane: the procedure's steps with their states, the highlighted step's
//! instruction and exact command, and the log panel.

use super::drill::fit_line;
use super::format::Cols;
use super::log::LogView;
use super::prompt::PromptView;
use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::i18n::words;
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
            .ending_in(self.state.tr())
            .map(|ending| format!("  [{ending}]"))
            .unwrap_or_default();
        // A pane that only pays what is owed says so first: the title may be cut.
        let paying = if self.pane.paying {
            format!(" {}", self.state.tr().text("pane-owed"))
        } else {
            String::new()
        };
        Line::from(vec![
            Span::styled(format!("{paying} {title}"), self.theme.title),
            Span::styled(
                format!("  {} @{server}{ending}", self.pane.monitor.name()),
                self.theme.dim,
            ),
        ])
    }

    /// A step row's glyph, word and style.
    fn status(&self, state: &RowState) -> (&'static str, String, Style) {
        let a = self.symbols.ascii;
        let tr = self.state.tr();
        let word = |id: &'static str| -> String { tr.text(id).to_owned() };
        match state {
            RowState::Pending => (
                if a { "." } else { "·" },
                word("step-pending"),
                self.theme.step_pending,
            ),
            RowState::Next if self.confirming() => ("?", word("step-confirm"), self.theme.flash),
            RowState::Next => (
                if a { ">" } else { "▸" },
                word("step-next"),
                self.theme.title,
            ),
            RowState::Running => (
                if a { "*" } else { "↻" },
                word("step-running"),
                self.theme.step_running,
            ),
            RowState::Waiting { left, .. } => (
                if a { "~" } else { "◷" },
                format!("{:02}:{:02}", left.num_minutes(), left.num_seconds() % 60),
                self.theme.step_running,
            ),
            RowState::Succeeded { bad: true, .. } => (
                if a { "+" } else { "✓" },
                word("step-ran"),
                self.theme.flash,
            ),
            RowState::Succeeded { .. } => (
                if a { "+" } else { "✓" },
                word("step-done"),
                self.theme.step_succeeded,
            ),
            RowState::Failed(StepExit::Cancelled) => {
                ("x", word("step-cancelled"), self.theme.step_failed)
            }
            RowState::Failed(StepExit::TimedOut) => {
                ("x", word("step-timed-out"), self.theme.step_failed)
            }
            RowState::Failed(_) => (
                if a { "X" } else { "✖" },
                word("step-failed"),
                self.theme.step_failed,
            ),
            RowState::Skipped(SkipReason::Escalated | SkipReason::ReadOnly) => {
                ("-", word("step-not-run"), self.theme.dim)
            }
            RowState::Skipped(SkipReason::DryRun) => ("-", word("step-shown"), self.theme.dim),
            RowState::Skipped(SkipReason::PassedOver(_)) => {
                ("-", word("step-passed"), self.theme.dim)
            }
            RowState::Skipped(_) => ("-", word("step-skipped"), self.theme.dim),
            RowState::Called(_) => (self.symbols.arrow(), word("step-call"), self.theme.dim),
            RowState::Returned(_) => (
                if a { "<-" } else { "←" },
                word("step-back"),
                self.theme.dim,
            ),
        }
    }

    fn row_line(&self, row: &Row, highlighted: bool) -> Line<'static> {
        let s = self.symbols;
        let tr = self.state.tr();
        let (glyph, word, style) = self.status(&row.state);
        let marker = if highlighted { s.cursor() } else { " " };
        let title = self
            .pane
            .spec(&row.procedure, &row.step)
            .map_or(row.step.as_str(), |spec| {
                localized(&spec.title, self.state.launch.language)
            });
        let indent = "  ".repeat(row.depth);
        let undo = if row.compensating {
            format!(" ({})", tr.text("step-undo"))
        } else {
            String::new()
        };
        let mut detail = match &row.state {
            // A dry-run row says only the branch it waits on (the log has the rest).
            RowState::Skipped(SkipReason::DryRun) => self
                .pane
                .unrun_of(row)
                .filter(|u| !u.when.is_empty())
                .map(|u| format!("  ({})", u.when))
                .unwrap_or_default(),
            RowState::Skipped(SkipReason::Escalated) => {
                format!("  ({})", tr.text("step-escalated"))
            }
            RowState::Skipped(reason) => format!("  ({})", words::skip_reason(tr, reason)),
            RowState::Succeeded { facts, .. } if !facts.is_empty() => {
                format!("  {}", words::readings(tr, facts).0)
            }
            RowState::Called(procedure) => format!("  {} {procedure}", s.arrow()),
            RowState::Returned(ending) => format!("  {}", words::ending(tr, *ending)),
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
            Span::styled(format!("{:<9} ", Cols(&word)), style),
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
        let tr = self.state.tr();
        if let Some(call) = call.filter(|_| row.state == RowState::Next) {
            let destructive = self.state.launch.platform.needs_confirmation(call);
            if let Some(reason) = held_back(&self.state.launch.banner, call) {
                let id = if reason == SkipReason::DryRun {
                    "pane-dry-run-passes"
                } else {
                    "pane-read-only-passes"
                };
                notes.push(tr.text(id).to_owned());
            } else if destructive {
                let name = crate::update::runbook::short_name(call);
                notes.push(tr.fmt("pane-destructive", &[("name", name.into())]));
            }
            notes.extend(budget_note(self.state, call));
            if let Some(before) = self.pane.ran_before(call).filter(|_| destructive) {
                let args = [
                    ("at", before.started.format("%H:%M:%S").to_string().into()),
                    ("fleet", self.fleet_mark().into()),
                    ("who", before.by.as_str().into()),
                ];
                notes.push(tr.fmt("pane-already-ran", &args));
            }
        }
        self.ran_note(row, ran, notes)
    }

    /// The notes, then when and by whom the step ran and how it ended.
    fn ran_note(
        &self,
        row: &Row,
        ran: Option<&crate::update::runbook::StepRun>,
        mut notes: Vec<String>,
    ) -> Vec<String> {
        let tr = self.state.tr();
        if let Some(ran) = ran {
            // A reading that read bad news never says "succeeded".
            let how = ran.ended.map_or_else(
                || tr.text("step-running").to_owned(),
                |(exit, took)| {
                    let took = tr.decimal(took.as_secs_f64());
                    if let RowState::Succeeded { facts, bad: true } = &row.state {
                        let read = words::readings(tr, facts).0;
                        tr.fmt(
                            "pane-read-in",
                            &[("read", read.into()), ("took", took.into())],
                        )
                    } else {
                        let exit = words::exit(tr, &exit);
                        tr.fmt(
                            "pane-exit-in",
                            &[("exit", exit.into()), ("took", took.into())],
                        )
                    }
                },
            );
            let args = [
                ("at", ran.started.format("%H:%M:%S").to_string().into()),
                ("fleet", self.fleet_mark().into()),
                ("who", ran.by.as_str().into()),
                ("how", how.into()),
            ];
            notes.push(tr.fmt("pane-ran", &args));
        }
        notes
    }

    /// Times in training are the fleet clock's: said beside each one shown.
    fn fleet_mark(&self) -> String {
        if matches!(
            self.state.launch.banner.mode,
            crate::update::Mode::Training { .. }
        ) {
            format!(" ({})", self.state.tr().text("pane-fleet"))
        } else {
            String::new()
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
                format!(" {}", self.state.tr().text("pane-command-later")),
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
    let tr = state.tr();
    if state
        .runbook
        .as_ref()
        .is_some_and(|pane| pane.restarted.contains(&key))
    {
        return Some(tr.fmt("pane-budget-spent", &[("service", key.1.as_str().into())]));
    }
    state.budgets.get(&key).map(|(left, limits)| {
        let args = [
            ("service", key.1.as_str().into()),
            ("hour", left.hour.into()),
            ("per_hour", limits.per_hour.into()),
            ("day", left.day.into()),
            ("per_day", limits.per_day.into()),
        ];
        let mut said = tr.fmt("pane-budget-left", &args);
        if let Some(at) = left.next_at {
            let at = at.format("%H:%M").to_string();
            said.push_str(&tr.fmt("pane-budget-next", &[("at", at.into())]));
        }
        said
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
            tr: self.state.tr(),
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
