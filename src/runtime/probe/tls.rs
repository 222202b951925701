//! TLS for probes: one client configuration shared by every probe, the handshake, and the
//! classification of certificate failures into the kinds an engineer acts on.
//!
//! Roots come from the system's store (rustls-native-certs: /etc/ssl/certs and
//! SSL_CERT_FILE / SSL_CERT_DIR), not a compiled-in Mozilla list: mail servers behind an
//! enterprise CA are trusted wherever the host trusts them. An extra CA file adds to them.

use super::cert;
use super::outcome::{ERROR_TEXT_CHARS, ErrorKind, Failure, clipped};
use chrono::{DateTime, Utc};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, RootCertStore};
use rustls_pki_types::pem::PemObject;
use std::path::Path;
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// The trust roots and client configuration every probe shares. Cheap to clone.
#[derive(Clone)]
pub struct TlsSetup {
    config: Arc<ClientConfig>,
    roots: usize,
}

impl std::fmt::Debug for TlsSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TlsSetup {{ roots: {} }}", self.roots)
    }
}

impl TlsSetup {
    /// The system's roots plus every certificate in `extra_ca` (PEM). A missing or empty
    /// system store is not an error (probes then fail as untrusted); an unreadable CA file is.
    pub fn new(extra_ca: Option<&Path>) -> Result<TlsSetup, String> {
        let mut store = RootCertStore::empty();
        let native = rustls_native_certs::load_native_certs();
        store.add_parsable_certificates(native.certs);
        if let Some(path) = extra_ca {
            let shown = path.display();
            // Read through the cap: a CA file is small, and /dev/zero must not fill memory.
            let text = crate::config::read::read_capped(
                path,
                &shown.to_string(),
                crate::config::read::SMALL_CAP,
            )
            .map_err(|e| format!("cannot read the CA file: {e}"))?;
            let certs = CertificateDer::pem_slice_iter(text.as_bytes());
            let mut added = 0;
            for cert in certs {
                let cert = cert.map_err(|e| format!("the CA file {shown} is not PEM: {e}"))?;
                store.add(cert).map_err(|e| {
                    format!("the CA file {shown} holds an unusable certificate: {e}")
                })?;
                added += 1;
            }
            if added == 0 {
                return Err(format!("the CA file {shown} holds no certificate"));
            }
        }
        let roots = store.len();
        let config = ClientConfig::builder_with_provider(Arc::new(crypto_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS setup failed: {e}"))?
            .with_root_certificates(store)
            .with_no_client_auth();
        Ok(TlsSetup {
            config: Arc::new(config),
            roots,
        })
    }

    /// How many trusted roots were loaded (system and extra).
    pub fn roots(&self) -> usize {
        self.roots
    }
}

/// ring with the key exchange groups in the order Go, OpenSSL and browsers offer them.
/// rustls 0.23.48 moved P-384 to the front of ring's defaults, and ring's P-384 has no
/// assembly: it doubled an IMAPS probe's CPU here (BENCHMARKS "Key exchange"). A server
/// that takes only P-384 still gets it, after one HelloRetryRequest.
pub fn crypto_provider() -> rustls::crypto::CryptoProvider {
    use rustls::crypto::ring::{default_provider, kx_group};
    rustls::crypto::CryptoProvider {
        kx_groups: vec![kx_group::X25519, kx_group::SECP256R1, kx_group::SECP384R1],
        ..default_provider()
    }
}

/// A TLS stream and the end of its leaf certificate's validity.
pub(crate) struct Handshake<S> {
    pub stream: TlsStream<S>,
    pub not_after: Option<DateTime<Utc>>,
}

/// The client side of the handshake over `stream`, checking the certificate for `expected`.
pub(crate) async fn handshake<S>(
    setup: &TlsSetup,
    expected: &str,
    stream: S,
) -> Result<Handshake<S>, Failure>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let name = ServerName::try_from(expected.to_owned()).map_err(|_| {
        Failure::protocol(format!(
            "\"{expected}\" is not a valid certificate name (a DNS name or an IP address)"
        ))
    })?;
    let connector = TlsConnector::from(Arc::clone(&setup.config));
    let stream = connector
        .connect(name, stream)
        .await
        .map_err(|e| classify(&e, expected))?;
    let not_after = stream
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|chain| chain.first())
        .and_then(|leaf| cert::not_after(leaf));
    Ok(Handshake { stream, not_after })
}

/// Turns a failed handshake into the kind an engineer acts on.
fn classify(error: &std::io::Error, expected: &str) -> Failure {
    let Some(tls) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    else {
        return match error.kind() {
            std::io::ErrorKind::UnexpectedEof => Failure::new(
                ErrorKind::Io,
                "the server closed the connection during the TLS handshake",
            ),
            _ => Failure::new(
                ErrorKind::Io,
                format!("TLS handshake failed: {}", clip(&error.to_string())),
            ),
        };
    };
    match tls {
        rustls::Error::InvalidCertificate(certificate) => {
            certificate_failure(certificate, expected)
        }
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            Failure::protocol(format!(
                "TLS handshake failed: the server does not speak TLS here ({})",
                clip(&tls.to_string())
            ))
        }
        other => Failure::protocol(format!(
            "TLS handshake failed: {}",
            clip(&other.to_string())
        )),
    }
}

