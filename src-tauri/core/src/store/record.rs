//! How a change reaches the file: the document is changed and committed in memory, then one
//! SQLite transaction records the change's bytes, rewrites the projection of what it touched and
//! notes the document version the projection now shows. If that transaction fails, the
//! document is read again from the file, so memory never holds a change the file lacks.

use super::projection;
use super::PlanFile;
use crate::clock;
use crate::domain::FeatureData;
use crate::domain::PlanDocument;
use crate::error::{CoreError, Result};
use crate::store::history::tree::Stored;
use crate::store::history::{self, history_error, Note, PlanDoc, Touched};
use loro::{LoroDoc, VersionVector};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;

/// Past this many recorded changes, opening a plan for editing folds them into the snapshot.
const COMPACT_AFTER: i64 = 500;

/// What a committed change did.
#[derive(Debug, Default)]
pub(crate) struct Recorded {
    pub touched: Touched,
    /// Whether the features' manual positions changed.
    pub reordered: bool,
    /// The plan held in memory as it was before the change, to patch with what the change did
    /// (ops/changes.rs); dropped (and read again when next needed) by a caller that does not.
    pub current: Option<PlanDocument>,
}

impl Recorded {
    pub(crate) fn changed(&self) -> bool {
        !self.touched.is_empty()
    }
}

