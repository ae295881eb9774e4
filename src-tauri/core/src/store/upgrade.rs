//! The upgrade of a format-1 plan to format 2: its content becomes the first changes of a new
//! history. Deterministic, so two founders who upgrade copies of the same file get the same
//! history, byte for byte, and later merge without duplicated text: the document's peer id and
//! the plan's identity are derived from a hash of the content and of this converter, and every
//! change is stamped with a time read from the file. Each format-1 snapshot becomes a change
//! (the plan as it was then) marked as a named version of the same name.

use super::create::{write_history, MarkedPlan};
use super::record;
use crate::domain::document;
use crate::error::{CoreError, Result};
use crate::store::history::{self, Note};
use loro::LoroDoc;
use rusqlite::{Connection, Transaction};

/// Names this converter in the hash: a changed conversion must give other ids.
const CONVERTER: &str = "keel: plan format 1 to 2, conversion 1";

/// 64-bit FNV-1a: small, stable across Rust releases and machines (the std hasher is not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn snapshots(conn: &Connection) -> Result<Vec<MarkedPlan>> {
    let mut stmt =
        conn.prepare("SELECT id, label, taken_at, plan_json FROM snapshot ORDER BY taken_at, id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, label, marked_at, json) = row?;
        let plan = document::from_json(&json).map_err(|detail| CoreError::History {
            detail: format!("snapshot “{label}” cannot be read: {detail}"),
        })?;
        out.push(MarkedPlan {
            id: id.to_string(),
            label,
            marked_at,
            author: String::new(),
            plan,
        });
    }
    Ok(out)
}

pub(crate) fn to_history(tx: &Transaction) -> Result<()> {
    let has_plan: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM plan)", [], |r| r.get(0))?;
    if has_plan {
        let current = super::document::read(tx)?;
        let snapshots = snapshots(tx)?;
        let mut seed = serde_json::to_vec(&current).unwrap_or_default();
        for s in &snapshots {
            seed.extend(serde_json::to_vec(&(&s.label, &s.marked_at, &s.plan)).unwrap_or_default());
        }
        seed.extend(CONVERTER.as_bytes());
        let doc = history::configured(LoroDoc::new());
        // Loro reserves the largest peer id.
        doc.set_peer_id(fnv1a(&seed) >> 1)
            .map_err(history::history_error)?;
        let note = Note::new("Upgraded to plan format 2", "");
        let at = chrono::DateTime::parse_from_rfc3339(&current.plan.updated_at)
            .map_or(0, |t| t.timestamp());
        let mut id_seed = seed.clone();
        id_seed.extend(b"plan identity");
        let plan_id = format!("{:016x}{:016x}", fnv1a(&seed), fnv1a(&id_seed));
        write_history(&doc, &plan_id, &snapshots, &current, &note, at)?;
        record::write_new(tx, &doc, &plan_id)?;
        tx.execute(
            "UPDATE plan SET updated_at = ?1",
            [&current.plan.updated_at],
        )?;
    }
    tx.execute_batch("DROP TABLE snapshot")?;
    Ok(())
}
