//! Glyphs and lines, in Unicode or plain ASCII (`--ascii`, non-UTF-8 locales).

use crate::health::AlertValue;
use crate::i18n::Tr;
use crate::update::{Banner, Mode};

/// Box drawing in plain ASCII.
pub const ASCII_BORDER: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub ascii: bool,
}

impl Symbols {
    pub fn glyph(self, alert: AlertValue) -> &'static str {
        match (alert, self.ascii) {
            (AlertValue::Unhealthy, false) => "✖",
            (AlertValue::Degraded, false) => "▲",
            (AlertValue::Repairing, false) => "↻",
            (AlertValue::Unknown, false) => "?",
            (AlertValue::Healthy, false) => "✓",
            (AlertValue::Disabled, false) => "○",
            (AlertValue::Unhealthy, true) => "X",
            (AlertValue::Degraded, true) => "!",
            (AlertValue::Repairing, true) => "*",
            (AlertValue::Unknown, true) => "?",
            (AlertValue::Healthy, true) => "+",
            (AlertValue::Disabled, true) => "o",
        }
    }

    /// A health set the server's role does not run.
    pub fn not_applicable(self) -> &'static str {
        if self.ascii { "-" } else { "—" }
    }

    pub fn flapping(self) -> &'static str {
        if self.ascii { "~" } else { "≈" }
    }

    pub fn cursor(self) -> &'static str {
        if self.ascii { ">" } else { "›" }
    }

    pub fn separator(self) -> &'static str {
        if self.ascii { "|" } else { "│" }
    }

    pub fn times(self) -> &'static str {
        if self.ascii { "x" } else { "×" }
    }

    pub fn dash(self) -> &'static str {
        if self.ascii { "-" } else { "—" }
    }

    pub fn arrow(self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }

    /// `TRAINING ×10`, `PRODUCTION fleet.yaml`, plus `DRY-RUN` / `READ-ONLY`: the words of
    /// the mode banner and the terminal title.
    pub fn banner(self, banner: &Banner) -> String {
        let mut text = self.mode(&banner.mode);
        for guard in banner.guards() {
            text.push(' ');
            text.push_str(guard);
        }
        text
    }

    /// `TRAINING ×10` or `PRODUCTION fleet.yaml`.
    pub fn mode(self, mode: &Mode) -> String {
        match mode {
            Mode::Training { speed, .. } => format!("TRAINING {}{speed}", self.times()),
            Mode::Production { inventory } => format!("PRODUCTION {inventory}"),
        }
    }

    /// [`Symbols::mode`] in the console's language, for the screen.
    pub fn mode_in(self, mode: &Mode, tr: Tr) -> String {
        match mode {
            Mode::Training { speed, .. } => {
                format!("{} {}{speed}", tr.text("banner-training"), self.times())
            }
            Mode::Production { inventory } => {
                format!("{} {inventory}", tr.text("banner-production"))
            }
        }
    }

    /// [`Symbols::banner`] in the console's language, for the screen.
    pub fn banner_in(self, banner: &Banner, tr: Tr) -> String {
        let mut text = self.mode_in(&banner.mode, tr);
        for guard in banner.guards() {
            text.push(' ');
            text.push_str(guard_word(guard, tr));
        }
        text
    }

    /// A sparkline of `values`, scaled to their maximum.
    pub fn sparkline(self, values: impl Iterator<Item = u32> + Clone) -> String {
        const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        const ASCII: [char; 8] = ['_', '.', ',', '-', '=', '+', '*', '#'];
        let max = values.clone().max().unwrap_or(0).max(1);
        let bars = if self.ascii { ASCII } else { BARS };
        values
            .map(|v| bars[((u64::from(v) * 7).div_ceil(u64::from(max))) as usize])
            .collect()
    }
}

/// A guard of the banner (`DRY-RUN`, `READ-ONLY`) in the console's language.
pub fn guard_word(guard: &str, tr: Tr) -> &'static str {
    match guard {
        "DRY-RUN" => tr.text("banner-dry-run"),
        _ => tr.text("banner-read-only"),
    }
}

/// Reads the locale the way C programs do: LC_ALL, then LC_CTYPE, then LANG. Unset or
/// without UTF-8 means the terminal may not draw Unicode.
pub fn locale_is_utf8(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    let locale = [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .unwrap_or("C")
        .to_ascii_lowercase();
    locale.contains("utf-8") || locale.contains("utf8")
}
