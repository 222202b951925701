//! The record as a Markdown timeline for the postmortem: who ran the console where, what
//! happened in order, then each step's output. Deterministic: the same record gives the same
//! text, with no time but the record's own.

use super::read::{Line, Lines};
use super::text::{block_fence, plain, time, visible};
use super::timeline::{RunNames, item, run_names};
use crate::incident::{Entry, Record};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write;
use std::path::Path;

/// Output lines shown from the start and from the end of each run; the record keeps all.
const HEAD: usize = 100;
const TAIL: usize = 100;

/// Reads the record at `path` and renders it.
pub fn markdown(path: &Path) -> Result<String, String> {
    let (lines, header) = Lines::with_header(path)?;
    let mut summary = Summary::new(header);
    for line in lines {
        match line? {
            Line::Record(record) => summary.add(*record),
            Line::Torn => summary.torn = true,
        }
    }
    Ok(summary.render(&super::file_name(path)))
}

/// Everything but the output, and of the output only what is shown: memory stays bounded
/// however much a step printed.
struct Summary {
    header: Record,
    timeline: Vec<Record>,
    runs: BTreeMap<u64, RunOutput>,
    last_at: DateTime<Utc>,
    torn: bool,
}

#[derive(Default)]
struct RunOutput {
    head: Vec<(bool, String)>,
    tail: VecDeque<(bool, String)>,
    total: usize,
    stderr: usize,
}

impl Summary {
    fn new(header: Record) -> Summary {
        Summary {
            last_at: header.at,
            header,
            timeline: Vec::new(),
            runs: BTreeMap::new(),
            torn: false,
        }
    }

    fn add(&mut self, record: Record) {
        self.last_at = self.last_at.max(record.at);
        let Entry::Output { run, stream, line } = record.entry else {
            self.timeline.push(record);
            return;
        };
        let output = self.runs.entry(run).or_default();
        let stderr = stream == "stderr";
        output.total += 1;
        output.stderr += usize::from(stderr);
        if output.head.len() < HEAD {
            output.head.push((stderr, line));
        } else {
            if output.tail.len() == TAIL {
                output.tail.pop_front();
            }
            output.tail.push_back((stderr, line));
        }
    }

    fn render(&self, name: &str) -> String {
        let mut out = format!("# Incident record {}\n\n", plain(name));
        self.session_table(&mut out);
        let with_date = self.header.at.date_naive() != self.last_at.date_naive();
        out.push_str("\n## Timeline\n\n");
        if with_date {
            out.push_str("Times are UTC.\n\n");
        } else {
            let _ = writeln!(
                out,
                "Times are UTC, on {}.\n",
                self.header.at.format("%Y-%m-%d")
            );
        }
        let names = run_names(&self.timeline);
        let outputs = |run| self.output_count(run);
        for record in &self.timeline {
            let item = item(&record.entry, &names, &outputs);
            let _ = writeln!(out, "- {} {item}", time(&record.at, with_date));
        }
        if self.torn {
            out.push_str(
                "\n> Note: the last line was cut off (the console was killed); it is left out.\n",
            );
        }
        self.output_sections(&mut out, &names);
        out
    }

    fn session_table(&self, out: &mut String) {
        let Entry::Session {
            schema,
            version,
            user,
            host,
            pid,
            ssh_connection,
            mode,
            dry_run,
            read_only,
            language,
        } = &self.header.entry
        else {
            return;
        };
        let yes_no = |flag: bool| if flag { "yes" } else { "no" };
        let ended = self.timeline.iter().rev().find_map(|r| match &r.entry {
            Entry::SessionEnded { reason, .. } => {
                Some(format!("{} ({})", time(&r.at, true), plain(reason)))
            }
            _ => None,
        });
        let rows = [
            ("Engineer", plain(user)),
            ("Host", format!("{} (pid {pid})", plain(host))),
            (
                "SSH connection",
                ssh_connection
                    .as_deref()
                    .map_or_else(|| "none (a local terminal)".to_owned(), plain),
            ),
            ("Mode", plain(mode)),
            ("Dry run", yes_no(*dry_run).to_owned()),
            ("Read-only", yes_no(*read_only).to_owned()),
            ("Language", plain(language)),
            (
                "Recorded by",
                format!("healthdeck {}, {}", plain(version), plain(schema)),
            ),
            ("Started", time(&self.header.at, true)),
            (
                "Ended",
                ended.unwrap_or_else(|| {
                    "not recorded: the console was killed, or is still running".to_owned()
                }),
            ),
        ];
        out.push_str("| Session | |\n|---|---|\n");
        for (field, value) in rows {
            let _ = writeln!(out, "| {field} | {value} |");
        }
    }

    fn output_count(&self, run: u64) -> String {
        match self.runs.get(&run) {
            None => "no output".to_owned(),
            Some(o) if o.stderr == 0 => plural(o.total, "output line"),
            Some(o) => format!(
                "{} ({} on stderr)",
                plural(o.total, "output line"),
                o.stderr
            ),
        }
    }

    fn output_sections(&self, out: &mut String, names: &RunNames) {
        if self.runs.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "\n## Step output\n\n`!` marks a line on stderr. Long output shows its first {HEAD} \
             and last {TAIL} lines; the record keeps them all."
        );
        for (run, output) in &self.runs {
            let heading = names.get(run).map_or_else(
                || format!("#{run} (its start is not recorded)"),
                |n| format!("#{run} {} @{}", plain(&n.step), plain(&n.server)),
            );
            let shown: Vec<String> = output
                .head
                .iter()
                .chain(&output.tail)
                .map(|(stderr, line)| {
                    format!(
                        "{}{}",
                        if *stderr { "! " } else { "  " },
                        visible(line, true)
                    )
                })
                .collect();
            let fence = block_fence(shown.iter().map(String::as_str));
            let _ = writeln!(out, "\n### {heading}\n\n{fence}");
            for (index, line) in shown.iter().enumerate() {
                if index == HEAD && output.total > HEAD + TAIL {
                    let _ = writeln!(
                        out,
                        "… {} more lines in the record",
                        output.total - HEAD - TAIL
                    );
                }
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "{fence}");
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
