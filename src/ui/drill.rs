//! The drill-down: one server × one health set, monitor by monitor.

mod exchange;

use super::format::{Cols, age, fit, lapse};
use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::monitor::MonitorState;
use crate::health::monitors::MonitorInput;
use crate::health::{AlertValue, HealthSet, Monitor};
use crate::i18n::words;
use crate::runbook::platform::Platform;
use crate::update::{AppState, DrillRow, DrillState};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct DrillView<'a> {
    pub state: &'a AppState,
    pub drill: &'a DrillState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl DrillView<'_> {
    fn title(&self) -> Line<'static> {
        let tr = self.state.tr();
        let server = &self.state.fleet.servers()[self.drill.server];
        let cell = self.state.fleet.cell(self.drill.server, self.drill.set);
        let mut spans = vec![Span::styled(
            format!(
                " {} ({}, {}) {} {} ",
                server.name,
                words::role(tr, server.role),
                server.site,
                self.symbols.cursor(),
                self.drill.set.name()
            ),
            self.theme.title,
        )];
        if let Some(alert) = cell.alert {
            let since = cell
                .since
                .filter(|_| alert != AlertValue::Healthy)
                .map(|t| {
                    let age = age(t, self.state.now, true);
                    format!(" {}", tr.fmt("problems-for", &[("age", age.into())]))
                })
                .unwrap_or_default();
            let word = words::alert(tr, alert);
            spans.push(Span::styled(
                format!(" {} {word}{since} ", self.symbols.glyph(alert)),
                self.theme.alert(alert),
            ));
        }
        Line::from(spans)
    }

    fn head(&self, monitor: Monitor, m: &MonitorState, selected: bool) -> Line<'static> {
        let s = self.symbols;
        let tr = self.state.tr();
        let marker = if selected { s.cursor() } else { " " };
        let since = m
            .left_healthy_at
            .filter(|_| m.alert != AlertValue::Healthy)
            .map(|t| format!(" {}", age(t, self.state.now, true)))
            .unwrap_or_default();
        let mut head = vec![
            Span::styled(format!("{marker} "), self.theme.title),
            Span::styled(
                format!("{} {}{since} ", s.glyph(m.alert), words::alert(tr, m.alert)),
                self.theme.alert(m.alert),
            ),
            Span::styled(format!(" {}", monitor.name()), self.theme.title),
            // The drill-down always says where a monitor comes from.
            Span::styled(
                format!(
                    "  {}",
                    tr.text(if self.state.launch.platform == Platform::Training {
                        "drill-source-simulator"
                    } else if self.state.fleet.shared().is_some() {
                        "drill-source-prometheus"
                    } else {
                        "drill-source-probe"
                    })
                ),
                self.theme.dim,
            ),
        ];
        if m.is_flapping(self.state.fleet.policy(monitor)) {
            head.push(Span::styled(
                format!("  {} {}", s.flapping(), tr.text("drill-flapping")),
                self.theme.flapping,
            ));
        }
        Line::from(head)
    }

    /// What feeds the monitor and what that depends on.
    fn source(&self, monitor: Monitor) -> (String, String) {
        let role = self.state.fleet.servers()[self.drill.server].role;
        let tr = self.state.tr();
        let to = format!("{} {}", self.symbols.arrow(), monitor.target_service(role));
        match monitor.input() {
            MonitorInput::Probe(p) => {
                let args = [
                    ("probe", p.name().into()),
                    (
                        "interval",
                        self.state.fleet.policy(monitor).interval.to_string().into(),
                    ),
                ];
                let every = tr.fmt("drill-probe-every", &args);
                let depends: Vec<&str> = p
                    .dependencies()
                    .iter()
                    .map(|d| words::dependency(tr, d))
                    .collect();
                (
                    format!("{every}{} {to}", self.cadence(monitor)),
                    depends.join(", "),
                )
            }
            MonitorInput::CommandLatency(p) => (
                format!(
                    "{} {to}",
                    tr.fmt("drill-latency-of", &[("protocol", p.label().into())])
                ),
                tr.text("drill-depends-probes").to_owned(),
            ),
            MonitorInput::RequestsQueued(p) => (
                format!(
                    "{} {to}",
                    tr.fmt("drill-queue-metric", &[("protocol", p.label().into())])
                ),
                tr.text("drill-depends-metric").to_owned(),
            ),
        }
    }

    /// The interval the probe really got, and how late it last started, when either is
    /// off the schedule by more than a fifth of the interval (otherwise "every 1m" is true).
    fn cadence(&self, monitor: Monitor) -> String {
        let Some(c) = self.state.fleet.cadence(self.drill.server, monitor) else {
            return String::new();
        };
        let interval = self.state.fleet.policy(monitor).interval.0;
        let slack = interval / 5;
        let off = c.gap.is_some_and(|g| (g - interval).abs() > slack) || c.late > slack;
        let Some(gap) = c.gap.filter(|_| off) else {
            return String::new();
        };
        let secs = |d: chrono::TimeDelta| u64::try_from(d.num_seconds()).unwrap_or(0);
        let tr = self.state.tr();
        let gap = lapse(secs(gap));
        let said = if c.late.num_seconds() >= 1 {
            let late = lapse(secs(c.late));
            tr.fmt(
                "drill-cadence-late",
                &[("gap", gap.into()), ("late", late.into())],
            )
        } else {
            tr.fmt("drill-cadence", &[("gap", gap.into())])
        };
        format!(" ({said})")
    }

    fn rule(&self, monitor: Monitor, m: &MonitorState) -> String {
        let policy = self.state.fleet.policy(monitor);
        let tr = self.state.tr();
        let described = words::rule(tr, &policy.rule);
        let dash = self.symbols.dash();
        // Prometheus evaluates the rule: the console keeps no count of its own to show.
        if self.state.fleet.shared().is_some() {
            let alert = tr.text(match m.alert {
                AlertValue::Unhealthy => "drill-alert-firing",
                AlertValue::Degraded => "drill-alert-pending",
                AlertValue::Healthy => "drill-alert-inactive",
                AlertValue::Disabled => "drill-alert-not-generated",
                _ => "drill-alert-no-data",
            });
            let said = tr.fmt("drill-prometheus-alert", &[("alert", alert.into())]);
            return format!("{described} {dash} {said}");
        }
        let (n, of) = m.failing_count(policy);
        // Never "5/3 failing": the rule is met at 3; how many so far is said apart.
        let progress = if n > of {
            tr.fmt(
                "drill-failing-over",
                &[("count", n.into()), ("of", of.into())],
            )
        } else {
            tr.fmt("drill-failing", &[("count", n.into()), ("of", of.into())])
        };
        let mut rule = format!("{described} {dash} {progress}");
        if let Some(mean) = m.mean_latency_ms() {
            rule.push_str(&tr.fmt("drill-mean", &[("ms", mean.into())]));
        }
        if let Some(queued) = m.last_metric {
            let queued = format!("{queued:.0}");
            rule.push_str(&tr.fmt("drill-queued-now", &[("count", queued.into())]));
        }
        rule
    }

    fn last(&self, monitor: Monitor, m: &MonitorState) -> String {
        let cannot = self
            .state
            .launch
            .not_runnable
            .iter()
            .find(|n| n.server == self.drill.server && Some(n.probe) == monitor.probe());
        let tr = self.state.tr();
        match (m.last(), m.alert) {
            (None, _) if cannot.is_some() => {
                let why = cannot.map_or("", |n| n.why.as_str());
                tr.fmt("drill-cannot-run", &[("why", why.into())])
            }
            (_, AlertValue::Disabled) => tr.text("drill-nothing-feeds").to_owned(),
            (Some(r), _) => {
                let id = if r.succeeded {
                    "drill-last-succeeded"
                } else {
                    "drill-last-failed"
                };
                let args = [
                    ("age", age(r.at, self.state.now, true).into()),
                    ("ms", r.latency_ms.into()),
                ];
                tr.fmt(id, &args)
            }
            (None, _) if m.last_sample_at.is_some() => tr.text("drill-no-probe").to_owned(),
            (None, _) => tr.text("drill-no-result").to_owned(),
        }
    }

    /// Compensations owed on this server: what, since when, by whom, from which runbook,
    /// the command that undoes it, and the keys that settle it.
    fn owed_lines(&self, width: usize) -> Vec<Line<'static>> {
        let server = &self.state.fleet.servers()[self.drill.server].name;
        let owed: Vec<_> = self
            .state
            .owed()
            .into_iter()
            .filter(|d| d.server == *server)
            .collect();
        if owed.is_empty() {
            return Vec::new();
        }
        let mut lines = Vec::new();
        let tr = self.state.tr();
        let badge = if self.symbols.ascii { "!" } else { "⚑" };
        for debt in owed {
            let owed = tr.text(if debt.certain {
                "grid-owed"
            } else {
                "drill-owed-maybe"
            });
            let args = [
                ("since", debt.since.format("%H:%M").to_string().into()),
                ("who", debt.by.as_str().into()),
                (
                    "runbook",
                    format!("{}/{}", debt.procedure, debt.caused_by).into(),
                ),
            ];
            lines.push(Line::from(vec![
                Span::styled(format!(" {badge} {owed} "), self.theme.flash),
                Span::styled(format!("{} ", debt.title), self.theme.title),
                Span::styled(tr.fmt("drill-owed-since", &args), self.theme.dim),
            ]));
            if let Some(command) = &debt.command {
                let shown = fit(command, width.saturating_sub(5), self.symbols.ascii);
                lines.push(Line::from(vec![
                    Span::styled("   $ ", self.theme.dim),
                    Span::styled(shown.into_owned(), self.theme.key),
                ]));
            }
        }
        lines.push(Line::from(vec![
            Span::styled("   u", self.theme.key),
            Span::styled(format!(" {}  ", tr.text("drill-owed-run")), self.theme.text),
            Span::styled("x", self.theme.key),
            Span::styled(
                format!(" {}", tr.text("drill-owed-write-off")),
                self.theme.text,
            ),
        ]));
        lines
    }

    fn monitor_lines(&self, monitor: Monitor, selected: bool, full: bool) -> Vec<Line<'static>> {
        let Some(m) = self.state.fleet.monitor(self.drill.server, monitor) else {
            return Vec::new();
        };
        let tr = self.state.tr();
        let label = |id: &'static str| label(tr.text(id), self.theme);
        let text = |t: String| Span::styled(t, self.theme.text);
        let mut lines = vec![
            self.head(monitor, m, selected),
            Line::from(vec![label("drill-label-last"), text(self.last(monitor, m))]),
        ];
        if let Some(error) = m.last().and_then(|r| r.error) {
            lines.push(Line::from(vec![
                label("drill-label-error"),
                Span::styled(error, self.theme.unhealthy_text()),
            ]));
        }
        if let Some(shared) = self.state.fleet.shared() {
            if let Some(why) = &shared.failed {
                lines.push(Line::from(vec![
                    label("drill-label-unknown"),
                    Span::styled(why.clone(), self.theme.unhealthy_text()),
                ]));
            }
            if let Some(ack) = shared.ack(self.drill.server, monitor) {
                lines.push(Line::from(vec![
                    label("drill-label-acked"),
                    Span::styled(
                        tr.fmt(
                            "drill-acked",
                            &[
                                ("who", ack.by.as_str().into()),
                                (
                                    "until",
                                    ack.until.format("%Y-%m-%d %H:%M").to_string().into(),
                                ),
                                ("comment", ack.comment.as_str().into()),
                            ],
                        ),
                        self.theme.flash,
                    ),
                ]));
            }
        }
        if full {
            let (source, depends) = self.source(monitor);
            let spark = if m.latencies.is_empty() {
                tr.text("drill-no-samples").to_owned()
            } else {
                let args = [
                    ("count", m.latencies.len().into()),
                    ("max", m.latencies.iter().max().copied().unwrap_or(0).into()),
                ];
                let said = tr.fmt("drill-latencies", &args);
                format!(
                    "{}  {said}",
                    self.symbols.sparkline(m.latencies.iter().copied())
                )
            };
            lines.push(Line::from(vec![label("drill-label-source"), text(source)]));
            let rule = self.rule(monitor, m);
            lines.push(Line::from(vec![label("drill-label-rule"), text(rule)]));
            // A queue metric has no latencies to draw.
            if !matches!(monitor.input(), MonitorInput::RequestsQueued(_)) {
                lines.push(Line::from(vec![label("drill-label-latency"), text(spark)]));
            }
            lines.push(Line::from(vec![
                label("drill-label-depends"),
                Span::styled(depends, self.theme.dim),
            ]));
        }
        lines
    }
}

