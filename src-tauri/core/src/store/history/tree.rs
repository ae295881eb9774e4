//! The shape of the plan inside its document, and the reads and writes of its parts.
//!
//! Root containers: `meta` (the plan's identity), `plan`, `canvas` and `goal` (one record each),
//! one map per kind of item (`features`, `teams`, `milestones`, `actuals`, `factory`) whose keys
//! are the items' ids and whose values are the items' records, `feature_order` (the manual order
//! of the features, a movable list of ids) and `versions` (named versions). A deleted item keeps
//! its record with `deleted: true`, so undoing the delete brings it back with its id and links.

use super::values::{self, loro_error, read_fields, write_fields};
use crate::domain::PlanDocument;
use crate::domain::{
    ActualData, FactorySnapshotData, Feature, FeatureData, Id, Item, LeanCanvas, MilestoneData,
    Plan, PlanData, TeamData, TractionGoal,
};
use crate::error::Result;
use loro::{Container, LoroDoc, LoroMap, LoroMovableList, LoroValue, ValueOrContainer};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashSet;

/// The plan's identity (`plan_id`), fixed at creation; the file's history_meta table shows it.
pub(crate) const META: &str = "meta";
pub(crate) const PLAN: &str = "plan";
pub(crate) const CANVAS: &str = "canvas";
pub(crate) const GOAL: &str = "goal";
pub(crate) const ORDER: &str = "feature_order";
pub(crate) const VERSIONS: &str = "versions";

/// A kind of item the plan holds many of.
pub(crate) trait Stored: Serialize + DeserializeOwned + Clone {
    /// The root map holding the items of this kind.
    const ROOT: &'static str;
    /// The fields kept as Loro text.
    const TEXTS: &'static [&'static str];
}

impl Stored for FeatureData {
    const ROOT: &'static str = "features";
    const TEXTS: &'static [&'static str] = &["title", "description"];
}

impl Stored for TeamData {
    const ROOT: &'static str = "teams";
    const TEXTS: &'static [&'static str] = &["name"];
}

impl Stored for MilestoneData {
    const ROOT: &'static str = "milestones";
    const TEXTS: &'static [&'static str] = &["name", "ninety_day_goals"];
}

impl Stored for ActualData {
    const ROOT: &'static str = "actuals";
    const TEXTS: &'static [&'static str] = &[];
}

impl Stored for FactorySnapshotData {
    const ROOT: &'static str = "factory";
    const TEXTS: &'static [&'static str] = &[];
}

/// The item roots, in the order a projection writes them (what features link to first).
pub(crate) const ITEM_ROOTS: &[&str] = &[
    MilestoneData::ROOT,
    TeamData::ROOT,
    ActualData::ROOT,
    FactorySnapshotData::ROOT,
    FeatureData::ROOT,
];

pub(crate) const PLAN_TEXTS: &[&str] = &["company_name", "tagline", "vision", "strategy"];
pub(crate) const CANVAS_TEXTS: &[&str] = &[
    "problem",
    "customer_segments",
    "unique_value_proposition",
    "solution",
    "channels",
    "revenue_streams",
    "cost_structure",
    "key_metrics",
    "unfair_advantage",
];

fn child_map(parent: &LoroMap, key: &str) -> Option<LoroMap> {
    match parent.get(key) {
        Some(ValueOrContainer::Container(Container::Map(m))) => Some(m),
        _ => None,
    }
}

/// The record of item `id` of kind `T`, deleted or not.
pub(crate) fn item_map<T: Stored>(doc: &LoroDoc, id: &str) -> Option<LoroMap> {
    child_map(&doc.get_map(T::ROOT), id)
}

/// A live item's data; `None` when it was never made or is deleted.
pub(crate) fn read_item<T: Stored>(doc: &LoroDoc, id: &str) -> Result<Option<T>> {
    match item_map::<T>(doc, id) {
        Some(map) if !values::is_deleted(&map) => Ok(Some(read_fields(&map.get_deep_value())?)),
        _ => Ok(None),
    }
}

/// The live items of a kind, sorted by id (the projection orders them as the founder reads).
pub(crate) fn read_items<T: Stored>(doc: &LoroDoc) -> Result<Vec<Item<T>>> {
    let LoroValue::Map(all) = doc.get_map(T::ROOT).get_deep_value() else {
        return Ok(Vec::new());
    };
    let mut items = Vec::with_capacity(all.len());
    for (id, record) in all.iter() {
        if matches!(record, LoroValue::Map(m) if !matches!(m.get(values::DELETED), Some(LoroValue::Bool(true))))
        {
            items.push(Item {
                id: id.clone(),
                data: read_fields(record)?,
            });
        }
    }
    items.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(items)
}

