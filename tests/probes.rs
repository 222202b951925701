//! Probes against a real Dovecot on 127.0.0.1 (started per test): every dialogue succeeds with
//! its phases timed, and every way a server goes wrong is reported as the right kind.
//! Deadlines are generous and only kinds are asserted, never durations.

#[path = "support/delay_proxy.rs"]
mod delay_proxy;
#[path = "support/dovecot.rs"]
mod dovecot;

use chrono::{DateTime, NaiveDateTime, Utc};
use delay_proxy::{Delay, DelayProxy};
use dovecot::Dovecot;
use healthdeck::runtime::probe::{
    Credentials, Endpoint, ErrorKind, Phase, ProbeOutcome, ProbePlan, Secret, TlsMode, TlsSetup,
    Wire, probe,
};
use std::process::Command;
use std::time::Duration;

/// The phase limit where a probe should succeed: far beyond anything a loaded machine needs.
const GENEROUS: Duration = Duration::from_secs(20);
/// The phase limit where a probe should time out, and the delay that exceeds it.
const SHORT: Duration = Duration::from_millis(500);
const SLOW: Duration = Duration::from_secs(3);

const WRONG_PASSWORD: &str = "Wr0ng-but-distinctive-Pa55";

fn plan(dovecot: &Dovecot, wire: Wire, port: u16, tls: TlsMode) -> ProbePlan {
    ProbePlan {
        wire,
        endpoint: Endpoint {
            host: "127.0.0.1".into(),
            port,
            tls,
            server_name: None,
        },
        credentials: Some(Credentials {
            user: dovecot.user().into(),
            password: Secret::new(dovecot.password().into()),
        }),
        timeout: GENEROUS,
    }
}

fn trusting(dovecot: &Dovecot) -> TlsSetup {
    TlsSetup::new(Some(&dovecot.ca_path())).expect("TLS setup with the test CA")
}

/// Probes and checks success with a timing for exactly the `phases` given.
async fn succeeds(dovecot: &Dovecot, plan: &ProbePlan, phases: &[Phase]) -> ProbeOutcome {
    let outcome = probe(plan, &trusting(dovecot)).await;
    assert!(
        outcome.succeeded,
        "{plan:?}\n{outcome:?}\n{}",
        dovecot.log()
    );
    assert_eq!((outcome.error_kind, &outcome.error), (None, &None));
    for phase in Phase::ALL {
        let timed = outcome.phases.get(phase).is_some();
        assert_eq!(timed, phases.contains(&phase), "{phase:?} in {outcome:?}");
    }
    let ms = |p: Phase| outcome.phases.get(p).map(|d| d.as_secs_f64() * 1_000.0);
    let timings: Vec<String> = Phase::ALL
        .iter()
        .filter_map(|&p| ms(p).map(|v| format!("{}={v:.2}ms", p.name())))
        .collect();
    eprintln!(
        "{:?} {:?}: {}",
        plan.wire,
        plan.endpoint.tls,
        timings.join(" ")
    );
    outcome
}

/// Probes and checks the failure kind; the message is returned for further checks.
async fn fails(plan: &ProbePlan, tls: &TlsSetup, kind: ErrorKind) -> ProbeOutcome {
    let outcome = probe(plan, tls).await;
    assert!(!outcome.succeeded, "{plan:?}\n{outcome:?}");
    assert_eq!(outcome.error_kind, Some(kind), "{outcome:?}");
    let error = outcome.error.as_deref().unwrap_or_default();
    assert!(!error.is_empty(), "{outcome:?}");
    eprintln!(
        "{:?} {:?} {}: {error}",
        plan.wire,
        plan.endpoint.tls,
        kind.name()
    );
    outcome
}

const ALL_IMAP: [Phase; 5] = [
    Phase::Connect,
    Phase::Greeting,
    Phase::Login,
    Phase::Select,
    Phase::Logout,
];
const ALL_TLS: [Phase; 6] = Phase::ALL;

#[tokio::test]
async fn imap_plain_succeeds() {
    let dovecot = Dovecot::start();
    let plan = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::None);
    let outcome = succeeds(&dovecot, &plan, &ALL_IMAP).await;
    assert_eq!(outcome.cert_not_after, None);
}

