//! `cargo bench --bench languages`: what the catalogs cost. Building one language's catalog
//! (parse, then format every message without placeholders once) is what its first lookup
//! pays, on the UI thread's first frame; a console builds its language and English only.
//! Then a word (`Tr::text`, every frame) and a sentence with five placeholders (`Tr::fmt`).
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;

use figures::duration;
use healthdeck::i18n::{Arg, LANGUAGES, Tr, build_again, message_ids};
use std::hint::black_box;
use std::time::{Duration, Instant};

const ROUNDS: usize = 15;
const LOOKUPS: usize = 200_000;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn timed(rounds: usize, mut work: impl FnMut()) -> Duration {
    median(
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    println!("{:<44} {:>12}", "benchmark (median of rounds)", "time");
    let mut all = Duration::ZERO;
    for language in LANGUAGES {
        let messages = message_ids(language).len();
        let took = timed(ROUNDS, || {
            black_box(build_again(language));
        });
        all += took;
        println!(
            "{:<44} {:>12}",
            format!("build the {language} catalog ({messages} messages)"),
            duration(took)
        );
    }
    let en = timed(ROUNDS, || {
        black_box(build_again("en"));
    });
    let ja = timed(ROUNDS, || {
        black_box(build_again("ja"));
    });
    println!(
        "{:<44} {:>12}",
        "first lookup in ja (ja + en)",
        duration(en + ja)
    );
    println!(
        "{:<44} {:>12}",
        "all five (before: built together)",
        duration(all)
    );
    let ids: Vec<&'static str> = message_ids("ja")
        .into_iter()
        .map(|id| &*Box::leak(id.into_boxed_str()))
        .collect();
    let tr = Tr::of("ja");
    black_box(tr.text("grid-server"));
    let per_word = timed(ROUNDS, || {
        for i in 0..LOOKUPS {
            black_box(tr.text(ids[i % ids.len()]));
        }
    }) / u32::try_from(LOOKUPS).unwrap();
    println!(
        "{:<44} {:>12}",
        "Tr::text, one word (ja)",
        duration(per_word)
    );
    let args: [(&str, Arg<'_>); 5] = [
        ("run", "Step #3 `imap-ctp/failover` on EX01".into()),
        ("exit", "成功".into()),
        ("code", " (終了コード 0)".into()),
        ("duration", "41.8 s".into()),
        ("outputs", "出力 3 行".into()),
    ];
    let per_sentence = timed(ROUNDS, || {
        for _ in 0..LOOKUPS / 10 {
            black_box(tr.fmt("export-step-ended", &args));
        }
    }) / u32::try_from(LOOKUPS / 10).unwrap();
    println!(
        "{:<44} {:>12}",
        "Tr::fmt, five placeholders (ja)",
        duration(per_sentence)
    );
}
