//! Rendering a whole screen into a buffer, and reading it back as text.

use healthdeck::config::theme::load_theme;
use healthdeck::ui::theme::ColorDepth;
use healthdeck::ui::{ScreenView, Symbols, Theme};
use healthdeck::update::AppState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn theme(name: &str) -> Theme {
    load_theme(name, ColorDepth::Ansi16).unwrap()
}

pub fn render(state: &AppState, theme: &Theme, ascii: bool) -> Buffer {
    let area = Rect::new(0, 0, state.view.width, state.view.height);
    let mut buf = Buffer::empty(area);
    let view = ScreenView {
        state,
        theme,
        symbols: Symbols { ascii },
        log_path: Some("/state/healthdeck.log"),
        record_path: None,
    };
    view.render(area, &mut buf);
    buf
}

pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            // The cell after a wide (CJK) character is its second half, not a space.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
