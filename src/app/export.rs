//! `:export`: the record flushed on the loop (so the export holds everything up to the
//! command), the Markdown written beside it off the loop, its path sent back as
//! `Event::Exported`.

use crate::event::Event;
use crate::incident::writer::{Recorder, write_export};
use tokio::sync::mpsc;

/// Flushes the record and starts writing the export; the loop goes on at once.
/// The export is written in the console's `language`.
pub fn start(recorder: &mut Recorder, tx: mpsc::Sender<Event>, language: &'static str) {
    let flushed = recorder.flush();
    let record = recorder.path().to_owned();
    let written = recorder.written();
    tokio::spawn(async move {
        let path = match flushed {
            Ok(()) => tokio::task::spawn_blocking(move || write_export(&record, written, language))
                .await
                .unwrap_or_else(|e| Err(format!("the export writer failed: {e}")))
                .map(|path| path.display().to_string()),
            Err(e) => Err(format!("the incident record cannot be written: {e}")),
        };
        if let Err(why) = &path {
            tracing::error!(%why, "export not written");
        }
        let _ = tx.send(Event::Exported(path)).await;
    });
}
