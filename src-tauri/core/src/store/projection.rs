//! The plan file's tables as a projection of the plan's document: after each change the parts
//! it touched are rewritten from the document, in the transaction that records the change; a
//! projection whose version differs from the document's is rebuilt whole.

use super::entity::Entity;
use super::features::{feature_positions, upsert_feature};
use super::plan::{write_canvas, write_goal, write_plan_row};
use crate::domain::{ActualData, FactorySnapshotData, FeatureData, MilestoneData, TeamData};
use crate::error::Result;
use crate::store::history::tree::{self, Stored};
use crate::store::history::Touched;
use loro::LoroDoc;
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Features by id as an operation wrote them whole into the document (what reading their
/// records back would give), filled while it writes. An operation that fills it writes nothing
/// but these features and the order of the new ones: what it touched is read from here, not
/// gathered from the document's events (storage/record.rs).
pub(crate) type Written = Arc<Mutex<HashMap<String, FeatureData>>>;

/// Above this many features touched, the projection reads what it needs about all of them once.
const MANY: usize = 200;

/// Rewrites what `touched` names, taking the features in `written` as they are there; returns
/// whether the features' positions were renumbered.
pub(crate) fn project(
    conn: &Connection,
    doc: &LoroDoc,
    touched: &Touched,
    written: &HashMap<String, FeatureData>,
) -> Result<bool> {
    if touched.plan {
        write_plan_row(conn, &tree::read_plan(doc)?, &tree::created_at(doc))?;
    }
    if touched.canvas {
        write_canvas(conn, &tree::read_canvas(doc)?)?;
    }
    if touched.goal {
        conn.execute("DELETE FROM traction_goal", [])?;
        if let Some(goal) = tree::read_goal(doc)? {
            write_goal(conn, &goal)?;
        }
    }
    project_items::<MilestoneData>(conn, doc, touched)?;
    project_items::<TeamData>(conn, doc, touched)?;
    project_items::<ActualData>(conn, doc, touched)?;
    project_items::<FactorySnapshotData>(conn, doc, touched)?;
    let mut reorder = touched.order;
    let ids: Vec<&String> = touched.items_of(FeatureData::ROOT).collect();
    // Many features (an import, a merge): which are shown is read once, and they are written in
    // the document's order, so the new ones take their positions as they come and the
    // renumbering after them has nothing to change.
    let (ids, order) = if ids.len() > MANY {
        let order = tree::feature_order(doc);
        let rank: HashMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let mut ids = ids;
        ids.sort_by_key(|id| rank.get(id.as_str()).copied().unwrap_or(usize::MAX));
        (ids, Some(order))
    } else {
        (ids, None)
    };
    let shown_all = match order {
        Some(_) => Some(feature_positions(conn)?),
        None => None,
    };
    for id in ids {
        let shown = match &shown_all {
            Some(positions) => positions.contains_key(id),
            None => conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM feature WHERE id = ?1)")?
                .query_row([id], |r| r.get(0))?,
        };
        let read;
        let data = match written.get(id.as_str()) {
            Some(data) => Some(data),
            None => {
                read = tree::read_item::<FeatureData>(doc, id)?;
                read.as_ref()
            }
        };
        match data {
            Some(data) => {
                upsert_feature(conn, id, data)?;
                reorder |= !shown;
            }
            None => {
                conn.prepare_cached("DELETE FROM feature WHERE id = ?1")?
                    .execute([id])?;
                reorder |= shown;
            }
        }
    }
    if reorder {
        renumber(conn, order.unwrap_or_else(|| tree::feature_order(doc)))?;
    }
    if touched.versions {
        super::versions::project_versions(conn, doc)?;
    }
    Ok(reorder)
}

fn project_items<T: Stored + Entity>(
    conn: &Connection,
    doc: &LoroDoc,
    touched: &Touched,
) -> Result<()> {
    for id in touched.items_of(T::ROOT) {
        match tree::read_item::<T>(doc, id)? {
            Some(data) => super::entity::upsert(conn, id, &data)?,
            None => super::entity::remove::<T>(conn, id)?,
        }
    }
    Ok(())
}

/// Gives every feature the position the document's order gives it (only changed rows are
/// written).
fn renumber(conn: &Connection, order: Vec<String>) -> Result<()> {
    let current = feature_positions(conn)?;
    let mut stmt = conn.prepare_cached("UPDATE feature SET position = ?1 WHERE id = ?2")?;
    for (i, id) in order.iter().enumerate() {
        let position = i as u32 + 1;
        if current.get(id) != Some(&position) {
            stmt.execute(rusqlite::params![position, id])?;
        }
    }
    Ok(())
}

/// Rebuilds every table from the document.
pub(crate) fn rebuild(conn: &Connection, doc: &LoroDoc) -> Result<()> {
    for table in [
        "feature",
        "milestone",
        "team",
        "traction_actual",
        "factory_snapshot",
        "traction_goal",
        "lean_canvas",
        "version",
    ] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut all = Touched {
        plan: true,
        canvas: true,
        goal: true,
        order: true,
        versions: true,
        ..Touched::default()
    };
    for root in tree::ITEM_ROOTS {
        let ids = doc.get_map(*root).keys().map(|k| k.to_string()).collect();
        all.items.insert(root.to_string(), ids);
    }
    project(conn, doc, &all, &HashMap::new()).map(drop)
}
