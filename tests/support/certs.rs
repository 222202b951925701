//! Test certificates from the `openssl` CLI: a CA (the only root a probe is given) and three
//! leaves it signs, sharing one P-256 key. rustls wants leaves with `CA:FALSE`, a
//! subjectAltName and serverAuth (`openssl req -x509` alone makes a CA certificate, which
//! rustls rejects as `CaUsedAsEndEntity`). `openssl ca` is used for signing because it can
//! back-date a certificate (`-startdate`/`-enddate`), which `openssl x509 -req` cannot.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The name a client asks for (SNI) to be served the certificate for another name.
pub const WRONG_NAME_SNI: &str = "mail.example.org";
pub const WRONG_NAME_CERT: &str = "wrong.example.net";
/// The name a client asks for to be served an expired certificate (for that name).
pub const EXPIRED_SNI: &str = "expired.example.net";

/// Writes `ca.pem`, `leaf.key`, and the leaves `localhost.pem` (DNS:localhost,
/// IP:127.0.0.1), `wrong.pem` and `expired.pem` (January 2020) into `dir`.
pub fn make(dir: &Path) {
    let config = format!(
        r"[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ca]
default_ca = test_ca
[test_ca]
database = {d}/index.txt
new_certs_dir = {d}/issued
serial = {d}/serial
default_md = sha256
policy = any_name
unique_subject = no
[any_name]
commonName = supplied
{localhost}{wrong}{expired}",
        d = dir.display(),
        localhost = leaf_section("localhost", "DNS:localhost,IP:127.0.0.1"),
        wrong = leaf_section("wrong", &format!("DNS:{WRONG_NAME_CERT}")),
        expired = leaf_section("expired", &format!("DNS:{EXPIRED_SNI}")),
    );
    std::fs::write(dir.join("openssl.cnf"), config).expect("openssl.cnf");
    std::fs::write(dir.join("index.txt"), "").expect("index.txt");
    std::fs::write(dir.join("serial"), "01\n").expect("serial");
    std::fs::create_dir_all(dir.join("issued")).expect("issued dir");
    let key = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
    openssl(
        dir,
        &format!("req -x509 {key} -keyout ca.key -out ca.pem -days 30 -extensions ca_ext"),
        "/CN=healthdeck-test-CA",
    );
    openssl(
        dir,
        &format!("req -new {key} -keyout leaf.key -out leaf.csr"),
        "/CN=leaf",
    );
    let sign = "ca -batch -notext -cert ca.pem -keyfile ca.key -in leaf.csr";
    openssl(
        dir,
        &format!("{sign} -days 30 -extensions localhost_ext -out localhost.pem"),
        "/CN=localhost",
    );
    openssl(
        dir,
        &format!("{sign} -days 30 -extensions wrong_ext -out wrong.pem"),
        &format!("/CN={WRONG_NAME_CERT}"),
    );
    let past = "-startdate 20200101000000Z -enddate 20200201000000Z";
    openssl(
        dir,
        &format!("{sign} {past} -extensions expired_ext -out expired.pem"),
        &format!("/CN={EXPIRED_SNI}"),
    );
}

fn leaf_section(name: &str, names: &str) -> String {
    format!(
        "[{name}_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = {names}
authorityKeyIdentifier = keyid
"
    )
}

/// `openssl ARGS -config openssl.cnf -subj SUBJECT` in `dir`.
fn openssl(dir: &Path, args: &str, subject: &str) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args.split_whitespace())
        .args(["-config", "openssl.cnf", "-subj", subject])
        .output()
        .expect("run openssl (install the openssl package)");
    assert!(
        out.status.success(),
        "openssl {args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
