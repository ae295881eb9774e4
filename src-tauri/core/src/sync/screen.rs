//! The bounds a teammate's changes are held to before they reach the plan's state: how much a
//! change file may hold is read from its header before it is decoded, and what it does (how
//! many operations, how deep its records nest, how long one text grows, how large one value is)
//! is read from the history's log while the plan's state is left as it was. Only changes within
//! every bound are applied, so memory stays proportional to what a plan can hold, whatever a
//! file says.

use super::merge::refused;
use crate::error::{CoreError, Result};
use loro::json::{JsonOpContent, ListOp, MapOp, MovableListOp, TextOp};
use loro::{ContainerID, EncodedBlobMode, IdSpan, LoroDoc, LoroValue, VersionVector};
use std::collections::HashMap;

/// Operations one change file may add (a character of text is one): the whole history of a
/// 10,000-feature plan holds about a fifth of it.
pub(crate) const MAX_OPS: u64 = 8_000_000;
/// Records and texts one change file may create (a feature is three: its record, its title and
/// its description).
pub(crate) const MAX_CONTAINERS: usize = 100_000;
/// How deep the plan's parts nest: a kind of item, an item's record, a text of it. One more
/// level is allowed for a later format; a deeper part is never a plan's.
pub(crate) const MAX_DEPTH: usize = 4;
/// Characters one change file may insert into one text (the longest field holds 20,000; the
/// rest is room for a long history of rewrites).
pub(crate) const MAX_TEXT: usize = 1_000_000;
/// Bytes of one plain value (a date, a number, a list of links).
pub(crate) const MAX_VALUE: usize = 64 * 1024;
/// Bytes of a field's name (Keel's are words; an item's id is 36).
const MAX_KEY: usize = 256;
/// How deep one plain value nests (a team's quarters are two levels).
const MAX_VALUE_DEPTH: usize = 8;

fn too_much(what: impl std::fmt::Display) -> CoreError {
    refused(format!(
        "it holds more than a plan can ({what}); nothing was merged"
    ))
}

/// What a change file's header says it holds, checked before a byte of it is decoded: only
/// changes (never a whole document's state) and at most [`MAX_OPS`] operations.
pub(super) fn header(changes: &[u8]) -> Result<()> {
    let meta = LoroDoc::decode_import_blob_meta(changes, true)
        .map_err(|e| refused(format!("its changes cannot be read ({e})")))?;
    if !matches!(meta.mode, EncodedBlobMode::Updates) {
        return Err(refused(
            "it holds a whole document, not changes (Keel writes only changes); nothing was \
             merged",
        ));
    }
    let ops = span(&meta.partial_start_vv, &meta.partial_end_vv);
    if ops > MAX_OPS {
        return Err(too_much(format!(
            "{ops} operations; a change file holds at most {MAX_OPS}"
        )));
    }
    Ok(())
}

/// Operations from `start` to `end`, peer by peer.
fn span(start: &VersionVector, end: &VersionVector) -> u64 {
    end.iter()
        .map(|(peer, &to)| {
            let from = start.get(peer).copied().unwrap_or(0);
            u64::try_from(to.saturating_sub(from)).unwrap_or(0)
        })
        .sum()
}

