//! The IMAP probe over async-imap: greeting, optional STARTTLS, CAPABILITY, LOGIN,
//! SELECT INBOX, LOGOUT. async-imap has no TLS of its own and no STARTTLS: the STARTTLS
//! exchange runs on the raw stream here, and the TLS stream is handed to async-imap after.

use super::bounded::Bounded;
use super::imap_failure::{imap_failure, login_refused, refused_greeting};
use super::outcome::{Failure, Phase, quoted};
use super::session::{Lines, Run};
use super::tls;
use crate::probe_plan::{Credentials, TlsMode, Wire};
use async_imap::error::Error as ImapError;
use async_imap::imap_proto::{Response, Status};
use async_imap::{Client, Session};
use std::fmt::Debug;
use tokio::io::{AsyncRead, AsyncWrite, BufWriter};

/// What async-imap needs of a stream.
trait ImapStream: AsyncRead + AsyncWrite + Unpin + Debug + Send {}
impl<S: AsyncRead + AsyncWrite + Unpin + Debug + Send> ImapStream for S {}

pub(crate) async fn run(run: &mut Run<'_>) -> Result<(), Failure> {
    let tcp = run.connect().await?;
    match run.plan.endpoint.tls {
        TlsMode::None => greet_and_log_in(run, tcp).await,
        TlsMode::Implicit => {
            let stream = run.implicit_tls(tcp).await?;
            Box::pin(greet_and_log_in(run, stream)).await
        }
        TlsMode::StartTls => {
            let mut lines = Lines::new(tcp, Wire::Imap);
            let greeting = async {
                let line = lines.read(Phase::Greeting).await?;
                match line.get(..4) {
                    Some("* OK") => Ok(()),
                    _ => Err(refused_greeting(&line)),
                }
            };
            run.phase(Phase::Greeting, greeting).await?;
            let (setup, plan) = (run.tls, run.plan);
            let stream = run
                .tls_phase(async move {
                    starttls(&mut lines).await?;
                    let stream = lines.into_inner()?;
                    tls::handshake(setup, plan.endpoint.expected_name(), stream).await
                })
                .await?;
            Box::pin(log_in(run, client(stream))).await
        }
    }
}

/// async-imap writes a command in several pieces (tag, command, CRLF) and flushes after
/// it: buffered, each command leaves in one segment instead of four. It reads through
/// [`Bounded`], which refuses what would make it buffer without end.
fn client<S: ImapStream>(stream: S) -> Client<BufWriter<Bounded<S>>> {
    Client::new(BufWriter::new(Bounded::new(stream)))
}

/// `a STARTTLS` on the raw stream, up to its tagged answer.
async fn starttls<S: AsyncRead + AsyncWrite + Unpin>(lines: &mut Lines<S>) -> Result<(), Failure> {
    lines.send("a STARTTLS", Phase::Tls).await?;
    loop {
        let line = lines.read(Phase::Tls).await?;
        if let Some(answer) = line.strip_prefix("a ") {
            return if answer
                .get(..2)
                .is_some_and(|s| s.eq_ignore_ascii_case("OK"))
            {
                Ok(())
            } else {
                Err(Failure::protocol(format!(
                    "the server refused STARTTLS: {}",
                    quoted(&line)
                )))
            };
        }
    }
}

async fn greet_and_log_in<S: ImapStream>(run: &mut Run<'_>, stream: S) -> Result<(), Failure> {
    let mut client = client(stream);
    let greeting = async {
        match client.read_response().await {
            Ok(Some(response)) => match response.parsed() {
                Response::Data {
                    status: Status::Ok | Status::PreAuth,
                    ..
                } => Ok(()),
                _ => Err(Failure::protocol(
                    "the server refused the connection (its greeting is not OK)",
                )),
            },
            Ok(None) => Err(imap_failure(ImapError::ConnectionLost, Phase::Greeting)),
            Err(error) => Err(imap_failure(ImapError::Io(error), Phase::Greeting)),
        }
    };
    run.phase(Phase::Greeting, greeting).await?;
    log_in(run, client).await
}

/// Everything after the greeting (and STARTTLS): CAPABILITY and LOGIN, SELECT, LOGOUT.
async fn log_in<S: ImapStream>(run: &mut Run<'_>, mut client: Client<S>) -> Result<(), Failure> {
    let plan = run.plan;
    let Some(credentials) = &plan.credentials else {
        let logout = async {
            client
                .run_command_and_check_ok("LOGOUT", None)
                .await
                .map_err(|e| imap_failure(e, Phase::Logout))
        };
        return run.phase(Phase::Logout, logout).await;
    };
    let mut session = run.phase(Phase::Login, login(client, credentials)).await?;
    let select = async {
        session
            .select("INBOX")
            .await
            .map(drop)
            .map_err(|e| imap_failure(e, Phase::Select))
    };
    run.phase(Phase::Select, select).await?;
    let logout = async {
        session
            .logout()
            .await
            .map_err(|e| imap_failure(e, Phase::Logout))
    };
    run.phase(Phase::Logout, logout).await
}

async fn login<S: ImapStream>(
    mut client: Client<S>,
    credentials: &Credentials,
) -> Result<Session<S>, Failure> {
    client
        .run_command_and_check_ok("CAPABILITY", None)
        .await
        .map_err(|e| imap_failure(e, Phase::Login))?;
    let user = &credentials.user;
    match client.login(user, credentials.password.expose()).await {
        Ok(session) => Ok(session),
        Err((ImapError::No(text), _)) => Err(login_refused(user, &text)),
        Err((ImapError::Validate(_), _)) => Err(Failure::protocol(
            "the user name or password contains a line break: not sent",
        )),
        Err((error, _)) => Err(imap_failure(error, Phase::Login)),
    }
}
