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
    checked(probe(plan, &tls).await, kind)
}

/// A failure of `kind` with a short, readable message (no library dump, no control bytes).
fn checked(outcome: ProbeOutcome, kind: ErrorKind) -> (ProbeOutcome, String) {
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
    eprintln!("{}: {error}", kind.name());
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

/// The phase a client is in once the server has read `command` (IMAP: `tag NAME …`, POP3:
/// `NAME …`); before any command, the greeting.
fn phase_after(command: &str) -> Phase {
    let named = |name: &str| {
        command
            .split(' ')
            .take(2)
            .any(|word| word.eq_ignore_ascii_case(name))
    };
    if ["CAPABILITY", "LOGIN", "USER", "PASS"]
        .into_iter()
        .any(named)
    {
        Phase::Login
    } else if ["SELECT", "STAT"].into_iter().any(named) {
        Phase::Select
    } else {
        Phase::Logout
    }
}

/// A server slow in every answer (`EACH`, the greeting included): three answers pass the
/// probe's timeout (`WHOLE`), none comes near it alone, so only one deadline for the whole
/// probe ends it. Which phase it ends in depends on how loaded the machine is, so the server
/// says which one it was serving when the client went, and the probe must name that one.
async fn slow_in_every_answer(wire: Wire, answer: fn(&str) -> String) {
    let (said, mut heard) = tokio::sync::mpsc::unbounded_channel();
    let server = FakeMail::start(move |mut conn| {
        let said = said.clone();
        async move {
            let greeting: &[u8] = match wire {
                Wire::Imap => IMAP_GREETING,
                _ => b"+OK fake ready\r\n",
            };
            let mut phase = Phase::Greeting;
            conn.send_after(EACH, greeting).await;
            // Until the client goes: everything it sent before it went has been read.
            while let Some(command) = conn.command().await {
                phase = phase_after(&command);
                conn.send_after(EACH, answer(&command).as_bytes()).await;
            }
            let _ = said.send(phase);
        }
    })
    .await;
    let plan = plan(wire, server.port(), WHOLE);
    let tls = TlsSetup::new(None).expect("TLS setup");
    let outcome = probe(&plan, &tls).await;
    let serving = tokio::time::timeout(GENEROUS, heard.recv())
        .await
        .expect("the client went")
        .expect("the server said where");
    let (outcome, error) = checked(outcome, ErrorKind::Timeout(serving));
    let awaited = serving.awaited(wire);
    assert_eq!(error, format!("timed out waiting for {awaited} after 2 s"));
    let phases = &outcome.phases;
    assert!(phases.connect.is_some(), "{outcome:?}");
    assert_eq!(phases.greeting.is_some(), serving != Phase::Greeting);
    let login_done = matches!(serving, Phase::Select | Phase::Logout);
    assert_eq!(phases.login.is_some(), login_done, "{outcome:?}");
    assert_eq!(
        phases.select.is_some(),
        serving == Phase::Logout,
        "{outcome:?}"
    );
    assert_eq!(phases.logout, None);
}

#[tokio::test]
async fn imap_slow_in_every_command_times_out_as_a_whole() {
    slow_in_every_answer(Wire::Imap, |command| {
        let tag = command.split(' ').next().unwrap_or_default();
        let untagged = match phase_after(command) {
            Phase::Login if command.contains("CAPABILITY") => "* CAPABILITY IMAP4rev1\r\n",
            Phase::Select => "* 0 EXISTS\r\n",
            Phase::Logout => "* BYE\r\n",
            _ => "",
        };
        format!("{untagged}{tag} OK done\r\n")
    })
    .await;
}

#[tokio::test]
async fn pop3_slow_in_every_command_times_out_as_a_whole() {
    slow_in_every_answer(Wire::Pop3, |_| "+OK\r\n".to_owned()).await;
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
