//! The plan's history as a founder reads it: each change with its label, author and time,
//! newest first.

use super::PlanFile;
use crate::domain::Id;
use crate::error::Result;
use crate::store::history::{history_error, Note};
use serde::Serialize;
use specta::Type;
use std::ops::ControlFlow;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LogEntry {
    /// The change's id in the history ("12@1f3a…").
    pub change: String,
    pub label: String,
    /// Empty for changes Keel made itself (the upgrade of an older plan).
    pub author: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// The named version this change marked, if it marked one.
    pub version: Option<Id>,
}

/// One page of the history.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LogPage {
    pub entries: Vec<LogEntry>,
    /// How many changes the history holds in all (after `since`, when given).
    pub total: u32,
}

fn rfc3339(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl PlanFile {
    /// The changes, newest first; with `since`, only those made after that version.
    pub fn log(&self, since: Option<&Id>) -> Result<Vec<LogEntry>> {
        let after = self.point_of(since)?;
        self.read_doc(|doc| log_since(doc, since, after.as_ref()))
    }

    /// How many changes the history holds, and how many of them came after `since`: one read
    /// of the history for both.
    pub fn change_counts(&self, since: Option<&Id>) -> Result<(usize, usize)> {
        let after = self.point_of(since)?;
        self.read_doc(|doc| {
            let all = log_of(doc, None)?.len();
            let after = match since {
                Some(_) => log_since(doc, since, after.as_ref())?.len(),
                None => all,
            };
            Ok((all, after))
        })
    }

    fn point_of(&self, version: Option<&Id>) -> Result<Option<loro::Frontiers>> {
        version.map(|id| self.version_point(id)).transpose()
    }

    /// A page of [`PlanFile::log`].
    pub fn log_page(&self, offset: u32, limit: u32) -> Result<LogPage> {
        let all = self.log(None)?;
        Ok(LogPage {
            total: all.len() as u32,
            entries: all
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .collect(),
        })
    }
}

/// The log after a version's point; the marking of that version itself is not in it.
fn log_since(
    doc: &loro::LoroDoc,
    since: Option<&Id>,
    after: Option<&loro::Frontiers>,
) -> Result<Vec<LogEntry>> {
    let entries = log_of(doc, after)?;
    Ok(match since {
        Some(id) => entries
            .into_iter()
            .filter(|e| e.version.as_ref() != Some(id))
            .collect(),
        None => entries,
    })
}

pub(super) fn log_of(
    doc: &loro::LoroDoc,
    after: Option<&loro::Frontiers>,
) -> Result<Vec<LogEntry>> {
    let known = after.and_then(|point| doc.frontiers_to_vv(point));
    let heads: Vec<_> = doc.oplog_frontiers().iter().collect();
    let mut metas = Vec::new();
    doc.travel_change_ancestors(&heads, &mut |meta| {
        if !known.as_ref().is_some_and(|vv| vv.includes_id(meta.id)) {
            metas.push(meta);
        }
        ControlFlow::Continue(())
    })
    .map_err(history_error)?;
    Ok(entries(metas))
}

/// The changes `doc` has beyond `before`, newest first, read change by change from their ids
/// (never walking the history `before` already held: at 10,000 features that walk reads the
/// plan's whole first change).
pub(crate) fn log_beyond(doc: &loro::LoroDoc, before: &loro::VersionVector) -> Vec<LogEntry> {
    let mut metas = changes_beyond(doc, before);
    metas.sort_by(|a, b| b.lamport.cmp(&a.lamport).then(b.id.peer.cmp(&a.id.peer)));
    entries(metas)
}

/// Whether `doc` has, beyond `before`, a change that follows nothing: a history's first change.
/// This plan has its own; another is the start of another plan's history (relabelled with this
/// plan's identity, or merged by mistake), never a teammate's change to this one.
pub(crate) fn another_start(doc: &loro::LoroDoc, before: &loro::VersionVector) -> bool {
    changes_beyond(doc, before)
        .iter()
        .any(|meta| meta.deps.is_empty())
}

/// The changes `doc` has beyond `before`, peer by peer, read from their ids.
fn changes_beyond(doc: &loro::LoroDoc, before: &loro::VersionVector) -> Vec<loro::ChangeMeta> {
    let mut metas = Vec::new();
    for (&peer, &end) in doc.oplog_vv().iter() {
        let mut counter = before.get(&peer).copied().unwrap_or(0);
        while counter < end {
            let Some(meta) = doc.get_change(loro::ID::new(peer, counter)) else {
                break;
            };
            counter = meta.id.counter + meta.len.max(1) as i32;
            metas.push(meta);
        }
    }
    metas
}

/// The first change of `doc`'s history (the plan's creation): the change of counter 0 that
/// follows nothing.
pub(crate) fn first_change(doc: &loro::LoroDoc) -> Option<loro::ID> {
    doc.oplog_vv().iter().find_map(|(&peer, _)| {
        let id = loro::ID::new(peer, 0);
        doc.get_change(id)
            .filter(|meta| meta.deps.is_empty())
            .map(|_| id)
    })
}

/// Log entries of changes in history order, newest first: the parts of one large commit (one
/// after the other, same peer and message) are one entry.
fn entries(metas: Vec<loro::ChangeMeta>) -> Vec<LogEntry> {
    let mut last: Option<(u64, Option<std::sync::Arc<str>>)> = None;
    let mut out = Vec::new();
    for meta in metas {
        let key = (meta.id.peer, meta.message.clone());
        if last.as_ref() == Some(&key) {
            continue;
        }
        last = Some(key);
        let note = Note::parse(meta.message.as_deref());
        out.push(LogEntry {
            change: format!("{}@{:x}", meta.id.counter, meta.id.peer),
            label: note.label,
            author: note.author,
            at: rfc3339(meta.timestamp),
            version: (!note.version.is_empty()).then_some(note.version),
        });
    }
    out
}
