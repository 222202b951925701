//! Reads one of a step's pipes line by line, as bytes: a step may print anything.

use crate::job::{OutputLine, Stream};
use crate::runtime::FleetClock;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::sync::mpsc;

/// The most kept of one line; the rest up to its newline is read and dropped, so a step
/// printing megabytes without a newline cannot fill memory.
const LINE_LIMIT: usize = 64 * 1024;

/// Large reads: a flooding step costs a few syscalls per hundred lines.
const READ_BUFFER: usize = 64 * 1024;

/// Sends every line of `pipe` to `lines` until EOF (or until the runner stops listening).
pub(super) async fn read_lines<R: AsyncRead + Unpin>(
    pipe: R,
    stream: Stream,
    clock: FleetClock,
    lines: mpsc::Sender<OutputLine>,
) {
    let mut reader = BufReader::with_capacity(READ_BUFFER, pipe);
    // Reused for every line: the only allocation per line is the String sent.
    let mut line = Vec::new();
    loop {
        line.clear();
        let (text, more) = match read_line(&mut reader, &mut line).await {
            Ok(false) => return,
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
        let at = clock.now();
        if lines.send(OutputLine { at, stream, text }).await.is_err() || !more {
            return;
        }
    }
}

/// Reads the next line into `line` without its line end (`\n`, or `\r\n`), keeping at
/// most `LINE_LIMIT` bytes of it. False at EOF; a last line without a newline counts.
async fn read_line<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    line: &mut Vec<u8>,
) -> std::io::Result<bool> {
    let mut read_any = false;
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
