//! Screen geometry: the views draw by it and `update` keeps the cursor on screen by it,
//! so it belongs to neither.

use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// From this width on, cells use full words and headers fit on one line.
pub const WIDE: u16 = 120;

pub fn is_wide(width: u16) -> bool {
    width >= WIDE
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Wide screens show the grid in brief beside the runbook pane: server names up to 12
/// columns and six cells (48 in all); the pane gets the rest, at least 70 columns.
pub fn runbook_grid_width(width: u16) -> u16 {
    width.saturating_sub(72).clamp(30, 50)
}

/// Rows of the grid header: one when wide, two when names must wrap at the dot.
pub fn header_rows(width: u16) -> u16 {
    if is_wide(width) { 1 } else { 2 }
}

/// How many server rows the grid shows at this size.
pub fn grid_body_rows(width: u16, height: u16) -> usize {
    usize::from(height.saturating_sub(2 + header_rows(width)))
}

/// Banner on top, status bar at the bottom, the body between.
pub fn split(area: Rect) -> (Rect, Rect, Rect) {
    let banner = Rect {
        height: 1.min(area.height),
        ..area
    };
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    (banner, body, status)
}
