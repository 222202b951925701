//! The record as a Markdown timeline for the postmortem: who ran the console where, what
//! happened in order, then each step's output. Deterministic: the same record gives the same
//! text, with no time but the record's own.

use super::owed::LeftUndone;
use super::read::{Line, Lines};
use super::text::{Clocks, block_fence, duration, plain, visible};
use super::timeline::{RunNames, item, run_names};
use crate::i18n::Tr;
use crate::incident::{Entry, Record};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fmt::Write;
use std::path::Path;

/// Output lines shown from the start and from the end of each run; the record keeps all.
const HEAD: usize = 100;
const TAIL: usize = 100;

/// Reads the record at `path` and renders it in the language of `tr`.
pub fn markdown(path: &Path, tr: Tr) -> Result<String, String> {
    render(path, Lines::with_header(path)?, tr)
}

/// [`markdown`] of the record's first `len` bytes (`:export` while the console appends).
pub fn markdown_upto(path: &Path, len: u64, tr: Tr) -> Result<String, String> {
    render(path, Lines::open_upto(path, len)?.header()?, tr)
}

fn render(path: &Path, (lines, header): (Lines, Record), tr: Tr) -> Result<String, String> {
    let mut summary = Summary::new(header, tr);
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
pub(super) struct Summary {
    header: Record,
    timeline: Vec<Record>,
    runs: BTreeMap<u64, RunOutput>,
    last_at: DateTime<Utc>,
    last_fleet_at: Option<DateTime<Utc>>,
    pub(super) torn: bool,
    undone: LeftUndone,
    /// A part of the record (a handover): only the output of runs started in it is kept.
    started: Option<HashSet<u64>>,
    /// The language it is written in; the record's own words stay as recorded.
    pub(super) tr: Tr,
}

#[derive(Default)]
struct RunOutput {
    head: Vec<(bool, String)>,
    tail: VecDeque<(bool, String)>,
    total: usize,
    stderr: usize,
}

impl Summary {
    pub(super) fn new(header: Record, tr: Tr) -> Summary {
        Summary {
            last_at: header.at,
            last_fleet_at: header.fleet_at,
            header,
            timeline: Vec::new(),
            runs: BTreeMap::new(),
            torn: false,
            undone: LeftUndone::default(),
            started: None,
            tr,
        }
    }

    /// A summary of the record's part from here on, for a handover.
    pub(super) fn part(header: Record, tr: Tr) -> Summary {
        Summary {
            started: Some(HashSet::new()),
            ..Summary::new(header, tr)
        }
    }

    pub(super) fn add(&mut self, record: Record) {
        self.last_at = self.last_at.max(record.at);
        self.last_fleet_at = self.last_fleet_at.max(record.fleet_at);
        self.undone.add(&record);
        let Entry::Output { run, stream, line } = record.entry else {
            if !super::pace::worth_a_line(&record.entry) {
                return;
            }
            if let (Some(started), Entry::StepStarted { run, .. }) =
                (&mut self.started, &record.entry)
            {
                started.insert(*run);
            }
            self.timeline.push(record);
            return;
        };
        if self.started.as_ref().is_some_and(|s| !s.contains(&run)) {
            return;
        }
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
        let title = self.tr.fmt("export-title", &[("name", plain(name).into())]);
        let mut out = format!("# {title}\n\n");
        self.body(&mut out);
        out
    }

    /// How this record's times read.
    pub(super) fn clocks(&self) -> Clocks {
        let day = |at: Option<&DateTime<Utc>>| at.map(DateTime::date_naive);
        Clocks {
            training: self.header.fleet_at.is_some(),
            with_date: self.header.at.date_naive() != self.last_at.date_naive(),
            fleet_with_date: day(self.header.fleet_at.as_ref()) != day(self.last_fleet_at.as_ref()),
            tr: self.tr,
        }
    }

    /// The session, the timeline, what was left undone, the output.
    pub(super) fn body(&self, out: &mut String) {
        let clocks = self.clocks();
        self.session_table(out);
        let tr = self.tr;
        let _ = write!(out, "\n## {}\n\n", tr.text("export-timeline"));
        let day = self.header.at.format("%Y-%m-%d").to_string();
        let times = match (clocks.with_date, clocks.training) {
            (true, false) => tr.text("export-times").to_owned(),
            (true, true) => tr.text("export-times-training").to_owned(),
            (false, false) => tr.fmt("export-times-on", &[("day", day.into())]),
            (false, true) => tr.fmt("export-times-on-training", &[("day", day.into())]),
        };
        let _ = write!(out, "{times}\n\n");
        let names = run_names(&self.timeline);
        let outputs = |run| self.output_count(run);
        for record in &self.timeline {
            let item = item(&record.entry, &names, &outputs, clocks);
            let at = clocks.at(&record.at, record.fleet_at.as_ref());
            let _ = writeln!(out, "- {at} {item}");
        }
        if self.torn {
            let _ = writeln!(out, "\n> {}", tr.text("export-torn"));
        }
        self.undone.section(out, clocks);
        self.drill_section(out);
        self.output_sections(out, &names);
    }

    /// A drill's debrief, worked out again from the record (ARCHITECTURE "Drills").
    fn drill_section(&self, out: &mut String) {
        use crate::training::drill::{DrillFacts, report, score};
        let Some((start, facts)) = self
            .timeline
            .iter()
            .enumerate()
            .find_map(|(i, r)| Some((i, DrillFacts::from_entry(&r.entry)?)))
        else {
            return;
        };
        // The drill is what came before its end: a session goes on after it.
        let drill = &self.timeline[start..];
        let end = drill
            .iter()
            .position(|r| matches!(r.entry, crate::incident::Entry::DrillEnded { .. }));
        let mut debrief = score(&facts, &drill[..end.map_or(drill.len(), |i| i + 1)]);
        // What the trainee was shown, when the console lived to show it.
        if let Some(ended) = end.map(|i| &drill[i]) {
            debrief.as_shown(&ended.entry);
        }
        let scenario = match &drill[0].entry {
            crate::incident::Entry::DrillStarted { scenario, .. } => scenario.as_str(),
            _ => "",
        };
        out.push('\n');
        out.push_str(&report::markdown(self.tr, &debrief, &facts, scenario));
    }

    /// The last `Escalated` entry of `procedure` on `server` in this part.
    pub(super) fn escalation(&self, of_procedure: &str, on_server: &str) -> Option<&Record> {
        self.timeline.iter().rev().find(|r| {
            matches!(&r.entry, Entry::Escalated { procedure, server, .. }
                if procedure == of_procedure && server == on_server)
        })
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
        let tr = self.tr;
        let yes_no = |flag: bool| {
            tr.text(if flag { "export-yes" } else { "export-no" })
                .to_owned()
        };
        let dated = Clocks {
            with_date: true,
            fleet_with_date: true,
            ..self.clocks()
        };
        let ended = self.timeline.iter().rev().find_map(|r| match &r.entry {
            Entry::SessionEnded { reason, .. } => Some((r, reason)),
            _ => None,
        });
        let not_ended = tr.text(if self.started.is_some() {
            "export-not-ended-yet"
        } else {
            "export-not-ended"
        });
        let host = tr.fmt(
            "export-host-pid",
            &[
                ("host", plain(host).into()),
                ("pid", pid.to_string().into()),
            ],
        );
        let ssh = ssh_connection
            .as_deref()
            .map_or_else(|| tr.text("export-ssh-none").to_owned(), plain);
        let ended_at = |(r, reason): (&Record, &String)| {
            tr.fmt(
                "export-ended-at",
                &[
                    ("reason", super::timeline::recorded_word(tr, reason).into()),
                    ("at", dated.at(&r.at, r.fleet_at.as_ref()).into()),
                ],
            )
        };
        let mut rows = vec![
            ("export-engineer", plain(user)),
            ("export-host", host),
            ("export-ssh", ssh),
            ("export-mode", plain(mode)),
            ("export-dry-run", yes_no(*dry_run)),
            ("export-read-only", yes_no(*read_only)),
            ("export-language", plain(language)),
            (
                "export-recorded-by",
                format!("healthdeck {}, {}", plain(version), plain(schema)),
            ),
            (
                "export-started",
                dated.at(&self.header.at, self.header.fleet_at.as_ref()),
            ),
            (
                "export-ended",
                ended.map_or_else(|| not_ended.to_owned(), ended_at),
            ),
        ];
        if let Some((end, _)) = ended {
            rows.push(("export-duration", self.duration(end)));
        }
        let _ = write!(out, "| {} | |\n|---|---|\n", tr.text("export-session"));
        for (field, value) in rows {
            let _ = writeln!(out, "| {} | {value} |", tr.text(field));
        }
    }

    /// Wall time from the header to `end`; in training the fleet clock's span beside it.
    fn duration(&self, end: &Record) -> String {
        let span = |from: DateTime<Utc>, to: DateTime<Utc>| {
            duration(
                self.tr,
                (to - from).num_milliseconds().max(0).unsigned_abs(),
            )
        };
        let wall = span(self.header.at, end.at);
        match (self.header.fleet_at, end.fleet_at) {
            (Some(from), Some(to)) => self.tr.fmt(
                "export-duration-fleet",
                &[("wall", wall.into()), ("fleet", span(from, to).into())],
            ),
            _ => wall,
        }
    }

    fn output_count(&self, run: u64) -> String {
        let tr = self.tr;
        match self.runs.get(&run) {
            None => tr.text("export-no-output").to_owned(),
            Some(o) if o.stderr == 0 => tr.fmt("export-output-lines", &[("count", o.total.into())]),
            Some(o) => tr.fmt(
                "export-output-lines-stderr",
                &[("count", o.total.into()), ("stderr", o.stderr.into())],
            ),
        }
    }

    fn output_sections(&self, out: &mut String, names: &RunNames) {
        if self.runs.is_empty() {
            return;
        }
        let tr = self.tr;
        let about = tr.fmt(
            "export-step-output-about",
            &[("head", HEAD.into()), ("tail", TAIL.into())],
        );
        let _ = writeln!(out, "\n## {}\n\n{about}", tr.text("export-step-output"));
        for (run, output) in &self.runs {
            let heading = names.get(run).map_or_else(
                || tr.fmt("export-run-not-started", &[("run", (*run).into())]),
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
                    let more = output.total - HEAD - TAIL;
                    let _ = writeln!(
                        out,
                        "{}",
                        tr.fmt("export-more-lines", &[("count", more.into())])
                    );
                }
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "{fence}");
        }
    }
}
