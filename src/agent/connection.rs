//! One client connection, kept open between requests as HTTP/1.1 has it (Prometheus reuses
//! its scrape connections), within bounds: a head of at most `HEAD_CAP` within
//! `HEAD_DEADLINE` per request, `IDLE_TIMEOUT` between requests, `MOST_REQUESTS` per
//! connection. Requests are answered one at a time: one sent before the previous answer
//! (pipelined) is refused with 400 and the connection closed.

use super::http::{self, Request, Response};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Instant;

/// A request head larger than this is not Prometheus'.
const HEAD_CAP: usize = 8 << 10;
/// How long a client may take to send a request once it has begun it (a new connection,
/// once it is open).
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long a kept connection waits for its next request. Prometheus scrapes every 15 s to
/// 1 min (its default), so 90 s keeps a connection across a minute's interval and its
/// jitter; a slower scraper's rare reconnections cost little, while a longer wait would
/// hold sockets for clients that are gone.
const IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// Requests on one connection at most (about four hours of 15 s scrapes): the last answer
/// says `close`, and the client opens a fresh connection.
const MOST_REQUESTS: u32 = 1_000;

/// What the connection holds next.
pub enum Next {
    Request(Request),
    /// The answer to a request that cannot be served (400, 408, 431); then close.
    Refused(Response),
    /// Nothing more: the client closed, went quiet, or the agent is stopping.
    Closed,
}

pub struct Connection {
    stream: TcpStream,
    /// Bytes read and not yet taken: part of a head, or what came after one.
    buffer: Vec<u8>,
    opened: Instant,
    served: u32,
}

impl Connection {
    pub fn new(stream: TcpStream) -> Connection {
        Connection {
            stream,
            buffer: Vec::with_capacity(1024),
            opened: Instant::now(),
            served: 0,
        }
    }

    /// The next request's head. While none has begun, a stop closes the connection at once:
    /// an idle client must not hold the agent's exit.
    pub async fn next(&mut self, stopping: &mut watch::Receiver<bool>) -> Next {
        if !self.buffer.is_empty() {
            // It came with the previous head, before that one's answer.
            let why = "a request sent before the previous answer: wait for each answer";
            return Next::Refused(Response::error(400, why));
        }
        let first = self.served == 0;
        let wait = if first { HEAD_DEADLINE } else { IDLE_TIMEOUT };
        tokio::select! {
            read = tokio::time::timeout(wait, self.fill()) => match read {
                Err(_) if first => return Next::Refused(timed_out()),
                Err(_) | Ok(Err(_) | Ok(0)) => return Next::Closed,
                Ok(Ok(_)) => {}
            },
            _ = stopping.wait_for(|stop| *stop) => return Next::Closed,
        }
        let deadline = if first { self.opened } else { Instant::now() } + HEAD_DEADLINE;
        let end = loop {
            if let Some(at) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            if self.buffer.len() > HEAD_CAP {
                return Next::Refused(too_large());
            }
            match tokio::time::timeout_at(deadline, self.fill()).await {
                Err(_) => return Next::Refused(timed_out()),
                Ok(Err(_) | Ok(0)) => {
                    return Next::Refused(Response::error(400, "the request ended early"));
                }
                Ok(Ok(_)) => {}
            }
        };
        if end > HEAD_CAP {
            return Next::Refused(too_large());
        }
        let head: Vec<u8> = self.buffer.drain(..end).collect();
        self.served += 1;
        let Ok(text) = std::str::from_utf8(&head) else {
            return Next::Refused(Response::error(400, "the request head is not UTF-8"));
        };
        match http::parse(text) {
            Ok(request) => Next::Request(request),
            Err(why) => Next::Refused(Response::error(400, why)),
        }
    }

    /// Whether another request may follow the one just read.
    pub fn may_continue(&self) -> bool {
        self.served < MOST_REQUESTS
    }

    /// Writes the answer; when the connection is not kept, closes the sending side too.
    pub async fn answer(&mut self, response: &Response, keep_alive: bool) -> std::io::Result<()> {
        self.stream
            .write_all(&http::render(response, keep_alive))
            .await?;
        if !keep_alive {
            self.stream.shutdown().await?;
        }
        Ok(())
    }

    /// Reads what has arrived onto the buffer (cancel-safe: a read either lands or not).
    async fn fill(&mut self) -> std::io::Result<usize> {
        self.buffer.reserve(1024);
        self.stream.read_buf(&mut self.buffer).await
    }
}

fn timed_out() -> Response {
    Response::error(408, "the request took too long")
}

fn too_large() -> Response {
    Response::error(431, "the request head is too large")
}
