//! Named versions: marked points of the plan's history ("Board meeting Q4"). A version is kept
//! in the document (so it travels with the history) and listed in the projection's `version`
//! table; the plan as it was at a version is read from the history itself.

use super::record::Kind;
use super::PlanFile;
use crate::clock;
use crate::compute::compare::{compare, Comparison};
use crate::domain::validate::{self, Field};
use crate::domain::PlanDocument;
use crate::domain::{Id, Version};
use crate::error::{CoreError, Result};
use crate::store::history::values::loro_error;
use crate::store::history::{history_error, tree, Note};
use chrono::NaiveDate;
use loro::{Frontiers, LoroDoc, LoroMap, LoroValue};
use rusqlite::Connection;

/// Whether `frontiers` (as a version stores them) name changes this history holds.
pub(crate) fn points_into(doc: &LoroDoc, frontiers: &[u8]) -> bool {
    let Ok(point) = Frontiers::decode(frontiers) else {
        return false;
    };
    let known = doc.oplog_vv();
    let sound = point.iter().all(|id| known.includes_id(id));
    sound
}

/// The versions of `doc` whose point is not in its history, by name.
pub(crate) fn unsound_versions(doc: &LoroDoc) -> Vec<String> {
    let LoroValue::Map(all) = doc.get_map(tree::VERSIONS).get_deep_value() else {
        return Vec::new();
    };
    all.iter()
        .filter_map(|(id, record)| {
            let LoroValue::Map(fields) = record else {
                return Some(id.to_string());
            };
            match fields.get("frontiers") {
                Some(LoroValue::Binary(b)) if points_into(doc, b) => None,
                _ => Some(match fields.get("label") {
                    Some(LoroValue::String(s)) => s.to_string(),
                    _ => id.to_string(),
                }),
            }
        })
        .collect()
}

/// Rewrites the projection's list of versions from the document.
pub(crate) fn project_versions(conn: &Connection, doc: &LoroDoc) -> Result<()> {
    conn.execute("DELETE FROM version", [])?;
    let LoroValue::Map(all) = doc.get_map(tree::VERSIONS).get_deep_value() else {
        return Ok(());
    };
    let mut stmt = conn.prepare_cached(
        "INSERT INTO version (id, label, marked_at, author, frontiers) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (id, record) in all.iter() {
        let LoroValue::Map(fields) = record else {
            continue;
        };
        let text = |key: &str| match fields.get(key) {
            Some(LoroValue::String(s)) => s.to_string(),
            _ => String::new(),
        };
        let frontiers = match fields.get("frontiers") {
            Some(LoroValue::Binary(b)) if points_into(doc, b) => b.to_vec(),
            // A version whose point is not in this history (forged, or broken) is never listed:
            // reading the plan at it would fail.
            _ => continue,
        };
        stmt.execute(rusqlite::params![
            id,
            text("label"),
            text("marked_at"),
            text("author"),
            frontiers
        ])?;
    }
    Ok(())
}

fn version_frontiers(conn: &Connection, id: &str) -> Result<Frontiers> {
    let bytes: Vec<u8> = conn
        .query_row("SELECT frontiers FROM version WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                entity: "version",
                id: id.to_string(),
            },
            other => other.into(),
        })?;
    Frontiers::decode(&bytes).map_err(history_error)
}

/// Marks the document's current point as a version (a bookmark undo does not take back).
pub(crate) fn mark(doc: &LoroDoc, id: &str, label: &str, author: &str, at: &str) -> Result<()> {
    let point = doc.oplog_frontiers().encode();
    let record = doc
        .get_map(tree::VERSIONS)
        .insert_container(id, LoroMap::new())
        .map_err(loro_error)?;
    record.insert("label", label).map_err(loro_error)?;
    record.insert("marked_at", at).map_err(loro_error)?;
    record.insert("author", author).map_err(loro_error)?;
    record.insert("frontiers", point).map_err(loro_error)?;
    Ok(())
}

impl PlanFile {
    /// The named versions, oldest first.
    pub fn versions(&self) -> Result<Vec<Version>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, label, marked_at, author FROM version ORDER BY marked_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Version {
                id: r.get(0)?,
                label: r.get(1)?,
                marked_at: r.get(2)?,
                author: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks the plan as it is now as a named version.
    pub fn mark_version(&mut self, label: &str, author: &str) -> Result<Version> {
        let label = validate::text(Field::new("label", "Version name"), label, 1, 200)?;
        self.ready_to_write()?;
        let marked_at = clock::now();
        let id = self.history()?.new_id();
        let note = Note {
            version: id.clone(),
            ..Note::new(format!("Marked version “{label}”"), author)
        };
        self.change(&note, Kind::Bookmark, |doc| {
            mark(doc, &id, &label, author, &marked_at)
        })?;
        Ok(Version {
            id,
            label,
            marked_at,
            author: author.to_string(),
        })
    }

    /// Finds a version by its id or, failing that, by its name (the newest of that name).
    pub fn find_version(&self, key: &str) -> Result<Version> {
        let versions = self.versions()?;
        versions
            .iter()
            .find(|v| v.id == key)
            .or_else(|| versions.iter().rev().find(|v| v.label == key))
            .cloned()
            .ok_or_else(|| CoreError::NotFound {
                entity: "version",
                id: key.to_string(),
            })
    }

    /// The plan as its history holds it now (what the projection must always equal).
    pub fn history_document(&self) -> Result<PlanDocument> {
        self.read_doc(tree::read_document)
    }

    /// Where a version is in the history.
    pub(crate) fn version_point(&self, id: &Id) -> Result<Frontiers> {
        version_frontiers(self.conn(), id)
    }

    /// The plan as it was at a version, read from the history.
    pub fn version_document(&self, id: &Id) -> Result<PlanDocument> {
        let point = self.version_point(id)?;
        self.read_doc(|doc| {
            let then = doc.fork_at(&point).map_err(history_error)?;
            tree::read_document(&then)
        })
    }
}

impl PlanFile {
    /// The plan at version `from` against version `to`, or against now (as of `today`) when
    /// `to` is none; a version is read as of the day it was marked.
    pub fn compare_versions(
        &mut self,
        from: &Id,
        to: Option<&Id>,
        today: NaiveDate,
    ) -> Result<Comparison> {
        let side = |file: &PlanFile, id: &Id| -> Result<_> {
            let version = file.find_version(id)?;
            let day = chrono::DateTime::parse_from_rfc3339(&version.marked_at)
                .map(|at| at.date_naive())
                .unwrap_or(today);
            let name = format!("{} ({day})", version.label);
            Ok((name, file.version_document(&version.id)?, day))
        };
        let (from_name, old, old_day) = side(self, from)?;
        let (to_name, new, new_day) = match to {
            Some(id) => side(self, id)?,
            None => ("now".to_string(), self.current()?.clone(), today),
        };
        Ok(compare(
            (&from_name, &old, old_day),
            (&to_name, &new, new_day),
        ))
    }

    /// The plan now against its last named version (as of `today`); none without a version.
    pub fn since_last_version(&mut self, today: NaiveDate) -> Result<Option<Comparison>> {
        match self.versions()?.pop() {
            Some(last) => self.compare_versions(&last.id, None, today).map(Some),
            None => Ok(None),
        }
    }
}
