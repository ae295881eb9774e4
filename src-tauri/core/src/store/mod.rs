//! The plan file. Invariants a change here must keep:
//! - a file that is not a healthy Keel plan of a format this build reads is refused before any
//!   write, and left byte-for-byte as it was;
//! - the plan's history (a Loro document) is the source of truth and the tables its projection:
//!   every edit is one change of the document, recorded with the projection of what it touched
//!   in one IMMEDIATE transaction, committed with `journal_mode=DELETE` and `synchronous=EXTRA`,
//!   so the file is complete after each edit and survives `kill -9`;
//! - a projection whose version is not the document's is rebuilt from the document on open;
//! - only one Keel process holds a plan for writing (the lock of a lock file beside it, never
//!   a lock on the plan file itself: see `lock`); any other opens it read-only and says why.

mod columns;
mod create;
pub(crate) mod document;
mod entity;
mod enums;
mod features;
mod file_name;
mod header;
pub(crate) mod history;
mod lock;
pub(crate) mod log;
mod migrate;
mod older;
mod plan;
mod projection;
pub(crate) mod record;
mod temp;
mod upgrade;
pub(crate) mod versions;

pub use create::MarkedPlan;
pub(crate) use entity::exists;
pub(crate) use entity::list as entity_list;
pub use entity::Entity;
pub(crate) use features::check_links;
pub(crate) use features::list_features;
pub use file_name::check_portable;
pub use log::{LogEntry, LogPage};
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub(crate) use plan::{read_canvas, read_goal, read_plan};
pub(crate) use projection::Written;
pub(crate) use record::{Kind, Recorded};
pub(crate) use temp::TempPath;
pub use temp::{sweep_temporaries, write_atomic};

use crate::domain::validate::Field;
use crate::domain::PlanDocument;
use crate::error::{CoreError, Result};
use crate::store::history::PlanDoc;
use rusqlite::{Connection, OpenFlags};
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

/// How a plan file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read and write, unless the file is read-only or another Keel process holds it.
    Edit,
    /// Never write (used by `keel info` and by previews).
    Inspect,
}

/// An open plan file.
pub struct PlanFile {
    // Field order matters: the connections close before the lock is released.
    conn: Connection,
    /// A plan of an older format is read from an upgraded copy in memory (`conn`); the file
    /// itself, open for editing, is upgraded by the first change and left as it was until then.
    older: Option<older::Older>,
    /// The plan format of the file as it is on disk.
    file_format: u32,
    path: PathBuf,
    read_only: Option<String>,
    /// The plan's document, read when an edit (or undo, or the labels of undo and redo) first
    /// needs it: a plan opened to be read, presented or exported never holds it.
    history: Option<PlanDoc>,
    /// The plan as the projection holds it, once read for editing and then patched by each
    /// change (so an edit's analysis does not read the whole plan again).
    current: Option<PlanDocument>,
    /// The features the operation under way writes whole (an import), as it writes them: the
    /// projection takes them from here rather than reading 10,000 records back.
    pub(crate) written: Option<Written>,
    _lock: Option<lock::WriteLock>,
}

