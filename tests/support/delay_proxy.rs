//! A TCP proxy on 127.0.0.1 that holds back the server's bytes, for "slow server" probes.
//! The client's bytes pass at once. Every task ends when the proxy is dropped.

#![allow(dead_code)] // each test binary that includes this file uses part of it

use std::net::Ipv4Addr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// Which of the server's bytes are held back, and for how long.
#[derive(Debug, Clone, Copy)]
pub enum Delay {
    /// Every chunk, the greeting included.
    Everything(Duration),
    /// Every chunk after the first (the greeting passes, the answers to commands wait).
    AfterGreeting(Duration),
    /// Only the first chunk (a slow greeting, then a quick dialogue).
    GreetingOnly(Duration),
}

pub struct DelayProxy {
    port: u16,
    accept: JoinHandle<()>,
}

impl DelayProxy {
    /// Listens on an ephemeral port and forwards each connection to `127.0.0.1:upstream`.
    pub async fn start(upstream: u16, delay: Delay) -> DelayProxy {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .expect("bind the proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let accept = tokio::spawn(async move {
            // Dropped with the accept task, which aborts every connection's task.
            let mut connections = JoinSet::new();
            while let Ok((client, _)) = listener.accept().await {
                connections.spawn(forward(client, upstream, delay));
            }
        });
        DelayProxy { port, accept }
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn forward(client: TcpStream, upstream: u16, delay: Delay) {
    let Ok(server) = TcpStream::connect((Ipv4Addr::LOCALHOST, upstream)).await else {
        return;
    };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upward = async move {
        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
    };
    let downward = async move {
        let mut buffer = vec![0u8; 16 * 1024];
        let mut first = true;
        loop {
            let n = match server_read.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let wait = match delay {
                Delay::Everything(d) => Some(d),
                Delay::AfterGreeting(d) => (!first).then_some(d),
                Delay::GreetingOnly(d) => first.then_some(d),
            };
            first = false;
            if let Some(wait) = wait {
                tokio::time::sleep(wait).await;
            }
            if client_write.write_all(&buffer[..n]).await.is_err() {
                break;
            }
        }
    };
    tokio::join!(upward, downward);
}
