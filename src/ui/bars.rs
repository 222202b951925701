//! The mode banner (top) and the status bar (bottom), on every screen.

use super::format::{clock, fit_words, lapse, text_width};
use super::symbols::{Symbols, guard_word};
use super::theme::Theme;
use crate::health::AlertValue;
use crate::i18n::Tr;
use crate::i18n::words;
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
        let tr = state.tr();
        let mode_style = mode_style(self.theme, &state.launch.banner.mode);
        let mut spans = vec![Span::styled(
            format!(" {} ", self.symbols.mode_in(&state.launch.banner.mode, tr)),
            mode_style,
        )];
        spans.extend(self.warnings(area.width, tr));
        spans.extend(self.view_state(tr));
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

/// One banner item: its words with a space either side.
fn said(text: impl std::fmt::Display, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(format!(" {text} "), style)
}

impl BannerView<'_> {
    /// What the engineer must not miss, most urgent first.
    fn warnings(&self, width: u16, tr: Tr) -> Vec<Span<'static>> {
        let (state, theme) = (self.state, self.theme);
        let wide = is_wide(width);
        let mut spans = Vec::new();
        // The record comes first: whatever else is cut off, this never is.
        if let Some(reason) = &state.record_unwritten {
            let text = tr.fmt("banner-record-not-written", &[("reason", reason.into())]);
            spans.push(said(text, theme.unhealthy_text()));
        }
        // A console behind its schedule says so before anything else but the record:
        // green cells may be old.
        if state.pace.behind() {
            // Rounded up: a probe late by 0.4 s is not "0s" late.
            let late = lapse(state.pace.worst_late.as_millis().div_ceil(1_000) as u64);
            let id = if wide {
                "banner-prober-behind"
            } else {
                "banner-behind"
            };
            let args = [("count", state.pace.late.into()), ("late", late.into())];
            spans.push(said(tr.fmt(id, &args), theme.unhealthy_text()));
        }
        // Exchange's verdict missing: those cells are Unknown, and the banner says how many.
        let silent = state.fleet.exchange_silent();
        if silent > 0 {
            let all = state.fleet.servers().len();
            let id = if wide {
                "banner-exchange-silent"
            } else {
                "banner-exchange-silent-short"
            };
            let args = [("silent", silent.into()), ("all", all.into())];
            spans.push(said(tr.fmt(id, &args), theme.unhealthy_text()));
        }
        if let Some(shared) = state.fleet.shared() {
            spans.extend(shared_source(shared, (state.now, tr), width, theme));
        }
        for guard in state.launch.banner.guards() {
            // Wide enough, the guard says what it means.
            let word = guard_word(guard, tr);
            let text = match guard {
                "READ-ONLY" if wide => format!("{word}: {}", tr.text("banner-read-only-meaning")),
                "DRY-RUN" if wide => format!("{word}: {}", tr.text("banner-dry-run-meaning")),
                _ => word.to_owned(),
            };
            spans.push(said(text, theme.banner_guard));
        }
        // What is owed on the fleet shows on every screen until it is run or written off.
        let owed = state.owed().len();
        if owed > 0 {
            let badge = if self.symbols.ascii { "!" } else { "⚑" };
            let count = tr.fmt("banner-owed", &[("count", owed.into())]);
            spans.push(said(format!("{badge} {count}"), theme.flash));
        }
        if !state.ledger.unreadable.is_empty() {
            let text = tr.text("banner-ledger-unread");
            spans.push(said(text, theme.unhealthy_text()));
        }
        spans
    }

    /// What the grid shows of the fleet: filter, order, the training clock, the count.
    fn view_state(&self, tr: Tr) -> Vec<Span<'static>> {
        let (state, theme) = (self.state, self.theme);
        let mut spans = Vec::new();
        // What hides servers comes first: a filter must never be cut off.
        let total = state.fleet.servers().len();
        let filter = state.live_filter();
        if !filter.is_empty() {
            let args = [
                ("filter", filter.into()),
                ("shown", state.view.rows.len().into()),
                ("total", total.into()),
            ];
            spans.push(said(tr.fmt("banner-filter", &args), theme.flash));
        }
        // Rows out of the inventory's order say so: `n` and the eye follow the grid.
        if state.view.sort != SortKey::Fleet {
            let args = [("key", state.view.sort.name().into())];
            spans.push(said(tr.fmt("banner-sorted", &args), theme.dim));
        }
        let mut info = String::new();
        if let Mode::Training { scenario, .. } = &state.launch.banner.mode {
            let sep = self.symbols.separator();
            let elapsed = (state.now - state.started).num_seconds();
            let fleet_clock = tr.fmt("banner-fleet-clock", &[("clock", clock(elapsed).into())]);
            info.push_str(&format!(" {scenario} {sep} {fleet_clock} {sep}"));
        }
        info.push(' ');
        info.push_str(&tr.fmt("banner-servers", &[("count", total.into())]));
        spans.push(Span::styled(info, theme.text));
        spans
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
        let tr = state.tr();
        buf.set_style(area, self.theme.status);
        if let Some(line) = self.typing_line(tr) {
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        let wide = is_wide(area.width);
        let counts = state.fleet.counts();
        let mut spans = vec![Span::styled(
            format!(" {} ", tr.text("status-monitors")),
            self.theme.status,
        )];
        for alert in AlertValue::ALL {
            let n = counts[alert.index()];
            if n == 0 && !matches!(alert, AlertValue::Unhealthy | AlertValue::Healthy) {
                continue;
            }
            let word = if wide {
                words::alert(tr, alert)
            } else {
                words::alert_short(tr, alert)
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
        let debrief: &[(&str, &str)] = &[("q", "hint-quit"), ("Esc", "hint-back-to-fleet")];
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
                spans.push(Span::styled(
                    format!(" {}", tr.text(what)),
                    self.theme.status,
                ));
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
                let more = format!(" {}", tr.text("status-more-in-help"));
                let room = usize::from(area.width).saturating_sub(text_width(&more) + 1);
                let cut = fit_words(flash, room, self.symbols.ascii);
                spans = vec![
                    Span::styled(format!(" {cut}"), self.theme.flash),
                    Span::styled(more, self.theme.status),
                ];
            }
        } else {
            let context = crate::update::screen_context(&state.view.screen);
            let narrow = context == KeyContext::Runbook && !wide;
            let keymap = &state.launch.keymap;
            let hints = keymap::help::hints(keymap, context, self.symbols.ascii, narrow, tr);
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
    (now, tr): (chrono::DateTime<chrono::Utc>, Tr),
    width: u16,
    theme: &Theme,
) -> Vec<Span<'static>> {
    use crate::health::shared::AckSource;
    let wide = is_wide(width);
    let pick = |long: &'static str, short: &'static str| if wide { long } else { short };
    let mut spans = Vec::new();
    match (&shared.failed, shared.read_at) {
        (Some(why), _) if wide => {
            let text = tr.fmt("banner-prometheus-down", &[("why", why.into())]);
            spans.push(said(text, theme.unhealthy_text()));
        }
        (Some(_), _) => {
            let text = tr.text("banner-prometheus-down-short");
            spans.push(said(text, theme.unhealthy_text()));
        }
        (None, Some(at)) => {
            let age = lapse(u64::try_from((now - at).num_seconds()).unwrap_or(0));
            let id = pick("banner-prometheus", "banner-prometheus-short");
            spans.push(said(tr.fmt(id, &[("age", age.into())]), theme.banner_guard));
            // What Prometheus warned of, or rows no server of this inventory owns.
            if let Some(first) = shared.warnings.first().filter(|_| wide) {
                let text = tr.fmt("banner-prometheus-warns", &[("first", first.into())]);
                spans.push(said(text, theme.flash));
            }
        }
        (None, None) => {
            let id = pick(
                "banner-prometheus-reading",
                "banner-prometheus-reading-short",
            );
            spans.push(said(tr.text(id), theme.banner_guard));
        }
    }
    if let AckSource::Failed(_) = shared.acks {
        let id = pick("banner-alertmanager-down", "banner-alertmanager-down-short");
        spans.push(said(tr.text(id), theme.unhealthy_text()));
    }
    spans
}

