//! What a probe found: success or the kind of failure, a sentence for the engineer, and how
//! long each phase took.

use crate::probe_plan::Wire;
use chrono::{DateTime, Utc};
use std::io;
use std::time::Duration;

/// The steps of a probe, in order. Not every probe has every phase: TLS only when TLS is
/// used; login, select and logout only for IMAP and POP3 (select and login only with
/// credentials).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Name resolution and the TCP connection.
    Connect,
    /// The TLS handshake; with STARTTLS/STLS also that command's exchange.
    Tls,
    /// The server's first line.
    Greeting,
    /// IMAP CAPABILITY and LOGIN; POP3 USER and PASS.
    Login,
    /// IMAP `SELECT INBOX`; POP3 `STAT`.
    Select,
    /// IMAP LOGOUT; POP3 QUIT.
    Logout,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Connect,
        Phase::Tls,
        Phase::Greeting,
        Phase::Login,
        Phase::Select,
        Phase::Logout,
    ];

    /// The key in `check`'s `phases_ms`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Connect => "connect",
            Phase::Tls => "tls",
            Phase::Greeting => "greeting",
            Phase::Login => "login",
            Phase::Select => "select",
            Phase::Logout => "logout",
        }
    }

    /// What the probe waits for in this phase, for messages: "the greeting", "the STAT answer".
    pub fn awaited(self, wire: Wire) -> &'static str {
        match (self, wire) {
            (Phase::Connect, _) => "the TCP connection",
            (Phase::Tls, _) => "the TLS handshake",
            (Phase::Greeting, _) => "the greeting",
            (Phase::Login, _) => "the login answer",
            (Phase::Select, Wire::Pop3) => "the STAT answer",
            (Phase::Select, _) => "the SELECT INBOX answer",
            (Phase::Logout, Wire::Pop3) => "the QUIT answer",
            (Phase::Logout, _) => "the LOGOUT answer",
        }
    }
}

/// Why a probe failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Nothing listens on the port.
    Refused,
    /// The probe's one deadline (`timeout` after it began) passed during this phase.
    Timeout(Phase),
    /// The server rejected the credentials.
    AuthFailed,
    /// The certificate does not carry the expected name.
    CertNameMismatch,
    /// The certificate's validity has ended.
    CertExpired,
    /// The certificate does not chain to a trusted root (or is not yet valid, or not for
    /// server use).
    CertUntrusted,
    /// The host name does not resolve.
    Dns,
    /// The server answered something the dialogue does not allow (or TLS failed otherwise).
    Protocol,
    /// The connection broke: reset, closed early, unreachable.
    Io,
}

impl ErrorKind {
    /// A stable snake_case name for JSON and the incident record.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Refused => "refused",
            ErrorKind::Timeout(_) => "timeout",
            ErrorKind::AuthFailed => "auth_failed",
            ErrorKind::CertNameMismatch => "cert_name_mismatch",
            ErrorKind::CertExpired => "cert_expired",
            ErrorKind::CertUntrusted => "cert_untrusted",
            ErrorKind::Dns => "dns",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Io => "io",
        }
    }
}

/// How long each phase took; `None` for a phase that did not apply or did not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Phases {
    pub connect: Option<Duration>,
    pub tls: Option<Duration>,
    pub greeting: Option<Duration>,
    pub login: Option<Duration>,
    pub select: Option<Duration>,
    pub logout: Option<Duration>,
}

impl Phases {
    pub fn get(&self, phase: Phase) -> Option<Duration> {
        match phase {
            Phase::Connect => self.connect,
            Phase::Tls => self.tls,
            Phase::Greeting => self.greeting,
            Phase::Login => self.login,
            Phase::Select => self.select,
            Phase::Logout => self.logout,
        }
    }

