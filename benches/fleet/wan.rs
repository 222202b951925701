//! The fleet's servers for the bench: one fake IMAP and one fake POP3 server on loopback
//! that hold every line they send for one round trip (the greeting too, standing for the
//! TCP handshake's round trip). Enough of each dialogue for healthdeck's probes: IMAP
//! greeting, CAPABILITY, LOGIN, SELECT, LOGOUT; POP3 greeting, USER, PASS, STAT, QUIT.

use super::fake_mail::{Conn, FakeMail};
use std::time::Duration;

pub struct WanServers {
    pub imap: FakeMail,
    pub pop3: FakeMail,
}

impl WanServers {
    pub async fn start(rtt: Duration) -> WanServers {
        let imap = FakeMail::start(move |conn| imap(conn, rtt)).await;
        let pop3 = FakeMail::start(move |conn| pop3(conn, rtt)).await;
        WanServers { imap, pop3 }
    }
}

async fn imap(mut conn: Conn, rtt: Duration) {
    if !conn
        .send_after(rtt, b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        .await
    {
        return;
    }
    while let Some(line) = conn.command().await {
        let (tag, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
        let verb = rest
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let answer = match verb.as_str() {
            "CAPABILITY" => format!("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n"),
            "SELECT" => format!(
                "* FLAGS (\\Seen)\r\n* 0 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 1] ok\r\n\
                 {tag} OK [READ-WRITE] selected\r\n"
            ),
            "LOGOUT" => format!("* BYE bye\r\n{tag} OK done\r\n"),
            _ => format!("{tag} OK done\r\n"),
        };
        if !conn.send_after(rtt, answer.as_bytes()).await || verb == "LOGOUT" {
            break;
        }
    }
    conn.close().await;
}

async fn pop3(mut conn: Conn, rtt: Duration) {
    if !conn.send_after(rtt, b"+OK ready\r\n").await {
        return;
    }
    while let Some(line) = conn.command().await {
        let verb = line
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let answer: &[u8] = match verb.as_str() {
            "STAT" => b"+OK 0 0\r\n",
            "QUIT" => b"+OK bye\r\n",
            _ => b"+OK\r\n",
        };
        if !conn.send_after(rtt, answer).await || verb == "QUIT" {
            break;
        }
    }
    conn.close().await;
}
