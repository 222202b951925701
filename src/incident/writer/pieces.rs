//! How whole lines reach the file (ARCHITECTURE "Whole lines only").
//!
//! A kill -9 can stop a write(2) between two pages of its buffer (the kernel checks for a
//! fatal signal before copying each page), so a write that crosses a page boundary can
//! leave half a line. A write inside one page is all or nothing. So each piece is whole
//! lines that stay inside the file's current page; a line that would cross into the next
//! page starts it instead, and the previous line is padded to the page's end with spaces
//! (whitespace after a JSON object is still one JSON object per line). Only a line longer
//! than a page crosses pages.

/// The unit the kernel copies a write in (4 KiB pages; larger pages hold whole 4 KiB ones).
pub(super) const PAGE: u64 = 4096;

/// The next write(2) for `buffer` (whole lines, not empty) at file offset `offset` (the end
/// of a whole line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece {
    /// Write the first `n` bytes of the buffer, whole lines.
    Lines(usize),
    /// Fill the rest of the page: `room` bytes, written over the file's last line end
    /// (spaces, then the line end on the page's last byte).
    Pad { room: u64 },
}

/// The next piece. `positional`: the file may be written at an offset (not opened for
/// appending), so the last line may be padded in place.
pub(super) fn next(buffer: &[u8], offset: u64, positional: bool) -> Piece {
    let room = PAGE - offset % PAGE;
    let window = &buffer[..buffer.len().min(room as usize)];
    if let Some(end) = window.iter().rposition(|&b| b == b'\n') {
        return Piece::Lines(end + 1);
    }
    let first = buffer
        .iter()
        .position(|&b| b == b'\n')
        .map_or(buffer.len(), |end| end + 1);
    let fits_a_page = first as u64 <= PAGE;
    if positional && fits_a_page && !offset.is_multiple_of(PAGE) {
        Piece::Pad { room }
    } else {
        Piece::Lines(first)
    }
}

/// The bytes of a pad of `room`, written at `offset - 1` (over the last line end).
pub(super) fn pad_bytes(room: u64) -> Vec<u8> {
    let mut bytes = vec![b' '; room as usize + 1];
    bytes[room as usize] = b'\n';
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize, len: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.extend(std::iter::repeat_n(b'x', len - 1));
            out.push(b'\n');
        }
        out
    }

    #[test]
    fn pieces_stay_inside_a_page() {
        let buffer = lines(100, 100);
        assert_eq!(next(&buffer, 0, true), Piece::Lines(4000));
        assert_eq!(next(&buffer, 4000, true), Piece::Pad { room: 96 });
        assert_eq!(next(&buffer, 4096, true), Piece::Lines(4000));
        // Appending (a keeper's reopened record) cannot pad: the line crosses.
        assert_eq!(next(&buffer, 4000, false), Piece::Lines(100));
    }

    #[test]
    fn a_line_longer_than_a_page_goes_alone() {
        let buffer = lines(2, 5000);
        assert_eq!(next(&buffer, 100, true), Piece::Lines(5000));
        assert_eq!(next(&buffer, 0, true), Piece::Lines(5000));
    }

    #[test]
    fn a_pad_ends_the_page_with_a_line_end() {
        let pad = pad_bytes(3);
        assert_eq!(pad, b"   \n");
    }
}