#[tokio::test]
async fn imap_starttls_succeeds() {
    let dovecot = Dovecot::start();
    let plan = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::StartTls);
    succeeds(&dovecot, &plan, &ALL_TLS).await;
}

#[tokio::test]
async fn imaps_succeeds_by_host_name() {
    let dovecot = Dovecot::start();
    let mut plan = plan(
        &dovecot,
        Wire::Imap,
        dovecot.imaps_port(),
        TlsMode::Implicit,
    );
    // `localhost` may resolve to ::1 first, where nothing listens: the next address is tried.
    plan.endpoint.host = "localhost".into();
    succeeds(&dovecot, &plan, &ALL_TLS).await;
}

/// The probe offers X25519 first (cheap); a server hardened to P-384 alone, or to X25519
/// alone, must still be probed: the first answers with a HelloRetryRequest.
#[tokio::test]
async fn imaps_succeeds_whichever_key_exchange_the_server_insists_on() {
    for curves in ["P-384", "X25519", "P-256"] {
        let dovecot = Dovecot::start_with(&format!("ssl_curve_list = {curves}\n"));
        let plan = plan(
            &dovecot,
            Wire::Imap,
            dovecot.imaps_port(),
            TlsMode::Implicit,
        );
        eprintln!("ssl_curve_list = {curves}");
        succeeds(&dovecot, &plan, &ALL_TLS).await;
    }
}

#[tokio::test]
async fn pop3_plain_succeeds() {
    let dovecot = Dovecot::start();
    let plan = plan(&dovecot, Wire::Pop3, dovecot.pop3_port(), TlsMode::None);
    succeeds(&dovecot, &plan, &ALL_IMAP).await;
}

#[tokio::test]
async fn pop3_stls_succeeds() {
    let dovecot = Dovecot::start();
    let plan = plan(&dovecot, Wire::Pop3, dovecot.pop3_port(), TlsMode::StartTls);
    succeeds(&dovecot, &plan, &ALL_TLS).await;
}

#[tokio::test]
async fn pop3s_succeeds() {
    let dovecot = Dovecot::start();
    let plan = plan(
        &dovecot,
        Wire::Pop3,
        dovecot.pop3s_port(),
        TlsMode::Implicit,
    );
    succeeds(&dovecot, &plan, &ALL_TLS).await;
}

#[tokio::test]
async fn tcp_greeting_succeeds_plain_and_over_tls() {
    let dovecot = Dovecot::start();
    let plain = plan(&dovecot, Wire::Tcp, dovecot.pop3_port(), TlsMode::None);
    succeeds(&dovecot, &plain, &[Phase::Connect, Phase::Greeting]).await;
    let tls = plan(&dovecot, Wire::Tcp, dovecot.imaps_port(), TlsMode::Implicit);
    let outcome = succeeds(
        &dovecot,
        &tls,
        &[Phase::Connect, Phase::Tls, Phase::Greeting],
    )
    .await;
    assert!(outcome.cert_not_after.is_some());
}

#[tokio::test]
async fn without_credentials_imap_and_pop3_only_greet_and_say_goodbye() {
    let dovecot = Dovecot::start();
    let mut imap = plan(
        &dovecot,
        Wire::Imap,
        dovecot.imaps_port(),
        TlsMode::Implicit,
    );
    imap.credentials = None;
    let greet = [Phase::Connect, Phase::Tls, Phase::Greeting, Phase::Logout];
    succeeds(&dovecot, &imap, &greet).await;
    let mut pop3 = plan(&dovecot, Wire::Pop3, dovecot.pop3_port(), TlsMode::None);
    pop3.credentials = None;
    succeeds(
        &dovecot,
        &pop3,
        &[Phase::Connect, Phase::Greeting, Phase::Logout],
    )
    .await;
}

#[tokio::test]
async fn a_stopped_server_refuses_and_comes_back() {
    let mut dovecot = Dovecot::start();
    dovecot.stop();
    let tls = trusting(&dovecot);
    for (wire, port) in [
        (Wire::Imap, dovecot.imap_port()),
        (Wire::Pop3, dovecot.pop3_port()),
        (Wire::Tcp, dovecot.imaps_port()),
    ] {
        let plan = plan(&dovecot, wire, port, TlsMode::None);
        let outcome = fails(&plan, &tls, ErrorKind::Refused).await;
        let error = outcome.error.unwrap_or_default();
        assert!(error.starts_with("connection refused"), "{error}");
        assert_eq!(outcome.phases.connect, None);
    }
    dovecot.start_again();
    let plan = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::None);
    succeeds(&dovecot, &plan, &ALL_IMAP).await;
}

