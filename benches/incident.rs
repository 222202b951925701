//! `cargo bench --bench incident`: how many output lines a second `Recorder::output` writes
//! to the record file (1,000,000 short lines in batches of 512, then `flush`), as the median
//! of a few rounds. The product goal for ingest (panel + record) is 500,000 lines a second.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

use chrono::{TimeDelta, TimeZone, Utc};
use healthdeck::incident::{Recorder, session_header};
use healthdeck::job::{OutputLine, RunId, Stream};
use std::time::Instant;

const LINES: usize = 1_000_000;
const BATCH: usize = 512;
const ROUNDS: usize = 7;

fn main() {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    // Made before timing: the runner hands the recorder lines it already has.
    let batches: Vec<Vec<OutputLine>> = (0..LINES)
        .collect::<Vec<_>>()
        .chunks(BATCH)
        .map(|chunk| {
            chunk
                .iter()
                .map(|&i| OutputLine {
                    // About a thousand lines a second of fleet time, as a flood would come.
                    at: t0 + TimeDelta::milliseconds(i as i64),
                    stream: if i % 10 == 0 {
                        Stream::Stderr
                    } else {
                        Stream::Stdout
                    },
                    text: format!("Moving mailbox {i} to \"DB02\"... done"),
                })
                .collect()
        })
        .collect();
    let header = session_header("bench".into(), false, false, "en");
    let mut rates = Vec::new();
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let mut recorder = Recorder::create(dir.path(), &header, t0).unwrap();
        let start = Instant::now();
        for batch in &batches {
            recorder.output(RunId(1), batch).unwrap();
            recorder.flush_if_due(Instant::now()).unwrap();
        }
        recorder.flush().unwrap();
        let seconds = start.elapsed().as_secs_f64();
        let bytes = std::fs::metadata(recorder.path()).unwrap().len();
        rates.push(LINES as f64 / seconds);
        println!(
            "round {round}: {LINES} lines, {:.1} MB in {:.0} ms",
            bytes as f64 / 1e6,
            seconds * 1e3
        );
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "Recorder::output: median {:.0} lines/s (min {:.0}, max {:.0})",
        rates[ROUNDS / 2],
        rates[0],
        rates[ROUNDS - 1]
    );
}
