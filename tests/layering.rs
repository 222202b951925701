//! The directions, true by structure (ARCHITECTURE "Directions"): the pure parts — the state
//! transition, the views, the domain, the runbook engine, and what they share with the
//! runtime (commands, probe plans, what locks and budgets say) — import nothing from the
//! parts that do I/O (`exec`, `runtime`, `app`, `launch`, `terminal`), and call no I/O
//! themselves. Unit tests (`#[cfg(test)]`, last in a file) may.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// The pure parts, relative to the crate root.
const PURE: &[&str] = &[
    "src/update",
    "src/ui",
    "src/health",
    "src/runbook",
    "src/command",
    "src/probe_plan",
    "src/guardrails.rs",
    "src/i18n",
];

/// Modules that do I/O.
const IMPURE_MODULES: &[&str] = &["exec", "runtime", "app", "launch", "terminal"];

/// Paths whose use is I/O.
const IO_PATHS: &[&str] = &[
    "tokio::",
    "nix::",
    "std::fs",
    "std::process",
    "std::net::Tcp",
    "std::io::stdout",
    "std::io::stdin",
    "crossterm::terminal",
    "crossterm::execute",
];

/// The code of a file, without comments and without its unit tests.
fn code(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .enumerate()
        .map(|(i, line)| {
            let code = line.split_once("//").map_or(line, |(code, _)| code);
            (i + 1, code.to_owned())
        })
        .collect()
}

/// What `text` reaches that a pure module may not: (line, what), in order.
fn crossings(text: &str) -> Vec<(usize, String)> {
    let lines = code(text);
    let mut found = Vec::new();
    for (line, code) in &lines {
        for module in IMPURE_MODULES {
            let direct = format!("crate::{module}");
            let mut rest = code.as_str();
            while let Some(at) = rest.find(&direct) {
                let after = &rest[at + direct.len()..];
                if after.starts_with("::") || after.starts_with(';') || after.starts_with(' ') {
                    found.push((*line, direct.clone()));
                }
                rest = after;
            }
            if code.contains(&format!("super::{module}::")) {
                found.push((*line, format!("super::{module}")));
            }
        }
        for path in IO_PATHS {
            if code.contains(path) {
                found.push((*line, (*path).to_owned()));
            }
        }
    }
    // Grouped imports: `use crate::{health, runtime::x};`, over several lines.
    let joined = lines.iter().fold(String::new(), |mut all, (_, c)| {
        all.push_str(c);
        all.push('\n');
        all
    });
    let mut rest = joined.as_str();
    while let Some(at) = rest.find("crate::{") {
        let line = joined[..joined.len() - rest.len() + at]
            .lines()
            .count()
            .max(1);
        let group = &rest[at + "crate::{".len()..];
        let end = group.find("};").unwrap_or(group.len());
        for item in group[..end].split(',') {
            let item = item.trim().trim_start_matches('{');
            for module in IMPURE_MODULES {
                if item == *module || item.starts_with(&format!("{module}::")) {
                    found.push((line, format!("crate::{{{module}…}}")));
                }
            }
        }
        rest = &group[end..];
    }
    found
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
        return;
    }
    for entry in std::fs::read_dir(path).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            rust_files(&path, out);
        }
    }
}

#[test]
fn pure_modules_import_nothing_that_does_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in PURE {
        rust_files(&root.join(part), &mut files);
    }
    assert!(files.len() > 40, "the pure parts were found: {files:?}");
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, what) in crossings(&text) {
            let shown = file.strip_prefix(root).unwrap().display();
            wrong.push(format!("{shown}:{line}: {what}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "pure modules reach I/O:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_each_kind_of_crossing() {
    assert_eq!(
        crossings("use crate::exec::guardrails::Holder;"),
        [(1, "crate::exec".to_owned())]
    );
    assert_eq!(
        crossings("use crate::{\n    health::Monitor,\n    runtime::prober::Target,\n};"),
        [(1, "crate::{runtime…}".to_owned())]
    );
    assert_eq!(
        crossings("fn f() {\n    let _ = std::fs::read(\"x\");\n}"),
        [(2, "std::fs".to_owned())]
    );
    assert_eq!(
        crossings("async fn f() { tokio::task::yield_now().await }"),
        [(1, "tokio::".to_owned())]
    );
    // Words in comments, similar names and unit tests are not crossings.
    let innocent = "// see crate::runtime::steps\nuse crate::runtime_free::X;\nuse crate::health;\n\
                    #[cfg(test)]\nmod tests { use crate::exec::guardrails; }";
    assert_eq!(crossings(innocent), []);
}
