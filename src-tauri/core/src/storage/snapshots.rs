//! Snapshots: the whole plan frozen as JSON under a label, for "what changed since".

use super::PlanFile;
use crate::clock;
use crate::document::PlanDocument;
use crate::domain::SnapshotSummary;
use crate::error::{CoreError, Result};
use crate::validate::{self, Field};

impl PlanFile {
    /// Freezes the plan as it is now.
    pub fn take_snapshot(&mut self, label: &str) -> Result<SnapshotSummary> {
        let label = validate::text(Field::new("label", "Snapshot label"), label, 1, 200)?;
        let json = serde_json::to_string(&self.document()?)
            .map_err(|e| CoreError::invalid(Field::new("snapshot", "Snapshot"), e.to_string()))?;
        let taken_at = clock::now();
        let id = self.edit(|tx| {
            tx.execute(
                "INSERT INTO snapshot (label, taken_at, plan_json) VALUES (?1, ?2, ?3)",
                rusqlite::params![label, taken_at, json],
            )?;
            super::entity::row_id(tx)
        })?;
        Ok(SnapshotSummary {
            id,
            label,
            taken_at,
        })
    }

    pub fn snapshots(&self) -> Result<Vec<SnapshotSummary>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, label, taken_at FROM snapshot ORDER BY taken_at, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(SnapshotSummary {
                id: r.get(0)?,
                label: r.get(1)?,
                taken_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The plan as it was when the snapshot was taken.
    pub fn snapshot_document(&self, id: u32) -> Result<PlanDocument> {
        let json: String = self
            .conn()
            .query_row("SELECT plan_json FROM snapshot WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                    entity: "snapshot",
                    id,
                },
                other => other.into(),
            })?;
        serde_json::from_str(&json).map_err(|e| CoreError::Corrupt {
            path: self.path().to_path_buf(),
            detail: format!("snapshot {id} cannot be read: {e}"),
        })
    }

    pub fn delete_snapshot(&mut self, id: u32) -> Result<()> {
        self.edit(
            |tx| match tx.execute("DELETE FROM snapshot WHERE id = ?1", [id])? {
                0 => Err(CoreError::NotFound {
                    entity: "snapshot",
                    id,
                }),
                _ => Ok(()),
            },
        )
    }
}
