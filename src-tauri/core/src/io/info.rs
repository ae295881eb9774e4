//! What a plan file is, for `keel info`: read without ever writing.

use crate::domain::{ActualData, FactorySnapshotData, MilestoneData, TeamData, Version};
use crate::error::Result;
use crate::store::{Mode, PlanFile, SCHEMA_VERSION};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct FileInfo {
    pub company_name: String,
    pub schema_version: u32,
    pub supported_version: u32,
    pub sqlite_version: String,
    pub features: usize,
    pub milestones: usize,
    pub actuals: usize,
    pub factory_snapshots: usize,
    pub teams: usize,
    pub plan_id: String,
    pub changes: usize,
    /// Changes made since the latest named version (all of them when there is none).
    pub changes_since_last_version: usize,
    pub versions: Vec<Version>,
    pub has_goal: bool,
    pub integrity: String,
    pub updated_at: String,
}

pub fn file_info(path: &Path) -> Result<FileInfo> {
    let file = PlanFile::open_with(path, Mode::Inspect)?;
    let schema_version = file.file_format();
    let plan = file.plan()?;
    let versions = file.versions()?;
    let (changes, changes_since_last_version) =
        file.change_counts(versions.last().map(|v| &v.id))?;
    Ok(FileInfo {
        company_name: plan.data.company_name,
        schema_version,
        supported_version: SCHEMA_VERSION,
        sqlite_version: rusqlite::version().to_string(),
        features: file.features()?.len(),
        milestones: file.list::<MilestoneData>()?.len(),
        actuals: file.list::<ActualData>()?.len(),
        factory_snapshots: file.list::<FactorySnapshotData>()?.len(),
        teams: file.list::<TeamData>()?.len(),
        plan_id: file.plan_id()?,
        changes,
        changes_since_last_version,
        versions,
        has_goal: file.goal()?.is_some(),
        integrity: file.integrity_check()?,
        updated_at: plan.updated_at,
    })
}

impl std::fmt::Display for FileInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Company:           {}", self.company_name)?;
        let upgrade = if self.schema_version < self.supported_version {
            "; read as it is, upgraded when the plan is next changed"
        } else {
            ""
        };
        writeln!(
            f,
            "Plan format:       {} (this Keel writes {}{upgrade})",
            self.schema_version, self.supported_version
        )?;
        writeln!(f, "Integrity:         {}", self.integrity)?;
        writeln!(f, "Last edited:       {}", self.updated_at)?;
        writeln!(
            f,
            "Traction goal:     {}",
            if self.has_goal { "set" } else { "not set" }
        )?;
        writeln!(f, "Milestones:        {}", self.milestones)?;
        writeln!(f, "Traction actuals:  {}", self.actuals)?;
        writeln!(f, "Factory snapshots: {}", self.factory_snapshots)?;
        writeln!(f, "Features:          {}", self.features)?;
        writeln!(f, "Teams:             {}", self.teams)?;
        writeln!(f, "Plan identity:     {}", self.plan_id)?;
        match self.versions.last() {
            Some(last) => writeln!(
                f,
                "History:           {} changes, {} since “{}”",
                self.changes, self.changes_since_last_version, last.label
            )?,
            None => writeln!(f, "History:           {} changes", self.changes)?,
        }
        writeln!(f, "Versions:          {}", self.versions.len())?;
        for v in &self.versions {
            writeln!(f, "  {} ({}, {})", v.label, v.marked_at, v.id)?;
        }
        write!(f, "SQLite:            {}", self.sqlite_version)
    }
}
