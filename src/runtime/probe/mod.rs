//! Real probes against IMAP and POP3 servers: one connection, one dialogue under one
//! deadline (`plan.timeout` from the start), every phase timed, every failure classified for
//! the engineer with a short message (ARCHITECTURE: Probe deadline and protocol errors).
//!
//! Secrets: the password leaves [`Secret`] only for the LOGIN or PASS command. No command is
//! logged here, and async-imap's `log::trace!` of every command it sends (LOGIN included)
//! is compiled out by the `log` crate's `max_level_debug` feature in Cargo.toml. As a last
//! guard, the outcome's message is scrubbed of the password before it is returned.

mod bounded;
mod cert;
mod imap;
mod imap_failure;
mod outcome;
mod pop3;
mod session;
mod tcp;
mod tls;

pub use crate::probe_plan::{Credentials, Endpoint, ProbePlan, Secret, TlsMode, Wire};
pub use outcome::{ErrorKind, Phase, Phases, ProbeOutcome};
pub use tls::{TlsSetup, crypto_provider};

use crate::runtime::clock::Stopwatch;
use outcome::Failure;
use session::Run;

/// Runs one probe to its end; never panics, never returns early without an outcome.
pub async fn probe(plan: &ProbePlan, tls: &TlsSetup) -> ProbeOutcome {
    let watch = Stopwatch::start();
    let mut run = Run::new(plan, tls, &watch);
    let deadline = run.deadline;
    // Boxed: a TLS session and async-imap's buffers make the dialogue futures large.
    let dialogue = Box::pin(async {
        match plan.wire {
            Wire::Imap => imap::run(&mut run).await,
            Wire::Pop3 => pop3::run(&mut run).await,
            Wire::Tcp => tcp::run(&mut run).await,
        }
    });
    let finished = tokio::time::timeout_at(deadline, dialogue).await;
    let result =
        finished.unwrap_or_else(|_| Err(Failure::timeout(run.current, plan.wire, plan.timeout)));
    let (error_kind, error) = match result {
        Ok(()) => (None, None),
        Err(failure) => {
            let message = scrub(failure.message, plan);
            (Some(failure.kind), Some(message))
        }
    };
    ProbeOutcome {
        succeeded: error_kind.is_none(),
        error_kind,
        error,
        phases: run.phases,
        cert_not_after: run.cert_not_after,
        total: watch.elapsed(),
    }
}

/// The message without the password, should a server have echoed it.
fn scrub(message: String, plan: &ProbePlan) -> String {
    match &plan.credentials {
        Some(credentials) if !credentials.password.expose().is_empty() => {
            message.replace(credentials.password.expose(), "(secret)")
        }
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn plan(wire: Wire) -> ProbePlan {
        ProbePlan {
            wire,
            endpoint: Endpoint {
                host: "127.0.0.1".into(),
                port: 1,
                tls: TlsMode::None,
                server_name: None,
            },
            credentials: Some(Credentials {
                user: "probe".into(),
                password: Secret::new("pa55word".into()),
            }),
            timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn the_probe_future_can_be_spawned() {
        fn spawnable<F: std::future::Future + Send + 'static>(_: F) {}
        spawnable(async {
            let setup = TlsSetup::new(None).expect("setup");
            probe(&plan(Wire::Imap), &setup).await
        });
    }

    #[test]
    fn commands_cannot_reach_a_logger() {
        // async-imap traces every command it encodes, LOGIN with its password included.
        assert!(log::STATIC_MAX_LEVEL < log::LevelFilter::Trace);
    }

    #[test]
    fn messages_are_scrubbed_of_the_password() {
        let scrubbed = scrub(
            "server said pa55word twice: pa55word".into(),
            &plan(Wire::Pop3),
        );
        assert_eq!(scrubbed, "server said (secret) twice: (secret)");
    }

    #[tokio::test]
    async fn starttls_is_refused_for_a_bare_tcp_probe() {
        let mut tcp = plan(Wire::Tcp);
        tcp.endpoint.tls = TlsMode::StartTls;
        let setup = TlsSetup::new(None).expect("setup");
        let outcome = probe(&tcp, &setup).await;
        assert_eq!(outcome.error_kind, Some(ErrorKind::Protocol));
        assert_eq!(outcome.phases, Phases::default());
    }
}
