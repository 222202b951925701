//! Exchange's answers read in every form Windows PowerShell 5.1 and pwsh 7 write: words
//! and numbers, ISO and `/Date(ms)/` dates, arrays, single objects and 5.1's wrapped
//! arrays; nothing is no data, garbage an error, hostile text made printable, and an answer
//! bigger than any server's refused.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone, Utc};
use healthdeck::health::exchange::{Verdict, read};
use healthdeck::health::{AlertValue, HealthSet, Monitor};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap()
}

fn verdict(name: &str) -> Verdict {
    read(&fixture(name)).unwrap().unwrap()
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, h, m, 0).unwrap()
}

#[test]
fn pwsh_7_answers_read_with_their_extra_monitor_and_whole_error() {
    let v = verdict("pwsh7-unhealthy.json");
    let ctp = &v.monitors[0];
    assert_eq!(
        (ctp.health_set, ctp.name.as_str()),
        (HealthSet::Imap, "ImapCTPMonitor")
    );
    assert_eq!(ctp.seed, Monitor::find(HealthSet::Imap, "ImapCTPMonitor"));
    assert_eq!(ctp.alert, AlertValue::Unhealthy);
    assert_eq!(
        ctp.left_healthy_at(),
        Some(at(3, 1)),
        "failing: its first alert"
    );
    assert!(ctp.error.as_deref().unwrap().ends_with("shows it whole."));
    assert_eq!(ctp.last_result.as_deref(), Some("Failed"));
    let extra = &v.monitors[1];
    assert_eq!(extra.name, "PrivateWorkingSetWarningThresholdMonitor");
    assert_eq!(extra.seed, None);
    assert_eq!(v.monitors.len(), 9, "the seeds' eight and one extra");
    assert_eq!(v.components.len(), 3);
    assert!(v.components.iter().all(|c| !c.is_inactive()));
}

#[test]
fn windows_powershell_5_1_answers_read_numbers_dates_and_a_single_object() {
    let v = verdict("ps51-raw.json");
    let names: Vec<(&str, AlertValue)> = v
        .monitors
        .iter()
        .map(|m| (m.name.as_str(), m.alert))
        .collect();
    // Grid order; Outlook's health set is not ours.
    assert_eq!(
        names,
        [
            ("ImapCTPMonitor", AlertValue::Healthy),
            ("ImapTestDeepMonitor", AlertValue::Degraded),
            ("PopCTPMonitor", AlertValue::Unhealthy),
            ("PopProxyTestMonitor", AlertValue::Healthy),
        ]
    );
    let deep = &v.monitors[1];
    assert_eq!(deep.seed.map(Monitor::name), Some("ImapDeepTestMonitor"));
    assert_eq!(deep.last_result.as_deref(), Some("Failed"), "ResultType 4");
    let pop = &v.monitors[2];
    assert_eq!(pop.first_alert, DateTime::from_timestamp(1_764_903_600, 0));
    assert_eq!(
        pop.health_set_state.as_deref(),
        Some("Offline"),
        "CurrentHealthSetState 4"
    );
    assert_eq!(
        v.monitors[0].first_alert, None,
        "DateTime.MinValue is never"
    );
    let single = verdict("ps51-single.json");
    assert_eq!(single.monitors.len(), 1);
    assert_eq!(
        single.monitors[0].alert,
        AlertValue::Disabled,
        "AlertValue 5"
    );
}

#[test]
fn nothing_is_no_data_and_garbage_is_an_error_never_healthy() {
    assert_eq!(read(&fixture("empty.json")).unwrap(), None);
    assert_eq!(read("  \r\n").unwrap(), None);
    let garbage = read(&fixture("garbage.json")).unwrap_err().to_string();
    assert!(
        garbage.starts_with("Exchange's answer is not JSON"),
        "{garbage}"
    );
    let alien = read(r#"[{"Name":"X","HealthSetName":"OWA","AlertValue":1}]"#).unwrap_err();
    assert!(
        alien.to_string().contains("no monitor of the IMAP or POP"),
        "{alien}"
    );
    let odd = read(r#"[{"Name":"ImapCTPMonitor","HealthSetName":"IMAP","AlertValue":9}]"#);
    assert!(
        odd.unwrap_err()
            .to_string()
            .contains("no AlertValue Exchange uses")
    );
}

#[test]
fn a_wrapped_5_1_array_and_a_lone_row_in_our_own_shape_read_as_rows() {
    let text = r#"{"Health":{"value":[{"Name":"PopCTPMonitor","HealthSetName":"POP","AlertValue":"Unhealthy"}],"Count":1},
                  "Components":{"Component":"PopProxy","State":"Inactive","Requesters":"HealthAPI"}}"#;
    let v = read(text).unwrap().unwrap();
    assert_eq!(v.monitors[0].alert, AlertValue::Unhealthy);
    assert!(v.components[0].is_inactive());
    assert_eq!(v.components[0].requesters, ["HealthAPI"]);
}

#[test]
fn nothing_exchange_writes_can_drive_the_terminal() {
    let text = "[{\"Name\":\"Imap\\u001b[2JCTPMonitor\",\"HealthSetName\":\"IMAP\",\"AlertValue\":\"Unhealthy\",\
                \"Error\":\"line one\\r\\nline two\\u001b]0;owned\\u0007\\u009b31m\",\"TargetResource\":\"\\u0000x\"}]";
    let v = read(text).unwrap().unwrap();
    let m = &v.monitors[0];
    for said in [
        m.name.as_str(),
        m.error.as_deref().unwrap(),
        m.target_resource.as_deref().unwrap(),
    ] {
        assert!(!said.chars().any(char::is_control), "{said:?}");
    }
    assert_eq!(m.error.as_deref(), Some("line one  line two?]0;owned??31m"));
    assert_eq!(
        m.seed, None,
        "a name with a control character in it is not the seeds' monitor"
    );
}

#[test]
fn a_malformed_date_is_no_date_never_a_crash() {
    for date in [
        "/Date()/",
        "/Date(é)/",
        "/Date(-)/",
        "/Date(+0100)/",
        "/Date(99999999999999999999)/",
    ] {
        let text = format!(
            r#"[{{"HealthSetName":"IMAP","Name":"ImapCTPMonitor","AlertValue":"Healthy","LastTransitionTime":"{date}"}}]"#
        );
        let v = read(&text).unwrap().unwrap();
        assert_eq!(v.monitors[0].last_transition, None, "{date}");
    }
}

#[test]
fn an_answer_of_more_rows_than_any_server_has_is_refused_as_it_streams() {
    let row = r#"{"HealthSetName":"IMAP","Name":"m","AlertValue":1}"#;
    let many = format!("[{}]", vec![row; 5_001].join(","));
    let refused = read(&many).unwrap_err().to_string();
    assert!(refused.contains("more than 5000 rows"), "{refused}");
    let enough = format!("[{}]", vec![row; 5_000].join(","));
    assert_eq!(read(&enough).unwrap().unwrap().monitors.len(), 5_000);
}