impl StatusView<'_> {
    /// The line of the filter or the command line being typed, with its keys.
    fn typing_line(&self, tr: Tr) -> Option<Line<'static>> {
        let (key, text, hints): (&str, &str, &[(&str, &'static str)]) =
            match &self.state.view.prompt {
                Some(Prompt::Filter { text, .. }) => (
                    " / ",
                    text,
                    &[
                        ("Enter", "hint-apply"),
                        ("Esc", "hint-cancel"),
                        ("Ctrl-U", "hint-clear"),
                    ],
                ),
                Some(Prompt::Command { text, offered, .. }) if !offered.is_empty() => {
                    return Some(Line::from(vec![
                        Span::styled(" :", self.theme.status_key),
                        Span::styled(format!("{text}_"), self.theme.prompt),
                        Span::styled(format!("  {}", offered.join(" ")), self.theme.status),
                    ]));
                }
                Some(Prompt::Command { text, .. }) => (
                    " :",
                    text,
                    &[
                        ("Tab", "hint-complete"),
                        ("Up/Down", "hint-earlier"),
                        ("Enter", "hint-run"),
                        ("Esc", "hint-close"),
                    ],
                ),
                _ => return None,
            };
        Some(Line::from(vec![
            Span::styled(key, self.theme.status_key),
            Span::styled(format!("{text}_"), self.theme.prompt),
            Span::styled(keyed(hints, tr), self.theme.status),
        ]))
    }
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
    Some(state.tr().fmt(
        "status-acked",
        &[
            ("who", ack.by.as_str().into()),
            ("until", ack.until.format("%H:%M").to_string().into()),
            ("comment", ack.comment.as_str().into()),
            ("monitor", ack.monitor.name().into()),
        ],
    ))
}

/// The keys a box prompt takes, for the status bar: (key, message id).
fn prompt_hints(prompt: Option<&Prompt>) -> Option<&'static [(&'static str, &'static str)]> {
    match prompt {
        Some(Prompt::Confirm { .. }) => Some(&[("Enter", "hint-confirm"), ("Esc", "hint-abort")]),
        Some(Prompt::Leave { .. }) => Some(&[
            ("r", "hint-run-them"),
            ("l", "hint-leave"),
            ("Esc", "hint-stay"),
        ]),
        Some(Prompt::QuitRunning) => Some(&[
            ("c", "hint-cancel"),
            ("l", "hint-leave-running"),
            ("Esc", "hint-stay"),
        ]),
        Some(Prompt::Unrecorded { .. }) => {
            Some(&[("y", "hint-run-unrecorded"), ("n", "hint-do-not-run")])
        }
        Some(Prompt::Reason { .. }) => Some(&[
            ("Enter", "hint-go"),
            ("Esc", "hint-back-out"),
            ("Ctrl-U", "hint-clear"),
        ]),
        _ => None,
    }
}

/// `  Enter apply  Esc cancel`: keys and their words on one line, in the console's language.
fn keyed(hints: &[(&str, &'static str)], tr: Tr) -> String {
    let mut line = String::new();
    for (key, id) in hints {
        line.push_str(&format!("  {key} {}", tr.text(id)));
    }
    line
}
