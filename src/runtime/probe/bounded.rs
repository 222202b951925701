//! What an IMAP server may send one probe, enforced as the bytes arrive.
//!
//! async-imap sizes its buffer by what a literal announces (`{400000000}` allocates 400 MB),
//! buffers a line that never ends, and reports input it cannot parse as an io::Error holding
//! its whole buffer. [`Bounded`] wraps the stream handed to async-imap and refuses, before
//! async-imap sees them: a line over [`MAX_LINE`] bytes, a literal over [`MAX_LITERAL`], more
//! than [`MAX_READ`] bytes in all, and a line that cannot begin an IMAP response (ARCHITECTURE:
//! Probe deadline and protocol errors).

use super::outcome::excerpt;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The longest server line a probe reads (literals aside); a longer one is a protocol failure.
pub(crate) const MAX_LINE: usize = 8 * 1024;
/// The largest literal a probe accepts: its answers (CAPABILITY, LOGIN, SELECT) carry none.
pub(crate) const MAX_LITERAL: u64 = 64 * 1024;
/// The most a server may send one IMAP probe, all answers together.
pub(crate) const MAX_READ: usize = 256 * 1024;

/// How much of the offending line a violation keeps for its message.
const HEAD: usize = 64;
/// How much of a line's end is kept to read a literal's announcement (`~{12345678901}+\r\n`).
const TAIL: usize = 32;

/// Why [`Bounded`] refused the server's bytes; it travels inside the io::Error async-imap
/// returns, and [`Violation::describe`] words it for the engineer.
#[derive(Debug, Clone)]
pub(crate) struct Violation {
    what: String,
    excerpt: Option<String>,
}

impl Violation {
    fn new(what: String, line: &[u8]) -> Violation {
        let end = line
            .iter()
            .rposition(|b| !b"\r\n".contains(b))
            .map_or(0, |last| last + 1);
        Violation {
            what,
            excerpt: Some(excerpt(&line[..end])),
        }
    }

    /// "a literal of 400000000 bytes in the greeting: \"* OK {400000000}\"".
    pub fn describe(&self, awaited: &str) -> String {
        match &self.excerpt {
            Some(shown) => format!("{} in {awaited}: {shown}", self.what),
            None => format!("{} while waiting for {awaited}", self.what),
        }
    }

