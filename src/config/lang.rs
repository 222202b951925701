//! Which language the runbooks speak: `--lang` > LC_ALL > LC_MESSAGES > LANG.

/// The languages the seeds and runbooks come in.
pub const LANGUAGES: [&str; 5] = ["en", "ko", "ja", "zh-TW", "pt-BR"];

/// Maps a `--lang` value or a locale (`ko_KR.UTF-8`) to a language; English otherwise.
pub fn from_locale(locale: &str) -> &'static str {
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    let lower = base.to_ascii_lowercase().replace('-', "_");
    match lower.as_str() {
        l if l == "ko" || l.starts_with("ko_") => "ko",
        l if l == "ja" || l.starts_with("ja_") => "ja",
        "zh_tw" | "zh_hk" => "zh-TW",
        "pt_br" => "pt-BR",
        _ => "en",
    }
}

/// Resolves the language from a flag and the locale variables, first non-empty wins.
pub fn resolve(
    flag: Option<&str>,
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
) -> &'static str {
    [flag, lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .map_or("en", from_locale)
}
