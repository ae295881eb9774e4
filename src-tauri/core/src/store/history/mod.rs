//! The plan's history: a Loro document holding every change ever made to the plan, each with a
//! label, an author and a time. It is the plan's source of truth; the plan file's tables are a
//! projection of it (storage/projection.rs). This module knows the document; storage knows the
//! file.

pub(crate) mod concurrent;
pub(crate) mod touched;
pub(crate) mod tree;
pub(crate) mod values;

use crate::error::{CoreError, Result};
use loro::{ExportMode, LoroDoc, UndoManager, VersionVector};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
pub(crate) use touched::Touched;

/// How many operations of this session undo can take back.
pub const UNDO_STEPS: usize = 100;

/// Commits with this origin (marking a version) are not undone: a version is a bookmark.
const NOT_UNDONE: &str = "keel:bookmark";

/// What each change of the history says about itself (its commit message, as JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Note {
    #[serde(rename = "l")]
    pub label: String,
    #[serde(rename = "a", default)]
    pub author: String,
    /// The first op counter of the commit: a large commit is stored as several changes, and
    /// this tells them apart from the next commit with the same label.
    #[serde(rename = "s", default)]
    pub start: i64,
    /// On the change that marks a named version: the version's id.
    #[serde(rename = "v", default, skip_serializing_if = "String::is_empty")]
    pub version: String,
}

impl Note {
    pub(crate) fn parse(message: Option<&str>) -> Note {
        message
            .and_then(|m| serde_json::from_str(m).ok())
            .unwrap_or_else(|| Note {
                label: message.unwrap_or("Change").to_string(),
                ..Note::default()
            })
    }
}

/// The open plan's document with this session's undo and redo.
pub(crate) struct PlanDoc {
    pub(crate) doc: LoroDoc,
    /// `None` while an operation that says what it touches is written (an import).
    touched: Option<touched::Collector>,
    undo: UndoManager,
    undo_labels: Vec<String>,
    redo_labels: Vec<String>,
}

pub(crate) fn history_error(detail: impl std::fmt::Display) -> CoreError {
    CoreError::History {
        detail: detail.to_string(),
    }
}

/// The id of the next operation `doc` makes, as an item id.
pub(crate) fn next_id(doc: &LoroDoc) -> String {
    let peer = doc.peer_id();
    let counter =
        doc.oplog_vv().get(&peer).copied().unwrap_or(0) as usize + doc.get_pending_txn_len();
    format!("{counter}@{peer:x}")
}

/// A document that writes no wall-clock time of its own (each commit is stamped with Keel's
/// clock) and never merges two operations into one change.
pub(crate) fn configured(doc: LoroDoc) -> LoroDoc {
    doc.set_record_timestamp(false);
    doc.set_change_merge_interval(-1);
    doc
}

/// Per peer, the smaller of the two counters: what both versions hold (a peer only one of them
/// has is left out).
pub(crate) fn meet(a: &VersionVector, b: &VersionVector) -> VersionVector {
    let mut out = VersionVector::new();
    for (peer, end) in a.iter() {
        let end = (*end).min(b.get(peer).copied().unwrap_or(0));
        if end > 0 {
            out.insert(*peer, end);
        }
    }
    out
}

/// A new random peer id, as Loro makes them for new documents.
pub(crate) fn random_peer() -> u64 {
    LoroDoc::new().peer_id()
}

impl PlanDoc {
    pub(crate) fn new(doc: LoroDoc) -> PlanDoc {
        let touched = Some(touched::Collector::attach(&doc));
        let mut undo = UndoManager::new(&doc);
        undo.set_max_undo_steps(UNDO_STEPS);
        undo.add_exclude_origin_prefix(NOT_UNDONE);
        PlanDoc {
            doc,
            touched,
            undo,
            undo_labels: Vec::new(),
            redo_labels: Vec::new(),
        }
    }

    /// Reads a stored document: its compressed snapshot, then the changes recorded since, with
    /// a fresh peer id for this session (never one another copy or session has used).
    pub(crate) fn load(snapshot: &[u8], changes: &[Vec<u8>]) -> Result<PlanDoc> {
        let mut bytes = Vec::new();
        flate2::read::DeflateDecoder::new(snapshot)
            .read_to_end(&mut bytes)
            .map_err(history_error)?;
        let doc = LoroDoc::from_snapshot(&bytes).map_err(history_error)?;
        // One by one, not `import_batch`: a batch detaches the document and rebuilds every
        // container's state (at 10,000 features 140 ms and 50 MB), where each single import
        // applies its change to the few containers it touches, leaving the rest of the
        // snapshot's state unread until it is needed.
        for change in changes {
            doc.import(change).map_err(history_error)?;
        }
        let doc = configured(doc);
        doc.set_peer_id(random_peer()).map_err(history_error)?;
        Ok(PlanDoc::new(doc))
    }

