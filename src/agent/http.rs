//! Just enough HTTP/1.1 for Prometheus, the pure part: a request head parsed (request
//! line, query, whether the connection stays open), an answer rendered with its length
//! and `Connection`. `connection.rs` reads and writes them.

/// A request, as far as the agent reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    /// The client wants the connection kept for another request: HTTP/1.1 unless it says
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`; never when a
    /// body follows, which the agent does not read.
    pub keep_alive: bool,
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

/// A request head: its line (`GET /probe?server=a&probe=B HTTP/1.1`) and the headers
/// that decide whether the connection stays open.
pub fn parse(head: &str) -> Result<Request, String> {
    let mut lines = head.lines();
    let line = lines.next().unwrap_or_default();
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
    let mut keep_alive = version == "HTTP/1.1";
    for (name, value) in lines.filter_map(|l| l.split_once(':')) {
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    keep_alive = false;
                } else if token.eq_ignore_ascii_case("keep-alive") && version == "HTTP/1.0" {
                    keep_alive = true;
                }
            }
        }
        // A body would be read as the next request: answer this one and close instead.
        let body = (name.eq_ignore_ascii_case("content-length") && value != "0")
            || name.eq_ignore_ascii_case("transfer-encoding");
        if body {
            return Ok(Request {
                method: method.to_owned(),
                path: path.to_owned(),
                query,
                keep_alive: false,
            });
        }
    }
    Ok(Request {
        method: method.to_owned(),
        path: path.to_owned(),
        query,
        keep_alive,
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

/// The whole answer, head and body in one buffer (one write, one segment), with its
/// length always, and `Connection` saying whether this side keeps it open.
pub fn render(response: &Response, keep_alive: bool) -> Vec<u8> {
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
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let mut answer = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: {connection}\r\n\r\n",
        response.code,
        response.body.len()
    );
    answer.push_str(&response.body);
    answer.into_bytes()
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

    #[test]
    fn http_1_1_stays_open_unless_closed_and_http_1_0_only_when_asked() {
        let kept = |head: &str| parse(head).unwrap().keep_alive;
        assert!(kept("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        assert!(!kept("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n"));
        assert!(!kept("GET / HTTP/1.1\r\nconnection: TE, close\r\n\r\n"));
        assert!(!kept("GET / HTTP/1.0\r\nHost: h\r\n\r\n"));
        assert!(kept("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        assert!(!kept("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n"));
        assert!(!kept(
            "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        ));
    }

    #[test]
    fn an_answer_always_says_its_length_and_whether_it_stays_open() {
        let text = |keep| String::from_utf8(render(&Response::error(404, "gone"), keep)).unwrap();
        assert!(text(true).contains("Content-Length: 5\r\nConnection: keep-alive\r\n\r\ngone\n"));
        assert!(text(false).contains("Content-Length: 5\r\nConnection: close\r\n\r\ngone\n"));
    }
}
