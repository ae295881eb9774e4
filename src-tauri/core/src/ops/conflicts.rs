//! Conflicts a merge found, kept in the plan file until a founder settles them: take the other
//! value (an edit like any other, undone as one) or keep what the history kept. A feature deleted
//! while a teammate edited it stays in the history, deleted, and is restored from here or from
//! the History's list of deleted features.

use super::conflict_words::{place_words, words};
use super::{Applied, Operation, Prepared};
use crate::domain::validate::Field;
use crate::domain::{
    ActualData, FactorySnapshotData, FeatureData, Id, MilestoneData, TeamData, TractionGoal,
};
use crate::error::{CoreError, Result};
use crate::store::history::concurrent::{Concurrent, Place};
use crate::store::history::history_error;
use crate::store::history::tree::{self, Stored};
use crate::store::history::values::{self, to_json};
use crate::store::{Entity, PlanFile};
use loro::{Container, LoroDoc, ValueOrContainer};
use rusqlite::{Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use specta::Type;

/// A conflict as the History shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Conflict {
    pub id: u32,
    /// "Dana's ‘Next’ replaced Ali's ‘Now’ on “SSO”".
    pub sentence: String,
    /// The button that takes the other value (or restores the deleted item).
    pub take: String,
    /// The button that keeps what the history holds.
    pub keep: String,
    /// When the merge found it (RFC 3339, UTC).
    pub found_at: String,
    /// The feature it is about, if it is about one.
    pub feature: Option<Id>,
}

/// A deleted feature, kept in the history and restorable.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DeletedFeature {
    pub id: Id,
    pub title: String,
}

/// The projection table of an item root (where a live item has its row).
fn table_of(root: &str) -> Option<&'static str> {
    Some(match root {
        "features" => "feature",
        "teams" => TeamData::TABLE,
        "milestones" => MilestoneData::TABLE,
        "actuals" => ActualData::TABLE,
        "factory" => FactorySnapshotData::TABLE,
        _ => return None,
    })
}

struct Row {
    kind: String,
    place: Place,
    key: String,
    other: Value,
    conflict: Conflict,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    let root: String = r.get(3)?;
    let item: Option<String> = r.get(4)?;
    let other: String = r.get(6)?;
    Ok(Row {
        kind: r.get(1)?,
        key: r.get(5)?,
        other: serde_json::from_str(&other).unwrap_or(Value::Null),
        conflict: Conflict {
            id: r.get(0)?,
            sentence: r.get(7)?,
            take: r.get(8)?,
            keep: r.get(9)?,
            found_at: r.get(2)?,
            feature: item.clone().filter(|_| root == FeatureData::ROOT),
        },
        place: Place { root, item },
    })
}

const COLUMNS: &str = "id, kind, found_at, root, item, key, other, sentence, take, keep";

/// Keeps what a merge found (in one transaction: one write to the disk however many there
/// are); returns it as the History shows it.
pub(crate) fn note(
    conn: &Connection,
    doc: &LoroDoc,
    found: &[Concurrent],
    at: &str,
) -> Result<Vec<Conflict>> {
    let tx = conn.unchecked_transaction()?;
    let out = insert(&tx, doc, found, at)?;
    tx.commit()?;
    Ok(out)
}

fn insert(
    conn: &Connection,
    doc: &LoroDoc,
    found: &[Concurrent],
    at: &str,
) -> Result<Vec<Conflict>> {
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let said = words(doc, f);
        let (kind, place, key, other) = match f {
            Concurrent::Value {
                place, key, other, ..
            } => ("value", place, key.as_str(), to_json(&other.value)),
            Concurrent::DeletedWhileEdited { place, .. } => {
                ("deleted", place, values::DELETED, Value::Null)
            }
        };
        conn.prepare_cached(
            "INSERT INTO conflict (found_at, kind, root, item, key, other, sentence, take, keep)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(rusqlite::params![
            at,
            kind,
            place.root,
            place.item,
            key,
            other.to_string(),
            said.sentence,
            said.take,
            said.keep
        ])?;
        out.push(Conflict {
            id: conn.last_insert_rowid() as u32,
            sentence: said.sentence,
            take: said.take,
            keep: said.keep,
            found_at: at.to_string(),
            feature: place
                .item
                .clone()
                .filter(|_| place.root == FeatureData::ROOT),
        });
    }
    Ok(out)
}

/// `data` with one field set to `value` (as its JSON form), or why that value does not fit.
fn with_field<T: Serialize + DeserializeOwned>(data: &T, key: &str, value: &Value) -> Result<T> {
    let mut json = serde_json::to_value(data).map_err(history_error)?;
    if let Value::Object(fields) = &mut json {
        fields.insert(key.to_string(), value.clone());
    }
    serde_json::from_value(json).map_err(|e| {
        CoreError::invalid(
            Field::new("value", "Other value"),
            format!("the other value no longer fits this field ({e})"),
        )
    })
}

impl PlanFile {
    fn conflict_row(&self, id: u32) -> Result<Row> {
        let sql = format!("SELECT {COLUMNS} FROM conflict WHERE id = ?1 AND settled = 0");
        self.conn()
            .query_row(&sql, [id], row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound {
                entity: "open conflict",
                id: id.to_string(),
            })
    }