/// Writes item `id`'s data (making its record if new, bringing it back if deleted).
pub(crate) fn write_item<T: Stored>(doc: &LoroDoc, id: &str, data: &T) -> Result<()> {
    let root = doc.get_map(T::ROOT);
    match child_map(&root, id) {
        Some(map) => {
            write_fields(&map, data, T::TEXTS)?;
            values::set_deleted(&map, false)?;
        }
        // A new record: no deleted mark (missing reads as not deleted), no unset fields.
        None => {
            let map = root
                .insert_container(id, LoroMap::new())
                .map_err(loro_error)?;
            values::write_new_fields(&map, data, T::TEXTS)?;
        }
    }
    Ok(())
}

pub(crate) fn delete_item<T: Stored>(doc: &LoroDoc, id: &str) -> Result<bool> {
    match item_map::<T>(doc, id) {
        Some(map) => values::set_deleted(&map, true),
        None => Ok(false),
    }
}

pub(crate) fn read_plan(doc: &LoroDoc) -> Result<PlanData> {
    read_fields(&doc.get_map(PLAN).get_deep_value())
}

pub(crate) fn write_plan(doc: &LoroDoc, data: &PlanData) -> Result<()> {
    write_fields(&doc.get_map(PLAN), data, PLAN_TEXTS).map(drop)
}

/// When the plan was created (RFC 3339), kept beside its editable fields.
pub(crate) fn created_at(doc: &LoroDoc) -> String {
    match doc.get_map(PLAN).get("created_at") {
        Some(ValueOrContainer::Value(LoroValue::String(s))) => s.to_string(),
        _ => String::new(),
    }
}

pub(crate) fn read_canvas(doc: &LoroDoc) -> Result<LeanCanvas> {
    let map = doc.get_map(CANVAS);
    if map.is_empty() {
        return Ok(LeanCanvas::default());
    }
    read_fields(&map.get_deep_value())
}

pub(crate) fn write_canvas(doc: &LoroDoc, canvas: &LeanCanvas) -> Result<()> {
    write_fields(&doc.get_map(CANVAS), canvas, CANVAS_TEXTS).map(drop)
}

pub(crate) fn read_goal(doc: &LoroDoc) -> Result<Option<TractionGoal>> {
    let map = doc.get_map(GOAL);
    if map.is_empty() || values::is_deleted(&map) {
        return Ok(None);
    }
    read_fields(&map.get_deep_value()).map(Some)
}

pub(crate) fn write_goal(doc: &LoroDoc, goal: Option<&TractionGoal>) -> Result<()> {
    let map = doc.get_map(GOAL);
    match goal {
        Some(goal) => {
            write_fields(&map, goal, &[])?;
            values::set_deleted(&map, false)?;
        }
        None if !map.is_empty() => {
            values::set_deleted(&map, true)?;
        }
        None => {}
    }
    Ok(())
}

pub(crate) fn order(doc: &LoroDoc) -> LoroMovableList {
    doc.get_movable_list(ORDER)
}

/// The ids of the live features in their manual order. A feature missing from the order list
/// (possible after merges) follows the listed ones, by id; an id listed twice counts once.
pub(crate) fn feature_order(doc: &LoroDoc) -> Vec<Id> {
    let live: HashSet<Id> = live_ids::<FeatureData>(doc);
    let mut seen = HashSet::with_capacity(live.len());
    let mut ordered = Vec::with_capacity(live.len());
    for value in order(doc)
        .get_value()
        .into_list()
        .unwrap_or_default()
        .iter()
    {
        if let LoroValue::String(id) = value {
            let id = id.to_string();
            if live.contains(&id) && seen.insert(id.clone()) {
                ordered.push(id);
            }
        }
    }
    let mut rest: Vec<Id> = live.into_iter().filter(|id| !seen.contains(id)).collect();
    rest.sort();
    ordered.extend(rest);
    ordered
}

fn live_ids<T: Stored>(doc: &LoroDoc) -> HashSet<Id> {
    let mut ids = HashSet::new();
    doc.get_map(T::ROOT).for_each(|id, value| {
        if let ValueOrContainer::Container(Container::Map(m)) = value {
            if !values::is_deleted(&m) {
                ids.insert(id.to_string());
            }
        }
    });
    ids
}

/// Where feature `id` is in the order list (which also holds deleted features' ids).
pub(crate) fn order_index(doc: &LoroDoc, id: &str) -> Option<usize> {
    let list = order(doc);
    (0..list.len()).find(|&i| {
        matches!(list.get(i), Some(ValueOrContainer::Value(LoroValue::String(s))) if *s == *id)
    })
}

