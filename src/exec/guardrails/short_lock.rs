//! A short exclusive lock file around one read-modify-write of a state file, shared by every
//! console on the state directory. Held for milliseconds; one left behind by a crash is
//! broken after 30 s.

use super::{link_exclusive, temp_beside, unique_token, write_private};
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, SystemTime};

/// About 2 s of retries: a holder only reads and writes one small file.
const ATTEMPTS: u32 = 100;
const PAUSE: Duration = Duration::from_millis(20);
/// Nobody holds it this long unless it died holding it.
const STALE_AFTER: Duration = Duration::from_secs(30);

/// Held until dropped; removes its file only while the file is still its own.
pub(super) struct ShortLock {
    path: PathBuf,
    /// What this holder wrote: file systems reuse inode numbers at once, contents tell.
    claim: String,
}

impl ShortLock {
    /// Takes `path`, waiting up to about 2 s for another console to let go.
    pub(super) fn take(path: &Path) -> io::Result<ShortLock> {
        let temp = temp_beside(path);
        let claim = format!("{} {}\n", std::process::id(), unique_token());
        write_private(&temp, claim.as_bytes())?;
        let taken = link_claim(path, &temp);
        let _ = fs::remove_file(&temp);
        taken.map(|()| ShortLock {
            path: path.to_owned(),
            claim,
        })
    }
}

/// Ages are measured between two modification times set by the same file system (the claim's
/// and the holder's), so neither this host's clock nor a caller's `now` matters.
fn link_claim(path: &Path, claim: &Path) -> io::Result<()> {
    let ours = fs::metadata(claim)?;
    for _ in 0..ATTEMPTS {
        match link_exclusive(claim, path) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if !broke_stale(path, ours.modified()?)? {
                    thread::sleep(PAUSE);
                }
            }
            Err(e) => return Err(e),
        }
    }
    // The caller names the path.
    Err(io::Error::new(
        io::ErrorKind::WouldBlock,
        "another console has held it for over 2 s; try again",
    ))
}

/// Removes the lock at `path` if it is older than `STALE_AFTER` (relative to `claimed`) and
/// still the same file; true when the caller should retry at once.
fn broke_stale(path: &Path, claimed: SystemTime) -> io::Result<bool> {
    let held = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    let age = claimed.duration_since(held.modified()?).unwrap_or_default();
    if age <= STALE_AFTER {
        return Ok(false);
    }
    // Another waiter may have broken it and taken it in the meantime: remove only the file
    // judged stale.
    let again = fs::metadata(path)?;
    if (again.dev(), again.ino(), again.modified()?) == (held.dev(), held.ino(), held.modified()?) {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(true)
}

impl Drop for ShortLock {
    fn drop(&mut self) {
        if fs::read_to_string(&self.path).is_ok_and(|on_disk| on_disk == self.claim) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::fs::FileTimes;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mbx-02.jsonl.lock");
        let held = ShortLock::take(&path).unwrap();
        assert!(path.exists());
        let waited = thread::scope(|s| s.spawn(|| ShortLock::take(&path).map(drop)).join());
        let error = waited.unwrap().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::WouldBlock);
        assert!(error.to_string().contains("over 2 s; try again"), "{error}");
        drop(held);
        assert!(!path.exists());
        drop(ShortLock::take(&path).unwrap());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert!(leftovers.is_empty(), "no claim files stay behind");
    }

    #[test]
    fn a_lock_left_by_a_crash_is_broken_after_30_s() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mbx-02.jsonl.lock");
        fs::write(&path, "1\n").unwrap();
        let file = fs::File::options().write(true).open(&path).unwrap();
        let old = fs::metadata(&path).unwrap().modified().unwrap() - Duration::from_secs(31);
        file.set_times(FileTimes::new().set_modified(old)).unwrap();
        let held = ShortLock::take(&path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), held.claim);
        drop(held);
    }

    #[test]
    fn a_lock_no_longer_ours_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mbx-02.jsonl.lock");
        let held = ShortLock::take(&path).unwrap();
        fs::remove_file(&path).unwrap();
        fs::write(&path, "someone else\n").unwrap();
        drop(held);
        assert_eq!(fs::read_to_string(&path).unwrap(), "someone else\n");
    }
}