    /// The conflicts not settled yet, newest first. A deleted item's conflict ends once the
    /// item is back (restored here, from the History's list, or by a teammate).
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let sql = format!("SELECT {COLUMNS} FROM conflict WHERE settled = 0 ORDER BY id DESC");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            if r.kind == "deleted" {
                if let (Some(table), Some(id)) = (table_of(&r.place.root), &r.place.item) {
                    if crate::store::exists(self.conn(), table, id)? {
                        continue;
                    }
                }
            }
            out.push(r.conflict);
        }
        Ok(out)
    }

    /// Settles a conflict by keeping what the history holds (nothing in the plan changes).
    pub fn keep_conflict(&mut self, id: u32) -> Result<()> {
        self.ready_to_write()?;
        self.conflict_row(id)?;
        self.settle(id)
    }

    fn settle(&self, id: u32) -> Result<()> {
        self.conn()
            .execute("UPDATE conflict SET settled = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Settles a conflict by taking the value the history did not keep (or restoring the deleted
    /// item): one operation by `author`, checked as any edit and undone as one.
    pub fn take_other(&mut self, id: u32, author: &str) -> Result<Applied> {
        self.ready_to_write()?;
        let r = self.conflict_row(id)?;
        let what = place_words(&self.history()?.doc, &r.place);
        let mut prepared = if r.kind == "deleted" {
            self.restore_prepared(&r.place, &what)?
        } else {
            let op = self.taking(&r, &what)?;
            self.prepare(op)?
        };
        if r.kind != "deleted" {
            prepared.label = format!("{} on {what}", r.conflict.take.replacen("Take", "Took", 1));
        }
        let applied = self.run(prepared, author)?;
        self.settle(id)?;
        Ok(applied)
    }

    /// The edit that sets the conflict's field to the other value.
    fn taking(&mut self, r: &Row, what: &str) -> Result<Operation> {
        let gone = || {
            CoreError::invalid(
                Field::new("value", "Other value"),
                format!("{what} was deleted since; restore it first"),
            )
        };
        let (key, other) = (r.key.as_str(), &r.other);
        let id = r.place.item.clone().unwrap_or_default();
        let found = |e: CoreError| match e {
            CoreError::NotFound { .. } => gone(),
            e => e,
        };
        Ok(match r.place.root.as_str() {
            "features" => Operation::UpdateFeature {
                data: with_field(&self.feature(&id).map_err(found)?.data, key, other)?,
                id,
            },
            "teams" => Operation::UpdateTeam {
                data: with_field(&self.get::<TeamData>(&id).map_err(found)?.data, key, other)?,
                id,
            },
            "milestones" => Operation::UpdateMilestone {
                data: with_field(
                    &self.get::<MilestoneData>(&id).map_err(found)?.data,
                    key,
                    other,
                )?,
                id,
            },
            "actuals" => Operation::UpdateActual {
                data: with_field(
                    &self.get::<ActualData>(&id).map_err(found)?.data,
                    key,
                    other,
                )?,
                id,
            },
            "factory" => Operation::UpdateFactoryWeek {
                data: with_field(
                    &self.get::<FactorySnapshotData>(&id).map_err(found)?.data,
                    key,
                    other,
                )?,
                id,
            },
            tree::PLAN => Operation::UpdatePlan {
                data: with_field(&self.plan()?.data, key, other)?,
            },
            tree::CANVAS => Operation::UpdateCanvas {
                canvas: with_field(&self.canvas()?, key, other)?,
            },
            tree::GOAL => {
                let goal: TractionGoal = self.goal()?.ok_or_else(gone)?;
                Operation::SetGoal {
                    goal: with_field(&goal, key, other)?,
                }
            }
            _ => return Err(gone()),
        })
    }

    /// Brings a deleted item back as it is in the history (with every edit made to it).
    pub(super) fn restore_prepared(&mut self, place: &Place, what: &str) -> Result<Prepared> {
        let id = place
            .item
            .clone()
            .ok_or_else(|| history_error("not an item"))?;
        let root = place.root.clone();
        if tree::ITEM_ROOTS.contains(&root.as_str()) {
            let doc = &self.history()?.doc;
            let known = match doc.get_map(root.as_str()).get(&id) {
                Some(ValueOrContainer::Container(Container::Map(m))) => Some(m),
                _ => None,
            };
            if known.is_none() {
                return Err(CoreError::NotFound {
                    entity: "deleted item",
                    id,
                });
            }
        }
        Ok(Prepared {
            label: format!("Restored {what}"),
            created: None,
            write: Box::new(move |doc| {
                if let Some(ValueOrContainer::Container(Container::Map(map))) =
                    doc.get_map(root.as_str()).get(&id)
                {
                    values::set_deleted(&map, false)?;
                }
                if root == FeatureData::ROOT && tree::order_index(doc, &id).is_none() {
                    tree::order(doc).push(id.as_str()).map_err(history_error)?;
                }
                Ok(())
            }),
        })
    }

    /// The features deleted from the plan (kept in its history), by title.
    pub fn deleted_features(&mut self) -> Result<Vec<DeletedFeature>> {
        let doc = &self.history()?.doc;
        let mut out = Vec::new();
        doc.get_map(FeatureData::ROOT).for_each(|id, value| {
            if let ValueOrContainer::Container(Container::Map(m)) = value {
                if values::is_deleted(&m) {
                    let title = match m.get("title") {
                        Some(ValueOrContainer::Container(Container::Text(t))) => t.to_string(),
                        _ => String::new(),
                    };
                    out.push(DeletedFeature {
                        id: id.to_string(),
                        title,
                    });
                }
            }
        });
        out.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }
}
