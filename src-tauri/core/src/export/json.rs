//! The complete plan as versioned JSON, and importing it back into a new plan file.
//! Invariant: export → import → export gives identical JSON; an import that fails for any
//! reason creates no file.

use crate::document::PlanDocument;
use crate::domain::{FactorySnapshotData, Feature, TeamData};
use crate::error::{CoreError, Result};
use crate::storage::{self, PlanFile};
use crate::validate::Field;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The export format this build writes and reads.
pub const EXPORT_FORMAT: u32 = 1;
/// Larger files are refused before parsing.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanExport {
    /// The export format version; identifies the file as a Keel export.
    pub keel_export: u32,
    pub plan: PlanDocument,
    pub snapshots: Vec<SnapshotExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotExport {
    pub id: u32,
    pub label: String,
    pub taken_at: String,
    pub plan: PlanDocument,
}

pub fn export(file: &PlanFile) -> Result<PlanExport> {
    let snapshots = file
        .snapshots()?
        .into_iter()
        .map(|s| {
            Ok(SnapshotExport {
                plan: file.snapshot_document(s.id)?,
                id: s.id,
                label: s.label,
                taken_at: s.taken_at,
            })
        })
        .collect::<Result<_>>()?;
    Ok(PlanExport {
        keel_export: EXPORT_FORMAT,
        plan: file.document()?,
        snapshots,
    })
}

pub fn render(file: &PlanFile) -> Result<String> {
    let mut json = serde_json::to_string_pretty(&export(file)?).map_err(|e| CoreError::Export {
        detail: e.to_string(),
    })?;
    json.push('\n');
    Ok(json)
}

fn invalid(detail: impl Into<String>) -> CoreError {
    CoreError::InvalidImport {
        detail: detail.into(),
    }
}

/// Creates a new plan file at `path` from the JSON export in `source`.
pub fn import(path: &Path, source: &Path) -> Result<PlanFile> {
    if path.exists() {
        return Err(CoreError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    let size = std::fs::metadata(source)
        .map_err(|e| CoreError::io(format!("{} cannot be read", source.display()), e))?
        .len();
    if size > MAX_IMPORT_BYTES {
        return Err(invalid(format!(
            "the file is {} MB, more than a plan export can be",
            size / 1_000_000
        )));
    }
    let bytes = std::fs::read(source)
        .map_err(|e| CoreError::io(format!("{} cannot be read", source.display()), e))?;
    let export = parse(&bytes)?;
    PlanFile::create_new(path, |tx| write(tx, &export))
}

/// Creates a new plan file at `path` holding `export` (which must be valid, as `parse` checks).
pub fn create(path: &Path, export: &PlanExport) -> Result<PlanFile> {
    if path.exists() {
        return Err(CoreError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    PlanFile::create_new(path, |tx| write(tx, export))
}

/// Parses and checks an export: format version, then every field's limits.
pub fn parse(bytes: &[u8]) -> Result<PlanExport> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(format!("it is not valid JSON: {e}")))?;
    match value.get("keel_export").and_then(|v| v.as_u64()) {
        None => return Err(invalid("it has no \"keel_export\" format version")),
        Some(v) if v > u64::from(EXPORT_FORMAT) => {
            return Err(invalid(format!(
            "it was written by a newer Keel (export format {v}; this Keel reads {EXPORT_FORMAT})"
        )))
        }
        Some(_) => {}
    }
    serde_json::from_value(value).map_err(|e| invalid(e.to_string()))
}

fn check_document(doc: &PlanDocument) -> Result<()> {
    let unique = |what: &str, ids: Vec<u32>| {
        let count = ids.len();
        let set: HashSet<u32> = ids.into_iter().collect();
        if set.len() == count {
            Ok(())
        } else {
            Err(invalid(format!("two {what} share an id")))
        }
    };
    unique("features", doc.features.iter().map(|f| f.id).collect())?;
    unique("milestones", doc.milestones.iter().map(|m| m.id).collect())?;
    unique("actuals", doc.actuals.iter().map(|a| a.id).collect())?;
    unique(
        "factory snapshots",
        doc.factory_snapshots.iter().map(|s| s.id).collect(),
    )?;
    unique("teams", doc.teams.iter().map(|t| t.id).collect())?;
    if doc.features.iter().any(|f| f.id == 0) {
        return Err(invalid("a feature has id 0"));
    }
    Ok(())
}

fn write(tx: &Transaction, export: &PlanExport) -> Result<()> {
    let doc = &export.plan;
    check_document(doc)?;
    let plan = doc.plan.data.clone().validated()?;
    tx.execute(
        "INSERT INTO plan (id, company_name, tagline, vision, strategy, stage, currency, start_date,
                           created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            plan.company_name,
            plan.tagline,
            plan.vision,
            plan.strategy,
            plan.stage,
            plan.currency,
            plan.start_date,
            doc.plan.created_at,
            doc.plan.updated_at
        ],
    )?;
    storage::write_canvas(tx, &doc.canvas.clone().validated()?)?;
    if let Some(goal) = &doc.goal {
        storage::write_goal(tx, &goal.clone().validated()?)?;
    }
    for m in &doc.milestones {
        storage::insert_with_id(tx, m.id, &m.data.clone().validated()?)?;
    }
    for a in &doc.actuals {
        storage::insert_with_id(tx, a.id, &a.data.clone().validated()?)?;
    }
    for s in &doc.factory_snapshots {
        storage::insert_with_id::<FactorySnapshotData>(tx, s.id, &s.data)?;
    }
    for t in &doc.teams {
        let data: TeamData = t.data.clone().validated()?;
        storage::insert_with_id(tx, t.id, &data)?;
    }
    let mut features: Vec<&Feature> = doc.features.iter().collect();
    features.sort_by_key(|f| (f.position, f.id));
    for (i, f) in features.iter().enumerate() {
        storage::insert_feature_with_id(tx, f.id, i as u32 + 1, &f.data.clone().validated()?)?;
    }
    for s in &export.snapshots {
        let label = crate::validate::text(Field::new("label", "Snapshot label"), &s.label, 1, 200)?;
        let json = serde_json::to_string(&s.plan).map_err(|e| invalid(e.to_string()))?;
        tx.execute(
            "INSERT INTO snapshot (id, label, taken_at, plan_json) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![s.id, label, s.taken_at, json],
        )?;
    }
    Ok(())
}
