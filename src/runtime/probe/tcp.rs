//! The TCP probe: connect (and TLS when implicit), read the first line, close. No login.

use super::outcome::{Failure, Phase, quoted};
use super::session::{Lines, Run};
use crate::probe_plan::{TlsMode, Wire};
use tokio::io::{AsyncRead, AsyncWrite};

pub(crate) async fn run(run: &mut Run<'_>) -> Result<(), Failure> {
    if run.plan.endpoint.tls == TlsMode::StartTls {
        return Err(Failure::protocol(
            "STARTTLS needs the IMAP or POP3 dialogue: a TCP probe takes TLS none or implicit",
        ));
    }
    let tcp = run.connect().await?;
    if run.plan.endpoint.tls == TlsMode::Implicit {
        let stream = run.implicit_tls(tcp).await?;
        greeting(run, stream).await
    } else {
        greeting(run, tcp).await
    }
}

/// Any first line of text will do, except a mail server's refusal (`* BYE`, `* NO`,
/// `-ERR`); binary garbage fails as protocol (see `Lines::read`).
async fn greeting<S>(run: &mut Run<'_>, stream: S) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut lines = Lines::new(stream, Wire::Tcp);
    let read = async {
        let line = lines.read(Phase::Greeting).await?;
        if refusal(&line) {
            Err(Failure::protocol(format!(
                "the server refused the connection: {}",
                quoted(&line)
            )))
        } else {
            Ok(())
        }
    };
    run.phase(Phase::Greeting, read).await
}

fn refusal(line: &str) -> bool {
    let upper = line.to_ascii_uppercase();
    ["* BYE", "* NO", "-ERR"]
        .iter()
        .any(|word| upper.starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_told_from_greetings() {
        assert!(refusal("* BYE Too many connections"));
        assert!(refusal("-ERR [SYS/TEMP] busy"));
        assert!(!refusal("* OK [CAPABILITY IMAP4rev1] Dovecot ready."));
        assert!(!refusal("+OK Dovecot ready."));
        assert!(!refusal("220 smtp.example.org ESMTP"));
    }
}
