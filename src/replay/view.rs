//! The replay's screen: a banner that says it is a replay and where it is, the grid as the
//! console draws it, the runbook pane as the record left it, the entries played (newest
//! last), and the keys.

use super::Replay;
use super::walk::Walk;
use super::walk_view::WalkView;
use crate::i18n::{Said, Tr, words};
use crate::incident::{Entry, Record};
use crate::runbook::titles;
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

/// From this width the pane and the entries sit side by side.
const WIDE: u16 = 120;

impl Widget for ReplayView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (replay, theme) = (self.replay, self.theme);
        let tr = replay.state.tr();
        let width = usize::from(area.width);
        let line = |buf: &mut Buffer, y: u16, text: &str, style| {
            let text = format::fit(text, width, self.symbols.ascii);
            buf.set_stringn(area.x, y, text, width, style);
        };
        if crate::layout::too_small(area.width, area.height) {
            self.too_small(area, buf);
            return;
        }
        buf.set_style(Rect { height: 1, ..area }, theme.banner_guard);
        line(buf, area.y, &self.banner(), theme.banner_guard);
        let grid_height = grid_height(
            area.height,
            replay.state.view.rows.len(),
            replay.walk.is_some(),
        );
        let grid = Rect {
            y: area.y + 1,
            height: grid_height,
            ..area
        };
        if replay.state.view.rows.is_empty() {
            line(
                buf,
                grid.y,
                &format!(" {}", tr.text("replay-no-server")),
                theme.dim,
            );
        } else {
            GridView {
                state: &replay.state,
                theme,
                symbols: self.symbols,
            }
            .render(grid, buf);
        }
        // Where reading stopped stays in sight, above the keys.
        let stopped = u16::from(replay.stopped.is_some());
        let lower = Rect {
            y: grid.y + grid.height,
            height: area.height.saturating_sub(grid.height + 2 + stopped),
            ..area
        };
        // Wide: the pane beside the entries. Narrow: the pane alone once a runbook is
        // open, over the entry just played.
        match &replay.walk {
            Some(walk) if area.width >= WIDE => {
                let pane_width = area.width * 3 / 5;
                let pane = Rect {
                    width: pane_width - 1,
                    ..lower
                };
                self.walk(walk, pane, buf);
                let entries = Rect {
                    x: lower.x + pane_width + 1,
                    width: area.width - pane_width - 1,
                    ..lower
                };
                for y in lower.y..lower.y + lower.height {
                    buf.set_string(
                        lower.x + pane_width,
                        y,
                        self.symbols.separator(),
                        theme.border,
                    );
                }
                self.entries(entries, buf);
            }
            Some(walk) => {
                let pane = Rect {
                    height: lower.height.saturating_sub(1),
                    ..lower
                };
                self.walk(walk, pane, buf);
                if let Some(last) = replay.played().last() {
                    let y = lower.y + pane.height;
                    let text = format!("{}{}", self.symbols.cursor(), describe(tr, last));
                    line(buf, y, &text, theme.title);
                }
            }
            None => self.entries(lower, buf),
        }
        let bottom = area.y + area.height - 1;
        if let Some(stopped) = &replay.stopped {
            line(buf, bottom - 1, &format!(" {stopped}"), theme.flash);
        }
        // The way out first: at 80 columns the end of the line may be cut.
        line(
            buf,
            bottom,
            &format!(" {}", tr.text("replay-keys")),
            theme.status,
        );
    }
}

/// The grid's rows: all its servers where they fit, less room once a runbook pane shares
/// the screen (the replay keeps the pane's server in view).
pub(super) fn grid_height(height: u16, servers: usize, walk: bool) -> u16 {
    let servers = u16::try_from(servers).unwrap_or(u16::MAX);
    let lower = if walk { height / 2 } else { height / 3 }.max(3);
    servers
        .saturating_add(3)
        .min(height.saturating_sub(lower + 2))
}

