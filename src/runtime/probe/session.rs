//! What every dialogue shares: phases under the probe's one deadline, the TCP connection,
//! TLS handshakes that remember the certificate, and a bounded line reader.

use super::bounded::MAX_LINE;
use super::outcome::{ErrorKind, Failure, Phase, Phases, decoded, excerpt};
use super::tls::{self, Handshake, TlsSetup};
use crate::probe_plan::{ProbePlan, Wire};
use crate::runtime::clock::Stopwatch;
use chrono::{DateTime, Utc};
use std::future::Future;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_rustls::client::TlsStream;

/// One probe in progress: its plan, its deadline, the phase under way, the phases done so
/// far, the certificate's end date.
pub(crate) struct Run<'p> {
    pub plan: &'p ProbePlan,
    pub tls: &'p TlsSetup,
    pub phases: Phases,
    pub cert_not_after: Option<DateTime<Utc>>,
    /// The phase begun last: the one a timeout names.
    pub current: Phase,
    /// `plan.timeout` after the probe began: every phase ends by then (ARCHITECTURE: Probe
    /// deadline and protocol errors).
    pub deadline: Instant,
}

impl<'p> Run<'p> {
    /// A run of `plan` that began when `began` was started.
    pub fn new(plan: &'p ProbePlan, tls: &'p TlsSetup, began: &Stopwatch) -> Run<'p> {
        Run {
            plan,
            tls,
            phases: Phases::default(),
            cert_not_after: None,
            current: Phase::Connect,
            deadline: began.deadline(plan.timeout),
        }
    }

    /// Runs `work` as `phase`; a phase that completes gets its time. The deadline is kept
    /// around the whole dialogue (`probe`), which names `current` if it passes: one timer a
    /// probe instead of one a phase, and a server slow in every phase still cannot stretch
    /// the probe past its timeout.
    pub async fn phase<T>(
        &mut self,
        phase: Phase,
        work: impl Future<Output = Result<T, Failure>>,
    ) -> Result<T, Failure> {
        self.current = phase;
        let watch = Stopwatch::start();
        let result = work.await;
        if result.is_ok() {
            self.phases.set(phase, watch.elapsed());
        }
        result
    }

    /// The Connect phase: resolve the host, then try its addresses in turn.
    pub async fn connect(&mut self) -> Result<TcpStream, Failure> {
        let endpoint = &self.plan.endpoint;
        self.phase(Phase::Connect, connect(&endpoint.host, endpoint.port))
            .await
    }

    /// The Tls phase around `handshake` (with STARTTLS also the command before it),
    /// remembering the certificate's end date even when the handshake fails.
    pub async fn tls_phase<S>(
        &mut self,
        handshake: impl Future<Output = Result<Handshake<S>, Failure>>,
    ) -> Result<TlsStream<S>, Failure> {
        match self.phase(Phase::Tls, handshake).await {
            Ok(done) => {
                self.cert_not_after = done.not_after;
                Ok(done.stream)
            }
            Err(failure) => {
                self.cert_not_after = failure.cert_not_after;
                Err(failure)
            }
        }
    }

    /// Implicit TLS: the Tls phase right after connecting.
    pub async fn implicit_tls(
        &mut self,
        stream: TcpStream,
    ) -> Result<TlsStream<TcpStream>, Failure> {
        let (setup, plan) = (self.tls, self.plan);
        let expected = plan.endpoint.expected_name();
        self.tls_phase(tls::handshake(setup, expected, stream))
            .await
    }
}

async fn connect(host: &str, port: u16) -> Result<TcpStream, Failure> {
    let addresses: Vec<_> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| Failure::new(ErrorKind::Dns, format!("cannot resolve {host}: {e}")))?
        .collect();
    let mut last = Failure::new(ErrorKind::Dns, format!("{host} resolves to no address"));
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => {
                // Probe commands are small and answered one by one: no Nagle delay.
                stream.set_nodelay(true).ok();
                return Ok(stream);
            }
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionRefused => {
                last = Failure::new(
                    ErrorKind::Refused,
                    format!("connection refused ({address})"),
                );
            }
            Err(error) => {
                last = Failure::new(
                    ErrorKind::Io,
                    format!("cannot connect to {address}: {error}"),
                );
            }
        }
    }
    Err(last)
}

