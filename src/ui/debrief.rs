//! A drill's debrief, over the whole body once the drill ends: the score and its parts,
//! the steps against the expected path, and what was unsafe, each with its lesson.

use super::help::overlay;
use super::symbols::Symbols;
use super::theme::Theme;
use super::unwatched::boxed;
use crate::training::drill::report;
use crate::update::drill_run::DrillRun;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

pub struct DebriefView<'a> {
    pub run: &'a DrillRun,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl Widget for DebriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(debrief) = &self.run.debrief else {
            return;
        };
        let (theme, facts) = (self.theme, &self.run.facts);
        let styled = |text: &str, style| boxed(text, style, area);
        let mut lines: Vec<Line> = Vec::new();
        let head = format!(
            "{}: score {}/100, {}.",
            self.run.scenario,
            debrief.points.total(),
            report::ending(debrief, facts)
        );
        lines.extend(styled(&head, theme.title));
        let parts: Vec<String> = report::parts(debrief)
            .into_iter()
            .map(|(what, got, most)| format!("{what} {got}/{most}"))
            .collect();
        lines.extend(styled(&parts.join("; "), theme.text));
        let expected = &facts.spec.expected;
        let path = format!(
            "Expected: {} on {}, {} ({}).",
            expected.runbook,
            expected.server,
            facts.expected_steps.join(", "),
            expected.monitor
        );
        lines.extend(styled(&path, theme.dim));
        let mark = if self.symbols.ascii { "*" } else { "✓" };
        // The screen is small: the Markdown beside the record has every step.
        let room = usize::from(area.height).saturating_sub(12 + 2 * debrief.findings.len());
        let shown = debrief.steps.len().min(room.max(3));
        for step in &debrief.steps[..shown] {
            let on = if step.on_path { mark } else { " " };
            let text = format!(
                "{on} +{} {} / {} on {}",
                report::span(Some(step.after)),
                step.procedure,
                step.step,
                step.server
            );
            let style = if step.on_path { theme.text } else { theme.dim };
            lines.extend(styled(&text, style));
        }
        if shown < debrief.steps.len() {
            let dots = if self.symbols.ascii { "..." } else { "…" };
            let more = format!("  {dots} {} more steps", debrief.steps.len() - shown);
            lines.extend(styled(&more, theme.dim));
        }
        if debrief.findings.is_empty() {
            lines.extend(styled("No unsafe action.", theme.text));
        }
        for finding in &debrief.findings {
            lines.extend(styled(
                &format!("! {}", finding.lesson()),
                theme.unhealthy_text(),
            ));
        }
        lines.push(Line::default());
        let closing = "The debrief is written beside the incident record. q quits, Esc goes \
                       back to the fleet.";
        lines.extend(styled(closing, theme.dim));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let (popup, block) = overlay((area, buf), height, " Drill debrief ", theme, self.symbols);
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}