impl ReplayView<'_> {
    /// "terminal too small", the size needed, and the way out, in the middle.
    fn too_small(&self, area: Rect, buf: &mut Buffer) {
        let tr = self.replay.state.tr();
        let width = usize::from(area.width);
        let lines = [
            tr.text("too-small").to_owned(),
            tr.fmt(
                "too-small-size",
                &[
                    ("width", area.width.into()),
                    ("height", area.height.into()),
                    ("min_width", crate::layout::MIN_WIDTH.into()),
                    ("min_height", crate::layout::MIN_HEIGHT.into()),
                ],
            ),
            tr.text("too-small-way-out").to_owned(),
        ];
        let top = area.y + area.height.saturating_sub(3) / 2;
        for (y, text) in (top..area.y + area.height).zip(&lines) {
            let text = format::fit(text, width, self.symbols.ascii);
            buf.set_stringn(area.x, y, text, width, self.theme.flash);
        }
    }

    /// Says it is a replay, read-only, where and when it is, and of which record.
    fn banner(&self) -> String {
        let replay = self.replay;
        let tr = replay.state.tr();
        let (play, pause) = if self.symbols.ascii {
            (">", "||")
        } else {
            ("▶", "❚❚")
        };
        let state = if replay.playing {
            format!("{play} x{}", replay.speed)
        } else {
            // The speed shows paused too: `+`/`-` answer before play resumes.
            format!("{pause} {} x{}", tr.text("replay-paused"), replay.speed)
        };
        let banner = tr.fmt(
            "replay-banner",
            &[
                ("position", replay.position.into()),
                ("len", replay.len().into()),
                ("state", state.into()),
                (
                    "clock",
                    replay.clock.format("%Y-%m-%d %H:%M:%S").to_string().into(),
                ),
                ("name", replay.name.as_str().into()),
            ],
        );
        format!(" {banner}")
    }

    fn walk(&self, walk: &Walk, area: Rect, buf: &mut Buffer) {
        WalkView {
            walk,
            theme: self.theme,
            symbols: self.symbols,
            tr: self.replay.state.tr(),
        }
        .render(area, buf);
    }

    /// The entries played, the newest at the bottom.
    /// Beside the runbook pane, its output is left to it: the entries say what happened.
    fn entries(&self, area: Rect, buf: &mut Buffer) {
        let beside_pane = self.replay.walk.is_some();
        let mut shown: Vec<&Record> = self
            .replay
            .played()
            .iter()
            .rev()
            .filter(|r| !(beside_pane && matches!(r.entry, Entry::Output { .. })))
            .take(usize::from(area.height))
            .collect();
        shown.reverse();
        let width = usize::from(area.width);
        for (y, record) in (area.y..).zip(shown) {
            let text = describe(self.replay.state.tr(), record);
            let text = format::fit(&text, width, self.symbols.ascii).into_owned();
            buf.set_stringn(area.x, y, text, width, self.theme.text);
        }
    }
}

/// One entry in a line: its time and what it says, in the language of `tr` (the record's
/// own words, names and reasons, as recorded).
fn describe(tr: Tr, record: &Record) -> String {
    let at = record.fleet_at.unwrap_or(record.at).format("%H:%M:%S");
    let word = |w: &str| words::recorded_or_as_is(tr, w);
    let what = match &record.entry {
        Entry::Transition {
            server,
            monitor,
            health_set,
            from,
            to,
            ..
        } => {
            let monitor = crate::health::Monitor::recorded_label(monitor, health_set.as_deref());
            let args = [
                ("monitor", monitor.into()),
                ("server", server.into()),
                ("from", word(from).into()),
                ("to", word(to).into()),
            ];
            tr.fmt("replay-transition", &args)
        }
        Entry::Examined {
            server, monitor, ..
        } => tr.fmt(
            "replay-examined",
            &[("monitor", monitor.into()), ("server", server.into())],
        ),
        Entry::RunbookOpened {
            procedure,
            title,
            server,
            ..
        } => tr.fmt(
            "replay-runbook-opened",
            &[
                ("title", titles::runbook(tr, procedure, title).into()),
                ("server", server.into()),
            ],
        ),
        Entry::StepStarted {
            run,
            procedure,
            step,
            title,
            server,
            ..
        } => format!(
            "#{run} {} @{server}",
            titles::step(tr, procedure, step, title)
        ),
        Entry::StepEnded {
            run,
            exit,
            duration_ms,
            note,
            said,
            ..
        } => {
            let seconds = tr.decimal(*duration_ms as f64 / 1_000.0);
            let args = [
                ("run", (*run).into()),
                ("exit", word(exit).into()),
                ("seconds", seconds.into()),
            ];
            let ended = tr.fmt("replay-step-ended", &args);
            // Why it ended so (a lock, a budget, a time limit), as the export says it.
            match Said::recorded(said.as_ref(), note.as_deref(), tr) {
                Some(why) => format!("{ended} · {why}"),
                None => ended,
            }
        }
        Entry::Output { run, line, .. } => format!("#{run}   {line}"),
        Entry::Confirmation {
            step,
            server,
            accepted,
            by,
            ..
        } => {
            let id = if *accepted {
                "replay-confirmed"
            } else {
                "replay-refused"
            };
            let args = [
                ("step", step.into()),
                ("server", server.into()),
                ("by", by.into()),
            ];
            tr.fmt(id, &args)
        }
        _ => walk_entry(tr, &record.entry),
    };
    format!(" {at} {}", clean(&what))
}

