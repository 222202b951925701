//! The incident record: one JSONL file per console session (DESIGN "Contracts"), and its
//! export as a timeline for the postmortem.

pub mod entry;

pub use entry::{Entry, Record, SCHEMA};
