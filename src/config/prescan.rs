//! A linear look at YAML text before the parser sees it (ARCHITECTURE "Bounded loading").
//!
//! The parser (serde_yaml over unsafe-libyaml) scans its whole stack of possible simple
//! keys at every token: a file nested 100,000 deep costs it tens of seconds. This pass
//! refuses such nesting first, in one pass, with the line and column where the cap is
//! crossed; it also places what the parser reports without a position (control
//! characters, a second document, an alias bomb).
//!
//! It follows YAML's structure only as far as depth needs: flow brackets outside quotes
//! and comments, block indentation, compact `- - x` items, block scalars skipped.

use super::ConfigError;
use crate::i18n::Said;

/// The deepest nesting accepted. Healthdeck's files nest under ten deep; serde_yaml stops
/// at 128 without saying where.
pub const MAX_DEPTH: usize = 64;

/// A refusal found before parsing: line, column (1-based, in characters) and message.
pub type Finding = (usize, usize, Said);

/// Whether YAML may hold this character (YAML 1.1 "printable"; libyaml refuses the rest).
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{A0}'..='\u{D7FF}')
        || matches!(c, '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn control_character(text: &str) -> Option<Finding> {
    // Find first, then count: the place is worked out once, not kept at every character.
    let (at, c) = text.char_indices().find(|&(_, c)| !printable(c))?;
    let before = &text[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    let said = if c == '\0' {
        Said::new("finding-yaml-nul")
    } else {
        Said::new("finding-yaml-control").text("code", format!("U+{:04X}", u32::from(c)))
    };
    Some((line, column, said))
}

/// Where a quoted scalar that spans lines goes on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Double,
    Single,
}

#[derive(Default)]
struct Depth {
    /// Columns of the open block nodes, increasing.
    blocks: Vec<usize>,
    flow: usize,
    quote: Option<Quote>,
    /// The indentation a block scalar's lines must exceed, while inside one.
    block_scalar: Option<isize>,
    /// The line being scanned, as characters: one buffer for the whole file.
    chars: Vec<char>,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

impl Depth {
    fn too_deep(&self, line: usize, column: usize) -> Option<Finding> {
        let depth = self.blocks.len() + self.flow;
        (depth > MAX_DEPTH).then(|| {
            (
                line,
                column,
                Said::new("finding-yaml-too-deep").count("max", MAX_DEPTH),
            )
        })
    }

    fn line(&mut self, number: usize, raw: &str) -> Option<Finding> {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let indent = indent_of(line);
        if let Some(parent) = self.block_scalar {
            if line.trim().is_empty() || indent as isize > parent {
                return None;
            }
            self.block_scalar = None;
        }
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        if line.is_ascii() {
            // A byte a character: the copy runs without decoding.
            chars.extend(line.bytes().map(char::from));
        } else {
            chars.extend(line.chars());
        }
        let found = self.scan(number, indent, &chars);
        self.chars = chars;
        found
    }

    /// The block structure opened at the start of a line, then its tokens.
    fn scan(&mut self, number: usize, indent: usize, chars: &[char]) -> Option<Finding> {
        // Leading spaces are one byte each: `indent` counts characters too.
        let blank = chars.get(indent).is_none_or(|&c| c == '#');
        let mut i = 0;
        if self.quote.is_none() && self.flow == 0 {
            if blank {
                return None;
            }
            while self.blocks.last().is_some_and(|&top| top > indent) {
                self.blocks.pop();
            }
            if self.blocks.last() != Some(&indent) {
                self.blocks.push(indent);
            }
            i = indent;
            // Compact items (`- - x`, `- ? k`) each open one more level.
            while i + 1 < chars.len() && matches!(chars[i], '-' | '?') && chars[i + 1] == ' ' {
                i += 2;
                while i < chars.len() && chars[i] == ' ' {
                    i += 1;
                }
                if i < chars.len() && !matches!(chars[i], '#') {
                    self.blocks.push(i);
                }
            }
            if let Some(found) = self.too_deep(number, i + 1) {
                return Some(found);
            }
        }
        self.tokens(number, indent, chars, i)
    }

