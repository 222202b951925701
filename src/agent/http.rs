//! Just enough HTTP/1.1 for Prometheus: one GET per connection, the head read within a
//! bound and a deadline, the answer written with its length and `Connection: close`.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A request head larger than this is not Prometheus'.
const HEAD_CAP: usize = 8 << 10;
/// How long a client may take to send its request.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);

/// A request, as far as the agent reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
}

/// A response: status code and plain-text body.
pub struct Response {
    pub code: u16,
    pub body: String,
    /// Prometheus' text format, or plain text (an error's reason).
    pub metrics: bool,
}

impl Response {
    pub fn metrics(body: String) -> Response {
        Response {
            code: 200,
            body,
            metrics: true,
        }
    }

    pub fn error(code: u16, reason: impl Into<String>) -> Response {
        let mut body = reason.into();
        body.push('\n');
        Response {
            code,
            body,
            metrics: false,
        }
    }
}

/// Reads a request head; `Err` is the response to send instead (400, 408, 431).
pub async fn read(stream: &mut TcpStream) -> Result<Request, Response> {
    let mut head = Vec::with_capacity(512);
    let mut chunk = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + HEAD_DEADLINE;
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > HEAD_CAP {
            return Err(Response::error(431, "the request head is too large"));
        }
        let n = match tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await {
            Err(_) => return Err(Response::error(408, "the request took too long")),
            Ok(Err(_) | Ok(0)) => return Err(Response::error(400, "the request ended early")),
            Ok(Ok(n)) => n,
        };
        head.extend_from_slice(&chunk[..n]);
    }
    let text = std::str::from_utf8(&head)
        .map_err(|_| Response::error(400, "the request head is not UTF-8"))?;
    parse(text).map_err(|why| Response::error(400, why))
}

/// The request line of a head: `GET /probe?server=a&probe=B HTTP/1.1`.
pub fn parse(head: &str) -> Result<Request, String> {
    let line = head.lines().next().unwrap_or_default();
    let mut words = line.split(' ');
    let (Some(method), Some(target), Some(version)) = (words.next(), words.next(), words.next())
    else {
        return Err("the request line is not `METHOD PATH HTTP/1.x`".to_owned());
    };
    if !version.starts_with("HTTP/1.") || words.next().is_some() {
        return Err("the request line is not `METHOD PATH HTTP/1.x`".to_owned());
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let query = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decoded(name)?, decoded(value)?))
        })
        .collect::<Result<_, String>>()?;
    Ok(Request {
        method: method.to_owned(),
        path: path.to_owned(),
        query,
    })
}

/// `%XX` and `+` as a query string writes them; anything that is not UTF-8 after is
/// refused.
fn decoded(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("a bad %-escape in `{}`", printable(text)))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("`{}` is not UTF-8 once decoded", printable(text)))
}

/// A value as an error may quote it: one line, at most 64 characters, nothing that
/// drives a terminal.
pub fn printable(text: &str) -> String {
    crate::health::exchange::one_line(text, 64)
}

/// Writes the response and closes the connection's sending side.
pub async fn write(stream: &mut TcpStream, response: &Response) -> std::io::Result<()> {
    let reason = match response.code {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    };
    let kind = if response.metrics {
        "text/plain; version=0.0.4; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    };
    let mut answer = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        response.code,
        response.body.len()
    );
    // Head and body in one write: one segment and one syscall, not two.
    answer.push_str(&response.body);
    stream.write_all(answer.as_bytes()).await?;
    stream.shutdown().await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_probe_request_is_read_with_its_decoded_query() {
        let request = parse(
            "GET /probe?server=cas-01&probe=Imap%43TPProbe&x=a+b HTTP/1.1\r\nHost: h\r\n\r\n",
        )
        .unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.path, "/probe");
        assert_eq!(
            request.query,
            [
                ("server".to_owned(), "cas-01".to_owned()),
                ("probe".to_owned(), "ImapCTPProbe".to_owned()),
                ("x".to_owned(), "a b".to_owned())
            ]
        );
    }

    #[test]
    fn a_broken_request_says_what_is_wrong() {
        assert!(parse("GET\r\n\r\n").is_err());
        assert!(parse("GET / SMTP/1.0\r\n\r\n").is_err());
        assert!(
            parse("GET /probe?server=%zz HTTP/1.1\r\n\r\n")
                .unwrap_err()
                .contains("%-escape")
        );
        assert!(
            parse("GET /probe?server=%ff HTTP/1.1\r\n\r\n")
                .unwrap_err()
                .contains("UTF-8")
        );
    }
}