/// The stored document's bytes: its compressed snapshot and the changes recorded since.
fn stored(conn: &Connection) -> Result<(Vec<u8>, Vec<Vec<u8>>)> {
    let snapshot: Option<Vec<u8>> = conn
        .query_row("SELECT bytes FROM history_snapshot WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    let snapshot = snapshot.ok_or_else(|| history_error("the plan file has no history"))?;
    let mut stmt = conn.prepare("SELECT bytes FROM history_change ORDER BY seq")?;
    let changes = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((snapshot, changes))
}

/// Reads the stored document of an open file.
pub(crate) fn load(conn: &Connection) -> Result<PlanDoc> {
    let (snapshot, changes) = stored(conn)?;
    PlanDoc::load(&snapshot, &changes)
}

/// The document's version, read from the stored snapshot's version and the changes' headers
/// without reading the document itself.
pub(crate) fn document_version(conn: &Connection) -> Result<VersionVector> {
    let bytes: Vec<u8> = conn.query_row(
        "SELECT version FROM history_snapshot WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    let mut version = VersionVector::decode(&bytes).map_err(history_error)?;
    let mut stmt = conn.prepare_cached("SELECT bytes FROM history_change ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let change = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
        let meta = LoroDoc::decode_import_blob_meta(change, false).map_err(history_error)?;
        version.merge(&meta.partial_end_vv);
    }
    Ok(version)
}

/// The document version the projection shows.
pub(crate) fn projected_version(conn: &Connection) -> Result<VersionVector> {
    let bytes: Vec<u8> = conn.query_row(
        "SELECT projected_version FROM history_meta WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    VersionVector::decode(&bytes).map_err(history_error)
}

fn write_snapshot(conn: &Connection, doc: &LoroDoc) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO history_snapshot (id, bytes, version) VALUES (1, ?1, ?2)",
        rusqlite::params![history::compressed_snapshot(doc)?, doc.oplog_vv().encode()],
    )?;
    conn.execute("DELETE FROM history_change", [])?;
    Ok(())
}

/// Writes a whole new history (a new plan, an upgraded or imported one) and its projection.
pub(crate) fn write_new(conn: &Connection, doc: &LoroDoc, plan_id: &str) -> Result<()> {
    write_snapshot(conn, doc)?;
    conn.execute(
        "INSERT OR REPLACE INTO history_meta (id, plan_id, projected_version) VALUES (1, ?1, ?2)",
        rusqlite::params![plan_id, doc.oplog_vv().encode()],
    )?;
    projection::rebuild(conn, doc)
}

/// Brings the projection to the document's version (rebuilding it) when it is behind.
pub(crate) fn rebuild_projection(conn: &mut Connection, doc: &PlanDoc) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    projection::rebuild(&tx, &doc.doc)?;
    tx.execute(
        "UPDATE history_meta SET projected_version = ?1 WHERE id = 1",
        [doc.version().encode()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Folds a long tail of recorded changes into the snapshot.
fn compact_if_long(conn: &mut Connection, doc: &PlanDoc) -> Result<()> {
    let changes: i64 = conn.query_row("SELECT count(*) FROM history_change", [], |r| r.get(0))?;
    if changes <= COMPACT_AFTER {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    write_snapshot(&tx, &doc.doc)?;
    tx.commit()?;
    Ok(())
}

/// Whether a change is undone by undo (an operation) or skipped by it (a bookmark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Operation,
    Bookmark,
}

impl PlanFile {
    /// The open plan's document: the one being read since the file was opened, or read now.
    /// A plan open for editing folds a long tail of changes into its snapshot here.
    /// The history when it has been loaded (by an edit or a merge), without loading it.
    pub(crate) fn loaded_history(&self) -> Option<&PlanDoc> {
        self.history.as_ref()
    }

    pub(crate) fn history(&mut self) -> Result<&mut PlanDoc> {
        if self.history.is_none() {
            let loaded = load(&self.conn)?;
            if self.read_only.is_none() {
                compact_if_long(&mut self.conn, &loaded)?;
            }
            self.history = Some(loaded);
        }
        Ok(self.history.as_mut().expect("loaded above"))
    }

    /// Reads the document (the one in memory, or the file's when memory has none).
    pub(crate) fn read_doc<R>(&self, read: impl FnOnce(&LoroDoc) -> Result<R>) -> Result<R> {
        match &self.history {
            Some(history) => read(&history.doc),
            None => read(&load(&self.conn)?.doc),
        }
    }

    /// Runs one change: `write` changes the document, which is committed under `note` and
    /// recorded. Nothing is recorded when `write` changed nothing.
    pub(crate) fn change(
        &mut self,
        note: &Note,
        kind: Kind,
        write: impl FnOnce(&LoroDoc) -> Result<()>,
    ) -> Result<Recorded> {
        let recorded = self.record_with(|history, at| {
            write(&history.doc)?;
            match kind {
                Kind::Operation => history.commit(note, at),
                Kind::Bookmark => history.commit_bookmark(note, at),
            }
            Ok(())
        })?;
        if recorded.changed() && kind == Kind::Operation {
            if let Some(history) = self.history.as_mut() {
                history.recorded(&note.label);
            }
        }
        Ok(recorded)
    }

    /// Undoes (or redoes) this session's last operation; `None` when there is none.
    pub(crate) fn step(&mut self, author: &str, redo: bool) -> Result<Option<(String, Recorded)>> {
        let mut label = None;
        let recorded = self.record_with(|history, at| {
            label = history.step(redo, author, at)?;
            Ok(())
        })?;
        Ok(label.map(|label| (label, recorded)))
    }

    /// Runs `change` on the document and records what it committed. If `change` fails, the
    /// document is read again from the file (it may hold part of the change).
    pub(crate) fn record_with(
        &mut self,
        change: impl FnOnce(&mut PlanDoc, i64) -> Result<()>,
    ) -> Result<Recorded> {
        // What the operation writes whole, for this change only (dropped on any failure).
        let written = self.written.take();
        self.ready_to_write()?;
        let history = self.history()?;
        let before = history.version();
        let _ = history.take_touched();
        // An operation that writes whole features touches only those (and the order, which
        // the projection renumbers when a feature is new): the document's events for 10,000
        // new records are not gathered.
        let known = written.is_some();
        if known {
            history.gather_touched(false);
        }
        let outcome = change(history, clock::now_utc().timestamp());
        if known {
            history.gather_touched(true);
        }
        if let Err(e) = outcome {
            self.history = None;
            return Err(e);
        }
        let written = written
            .and_then(|w| w.lock().ok().map(|mut w| std::mem::take(&mut *w)))
            .unwrap_or_default();
        let touched = known.then(|| Touched {
            items: [(
                FeatureData::ROOT.to_string(),
                written.keys().cloned().collect(),
            )]
            .into(),
            ..Touched::default()
        });
        self.record(&before, &written, touched)
    }

    /// Writes the changes the document gained after `before` into the file, in one
    /// transaction with their projection.
    fn record(
        &mut self,
        before: &VersionVector,
        written: &HashMap<String, FeatureData>,
        touched: Option<Touched>,
    ) -> Result<Recorded> {
        let Some(history) = self.history.as_ref() else {
            return Ok(Recorded::default());
        };
        let touched = touched.unwrap_or_else(|| history.take_touched());
        let after = history.version();
        if after == *before {
            return Ok(Recorded::default());
        }
        let outcome = (|| -> Result<bool> {
            let bytes = history.changes_since(before)?;
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.prepare_cached("INSERT INTO history_change (bytes) VALUES (?1)")?
                .execute([bytes])?;
            let reordered = projection::project(&tx, &history.doc, &touched, written)?;
            tx.prepare_cached("UPDATE history_meta SET projected_version = ?1 WHERE id = 1")?
                .execute([history.version().encode()])?;
            tx.prepare_cached("UPDATE plan SET updated_at = ?1")?
                .execute([clock::now()])?;
            tx.commit()?;
            Ok(reordered)
        })();
        match outcome {
            Ok(reordered) => Ok(Recorded {
                touched,
                reordered,
                current: self.current.take(),
            }),
            // SQLite commits by deleting the journal, then syncs the folder; when that sync
            // fails the commit is reported failed although the change is in the file (found by
            // the I/O-error test, tests/faults.rs). Synced again, it is saved as any other.
            Err(e) if self.reached_file(&after) => match super::temp::sync_parent(&self.path) {
                Ok(()) => Ok(Recorded {
                    touched,
                    reordered: true,
                    current: self.current.take(),
                }),
                Err(_) => {
                    // The caller does not patch the plan in memory: it is read again.
                    self.current = None;
                    Err(CoreError::NotConfirmed {
                        path: self.path.clone(),
                        cause: e.disk_cause().unwrap_or("the disk reported an error"),
                    })
                }
            },
            Err(e) => {
                self.history = None;
                Err(e.not_written("The change was not saved", &self.path))
            }
        }
    }

    /// Whether the file holds the document at `version`: a commit reported failed may have
    /// been made all the same.
    fn reached_file(&self, version: &VersionVector) -> bool {
        projected_version(&self.conn).is_ok_and(|v| v == *version)
    }
}
