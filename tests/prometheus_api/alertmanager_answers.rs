//! Alertmanager's answers, captured: silences and alerts read, a silence posted and expired,
//! its refusals passed on.

use super::replay::Replay;
use super::{TIMEOUT, acknowledgement, answer, at, body, endpoint};
use healthdeck::prometheus::{
    AlertmanagerState, SilenceState, SourceError, create_silence, expire_silence,
    read_alertmanager, read_alertmanager_answers,
};

#[test]
fn silences_and_alerts_are_read_from_api_v2() {
    let reading =
        read_alertmanager_answers(&body("am_silences.http"), &body("am_alerts.http")).unwrap();
    let by = |who: &str| {
        reading
            .silences
            .iter()
            .find(|s| s.created_by == who)
            .unwrap()
    };
    let carol = by("carol");
    assert_eq!(carol.state, SilenceState::Active);
    assert_eq!(
        (
            carol.server.as_deref(),
            carol.monitor.as_deref(),
            carol.health_set.as_deref()
        ),
        (
            Some("cas02"),
            Some("ImapProxyTestMonitor"),
            Some("IMAP.Proxy")
        )
    );
    assert_eq!(carol.comment, "known: proxy cert renewal");
    // A regex server and a `!=` monitor name nothing; the health set is an equality.
    let bob = by("bob");
    assert_eq!(bob.state, SilenceState::Pending);
    assert_eq!(
        (
            bob.server.as_deref(),
            bob.monitor.as_deref(),
            bob.health_set.as_deref()
        ),
        (None, None, Some("IMAP"))
    );
    assert_eq!(bob.comment, "maintenance \"window\" é");
    let alice = by("alice");
    assert_eq!(
        (alice.state, alice.id.as_str()),
        (
            SilenceState::Expired,
            "91c57ed9-78e7-46da-8969-a0263f81c2f4"
        )
    );
    assert!(alice.starts_at < alice.ends_at);
    // `Unrelated` is not healthdeck's; PopCTPMonitor is muted by alice's silence.
    assert_eq!(reading.alerts.len(), 1);
    let pop = &reading.alerts[0];
    assert_eq!(
        (pop.server.as_str(), pop.monitor.as_str(), pop.state),
        ("mbx01", "PopCTPMonitor", AlertmanagerState::Suppressed)
    );
    assert_eq!(pop.silenced_by, std::slice::from_ref(&alice.id));
    assert!(!pop.inhibited && reading.warnings.is_empty());
}

#[tokio::test]
async fn a_silence_is_posted_with_exact_matchers_and_its_id_returned() {
    let am = Replay::serve(vec![(
        "POST /api/v2/silences",
        answer("am_silence_created.http"),
    )]);
    let start = at(1_796_497_133.0);
    let id = create_silence(&endpoint(&am.url()), &acknowledgement(start, 60), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(id, "91c57ed9-78e7-46da-8969-a0263f81c2f4");
    let sent = am.requests().concat();
    let json: serde_json::Value =
        serde_json::from_str(&sent[sent.find("\r\n\r\n").unwrap() + 4..]).unwrap();
    assert_eq!(
        json["matchers"][0],
        serde_json::json!({"name": "server", "value": "mbx01", "isRegex": false, "isEqual": true})
    );
    assert_eq!(
        (
            json["matchers"][1]["value"].as_str(),
            json["matchers"][2]["name"].as_str()
        ),
        (Some("PopCTPMonitor"), Some("health_set"))
    );
    assert_eq!(
        (json["startsAt"].as_str(), json["endsAt"].as_str()),
        (
            Some("2026-12-05T18:58:53.000Z"),
            Some("2026-12-05T19:58:53.000Z")
        )
    );
    assert_eq!(json["createdBy"], "alice");
}

#[tokio::test]
async fn alertmanagers_refusals_are_passed_on() {
    for (fixture, said) in [
        (
            "am_silence_bad_400.http",
            "refused: Failed to create silence: start time must be before end time",
        ),
        (
            "am_silence_garbage_400.http",
            "refused: parsing silence body from \"\" failed, because unexpected EOF",
        ),
    ] {
        let am = Replay::serve(vec![("", answer(fixture))]);
        let error = create_silence(&endpoint(&am.url()), &acknowledgement(at(0.0), 60), TIMEOUT)
            .await
            .unwrap_err();
        assert_eq!(error.to_string(), said);
    }
    let am = Replay::serve(vec![
        (
            "DELETE /api/v2/silence/00000000-",
            answer("am_silence_delete_unknown.http"),
        ),
        ("DELETE", answer("am_silence_deleted.http")),
    ]);
    let url = endpoint(&am.url());
    expire_silence(&url, "91c57ed9-78e7-46da-8969-a0263f81c2f4", TIMEOUT)
        .await
        .unwrap();
    let unknown = expire_silence(&url, "00000000-0000-0000-0000-000000000000", TIMEOUT)
        .await
        .unwrap_err();
    assert_eq!(unknown, SourceError::Api("silence not found".into()));
}

#[tokio::test]
async fn what_cannot_be_a_silence_is_refused_before_asking() {
    // Nothing listens here: a request that went out would be Unreachable, not Invalid.
    let nowhere = endpoint("http://127.0.0.1:9");
    for id in ["../status", "91c57ed9 78e7", ""] {
        let error = expire_silence(&nowhere, id, TIMEOUT).await.unwrap_err();
        assert!(matches!(error, SourceError::Invalid(_)), "{id}: {error:?}");
    }
    let mut blank = acknowledgement(at(0.0), 60);
    blank.server = " ".into();
    let error = create_silence(&nowhere, &blank, TIMEOUT).await.unwrap_err();
    assert_eq!(error.to_string(), "not sent: no server to silence");
}

#[tokio::test]
async fn a_path_prefix_goes_before_the_api() {
    let am = Replay::serve(vec![("", answer("am_silences_empty.http"))]);
    let reading = read_alertmanager(&endpoint(&format!("{}/alertmanager/", am.url())), TIMEOUT)
        .await
        .unwrap();
    assert!(reading.silences.is_empty() && reading.alerts.is_empty());
    let lines: Vec<_> = am
        .requests()
        .iter()
        .map(|r| r.lines().next().unwrap().to_owned())
        .collect();
    assert!(
        lines.contains(&"GET /alertmanager/api/v2/silences HTTP/1.1".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(
            &"GET /alertmanager/api/v2/alerts?active=true&silenced=true&inhibited=true HTTP/1.1"
                .to_owned()
        ),
        "{lines:?}"
    );
}
