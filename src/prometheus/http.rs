//! Just enough of an HTTP/1.1 client for two JSON APIs: one request per connection
//! (`Connection: close`), bodies framed by Content-Length, chunked, or the connection's end,
//! capped in size, the whole exchange (connect included) within one timeout. Plain TCP:
//! https is not yet supported.

use super::endpoint::Endpoint;
use super::error::SourceError;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// The largest body read: 80,000 series are about 8 MiB, so this is far past any fleet and
/// still bounds what a wrong server can make the console hold.
pub const MOST_BODY: usize = 256 << 20;
/// A head longer than this is not an API's.
const MOST_HEAD: usize = 64 << 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Delete,
}

/// An answer: status, the reason phrase, and the whole body, de-chunked.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub reason: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn succeeded(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// One request and its whole answer, within `timeout`. A JSON body is sent with its length.
pub(crate) async fn exchange(
    endpoint: &Endpoint,
    method: Method,
    path: &str,
    json: Option<&[u8]>,
    timeout: Duration,
) -> Result<Answer, SourceError> {
    exchange_within(endpoint, method, path, json, timeout, MOST_BODY).await
}

pub(crate) async fn exchange_within(
    endpoint: &Endpoint,
    method: Method,
    path: &str,
    json: Option<&[u8]>,
    timeout: Duration,
    most: usize,
) -> Result<Answer, SourceError> {
    tokio::time::timeout(timeout, talk(endpoint, method, path, json, most))
        .await
        .unwrap_or(Err(SourceError::Timeout))
}

async fn talk(
    endpoint: &Endpoint,
    method: Method,
    path: &str,
    json: Option<&[u8]>,
    most: usize,
) -> Result<Answer, SourceError> {
    let authority = endpoint.authority();
    let broken = |e: std::io::Error| SourceError::Unreachable(format!("{authority}: {e}"));
    let mut stream = TcpStream::connect((endpoint.host(), endpoint.port()))
        .await
        .map_err(broken)?;
    let verb = match method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Delete => "DELETE",
    };
    let mut request = format!(
        "{verb} {} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: healthdeck/{}\r\n\
         Accept: application/json\r\nConnection: close\r\n",
        endpoint.target(path),
        env!("CARGO_PKG_VERSION"),
    )
    .into_bytes();
    if let Some(body) = json {
        request.extend_from_slice(
            format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            )
            .as_bytes(),
        );
    }
    request.extend_from_slice(b"\r\n");
    request.extend_from_slice(json.unwrap_or_default());
    stream.write_all(&request).await.map_err(broken)?;
    let mut reader = BufReader::new(stream);
    let head = Head::read(&mut reader, &authority).await?;
    let body = if method == Method::Get && matches!(head.status, 204 | 304) {
        Vec::new()
    } else if head.chunked {
        chunked(&mut reader, most, &authority).await?
    } else if let Some(length) = head.length {
        sized(&mut reader, length, most, &authority).await?
    } else {
        to_end(&mut reader, most, &authority).await?
    };
    Ok(Answer {
        status: head.status,
        reason: head.reason,
        body,
    })
}

/// What the head says about the answer.
struct Head {
    status: u16,
    reason: String,
    length: Option<usize>,
    chunked: bool,
}

impl Head {
    async fn read(reader: &mut BufReader<TcpStream>, authority: &str) -> Result<Head, SourceError> {
        let mut budget = MOST_HEAD;
        let status_line = line(reader, &mut budget, authority).await?;
        let status_line = String::from_utf8_lossy(&status_line);
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or_default();
        let status = parts.next().and_then(|code| code.parse::<u16>().ok());
        let (true, Some(status)) = (version.starts_with("HTTP/1."), status) else {
            return Err(SourceError::Garbled(format!(
                "not an HTTP answer: `{status_line}`"
            )));
        };
        let mut head = Head {
            status,
            reason: parts.next().unwrap_or_default().trim().to_owned(),
            length: None,
            chunked: false,
        };
        loop {
            let field = line(reader, &mut budget, authority).await?;
            if field.is_empty() {
                return Ok(head);
            }
            let field = String::from_utf8_lossy(&field);
            let Some((name, value)) = field.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                let length = value.parse::<usize>().map_err(|_| {
                    SourceError::Garbled(format!("Content-Length `{value}` is not a number"))
                })?;
                if head.length.is_some_and(|earlier| earlier != length) {
                    return Err(SourceError::Garbled("two different Content-Lengths".into()));
                }
                head.length = Some(length);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                head.chunked = value.to_ascii_lowercase().ends_with("chunked");
            }
        }
    }
}

