//! The replay's screen: a banner that says it is a replay and where it is, the grid as the
//! console draws it, the entries played (newest last), and the keys.

use super::Replay;
use crate::incident::{Entry, Record};
use crate::ui::grid::GridView;
use crate::ui::{Symbols, Theme, format};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct ReplayView<'a> {
    pub replay: &'a Replay,
    pub theme: &'a Theme,
    pub symbols: Symbols,
}

const KEYS: &str =
    "read-only  space play/pause  l step  h back  + faster  - slower  g start  G end  q quit";

impl Widget for ReplayView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (replay, theme) = (self.replay, self.theme);
        let width = usize::from(area.width);
        let line = |buf: &mut Buffer, y: u16, text: &str, style| {
            let text = format::fit(text, width, self.symbols.ascii);
            buf.set_stringn(area.x, y, text, width, style);
        };
        if area.height < 6 {
            line(
                buf,
                area.y,
                "terminal too small for the replay",
                theme.flash,
            );
            return;
        }
        let (play, pause) = if self.symbols.ascii {
            (">", "||")
        } else {
            ("▶", "❚❚")
        };
        let state = if replay.playing {
            format!("{play} x{}", replay.speed)
        } else {
            format!("{pause} paused")
        };
        let banner = format!(
            " REPLAY {}/{} | {state} | {} | {}",
            replay.position,
            replay.len(),
            replay.clock.format("%H:%M:%S"),
            replay.name,
        );
        buf.set_style(Rect { height: 1, ..area }, theme.banner_guard);
        line(buf, area.y, &banner, theme.banner_guard);
        let servers = u16::try_from(replay.state.view.rows.len()).unwrap_or(u16::MAX);
        let log_rows = (area.height / 3).max(3);
        let grid_height = (servers + 3).min(area.height.saturating_sub(log_rows + 2));
        let grid = Rect {
            y: area.y + 1,
            height: grid_height,
            ..area
        };
        GridView {
            state: &replay.state,
            theme,
            symbols: self.symbols,
        }
        .render(grid, buf);
        let log_top = grid.y + grid.height;
        let log_height = area.height.saturating_sub(grid.height + 2);
        let played = replay.played();
        let shown = played.len().saturating_sub(usize::from(log_height));
        for (i, record) in played[shown..].iter().enumerate() {
            let y = log_top + u16::try_from(i).unwrap_or(0);
            line(buf, y, &describe(record), theme.text);
        }
        let status = replay.stopped.as_deref().unwrap_or(KEYS);
        let style = if replay.stopped.is_some() {
            theme.flash
        } else {
            theme.status
        };
        line(buf, area.y + area.height - 1, &format!(" {status}"), style);
    }
}

/// One entry in a line: its time and what it says.
fn describe(record: &Record) -> String {
    let at = record.fleet_at.unwrap_or(record.at).format("%H:%M:%S");
    let what = match &record.entry {
        Entry::Transition {
            server,
            monitor,
            from,
            to,
            ..
        } => format!("{monitor} on {server}: {from} -> {to}"),
        Entry::Examined {
            server, monitor, ..
        } => format!("{monitor} on {server} looked at"),
        Entry::RunbookOpened { title, server, .. } => format!("runbook opened: {title} @{server}"),
        Entry::StepStarted {
            run, title, server, ..
        } => format!("#{run} {title} @{server}"),
        Entry::StepEnded {
            run,
            exit,
            duration_ms,
            ..
        } => format!("#{run} {exit} in {:.1} s", *duration_ms as f64 / 1_000.0),
        Entry::Output { run, line, .. } => format!("#{run}   {line}"),
        Entry::Escalated { server, reason, .. } => format!("escalated @{server}: {reason}"),
        Entry::DrillEnded { end, score, .. } => format!("drill ended: {end}, {score}/100"),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v["kind"].as_str().map(|k| k.replace('_', " ")))
            .unwrap_or_default(),
    };
    // A record line may hold anything: control characters never reach the terminal.
    let what: String = what
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!(" {at} {what}")
}