/// Line-by-line dialogue over a stream (POP3, the TCP greeting, the STARTTLS exchange).
pub(crate) struct Lines<S> {
    reader: BufReader<S>,
    wire: Wire,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Lines<S> {
    pub fn new(stream: S, wire: Wire) -> Lines<S> {
        Lines {
            reader: BufReader::new(stream),
            wire,
        }
    }

    /// The next line without its line ending (bytes that are not UTF-8 shown as `\xNN`);
    /// `phase` names what a failure was waiting for. A line that cannot be what the wire
    /// allows fails as soon as its first bytes show it, not when (if ever) it ends.
    pub async fn read(&mut self, phase: Phase) -> Result<String, Failure> {
        let awaited = phase.awaited(self.wire);
        let mut bytes = Vec::new();
        loop {
            let available = self
                .reader
                .fill_buf()
                .await
                .map_err(|e| Failure::io(&e, phase, self.wire))?;
            if available.is_empty() {
                let eof = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
                return Err(Failure::io(&eof, phase, self.wire));
            }
            let room = MAX_LINE - bytes.len();
            let (take, ended) = match available.iter().position(|&b| b == b'\n') {
                Some(at) if at < room => (at + 1, true),
                _ => (available.len().min(room), false),
            };
            bytes.extend_from_slice(&available[..take]);
            self.reader.consume(take);
            if !plausible(self.wire, &bytes) {
                let wire = match self.wire {
                    Wire::Imap => "IMAP",
                    Wire::Pop3 => "POP3",
                    Wire::Tcp => "text",
                };
                let line = bytes.split(|&b| b == b'\r' || b == b'\n').next();
                let shown = excerpt(line.unwrap_or_default());
                return Err(Failure::protocol(format!(
                    "not {wire} in {awaited}: {shown}"
                )));
            }
            if ended {
                break;
            }
            if bytes.len() >= MAX_LINE {
                return Err(Failure::protocol(format!(
                    "a line over {MAX_LINE} bytes in {awaited}: {}",
                    excerpt(&bytes)
                )));
            }
        }
        let end = bytes.len()
            - bytes
                .iter()
                .rev()
                .take_while(|b| b"\r\n".contains(b))
                .count();
        Ok(decoded(&bytes[..end]))
    }

    /// Sends one command line. Commands are never logged: PASS carries the password.
    pub async fn send(&mut self, line: &str, phase: Phase) -> Result<(), Failure> {
        // In one write: with TCP_NODELAY the line and its CRLF written apart leave as two
        // segments (with TLS, two records), each a syscall and a wake-up at the server.
        let mut command = Vec::with_capacity(line.len() + 2);
        command.extend_from_slice(line.as_bytes());
        command.extend_from_slice(b"\r\n");
        let stream = self.reader.get_mut();
        let written = async {
            stream.write_all(&command).await?;
            stream.flush().await
        };
        written.await.map_err(|e| Failure::io(&e, phase, self.wire))
    }

    /// The stream back, for a TLS handshake after STARTTLS/STLS. Bytes the server sent after
    /// its OK would be read as if they came over TLS (a command injection): refuse them.
    pub fn into_inner(self) -> Result<S, Failure> {
        if self.reader.buffer().is_empty() {
            Ok(self.reader.into_inner())
        } else {
            Err(Failure::protocol(
                "the server sent data after accepting STARTTLS, before the TLS handshake",
            ))
        }
    }
}

/// Whether a line that begins with `start` can still be one `wire` allows: POP3 answers
/// begin `+OK` or `-ERR`, IMAP responses `*`, `+` or a tag. A bare TCP probe takes any line
/// of text (every mail protocol greets in text), not control characters or broken UTF-8.
fn plausible(wire: Wire, start: &[u8]) -> bool {
    let agrees = |word: &[u8]| start.iter().zip(word).all(|(a, b)| a == b);
    match wire {
        Wire::Pop3 => agrees(b"+OK") || agrees(b"-ERR"),
        Wire::Imap => start
            .first()
            .is_none_or(|&b| b == b'*' || b == b'+' || b.is_ascii_alphanumeric()),
        Wire::Tcp => {
            let broken = std::str::from_utf8(start).is_err_and(|e| e.error_len().is_some());
            let control = |b: &u8| b.is_ascii_control() && !b"\r\n\t".contains(b);
            !broken && !start.iter().any(control)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_told_from_garbage_by_their_first_bytes() {
        assert!(plausible(Wire::Pop3, b"+O"));
        assert!(plausible(Wire::Pop3, b"-ERR [AUTH] no"));
        assert!(!plausible(Wire::Pop3, b"+NO"));
        assert!(!plausible(Wire::Pop3, b"\x83e"));
        assert!(plausible(Wire::Imap, b"* OK"));
        assert!(plausible(Wire::Imap, b"a OK"));
        assert!(!plausible(Wire::Imap, b"\x83e"));
        assert!(plausible(Wire::Tcp, "220 smtp ready é\r\n".as_bytes()));
        assert!(plausible(Wire::Tcp, b"220 cut \xc3"));
        assert!(!plausible(Wire::Tcp, b"\x83e"));
        assert!(!plausible(Wire::Tcp, b"220 \x00"));
    }
}
