//! The POP3 probe (RFC 1939, STLS from RFC 2595): greeting, optional STLS, USER/PASS, STAT,
//! QUIT. Small enough to hold over tokio directly; the async-pop crate needs async-std.

use super::outcome::{ErrorKind, Failure, Phase, quoted};
use super::session::{Lines, Run};
use super::tls;
use crate::probe_plan::{Credentials, TlsMode, Wire};
use tokio::io::{AsyncRead, AsyncWrite};

pub(crate) async fn run(run: &mut Run<'_>) -> Result<(), Failure> {
    let tcp = run.connect().await?;
    match run.plan.endpoint.tls {
        TlsMode::None => {
            let mut lines = Lines::new(tcp, Wire::Pop3);
            greeting(run, &mut lines).await?;
            dialogue(run, lines).await
        }
        TlsMode::Implicit => {
            let stream = run.implicit_tls(tcp).await?;
            let mut lines = Lines::new(stream, Wire::Pop3);
            greeting(run, &mut lines).await?;
            dialogue(run, lines).await
        }
        TlsMode::StartTls => {
            let mut lines = Lines::new(tcp, Wire::Pop3);
            greeting(run, &mut lines).await?;
            let (setup, plan) = (run.tls, run.plan);
            let stream = run
                .tls_phase(async move {
                    lines.send("STLS", Phase::Tls).await?;
                    let answer = lines.read(Phase::Tls).await?;
                    if !positive(&answer, Phase::Tls)? {
                        return Err(Failure::protocol(format!(
                            "the server refused STLS: {}",
                            quoted(&answer)
                        )));
                    }
                    let stream = lines.into_inner()?;
                    tls::handshake(setup, plan.endpoint.expected_name(), stream).await
                })
                .await?;
            dialogue(run, Lines::new(stream, Wire::Pop3)).await
        }
    }
}

async fn greeting<S>(run: &mut Run<'_>, lines: &mut Lines<S>) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let read = async {
        let line = lines.read(Phase::Greeting).await?;
        if positive(&line, Phase::Greeting)? {
            Ok(())
        } else {
            Err(Failure::protocol(format!(
                "the server refused the connection: {}",
                quoted(&line)
            )))
        }
    };
    run.phase(Phase::Greeting, read).await
}

/// Everything after the greeting (and STLS): login, STAT, QUIT.
async fn dialogue<S>(run: &mut Run<'_>, mut lines: Lines<S>) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let plan = run.plan;
    if let Some(credentials) = &plan.credentials {
        run.phase(Phase::Login, login(&mut lines, credentials))
            .await?;
        run.phase(Phase::Select, command(&mut lines, "STAT", Phase::Select))
            .await?;
    }
    run.phase(Phase::Logout, command(&mut lines, "QUIT", Phase::Logout))
        .await
}

async fn login<S>(lines: &mut Lines<S>, credentials: &Credentials) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let user = &credentials.user;
    let password = credentials.password.expose();
    if [user.as_str(), password]
        .iter()
        .any(|s| s.contains(['\r', '\n']))
    {
        return Err(Failure::protocol(
            "the user name or password contains a line break: not sent",
        ));
    }
    lines.send(&format!("USER {user}"), Phase::Login).await?;
    let answer = lines.read(Phase::Login).await?;
    if !positive(&answer, Phase::Login)? {
        return Err(login_refused(user, &answer));
    }
    lines
        .send(&format!("PASS {password}"), Phase::Login)
        .await?;
    let answer = lines.read(Phase::Login).await?;
    if positive(&answer, Phase::Login)? {
        Ok(())
    } else {
        Err(login_refused(user, &answer))
    }
}

/// `-ERR` to USER or PASS. RFC 3206 codes tell server trouble ([SYS/TEMP], [SYS/PERM],
/// [IN-USE]) from rejected credentials ([AUTH] or none).
fn login_refused(user: &str, answer: &str) -> Failure {
    let upper = answer.to_ascii_uppercase();
    if ["[SYS/", "[IN-USE]"]
        .iter()
        .any(|code| upper.contains(code))
    {
        Failure::protocol(format!(
            "login for {user} failed on the server side: {}",
            quoted(answer)
        ))
    } else {
        Failure::new(
            ErrorKind::AuthFailed,
            format!("authentication failed for {user}: {}", quoted(answer)),
        )
    }
}

/// One command that must be answered `+OK`.
async fn command<S>(lines: &mut Lines<S>, command: &str, phase: Phase) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    lines.send(command, phase).await?;
    let answer = lines.read(phase).await?;
    if positive(&answer, phase)? {
        Ok(())
    } else {
        Err(Failure::protocol(format!(
            "{command} failed: {}",
            quoted(&answer)
        )))
    }
}

/// `+OK` is true, `-ERR` false; anything else is not POP3 (RFC 1939 allows nothing else).
fn positive(line: &str, phase: Phase) -> Result<bool, Failure> {
    if line.starts_with("+OK") {
        Ok(true)
    } else if line.starts_with("-ERR") {
        Ok(false)
    } else {
        Err(Failure::protocol(format!(
            "not POP3 in {}: {}",
            phase.awaited(Wire::Pop3),
            quoted(line)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_trouble_is_not_a_wrong_password() {
        let auth = login_refused("probe", "-ERR [AUTH] Authentication failed.");
        assert_eq!(auth.kind, ErrorKind::AuthFailed);
        assert_eq!(
            auth.message,
            "authentication failed for probe: \"-ERR [AUTH] Authentication failed.\""
        );
        let temp = login_refused("probe", "-ERR [SYS/TEMP] Temporary authentication failure.");
        assert_eq!(temp.kind, ErrorKind::Protocol);
        assert_eq!(login_refused("probe", "-ERR").kind, ErrorKind::AuthFailed);
    }

    #[test]
    fn an_answer_neither_ok_nor_err_is_not_pop3() {
        assert!(matches!(positive("+OK ready", Phase::Greeting), Ok(true)));
        assert!(matches!(positive("-ERR no", Phase::Login), Ok(false)));
        let garbage = positive("\\x83e\u{7}", Phase::Select).expect_err("garbage");
        assert_eq!(garbage.kind, ErrorKind::Protocol);
        assert_eq!(
            garbage.message,
            "not POP3 in the STAT answer: \"\\x83e\\x07\""
        );
    }
}
