//! Wrapping text by the Unicode line breaking rules (UAX #14) and display width: CJK text
//! breaks between its characters and fills its lines, a wide character counts two columns
//! and is never split, and a word longer than the line is cut where it must be.

use std::borrow::Cow;
use textwrap::core::Word;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// UAX #14's break opportunities, less those inside Korean words. Korean puts spaces
/// between words and breaks lines only there (CSS `word-break: keep-all`); UAX #14 alone
/// would break between any two syllables and leave a particle such as `를` starting a line.
/// Japanese and Chinese, which have no spaces, still break between characters.
fn words_keeping_korean_whole(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut words = Vec::new();
    let (mut start, mut end) = (0, 0);
    let mut found = WordSeparator::UnicodeBreakProperties
        .find_words(line)
        .peekable();
    while let Some(word) = found.next() {
        end += word.word.len() + word.whitespace.len() + word.penalty.len();
        let glued = word.whitespace.is_empty()
            && found.peek().is_some_and(|next| {
                word.word.chars().next_back().is_some_and(is_hangul)
                    || next.word.chars().next().is_some_and(is_hangul)
            });
        if !glued {
            words.push(Word::from(&line[start..end]));
            start = end;
        }
    }
    Box::new(words.into_iter())
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Lines of at most `width` columns, paragraph by paragraph (`\n` always breaks).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // First fit, as a terminal reader expects: each line takes all it can.
    let options = Options::new(width.max(1))
        .word_separator(WordSeparator::Custom(words_keeping_korean_whole))
        // No break after a hyphen: an engineer copies `Restart-Service` and
        // `ex-02.contoso.com` off the screen, and a break inside one reads as two words.
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(true);
    text.lines()
        .flat_map(|paragraph| {
            let lines = textwrap::wrap(paragraph, &options);
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines.into_iter().map(Cow::into_owned).collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn breaks_at_spaces_and_cuts_a_word_longer_than_the_line() {
        assert_eq!(
            wrap("restart the service now", 12),
            ["restart the", "service now"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("서비스를다시시작", 6), ["서비스", "를다시", "시작"]);
    }

    /// The defect: a Japanese instruction with one space broke only there, leaving
    /// the first line short and the rest running on.
    #[test]
    fn cjk_text_fills_its_lines_and_never_splits_a_wide_character() {
        let text = "IMAP4 サービスを再起動します。 その後、プローブを再実行して、モニターが正常に戻ったことを確認します。";
        let lines = wrap(text, 20);
        for line in &lines[..lines.len() - 1] {
            // Full but for what the rules keep together: `て、` may not break before `、`.
            assert!(line.width() >= 16 && line.width() <= 20, "{lines:?}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        for line in wrap("서비스를다시시작", 5) {
            assert!(line.width() <= 5, "{line}");
        }
    }

    #[test]
    fn names_with_hyphens_stay_whole() {
        assert_eq!(
            wrap("run Restart-Service on ex-02.contoso.com now", 20),
            ["run Restart-Service", "on ex-02.contoso.com", "now"]
        );
    }

    #[test]
    fn korean_breaks_at_spaces_only() {
        assert_eq!(
            wrap("서비스(MSExchangeIMAP4)를 다시 시작합니다.", 26),
            ["서비스(MSExchangeIMAP4)를", "다시 시작합니다."]
        );
    }

    #[test]
    fn an_empty_paragraph_stays_a_line() {
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
    }
}
