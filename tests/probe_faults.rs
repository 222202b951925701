//! Probes against slow and lying servers (fake IMAP and POP3 servers on 127.0.0.1, scripted
//! here): one deadline for the whole probe, and garbage, endless lines, absurd literals and
//! early closes classified with a short message (ARCHITECTURE: Probe deadline and protocol
//! errors). Kinds and messages are asserted, never durations: a probe that buffered or
//! waited instead of refusing would end `timeout` after the generous deadline.

#[path = "support/fake_mail.rs"]
mod fake_mail;

use fake_mail::{Conn, FakeMail, garbage};
use healthdeck::runtime::probe::{
    Credentials, Endpoint, ErrorKind, Phase, ProbeOutcome, ProbePlan, Secret, TlsMode, TlsSetup,
    Wire, probe,
};
use std::time::Duration;

/// Where a probe should fail for what the server sent, long before this.
const GENEROUS: Duration = Duration::from_secs(20);
/// A slow server's delay before each answer, and the probe's timeout it passes in sum only:
/// three delays exceed it, no single one comes near it.
const EACH: Duration = Duration::from_millis(700);
const WHOLE: Duration = Duration::from_secs(2);

const IMAP_GREETING: &[u8] = b"* OK [CAPABILITY IMAP4rev1] fake ready\r\n";

fn plan(wire: Wire, port: u16, timeout: Duration) -> ProbePlan {
    ProbePlan {
        wire,
        endpoint: Endpoint {
            host: "127.0.0.1".into(),
            port,
            tls: TlsMode::None,
            server_name: None,
        },
        credentials: Some(Credentials {
            user: "probe".into(),
            password: Secret::new("fake-Pa55".into()),
        }),
        timeout,
    }
}

/// Probes and checks the kind and that the message is short, printable and no debug dump.
async fn fails(plan: &ProbePlan, kind: ErrorKind) -> (ProbeOutcome, String) {
    let tls = TlsSetup::new(None).expect("TLS setup");
    let outcome = probe(plan, &tls).await;
    assert_eq!(outcome.error_kind, Some(kind), "{outcome:?}");
    assert!(!outcome.succeeded);
    let error = outcome.error.clone().unwrap_or_default();
    assert!(!error.is_empty());
    assert!(
        error.chars().count() <= 120,
        "{} chars: {error}",
        error.len()
    );
    assert!(
        !error.contains("Error {") && !error.contains("Error("),
        "{error}"
    );
    assert!(!error.chars().any(char::is_control), "{error:?}");
    eprintln!("{:?} {}: {error}", plan.wire, kind.name());
    (outcome, error)
}

/// Greets, answers CAPABILITY, then hands the connection and LOGIN's tag to `then`.
async fn imap_until_login(conn: &mut Conn) -> Option<String> {
    conn.send(IMAP_GREETING).await;
    let tag = conn.imap_command("CAPABILITY").await?;
    let answer = format!("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n");
    conn.send(answer.as_bytes()).await;
    conn.imap_command("LOGIN").await
}

#[tokio::test]
async fn imap_slow_in_every_command_times_out_as_a_whole() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send_after(EACH, IMAP_GREETING).await;
        let mut answers = [
            ("CAPABILITY", "* CAPABILITY IMAP4rev1\r\n"),
            ("LOGIN", ""),
            ("SELECT", "* 0 EXISTS\r\n"),
            ("LOGOUT", "* BYE\r\n"),
        ]
        .into_iter();
        while let Some(tag) = conn.command().await {
            let Some((_, untagged)) = answers.next() else {
                break;
            };
            let tag = tag.split(' ').next().unwrap_or_default().to_owned();
            let answer = format!("{untagged}{tag} OK done\r\n");
            conn.send_after(EACH, answer.as_bytes()).await;
        }
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), WHOLE);
    let (outcome, error) = fails(&plan, ErrorKind::Timeout(Phase::Login)).await;
    assert_eq!(error, "timed out waiting for the login answer after 2 s");
    assert!(outcome.phases.connect.is_some() && outcome.phases.greeting.is_some());
    assert_eq!(outcome.phases.login, None);
}

#[tokio::test]
async fn pop3_slow_in_every_command_times_out_as_a_whole() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send_after(EACH, b"+OK fake ready\r\n").await;
        while conn.command().await.is_some() {
            conn.send_after(EACH, b"+OK\r\n").await;
        }
    })
    .await;
    let plan = plan(Wire::Pop3, server.port(), WHOLE);
    let (outcome, error) = fails(&plan, ErrorKind::Timeout(Phase::Login)).await;
    assert_eq!(error, "timed out waiting for the login answer after 2 s");
    assert!(outcome.phases.greeting.is_some(), "{outcome:?}");
}

#[tokio::test]
async fn imap_garbage_greeting_is_protocol_with_an_escaped_excerpt() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(&garbage(512)).await;
        conn.hold().await;
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(
        error.starts_with("not IMAP in the greeting: \"\\x83e"),
        "{error}"
    );
}

