//! A fake mail server on 127.0.0.1:0 whose every connection runs a script the test writes:
//! slow, lying and hostile servers that no real Dovecot can be made into. Every task ends
//! when the server is dropped.

#![allow(dead_code)] // each test binary that includes this file uses part of it

use std::future::Future;
use std::net::Ipv4Addr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::task::{JoinHandle, JoinSet};

pub struct FakeMail {
    port: u16,
    accept: JoinHandle<()>,
}

impl FakeMail {
    /// Listens on an ephemeral port; each connection is handed to `script`.
    #[allow(clippy::unused_async)] // the listener registers with the caller's runtime
    pub async fn start<F, Fut>(script: F) -> FakeMail
    where
        F: Fn(Conn) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        // A deep accept queue: the fleet bench connects a thousand clients at once, and a
        // full queue drops handshakes that the clients then retry a second or more later.
        let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
        socket
            .bind((Ipv4Addr::LOCALHOST, 0).into())
            .expect("bind the fake server");
        let listener: TcpListener = socket.listen(4_096).expect("listen");
        let port = listener.local_addr().expect("local address").port();
        let accept = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                let (read, write) = stream.into_split();
                let conn = Conn {
                    read: BufReader::new(read),
                    write,
                };
                connections.spawn(script(conn));
            }
        });
        FakeMail { port, accept }
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for FakeMail {
    fn drop(&mut self) {
        // Dropping the accept task drops its JoinSet, which aborts every connection's task.
        self.accept.abort();
    }
}

/// One client connection as the script sees it.
pub struct Conn {
    read: BufReader<OwnedReadHalf>,
    write: OwnedWriteHalf,
}

impl Conn {
    /// Sends `bytes`; false once the client has gone.
    pub async fn send(&mut self, bytes: &[u8]) -> bool {
        self.write.write_all(bytes).await.is_ok() && self.write.flush().await.is_ok()
    }

    /// Sends `bytes` after `delay`: a server that is slow to answer.
    pub async fn send_after(&mut self, delay: Duration, bytes: &[u8]) -> bool {
        tokio::time::sleep(delay).await;
        self.send(bytes).await
    }

    /// The client's next command line without CRLF; `None` once the client has gone.
    pub async fn command(&mut self) -> Option<String> {
        let mut line = String::new();
        match self.read.read_line(&mut line).await {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end().to_owned()),
        }
    }

    /// The tag of the client's next IMAP command, checking the command's name.
    pub async fn imap_command(&mut self, name: &str) -> Option<String> {
        let line = self.command().await?;
        let (tag, rest) = line.split_once(' ')?;
        let said = rest.split(' ').next().unwrap_or_default();
        assert!(
            said.eq_ignore_ascii_case(name),
            "expected {name}, got {line}"
        );
        Some(tag.to_owned())
    }

    /// Sends `chunk` again and again until the client goes: an endless line or flood.
    pub async fn send_forever(&mut self, chunk: &[u8]) {
        while self.send(chunk).await {}
    }

    /// Holds the connection open, saying nothing, until the client goes.
    pub async fn hold(&mut self) {
        while self.command().await.is_some() {}
    }

    /// Closes the connection now.
    pub async fn close(mut self) {
        self.write.shutdown().await.ok();
    }
}

/// `len` bytes that look random (xorshift), starting like the bytes the issue quoted.
pub fn garbage(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x9e37_79b9;
    let mut bytes = vec![131, 101];
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.push((state >> 24) as u8);
    }
    bytes
}
