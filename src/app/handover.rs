//! An escalation's handover summary: the record flushed on the loop (so the summary holds
//! the escalation), the file rendered and written off it, its path sent back as
//! `Event::HandoverWritten`.

use crate::event::Event;
use crate::incident::export::Escalation;
use crate::incident::writer::{Recorder, write_handover};
use std::path::PathBuf;
use tokio::sync::mpsc;

/// What to hand over: which runbook, on which server, and what is owed on the fleet.
pub struct Handover {
    pub procedure: String,
    pub server: String,
    pub owed: Vec<String>,
    /// The console's language, the summary's.
    pub language: &'static str,
}

/// Flushes the record and starts writing the summary; the loop goes on at once.
pub fn start(recorder: &mut Recorder, tx: mpsc::Sender<Event>, handover: Handover) {
    let flushed = recorder.flush();
    let record = recorder.path().to_owned();
    let written = recorder.written();
    tokio::spawn(async move {
        let event = match flushed {
            Ok(()) => write(record, written, handover).await,
            Err(e) => Event::HandoverWritten {
                procedure: handover.procedure,
                server: handover.server,
                path: Err(format!("the incident record cannot be written: {e}")),
            },
        };
        if tx.send(event).await.is_err() {
            tracing::warn!("the handover summary is written, but the console has closed");
        }
    });
}

/// Renders and writes the summary on a blocking thread; the event that says how it went.
pub async fn write(record: PathBuf, written: u64, handover: Handover) -> Event {
    let Handover {
        procedure,
        server,
        owed,
        language,
    } = handover;
    let (of_procedure, of_server) = (procedure.clone(), server.clone());
    let path = tokio::task::spawn_blocking(move || {
        let of = Escalation {
            procedure: &of_procedure,
            server: &of_server,
            owed: &owed,
            language,
        };
        write_handover(&record, written, of)
    })
    .await
    .unwrap_or_else(|e| Err(format!("the handover writer failed: {e}")))
    .map(|path| path.display().to_string());
    if let Err(why) = &path {
        tracing::error!(%why, procedure, server, "handover summary not written");
    }
    Event::HandoverWritten {
        procedure,
        server,
        path,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::incident::Entry;
    use crate::incident::header::session_header;
    use chrono::{TimeZone, Utc};
    use std::os::unix::fs::PermissionsExt;

    #[tokio::test]
    async fn the_summary_is_written_next_to_the_record_and_its_path_sent_back() {
        let dir = tempfile::tempdir().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 3, 12, 0).unwrap();
        let header = session_header("PRODUCTION fleet.yaml".into(), false, false, "en");
        let mut recorder = Recorder::create(dir.path(), &header, at).unwrap();
        let opened = Entry::RunbookOpened {
            procedure: "imap-ctp".into(),
            title: "ImapCTPMonitor recovery".into(),
            monitor: "ImapCTPMonitor".into(),
            server: "cas-01".into(),
        };
        recorder.record(at, &opened).unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let handover = Handover {
            procedure: "imap-ctp".into(),
            server: "cas-01".into(),
            owed: vec!["Re-enable database activation on mbx-02".into()],
            language: "en",
        };
        start(&mut recorder, tx, handover);
        let Some(Event::HandoverWritten {
            procedure,
            server,
            path,
        }) = rx.recv().await
        else {
            panic!("no handover event");
        };
        assert_eq!(
            (procedure.as_str(), server.as_str()),
            ("imap-ctp", "cas-01")
        );
        let path = PathBuf::from(path.unwrap());
        assert_eq!(path.parent(), Some(dir.path()));
        let stem = recorder.path().file_stem().unwrap().to_string_lossy();
        assert_eq!(
            path.file_name().unwrap().to_string_lossy(),
            format!("{stem}.handover-imap-ctp-1.md")
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# Handover: `imap-ctp` on cas-01\n"),
            "{text}"
        );
        assert!(
            text.contains("- Re-enable database activation on mbx-02\n"),
            "{text}"
        );
    }
}