    pub fn set(&mut self, phase: Phase, took: Duration) {
        let slot = match phase {
            Phase::Connect => &mut self.connect,
            Phase::Tls => &mut self.tls,
            Phase::Greeting => &mut self.greeting,
            Phase::Login => &mut self.login,
            Phase::Select => &mut self.select,
            Phase::Logout => &mut self.logout,
        };
        *slot = Some(took);
    }
}

/// The result of one probe. `error` never holds the password.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeOutcome {
    pub succeeded: bool,
    pub error_kind: Option<ErrorKind>,
    /// What an engineer needs to read: "connection refused (127.0.0.1:143)", "timed out
    /// waiting for the greeting after 5 s", "certificate name mismatch: expected X,
    /// certificate is for Y".
    pub error: Option<String>,
    /// Timings of the phases that completed.
    pub phases: Phases,
    /// The end of the leaf certificate's validity, when TLS got that far.
    pub cert_not_after: Option<DateTime<Utc>>,
    pub total: Duration,
}

/// Why a probe stopped, inside the module.
#[derive(Debug)]
pub(crate) struct Failure {
    pub kind: ErrorKind,
    pub message: String,
    /// Known from a failed handshake (an expired certificate).
    pub cert_not_after: Option<DateTime<Utc>>,
}

impl Failure {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            cert_not_after: None,
        }
    }

    pub fn timeout(phase: Phase, wire: Wire, limit: Duration) -> Failure {
        let message = format!(
            "timed out waiting for {} after {}",
            phase.awaited(wire),
            seconds(limit)
        );
        Failure::new(ErrorKind::Timeout(phase), message)
    }

    /// A broken connection while waiting for what `phase` waits for.
    pub fn io(error: &io::Error, phase: Phase, wire: Wire) -> Failure {
        let awaited = phase.awaited(wire);
        match error.kind() {
            io::ErrorKind::ConnectionRefused => {
                Failure::new(ErrorKind::Refused, "connection refused")
            }
            io::ErrorKind::UnexpectedEof => Failure::new(
                ErrorKind::Io,
                format!("the server closed the connection while the probe waited for {awaited}"),
            ),
            // Some libraries put whole buffers in their error texts: a clause, not a dump.
            _ => Failure::new(
                ErrorKind::Io,
                format!(
                    "connection failed while waiting for {awaited}: {}",
                    clipped(&error.to_string(), ERROR_TEXT_CHARS)
                ),
            ),
        }
    }

    pub fn protocol(message: impl Into<String>) -> Failure {
        Failure::new(ErrorKind::Protocol, message)
    }
}

/// "5 s", "1.5 s", "250 ms".
fn seconds(limit: Duration) -> String {
    let millis = limit.as_millis();
    if millis < 1_000 {
        format!("{millis} ms")
    } else if millis.is_multiple_of(1_000) {
        format!("{} s", millis / 1_000)
    } else {
        format!("{:.1} s", limit.as_secs_f64())
    }
}

/// How many characters of what a server sent a message quotes: an excerpt, never a dump
/// (ARCHITECTURE: Probe deadline and protocol errors).
const EXCERPT_CHARS: usize = 56;
/// How many characters of a library's error text a message quotes.
pub(crate) const ERROR_TEXT_CHARS: usize = 56;

/// A server line fit for a message: quoted, control characters escaped, at most
/// [`EXCERPT_CHARS`] characters shown (escapes included) with `…` when cut.
pub(crate) fn quoted(line: &str) -> String {
    excerpt(line.trim_end().as_bytes())
}

/// Raw server bytes fit for a message: like [`quoted`], and bytes that are not UTF-8 shown
/// as `\xNN`.
pub(crate) fn excerpt(bytes: &[u8]) -> String {
    let pieces = bytes.utf8_chunks().flat_map(|chunk| {
        let valid = chunk.valid().chars().map(escaped);
        let invalid = chunk.invalid().iter().map(|byte| format!("\\x{byte:02x}"));
        valid.chain(invalid)
    });
    // Counted in characters shown: an escape `\x83` is four.
    let (mut shown, mut count) = (String::new(), 0);
    let mut more = "";
    for piece in pieces {
        count += piece.chars().count();
        if count > EXCERPT_CHARS {
            more = "…";
            break;
        }
        shown.push_str(&piece);
    }
    format!("\"{shown}{more}\"")
}

