//! A scrape client that keeps its connection, as Prometheus does (Go's net/http transport):
//! HTTP/1.1, one request at a time, each answer read by its Content-Length or its chunks.

use super::{Duration, Ipv4Addr, TIMEOUT_S};
use std::io::{Error, Result};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One in-flight slot's connection, opened on first use and again after the server closes.
pub struct Kept {
    port: u16,
    open: Option<BufReader<TcpStream>>,
    /// Connections opened: a check that the server really kept them.
    pub opened: usize,
}

impl Kept {
    pub fn new(port: u16) -> Kept {
        Kept {
            port,
            open: None,
            opened: 0,
        }
    }

    /// A GET: the status line and the body.
    pub async fn get(&mut self, path: &str) -> Result<String> {
        let limit = Duration::from_secs(TIMEOUT_S + 10);
        tokio::time::timeout(limit, self.exchange(path))
            .await
            .unwrap_or_else(|_| Err(Error::other("no response in time")))
    }

    async fn exchange(&mut self, path: &str) -> Result<String> {
        // A kept connection the server closed while idle fails at once: one fresh try, as
        // Go's transport retries an idempotent GET.
        if let Some(mut open) = self.open.take()
            && let Ok(Some((answer, keep))) = round_trip(&mut open, self.port, path).await
        {
            if keep {
                self.open = Some(open);
            }
            return Ok(answer);
        }
        let stream = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).await?;
        self.opened += 1;
        let mut open = BufReader::new(stream);
        let (answer, keep) = round_trip(&mut open, self.port, path)
            .await?
            .ok_or_else(|| Error::other("closed before an answer"))?;
        if keep {
            self.open = Some(open);
        }
        Ok(answer)
    }
}

/// One request and its answer; `None` when the connection was already closed.
async fn round_trip(
    open: &mut BufReader<TcpStream>,
    port: u16,
    path: &str,
) -> Result<Option<(String, bool)>> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    open.get_mut().write_all(request.as_bytes()).await?;
    let mut status = String::new();
    if open.read_line(&mut status).await? == 0 {
        return Ok(None);
    }
    let (mut length, mut chunked, mut keep) = (None, false, true);
    let mut line = String::new();
    loop {
        line.clear();
        open.read_line(&mut line).await?;
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().ok(),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "connection" => keep = !value.eq_ignore_ascii_case("close"),
            _ => {}
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            open.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim_end(), 16).map_err(Error::other)?;
            let start = body.len();
            body.resize(start + size + 2, 0); // the chunk and its CRLF
            open.read_exact(&mut body[start..]).await?;
            body.truncate(start + size);
            if size == 0 {
                break; // no trailers from these servers: the CRLF read was the end
            }
        }
    } else {
        let length = length.ok_or_else(|| Error::other("an answer with no length"))?;
        body.resize(length, 0);
        open.read_exact(&mut body).await?;
    }
    Ok(Some((status + &String::from_utf8_lossy(&body), keep)))
}
