//! The drill-down's Exchange part: how the poll stands, proxy components taken offline,
//! and each monitor as Exchange reports it (ARCHITECTURE "Exchange's own verdict").

use super::DrillView;
use crate::health::AlertValue;
use crate::health::exchange::{ExchangeMonitor, ExchangeServer, PollState};
use crate::ui::format::age;
use crate::ui::wrap::wrap;
use ratatui::text::{Line, Span};

impl DrillView<'_> {
    fn verdict(&self) -> Option<&ExchangeServer> {
        self.state.fleet.exchange(self.drill.server)
    }

    /// The poll's standing and the components that are not Active: above the monitors.
    pub(super) fn exchange_lines(&self) -> Vec<Line<'static>> {
        let Some(verdict) = self.verdict() else {
            return Vec::new();
        };
        let now = self.state.now;
        let ago = |at| age(at, now, true);
        let (style, said) = match &verdict.poll {
            PollState::Waiting => (self.theme.dim, "waiting for its first answer".to_owned()),
            PollState::Answered { at } => (self.theme.dim, format!("answered {} ago", ago(*at))),
            PollState::Empty { at } => (
                self.theme.unhealthy_text(),
                format!("answered nothing {} ago: no data, Unknown", ago(*at)),
            ),
            PollState::Failed { at, why } => (
                self.theme.unhealthy_text(),
                format!("poll failed {} ago: {why}", ago(*at)),
            ),
        };
        let mut lines = vec![Line::from(vec![
            Span::styled("   Exchange ", self.theme.title),
            Span::styled(said, style),
        ])];
        // An old answer's components are what Exchange said last, not what holds now.
        let last = if verdict.answered() {
            ""
        } else {
            ", as Exchange said it last"
        };
        for component in verdict.inactive() {
            let by = if component.requesters.is_empty() {
                last.to_owned()
            } else {
                format!(" (requested by {}){last}", component.requesters.join(", "))
            };
            lines.push(Line::from(Span::styled(
                format!(
                    " {} {} Inactive{by}",
                    self.symbols.glyph(AlertValue::Unhealthy),
                    component.name
                ),
                self.theme.alert(AlertValue::Unhealthy),
            )));
            lines.push(Line::from(Span::styled(
                "   taken offline: the proxy runbook's component step sets it Active again",
                self.theme.dim,
            )));
        }
        lines
    }

    /// One Exchange monitor: its alert as Exchange says it, its last execution, its error
    /// (whole when selected), and where it comes from.
    pub(super) fn exchange_monitor_lines(
        &self,
        index: usize,
        selected: bool,
        full: bool,
        width: usize,
    ) -> Vec<Line<'static>> {
        let Some(verdict) = self.verdict() else {
            return Vec::new();
        };
        let Some(m) = verdict.monitors.get(index) else {
            return Vec::new();
        };
        let answered = verdict.answered();
        let alert = if answered {
            m.alert
        } else {
            AlertValue::Unknown
        };
        let label = |l: &str| Span::styled(format!("    {l:<9}"), self.theme.dim);
        let text = |t: String| Span::styled(t, self.theme.text);
        let since = m
            .left_healthy_at()
            .filter(|_| answered)
            .map(|t| format!(" {}", age(t, self.state.now, true)))
            .unwrap_or_default();
        let marker = if selected { self.symbols.cursor() } else { " " };
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{marker} "), self.theme.title),
            Span::styled(
                format!("{} {}{since} ", self.symbols.glyph(alert), alert.word()),
                self.theme.alert(alert),
            ),
            Span::styled(format!(" {}", m.name), self.theme.title),
            Span::styled("  Exchange", self.theme.dim),
        ])];
        lines.push(Line::from(vec![
            label("last"),
            text(self.execution(m, answered)),
        ]));
        if let Some(error) = &m.error {
            let room = width.saturating_sub(13).max(20);
            let pieces = if selected {
                wrap(error, room)
            } else {
                vec![error.clone()]
            };
            for (i, piece) in pieces.into_iter().enumerate() {
                let head = if i == 0 { label("error") } else { label("") };
                lines.push(Line::from(vec![
                    head,
                    Span::styled(piece, self.theme.unhealthy_text()),
                ]));
            }
        }
        if full {
            let target = m
                .target_resource
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| format!(" {} {t}", self.symbols.arrow()))
                .unwrap_or_default();
            let seed = if m.seed.is_some() {
                ""
            } else {
                ", not one of the seeds' (no runbook)"
            };
            let state = m
                .health_set_state
                .as_deref()
                .map(|s| format!(", health set {s}"))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                label("source"),
                text(format!(
                    "Exchange (Get-ServerHealth {}{state}){seed}{target}",
                    m.health_set.name()
                )),
            ]));
        }
        lines
    }

    /// When Exchange last ran the monitor's probe and how it ended; stale said plainly;
    /// while the poll has no answer, the row is "as of" its last answer.
    fn execution(&self, m: &ExchangeMonitor, answered: bool) -> String {
        let mut out = match (&m.last_result, m.last_execution) {
            (Some(result), Some(at)) => format!(
                "{result} at {} UTC ({} ago)",
                at.format("%H:%M"),
                age(at, self.state.now, true)
            ),
            (Some(result), None) => result.clone(),
            (None, Some(at)) => format!("ran at {} UTC", at.format("%H:%M")),
            (None, None) => "no execution reported".to_owned(),
        };
        if m.is_stale {
            out.push_str(&format!(
                ", STALE: Exchange's own result is old (it says {})",
                m.reported.word()
            ));
        }
        if !answered {
            out.push_str(&format!(", as Exchange said it last ({})", m.alert.word()));
        }
        out
    }
}
