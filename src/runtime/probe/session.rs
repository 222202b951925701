//! What every dialogue shares: phases under the plan's timeout, the TCP connection, TLS
//! handshakes that remember the certificate, and a bounded line reader.

use super::outcome::{ErrorKind, Failure, Phase, Phases};
use super::plan::{ProbePlan, Wire};
use super::tls::{self, Handshake, TlsSetup};
use crate::runtime::clock::Stopwatch;
use chrono::{DateTime, Utc};
use std::future::Future;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

/// The longest server line a probe reads; a longer one is a protocol failure.
const MAX_LINE: u64 = 8 * 1024;

/// One probe in progress: its plan, the phases done so far, the certificate's end date.
pub(crate) struct Run<'p> {
    pub plan: &'p ProbePlan,
    pub tls: &'p TlsSetup,
    pub phases: Phases,
    pub cert_not_after: Option<DateTime<Utc>>,
}

impl<'p> Run<'p> {
    pub fn new(plan: &'p ProbePlan, tls: &'p TlsSetup) -> Run<'p> {
        Run {
            plan,
            tls,
            phases: Phases::default(),
            cert_not_after: None,
        }
    }

    /// Runs `work` as `phase` under the plan's timeout; a phase that completes gets its time.
    pub async fn phase<T>(
        &mut self,
        phase: Phase,
        work: impl Future<Output = Result<T, Failure>>,
    ) -> Result<T, Failure> {
        let watch = Stopwatch::start();
        let Ok(result) = tokio::time::timeout(self.plan.timeout, work).await else {
            return Err(Failure::timeout(phase, self.plan.wire, self.plan.timeout));
        };
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

    /// The next line without its line ending; `phase` names what a failure was waiting for.
    pub async fn read(&mut self, phase: Phase) -> Result<String, Failure> {
        let mut bytes = Vec::new();
        let read = (&mut self.reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut bytes)
            .await
            .map_err(|e| Failure::io(&e, phase, self.wire))?;
        if read == 0 {
            let eof = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
            return Err(Failure::io(&eof, phase, self.wire));
        }
        if bytes.last() != Some(&b'\n') {
            return Err(Failure::protocol(format!(
                "a line longer than {MAX_LINE} bytes while waiting for {}",
                phase.awaited(self.wire)
            )));
        }
        let text = String::from_utf8_lossy(&bytes);
        Ok(text.trim_end_matches(['\r', '\n']).to_owned())
    }

    /// Sends one command line. Commands are never logged: PASS carries the password.
    pub async fn send(&mut self, line: &str, phase: Phase) -> Result<(), Failure> {
        let stream = self.reader.get_mut();
        let written = async {
            stream.write_all(line.as_bytes()).await?;
            stream.write_all(b"\r\n").await?;
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