    /// A new item id: the id of the next operation of this session's peer, unique across every
    /// copy of the plan ("12@1f3a…").
    pub(crate) fn new_id(&self) -> String {
        next_id(&self.doc)
    }

    pub(crate) fn version(&self) -> VersionVector {
        self.doc.oplog_vv()
    }

    /// The changes made after `since`, to record in the file.
    pub(crate) fn changes_since(&self, since: &VersionVector) -> Result<Vec<u8>> {
        self.doc
            .export(ExportMode::updates(since))
            .map_err(history_error)
    }

    /// Ends an operation: one change with its note and time (Unix seconds).
    pub(crate) fn commit(&self, note: &Note, at: i64) {
        commit(&self.doc, note, at, None);
    }

    /// Ends an operation that undo skips (marking a version).
    pub(crate) fn commit_bookmark(&self, note: &Note, at: i64) {
        commit(&self.doc, note, at, Some(NOT_UNDONE));
    }

    /// What the changes since the last call touched.
    pub(crate) fn take_touched(&self) -> Touched {
        self.touched.as_ref().map(|t| t.take()).unwrap_or_default()
    }

    /// Stops gathering what changes touch (the caller knows), or starts again.
    pub(crate) fn gather_touched(&mut self, on: bool) {
        self.touched = on.then(|| touched::Collector::attach(&self.doc));
    }

    /// After a committed operation that changed the plan: it is the one undo takes back next.
    pub(crate) fn recorded(&mut self, label: &str) {
        self.undo_labels.push(label.to_string());
        if self.undo_labels.len() > UNDO_STEPS {
            self.undo_labels.remove(0);
        }
        self.redo_labels.clear();
    }

    pub(crate) fn undo_label(&self) -> Option<&str> {
        self.undo_labels.last().map(String::as_str)
    }

    pub(crate) fn redo_label(&self) -> Option<&str> {
        self.redo_labels.last().map(String::as_str)
    }

    /// Takes back this session's last operation (only this user's: a teammate's merged changes
    /// stay), or with `redo` brings back the last one taken back. Returns its label, or `None`
    /// when there is nothing to take back (or bring back).
    pub(crate) fn step(&mut self, redo: bool, author: &str, at: i64) -> Result<Option<String>> {
        let (from, verb) = if redo {
            (&self.redo_labels, "Redo")
        } else {
            (&self.undo_labels, "Undo")
        };
        let Some(label) = from.last().cloned() else {
            return Ok(None);
        };
        set_next(
            &self.doc,
            &Note::new(format!("{verb}: {label}"), author),
            at,
        );
        let stepped = if redo {
            self.undo.redo()
        } else {
            self.undo.undo()
        };
        self.doc.clear_next_commit_options();
        stepped.map_err(history_error)?;
        let (from, to) = if redo {
            (&mut self.redo_labels, &mut self.undo_labels)
        } else {
            (&mut self.undo_labels, &mut self.redo_labels)
        };
        from.pop();
        to.push(label.clone());
        Ok(Some(label))
    }
}

impl Note {
    pub(crate) fn new(label: impl Into<String>, author: &str) -> Note {
        Note {
            label: label.into(),
            author: author.to_string(),
            ..Note::default()
        }
    }
}

fn set_next(doc: &LoroDoc, note: &Note, at: i64) {
    let peer = doc.peer_id();
    let note = Note {
        start: i64::from(doc.oplog_vv().get(&peer).copied().unwrap_or(0)),
        ..note.clone()
    };
    let message = serde_json::to_string(&note).unwrap_or_default();
    doc.set_next_commit_message(&message);
    doc.set_next_commit_timestamp(at);
}

/// Ends a change of `doc`: one commit with its note and time (Unix seconds).
pub(crate) fn commit(doc: &LoroDoc, note: &Note, at: i64, origin: Option<&str>) {
    set_next(doc, note, at);
    if let Some(origin) = origin {
        doc.set_next_commit_origin(origin);
    }
    doc.commit();
    doc.clear_next_commit_options();
}

pub(crate) fn compressed_snapshot(doc: &LoroDoc) -> Result<Vec<u8>> {
    let bytes = doc.export(ExportMode::Snapshot).map_err(history_error)?;
    let mut out = flate2::write::DeflateEncoder::new(
        Vec::with_capacity(bytes.len() / 2),
        flate2::Compression::fast(),
    );
    out.write_all(&bytes).map_err(history_error)?;
    out.finish().map_err(history_error)
}