/// One character as a message shows it: control characters escaped.
fn escaped(c: char) -> String {
    match c {
        '\r' => "\\r".to_owned(),
        '\n' => "\\n".to_owned(),
        '\t' => "\\t".to_owned(),
        c if c.is_ascii_control() => format!("\\x{:02x}", u32::from(c)),
        c if c.is_control() => c.escape_unicode().to_string(),
        c => c.to_string(),
    }
}

/// Decodes a server line, showing bytes that are not UTF-8 as `\xNN` (never U+FFFD, which
/// would hide what was sent).
pub(crate) fn decoded(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02x}"));
        }
    }
    text
}

/// `text` cut to `max` characters with `…`: for error texts from libraries, which may
/// carry whole buffers.
pub(crate) fn clipped(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let mut kept: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        kept.push('…');
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_name_their_phase_and_limit() {
        let greeting = Failure::timeout(Phase::Greeting, Wire::Imap, Duration::from_secs(5));
        assert_eq!(greeting.kind, ErrorKind::Timeout(Phase::Greeting));
        assert_eq!(
            greeting.message,
            "timed out waiting for the greeting after 5 s"
        );
        let stat = Failure::timeout(Phase::Select, Wire::Pop3, Duration::from_millis(1_500));
        assert_eq!(
            stat.message,
            "timed out waiting for the STAT answer after 1.5 s"
        );
        let login = Failure::timeout(Phase::Login, Wire::Imap, Duration::from_millis(250));
        assert_eq!(
            login.message,
            "timed out waiting for the login answer after 250 ms"
        );
    }

    #[test]
    fn names_are_stable_snake_case() {
        let names: Vec<_> = Phase::ALL.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            ["connect", "tls", "greeting", "login", "select", "logout"]
        );
        assert_eq!(ErrorKind::Timeout(Phase::Login).name(), "timeout");
        assert_eq!(ErrorKind::CertNameMismatch.name(), "cert_name_mismatch");
        assert_eq!(ErrorKind::AuthFailed.name(), "auth_failed");
    }

    #[test]
    fn phases_read_back_what_was_set() {
        let mut phases = Phases::default();
        phases.set(Phase::Select, Duration::from_millis(3));
        assert_eq!(phases.get(Phase::Select), Some(Duration::from_millis(3)));
        assert_eq!(phases.get(Phase::Logout), None);
    }

    #[test]
    fn server_lines_are_cut_and_cleaned() {
        assert_eq!(quoted("* BYE busy\r\n"), "\"* BYE busy\"");
        assert_eq!(quoted("a\u{1b}b"), "\"a\\x1bb\"");
        let long = quoted(&"x".repeat(500));
        assert_eq!(long.chars().count(), EXCERPT_CHARS + 3, "{long}");
        assert!(long.ends_with("…\""), "{long}");
        assert_eq!(
            quoted(&"x".repeat(EXCERPT_CHARS)).chars().count(),
            EXCERPT_CHARS + 2
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_hex() {
        assert_eq!(
            excerpt(b"\x83e\x00\xff ok\r\n"),
            "\"\\x83e\\x00\\xff ok\\r\\n\""
        );
        assert_eq!(decoded(b"+OK \xe9t\xc3\xa9"), "+OK \\xe9t\u{e9}");
        let garbage: Vec<u8> = (0..=255).cycle().take(5_000).collect();
        let shown = excerpt(&garbage);
        assert!(shown.chars().count() <= 120, "{shown}");
    }

    #[test]
    fn library_texts_are_clipped() {
        assert_eq!(clipped("short", 10), "short");
        assert_eq!(clipped(&"é".repeat(30), 10), format!("{}…", "é".repeat(10)));
    }
}
