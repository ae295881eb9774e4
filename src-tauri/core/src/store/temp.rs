//! Files written under a temporary name beside their destination, then renamed into place: a
//! reader only ever sees the old file or the whole new one. Each rename is made durable by
//! syncing its folder, and what a crash or a power loss leaves of a temporary file is removed by
//! the next start ([`sweep_temporaries`]).
//!
//! A temporary name is `.NAME.PID.STAMP.N.tmp` (and SQLite's `-journal` beside it): hidden, and
//! carrying the process that writes it, so that a sweep removes only what no running process
//! is still writing.

use super::journal_path;
use crate::error::{CoreError, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file beside its destination that is removed unless persisted.
pub(crate) struct TempPath(pub(crate) PathBuf);

impl TempPath {
    pub(crate) fn beside(dest: &Path) -> TempPath {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let unique = format!(
            ".{name}.{}.{}.tmp",
            std::process::id(),
            crate::clock::unique()
        );
        TempPath(dest.with_file_name(unique))
    }

    /// Moves the file to `dest`, which must not exist (checked atomically where links work).
    pub(crate) fn persist_new(self, dest: &Path) -> Result<()> {
        let context = || format!("{} cannot be written", dest.display());
        match std::fs::hard_link(&self.0, dest) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(CoreError::AlreadyExists {
                    path: dest.to_path_buf(),
                })
            }
            Err(_) => std::fs::rename(&self.0, dest).map_err(|e| CoreError::io(context(), e))?,
        }
        // The temporary name goes before the folder is synced, so that neither survives alone.
        let _ = std::fs::remove_file(&self.0);
        sync_parent(dest).map_err(|e| CoreError::io(context(), e))
    }

    /// Moves the file to `dest`, replacing what is there.
    pub(crate) fn persist_replace(self, dest: &Path) -> Result<()> {
        let context = || format!("{} cannot be written", dest.display());
        std::fs::rename(&self.0, dest).map_err(|e| CoreError::io(context(), e))?;
        sync_parent(dest).map_err(|e| CoreError::io(context(), e))
    }
}

/// Writes `bytes` to a temporary file beside `out`, syncs it, and renames it over `out`.
/// Refuses a name some system cannot hold (see [`super::check_portable`]) before writing.
pub fn write_atomic(out: &Path, bytes: &[u8]) -> Result<()> {
    super::check_portable(out)?;
    let temp = TempPath::beside(out);
    let context = || format!("{} cannot be written", out.display());
    let written = File::create(&temp.0).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    written.map_err(|e| CoreError::io(context(), e))?;
    temp.persist_replace(out)
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let _ = std::fs::remove_file(journal_path(&self.0));
    }
}

/// Makes the creation, rename or removal of `path` durable by syncing its folder. A file system
/// that cannot sync a folder (some network shares) is taken at its word; any other failure
/// means the change may not survive a power loss, and is an error.
pub(crate) fn sync_parent(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        return match File::open(dir).and_then(|d| d.sync_all()) {
            Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(()),
            other => other,
        };
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Removes the temporary files Keel left in `dir` when it was stopped or lost power mid-write
/// (those of processes that no longer run); returns how many it removed. Called by the next
/// start for the plan's folder and the app's data folder, and before each export for the
/// export's folder.
pub fn sweep_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(writer_of) else {
            continue;
        };
        if !running(pid) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    if removed > 0 {
        let _ = sync_parent(&dir.join("."));
    }
    removed
}

/// The process that writes the temporary file `name`, if it is one of Keel's.
fn writer_of(name: &str) -> Option<u32> {
    let stem = name
        .strip_suffix(".tmp")
        .or_else(|| name.strip_suffix(".tmp-journal"))?;
    if !stem.starts_with('.') {
        return None;
    }
    let mut parts = stem.rsplitn(4, '.');
    let (counter, stamp, pid) = (parts.next()?, parts.next()?, parts.next()?);
    let dest = parts.next()?;
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (dest.len() > 1 && numeric(counter) && numeric(stamp) && numeric(pid))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether process `pid` still runs. Where the system does not say (no /proc), a file is
/// taken as still being written: a sweep never removes what might be in use.
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keel_writes_are_told_from_others() {
        assert_eq!(writer_of(".plan.keel.412.1764660000.3.tmp"), Some(412));
        assert_eq!(
            writer_of(".plan.keel.412.1764660000.3.tmp-journal"),
            Some(412)
        );
        assert_eq!(writer_of("plan.keel.412.1764660000.3.tmp"), None);
        assert_eq!(writer_of(".notes.tmp"), None);
        assert_eq!(writer_of(".a.b.c.tmp"), None);
        assert_eq!(writer_of("..1.2.3.tmp"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_sweep_removes_only_what_no_running_process_writes() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids above the kernel's largest possible one run nowhere.
        let dead = dir.path().join(".plan.keel.4294967295.1.0.tmp");
        let dead_journal = dir.path().join(".plan.keel.4294967295.1.0.tmp-journal");
        let mine = TempPath::beside(&dir.path().join("plan.keel"));
        let other = dir.path().join(".notes.tmp");
        for path in [&dead, &dead_journal, &mine.0, &other] {
            std::fs::write(path, b"x").unwrap();
        }
        assert_eq!(sweep_temporaries(dir.path()), 2);
        assert!(!dead.exists() && !dead_journal.exists());
        assert!(mine.0.exists(), "this process's own file stays");
        assert!(other.exists(), "a file that is not Keel's stays");
    }
}