#[tokio::test]
async fn a_wrong_password_is_auth_failed_and_never_shown() {
    let dovecot = Dovecot::start();
    let tls = trusting(&dovecot);
    for (wire, port) in [
        (Wire::Imap, dovecot.imap_port()),
        (Wire::Pop3, dovecot.pop3_port()),
    ] {
        let mut plan = plan(&dovecot, wire, port, TlsMode::StartTls);
        plan.credentials = Some(Credentials {
            user: dovecot.user().into(),
            password: Secret::new(WRONG_PASSWORD.into()),
        });
        let outcome = fails(&plan, &tls, ErrorKind::AuthFailed).await;
        let error = outcome.error.clone().unwrap_or_default();
        assert!(
            error.starts_with("authentication failed for probe"),
            "{error}"
        );
        let shown = format!("{outcome:?} {plan:?} {plan:#?} {error}");
        assert!(!shown.contains(WRONG_PASSWORD), "{shown}");
        assert_eq!(outcome.phases.login, None);
        assert!(outcome.phases.greeting.is_some() && outcome.phases.tls.is_some());
    }
    let right = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::None);
    assert!(!format!("{right:?}").contains(dovecot.password()));
}

#[tokio::test]
async fn a_slow_greeting_times_out_in_the_greeting() {
    let dovecot = Dovecot::start();
    let tls = trusting(&dovecot);
    for (wire, port) in [
        (Wire::Imap, dovecot.imap_port()),
        (Wire::Pop3, dovecot.pop3_port()),
    ] {
        let proxy = DelayProxy::start(port, Delay::Everything(SLOW)).await;
        let mut plan = plan(&dovecot, wire, proxy.port(), TlsMode::None);
        plan.timeout = SHORT;
        let outcome = fails(&plan, &tls, ErrorKind::Timeout(Phase::Greeting)).await;
        let error = outcome.error.unwrap_or_default();
        assert_eq!(error, "timed out waiting for the greeting after 500 ms");
        assert!(outcome.phases.connect.is_some());
    }
}

#[tokio::test]
async fn a_slow_handshake_times_out_in_tls() {
    let dovecot = Dovecot::start();
    let proxy = DelayProxy::start(dovecot.imaps_port(), Delay::Everything(SLOW)).await;
    let mut plan = plan(&dovecot, Wire::Imap, proxy.port(), TlsMode::Implicit);
    plan.timeout = SHORT;
    fails(&plan, &trusting(&dovecot), ErrorKind::Timeout(Phase::Tls)).await;
}

#[tokio::test]
async fn slow_answers_after_the_greeting_time_out_in_login() {
    let dovecot = Dovecot::start();
    let tls = trusting(&dovecot);
    for (wire, port) in [
        (Wire::Imap, dovecot.imap_port()),
        (Wire::Pop3, dovecot.pop3_port()),
    ] {
        let proxy = DelayProxy::start(port, Delay::AfterGreeting(SLOW)).await;
        let mut plan = plan(&dovecot, wire, proxy.port(), TlsMode::None);
        plan.timeout = SHORT;
        let outcome = fails(&plan, &tls, ErrorKind::Timeout(Phase::Login)).await;
        assert!(outcome.phases.greeting.is_some(), "{outcome:?}");
    }
}

#[tokio::test]
async fn a_hung_server_accepts_but_never_greets() {
    let dovecot = Dovecot::start();
    let tls = trusting(&dovecot);
    dovecot.pause();
    let mut imap = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::None);
    imap.timeout = SHORT;
    let hung = fails(&imap, &tls, ErrorKind::Timeout(Phase::Greeting)).await;
    assert!(hung.phases.connect.is_some(), "{hung:?}");
    let mut imaps = plan(
        &dovecot,
        Wire::Imap,
        dovecot.imaps_port(),
        TlsMode::Implicit,
    );
    imaps.timeout = SHORT;
    fails(&imaps, &tls, ErrorKind::Timeout(Phase::Tls)).await;
    dovecot.resume();
    imap.timeout = GENEROUS;
    succeeds(&dovecot, &imap, &ALL_IMAP).await;
}

