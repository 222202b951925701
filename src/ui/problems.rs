//! Under a grid that fits, the problems worst first: where, what, since when, and why.

use super::format::{age, fit};
use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::monitor::LastResult;
use crate::health::{AlertValue, HealthSet, Monitor};
use crate::i18n::words;
use crate::update::AppState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct ProblemsView<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

/// One problem cell and the monitor that explains it.
struct Problem {
    alert: AlertValue,
    since: Option<chrono::DateTime<chrono::Utc>>,
    server: usize,
    set: HealthSet,
    monitor: Option<Explained>,
}

/// The monitor that explains a problem cell, from its source.
enum Explained {
    Probe(Monitor),
    /// Exchange's, by its place in the server's verdict.
    Exchange(usize),
}

impl ProblemsView<'_> {
    /// Problem cells of the shown rows, worst first, then oldest first. Only called when
    /// every row fits on screen, so the scan is small.
    fn problems(&self) -> Vec<Problem> {
        let fleet = &self.state.fleet;
        let mut out = Vec::new();
        for &server in &self.state.view.rows {
            for set in HealthSet::ALL {
                let cell = fleet.cell(server, set);
                let Some(alert) = cell.alert.filter(|a| a.is_problem()) else {
                    continue;
                };
                // Exchange's monitor first where it says so: its verdict is the one that
                // alerts.
                let theirs = fleet
                    .exchange(server)
                    .filter(|v| v.answered())
                    .and_then(|v| {
                        v.monitors
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| m.health_set == set && m.alert == alert)
                            .min_by_key(|(_, m)| m.left_healthy_at())
                            .map(|(i, _)| Explained::Exchange(i))
                    });
                let monitor = theirs.or_else(|| {
                    Monitor::of(set)
                        .filter(|m| fleet.monitor(server, *m).is_some_and(|s| s.alert == alert))
                        .min_by_key(|m| fleet.monitor(server, *m).and_then(|s| s.left_healthy_at))
                        .map(Explained::Probe)
                });
                out.push(Problem {
                    alert,
                    since: cell.since,
                    server,
                    set,
                    monitor,
                });
            }
        }
        out.sort_by_key(|p| (p.alert.severity(), p.since));
        out
    }

    fn line(&self, p: &Problem, wide: bool) -> Line<'static> {
        let fleet = &self.state.fleet;
        let name = &fleet.servers()[p.server].name;
        let tr = self.state.tr();
        let since = p
            .since
            .map(|t| {
                let age = age(t, self.state.now, true);
                format!(" {}", tr.fmt("problems-for", &[("age", age.into())]))
            })
            .unwrap_or_default();
        let word = if wide {
            words::alert(tr, p.alert)
        } else {
            words::alert_short(tr, p.alert)
        };
        let mut spans = vec![
            Span::styled(
                format!(" {} {word}{since} ", self.symbols.glyph(p.alert)),
                self.theme.alert(p.alert),
            ),
            Span::styled(format!(" {name} {}", p.set.name()), self.theme.title),
        ];
        if let Some(Explained::Exchange(i)) = p.monitor
            && let Some(m) = fleet.exchange(p.server).and_then(|v| v.monitors.get(i))
        {
            // Trimmed to its first line here; whole in the drill-down.
            let why = m
                .error
                .as_deref()
                .and_then(|e| e.lines().next())
                .map_or_else(
                    || {
                        let alert = words::alert(tr, m.alert);
                        tr.fmt("problems-exchange-says", &[("alert", alert.into())])
                    },
                    str::to_owned,
                );
            spans.push(Span::styled(
                format!("  {} (Exchange): ", m.name),
                self.theme.text,
            ));
            spans.push(Span::styled(why, self.theme.dim));
        }
        if let Some(Explained::Probe(monitor)) = p.monitor {
            let why = fleet
                .monitor(p.server, monitor)
                .map(|m| match (m.last(), m.mean_latency_ms(), m.last_metric) {
                    (Some(LastResult { error: Some(e), .. }), _, _) => e,
                    (_, Some(mean), _) => tr.fmt(
                        "problems-mean-latency",
                        &[("seconds", (mean / 1_000).into())],
                    ),
                    (_, _, Some(queued)) => {
                        let queued = format!("{queued:.0}");
                        tr.fmt("problems-queued", &[("count", queued.into())])
                    }
                    _ => words::rule(tr, &fleet.policy(monitor).rule),
                })
                .unwrap_or_default();
            // Acknowledged: said before why, so that a cut line still says it.
            if let Some(ack) = fleet.shared().and_then(|s| s.ack(p.server, monitor)) {
                let args = [
                    ("who", ack.by.as_str().into()),
                    ("until", ack.until.format("%H:%M").to_string().into()),
                ];
                let text = format!("  {}", tr.fmt("problems-acked", &args));
                spans.push(Span::styled(text, self.theme.flash));
            }
            spans.push(Span::styled(
                format!("  {}: ", monitor.name()),
                self.theme.text,
            ));
            spans.push(Span::styled(why, self.theme.dim));
        }
        Line::from(spans)
    }
}

impl Widget for ProblemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let problems = self.problems();
        let tr = self.state.tr();
        // A filter can hide problems: say so rather than imply the fleet is fine.
        let filtered = !self.state.live_filter().is_empty();
        let down = self.state.fleet.shared().and_then(|s| s.failed.as_deref());
        let title = match (problems.len(), down) {
            // Unknown everywhere is no all-clear: say why nothing is known.
            (0, Some(why)) => tr.fmt("problems-none-known", &[("why", why.into())]),
            (0, None) if filtered => tr.text("problems-none-filtered").to_owned(),
            (0, None) => tr.text("problems-none").to_owned(),
            (n, _) if filtered => tr.fmt("problems-filtered", &[("count", n.into())]),
            (n, _) => tr.fmt("problems", &[("count", n.into())]),
        };
        let title = format!(" {title}");
        buf.set_stringn(
            area.x,
            area.y,
            title,
            usize::from(area.width),
            self.theme.header,
        );
        let wide = crate::layout::is_wide(area.width);
        let room = usize::from(area.height - 1);
        let shown = if problems.len() > room {
            room - 1
        } else {
            problems.len()
        };
        for (i, problem) in problems.iter().take(shown).enumerate() {
            let line = super::drill::fit_line(
                &self.line(problem, wide),
                usize::from(area.width),
                self.symbols.ascii,
            );
            buf.set_line(area.x, area.y + 1 + i as u16, &line, area.width);
        }
        if shown < problems.len() {
            let count = (problems.len() - shown).into();
            let more = format!(" {}", tr.fmt("problems-more", &[("count", count)]));
            let more = fit(&more, usize::from(area.width), self.symbols.ascii);
            buf.set_stringn(
                area.x,
                area.y + 1 + shown as u16,
                more,
                usize::from(area.width),
                self.theme.dim,
            );
        }
    }
}