#[tokio::test]
async fn pop3_garbage_greeting_is_protocol_with_an_escaped_excerpt() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(&garbage(512)).await;
        conn.hold().await;
    })
    .await;
    let plan = plan(Wire::Pop3, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(
        error.starts_with("not POP3 in the greeting: \"\\x83e"),
        "{error}"
    );
}

#[tokio::test]
async fn tcp_garbage_greeting_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(&garbage(512)).await;
        conn.hold().await;
    })
    .await;
    let mut plan = plan(Wire::Tcp, server.port(), GENEROUS);
    plan.credentials = None;
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(
        error.starts_with("not text in the greeting: \"\\x83e"),
        "{error}"
    );
}

#[tokio::test]
async fn implicit_tls_against_garbage_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(&garbage(512)).await;
        conn.hold().await;
    })
    .await;
    let mut plan = plan(Wire::Imap, server.port(), GENEROUS);
    plan.endpoint.tls = TlsMode::Implicit;
    let (outcome, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(error.starts_with("TLS handshake failed"), "{error}");
    assert_eq!(outcome.phases.tls, None);
}

#[tokio::test]
async fn imap_endless_line_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(b"* OK ").await;
        conn.send_forever(&vec![b'x'; 64 * 1024]).await;
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(
        error.starts_with("a line over 8192 bytes in the greeting: \"* OK xxx"),
        "{error}"
    );
}

#[tokio::test]
async fn pop3_endless_line_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(b"+OK ").await;
        conn.send_forever(&vec![b'x'; 64 * 1024]).await;
    })
    .await;
    let plan = plan(Wire::Pop3, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(
        error.starts_with("a line over 8192 bytes in the greeting: \"+OK xxx"),
        "{error}"
    );
}

#[tokio::test]
async fn imap_huge_literal_in_the_greeting_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(b"* OK {400000000}\r\n").await;
        conn.hold().await;
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert_eq!(
        error,
        "a literal of 400000000 bytes in the greeting: \"* OK {400000000}\""
    );
}

#[tokio::test]
async fn imap_huge_untagged_literal_in_an_answer_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(IMAP_GREETING).await;
        if conn.imap_command("CAPABILITY").await.is_some() {
            conn.send(b"* {400000000}\r\n").await;
            conn.send_forever(&vec![b'y'; 64 * 1024]).await;
        }
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert_eq!(
        error,
        "a literal of 400000000 bytes in the login answer: \"* {400000000}\""
    );
}

#[tokio::test]
async fn imap_flood_of_short_lines_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(IMAP_GREETING).await;
        if conn.imap_command("CAPABILITY").await.is_some() {
            conn.send_forever(&b"* OK noise\r\n".repeat(1_000)).await;
        }
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert_eq!(
        error,
        "more than 256 KiB from the server while waiting for the login answer"
    );
}

#[tokio::test]
async fn imap_unparsable_answer_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(IMAP_GREETING).await;
        if let Some(tag) = conn.imap_command("CAPABILITY").await {
            let answer = format!("{tag} {}\r\n", "\u{1}[".repeat(2_000));
            conn.send(answer.as_bytes()).await;
            conn.hold().await;
        }
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert!(error.contains("in the login answer"), "{error}");
}

#[tokio::test]
async fn pop3_unparsable_answer_is_protocol() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(b"+OK fake ready\r\n").await;
        if conn.command().await.is_some() {
            conn.send(b"HELLO \xff\r\n").await;
            conn.hold().await;
        }
    })
    .await;
    let plan = plan(Wire::Pop3, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Protocol).await;
    assert_eq!(error, "not POP3 in the login answer: \"HELLO \\xff\"");
}

#[tokio::test]
async fn imap_close_mid_login_is_io() {
    let server = FakeMail::start(|mut conn| async move {
        if imap_until_login(&mut conn).await.is_some() {
            conn.close().await;
        }
    })
    .await;
    let plan = plan(Wire::Imap, server.port(), GENEROUS);
    let (outcome, error) = fails(&plan, ErrorKind::Io).await;
    assert_eq!(
        error,
        "the server closed the connection while the probe waited for the login answer"
    );
    assert!(outcome.phases.greeting.is_some());
}

#[tokio::test]
async fn pop3_close_mid_login_is_io() {
    let server = FakeMail::start(|mut conn| async move {
        conn.send(b"+OK fake ready\r\n").await;
        if conn.command().await.is_some() && conn.send(b"+OK\r\n").await {
            conn.command().await;
            conn.close().await;
        }
    })
    .await;
    let plan = plan(Wire::Pop3, server.port(), GENEROUS);
    let (_, error) = fails(&plan, ErrorKind::Io).await;
    assert_eq!(
        error,
        "the server closed the connection while the probe waited for the login answer"
    );
}