impl Widget for DrillView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        let ascii = self.symbols.ascii;
        buf.set_line(area.x, area.y, &self.title(), area.width);
        let related: Vec<&str> = self
            .drill
            .set
            .related()
            .iter()
            .map(|s: &HealthSet| s.name())
            .collect();
        let related = related.join(", ");
        let sub = self
            .state
            .tr()
            .fmt("drill-related", &[("sets", related.into())]);
        let sub = format!("   {sub}");
        buf.set_stringn(
            area.x,
            area.y + 1,
            fit(&sub, width, ascii),
            width,
            self.theme.dim,
        );
        // What is owed on this server comes before its monitors: it is a debt to someone.
        let owed = self.owed_lines(width);
        for (y, line) in (area.y + 2..area.bottom()).zip(&owed) {
            buf.set_line(area.x, y, &fit_line(line, width, ascii), area.width);
        }
        let exchange = self.exchange_lines();
        let y = area.y + 2 + owed.len() as u16;
        for (y, line) in (y..area.bottom()).zip(&exchange) {
            buf.set_line(area.x, y, &fit_line(line, width, ascii), area.width);
        }
        let top = area.y + 3 + (owed.len() + exchange.len()) as u16;
        let rows = self.state.drill_rows(self.drill.server, self.drill.set);
        let room = usize::from(area.bottom().saturating_sub(top));
        let blocks_of = |all: bool| -> Vec<Vec<Line>> {
            let selected = self.drill.selected;
            let lines = |(i, row): (usize, &DrillRow)| match *row {
                DrillRow::Probe(m) => self.monitor_lines(m, i == selected, all || i == selected),
                DrillRow::Exchange(at) => {
                    self.exchange_monitor_lines(at, i == selected, all || i == selected, width)
                }
            };
            rows.iter().enumerate().map(lines).collect()
        };
        // Every monitor in full when they fit; otherwise the others show only what is wrong.
        let mut blocks = blocks_of(true);
        if blocks.iter().map(Vec::len).sum::<usize>() > room {
            blocks = blocks_of(false);
        }
        // Start late enough that the selected monitor is wholly on screen.
        // Rows come and go with Exchange's answers: the selection may point past them.
        let selected = self.drill.selected.min(blocks.len().saturating_sub(1));
        let mut first = 0;
        while first < selected
            && blocks[first..=selected].iter().map(Vec::len).sum::<usize>() > room
        {
            first += 1;
        }
        let lines = blocks.iter().skip(first).flatten();
        for (y, line) in (top..area.bottom()).zip(lines) {
            buf.set_line(area.x, y, &fit_line(line, width, ascii), area.width);
        }
    }
}

/// Cuts a line's last span so the line ends in `…` instead of vanishing at the edge.
/// A field's label, padded to the drill-down's label column (by display width).
fn label(text: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("    {:<9}", Cols(text)), theme.dim)
}

pub(crate) fn fit_line(line: &Line<'static>, width: usize, ascii: bool) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in &line.spans {
        let w = span.width();
        if used + w <= width {
            spans.push(span.clone());
            used += w;
        } else {
            spans.push(Span::styled(
                fit(&span.content, width - used, ascii).into_owned(),
                span.style,
            ));
            break;
        }
    }
    Line::from(spans)
}
