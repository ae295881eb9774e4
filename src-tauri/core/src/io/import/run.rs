//! Importing a file: features or traction numbers read from another tool's export, previewed,
//! then applied as one operation (one undo).

use super::actuals::{self, ActualsImport, ActualsOptions};
use super::features::{self, FeatureImport, FeatureOptions};
use super::{table, trello, Tool};
use crate::domain::validate::Field;
use crate::domain::Id;
use crate::error::{CoreError, Result};
use crate::ops::{Applied, IdData, Operation};
use crate::store::PlanFile;

fn needs_order() -> CoreError {
    CoreError::invalid(
        Field::new("date_order", "Date order"),
        "the dates read two ways (03/04/2026): choose day/month or month/day",
    )
}

/// A feature file as a table: Trello's board JSON, or CSV / TSV.
fn read_features(bytes: &[u8]) -> Result<table::Table> {
    if trello::is_json(bytes) {
        trello::read(bytes)
    } else {
        table::read(bytes)
    }
}

fn pairs<T>(items: Vec<(Id, T)>) -> Vec<IdData<T>> {
    items
        .into_iter()
        .map(|(id, data)| IdData { id, data })
        .collect()
}

impl PlanFile {
    fn plan_feature_import(
        &self,
        bytes: &[u8],
        options: &FeatureOptions,
    ) -> Result<(FeatureImport, features::Planned)> {
        let table = read_features(bytes)?;
        let tool = Tool::detect(&table.headers);
        let stage = self.plan()?.data.stage;
        features::plan(
            &table,
            tool,
            options,
            stage,
            &self.features()?,
            &self.list()?,
        )
    }

    /// What importing the features of `bytes` would do; nothing is changed.
    pub fn preview_feature_import(
        &self,
        bytes: &[u8],
        options: &FeatureOptions,
    ) -> Result<FeatureImport> {
        Ok(self.plan_feature_import(bytes, options)?.0)
    }

    /// Imports the features of `bytes` as one operation by `author`.
    pub fn import_features(
        &mut self,
        bytes: &[u8],
        options: &FeatureOptions,
        author: &str,
    ) -> Result<(FeatureImport, Applied)> {
        let (summary, planned) = self.plan_feature_import(bytes, options)?;
        if summary.needs_date_order {
            return Err(needs_order());
        }
        let op = Operation::ImportFeatures {
            from: summary.tool.label().to_string(),
            added: planned.added,
            updated: pairs(planned.updated),
        };
        let applied = self.apply(op, author)?;
        Ok((summary, applied))
    }

    fn plan_traction_import(
        &self,
        bytes: &[u8],
        options: &ActualsOptions,
    ) -> Result<(ActualsImport, actuals::PlannedActuals)> {
        let table = table::read(bytes)?;
        actuals::plan(&table, options, &self.list()?, &self.list()?)
    }

    /// What importing the traction numbers of `bytes` would do; nothing is changed.
    pub fn preview_traction_import(
        &self,
        bytes: &[u8],
        options: &ActualsOptions,
    ) -> Result<ActualsImport> {
        Ok(self.plan_traction_import(bytes, options)?.0)
    }

    /// Imports the traction numbers of `bytes` as one operation by `author`.
    pub fn import_traction(
        &mut self,
        bytes: &[u8],
        options: &ActualsOptions,
        author: &str,
    ) -> Result<(ActualsImport, Applied)> {
        let (summary, planned) = self.plan_traction_import(bytes, options)?;
        if summary.needs_date_order {
            return Err(needs_order());
        }
        let op = Operation::ImportTraction {
            actuals: planned.actuals,
            updated_actuals: pairs(planned.updated_actuals),
            weeks: planned.weeks,
            updated_weeks: pairs(planned.updated_weeks),
        };
        let applied = self.apply(op, author)?;
        Ok((summary, applied))
    }
}