/// A library's error text cut short for a message.
fn clip(text: &str) -> String {
    clipped(text, ERROR_TEXT_CHARS)
}

fn certificate_failure(error: &CertificateError, expected: &str) -> Failure {
    match error {
        CertificateError::NotValidForNameContext { presented, .. } => {
            let names: Vec<String> = presented.iter().map(|n| presented_name(n)).collect();
            let message = if names.is_empty() {
                format!("certificate name mismatch: expected {expected}, certificate names none")
            } else {
                format!(
                    "certificate name mismatch: expected {expected}, certificate is for {}",
                    names.join(", ")
                )
            };
            Failure::new(ErrorKind::CertNameMismatch, message)
        }
        CertificateError::NotValidForName => Failure::new(
            ErrorKind::CertNameMismatch,
            format!("certificate name mismatch: expected {expected}"),
        ),
        CertificateError::ExpiredContext { not_after, .. } => {
            let at = date_time(*not_after);
            let when = at.map_or_else(
                || "an unreadable date".to_owned(),
                |at| at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            );
            let mut failure = Failure::new(
                ErrorKind::CertExpired,
                format!("certificate expired on {when}"),
            );
            failure.cert_not_after = at;
            failure
        }
        CertificateError::Expired => Failure::new(ErrorKind::CertExpired, "certificate expired"),
        CertificateError::UnknownIssuer => Failure::new(
            ErrorKind::CertUntrusted,
            "certificate not trusted: its issuer is not among the trusted roots (add the issuing CA)",
        ),
        other => Failure::new(
            ErrorKind::CertUntrusted,
            format!("certificate not trusted: {other}"),
        ),
    }
}

/// webpki shows presented names as `DnsName("mail.example.org")` or `IpAddress(127.0.0.1)`.
fn presented_name(raw: &str) -> String {
    let inner = raw
        .strip_prefix("DnsName(")
        .or_else(|| raw.strip_prefix("IpAddress("))
        .and_then(|rest| rest.strip_suffix(')'));
    inner.map_or(raw, |name| name.trim_matches('"')).to_owned()
}

fn date_time(at: UnixTime) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(i64::try_from(at.as_secs()).ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_ca_file_is_refused_after_a_bounded_read() {
        let Err(why) = TlsSetup::new(Some(std::path::Path::new("/dev/zero"))) else {
            panic!("/dev/zero is no CA file");
        };
        assert!(why.contains("larger than 1 MiB"), "{why}");
    }

    #[test]
    fn presented_names_read_plainly() {
        assert_eq!(presented_name("DnsName(\"localhost\")"), "localhost");
        assert_eq!(presented_name("IpAddress(127.0.0.1)"), "127.0.0.1");
        assert_eq!(presented_name("DirectoryName"), "DirectoryName");
    }

    #[test]
    fn certificate_errors_map_to_kinds() {
        let mismatch = certificate_failure(
            &CertificateError::NotValidForNameContext {
                expected: ServerName::try_from("mail.example.org").expect("name"),
                presented: vec![
                    "DnsName(\"localhost\")".into(),
                    "IpAddress(127.0.0.1)".into(),
                ],
            },
            "mail.example.org",
        );
        assert_eq!(mismatch.kind, ErrorKind::CertNameMismatch);
        assert_eq!(
            mismatch.message,
            "certificate name mismatch: expected mail.example.org, certificate is for localhost, 127.0.0.1"
        );
        let expired = certificate_failure(
            &CertificateError::ExpiredContext {
                time: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000)),
                not_after: UnixTime::since_unix_epoch(std::time::Duration::from_secs(
                    1_600_000_000,
                )),
            },
            "x",
        );
        assert_eq!(expired.kind, ErrorKind::CertExpired);
        assert_eq!(
            expired.message,
            "certificate expired on 2020-09-13 12:26:40 UTC"
        );
        assert!(expired.cert_not_after.is_some());
        let untrusted = certificate_failure(&CertificateError::UnknownIssuer, "x");
        assert_eq!(untrusted.kind, ErrorKind::CertUntrusted);
        let not_yet = certificate_failure(&CertificateError::NotValidYet, "x");
        assert_eq!(not_yet.kind, ErrorKind::CertUntrusted);
    }

    #[test]
    fn a_missing_ca_file_is_an_error_naming_it() {
        let error = TlsSetup::new(Some(Path::new("/nonexistent/ca.pem"))).expect_err("no file");
        assert!(error.contains("/nonexistent/ca.pem"), "{error}");
    }
}
