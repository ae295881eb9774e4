//! What a merge's changes did at the same time as this copy's own: two people setting the same
//! field (the document keeps one value, the same on every copy — the other is found here so a
//! founder can take it instead), and an item deleted by one while the other edited it.
//!
//! "At the same time" is exact: the incoming changes are those the merge added; the concurrent
//! ones are this copy's changes that the incoming changes' authors had not seen (not in the
//! causal past of any incoming change).

use super::{history_error, meet, tree, values, Note};
use crate::error::Result;
use loro::{
    ContainerID, Frontiers, Index, JsonMapOp, JsonOpContent, LoroDoc, LoroValue, VersionVector, ID,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One side's last write of a field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Write {
    pub author: String,
    pub value: LoroValue,
    order: (u32, u64),
}

/// Where a field is: a root record (`item` none) or an item of a root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Place {
    pub root: String,
    pub item: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Concurrent {
    /// Both set `key`; `kept` is the value the document holds, `other` the one it does not.
    Value {
        place: Place,
        key: String,
        kept: Write,
        other: Write,
    },
    /// One side deleted the item while the other edited it.
    DeletedWhileEdited {
        place: Place,
        deleted_by: String,
        edited_by: String,
        /// Whether the edit was this copy's (the deletion came in).
        edited_here: bool,
    },
}

/// What one side of a merge wrote.
#[derive(Default)]
struct Side {
    /// Each field's last write.
    fields: HashMap<(ContainerID, String), Write>,
    /// The items whose record (or a text in it) the side changed, other than deleting them.
    edited: BTreeMap<Place, String>,
}

/// The changes of `doc` between `from` and `to`, as one side's writes.
fn side(doc: &LoroDoc, from: &VersionVector, to: &VersionVector) -> Result<Side> {
    let json = doc
        .export_json_updates_without_peer_compression(from, to)
        .map_err(history_error)?;
    let mut out = Side::default();
    let mut places: HashMap<ContainerID, Option<Place>> = HashMap::new();
    for change in json.changes {
        let author = Note::parse(change.msg.as_deref()).author;
        for op in change.ops {
            let place = places
                .entry(op.container.clone())
                .or_insert_with(|| place_of(doc, &op.container))
                .clone();
            let Some(place) = place else { continue };
            if let JsonOpContent::Map(JsonMapOp::Insert { key, value }) = &op.content {
                if matches!(value, LoroValue::Container(_)) {
                    continue;
                }
                let order = (
                    change.lamport + (op.counter - change.id.counter) as u32,
                    change.id.peer,
                );
                let write = Write {
                    author: author.clone(),
                    value: value.clone(),
                    order,
                };
                let slot = out.fields.entry((op.container.clone(), key.clone()));
                let slot = slot.or_insert_with(|| write.clone());
                if write.order > slot.order {
                    *slot = write;
                }
                if key == values::DELETED {
                    continue;
                }
            }
            if place.item.is_some() {
                out.edited.entry(place).or_insert_with(|| author.clone());
            }
        }
    }
    Ok(out)
}

/// The plan part a container belongs to; `None` for containers no founder edits directly (the
/// feature order, the versions, the plan's identity).
fn place_of(doc: &LoroDoc, container: &ContainerID) -> Option<Place> {
    let path = doc.get_path_to_container(container)?;
    let (ContainerID::Root { name, .. }, _) = path.first()? else {
        return None;
    };
    let root = name.to_string();
    if tree::ITEM_ROOTS.contains(&root.as_str()) {
        match path.get(1) {
            Some((_, Index::Key(id))) => Some(Place {
                root,
                item: Some(id.to_string()),
            }),
            _ => None,
        }
    } else if [tree::PLAN, tree::CANVAS, tree::GOAL].contains(&root.as_str()) {
        Some(Place { root, item: None })
    } else {
        None
    }
}

/// The version holding every change the changes between `before` and `after` depended on.
fn seen_by_incoming(doc: &LoroDoc, before: &VersionVector, after: &VersionVector) -> VersionVector {
    let heads: Vec<ID> = after
        .iter()
        .filter(|(peer, end)| before.get(peer).copied().unwrap_or(0) < **end)
        .map(|(peer, end)| ID::new(*peer, *end - 1))
        .collect();
    doc.frontiers_to_vv(&Frontiers::from(heads))
        .unwrap_or_default()
}

/// A side's writes in a fixed order (by container, then key), so every copy words a merge's
/// conflicts in the same order.
fn sorted(fields: &HashMap<(ContainerID, String), Write>) -> Vec<(&(ContainerID, String), &Write)> {
    let mut all: Vec<_> = fields.iter().collect();
    all.sort_by_cached_key(|((c, k), _)| (c.to_string(), k.clone()));
    all
}

/// What the changes `doc` gained after `before` did concurrently with this copy's changes.
pub(crate) fn found(doc: &LoroDoc, before: &VersionVector) -> Result<Vec<Concurrent>> {
    let after = doc.oplog_vv();
    if after == *before {
        return Ok(Vec::new());
    }
    let seen = seen_by_incoming(doc, before, &after);
    let base = meet(&seen, before);
    if base == *before {
        // Every change of this copy was known to the incoming ones: nothing concurrent.
        return Ok(Vec::new());
    }
    let incoming = side(doc, before, &after)?;
    let here = side(doc, &base, before)?;
    let mut out = Vec::new();
    let mut deleted: BTreeSet<Place> = BTreeSet::new();
    for ((container, key), theirs) in sorted(&incoming.fields) {
        let Some(mine) = here.fields.get(&(container.clone(), key.clone())) else {
            continue;
        };
        let Some(place) = place_of(doc, container) else {
            continue;
        };
        if key == values::DELETED || theirs.value == mine.value {
            continue;
        }
        let now = doc.get_map(container.clone()).get(key);
        let holds =
            |w: &Write| matches!(&now, Some(loro::ValueOrContainer::Value(v)) if *v == w.value);
        let (kept, other) = if holds(theirs) {
            (theirs, mine)
        } else if holds(mine) {
            (mine, theirs)
        } else {
            continue;
        };
        out.push(Concurrent::Value {
            place,
            key: key.clone(),
            kept: kept.clone(),
            other: other.clone(),
        });
    }
    for (deleter, editor, edited_here) in [(&incoming, &here, true), (&here, &incoming, false)] {
        for ((container, key), write) in sorted(&deleter.fields) {
            if key != values::DELETED || write.value != LoroValue::Bool(true) {
                continue;
            }
            let Some(place) = place_of(doc, container) else {
                continue;
            };
            let Some(edited_by) = editor.edited.get(&place) else {
                continue;
            };
            let map = doc.get_map(container.clone());
            if values::is_deleted(&map) && deleted.insert(place.clone()) {
                out.push(Concurrent::DeletedWhileEdited {
                    place,
                    deleted_by: write.author.clone(),
                    edited_by: edited_by.clone(),
                    edited_here,
                });
            }
        }
    }
    Ok(out)
}
