//! The incident record: one JSONL file per console session (ARCHITECTURE "Incident record"), and its
//! export as a timeline for the postmortem.

pub mod entry;
pub mod export;
pub mod header;
mod read_back;
pub mod unwatched;
pub mod writer;

pub use entry::{Entry, Record, SCHEMA};
pub use export::run;
pub use header::session_header;
pub use read_back::{read_back, servers_named};
pub use writer::{Recorder, latest};
