//! How whole lines reach the file (ARCHITECTURE "Whole lines only").
//!
//! A kill -9 can stop a write(2) between two pages of its buffer (the kernel checks for a
//! fatal signal before copying each page or folio), so a write can end at any page
//! boundary of the file, and nowhere else. So no line may cross a page boundary: a line
//! that would cross into the next page starts it instead, and the line before it is padded
//! to the page's end with spaces (whitespace after a JSON object is still one JSON object
//! per line). Then every page ends on a line end, and one write of many pages is cut, if at
//! all, between whole lines. Only a line longer than a page crosses pages.

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

/// Lays out whole lines of `buffer` for one write at file offset `offset` (after
/// `next` gave `Piece::Lines`): lines padded so that none crosses a page boundary, until
/// `out` holds about `limit` bytes. Returns how much of `buffer` it took.
pub(super) fn lay_out(
    buffer: &[u8],
    offset: u64,
    positional: bool,
    limit: usize,
    out: &mut Vec<u8>,
) -> usize {
    out.clear();
    let mut taken = 0;
    for line in buffer.split_inclusive(|&b| b == b'\n') {
        let at = offset + out.len() as u64;
        let room = PAGE - at % PAGE;
        let len = line.len() as u64;
        if positional && len > room && len <= PAGE && !out.is_empty() {
            // The line before ends the page, padded: this one starts the next page.
            out.pop();
            out.resize(out.len() + room as usize, b' ');
            out.push(b'\n');
        }
        out.extend_from_slice(line);
        taken += line.len();
        if out.len() >= limit {
            break;
        }
    }
    taken
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
    fn a_laid_out_write_ends_every_page_on_a_line_end() {
        let buffer = lines(300, 100);
        let mut out = Vec::new();
        let taken = lay_out(&buffer, 0, true, 1 << 20, &mut out);
        assert_eq!(taken, buffer.len());
        for page in out.chunks(PAGE as usize) {
            assert_eq!(page.last(), Some(&b'\n'));
        }
        assert_eq!(
            out.len(),
            7 * 4096 + 20 * 100,
            "40 lines a page, 96 bytes padded"
        );
        // Appending, nothing is padded.
        lay_out(&buffer, 0, false, 1 << 20, &mut out);
        assert_eq!(out, buffer);
    }

    #[test]
    fn a_pad_ends_the_page_with_a_line_end() {
        let pad = pad_bytes(3);
        assert_eq!(pad, b"   \n");
    }
}