    /// The violation inside an io::Error, if that is what the error carries.
    pub fn within(error: &io::Error) -> Option<&Violation> {
        error.get_ref()?.downcast_ref::<Violation>()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for Violation {}

/// Where the reader stands in the server's bytes.
#[derive(Debug, Default)]
struct Scan {
    read: usize,
    /// Inside a line: its first byte has been checked.
    mid_line: bool,
    /// Bytes of the current line outside literals.
    line_len: usize,
    /// Literal bytes still to pass unexamined.
    literal_left: u64,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Scan {
    fn check(&mut self, bytes: &[u8]) -> Result<(), Violation> {
        self.read += bytes.len();
        if self.read > MAX_READ {
            return Err(Violation {
                what: format!("more than {} KiB from the server", MAX_READ / 1024),
                excerpt: None,
            });
        }
        // Span by span, not byte by byte: a probe's every answer passes here.
        let mut rest = bytes;
        while let Some(&first) = rest.first() {
            if self.literal_left > 0 {
                let skip = rest
                    .len()
                    .min(usize::try_from(self.literal_left).unwrap_or(usize::MAX));
                self.literal_left -= skip as u64;
                rest = &rest[skip..];
                continue;
            }
            let (span, ended) = match rest.iter().position(|&b| b == b'\n') {
                Some(at) => (&rest[..=at], true),
                None => (rest, false),
            };
            if !self.mid_line {
                // Every response begins `*` (untagged), `+` (continuation) or with a tag.
                if !(first == b'*' || first == b'+' || first.is_ascii_alphanumeric()) {
                    return Err(Violation::new(
                        "not IMAP".into(),
                        &span[..span.len().min(HEAD)],
                    ));
                }
                self.mid_line = true;
            }
            self.line_len += span.len();
            let room = HEAD.saturating_sub(self.head.len()).min(span.len());
            self.head.extend_from_slice(&span[..room]);
            if self.line_len > MAX_LINE {
                return Err(Violation::new(
                    format!("a line over {MAX_LINE} bytes"),
                    &self.head,
                ));
            }
            rest = &rest[span.len()..];
            if ended {
                // The line's last bytes straight from the span when it holds them: most
                // lines arrive whole, and need no copy.
                let mut joined = [0; 2 * TAIL];
                let tail = if self.tail.is_empty() || span.len() >= TAIL {
                    &span[span.len().saturating_sub(TAIL)..]
                } else {
                    let kept = self.tail.len();
                    joined[..kept].copy_from_slice(&self.tail);
                    joined[kept..kept + span.len()].copy_from_slice(span);
                    let all = &joined[..kept + span.len()];
                    &all[all.len().saturating_sub(TAIL)..]
                };
                self.line_end(tail)?;
            } else {
                self.tail
                    .extend_from_slice(&span[span.len().saturating_sub(TAIL)..]);
                let extra = self.tail.len().saturating_sub(TAIL);
                self.tail.drain(..extra);
            }
        }
        Ok(())
    }

    /// At a line feed, with the line's last bytes: either a literal follows (and the line
    /// goes on after it) or the line is over.
    fn line_end(&mut self, tail: &[u8]) -> Result<(), Violation> {
        match announced_literal(tail) {
            Some(size) if size > MAX_LITERAL => {
                // Past twelve digits the number only lengthens the message; the excerpt has it.
                let what = if size < 1_000_000_000_000 {
                    format!("a literal of {size} bytes")
                } else {
                    "an absurd literal".to_owned()
                };
                Err(Violation::new(what, &self.head))
            }
            Some(size) => {
                self.literal_left = size;
                self.tail.clear();
                Ok(())
            }
            None => {
                self.mid_line = false;
                self.line_len = 0;
                self.head.clear();
                self.tail.clear();
                Ok(())
            }
        }
    }
}

/// The size a line's end announces: `{N}` or `{N+}` (`~{N}` for literal8) before CRLF.
/// Over 19 digits reads as `u64::MAX`: absurd either way.
fn announced_literal(tail: &[u8]) -> Option<u64> {
    let line = tail.strip_suffix(b"\n")?;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = line.strip_suffix(b"}")?;
    let line = line.strip_suffix(b"+").unwrap_or(line);
    let digits = line.len() - line.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let (before, number) = line.split_at(digits);
    if number.is_empty() || before.last() != Some(&b'{') {
        return None;
    }
    let text = std::str::from_utf8(number).ok()?;
    Some(text.parse().unwrap_or(u64::MAX))
}

/// A stream whose reads are checked against what an IMAP server may send one probe.
pub(crate) struct Bounded<S> {
    inner: S,
    scan: Scan,
    refused: Option<Violation>,
}

impl<S> Bounded<S> {
    pub fn new(inner: S) -> Bounded<S> {
        Bounded {
            inner,
            scan: Scan::default(),
            refused: None,
        }
    }
}

impl<S> fmt::Debug for Bounded<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bounded")
            .field("read", &self.scan.read)
            .finish_non_exhaustive()
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Bounded<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if let Some(violation) = &this.refused {
            return Poll::Ready(Err(refusal(violation.clone())));
        }
        let before = buf.filled().len();
        ready!(Pin::new(&mut this.inner).poll_read(cx, buf))?;
        // Refused bytes stay in `buf`, never counted as read: async-imap drops them.
        match this.scan.check(&buf.filled()[before..]) {
            Ok(()) => Poll::Ready(Ok(())),
            Err(violation) => {
                this.refused = Some(violation.clone());
                Poll::Ready(Err(refusal(violation)))
            }
        }
    }
}

fn refusal(violation: Violation) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, violation)
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Bounded<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(chunks: &[&[u8]]) -> Result<(), String> {
        let mut scan = Scan::default();
        for chunk in chunks {
            scan.check(chunk).map_err(|v| v.describe("the greeting"))?;
        }
        Ok(())
    }

    #[test]
    fn ordinary_answers_pass() {
        let select = b"* OK [CAPABILITY IMAP4rev1] ready\r\n* 3 EXISTS\r\n* FLAGS (\\Seen)\r\n\
            + go on\r\nA0002 OK [READ-WRITE] Select completed.\r\n";
        assert_eq!(scan(&[select]), Ok(()));
        let literal = b"* 1 FETCH (BODY[] {8}\r\n\xff\n\x00abc\r\n)\r\nA3 OK done\r\n";
        for cut in 0..literal.len() {
            let (a, b) = literal.split_at(cut);
            assert_eq!(scan(&[a, b]), Ok(()), "cut at {cut}");
        }
        assert_eq!(
            scan(&[b"* OK gree", b"ting\r", b"\n* 1 EX", b"ISTS\r\n"]),
            Ok(())
        );
    }

    #[test]
    fn garbage_is_not_imap() {
        let error = scan(&[b"\x83e\x07\xff\r\nmore"]).expect_err("garbage");
        assert_eq!(error, "not IMAP in the greeting: \"\\x83e\\x07\\xff\"");
        let error = scan(&[b"* OK fine\r\n", b"<html>\r\n"]).expect_err("html");
        assert_eq!(error, "not IMAP in the greeting: \"<html>\"");
    }

    #[test]
    fn absurd_literals_are_refused_when_announced() {
        let error = scan(&[b"* OK {4000", b"00000}\r\n"]).expect_err("huge");
        assert_eq!(
            error,
            "a literal of 400000000 bytes in the greeting: \"* OK {400000000}\""
        );
        let error = scan(&[b"* {99999999999999999999999}\r\n"]).expect_err("huge");
        assert!(
            error.starts_with("an absurd literal in the greeting"),
            "{error}"
        );
        let mut longest = Scan::default();
        let line = format!("* {} {{999999999999}}\r\n", "x".repeat(100));
        let said = longest.check(line.as_bytes()).expect_err("huge");
        let said = said.describe("the SELECT INBOX answer");
        assert!(said.chars().count() <= 120, "{said}");
        assert_eq!(announced_literal(b"x ~{12+}\r\n"), Some(12));
        assert_eq!(announced_literal(b"x {}\r\n"), None);
        assert_eq!(announced_literal(b"x 12}\r\n"), None);
    }

    #[test]
    fn any_bytes_in_any_pieces_end_in_a_verdict_never_a_panic() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let mut scan = Scan::default();
            for _ in 0..(next() % 20) {
                let alphabet: &[u8] = b"*+A0 {}~\r\n9\x83\xff";
                let len = (next() % 300) as usize;
                let chunk: Vec<u8> = (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect();
                if let Err(violation) = scan.check(&chunk) {
                    let said = violation.describe("the SELECT INBOX answer");
                    assert!(said.chars().count() <= 120, "{said}");
                    break;
                }
            }
        }
    }

    #[test]
    fn endless_lines_and_floods_stop_at_their_caps() {
        let endless = vec![b'x'; MAX_LINE + 1];
        let error = scan(&[b"* OK ", &endless]).expect_err("endless");
        assert!(
            error.starts_with("a line over 8192 bytes in the greeting: \"* OK xxx"),
            "{error}"
        );
        assert!(error.chars().count() <= 120, "{error}");
        let line = b"* OK fine\r\n".repeat(MAX_READ / 11 + 1);
        let error = scan(&[&line]).expect_err("flood");
        assert_eq!(
            error,
            "more than 256 KiB from the server while waiting for the greeting"
        );
    }
}
