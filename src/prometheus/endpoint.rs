//! Where Prometheus or Alertmanager answers: `http://host:port[/prefix]`.

use crate::health::exchange::one_line;
use crate::i18n::Said;
use std::fmt;

/// A parsed base URL: host, port and the path prefix a reverse proxy or `--web.route-prefix`
/// puts before `/api/...`. Plain HTTP only: https is not yet supported (put the API on a
/// trusted network or behind a TLS-terminating proxy on loopback). Credentials in the URL
/// are refused, so nothing secret is ever held here or shown from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Without brackets for IPv6, as a socket address wants it.
    host: String,
    port: u16,
    /// Empty, or `/something` without a trailing slash.
    prefix: String,
}

impl Endpoint {
    /// Reads `http://host[:port][/prefix]` (port 80 when absent). Every error says what to
    /// write instead.
    pub fn parse(url: &str) -> Result<Endpoint, Said> {
        let url = url.trim();
        let Some(rest) = strip_scheme(url, "http://") else {
            return Err(if strip_scheme(url, "https://").is_some() {
                Said::new("finding-url-https")
            } else if let Some((scheme, _)) = url.split_once("://") {
                Said::new("finding-url-scheme").text("scheme", one_line(scheme, 16))
            } else {
                Said::new("finding-url-not-url")
            });
        };
        let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
        if authority.contains('@') {
            // Said without quoting the URL: what is before '@' may be a password.
            return Err(Said::new("finding-url-credentials"));
        }
        if path.contains(['?', '#']) || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Said::new("finding-url-query").text("path", one_line(path, 64)));
        }
        let (host, port) = host_and_port(authority)?;
        Ok(Endpoint {
            host,
            port,
            prefix: path.trim_end_matches('/').to_owned(),
        })
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port` as the `Host` header and messages write it (IPv6 in brackets).
    pub fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The request target for an API path such as `/api/v1/alerts`.
    pub(crate) fn target(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "http://{}{}", self.authority(), self.prefix)
    }
}

fn strip_scheme<'a>(url: &'a str, scheme: &str) -> Option<&'a str> {
    let head = url.get(..scheme.len())?;
    head.eq_ignore_ascii_case(scheme)
        .then(|| &url[scheme.len()..])
}

fn host_and_port(authority: &str) -> Result<(String, u16), Said> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or_else(|| Said::new("finding-url-unclosed"))?;
        let port = match after {
            "" => None,
            after => Some(
                after
                    .strip_prefix(':')
                    .ok_or_else(|| Said::new("finding-url-after-bracket"))?,
            ),
        };
        if host.is_empty()
            || !host
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err(Said::new("finding-url-not-ipv6").text("host", one_line(host, 64)));
        }
        (host, port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let v6 = authority.starts_with('[');
    if !v6
        && (host.is_empty()
            || !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
    {
        return Err(Said::new("finding-url-not-host").text("host", one_line(host, 64)));
    }
    let port = match port {
        None => 80,
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port > 0 => port,
            _ => {
                let said = Said::new("finding-url-not-port").text("port", one_line(text, 16));
                return Err(said);
            }
        },
    };
    Ok((host.to_owned(), port))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_gives_host_port_and_prefix() {
        let plain = Endpoint::parse("http://prom.example.org:9090").unwrap();
        assert_eq!((plain.host(), plain.port()), ("prom.example.org", 9090));
        assert_eq!(plain.target("/api/v1/alerts"), "/api/v1/alerts");
        let prefixed = Endpoint::parse(" HTTP://10.0.0.5/prometheus/ ").unwrap();
        assert_eq!(prefixed.port(), 80);
        assert_eq!(prefixed.target("/api/v1/query"), "/prometheus/api/v1/query");
        assert_eq!(prefixed.to_string(), "http://10.0.0.5:80/prometheus");
        let v6 = Endpoint::parse("http://[::1]:9093").unwrap();
        assert_eq!(
            (v6.host(), v6.authority()),
            ("::1", "[::1]:9093".to_owned())
        );
    }

    #[test]
    fn other_schemes_credentials_and_bad_ports_are_refused_with_what_to_write() {
        let https = Endpoint::parse("https://prom:9090").unwrap_err().english();
        assert!(https.contains("https is not yet supported"), "{https}");
        assert!(
            Endpoint::parse("ftp://x")
                .unwrap_err()
                .english()
                .contains("`ftp` URLs")
        );
        assert!(
            Endpoint::parse("prom:9090")
                .unwrap_err()
                .english()
                .contains("not a URL")
        );
        let secret = Endpoint::parse("http://admin:hunter2@prom:9090")
            .unwrap_err()
            .english();
        assert!(!secret.contains("hunter2"), "{secret}");
        for bad in [
            "http://prom:0",
            "http://prom:99999",
            "http://prom:x",
            "http://:9090",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
        assert!(Endpoint::parse("http://prom:9090/?x=1").is_err());
        assert!(Endpoint::parse("http://[::1").is_err());
    }
}