/// The entries of a walk that say how it went on: skips, waits, its close.
fn walk_entry(tr: Tr, entry: &Entry) -> String {
    let word = |w: &str| words::recorded_or_as_is(tr, w);
    match entry {
        Entry::StepSkipped { step, reason, .. } => tr.fmt(
            "replay-skipped",
            &[("step", step.into()), ("reason", reason.into())],
        ),
        Entry::WaitStarted { step, minutes, .. } => tr.fmt(
            "replay-wait",
            &[("step", step.into()), ("minutes", (*minutes).into())],
        ),
        Entry::WaitEnded {
            step,
            how,
            waited_s,
            ..
        } => tr.fmt(
            "replay-waited",
            &[
                ("step", step.into()),
                ("how", word(how).into()),
                ("seconds", (*waited_s).into()),
            ],
        ),
        Entry::RunbookClosed { ending, .. } => {
            tr.fmt("replay-closed", &[("ending", word(ending).into())])
        }
        Entry::Escalated { server, reason, .. } => tr.fmt(
            "replay-escalated",
            &[("server", server.into()), ("reason", reason.into())],
        ),
        Entry::DrillEnded { end, score, .. } => tr.fmt(
            "replay-drill-ended",
            &[
                (
                    "end",
                    words::drill_end(tr, end).unwrap_or(end.as_str()).into(),
                ),
                ("score", score.to_string().into()),
            ],
        ),
        _ => session_entry(tr, entry),
    }
}

/// The session's own entries and what it owed; any other kind in the export's words.
fn session_entry(tr: Tr, entry: &Entry) -> String {
    let word = |w: &str| words::recorded_or_as_is(tr, w);
    match entry {
        Entry::SessionEnded { reason, .. } => {
            tr.fmt("replay-session-ended", &[("reason", word(reason).into())])
        }
        Entry::Hangup { .. } => tr.text("replay-hangup").to_owned(),
        Entry::Owed {
            server,
            procedure,
            step,
            title,
            ..
        } => tr.fmt(
            "replay-owed",
            &[
                ("server", server.into()),
                ("title", titles::step(tr, procedure, step, title).into()),
            ],
        ),
        Entry::OwedCleared { server, step, .. } => tr.fmt(
            "replay-owed-cleared",
            &[("server", server.into()), ("step", step.into())],
        ),
        Entry::DrillStarted { scenario, .. } => {
            tr.fmt("replay-drill-started", &[("scenario", scenario.into())])
        }
        Entry::Acknowledged {
            server, monitor, ..
        } => tr.fmt(
            "replay-acknowledged",
            &[("monitor", monitor.into()), ("server", server.into())],
        ),
        // The rarer kinds as the export says them, in the same language.
        other => crate::incident::export::plain_item(tr, other),
    }
}

/// A record line may hold anything: control characters never reach the terminal (every
/// recorded text is cleaned where it is drawn).
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
