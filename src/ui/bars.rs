//! The mode banner (top) and the status bar (bottom), on every screen.

use super::format::{clock, fit_words, lapse};
use super::symbols::Symbols;
use super::theme::Theme;
use crate::health::AlertValue;
use crate::keymap::{self, KeyContext};
use crate::layout::is_wide;
use crate::update::rows::SortKey;
use crate::update::{AppState, Mode, Prompt};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct BannerView<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

/// Training and production must never look alike.
pub fn mode_style(theme: &Theme, mode: &Mode) -> ratatui::style::Style {
    match mode {
        Mode::Training { .. } => theme.banner_training,
        Mode::Production { .. } => theme.banner_production,
    }
}

impl Widget for BannerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let mode_style = mode_style(self.theme, &state.launch.banner.mode);
        let sep = self.symbols.separator();
        let mut spans = vec![Span::styled(
            format!(" {} ", self.symbols.mode(&state.launch.banner.mode)),
            mode_style,
        )];
        // The record comes first: whatever else is cut off, this never is.
        if let Some(reason) = &state.record_unwritten {
            spans.push(Span::styled(
                format!(" RECORD NOT WRITTEN: {reason} "),
                self.theme.unhealthy_text(),
            ));
        }
        // A console behind its schedule says so before anything else but the record:
        // green cells may be old.
        if state.pace.behind() {
            // Rounded up: a probe late by 0.4 s is not "0s" late.
            let late = lapse(state.pace.worst_late.as_millis().div_ceil(1_000) as u64);
            let text = if is_wide(area.width) {
                format!(" PROBER BEHIND: {} late, up to {late} ", state.pace.late)
            } else {
                format!(" BEHIND {} {late} ", state.pace.late)
            };
            spans.push(Span::styled(text, self.theme.unhealthy_text()));
        }
        // Exchange's verdict missing: those cells are Unknown, and the banner says how many.
        let silent = state.fleet.exchange_silent();
        if silent > 0 {
            let all = state.fleet.servers().len();
            let text = if is_wide(area.width) {
                format!(" EXCHANGE: no verdict on {silent} of {all} ")
            } else {
                format!(" NO VERDICT {silent}/{all} ")
            };
            spans.push(Span::styled(text, self.theme.unhealthy_text()));
        }
        if let Some(shared) = state.fleet.shared() {
            spans.extend(shared_source(shared, state.now, area.width, self.theme));
        }
        for guard in state.launch.banner.guards() {
            // Wide enough, the guard says what it means.
            let meaning = match guard {
                "READ-ONLY" if is_wide(area.width) => ": reads only",
                "DRY-RUN" if is_wide(area.width) => ": nothing runs",
                _ => "",
            };
            spans.push(Span::styled(
                format!(" {guard}{meaning} "),
                self.theme.banner_guard,
            ));
        }
        // What is owed on the fleet shows on every screen until it is run or written off.
        let owed = state.owed().len();
        if owed > 0 {
            let badge = if self.symbols.ascii { "!" } else { "⚑" };
            spans.push(Span::styled(
                format!(" {badge} {owed} OWED "),
                self.theme.flash,
            ));
        }
        if !state.ledger.unreadable.is_empty() {
            spans.push(Span::styled(
                " OWED LEDGER NOT READ ".to_owned(),
                self.theme.unhealthy_text(),
            ));
        }
        // What hides servers comes first: a filter must never be cut off.
        let total = state.fleet.servers().len();
        let filter = state.live_filter();
        if !filter.is_empty() {
            spans.push(Span::styled(
                format!(" filter `{filter}` {}/{total} ", state.view.rows.len()),
                self.theme.flash,
            ));
        }
        // Rows out of the inventory's order say so: `n` and the eye follow the grid.
        if state.view.sort != SortKey::Fleet {
            spans.push(Span::styled(
                format!(" by {} ", state.view.sort.name()),
                self.theme.dim,
            ));
        }
        let mut info = String::new();
        if let Mode::Training { scenario, .. } = &state.launch.banner.mode {
            let elapsed = (state.now - state.started).num_seconds();
            info.push_str(&format!(
                " {scenario} {sep} fleet +{} {sep}",
                clock(elapsed)
            ));
        }
        info.push_str(&format!(" {total} servers"));
        spans.push(Span::styled(info, self.theme.text));
        let line = Line::from(spans);
        let name = "healthdeck ";
        let room = usize::from(area.width);
        buf.set_line(area.x, area.y, &line, area.width);
        // The program's name only where it covers nothing.
        if line.width() + name.len() < room {
            let x = area.right().saturating_sub(name.len() as u16);
            buf.set_stringn(x, area.y, name, name.len(), self.theme.dim);
        }
    }
}