/// The operations `doc` holds beyond `before`, read from its log while its state is detached
/// (not yet applied): every bound of this module, or the first one crossed.
pub(super) fn log(doc: &LoroDoc, before: &VersionVector) -> Result<()> {
    let after = doc.oplog_vv();
    let ops = span(before, &after);
    if ops > MAX_OPS {
        return Err(too_much(format!(
            "{ops} operations; a merge takes at most {MAX_OPS}"
        )));
    }
    let mut depths = Depths::new(doc);
    let mut created = 0usize;
    let mut text: HashMap<ContainerID, usize> = HashMap::new();
    for (&peer, &end) in after.iter() {
        let start = before.get(&peer).copied().unwrap_or(0);
        if start >= end {
            continue;
        }
        for change in doc.export_json_in_id_span(IdSpan::new(peer, start, end)) {
            for op in change.ops {
                let parent = op.container;
                let values: Vec<&LoroValue> = match &op.content {
                    JsonOpContent::Map(MapOp::Insert { key, .. } | MapOp::Delete { key })
                        if key.len() > MAX_KEY =>
                    {
                        return Err(too_much(format!("a field name of {} bytes", key.len())));
                    }
                    JsonOpContent::Map(MapOp::Insert { value, .. }) => vec![value],
                    JsonOpContent::List(ListOp::Insert { value, .. })
                    | JsonOpContent::MovableList(MovableListOp::Insert { value, .. }) => {
                        value.iter().collect()
                    }
                    JsonOpContent::MovableList(MovableListOp::Set { value, .. }) => vec![value],
                    JsonOpContent::Text(TextOp::Insert { text: inserted, .. }) => {
                        let total = text.entry(parent.clone()).or_default();
                        *total += inserted.chars().count();
                        if *total > MAX_TEXT {
                            return Err(too_much(format!(
                                "a text of more than {MAX_TEXT} characters"
                            )));
                        }
                        Vec::new()
                    }
                    JsonOpContent::Tree(_) | JsonOpContent::Text(TextOp::Mark { .. }) => {
                        return Err(refused(
                            "it holds a kind of part no Keel plan has (a tree, or styled \
                             text); nothing was merged",
                        ))
                    }
                    _ => Vec::new(),
                };
                for value in values {
                    if let LoroValue::Container(child) = value {
                        created += 1;
                        if created > MAX_CONTAINERS {
                            return Err(too_much(format!(
                                "more than {MAX_CONTAINERS} new records and texts"
                            )));
                        }
                        let depth = depths.of(&parent) + 1;
                        if depth > MAX_DEPTH {
                            return Err(too_much(format!(
                                "parts nested {depth} deep; a plan's nest at most {MAX_DEPTH}"
                            )));
                        }
                        depths.known.insert(child.clone(), depth);
                    } else {
                        weigh(value)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// How deep each part sits: a root is 1; a part the changes create is one deeper than where
/// they put it; any other is read from the plan as it was.
struct Depths<'a> {
    doc: &'a LoroDoc,
    known: HashMap<ContainerID, usize>,
}

impl<'a> Depths<'a> {
    fn new(doc: &'a LoroDoc) -> Self {
        Depths {
            doc,
            known: HashMap::new(),
        }
    }

    fn of(&mut self, id: &ContainerID) -> usize {
        if id.is_root() {
            return 1;
        }
        if let Some(&depth) = self.known.get(id) {
            return depth;
        }
        // A part not in the plan as it was, nor made by these changes, is taken as deep as a
        // part can be: nothing may be put inside it.
        let depth = self
            .doc
            .get_path_to_container(id)
            .map_or(MAX_DEPTH, |path| path.len().max(1));
        self.known.insert(id.clone(), depth);
        depth
    }
}

/// A plain value within [`MAX_VALUE`] bytes and [`MAX_VALUE_DEPTH`] levels (read without
/// recursion, so no value can exhaust the stack).
fn weigh(value: &LoroValue) -> Result<()> {
    let mut bytes = 0usize;
    let mut stack = vec![(value, 1usize)];
    while let Some((v, depth)) = stack.pop() {
        if depth > MAX_VALUE_DEPTH {
            return Err(too_much(format!(
                "a value nested more than {MAX_VALUE_DEPTH} deep"
            )));
        }
        bytes += match v {
            LoroValue::String(s) => s.len(),
            LoroValue::Binary(b) => b.len(),
            LoroValue::List(items) => {
                stack.extend(items.iter().map(|i| (i, depth + 1)));
                items.len()
            }
            LoroValue::Map(fields) => {
                stack.extend(fields.values().map(|i| (i, depth + 1)));
                fields.keys().map(|k| k.len()).sum()
            }
            _ => 8,
        };
        if bytes > MAX_VALUE {
            return Err(too_much(format!(
                "a value of more than {} KB",
                MAX_VALUE / 1024
            )));
        }
    }
    Ok(())
}

/// Changes `doc` already has under the same ids (a peer and its counters) must be the same
/// changes: a file that reuses those ids with other content is refused, or the copies that took
/// one and those that took the other would differ for good while every merge says "nothing
/// new". The file's changes are read into a scratch copy of the history they start from and
/// compared, operation by operation, with this plan's.
pub(super) fn same_as_known(doc: &LoroDoc, changes: &[u8]) -> Result<()> {
    let meta = LoroDoc::decode_import_blob_meta(changes, true)
        .map_err(|e| refused(format!("its changes cannot be read ({e})")))?;
    let have = doc.oplog_vv();
    let overlap: Vec<IdSpan> = meta
        .partial_end_vv
        .iter()
        .filter_map(|(&peer, &end)| {
            let start = meta.partial_start_vv.get(&peer).copied().unwrap_or(0);
            let known = have.get(&peer).copied().unwrap_or(0).min(end);
            (start < known).then(|| IdSpan::new(peer, start, known))
        })
        .collect();
    if overlap.is_empty() {
        return Ok(());
    }
    // Changes that start from a point this plan lacks wait for it (and are compared then).
    let Ok(scratch) = doc.fork_at(&meta.start_frontiers) else {
        return Ok(());
    };
    scratch.detach();
    scratch
        .import(changes)
        .map_err(|e| refused(format!("its changes cannot be read ({e})")))?;
    for span in overlap {
        if ops_of(&scratch, span) != ops_of(doc, span) {
            return Err(refused(format!(
                "it holds changes under ids this plan already has for other changes (peer \
                 {:x}, from change {}): a copy of Keel wrote two histories under one name, or \
                 the file was forged; nothing was merged",
                span.peer, span.counter.start
            )));
        }
    }
    Ok(())
}

/// The operations of `span` with their messages, in a form two copies of the same changes
/// share (whatever way each copy grouped them into changes).
fn ops_of(doc: &LoroDoc, span: IdSpan) -> Vec<String> {
    doc.export_json_in_id_span(span)
        .into_iter()
        .flat_map(|change| {
            let msg = change.msg.unwrap_or_default();
            change.ops.into_iter().map(move |op| {
                format!(
                    "{}|{}|{}|{}",
                    op.counter,
                    op.container,
                    msg,
                    serde_json::to_string(&op.content).unwrap_or_default()
                )
            })
        })
        .collect()
}