/// Moves feature `id` so that it is the `position`-th live feature (1-based, clamped).
pub(crate) fn move_feature(doc: &LoroDoc, id: &str, position: u32) -> Result<()> {
    let live = feature_order(doc);
    let Some(from_live) = live.iter().position(|f| f == id) else {
        return Ok(());
    };
    let to_live = (position.max(1) as usize - 1).min(live.len() - 1);
    if to_live == from_live {
        return Ok(());
    }
    let list = order(doc);
    let from = match order_index(doc, id) {
        Some(i) => i,
        None => {
            list.push(id).map_err(loro_error)?;
            list.len() - 1
        }
    };
    // The list index of the live feature now at the target place; the moved one goes there.
    let anchor = &live[to_live];
    let to = order_index(doc, anchor).unwrap_or(list.len() - 1);
    list.mov(from, to).map_err(loro_error)?;
    Ok(())
}

/// The whole plan as the document holds it (the plan's `updated_at` is its creation time: the
/// document keeps when each change was made, not a field for it).
pub(crate) fn read_document(doc: &LoroDoc) -> Result<PlanDocument> {
    let created_at = created_at(doc);
    let mut features = read_items::<FeatureData>(doc)?;
    let place: std::collections::HashMap<Id, usize> = feature_order(doc)
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    features.sort_by_key(|f| place.get(&f.id).copied().unwrap_or(usize::MAX));
    // A link to a deleted milestone or team is kept (undo brings it back) and reads as none.
    let (milestones, teams) = (live_ids::<MilestoneData>(doc), live_ids::<TeamData>(doc));
    for f in &mut features {
        f.data.milestone_id = f
            .data
            .milestone_id
            .take()
            .filter(|id| milestones.contains(id));
        f.data.team_id = f.data.team_id.take().filter(|id| teams.contains(id));
    }
    Ok(PlanDocument {
        format: PlanDocument::FORMAT,
        plan: Plan {
            data: read_plan(doc)?,
            created_at: created_at.clone(),
            updated_at: created_at,
        },
        canvas: read_canvas(doc)?,
        goal: read_goal(doc)?,
        milestones: sorted(read_items(doc)?, |m: &MilestoneData| (m.date, None)),
        actuals: sorted(read_items(doc)?, |a: &ActualData| (a.date, None)),
        factory_snapshots: sorted(read_items(doc)?, |s: &FactorySnapshotData| {
            (s.period_start, None)
        }),
        teams: sorted(read_items(doc)?, |t: &TeamData| {
            (chrono::NaiveDate::MIN, Some(t.name.to_ascii_lowercase()))
        }),
        features: features
            .into_iter()
            .enumerate()
            .map(|(i, f)| Feature {
                id: f.id,
                position: i as u32 + 1,
                data: f.data,
            })
            .collect(),
    })
}

/// Items in the order the projection lists them (by a key, then by id).
fn sorted<T>(
    mut items: Vec<Item<T>>,
    key: impl Fn(&T) -> (chrono::NaiveDate, Option<String>),
) -> Vec<Item<T>> {
    items.sort_by(|a, b| {
        key(&a.data)
            .cmp(&key(&b.data))
            .then_with(|| a.id.cmp(&b.id))
    });
    items
}

/// Writes a whole plan into the document: what differs is changed, items absent from `plan`
/// are deleted, and the features take `plan`'s order. Used to create, import and upgrade.
pub(crate) fn write_document(doc: &LoroDoc, plan: &PlanDocument) -> Result<()> {
    write_plan(doc, &plan.plan.data)?;
    let meta = doc.get_map(PLAN);
    if created_at(doc).is_empty() {
        meta.insert("created_at", plan.plan.created_at.as_str())
            .map_err(loro_error)?;
    }
    write_canvas(doc, &plan.canvas)?;
    write_goal(doc, plan.goal.as_ref())?;
    sync_items(doc, &plan.milestones)?;
    sync_items(doc, &plan.teams)?;
    sync_items(doc, &plan.actuals)?;
    sync_items(doc, &plan.factory_snapshots)?;
    let features: Vec<Item<FeatureData>> = plan
        .features
        .iter()
        .map(|f| Item {
            id: f.id.clone(),
            data: f.data.clone(),
        })
        .collect();
    sync_items(doc, &features)?;
    let wanted: Vec<Id> = plan.features.iter().map(|f| f.id.clone()).collect();
    if feature_order(doc) != wanted {
        let list = order(doc);
        list.clear().map_err(loro_error)?;
        for id in &wanted {
            list.push(id.as_str()).map_err(loro_error)?;
        }
    }
    Ok(())
}

fn sync_items<T: Stored>(doc: &LoroDoc, items: &[Item<T>]) -> Result<()> {
    let keep: HashSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
    for id in live_ids::<T>(doc) {
        if !keep.contains(id.as_str()) {
            delete_item::<T>(doc, &id)?;
        }
    }
    for item in items {
        write_item(doc, &item.id, &item.data)?;
    }
    Ok(())
}
