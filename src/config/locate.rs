//! Where a value sits in a YAML text. serde_yaml keeps no spans after parsing, so checks that
//! run on the parsed model (a jump to a missing step, a missing translation …) find their
//! line and column here, by walking the block structure of the text along a path.
//!
//! Block mappings and sequences are followed by indentation; a flow mapping or sequence on
//! one line (`{ a: 1 }`, `[a, b]`) is searched within that line. When the path runs out of
//! text (a missing key), the position of the deepest node found is returned.

/// One step of a path: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A position in the text: line index and byte offset, both 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    line: usize,
    byte: usize,
}

/// 1-based (line, column) of the value at `path`, counting columns in characters as editors
/// do. `None` only when the text holds no YAML node at all.
pub fn locate(text: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut at = first_node(&lines, 0)?;
    for seg in path {
        let found = match *seg {
            Seg::Key(key) => find_key(&lines, at, key),
            Seg::Index(n) => find_index(&lines, at, n),
        };
        match found {
            Some(next) => at = next,
            None => break,
        }
    }
    let line = lines[at.line];
    Some((at.line + 1, line[..at.byte].chars().count() + 1))
}

fn is_blank(content: &str) -> bool {
    let t = content.trim_start();
    t.is_empty() || t.starts_with('#')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The first node at or after line `from`.
fn first_node(lines: &[&str], from: usize) -> Option<Pos> {
    (from..lines.len())
        .find(|&i| !is_blank(lines[i]) && lines[i].trim() != "---")
        .map(|i| Pos {
            line: i,
            byte: indent(lines[i]),
        })
}

/// The node's column and the content of line `i` as seen from inside the node: the first
/// line starts at the node, later lines at their indentation.
fn content_at<'t>(lines: &[&'t str], start: Pos, i: usize) -> (usize, &'t str) {
    if i == start.line {
        (start.byte, &lines[i][start.byte..])
    } else {
        let n = indent(lines[i]);
        (n, &lines[i][n..])
    }
}

/// Where the value of a key whose colon is at byte `colon` of line `i` begins.
fn value_after(lines: &[&str], i: usize, colon: usize) -> Pos {
    let line = lines[i];
    let rest = &line[colon + 1..];
    let skipped = rest.len() - rest.trim_start().len();
    if is_blank(rest) {
        // A block value starts on the next line with content.
        first_node(lines, i + 1).unwrap_or(Pos {
            line: i,
            byte: colon,
        })
    } else {
        Pos {
            line: i,
            byte: colon + 1 + skipped,
        }
    }
}

fn find_key(lines: &[&str], start: Pos, key: &str) -> Option<Pos> {
    let first = &lines[start.line][start.byte..];
    if first.starts_with('{') {
        return find_flow_key(lines, start, key);
    }
    let column = start.byte;
    let pattern = format!("{key}:");
    for i in start.line..lines.len() {
        let (n, content) = content_at(lines, start, i);
        if is_blank(content) {
            continue;
        }
        if i > start.line && (n < column || (n == column && content.starts_with("- "))) {
            return None;
        }
        if n == column && content.starts_with(&pattern) {
            return Some(value_after(
                lines,
                i,
                lines[i].len() - content.len() + key.len(),
            ));
        }
    }
    None
}

fn find_flow_key(lines: &[&str], at: Pos, key: &str) -> Option<Pos> {
    let line = lines[at.line];
    let pattern = format!("{key}:");
    let mut search = at.byte;
    while let Some(k) = line[search..].find(&pattern) {
        let found = search + k;
        let before = line[..found].trim_end();
        if before.ends_with('{') || before.ends_with(',') {
            let rest = &line[found + pattern.len()..];
            let skipped = rest.len() - rest.trim_start().len();
            return Some(Pos {
                line: at.line,
                byte: found + pattern.len() + skipped,
            });
        }
        search = found + pattern.len();
    }
    None
}

fn find_index(lines: &[&str], start: Pos, n: usize) -> Option<Pos> {
    let first = &lines[start.line][start.byte..];
    if first.starts_with('[') {
        let inner = &lines[start.line][start.byte + 1..];
        let mut offset = start.byte + 1;
        for (i, item) in inner.split(',').enumerate() {
            if i == n {
                let skipped = item.len() - item.trim_start().len();
                return Some(Pos {
                    line: start.line,
                    byte: offset + skipped,
                });
            }
            offset += item.len() + 1;
        }
        return None;
    }
    let column = start.byte;
    let mut count = 0;
    for i in start.line..lines.len() {
        let (indent, content) = content_at(lines, start, i);
        if is_blank(content) || indent > column {
            continue;
        }
        if indent < column || !(content == "-" || content.starts_with("- ")) {
            return None;
        }
        if count == n {
            let item = &content[1..];
            let skipped = item.len() - item.trim_start().len();
            return Some(if is_blank(item) {
                first_node(lines, i + 1)?
            } else {
                Pos {
                    line: i,
                    byte: lines[i].len() - content.len() + 1 + skipped,
                }
            });
        }
        count += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Seg, locate};

    const TEXT: &str = "\
# comment
procedures:
  - id: one
    steps:
      - id: a
        action: rerun_probe
        title: { en: A, ko: 가 }
      -
        id: b
        compensation: [x, y]
  - id: two
";

    #[test]
    fn finds_values_along_block_and_flow_paths() {
        use Seg::{Index, Key};
        let at = |path: &[Seg<'_>]| locate(TEXT, path);
        assert_eq!(at(&[Key("procedures")]), Some((3, 3)));
        assert_eq!(at(&[Key("procedures"), Index(1), Key("id")]), Some((11, 9)));
        let step = [Key("procedures"), Index(0), Key("steps"), Index(0)];
        assert_eq!(
            at(&[step[0], step[1], step[2], step[3], Key("action")]),
            Some((6, 17))
        );
        let ko = [step[0], step[1], step[2], step[3], Key("title"), Key("ko")];
        assert_eq!(at(&ko), Some((7, 29)));
        let second = [
            step[0],
            step[1],
            step[2],
            Index(1),
            Key("compensation"),
            Index(1),
        ];
        assert_eq!(at(&second), Some((10, 27)));
    }

    #[test]
    fn a_missing_key_points_at_its_parent() {
        use Seg::{Index, Key};
        let path = [Key("procedures"), Index(1), Key("steps")];
        assert_eq!(locate(TEXT, &path), Some((11, 5)));
        assert_eq!(locate("", &path), None);
    }
}
