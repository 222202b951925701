//! The end of a certificate's validity, read with a minimal DER walk.
//!
//! A probe needs one field of the leaf certificate, `notAfter`; rustls has already checked
//! the certificate, so a full X.509 parser (x509-parser and its nom/asn1 stack) would only
//! add build time. The walk follows RFC 5280: Certificate → tbsCertificate → [0] version
//! (optional), serialNumber, signature, issuer, validity { notBefore, notAfter }.

use chrono::{DateTime, NaiveDate, Utc};

const SEQUENCE: u8 = 0x30;
const VERSION: u8 = 0xa0;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// `notAfter` of a DER certificate; `None` when the bytes are not what RFC 5280 describes.
pub(crate) fn not_after(der: &[u8]) -> Option<DateTime<Utc>> {
    let (certificate, _) = expect(der, SEQUENCE)?;
    let (tbs, _) = expect(certificate, SEQUENCE)?;
    let mut rest = tbs;
    if rest.first() == Some(&VERSION) {
        rest = element(rest)?.2;
    }
    for _serial_signature_issuer in 0..3 {
        rest = element(rest)?.2;
    }
    let (validity, _) = expect(rest, SEQUENCE)?;
    let (_, _, after_not_before) = element(validity)?;
    let (tag, time, _) = element(after_not_before)?;
    parse_time(tag, time)
}

/// The element at the start of `input` if it has `tag`: its content and what follows it.
fn expect(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (found, content, rest) = element(input)?;
    (found == tag).then_some((content, rest))
}

/// Tag, content and the rest after one DER element (definite lengths up to 4 bytes).
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, input) = input.split_first()?;
    let (&first, mut input) = input.split_first()?;
    let length = if first < 0x80 {
        usize::from(first)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || input.len() < count {
            return None;
        }
        let (bytes, rest) = input.split_at(count);
        input = rest;
        bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
    };
    if input.len() < length {
        return None;
    }
    let (content, rest) = input.split_at(length);
    Some((tag, content, rest))
}

/// UTCTime `YYMMDDHHMMSSZ` (years 1950–2049) or GeneralizedTime `YYYYMMDDHHMMSSZ`.
fn parse_time(tag: u8, bytes: &[u8]) -> Option<DateTime<Utc>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let digits = text.strip_suffix('Z')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match (tag, digits.len()) {
        (UTC_TIME, 12) => {
            let yy: i32 = digits[..2].parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &digits[2..])
        }
        (GENERALIZED_TIME, 14) => (digits[..4].parse().ok()?, &digits[4..]),
        _ => return None,
    };
    let field = |at: usize| rest.get(at..at + 2)?.parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(year, field(0)?, field(2)?)?;
    let time = date.and_hms_opt(field(4)?, field(6)?, field(8)?)?;
    Some(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls_pki_types::CertificateDer;
    use rustls_pki_types::pem::PemObject;

    // `openssl req -x509 -days 30` (UTCTime) and `-days 40000` (GeneralizedTime).
    const UTC: &str = "-----BEGIN CERTIFICATE-----
MIIBZzCCAQ6gAwIBAgIBATAKBggqhkjOPQQDAjATMREwDwYDVQQDDAh1dGMudGVz
dDAeFw0yNjExMjIyMjI2NDlaFw0yNjEyMjIyMjI2NDlaMBMxETAPBgNVBAMMCHV0
Yy50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEnxe6M5hlI4l45Xg8PQ+a
ViUV5syquLe73n3+d/CN+6GDz6O/2YgFsPz9AuerKxlLxQ4yNKN2yIUvQZPNaqhH
B6NTMFEwHQYDVR0OBBYEFHIJoseT3qBBbRlhd+/HizyX7NT7MB8GA1UdIwQYMBaA
FHIJoseT3qBBbRlhd+/HizyX7NT7MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0E
AwIDRwAwRAIgOM2Gp+AisbyqzxEvjfV+mOIV4COMMwrxt0X8946aW1oCIBQK3tAL
9i9thXYpoGAoqG6tgvYgyr4rswnYVRgUynmz
-----END CERTIFICATE-----";
    const GENERALIZED: &str = "-----BEGIN CERTIFICATE-----
MIIBfTCCASOgAwIBAgIUNTt5RmsaxjVAh7sMEB/Q3aHUYuswCgYIKoZIzj0EAwIw
EzERMA8GA1UEAwwIZ2VuLnRlc3QwIBcNMjYxMTIyMjIyNjQ5WhgPMjEzNjA1Mjky
MjI2NDlaMBMxETAPBgNVBAMMCGdlbi50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEQaEbvRc5xdKpHjeezcSA9miznrr/HmtopDyVA9ke90isotL3WnaVR4Q3
ncMFVND7pCcwgzIUXok/FsJ7jCXkpaNTMFEwHQYDVR0OBBYEFGKjvGtIe7I74x8U
NJJIqfNas6FrMB8GA1UdIwQYMBaAFGKjvGtIe7I74x8UNJJIqfNas6FrMA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAKoYNL1Hz9bCeCxywA5PDHcR
+/rnpwEiNx/Or6T1SgbsAiAxX9nw2a2GLTgFYWqn64Q1fLjMYI98p2C9l2s5jt1C
tg==
-----END CERTIFICATE-----";

    fn der(pem: &str) -> CertificateDer<'static> {
        CertificateDer::from_pem_slice(pem.as_bytes()).expect("test PEM")
    }

    #[test]
    fn reads_a_utc_time() {
        // openssl x509 -enddate: notAfter=Dec 22 22:26:49 2026 GMT
        let at = not_after(&der(UTC)).expect("notAfter");
        assert_eq!(at.to_rfc3339(), "2026-12-22T22:26:49+00:00");
    }

    #[test]
    fn reads_a_generalized_time() {
        // openssl x509 -enddate: notAfter=May 29 22:26:49 2136 GMT
        let at = not_after(&der(GENERALIZED)).expect("notAfter");
        assert_eq!(at.to_rfc3339(), "2136-05-29T22:26:49+00:00");
    }

    #[test]
    fn garbage_and_truncation_give_none() {
        assert_eq!(not_after(b""), None);
        assert_eq!(not_after(b"\x30\x84\xff\xff\xff\xff"), None);
        let bytes = der(UTC);
        for cut in [1, 10, 40, 60] {
            assert_eq!(not_after(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(parse_time(UTC_TIME, b"2612222226ZZ"), None);
        assert_eq!(parse_time(GENERALIZED_TIME, b"261222222649Z"), None);
        assert_eq!(parse_time(UTC_TIME, b"491301000000Z"), None);
    }

    #[test]
    fn utc_years_from_50_are_last_century() {
        let at = parse_time(UTC_TIME, b"500101000000Z").expect("time");
        assert_eq!(at.to_rfc3339(), "1950-01-01T00:00:00+00:00");
    }
}