/// One line of the head or of chunk framing, without its CRLF, within the head's budget.
async fn line(
    reader: &mut BufReader<TcpStream>,
    budget: &mut usize,
    authority: &str,
) -> Result<Vec<u8>, SourceError> {
    let mut line = Vec::new();
    loop {
        let buffered = reader
            .fill_buf()
            .await
            .map_err(|e| SourceError::Unreachable(format!("{authority}: {e}")))?;
        if buffered.is_empty() {
            return Err(SourceError::Garbled(
                "cut off before the end of its head".into(),
            ));
        }
        let end = buffered.iter().position(|&b| b == b'\n');
        let take = end.map_or(buffered.len(), |i| i + 1);
        if take > *budget {
            return Err(SourceError::Garbled("a head longer than 64 KiB".into()));
        }
        *budget -= take;
        line.extend_from_slice(&buffered[..take]);
        reader.consume(take);
        if end.is_some() {
            while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                line.pop();
            }
            return Ok(line);
        }
    }
}

async fn sized(
    reader: &mut BufReader<TcpStream>,
    length: usize,
    most: usize,
    authority: &str,
) -> Result<Vec<u8>, SourceError> {
    if length > most {
        return Err(SourceError::TooBig);
    }
    // The length is the server's word: grow as bytes come rather than trust it up front.
    let mut body = Vec::with_capacity(length.min(1 << 20));
    append(reader, length, &mut body, authority).await?;
    Ok(body)
}

/// Appends exactly `length` more bytes to `body`, or says the answer was cut off.
async fn append(
    reader: &mut BufReader<TcpStream>,
    length: usize,
    body: &mut Vec<u8>,
    authority: &str,
) -> Result<(), SourceError> {
    let before = body.len();
    (&mut *reader)
        .take(length as u64)
        .read_to_end(body)
        .await
        .map_err(|e| SourceError::Unreachable(format!("{authority}: {e}")))?;
    let got = body.len() - before;
    if got < length {
        return Err(SourceError::Garbled(format!(
            "cut off: {got} of {length} bytes"
        )));
    }
    Ok(())
}

async fn to_end(
    reader: &mut BufReader<TcpStream>,
    most: usize,
    authority: &str,
) -> Result<Vec<u8>, SourceError> {
    let mut body = Vec::new();
    (&mut *reader)
        .take(most as u64 + 1)
        .read_to_end(&mut body)
        .await
        .map_err(|e| SourceError::Unreachable(format!("{authority}: {e}")))?;
    if body.len() > most {
        return Err(SourceError::TooBig);
    }
    Ok(body)
}

async fn chunked(
    reader: &mut BufReader<TcpStream>,
    most: usize,
    authority: &str,
) -> Result<Vec<u8>, SourceError> {
    let mut body = Vec::new();
    loop {
        // Each framing line gets its own small budget: only the data is large.
        let size_line = line(reader, &mut 4096, authority).await.map_err(cut)?;
        let size_text = String::from_utf8_lossy(&size_line);
        let digits = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(digits, 16).map_err(|_| {
            SourceError::Garbled(format!("chunk size `{digits}` is not hexadecimal"))
        })?;
        if size == 0 {
            // Trailers, if any, up to the empty line; a server that closes instead is done too.
            while line(reader, &mut 4096, authority)
                .await
                .is_ok_and(|trailer| !trailer.is_empty())
            {}
            return Ok(body);
        }
        if size > most.saturating_sub(body.len()) {
            return Err(SourceError::TooBig);
        }
        append(reader, size, &mut body, authority).await?;
        let end = line(reader, &mut 4096, authority).await.map_err(cut)?;
        if !end.is_empty() {
            return Err(SourceError::Garbled("a chunk longer than it said".into()));
        }
    }
}

/// Framing that ends early is a body cut off, not a head.
fn cut(error: SourceError) -> SourceError {
    match error {
        SourceError::Garbled(_) => SourceError::Garbled("cut off inside its chunks".into()),
        other => other,
    }
}
