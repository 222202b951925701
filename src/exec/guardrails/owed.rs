//! The shared ledger of owed compensations (ARCHITECTURE "Owed compensations"): what a step left to
//! undo on a server, kept beside its locks and budgets so that every console on the state
//! directory (and every host, over NFS) sees it until it is paid or written off.
//!
//! `<dir>/owed/<server>.json` holds `{"debts": [Debt, …]}` and is replaced whole: written
//! beside its name, fsynced, renamed into place, the directory fsynced. A change is one
//! read-modify-write under the short lock `<dir>/owed/<server>.json.lock`, so two consoles
//! owing at once never lose each other's debts. The last debt settled removes the file.
//!
//! A file that cannot be read or parsed is never taken as "nothing owed": `read` lists it in
//! `Ledger::unreadable`, and `owe` and `settle` refuse to replace it (its debts would be lost).

use super::short_lock::ShortLock;
use super::{check_server, io_message, state_subdir, sync_dir, temp_beside, write_private};
use crate::runbook::{Debt, Ledger};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const SUBDIR: &str = "owed";
const SUFFIX: &str = ".json";

/// One server's ledger file.
#[derive(Default, Serialize, Deserialize)]
struct ServerDebts {
    debts: Vec<Debt>,
}

/// The ledger file of `server` in the state directory `dir` (it may not exist).
pub fn ledger_file(dir: &Path, server: &str) -> PathBuf {
    dir.join(SUBDIR).join(format!("{server}{SUFFIX}"))
}

/// Adds `debt` to its server's ledger, or replaces the debt with the same id (a debt is
/// first owed uncertain as its step starts, then certain once the step succeeded).
pub fn owe(dir: &Path, debt: &Debt) -> io::Result<()> {
    change(dir, &debt.server, |debts| {
        match debts.iter_mut().find(|d| d.id == debt.id) {
            Some(found) if found == debt => return ((), false),
            Some(found) => found.clone_from(debt),
            None => debts.push(debt.clone()),
        }
        ((), true)
    })
}

/// Removes the debt `id` from `server`'s ledger (paid, or written off); the debt removed,
/// `None` if it was not there (another console settled it first).
pub fn settle(dir: &Path, server: &str, id: &str) -> io::Result<Option<Debt>> {
    change(dir, server, |debts| {
        let removed = debts
            .iter()
            .position(|d| d.id == id)
            .map(|at| debts.remove(at));
        let changed = removed.is_some();
        (removed, changed)
    })
}

/// Every server's debts, servers in name order; files that could not be read are listed in
/// `unreadable` (`path: why`), never left out.
pub fn read(dir: &Path) -> Ledger {
    let owed = dir.join(SUBDIR);
    let mut ledger = Ledger::default();
    let entries = match fs::read_dir(&owed) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return ledger,
        Err(e) => {
            ledger.unreadable.push(io_message(&owed, "list", &e));
            return ledger;
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                // Temporary files start with '.'; short locks end in ".lock".
                if !name.starts_with('.') && name.ends_with(SUFFIX) {
                    files.push(entry.path());
                }
            }
            Err(e) => ledger.unreadable.push(io_message(&owed, "list", &e)),
        }
    }
    files.sort();
    for path in files {
        match read_debts(&path) {
            Ok(debts) => ledger.debts.extend(debts.unwrap_or_default()),
            Err(why) => ledger.unreadable.push(why.to_string()),
        }
    }
    ledger
}

/// One read-modify-write of `server`'s ledger under its short lock; `edit` says whether it
/// changed anything (nothing is written otherwise).
fn change<T>(
    dir: &Path,
    server: &str,
    edit: impl FnOnce(&mut Vec<Debt>) -> (T, bool),
) -> io::Result<T> {
    check_server(server).map_err(|why| io::Error::new(io::ErrorKind::InvalidInput, why))?;
    let owed = state_subdir(dir, SUBDIR).map_err(io::Error::other)?;
    let path = ledger_file(dir, server);
    let short = owed.join(format!("{server}{SUFFIX}.lock"));
    let _changing = ShortLock::take(&short)
        .map_err(|e| io::Error::new(e.kind(), io_message(&short, "lock", &e)))?;
    let mut debts = read_debts(&path)?.unwrap_or_default();
    let (out, changed) = edit(&mut debts);
    if changed {
        write_debts(&path, debts)
            .map_err(|e| io::Error::new(e.kind(), io_message(&path, "write", &e)))?;
    }
    Ok(out)
}

/// The debts in `path`; `None` if there is no file. The error names the path.
fn read_debts(path: &Path) -> io::Result<Option<Vec<Debt>>> {
    let bytes = match super::read_bounded(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io::Error::new(e.kind(), io_message(path, "read", &e))),
    };
    serde_json::from_slice::<ServerDebts>(&bytes)
        .map(|file| Some(file.debts))
        .map_err(|e| {
            let why = format!(
                "{}: cannot parse: {e}; something may be owed there, fix or remove the file",
                path.display()
            );
            io::Error::new(io::ErrorKind::InvalidData, why)
        })
}

/// Replaces `path` whole with `debts`, or removes it when none are left.
fn write_debts(path: &Path, debts: Vec<Debt>) -> io::Result<()> {
    if debts.is_empty() {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    } else {
        let mut json =
            serde_json::to_vec_pretty(&ServerDebts { debts }).map_err(io::Error::other)?;
        json.push(b'\n');
        let temp = temp_beside(path);
        let replaced = write_private(&temp, &json).and_then(|()| fs::rename(&temp, path));
        if replaced.is_err() {
            let _ = fs::remove_file(&temp);
        }
        replaced?;
    }
    path.parent().map_or(Ok(()), sync_dir)
}
