//! The floor: the least a prober can spend on healthdeck's dialogue. Blocking sockets on
//! plain threads, one `write` per command, lines read through one buffer, nothing parsed
//! beyond the first bytes of each answer; TLS through the same rustls 0.23 and crypto provider,
//! with the same protocol versions and suites as healthdeck's `TlsSetup`, the certificate
//! checked against the test CA for `localhost`. What healthdeck spends above it is the price
//! of its runtime, async-imap and its bookkeeping.

use super::{Failures, IN_FLIGHT, Ipv4Addr, Mutex, Ordering, Service, TIMEOUT_S};
use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

/// What the floor needs for every probe: the TLS configuration and the login.
pub struct Floor {
    config: Arc<ClientConfig>,
    imap: Vec<Vec<u8>>,
    pop3: Vec<Vec<u8>>,
}

impl Floor {
    /// healthdeck's client settings (`TlsSetup::new`): its provider, the safe default versions, no
    /// client certificate; the test CA as the only root.
    pub fn new(ca: &Path, user: &str, password: &str) -> Floor {
        let mut roots = RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(ca).unwrap() {
            roots.add(cert.unwrap()).unwrap();
        }
        let provider = Arc::new(healthdeck::runtime::probe::crypto_provider());
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        // The bytes async-imap sends: tags A0001…, quoted strings (see its `validate_str`).
        let imap = [
            "A0001 CAPABILITY".to_owned(),
            format!("A0002 LOGIN \"{user}\" \"{password}\""),
            "A0003 SELECT \"INBOX\"".to_owned(),
            "A0004 LOGOUT".to_owned(),
        ];
        let pop3 = [
            format!("USER {user}"),
            format!("PASS {password}"),
            "STAT".to_owned(),
            "QUIT".to_owned(),
        ];
        let lines = |commands: &[String]| {
            commands
                .iter()
                .map(|c| format!("{c}\r\n").into_bytes())
                .collect()
        };
        Floor {
            config: Arc::new(config),
            imap: lines(&imap),
            pop3: lines(&pop3),
        }
    }

    /// `n` probes of `service` on `port`, `IN_FLIGHT` threads at a time.
    pub fn run(&self, service: Service, port: u16, n: usize, failures: &Mutex<Failures>) {
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..IN_FLIGHT {
                scope.spawn(|| {
                    let mut line = Vec::with_capacity(1024);
                    while next.fetch_add(1, Ordering::Relaxed) < n {
                        if let Err(error) = self.probe(service, port, &mut line) {
                            Failures::add(failures, error.to_string());
                        }
                    }
                });
            }
        });
    }

    fn probe(&self, service: Service, port: u16, line: &mut Vec<u8>) -> io::Result<()> {
        let tcp = TcpStream::connect((Ipv4Addr::LOCALHOST, port))?;
        // As healthdeck's sockets: no Nagle delay, and a limit on every wait.
        tcp.set_nodelay(true)?;
        tcp.set_read_timeout(Some(Duration::from_secs(TIMEOUT_S)))?;
        if service.tls() {
            let name = ServerName::try_from("localhost").unwrap();
            let tls =
                ClientConnection::new(Arc::clone(&self.config), name).map_err(io::Error::other)?;
            self.dialogue(service, StreamOwned::new(tls, tcp), line)
        } else {
            self.dialogue(service, tcp, line)
        }
    }

    /// Greeting, then each command and its answer; the stream is dropped (closed) after the
    /// last answer, as healthdeck drops its own.
    fn dialogue<S: Read + Write>(
        &self,
        service: Service,
        stream: S,
        line: &mut Vec<u8>,
    ) -> io::Result<()> {
        let mut stream = BufReader::with_capacity(4096, stream);
        let (commands, greeting): (&[Vec<u8>], &[u8]) = match service {
            Service::Greeting => (&[], b""),
            _ if service.imap() => (&self.imap, b"* OK"),
            _ => (&self.pop3, b"+OK"),
        };
        expect(&mut stream, line, b"", greeting)?;
        for command in commands {
            stream.get_mut().write_all(command)?;
            if service.imap() {
                // The tag and " OK": untagged lines before it are skipped.
                let tagged = &command[..6];
                expect(&mut stream, line, tagged, b"OK")?;
            } else {
                expect(&mut stream, line, b"", b"+OK")?;
            }
        }
        Ok(())
    }
}

/// Reads lines until one begins with `prefix` (every line when it is empty), which must go
/// on with `answer`.
fn expect<R: BufRead>(
    reader: &mut R,
    line: &mut Vec<u8>,
    prefix: &[u8],
    answer: &[u8],
) -> io::Result<()> {
    loop {
        line.clear();
        if reader.read_until(b'\n', line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        if let Some(rest) = line.strip_prefix(prefix) {
            return if rest.starts_with(answer) {
                Ok(())
            } else {
                Err(io::Error::other(String::from_utf8_lossy(line).into_owned()))
            };
        }
    }
}
