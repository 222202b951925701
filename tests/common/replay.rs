//! A replay drawn as the terminal would draw it, at a size.

use healthdeck::replay::Replay;
use healthdeck::replay::view::ReplayView;
use healthdeck::ui::Symbols;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The replay's screen at `width`x`height` (resized first, as the loop does).
pub fn drawn(replay: &mut Replay, width: u16, height: u16, ascii: bool) -> Buffer {
    replay.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = super::screen::theme("default");
    terminal
        .draw(|f| {
            let view = ReplayView {
                replay,
                theme: &theme,
                symbols: Symbols { ascii },
            };
            f.render_widget(view, f.area());
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// [`drawn`] as text, with glyphs.
pub fn screen(replay: &mut Replay, width: u16, height: u16) -> String {
    super::screen::text(&drawn(replay, width, height, false))
}
