//! The two pipe readers of a running step, as one handle: aborted with the runner when it
//! is dropped, joined to take the pipes back, or left to read and drop what comes later.

use super::pipe::{Reading, read_lines};
use crate::job::{OutputLine, Stream};
use crate::runtime::FleetClock;
use std::os::fd::OwnedFd;
use tokio::io::AsyncRead;
use tokio::process::{Child, ChildStderr, ChildStdout};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

pub(super) struct Readers {
    stdout: Option<JoinHandle<Option<ChildStdout>>>,
    stderr: Option<JoinHandle<Option<ChildStderr>>>,
}

impl Readers {
    pub(super) fn start(
        child: &mut Child,
        clock: FleetClock,
        lines: &mpsc::Sender<OutputLine>,
        mode: &watch::Receiver<Reading>,
    ) -> Readers {
        let stdout = child.stdout.take().map(|out| {
            let reading = read_lines(out, Stream::Stdout, clock, lines.clone(), mode.clone());
            tokio::spawn(reading)
        });
        let stderr = child.stderr.take().map(|err| {
            let reading = read_lines(err, Stream::Stderr, clock, lines.clone(), mode.clone());
            tokio::spawn(reading)
        });
        Readers { stdout, stderr }
    }

    /// Stops reading at once (the pipes close).
    pub(super) fn abort(&self) {
        self.stdout.iter().for_each(JoinHandle::abort);
        self.stderr.iter().for_each(JoinHandle::abort);
    }

    /// The pipes given back (after `Reading::GiveBack`), as plain descriptors; None for a
    /// pipe already read to its end.
    pub(super) async fn give_back(&mut self) -> (Option<OwnedFd>, Option<OwnedFd>) {
        let stdout = given_back(self.stdout.take(), ChildStdout::into_owned_fd).await;
        let stderr = given_back(self.stderr.take(), ChildStderr::into_owned_fd).await;
        (stdout, stderr)
    }

    /// Waits for the readers to end; a pipe given back meanwhile is read and dropped too.
    pub(super) async fn discard_rest(mut self) {
        let (stdout, stderr) = (self.stdout.take(), self.stderr.take());
        let stdout = async {
            if let Some(reader) = stdout
                && let Ok(Some(pipe)) = reader.await
            {
                discard(pipe).await;
            }
        };
        let stderr = async {
            if let Some(reader) = stderr
                && let Ok(Some(pipe)) = reader.await
            {
                discard(pipe).await;
            }
        };
        tokio::join!(stdout, stderr);
    }
}

async fn discard<R: AsyncRead + Unpin>(mut pipe: R) {
    let _ = tokio::io::copy(&mut pipe, &mut tokio::io::sink()).await;
}

impl Drop for Readers {
    fn drop(&mut self) {
        self.abort();
    }
}

/// What one reader gave back, as a plain descriptor (None: read to its end, or gone).
async fn given_back<P>(
    reader: Option<JoinHandle<Option<P>>>,
    into_fd: fn(P) -> std::io::Result<OwnedFd>,
) -> Option<OwnedFd> {
    reader?
        .await
        .ok()
        .flatten()
        .and_then(|pipe| into_fd(pipe).ok())
}
