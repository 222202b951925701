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

/// The language the screen can show. A terminal whose locale is not UTF-8 (`ja_JP.eucJP`)
/// would show Korean, Japanese or Chinese sent as UTF-8 as garbage, and Portuguese accents
/// too: it gets English, and a note saying why (in English, which it can show).
pub fn shown(language: &'static str, utf8: bool, locale: &str) -> (&'static str, Option<String>) {
    if utf8 || language == "en" {
        return (language, None);
    }
    let locale = if locale.is_empty() { "C" } else { locale };
    let note = format!(
        "language {language} needs UTF-8; the locale {locale} is not: English and ASCII \
         instead (LANG={}.UTF-8 shows {language})",
        utf8_locale(language)
    );
    ("en", Some(note))
}

/// The UTF-8 locale to suggest for a language.
fn utf8_locale(language: &str) -> &'static str {
    match language {
        "ko" => "ko_KR",
        "ja" => "ja_JP",
        "zh-TW" => "zh_TW",
        "pt-BR" => "pt_BR",
        _ => "en_US",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_that_is_not_utf8_shows_english_and_says_why() {
        let (shown_as, note) = shown("ja", false, "ja_JP.eucJP");
        assert_eq!(shown_as, "en");
        let note = note.unwrap_or_default();
        assert!(note.contains("the locale ja_JP.eucJP is not"), "{note}");
        assert!(note.contains("LANG=ja_JP.UTF-8"), "{note}");
        assert!(note.is_ascii(), "{note}");
        assert_eq!(shown("ja", true, "ja_JP.UTF-8"), ("ja", None));
        assert_eq!(shown("en", false, "C"), ("en", None));
    }
}
