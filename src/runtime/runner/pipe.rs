//! Reads one of a step's pipes line by line, as bytes: a step may print anything. The
//! runner may take the pipe back (to hand it to a keeper) or let it go (read and dropped).

use crate::job::{OutputLine, Stream};
use crate::runtime::FleetClock;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::sync::{mpsc, watch};

/// The most kept of one line; the rest up to its newline is read and dropped, so a step
/// printing megabytes without a newline cannot fill memory.
const LINE_LIMIT: usize = 64 * 1024;

/// Large reads: a flooding step costs a few syscalls per hundred lines.
const READ_BUFFER: usize = 64 * 1024;

/// What a pipe reader does; whoever started it may change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Every line to the runner, until EOF.
    Lines,
    /// Send what was read, then give the pipe back.
    GiveBack,
    /// Send nothing more, but read and drop until EOF: a background process still writing
    /// to the pipe must not die of a broken pipe.
    Discard,
}

/// Sends every line of `pipe` to `lines` until EOF (or until the runner stops listening).
/// Returns the pipe when asked to give it back; None when it was read to its end.
pub(crate) async fn read_lines<R: AsyncRead + Unpin>(
    pipe: R,
    stream: Stream,
    clock: FleetClock,
    lines: mpsc::Sender<OutputLine>,
    mut mode: watch::Receiver<Reading>,
) -> Option<R> {
    let mut reader = BufReader::with_capacity(READ_BUFFER, pipe);
    // Reused for every line: the only allocation per line is the String sent. A read cut
    // short by a change of mode leaves its part here.
    let mut line = Vec::new();
    loop {
        let read = tokio::select! {
            biased;
            changed = mode.changed() => {
                // The runner is gone: nobody to give the pipe to.
                changed.ok()?;
                let now = *mode.borrow_and_update();
                match now {
                    Reading::Lines => continue,
                    Reading::GiveBack => {
                        give_back_read(&reader, &line, stream, clock, &lines).await;
                        return Some(reader.into_inner());
                    }
                    Reading::Discard => {
                        drop(lines);
                        discard(&mut reader).await;
                        return None;
                    }
                }
            }
            read = read_line(&mut reader, &mut line) => read,
        };
        let (text, more) = match read {
            Ok(false) => return None,
            Ok(true) => (String::from_utf8_lossy(&line).into_owned(), true),
            // EIO and the like: say so in the output rather than lose it silently.
            Err(e) => {
                let what = stream.name();
                (
                    format!("healthdeck: reading the step's {what} failed: {e}"),
                    false,
                )
            }
        };
        line.clear();
        let at = clock.now();
        if lines.send(OutputLine { at, stream, text }).await.is_err() || !more {
            return None;
        }
    }
}

/// What was read and not sent yet, as lines: the part of a line and the buffer. A last
/// part without its newline goes as a line of its own.
async fn give_back_read<R: AsyncRead + Unpin>(
    reader: &BufReader<R>,
    part: &[u8],
    stream: Stream,
    clock: FleetClock,
    lines: &mpsc::Sender<OutputLine>,
) {
    let mut read = part.to_vec();
    read.extend_from_slice(reader.buffer());
    if read.is_empty() {
        return;
    }
    let read = read.strip_suffix(b"\n").unwrap_or(&read);
    for text in read.split(|&b| b == b'\n') {
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let cut = &text[..text.len().min(LINE_LIMIT)];
        let text = String::from_utf8_lossy(cut).into_owned();
        let at = clock.now();
        if lines.send(OutputLine { at, stream, text }).await.is_err() {
            return;
        }
    }
}

/// Reads and drops until EOF (or an error).
async fn discard<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) {
    loop {
        let len = match reader.fill_buf().await {
            Ok([]) | Err(_) => return,
            Ok(available) => available.len(),
        };
        reader.consume(len);
    }
}

/// Reads the next line into `line` without its line end (`\n`, or `\r\n`), keeping at
/// most `LINE_LIMIT` bytes of it. False at EOF; a last line without a newline counts.
async fn read_line<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    line: &mut Vec<u8>,
) -> std::io::Result<bool> {
    let mut read_any = !line.is_empty();
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let content = &available[..newline.unwrap_or(available.len())];
        let room = LINE_LIMIT.saturating_sub(line.len());
        line.extend_from_slice(&content[..content.len().min(room)]);
        let Some(at) = newline else {
            let all = available.len();
            reader.consume(all);
            continue;
        };
        reader.consume(at + 1);
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(true);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_pipe_given_back_comes_with_what_was_read_and_not_one_byte_more() {
        let (mut step, pipe) = tokio::io::duplex(1024);
        let (lines_tx, mut lines) = mpsc::channel(8);
        let (mode, mode_rx) = watch::channel(Reading::Lines);
        let clock = FleetClock::new(1.0);
        let reader = tokio::spawn(read_lines(pipe, Stream::Stdout, clock, lines_tx, mode_rx));
        step.write_all(b"one\r\ntw").await.unwrap();
        assert_eq!(lines.recv().await.unwrap().text, "one");
        mode.send_replace(Reading::GiveBack);
        // The part of a line read so far goes as a line of its own.
        assert_eq!(lines.recv().await.unwrap().text, "tw");
        let mut pipe = reader.await.unwrap().expect("given back");
        assert!(lines.recv().await.is_none(), "nothing more sent");
        step.write_all(b"o\n").await.unwrap();
        drop(step);
        let mut rest = String::new();
        pipe.read_to_string(&mut rest).await.unwrap();
        assert_eq!(rest, "o\n");
    }
}
