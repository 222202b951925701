//! The scanner and serde read every answer alike: captured answers of Prometheus 2.42 and
//! generated ones (escapes, control characters, odd numbers, duplicates, whitespace, cut-off
//! and damaged bodies). Where the scanner declines, serde decides; where it reads, the rows,
//! warnings and errors must be serde's.

#![allow(clippy::unwrap_used)]

use super::super::notes::Notes;
use super::super::series::read_answers_with;
use super::super::vector_scan::scan;
use super::{Reader, read_vector};
use proptest::prelude::*;

/// What a read gave, comparable: per row server, probe, kind, the time's bits and the value.
type Seen = (Result<(String, Vec<SeenRow>), String>, Vec<String>);
type SeenRow = (Option<String>, Option<String>, Option<String>, u64, String);

fn seen(body: &[u8], reader: Reader) -> Seen {
    let mut notes = Notes::default();
    let rows = read_vector(200, "OK", body, reader, &mut notes)
        .map(|vector| {
            let text = |t: &Option<super::Text<'_>>| t.as_ref().map(|t| t.as_str().to_owned());
            let rows = vector.result.iter().map(|row| {
                let m = &row.metric;
                let (time, value) = row.value;
                let labels = (text(&m.server), text(&m.probe), text(&m.kind));
                (labels.0, labels.1, labels.2, time.to_bits(), value.into())
            });
            (vector.result_type.to_owned(), rows.collect())
        })
        .map_err(|e| e.to_string());
    (rows, notes.into_warnings())
}

/// The body of a captured answer, de-chunked when it was sent in chunks.
fn fixture_body(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/prometheus/api/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let answer = std::fs::read(&path).unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("{name}: no head"));
    let (head, mut rest) = (&answer[..split], &answer[split + 4..]);
    if !String::from_utf8_lossy(head).contains("chunked") {
        return rest.to_vec();
    }
    let mut body = Vec::new();
    loop {
        let end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..end]).unwrap(), 16).unwrap();
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&rest[end + 2..end + 2 + size]);
        rest = &rest[end + 2 + size + 2..];
    }
}

fn captured() -> Vec<(String, Vec<u8>)> {
    let dir = format!(
        "{}/tests/fixtures/prometheus/api",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            std::path::Path::new(name)
                .extension()
                .is_some_and(|e| e == "http")
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let body = fixture_body(&name);
            (name, body)
        })
        .collect()
}

#[test]
fn every_captured_answer_reads_alike_both_ways() {
    let answers = captured();
    assert!(answers.len() >= 15, "fixtures missing: {}", answers.len());
    for (name, body) in &answers {
        assert_eq!(
            seen(body, Reader::ScanFirst),
            seen(body, Reader::SerdeOnly),
            "{name}"
        );
    }
}

#[test]
fn the_scanner_reads_the_vectors_prometheus_wrote() {
    for name in [
        "success.http",
        "success_chunked.http",
        "duration.http",
        "duration_80.http",
        "error_info.http",
        "error_info_80.http",
        "empty.http",
        "warnings.http",
    ] {
        assert!(scan(&fixture_body(name)).is_some(), "{name} declined");
    }
}

#[test]
fn captured_probe_answers_make_the_same_reading_both_ways() {
    let [times, durations, failures] =
        ["success.http", "duration.http", "error_info.http"].map(fixture_body);
    let answers = [&times[..], &durations[..], &failures[..]];
    let fast = read_answers_with(answers, Reader::ScanFirst).unwrap();
    assert_eq!(fast, read_answers_with(answers, Reader::SerdeOnly).unwrap());
    assert!(!fast.probes.is_empty());
}

/// A JSON string with every escape a writer may use, or raw: quotes, backslashes, control
/// characters, non-ASCII and `\u` forms.
fn label_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9.-]{0,12}",
        "[a-z\"\\\\\n\t\u{1}/é中\u{1F600}]{0,8}",
        Just("server".to_owned()),
        Just("probe".to_owned()),
        Just("kind".to_owned()),
    ]
}

fn json_string(text: &str, raw: bool) -> String {
    if raw {
        // Unescaped: a quote or backslash breaks it, a control character is invalid JSON.
        format!("\"{text}\"")
    } else {
        serde_json::to_string(text).unwrap()
    }
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1796497122.838".to_owned()),
        (0u64..2_000_000_000, 0u32..1000).prop_map(|(s, ms)| format!("{s}.{ms:03}")),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        "[-+0-9.eE]{1,12}",
        Just("1e400".to_owned()),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1".to_owned()),
        Just("NaN".to_owned()),
        Just("+Inf".to_owned()),
        Just("-1796497122.682".to_owned()),
        label_text(),
    ]
}

type RowParts = (Vec<(String, String, bool)>, String, String, bool);

fn row((labels, time, value, raw_value): &RowParts) -> String {
    let labels: Vec<String> = labels
        .iter()
        .map(|(name, text, raw)| {
            format!("{}:{}", json_string(name, false), json_string(text, *raw))
        })
        .collect();
    format!(
        r#"{{"metric":{{{}}},"value":[{time},{}]}}"#,
        labels.join(","),
        json_string(value, *raw_value)
    )
}

fn answer() -> impl Strategy<Value = Vec<u8>> {
    let label = (label_text(), label_text(), prop::bool::weighted(0.1));
    let parts = (
        prop::collection::vec(label, 0..5),
        number(),
        value(),
        prop::bool::weighted(0.1),
    );
    let warnings = prop::option::weighted(0.2, prop::collection::vec(label_text(), 0..3));
    (prop::collection::vec(parts, 0..6), warnings).prop_map(|(rows, warnings)| {
        let rows: Vec<String> = rows.iter().map(row).collect();
        let tail = warnings.map_or(String::new(), |w| {
            format!(r#","warnings":{}"#, serde_json::to_string(&w).unwrap())
        });
        format!(
            r#"{{"status":"success","data":{{"resultType":"vector","result":[{}]}}{tail}}}"#,
            rows.join(",")
        )
        .into_bytes()
    })
}

/// An answer as written, cut short, or with one byte changed.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let bytes = prop::sample::select(vec![
        b' ', b'\\', b'"', b',', b'}', b']', b'{', 1, 0xff, b'x',
    ]);
    (answer(), 0u8..4, any::<prop::sample::Index>(), bytes).prop_map(|(mut body, how, at, b)| {
        if !body.is_empty() {
            let i = at.index(body.len());
            match how {
                0 => body.truncate(i),
                1 => body[i] = b,
                2 => body.insert(i, b),
                _ => {}
            }
        }
        body
    })
}

proptest! {
    #[test]
    fn generated_answers_read_alike_both_ways(body in damaged()) {
        prop_assert_eq!(seen(&body, Reader::ScanFirst), seen(&body, Reader::SerdeOnly));
    }

    #[test]
    fn answers_without_escapes_are_read_by_the_scanner(
        rows in prop::collection::vec(("[a-z0-9-]{1,10}", "[A-Za-z]{1,20}", "[0-9.]{1,8}"), 0..20)
    ) {
        let rows: Vec<String> = rows
            .iter()
            .map(|(server, probe, value)| row(&(
                vec![("probe".into(), probe.clone(), false), ("server".into(), server.clone(), false)],
                "1796497122.838".into(),
                value.clone(),
                false,
            )))
            .collect();
        let body = format!(
            r#"{{"status":"success","data":{{"resultType":"vector","result":[{}]}}}}"#,
            rows.join(",")
        );
        prop_assert!(scan(body.as_bytes()).is_some());
    }
}