impl std::fmt::Debug for PlanFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanFile")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl PlanFile {
    /// Opens a plan for editing (or read-only, with the reason in [`PlanFile::read_only`]).
    pub fn open(path: &Path) -> Result<PlanFile> {
        Self::open_with(path, Mode::Edit)
    }

    pub fn open_with(path: &Path, mode: Mode) -> Result<PlanFile> {
        let header = header::read(path)?;
        if header.application_id != APPLICATION_ID {
            return Err(CoreError::OtherApplication {
                path: path.to_path_buf(),
            });
        }
        if header.user_version > SCHEMA_VERSION {
            return Err(CoreError::NewerVersion {
                path: path.to_path_buf(),
                found: header.user_version,
                supported: SCHEMA_VERSION,
            });
        }
        let corrupt = |detail: &str| CoreError::Corrupt {
            path: path.to_path_buf(),
            detail: detail.to_string(),
        };
        if header.user_version == 0 {
            return Err(corrupt("it has no plan format version"));
        }
        let hot_journal = std::fs::metadata(journal_path(path))
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        let file_len = std::fs::metadata(path)
            .map_err(|e| CoreError::io(format!("{} cannot be read", path.display()), e))?
            .len();
        // A file cut inside a page is truncated too: SQLite reads the missing part as zeros,
        // and a write rolled back would pad the file out to whole pages (found by fuzzing).
        let cut_in_a_page = header.page_size.is_some_and(|size| file_len % size != 0);
        if !hot_journal && (cut_in_a_page || header.declared_len.is_some_and(|len| file_len < len))
        {
            return Err(corrupt("the file is truncated"));
        }

        let (lock, read_only) = match mode {
            Mode::Inspect => (None, Some("opened for reading only".to_string())),
            Mode::Edit => acquire_write_lock(path)?,
        };
        if read_only.is_none() {
            // What a crash or a power loss left of an earlier write beside the plan.
            sweep_temporaries(path.parent().unwrap_or(Path::new(".")));
        }
        // A file in write-ahead-log mode (set by another program) with no log beside it holds
        // everything in itself: read as it is, SQLite makes no log or shared-memory file beside
        // it (found by fuzzing). Opened for editing, it stays in that mode until the open has
        // succeeded, so that a file refused on the way is left byte for byte (found by fuzzing).
        let wal_log = header.wal && sidecar(path, "-wal").exists();
        if (hot_journal || wal_log) && mode == Mode::Inspect {
            roll_back_for_reading(path);
        }
        let writable = read_only.is_none();
        let mut conn = if header.wal && !wal_log && !writable {
            connect_as_is(path)
        } else {
            connect_with(path, writable, writable && !header.wal)
        }
        .map_err(|e| map_open_error(path, e))?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| map_open_error(path, e.into()))?;
        if check != "ok" {
            return Err(corrupt(&format!("integrity check: {check}")));
        }
        if read_only.is_none() {
            remove_stale_journal(&conn, path);
        }
        // The format as SQLite reads it now: a hot journal rolled back by the check above may
        // have taken the file back to an older format than its header said (a migration cut
        // short by a power loss; found by the power-loss test).
        let file_format = migrate::user_version(&conn)?;
        let mut older = None;
        if file_format < SCHEMA_VERSION {
            // Read as it is: upgraded in memory, the file untouched until a change is written.
            let copy = older::upgraded_copy(&conn)?;
            let file = std::mem::replace(&mut conn, copy);
            if read_only.is_none() {
                older = Some(older::Older {
                    file,
                    wal: header.wal,
                });
            }
        }
        let stale = record::projected_version(&conn)? != record::document_version(&conn)?;
        let history = if stale {
            // The tables are behind the history: rebuilt from it (in memory when read-only).
            let history = record::load(&conn)?;
            if read_only.is_some() && file_format == SCHEMA_VERSION {
                conn = in_memory_copy(&conn)?;
            }
            record::rebuild_projection(&mut conn, &history)?;
            Some(history)
        } else {
            None
        };
        if header.wal && read_only.is_none() && older.is_none() {
            use_keels_journal(&conn)?;
        }
        Ok(PlanFile {
            conn,
            older,
            file_format,
            path: path.to_path_buf(),
            read_only,
            history,
            current: None,
            written: None,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn current_ref(&self) -> Option<&PlanDocument> {
        self.current.as_ref()
    }

    pub(crate) fn keep_current(&mut self, current: PlanDocument) {
        self.current = Some(current);
    }

    /// Why the plan cannot be edited, or `None` when it can.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Why any change to this plan is refused, as the founder reads it; None when editable.
    pub fn refusal(&self) -> Option<CoreError> {
        self.read_only.as_ref().map(|reason| CoreError::ReadOnly {
            reason: reason.clone(),
        })
    }

    /// Writes a complete copy of the plan to `dest` ("Save as"): `VACUUM INTO` a temporary file
    /// beside it, check that copy, then rename it into place. The open plan is not changed.
    pub fn save_as(&self, dest: &Path) -> Result<()> {
        check_portable(dest)?;
        if dest.exists()
            && std::fs::canonicalize(dest).ok() == std::fs::canonicalize(&self.path).ok()
        {
            return Err(CoreError::invalid(
                Field::new("path", "Save as"),
                "choose a file other than the plan that is open",
            ));
        }
        let temp = TempPath::beside(dest);
        let target = temp.0.to_str().ok_or_else(|| {
            CoreError::invalid(
                Field::new("path", "Save as"),
                "the file name is not valid text",
            )
        })?;
        self.conn
            .execute("VACUUM INTO ?1", [target])
            .map_err(|e| CoreError::from(e).not_written("No copy was made", dest))?;
        {
            let copy = Connection::open_with_flags(&temp.0, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            let app_id: u32 = copy.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            if check != "ok" || app_id != APPLICATION_ID {
                return Err(CoreError::Corrupt {
                    path: dest.to_path_buf(),
                    detail: format!("the copy failed its check ({check})"),
                });
            }
        }
        temp.persist_replace(dest)
    }

    /// Runs `PRAGMA integrity_check` (the full check, slower than the one done on open).
    pub fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("; "))
    }
}

