//! Colours as theme files write them, and as terminals of each depth can show them.

use ratatui::style::Color;
use serde::Deserialize;

/// A colour: one of the 16 ANSI names, `#rrggbb`, or a 256-colour index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSpec {
    /// 0–15 in ANSI order (black … bright white).
    Ansi(u8),
    Rgb(u8, u8, u8),
    Index(u8),
}

/// The ANSI colour names, in index order.
pub const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright_black",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_white",
];

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    Ansi16,
    Indexed256,
    TrueColor,
}

impl ColorSpec {
    pub fn parse(text: &str) -> Result<ColorSpec, String> {
        let lower = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if let Some(i) = ANSI_NAMES.iter().position(|n| *n == lower) {
            return Ok(ColorSpec::Ansi(i as u8));
        }
        if let Some(hex) = lower.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            return Ok(ColorSpec::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        if let Ok(i) = lower.parse::<u8>() {
            return Ok(ColorSpec::Index(i));
        }
        Err(format!(
            "`{text}` is not a colour: use an ANSI name (red, bright_blue …), #rrggbb or 0–255"
        ))
    }

    /// The colour on a terminal of `depth`, falling back to the nearest of the 16 ANSI colours.
    pub fn to_color(self, depth: ColorDepth) -> Color {
        match (self, depth) {
            (ColorSpec::Ansi(i), _) => ansi(i),
            (ColorSpec::Rgb(r, g, b), ColorDepth::TrueColor) => Color::Rgb(r, g, b),
            (ColorSpec::Index(i), ColorDepth::TrueColor | ColorDepth::Indexed256) => {
                Color::Indexed(i)
            }
            (ColorSpec::Rgb(r, g, b), ColorDepth::Indexed256) => {
                Color::Indexed(nearest_256(r, g, b))
            }
            (ColorSpec::Rgb(r, g, b), ColorDepth::Ansi16) => ansi(nearest_16(r, g, b)),
            (ColorSpec::Index(i), ColorDepth::Ansi16) => {
                let (r, g, b) = index_rgb(i);
                ansi(nearest_16(r, g, b))
            }
        }
    }
}

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ColorSpec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a colour: an ANSI name, #rrggbb or 0–255")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ColorSpec, E> {
                u8::try_from(v)
                    .map(ColorSpec::Index)
                    .map_err(|_| E::custom(format!("colour index {v} is not within 0–255")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ColorSpec, E> {
                ColorSpec::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

fn ansi(i: u8) -> Color {
    const COLORS: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    COLORS[usize::from(i % 16)]
}

/// The xterm default palette of the 16 ANSI colours.
const ANSI_RGB: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest_16(r: u8, g: u8, b: u8) -> u8 {
    (0..16u8)
        .min_by_key(|i| distance(ANSI_RGB[usize::from(*i)], (r, g, b)))
        .unwrap_or(7)
}

fn index_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI_RGB[usize::from(i)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let i = i - 16;
            (level(i / 36), level((i / 6) % 6), level(i % 6))
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    (16..=255u8)
        .min_by_key(|i| distance(index_rgb(*i), (r, g, b)))
        .unwrap_or(7)
}
