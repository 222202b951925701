//! A drill's debrief, over the whole body once the drill ends: the score and its parts,
//! the timeline beside the expected path, and what was unsafe, each with its lesson.

use super::format::{fit, text_width};
use super::help::overlay_sized;
use super::symbols::Symbols;
use super::theme::Theme;
use super::wrap::wrap;
use crate::i18n::Tr;
use crate::training::drill::report;
use crate::training::drill::timeline::{Beat, clock, timeline};
use crate::update::drill_run::DrillRun;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The debrief is wider than other boxes where the terminal allows: two columns.
const WIDTH: u16 = 104;

pub struct DebriefView<'a> {
    pub run: &'a DrillRun,
    pub theme: &'a Theme,
    pub symbols: Symbols,
    pub tr: Tr,
}

impl Widget for DebriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(debrief) = &self.run.debrief else {
            return;
        };
        let (theme, facts) = (self.theme, &self.run.facts);
        let width = WIDTH.min(area.width);
        let styled = |text: &str, style: Style| -> Vec<Line<'static>> {
            wrap(text, usize::from(width.saturating_sub(4)).max(1))
                .into_iter()
                .map(|part| Line::from(Span::styled(format!(" {part}"), style)))
                .collect()
        };
        let mut lines: Vec<Line> = Vec::new();
        let tr = self.tr;
        let head = tr.fmt(
            "debrief-head",
            &[
                ("scenario", self.run.scenario.as_str().into()),
                ("score", debrief.points.total().to_string().into()),
                ("ending", report::ending(tr, debrief, facts).into()),
            ],
        );
        lines.extend(styled(&head, theme.title));
        let parts: Vec<String> = report::parts(self.tr, debrief)
            .into_iter()
            .map(|(what, got, most)| format!("{what} {got}/{most}"))
            .collect();
        lines.extend(styled(&parts.join("; "), theme.text));
        if let Some(repeat) = report::repeat(self.tr, &self.run.scenario) {
            lines.extend(styled(&repeat, theme.dim));
        }
        let mut findings: Vec<Line> = Vec::new();
        if debrief.findings.is_empty() {
            findings.extend(styled(tr.text("debrief-no-unsafe"), theme.text));
        }
        for lesson in report::lessons(self.tr, debrief) {
            findings.extend(styled(&format!("! {lesson}"), theme.unhealthy_text()));
        }
        let closing = styled(tr.text("debrief-closing"), theme.dim);
        // What the table may take: the screen less the borders and everything else.
        let room = usize::from(area.height)
            .saturating_sub(2 + lines.len() + findings.len() + closing.len() + 2);
        let table = Table {
            inner: usize::from(width.saturating_sub(2)),
            server: &facts.spec.expected.server,
            theme,
            symbols: self.symbols,
            tr,
        };
        lines.extend(table.lines(&shown(tr, timeline(tr, debrief, facts), room)));
        lines.extend(findings);
        lines.push(Line::default());
        lines.extend(closing);
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let (popup, block) = overlay_sized(
            (area, buf),
            (width, height),
            format!(" {} ", tr.text("debrief-title")),
            theme,
            self.symbols,
        );
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}

/// The beats a table of `room` lines (its heading included) shows: steps off the expected
/// path go first, the newest of them first, and one line says how many went (the Markdown
/// beside the record has them all).
fn shown(tr: Tr, mut beats: Vec<Beat>, room: usize) -> Vec<Beat> {
    let room = room.max(4) - 1;
    let mut gone: usize = 0;
    let mut first_gone = beats.len();
    while beats.len() + usize::from(gone > 0) > room {
        let Some(last_off) = beats.iter().rposition(|b| b.off_path) else {
            break;
        };
        beats.remove(last_off);
        first_gone = last_off;
        gone += 1;
    }
    if gone > 0 {
        let more = Beat {
            after: None,
            did: tr.fmt("debrief-more-steps", &[("count", gone.into())]),
            expected: String::new(),
            kept: None,
            off_path: true,
        };
        beats.insert(first_gone, more);
    }
    beats.truncate(room);
    beats
}

/// The timeline and the expected path in two columns.
struct Table<'a> {
    inner: usize,
    server: &'a str,
    theme: &'a Theme,
    symbols: Symbols,
    tr: Tr,
}

impl Table<'_> {
    /// Columns: time 6, what happened, a rule, the expected path.
    fn widths(&self) -> (usize, usize) {
        let rest = self.inner.saturating_sub(1 + 6 + 1 + 3);
        let did = rest * 3 / 5;
        (did, rest - did)
    }

    fn lines(&self, beats: &[Beat]) -> Vec<Line<'static>> {
        let (did, expected) = self.widths();
        let bar = self.symbols.separator();
        let theme = self.theme;
        let heading = self
            .tr
            .fmt("debrief-expected-on", &[("server", self.server.into())]);
        let mut lines = vec![self.row(
            ("", self.tr.text("debrief-what-happened"), &heading),
            (did, expected),
            (theme.title, theme.title, theme.title),
            bar,
        )];
        for beat in beats {
            let a = self.symbols.ascii;
            let (mark, mark_style) = match beat.kept {
                Some(true) => (if a { "+ " } else { "✓ " }, theme.step_succeeded),
                Some(false) => (if a { "x " } else { "✗ " }, theme.step_failed),
                None => ("", theme.text),
            };
            // What never happened has a dash; the line that counts hidden steps, nothing.
            let dash = if beat.did.is_empty() {
                if a { "-" } else { "—" }
            } else {
                ""
            };
            let time = clock(beat.after, dash);
            let expectation = if beat.expected.is_empty() {
                String::new()
            } else {
                format!("{mark}{}", beat.expected)
            };
            let did_style = if beat.off_path { theme.dim } else { theme.text };
            lines.push(self.row(
                (&time, &beat.did, &expectation),
                (did, expected),
                (theme.dim, did_style, mark_style),
                bar,
            ));
        }
        lines
    }

    fn row(
        &self,
        (time, did, expected): (&str, &str, &str),
        (did_width, expected_width): (usize, usize),
        (time_style, did_style, expected_style): (Style, Style, Style),
        bar: &str,
    ) -> Line<'static> {
        let a = self.symbols.ascii;
        let pad = |text: &str, width: usize| {
            let text = fit(text, width, a).into_owned();
            let fill = width.saturating_sub(text_width(&text));
            format!("{text}{}", " ".repeat(fill))
        };
        Line::from(vec![
            Span::styled(format!(" {} ", pad(time, 6)), time_style),
            Span::styled(pad(did, did_width), did_style),
            Span::styled(format!(" {bar} "), self.theme.border),
            Span::styled(pad(expected, expected_width), expected_style),
        ])
    }
}