pub struct StatusView<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        buf.set_style(area, self.theme.status);
        if let Some(Prompt::Filter { text, .. }) = &state.view.prompt {
            let line = Line::from(vec![
                Span::styled(" / ", self.theme.status_key),
                Span::styled(format!("{text}_"), self.theme.prompt),
                Span::styled("  Enter apply  Esc cancel  Ctrl-U clear", self.theme.status),
            ]);
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        if let Some(Prompt::Command { text, offered, .. }) = &state.view.prompt {
            let mut spans = vec![
                Span::styled(" :", self.theme.status_key),
                Span::styled(format!("{text}_"), self.theme.prompt),
            ];
            if offered.is_empty() {
                spans.push(Span::styled(
                    "  Tab complete  Up/Down earlier  Enter run  Esc close",
                    self.theme.status,
                ));
            } else {
                spans.push(Span::styled(
                    format!("  {}", offered.join(" ")),
                    self.theme.status,
                ));
            }
            buf.set_line(area.x, area.y, &Line::from(spans), area.width);
            return;
        }
        let wide = is_wide(area.width);
        let counts = state.fleet.counts();
        let mut spans = vec![Span::styled(" monitors ", self.theme.status)];
        for alert in AlertValue::ALL {
            let n = counts[alert.index()];
            if n == 0 && !matches!(alert, AlertValue::Unhealthy | AlertValue::Healthy) {
                continue;
            }
            let word = if wide {
                alert.word()
            } else {
                alert.short_word()
            };
            let style = if n > 0 && alert.is_problem() {
                self.theme.alert(alert)
            } else {
                self.theme.status
            };
            spans.push(Span::styled(
                format!("{}{n} {word}", self.symbols.glyph(alert)),
                style,
            ));
            spans.push(Span::styled(" ", self.theme.status));
        }
        // Over a drill's debrief only its own keys act.
        let debrief: &[(&str, &str)] = &[("q", "quit"), ("Esc", "back to the fleet")];
        let prompt_hints = prompt_hints(state.view.prompt.as_ref()).or_else(|| {
            state
                .drill
                .as_ref()
                .filter(|run| run.shown)
                .map(|_| debrief)
        });
        if let Some(hints) = prompt_hints.filter(|_| state.view.flash.is_none()) {
            for (key, what) in hints {
                spans.push(Span::styled(format!(" {key}"), self.theme.status_key));
                spans.push(Span::styled(format!(" {what}"), self.theme.status));
            }
        } else if let (None, Some(ack)) = (&state.view.flash, acknowledged(state)) {
            // Under the cursor, who and until when: cut to the room, never a flash to recall.
            let used: usize = spans.iter().map(Span::width).sum();
            let room = usize::from(area.width).saturating_sub(used + 2);
            let cut = fit_words(&ack, room, self.symbols.ascii);
            spans.push(Span::styled(format!(" {cut} "), self.theme.flash));
        } else if let Some(flash) = &state.view.flash {
            let used: usize = spans.iter().map(Span::width).sum();
            let room = usize::from(area.width).saturating_sub(used + 2);
            if unicode_width::UnicodeWidthStr::width(flash.as_str()) <= room {
                spans.push(Span::styled(format!(" {flash} "), self.theme.flash));
            } else {
                // A long message wins the whole bar, cut at a word; help shows it whole.
                let more = " (? shows all)";
                let room = usize::from(area.width).saturating_sub(more.len() + 1);
                let cut = fit_words(flash, room, self.symbols.ascii);
                spans = vec![
                    Span::styled(format!(" {cut}"), self.theme.flash),
                    Span::styled(more, self.theme.status),
                ];
            }
        } else {
            let context = crate::update::screen_context(&state.view.screen);
            let narrow = context == KeyContext::Runbook && !wide;
            let hints =
                keymap::help::hints(&state.launch.keymap, context, self.symbols.ascii, narrow);
            for (key, what) in hints {
                spans.push(Span::styled(format!(" {key}"), self.theme.status_key));
                spans.push(Span::styled(format!(" {what}"), self.theme.status));
            }
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

/// Where health comes from when Prometheus judges, and how old its word is; an unreachable
/// Prometheus (every cell Unknown) or Alertmanager says so in the unhealthy style.
fn shared_source(
    shared: &crate::health::shared::SharedStatus,
    now: chrono::DateTime<chrono::Utc>,
    width: u16,
    theme: &Theme,
) -> Vec<Span<'static>> {
    use crate::health::shared::AckSource;
    let wide = is_wide(width);
    let mut spans = Vec::new();
    match (&shared.failed, shared.read_at) {
        (Some(why), _) if wide => spans.push(Span::styled(
            format!(" PROMETHEUS DOWN: {why} "),
            theme.unhealthy_text(),
        )),
        (Some(_), _) => spans.push(Span::styled(" PROM DOWN ", theme.unhealthy_text())),
        (None, Some(at)) => {
            let age = lapse(u64::try_from((now - at).num_seconds()).unwrap_or(0));
            let word = if wide { "PROMETHEUS" } else { "PROM" };
            spans.push(Span::styled(format!(" {word} {age} "), theme.banner_guard));
            // What Prometheus warned of, or rows no server of this inventory owns.
            if let Some(first) = shared.warnings.first().filter(|_| wide) {
                spans.push(Span::styled(format!(" warns: {first} "), theme.flash));
            }
        }
        (None, None) => spans.push(Span::styled(
            if wide {
                " PROMETHEUS: reading… "
            } else {
                " PROM … "
            },
            theme.banner_guard,
        )),
    }
    if let AckSource::Failed(_) = shared.acks {
        let text = if wide {
            " ALERTMANAGER DOWN "
        } else {
            " AM DOWN "
        };
        spans.push(Span::styled(text, theme.unhealthy_text()));
    }
    spans
}

/// Who acknowledged the cell under the grid's cursor, until when, and why.
fn acknowledged(state: &AppState) -> Option<String> {
    if !matches!(state.view.screen, crate::update::Screen::Grid) || state.view.prompt.is_some() {
        return None;
    }
    let server = state.cursor_server()?;
    let set = state.cursor_set();
    if !state
        .fleet
        .cell(server, set)
        .alert
        .is_some_and(AlertValue::is_problem)
    {
        return None;
    }
    let ack = state.fleet.shared()?.ack_in(server, set)?;
    // Who and until when first: at 80 columns the rest may be cut.
    Some(format!(
        "acked by {} until {} UTC: {} ({})",
        ack.by,
        ack.until.format("%H:%M"),
        ack.comment,
        ack.monitor.name()
    ))
}

/// The keys a box prompt takes, for the status bar.
fn prompt_hints(prompt: Option<&Prompt>) -> Option<&'static [(&'static str, &'static str)]> {
    match prompt {
        Some(Prompt::Confirm { .. }) => Some(&[("Enter", "confirm"), ("Esc", "abort")]),
        Some(Prompt::Leave { .. }) => Some(&[("r", "run them"), ("l", "leave"), ("Esc", "stay")]),
        Some(Prompt::QuitRunning) => {
            Some(&[("c", "cancel"), ("l", "leave running"), ("Esc", "stay")])
        }
        Some(Prompt::Unrecorded { .. }) => Some(&[("y", "run unrecorded"), ("n", "do not run")]),
        Some(Prompt::Reason { .. }) => {
            Some(&[("Enter", "go"), ("Esc", "back out"), ("Ctrl-U", "clear")])
        }
        _ => None,
    }
}
