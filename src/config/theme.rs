//! Theme files: `themes/*.yaml`, embedded so the binary works without the folder.

use super::{ConfigError, Lookup, Named, parse_yaml, read_named};
use crate::ui::theme::{ColorDepth, RolesSpec, Theme};
use serde::Deserialize;

/// The shipped themes: (name, YAML). The first is the default.
pub const BUILT_IN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.yaml")),
    ("light", include_str!("../../themes/light.yaml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.yaml"),
    ),
    ("monochrome", include_str!("../../themes/monochrome.yaml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    #[serde(default)]
    description: String,
    /// Strip every colour after inheritance: styles only (bold, reverse …).
    #[serde(default)]
    monochrome: bool,
    #[serde(default)]
    roles: RolesSpec,
}

/// Parses a theme file's text; missing roles inherit from the default theme.
pub fn parse_theme(text: &str, origin: &str, depth: ColorDepth) -> Result<Theme, ConfigError> {
    let file: ThemeFile = parse_yaml(text, origin)?;
    let _ = file.description;
    let base: ThemeFile = parse_yaml(BUILT_IN[0].1, "<built-in theme default>")?;
    let theme = Theme::resolve(&file.name, &file.roles.over(&base.roles), depth);
    Ok(if file.monochrome {
        theme.without_color()
    } else {
        theme
    })
}

/// Loads a built-in theme by name, or a theme file by path.
pub fn load_theme(name_or_file: &str, depth: ColorDepth) -> Result<Theme, ConfigError> {
    match read_named(name_or_file, &BUILT_IN, Named::Theme) {
        Ok((origin, text)) => parse_theme(&text, &origin, depth),
        Err(Lookup::Unreadable(e)) => Err(e),
        Err(unknown @ Lookup::Unknown { .. }) => Err(ConfigError::new("--theme", unknown.said())),
    }
}

/// The colour depth the terminal announces (COLORTERM, TERM); 16 colours when unsure.
pub fn detect_depth(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
    let colorterm = colorterm.unwrap_or_default().to_ascii_lowercase();
    if colorterm.contains("truecolor") || colorterm.contains("24bit") {
        ColorDepth::TrueColor
    } else if term.unwrap_or_default().contains("256color") {
        ColorDepth::Indexed256
    } else {
        ColorDepth::Ansi16
    }
}
