//! A record read back whole for replay and for making a drill of it: its lines up to the
//! first that is not a record line (torn by a kill, cut by a copy, or written by a later
//! version), and where reading stopped and why.

use super::Record;

/// The records before the first unreadable line, and that line's number (from 1) and why.
pub fn read_back(text: &str) -> (Vec<Record>, Option<(usize, String)>) {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(e) => return (records, Some((i + 1, e.to_string()))),
        }
    }
    (records, None)
}
