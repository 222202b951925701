//! Semantic styles: views ask for `health.unhealthy`, never for a colour.

pub use super::color::{ColorDepth, ColorSpec};
use ratatui::style::{Modifier, Style};
use serde::Deserialize;

/// How a role looks, as written in a theme file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    pub fg: Option<ColorSpec>,
    pub bg: Option<ColorSpec>,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub dim: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub underline: bool,
    #[serde(default)]
    pub reverse: bool,
}

macro_rules! roles {
    ($($field:ident => $name:literal,)*) => {
        /// Every role a theme file may set. Missing roles inherit from the default theme.
        #[derive(Debug, Clone, Default, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RolesSpec {
            $(#[serde(rename = $name)] pub $field: Option<StyleSpec>,)*
        }

        impl RolesSpec {
            /// `self`, with roles it leaves out taken from `base`.
            pub fn over(&self, base: &RolesSpec) -> RolesSpec {
                RolesSpec { $($field: self.$field.or(base.$field),)* }
            }

            /// The role names, for messages and tests.
            pub const NAMES: &[&str] = &[$($name,)*];
        }

        /// A resolved theme: one style per role.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Theme {
            pub name: String,
            $(pub $field: Style,)*
        }

        impl Theme {
            pub fn resolve(name: &str, spec: &RolesSpec, depth: ColorDepth) -> Theme {
                Theme {
                    name: name.to_owned(),
                    $($field: spec.$field.map(|s| s.to_style(depth)).unwrap_or_default(),)*
                }
            }

            /// The same roles with every colour removed (NO_COLOR, monochrome).
            pub fn without_color(&self) -> Theme {
                let strip = |s: Style| Style { fg: None, bg: None, underline_color: None, ..s };
                Theme { name: self.name.clone(), $($field: strip(self.$field),)* }
            }
        }
    };
}

roles! {
    healthy => "health.healthy",
    degraded => "health.degraded",
    unhealthy => "health.unhealthy",
    repairing => "health.repairing",
    unknown => "health.unknown",
    disabled => "health.disabled",
    not_applicable => "health.not_applicable",
    flapping => "health.flapping",
    banner_training => "banner.training",
    banner_production => "banner.production",
    banner_guard => "banner.guard",
    header => "grid.header",
    server => "grid.server",
    cursor => "grid.cursor",
    status => "status.bar",
    status_key => "status.key",
    flash => "status.flash",
    prompt => "prompt",
    title => "text.title",
    text => "text.normal",
    dim => "text.dim",
    key => "help.key",
    border => "border",
    step_pending => "step.pending",
    step_running => "step.running",
    step_succeeded => "step.succeeded",
    step_failed => "step.failed",
    log_stdout => "log.stdout",
    log_stderr => "log.stderr",
    log_marker => "log.marker",
}

impl Theme {
    /// Error text: the unhealthy colour as foreground only, readable on any background.
    pub fn unhealthy_text(&self) -> Style {
        Style {
            fg: self.unhealthy.bg.or(self.unhealthy.fg),
            bg: None,
            ..self.unhealthy
        }
    }

    /// The style of an alert value's cell.
    pub fn alert(&self, alert: crate::health::AlertValue) -> Style {
        use crate::health::AlertValue;
        match alert {
            AlertValue::Unhealthy => self.unhealthy,
            AlertValue::Repairing => self.repairing,
            AlertValue::Degraded => self.degraded,
            AlertValue::Unknown => self.unknown,
            AlertValue::Healthy => self.healthy,
            AlertValue::Disabled => self.disabled,
        }
    }
}

impl StyleSpec {
    pub fn to_style(self, depth: ColorDepth) -> Style {
        let mut style = Style::default();
        if let Some(fg) = self.fg {
            style = style.fg(fg.to_color(depth));
        }
        if let Some(bg) = self.bg {
            style = style.bg(bg.to_color(depth));
        }
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
        ];
        for (on, modifier) in flags {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        style
    }
}