    /// The flow brackets, quotes, comments and block scalar headers of one line.
    fn tokens(
        &mut self,
        number: usize,
        indent: usize,
        chars: &[char],
        from: usize,
    ) -> Option<Finding> {
        let mut i = from;
        // Inside a plain scalar of block context (`title: see [1`), brackets are text.
        let mut plain = false;
        while i < chars.len() {
            let c = chars[i];
            if plain {
                let ends = chars.get(i + 1).is_none_or(|&n| n == ' ' || n == '\t');
                match c {
                    ':' if ends => plain = false,
                    '#' if chars[i - 1] == ' ' || chars[i - 1] == '\t' => return None,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if let Some(quote) = self.quote {
                match (quote, c) {
                    (Quote::Double, '\\') => i += 1,
                    (Quote::Double, '"') => self.quote = None,
                    (Quote::Single, '\'') if chars.get(i + 1) == Some(&'\'') => i += 1,
                    (Quote::Single, '\'') => self.quote = None,
                    _ => {}
                }
                i += 1;
                continue;
            }
            let starts = i == 0
                || chars[i - 1] == ' '
                || chars[i - 1] == '\t'
                || (self.flow > 0 && matches!(chars[i - 1], '[' | '{' | ',' | ':'));
            match c {
                '#' if starts => return None,
                '"' if starts => self.quote = Some(Quote::Double),
                '\'' if starts => self.quote = Some(Quote::Single),
                '[' | '{' if starts || self.flow > 0 => {
                    self.flow += 1;
                    if let Some(found) = self.too_deep(number, i + 1) {
                        return Some(found);
                    }
                }
                ']' | '}' if self.flow > 0 => self.flow -= 1,
                '|' | '>' if starts && self.flow == 0 => {
                    self.block_scalar = Some(indent as isize);
                    return None;
                }
                ' ' | '\t' | '-' | '?' | ':' | ',' | ']' | '}' | '&' | '*' | '!' => {}
                _ if starts && self.flow == 0 => plain = true,
                _ => {}
            }
            i += 1;
        }
        None
    }
}

/// The first thing the parser must not be given: a control character, or nesting deeper
/// than [`MAX_DEPTH`].
pub fn refusal(text: &str) -> Option<Finding> {
    if let Some(found) = control_character(text) {
        return Some(found);
    }
    let mut depth = Depth::default();
    for (n, line) in text.split('\n').enumerate() {
        if is_marker(line, "---") || is_marker(line, "...") {
            // Document markers end every scalar and collection; what follows `---` on its
            // line is the document's first node.
            depth = Depth::default();
            let rest = line[3..].trim_start();
            if rest.starts_with(['|', '>']) {
                depth.block_scalar = Some(-1);
                continue;
            }
            let shifted = format!("{}{rest}", " ".repeat(line.len() - rest.len()));
            if let Some(found) = depth.line(n + 1, &shifted) {
                return Some(found);
            }
            continue;
        }
        if let Some(found) = depth.line(n + 1, line) {
            return Some(found);
        }
    }
    None
}

/// An error at `(line, column)` of `origin`.
pub fn error(origin: &str, (line, column, message): Finding) -> ConfigError {
    let mut e = ConfigError::new(origin, message);
    (e.line, e.column) = (Some(line), Some(column));
    e
}

fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r']))
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !(t.is_empty() || t.starts_with('#') || t.starts_with('%'))
}

/// Where the second document of a stream starts (1-based line, column 1).
pub fn second_document(text: &str) -> Option<(usize, usize)> {
    let (mut content, mut started, mut ended) = (false, false, false);
    for (n, line) in text.split('\n').enumerate() {
        if is_marker(line, "---") {
            if content || started {
                return Some((n + 1, 1));
            }
            started = true;
        } else if is_marker(line, "...") {
            ended = true;
        } else if is_content(line) {
            if ended {
                return Some((n + 1, indent_of(line) + 1));
            }
            content = true;
            started = started || line.starts_with("--- ");
        }
    }
    None
}

/// Where an alias bomb is: the first alias inside an anchored node (on the anchor's line or
/// below a parent line that holds an anchor), else the first alias.
pub fn alias_bomb(text: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut first = None;
    for (n, line) in lines.iter().enumerate() {
        let code = line.find(" #").map_or(*line, |c| &line[..c]);
        for (b, _) in code.match_indices('*') {
            let before = code[..b].chars().next_back();
            let after = code[b + 1..].chars().next();
            let starts = before.is_none_or(|c| matches!(c, ' ' | '[' | '{' | ',' | '-'));
            if !starts || !after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let at = (n + 1, code[..b].chars().count() + 1);
            first = first.or(Some(at));
            let anchored = |l: &str| l.contains(" &") || l.starts_with('&');
            let indent = indent_of(line);
            let parent = lines[..n]
                .iter()
                .rev()
                .find(|l| is_content(l) && indent_of(l) < indent);
            if anchored(&code[..b]) || parent.is_some_and(|p| anchored(p)) {
                return Some(at);
            }
        }
    }
    first
}

/// Where `key` is written a second time in the mapping whose first key is at `(line,
/// column)` (serde_yaml reports a duplicate at the mapping's start).
pub fn duplicate_key(
    text: &str,
    (line, column): (usize, usize),
    key: &str,
) -> Option<(usize, usize)> {
    let at_column = |l: &str| {
        let chars: String = l.chars().skip(column - 1).collect();
        let before = l.chars().take(column - 1).all(|c| c == ' ' || c == '-');
        before
            && (chars.starts_with(&format!("{key}:")) || chars.starts_with(&format!("\"{key}\":")))
    };
    let mut seen = false;
    for (n, l) in text.split('\n').enumerate().skip(line - 1) {
        let indent = indent_of(l);
        if n + 1 > line && is_content(l) && indent + 1 < column && !l.trim_start().starts_with('-')
        {
            return None;
        }
        if at_column(l) {
            if seen {
                return Some((n + 1, column));
            }
            seen = true;
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{MAX_DEPTH, alias_bomb, duplicate_key, refusal, second_document};

    #[test]
    fn a_duplicate_key_is_placed_at_its_second_writing() {
        let text = "a: 1\nb:\n  c: 1\n  c: 2\nb: 3\n";
        assert_eq!(duplicate_key(text, (3, 3), "c"), Some((4, 3)));
        assert_eq!(duplicate_key(text, (1, 1), "b"), Some((5, 1)));
    }

    #[test]
    fn deep_flow_nesting_is_refused_where_the_cap_is_crossed() {
        let text = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let (line, column, _) = refusal(&text).unwrap();
        assert_eq!((line, column), (1, 3 + MAX_DEPTH));
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let text: String = (0..100).map(|i| " ".repeat(i) + "k:\n").collect();
        let (line, column, _) = refusal(&text).unwrap();
        assert_eq!((line, column), (MAX_DEPTH + 1, MAX_DEPTH + 1));
        let compact = format!("{}x\n", "- ".repeat(100));
        assert_eq!(refusal(&compact).unwrap().0, 1);
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
        let many = "[".repeat(200);
        let text = format!(
            "a: \"{many}\"\nb: '{many}'\n# {many}\nc: |\n  {many}\nd: x{many}\ne: [ok]\n\
             f: see {many}\ng: it's {many} # {many}\nh: [x, 'y]]]', \"{many}\"]\n"
        );
        assert_eq!(refusal(&text), None);
    }

    #[test]
    fn control_characters_are_placed() {
        let (line, column, message) = refusal("a: 1\nb: x\0y\n").unwrap();
        assert_eq!((line, column), (2, 5));
        assert!(message.english().contains("NUL"), "{message}");
    }

    #[test]
    fn the_second_document_is_found() {
        assert_eq!(second_document("a: 1\n---\nb: 2\n"), Some((2, 1)));
        assert_eq!(second_document("---\na: 1\n---\nb: 2\n"), Some((3, 1)));
        assert_eq!(second_document("a: 1\n...\nb: 2\n"), Some((3, 1)));
        assert_eq!(second_document("---\na: 1\n"), None);
    }

    #[test]
    fn the_bomb_is_where_aliases_repeat_aliases() {
        let text = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
        assert_eq!(alias_bomb(text), Some((2, 8)));
        let block = "a: &a [x]\nb: &b\n  - *a\n";
        assert_eq!(alias_bomb(block), Some((3, 5)));
    }
}
