//! Which Keel process may write a plan: the one holding the lock of a hidden lock file beside
//! it (`.NAME.keel.lock`), never a lock on the plan file itself.
//!
//! Why a separate file: on Windows a lock taken on a file (`LockFileEx`, what `File::try_lock`
//! does there) is mandatory for every other handle, SQLite's own among them — a second Keel
//! could not even read the plan to show it read-only, and SQLite's handle in the same process
//! could not write the locked bytes. A lock on a file nobody reads or writes blocks nothing but
//! another Keel's lock, on Windows, macOS (`flock`) and Linux (`flock`) alike: a second Keel
//! opens the plan read-only and says why. The kernel drops the lock with the process, so a
//! crashed Keel leaves no stale lock (at most the empty file, taken over by the next open).
//!
//! The holder removes the file when it closes, while it still holds the lock. A Keel that
//! opened the file just before that removal locks a file no longer in the folder, so after
//! taking the lock it checks that the path still names the file it locked, and starts again
//! if not (on Unix by device and inode; on Windows a file whose removal is pending cannot be
//! opened at all, which the retry covers too).

use crate::error::{CoreError, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// How many times a lock file replaced under us (or pending removal) is tried again.
const ATTEMPTS: usize = 5;

/// The write lock on a plan; dropping it removes the lock file and releases the lock.
pub(crate) struct WriteLock {
    file: File,
    path: PathBuf,
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Removed while still locked, so no other Keel can hold a lock on this file by then.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The lock file of the plan at `plan`: `.NAME.lock` in the plan's folder.
pub(crate) fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    plan.with_file_name(format!(".{name}.lock"))
}

/// Takes the plan's write lock, or says why the plan must open read-only.
pub(crate) fn acquire(plan: &Path) -> Result<(Option<WriteLock>, Option<String>)> {
    let path = lock_path(plan);
    for attempt in 1..=ATTEMPTS {
        let file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(file) => file,
            Err(e)
                if e.kind() == ErrorKind::PermissionDenied
                    && path.exists()
                    && attempt < ATTEMPTS =>
            {
                // A Windows file whose removal is pending: its holder is closing.
                std::thread::sleep(std::time::Duration::from_millis(20));
                continue;
            }
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                return Ok((
                    None,
                    Some("Keel may not write in the plan's folder".to_string()),
                ))
            }
            Err(e) => {
                return Err(CoreError::io(
                    format!("{} cannot be locked for editing", plan.display()),
                    e,
                ))
            }
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Ok((
                    None,
                    Some("it is open for editing in another Keel window".to_string()),
                ))
            }
            Err(TryLockError::Error(e)) => {
                return Err(CoreError::io(
                    format!("{} cannot be locked for editing", plan.display()),
                    e,
                ))
            }
        }
        if still_named(&path, &file) {
            return Ok((Some(WriteLock { file, path }), None));
        }
        // The holder removed it after we opened it: ours is a lock on nothing.
        let _ = file.unlock();
    }
    Err(CoreError::io(
        format!("{} cannot be locked for editing", plan.display()),
        std::io::Error::other("its lock file kept changing"),
    ))
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn still_named(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), file.metadata()) {
        (Ok(named), Ok(held)) => named.dev() == held.dev() && named.ino() == held.ino(),
        _ => false,
    }
}

/// Whether `path` still names the file `file` has open: on Windows a removed file cannot be
/// opened until its last handle closes, so a file opened by path and still there is the one.
#[cfg(not(unix))]
fn still_named(path: &Path, _file: &File) -> bool {
    path.exists()
}
