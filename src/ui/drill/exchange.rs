//! The drill-down's Exchange part: how the poll stands, proxy components taken offline,
//! and each monitor as Exchange reports it (ARCHITECTURE "Exchange's own verdict").

use super::DrillView;
use crate::health::AlertValue;
use crate::health::exchange::{ExchangeMonitor, ExchangeServer, PollState};
use crate::i18n::Arg;
use crate::i18n::words;
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
        let tr = self.state.tr();
        let ago = |at| Arg::from(age(at, now, true));
        let (style, said) = match &verdict.poll {
            PollState::Waiting => (self.theme.dim, tr.text("exchange-waiting").to_owned()),
            PollState::Answered { at } => (
                self.theme.dim,
                tr.fmt("exchange-answered", &[("age", ago(*at))]),
            ),
            PollState::Empty { at } => (
                self.theme.unhealthy_text(),
                tr.fmt("exchange-answered-nothing", &[("age", ago(*at))]),
            ),
            PollState::Failed { at, why } => (
                self.theme.unhealthy_text(),
                tr.fmt(
                    "exchange-poll-failed",
                    &[("age", ago(*at)), ("why", why.into())],
                ),
            ),
        };
        let mut lines = vec![Line::from(vec![
            Span::styled("   Exchange ", self.theme.title),
            Span::styled(said, style),
        ])];
        // An old answer's components are what Exchange said last, not what holds now.
        let last = if verdict.answered() {
            String::new()
        } else {
            format!(", {}", tr.text("exchange-said-last"))
        };
        for component in verdict.inactive() {
            let by = if component.requesters.is_empty() {
                last.clone()
            } else {
                let who = component.requesters.join(", ");
                format!(
                    " ({}){last}",
                    tr.fmt("exchange-requested-by", &[("who", who.into())])
                )
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
                format!("   {}", tr.text("exchange-taken-offline")),
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
        let tr = self.state.tr();
        let label = |id: &'static str| super::label(tr.text(id), self.theme);
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
                format!(
                    "{} {}{since} ",
                    self.symbols.glyph(alert),
                    words::alert(tr, alert)
                ),
                self.theme.alert(alert),
            ),
            Span::styled(format!(" {}", m.name), self.theme.title),
            Span::styled("  Exchange", self.theme.dim),
        ])];
        lines.push(Line::from(vec![
            label("drill-label-last"),
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
                let head = if i == 0 {
                    label("drill-label-error")
                } else {
                    super::label("", self.theme)
                };
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
                String::new()
            } else {
                format!(", {}", tr.text("exchange-not-a-seed"))
            };
            let state = m
                .health_set_state
                .as_deref()
                .map(|s| {
                    format!(
                        ", {}",
                        tr.fmt("exchange-health-set", &[("state", s.into())])
                    )
                })
                .unwrap_or_default();
            lines.push(Line::from(vec![
                label("drill-label-source"),
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
        let tr = self.state.tr();
        let mut out = match (&m.last_result, m.last_execution) {
            (Some(result), Some(at)) => {
                let args = [
                    ("result", result.into()),
                    ("at", at.format("%H:%M").to_string().into()),
                    ("age", age(at, self.state.now, true).into()),
                ];
                tr.fmt("exchange-result-at", &args)
            }
            (Some(result), None) => result.clone(),
            (None, Some(at)) => {
                let at = at.format("%H:%M").to_string();
                tr.fmt("exchange-ran-at", &[("at", at.into())])
            }
            (None, None) => tr.text("exchange-no-execution").to_owned(),
        };
        if m.is_stale {
            let says = words::alert(tr, m.reported);
            out.push_str(", ");
            out.push_str(&tr.fmt("exchange-stale", &[("alert", says.into())]));
        }
        if !answered {
            let said = words::alert(tr, m.alert);
            out.push_str(&format!(", {} ({said})", tr.text("exchange-said-last")));
        }
        out
    }
}
