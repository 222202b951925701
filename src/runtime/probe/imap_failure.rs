//! How IMAP failures read: async-imap's errors turned into kinds and short sentences, never
//! its Debug dumps (ARCHITECTURE: Probe deadline and protocol errors).

use super::bounded::Violation;
use super::outcome::{ERROR_TEXT_CHARS, ErrorKind, Failure, Phase, clipped, excerpt, quoted};
use crate::probe_plan::Wire;
use async_imap::error::{Error as ImapError, ParseError};

/// NO to LOGIN. Response codes from RFC 5530 tell server trouble from rejected credentials.
pub(crate) fn login_refused(user: &str, text: &str) -> Failure {
    let said = server_text(text);
    let upper = text.to_ascii_uppercase();
    let trouble = ["UNAVAILABLE", "SERVERBUG", "PRIVACYREQUIRED", "INUSE"];
    if trouble.iter().any(|code| upper.contains(code)) {
        Failure::protocol(format!("login for {user} refused by the server: {said}"))
    } else {
        Failure::new(
            ErrorKind::AuthFailed,
            format!("authentication failed for {user}: {said}"),
        )
    }
}

pub(crate) fn refused_greeting(line: &str) -> Failure {
    Failure::protocol(format!(
        "the server refused the connection: {}",
        quoted(line)
    ))
}

pub(crate) fn imap_failure(error: ImapError, phase: Phase) -> Failure {
    let awaited = phase.awaited(Wire::Imap);
    match error {
        ImapError::Io(io) => {
            if let Some(violation) = Violation::within(&io) {
                Failure::protocol(violation.describe(awaited))
            } else if let Some(shown) = unparsable(&io) {
                Failure::protocol(format!("unparsable answer in {awaited}: {shown}"))
            } else {
                Failure::io(&io, phase, Wire::Imap)
            }
        }
        ImapError::ConnectionLost => {
            let eof = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
            Failure::io(&eof, phase, Wire::Imap)
        }
        ImapError::No(text) | ImapError::Bad(text) => Failure::protocol(format!(
            "the server said no to {awaited}: {}",
            server_text(&text)
        )),
        ImapError::Parse(ParseError::Invalid(bytes) | ParseError::DataNotUtf8(bytes, _)) => {
            Failure::protocol(format!(
                "unparsable answer in {awaited}: {}",
                excerpt(&bytes)
            ))
        }
        // Its text is a Debug dump of the parsed response: nothing an engineer can read.
        ImapError::Parse(ParseError::Unexpected(_)) => {
            Failure::protocol(format!("an answer out of place in {awaited}"))
        }
        other => Failure::protocol(format!(
            "unexpected answer in {awaited}: {}",
            clipped(&other.to_string(), ERROR_TEXT_CHARS)
        )),
    }
}

/// async-imap reports a response it cannot parse as `io::Error::other("{nom error:?} during
/// parsing of {buffer:?}")`, the whole buffer included: its start, read back from the Debug
/// text and shown as [`excerpt`] shows bytes (bytes that were not UTF-8 show as U+FFFD).
fn unparsable(error: &std::io::Error) -> Option<String> {
    if error.kind() != std::io::ErrorKind::Other {
        return None;
    }
    let text = error.get_ref()?.to_string();
    let (_, buffer) = text.split_once(" during parsing of \"")?;
    let start: String = buffer.chars().take(UNPARSABLE_CHARS).collect();
    let line = undebug(&start);
    let line = line.split(['\r', '\n']).next().unwrap_or_default();
    Some(excerpt(line.as_bytes()))
}

/// How much of async-imap's Debug text is read back: enough for any excerpt.
const UNPARSABLE_CHARS: usize = 512;

/// A string's Debug text back to the string, up to its closing quote or a cut escape.
fn undebug(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some('u') => match unicode_escape(&mut chars) {
                    Some(c) => out.push(c),
                    None => break,
                },
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}

/// async-imap words a NO as `code: Some(…), info: Some("…")`: keep the server's sentence.
fn server_text(text: &str) -> String {
    let info = text
        .split_once("info: Some(\"")
        .and_then(|(_, rest)| rest.strip_suffix("\")"));
    quoted(info.unwrap_or(text))
}

/// The character of a `\u{…}` escape after its `u`; `None` when it is cut or invalid.
fn unicode_escape(chars: &mut std::str::Chars<'_>) -> Option<char> {
    let mut hex = String::new();
    for c in chars.by_ref() {
        match c {
            '{' => {}
            '}' => return char::from_u32(u32::from_str_radix(&hex, 16).ok()?),
            c => hex.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unparsable_buffers_read_back_as_short_excerpts() {
        let buffer = format!("A1 \u{1}[{}\r\nA2 OK", "\u{fffd}x".repeat(5_000));
        let error = std::io::Error::other(format!("Error(Tag) during parsing of {buffer:?}"));
        let shown = unparsable(&error).expect("unparsable");
        assert!(shown.starts_with("\"A1 \\x01[\u{fffd}x"), "{shown}");
        assert!(
            shown.ends_with("…\"") && shown.chars().count() <= 60,
            "{shown}"
        );
        assert_eq!(undebug(r#"a\"b\\c\t\u{7f}\u{1"#), "a\"b\\c\t\u{7f}");
        let io = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
        assert_eq!(unparsable(&io), None);
    }

    #[test]
    fn a_no_to_login_is_a_wrong_password_unless_the_server_is_in_trouble() {
        let wrong = login_refused(
            "probe",
            "code: Some(AuthenticationFailed), info: Some(\"Authentication failed.\")",
        );
        assert_eq!(wrong.kind, ErrorKind::AuthFailed);
        assert_eq!(
            wrong.message,
            "authentication failed for probe: \"Authentication failed.\""
        );
        let trouble = login_refused(
            "probe",
            "code: Some(Unavailable), info: Some(\"Temporary authentication failure.\")",
        );
        assert_eq!(trouble.kind, ErrorKind::Protocol);
    }
}
