//! The whole plan as one value: what snapshots freeze and what the JSON export writes.
//! `FORMAT` changes whenever the shape changes, so old documents stay readable.

use crate::domain::{
    FactorySnapshot, Feature, LeanCanvas, Milestone, Plan, Team, TractionActual, TractionGoal,
};
use crate::error::Result;
use crate::storage::PlanFile;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanDocument {
    pub format: u32,
    pub plan: Plan,
    pub canvas: LeanCanvas,
    pub goal: Option<TractionGoal>,
    pub milestones: Vec<Milestone>,
    pub actuals: Vec<TractionActual>,
    pub factory_snapshots: Vec<FactorySnapshot>,
    pub teams: Vec<Team>,
    pub features: Vec<Feature>,
}

impl PlanDocument {
    pub const FORMAT: u32 = 1;
}

impl PlanFile {
    pub fn document(&self) -> Result<PlanDocument> {
        Ok(PlanDocument {
            format: PlanDocument::FORMAT,
            plan: self.plan()?,
            canvas: self.canvas()?,
            goal: self.goal()?,
            milestones: self.list()?,
            actuals: self.list()?,
            factory_snapshots: self.list()?,
            teams: self.list()?,
            features: self.features()?,
        })
    }
}
