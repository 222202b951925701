//! Wrapping text by display width: CJK runbook text is two columns a character and has no
//! spaces to break at.

use unicode_width::UnicodeWidthChar;

/// Lines of at most `width` columns: broken at spaces when a word fits, anywhere otherwise.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut used = 0;
        // Where the line may break: the byte after its last space, and the width there.
        let mut space: Option<(usize, usize)> = None;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                if let Some((at, at_width)) = space.filter(|(at, _)| *at < line.len()) {
                    let rest = line.split_off(at);
                    lines.push(line.trim_end().to_owned());
                    line = rest;
                    used -= at_width;
                } else {
                    lines.push(std::mem::take(&mut line).trim_end().to_owned());
                    used = 0;
                }
                space = None;
                if c == ' ' && line.is_empty() {
                    continue;
                }
            }
            line.push(c);
            used += w;
            if c == ' ' {
                space = Some((line.len(), used));
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn breaks_at_spaces_and_inside_cjk() {
        assert_eq!(
            wrap("restart the service now", 12),
            ["restart the", "service now"]
        );
        assert_eq!(wrap("서비스를다시시작", 6), ["서비스", "를다시", "시작"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