fn in_memory_copy(conn: &Connection) -> Result<Connection> {
    let mut copy = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(conn, &mut copy)?.run_to_completion(
        256,
        std::time::Duration::ZERO,
        None,
    )?;
    Ok(copy)
}

pub(crate) fn journal_path(path: &Path) -> PathBuf {
    sidecar(path, "-journal")
}

/// A file SQLite keeps beside the plan: its name with `suffix` ("-journal", "-wal").
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a journal a crash left that SQLite found not hot (nothing to roll back: empty, or
/// its header never synced), holding SQLite's own write lock so that no writer can be using it.
fn remove_stale_journal(conn: &Connection, path: &Path) {
    let journal = journal_path(path);
    if !journal.exists() || conn.execute_batch("BEGIN IMMEDIATE").is_err() {
        return;
    }
    if std::fs::remove_file(&journal).is_ok() {
        let _ = temp::sync_parent(&journal);
    }
    let _ = conn.execute_batch("COMMIT");
}

/// A journal beside the plan (a crash, or a write whose journal could not be removed) holds the
/// plan's last whole state, and a read-only connection cannot roll it back: it fails with
/// "attempt to write a readonly database" (found by the I/O-error test, tests/faults.rs). So a
/// plan opened for reading lets SQLite roll the journal back through a writable connection
/// first, as the next open for editing would. SQLite rolls back only a journal no live writer
/// holds; where the plan cannot be written, the read-only open reports the error as before.
fn roll_back_for_reading(path: &Path) {
    if let Ok(conn) = connect(path, true) {
        let _ = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        });
    }
}

/// Takes the write lock (a lock file beside the plan, see `lock`), or says why the plan must
/// open read-only.
fn acquire_write_lock(path: &Path) -> Result<(Option<lock::WriteLock>, Option<String>)> {
    let metadata = std::fs::metadata(path)
        .map_err(|e| CoreError::io(format!("{} cannot be read", path.display()), e))?;
    if metadata.permissions().readonly() {
        return Ok((None, Some("the file is read-only".to_string())));
    }
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Ok((None, Some("you may not write to the file".to_string())))
        }
        Err(e) => {
            return Err(CoreError::io(
                format!("{} cannot be opened", path.display()),
                e,
            ))
        }
    }
    lock::acquire(path)
}

fn use_keels_journal(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    debug_assert_eq!(mode, "delete");
    Ok(())
}

/// A read-only connection that takes the file as it is (SQLite's `immutable`): no lock, no
/// journal or log read or made beside it.
fn connect_as_is(path: &Path) -> Result<Connection> {
    let absolute = std::path::absolute(path)
        .map_err(|e| CoreError::io(format!("{} cannot be read", path.display()), e))?;
    let mut uri = String::from("file:");
    for byte in absolute.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Ok(Connection::open_with_flags(uri, flags)?)
}

fn connect(path: &Path, writable: bool) -> Result<Connection> {
    connect_with(path, writable, writable)
}

/// With `journal`, the file is put in Keel's journal mode (DELETE) at once.
fn connect_with(path: &Path, writable: bool, journal: bool) -> Result<Connection> {
    let flags = if writable {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    if journal {
        use_keels_journal(&conn)?;
    }
    // EXTRA: FULL, and the folder is synced once the journal is deleted, the moment a commit
    // is made in this journal mode; under FULL a power loss right after a commit could bring
    // the journal back and undo the edit (found by the power-loss test, tests/power_loss).
    conn.pragma_update(None, "synchronous", "EXTRA")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(conn)
}

fn map_open_error(path: &Path, error: CoreError) -> CoreError {
    match error {
        CoreError::Storage(rusqlite::Error::SqliteFailure(e, detail))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            ) =>
        {
            CoreError::Corrupt {
                path: path.to_path_buf(),
                detail: detail.unwrap_or_else(|| e.to_string()),
            }
        }
        other => other,
    }
}
