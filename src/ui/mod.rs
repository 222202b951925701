//! Views: pure functions of state and theme. No I/O, no clock.

pub mod bars;
pub mod color;
pub mod debrief;
pub mod drill;
pub mod format;
pub mod grid;
pub mod help;
pub mod log;
pub mod minigrid;
pub mod problems;
pub mod prompt;
pub mod runbook;
pub mod symbols;
pub mod theme;
pub mod unwatched;
pub mod wrap;

use crate::layout;
use crate::update::{AppState, Screen};
use bars::{BannerView, StatusView};
use drill::DrillView;
use grid::GridView;
use help::HelpView;
use problems::ProblemsView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
pub use symbols::Symbols;
pub use theme::Theme;

/// The whole screen.
pub struct ScreenView<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub symbols: Symbols,
    /// Shown in help, so a person can find what went wrong afterwards.
    pub log_path: Option<&'a str>,
    /// This session's incident record, shown in help.
    pub record_path: Option<&'a str>,
}

impl Widget for ScreenView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (state, theme, symbols) = (self.state, self.theme, self.symbols);
        if layout::too_small(area.width, area.height) {
            // The mode stays visible even here: it is what says whose fleet this is.
            let text = symbols.banner_in(&state.launch.banner, state.tr());
            let banner = format::fit(&text, usize::from(area.width), symbols.ascii);
            let style = bars::mode_style(theme, &state.launch.banner.mode);
            buf.set_stringn(area.x, area.y, banner, usize::from(area.width), style);
            render_too_small(state, area, buf, theme);
            return;
        }
        let (banner, body, status) = layout::split(area);
        BannerView {
            state,
            theme,
            symbols,
        }
        .render(banner, buf);
        match &state.view.screen {
            Screen::Grid => {
                // When every row fits with room to spare, the rest lists the problems.
                let used =
                    usize::from(layout::header_rows(body.width)) + state.view.rows.len().max(1);
                let spare = usize::from(body.height).saturating_sub(used + 1);
                if spare >= 3 {
                    // Both fit in the body's height, so they fit in u16.
                    let (used, spare) = (used as u16, spare as u16);
                    let grid = Rect {
                        height: used,
                        ..body
                    };
                    let rest = Rect {
                        y: body.y + used + 1,
                        height: spare,
                        ..body
                    };
                    GridView {
                        state,
                        theme,
                        symbols,
                    }
                    .render(grid, buf);
                    ProblemsView {
                        state,
                        theme,
                        symbols,
                    }
                    .render(rest, buf);
                } else {
                    GridView {
                        state,
                        theme,
                        symbols,
                    }
                    .render(body, buf);
                }
            }
            Screen::Drill(drill) => DrillView {
                state,
                drill,
                theme,
                symbols,
            }
            .render(body, buf),
            Screen::Runbook(drill) => render_runbook(state, drill, theme, symbols, body, buf),
        }
        // A prompt that came from elsewhere (quitting from the grid) shows over any screen.
        if let Some(prompt) = state.view.prompt.as_ref().filter(|_| {
            !state.prompt_on_status_line() && !matches!(state.view.screen, Screen::Runbook(_))
        }) {
            prompt::PromptView {
                state,
                prompt,
                theme,
                symbols,
            }
            .render(body, buf);
        }
        StatusView {
            state,
            theme,
            symbols,
        }
        .render(status, buf);
        self.render_overlays(body, buf);
    }
}

impl ScreenView<'_> {
    /// Help, and the reports shown at start, over whatever is on screen.
    fn render_overlays(&self, body: Rect, buf: &mut Buffer) {
        let (state, theme, symbols) = (self.state, self.theme, self.symbols);
        if state.view.help {
            HelpView {
                theme,
                symbols,
                log_path: self.log_path,
                record_path: self.record_path,
                keymap: &state.launch.keymap,
                context: crate::update::screen_context(&state.view.screen),
                tr: state.tr(),
                guards: [
                    (state.launch.banner.dry_run, help::DRY_RUN),
                    (state.launch.banner.read_only, help::READ_ONLY),
                ]
                .into_iter()
                .filter_map(|(on, said)| on.then_some(said))
                .collect(),
                message: state.view.messages.back().map(String::as_str),
            }
            .render(body, buf);
        }
        if let Some(run) = state.drill.as_deref().filter(|run| run.shown) {
            debrief::DebriefView {
                run,
                theme,
                symbols,
                tr: state.tr(),
            }
            .render(body, buf);
        }
        if let Some(lines) = &state.view.unwatched {
            unwatched::UnwatchedView {
                theme,
                symbols,
                lines,
                tr: state.tr(),
            }
            .render(body, buf);
        } else if state.view.owed_box {
            unwatched::OwedView {
                theme,
                symbols,
                owed: state.owed(),
                tr: state.tr(),
                library: state.launch.library,
            }
            .render(body, buf);
        }
    }
}

/// The runbook pane beside the grid when wide, instead of it when not.
fn render_runbook(
    state: &AppState,
    drill: &crate::update::DrillState,
    theme: &Theme,
    symbols: Symbols,
    body: Rect,
    buf: &mut Buffer,
) {
    let Some(pane) = state.runbook.as_deref() else {
        DrillView {
            state,
            drill,
            theme,
            symbols,
        }
        .render(body, buf);
        return;
    };
    let mut area = body;
    if layout::is_wide(body.width) {
        let grid_width = layout::runbook_grid_width(body.width);
        let grid = Rect {
            width: grid_width,
            ..body
        };
        minigrid::MiniGridView {
            state,
            server: pane.server,
            theme,
            symbols,
        }
        .render(grid, buf);
        for y in body.y..body.bottom() {
            buf.set_stringn(body.x + grid_width, y, symbols.separator(), 1, theme.border);
        }
        area = Rect {
            x: body.x + grid_width + 2,
            width: body.width - grid_width - 2,
            ..body
        };
    }
    runbook::RunbookView {
        state,
        pane,
        theme,
        symbols,
    }
    .render(area, buf);
}

fn render_too_small(state: &AppState, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let tr = state.tr();
    let size = [
        ("width", area.width.into()),
        ("height", area.height.into()),
        ("min_width", layout::MIN_WIDTH.into()),
        ("min_height", layout::MIN_HEIGHT.into()),
    ];
    let mut lines = vec![
        tr.text("too-small").to_owned(),
        tr.fmt("too-small-size", &size),
        tr.text("too-small-way-out").to_owned(),
    ];
    // Keys do not reach a prompt nobody can see: say one is waiting.
    if state.view.prompt.is_some() && !state.prompt_on_status_line() {
        lines.push(tr.text("too-small-question-waiting").to_owned());
    }
    // Narrower than a line: it wraps, so the way out is never cut off.
    let lines: Vec<String> = lines
        .iter()
        .flat_map(|line| wrap::wrap(line, usize::from(area.width).max(1)))
        .collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let width = format::text_width(line).min(usize::from(area.width)) as u16;
        let x = area.x + (area.width - width) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), theme.title);
    }
}