#[tokio::test]
async fn a_certificate_for_another_name_is_a_mismatch_naming_both() {
    let dovecot = Dovecot::start();
    let tls = trusting(&dovecot);
    // Dovecot serves wrong.example.net's certificate to a client asking for mail.example.org.
    let mut imaps = plan(
        &dovecot,
        Wire::Imap,
        dovecot.imaps_port(),
        TlsMode::Implicit,
    );
    imaps.endpoint.server_name = Some(dovecot::WRONG_NAME_SNI.into());
    let outcome = fails(&imaps, &tls, ErrorKind::CertNameMismatch).await;
    assert_eq!(
        outcome.error.as_deref(),
        Some(
            "certificate name mismatch: expected mail.example.org, certificate is for wrong.example.net"
        )
    );
    assert_eq!(outcome.phases.tls, None);
    // A name no local_name knows gets the default certificate; over STARTTLS too.
    let mut starttls = plan(&dovecot, Wire::Imap, dovecot.imap_port(), TlsMode::StartTls);
    starttls.endpoint.server_name = Some("imap.example.com".into());
    let outcome = fails(&starttls, &tls, ErrorKind::CertNameMismatch).await;
    let error = outcome.error.unwrap_or_default();
    assert!(error.contains("expected imap.example.com"), "{error}");
    assert!(error.contains("localhost, 127.0.0.1"), "{error}");
}

#[tokio::test]
async fn without_the_test_ca_the_certificate_is_untrusted() {
    let dovecot = Dovecot::start();
    let system_only = TlsSetup::new(None).expect("TLS setup with the system roots");
    for (wire, port) in [
        (Wire::Imap, dovecot.imaps_port()),
        (Wire::Pop3, dovecot.pop3s_port()),
    ] {
        let plan = plan(&dovecot, wire, port, TlsMode::Implicit);
        fails(&plan, &system_only, ErrorKind::CertUntrusted).await;
    }
}

#[tokio::test]
async fn an_expired_certificate_says_when() {
    let dovecot = Dovecot::start();
    let mut plan = plan(
        &dovecot,
        Wire::Pop3,
        dovecot.pop3s_port(),
        TlsMode::Implicit,
    );
    plan.endpoint.server_name = Some(dovecot::EXPIRED_SNI.into());
    let outcome = fails(&plan, &trusting(&dovecot), ErrorKind::CertExpired).await;
    assert_eq!(
        outcome.error.as_deref(),
        Some("certificate expired on 2020-02-01 00:00:00 UTC")
    );
    let not_after = outcome.cert_not_after.map(|at| at.to_rfc3339());
    assert_eq!(not_after.as_deref(), Some("2020-02-01T00:00:00+00:00"));
}

#[tokio::test]
async fn the_certificate_end_date_is_reported() {
    let dovecot = Dovecot::start();
    let plan = plan(
        &dovecot,
        Wire::Imap,
        dovecot.imaps_port(),
        TlsMode::Implicit,
    );
    let outcome = succeeds(&dovecot, &plan, &ALL_TLS).await;
    let reported = outcome.cert_not_after.expect("cert_not_after");
    assert_eq!(reported, openssl_end_date(&dovecot));
    #[allow(clippy::disallowed_methods)] // the test compares with the real clock
    let now = Utc::now();
    assert!(reported > now, "{reported} is not in the future");
}

/// `openssl x509 -enddate` of the default certificate.
fn openssl_end_date(dovecot: &Dovecot) -> DateTime<Utc> {
    let out = Command::new("openssl")
        .args(["x509", "-noout", "-enddate", "-dateopt", "iso_8601", "-in"])
        .arg(dovecot.cert_path())
        .output()
        .expect("openssl x509");
    let text = String::from_utf8_lossy(&out.stdout);
    let date = text.trim().trim_start_matches("notAfter=");
    NaiveDateTime::parse_from_str(date, "%Y-%m-%d %H:%M:%SZ")
        .unwrap_or_else(|e| panic!("{date}: {e}"))
        .and_utc()
}
