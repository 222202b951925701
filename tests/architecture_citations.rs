//! The repository explains itself: every comment that cites `docs/ARCHITECTURE.md` names one
//! of its headings, and none cites the design document that lives outside the repository.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "sh") {
            out.push(path);
        }
    }
}

#[test]
fn every_citation_names_a_heading_of_the_architecture_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let document = fs::read_to_string(root.join("docs/ARCHITECTURE.md")).unwrap();
    let headings: Vec<&str> = document
        .lines()
        .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
        .collect();
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "scripts"] {
        sources(&root.join(dir), &mut files);
    }
    let outside = ["DES", "IGN"].concat();
    let (mut cited, mut wrong) = (0, Vec::new());
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(root).unwrap().display();
        for (n, line) in text.lines().enumerate() {
            if line.contains(&outside) {
                wrong.push(format!(
                    "{shown}:{}: cites a document outside the repository",
                    n + 1
                ));
            }
            for citation in line.split("ARCHITECTURE \"").skip(1) {
                let name = citation.split('"').next().unwrap_or_default();
                cited += 1;
                if !headings.contains(&name) {
                    wrong.push(format!("{shown}:{}: no heading \"{name}\"", n + 1));
                }
            }
        }
    }
    assert!(cited > 50, "the scan found the citations ({cited})");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
