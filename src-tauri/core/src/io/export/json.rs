//! The complete plan as versioned JSON, and importing it back into a new plan file.
//! Invariant: export → import → export gives identical JSON; an import that fails for any
//! reason creates no file. Exports of format 1 (numeric ids, "snapshots") are read too.

use crate::domain::document::{self, PlanDocument};
use crate::domain::validate::{self, Field};
use crate::error::{CoreError, Result};
use crate::store::{MarkedPlan, PlanFile};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The export format this build writes (2: text ids, named versions); it reads 1 and 2.
pub const EXPORT_FORMAT: u32 = 2;
/// Larger files are refused before parsing.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanExport {
    /// The export format version; identifies the file as a Keel export.
    pub keel_export: u32,
    pub plan: PlanDocument,
    #[serde(alias = "snapshots", default)]
    pub versions: Vec<VersionExport>,
}

/// A named version with the plan as it was then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionExport {
    pub id: String,
    pub label: String,
    #[serde(alias = "taken_at")]
    pub marked_at: String,
    #[serde(default)]
    pub author: String,
    pub plan: PlanDocument,
}

pub fn export(file: &PlanFile) -> Result<PlanExport> {
    let versions = file
        .versions()?
        .into_iter()
        .map(|v| {
            Ok(VersionExport {
                plan: file.version_document(&v.id)?,
                id: v.id,
                label: v.label,
                marked_at: v.marked_at,
                author: v.author,
            })
        })
        .collect::<Result<_>>()?;
    Ok(PlanExport {
        keel_export: EXPORT_FORMAT,
        plan: file.document()?,
        versions,
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
    create(path, &export)
}

/// Creates a new plan file at `path` holding `export` (which must be valid, as `parse` checks).
pub fn create(path: &Path, export: &PlanExport) -> Result<PlanFile> {
    if path.exists() {
        return Err(CoreError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    let versions = export
        .versions
        .iter()
        .map(|v| {
            Ok(MarkedPlan {
                id: v.id.clone(),
                label: validate::text(Field::new("label", "Version name"), &v.label, 1, 200)?,
                marked_at: v.marked_at.clone(),
                author: v.author.clone(),
                plan: checked(&v.plan)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let current = checked(&export.plan)?;
    PlanFile::create_with_versions(path, &versions, &current, "Imported the plan", "")
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
    document::export_from_value(value).map_err(invalid)
}

/// A document's content validated as an edit would be, with its ids checked.
fn checked(doc: &PlanDocument) -> Result<PlanDocument> {
    let unique = |what: &str, ids: Vec<&str>| {
        let count = ids.len();
        let set: HashSet<&str> = ids.iter().copied().collect();
        if set.len() != count {
            Err(invalid(format!("two {what} share an id")))
        } else if set.contains("") {
            Err(invalid(format!("one of the {what} has no id")))
        } else {
            Ok(())
        }
    };
    unique(
        "features",
        doc.features.iter().map(|f| f.id.as_str()).collect(),
    )?;
    unique(
        "milestones",
        doc.milestones.iter().map(|m| m.id.as_str()).collect(),
    )?;
    unique(
        "actuals",
        doc.actuals.iter().map(|a| a.id.as_str()).collect(),
    )?;
    unique(
        "factory snapshots",
        doc.factory_snapshots
            .iter()
            .map(|s| s.id.as_str())
            .collect(),
    )?;
    unique("teams", doc.teams.iter().map(|t| t.id.as_str()).collect())?;
    let milestones: HashSet<&str> = doc.milestones.iter().map(|m| m.id.as_str()).collect();
    let teams: HashSet<&str> = doc.teams.iter().map(|t| t.id.as_str()).collect();
    for f in &doc.features {
        if f.data
            .milestone_id
            .as_deref()
            .is_some_and(|m| !milestones.contains(m))
        {
            return Err(invalid(format!(
                "feature {}: there is no milestone with id {}",
                f.id,
                f.data.milestone_id.as_deref().unwrap_or_default()
            )));
        }
        if f.data
            .team_id
            .as_deref()
            .is_some_and(|t| !teams.contains(t))
        {
            return Err(invalid(format!(
                "feature {}: there is no team with id {}",
                f.id,
                f.data.team_id.as_deref().unwrap_or_default()
            )));
        }
    }
    let mut out = doc.clone();
    out.plan.data = out.plan.data.validated()?;
    out.canvas = out.canvas.validated()?;
    out.goal = out.goal.map(|g| g.validated()).transpose()?;
    for m in &mut out.milestones {
        m.data = m.data.clone().validated()?;
    }
    for a in &mut out.actuals {
        a.data = a.data.clone().validated()?;
    }
    for s in &mut out.factory_snapshots {
        s.data = s.data.clone().validated()?;
    }
    for t in &mut out.teams {
        t.data = t.data.clone().validated()?;
    }
    for f in &mut out.features {
        f.data = f.data.clone().validated()?;
    }
    out.features
        .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for (i, f) in out.features.iter_mut().enumerate() {
        f.position = i as u32 + 1;
    }
    Ok(out)
}
