//! One call per kind of edit, each one operation (for the command line, the generators and
//! tests): `file.create_feature(data)` is `file.apply(Operation::CreateFeature { data }, …)`
//! with the created feature read back.

use super::Operation;
use crate::domain::{
    ActualData, FactorySnapshotData, Feature, FeatureData, Horizon, Id, Item, LeanCanvas,
    MilestoneData, Plan, PlanData, TeamData, TractionGoal,
};
use crate::error::{CoreError, Result};
use crate::store::{Entity, PlanFile};

/// The author of edits made without a person behind them (generators, tests).
const NOBODY: &str = "";

/// A kind of item with its create, update and delete operations.
pub trait Editable: Entity {
    fn create(self) -> Operation;
    fn update(id: Id, data: Self) -> Operation;
    fn delete(id: Id) -> Operation;
}

impl Editable for TeamData {
    fn create(self) -> Operation {
        Operation::CreateTeam { data: self }
    }
    fn update(id: Id, data: Self) -> Operation {
        Operation::UpdateTeam { id, data }
    }
    fn delete(id: Id) -> Operation {
        Operation::DeleteTeam { id }
    }
}

impl Editable for MilestoneData {
    fn create(self) -> Operation {
        Operation::AddMilestones {
            milestones: vec![self],
        }
    }
    fn update(id: Id, data: Self) -> Operation {
        Operation::UpdateMilestone { id, data }
    }
    fn delete(id: Id) -> Operation {
        Operation::DeleteMilestone { id }
    }
}

impl Editable for ActualData {
    fn create(self) -> Operation {
        Operation::AddActual { data: self }
    }
    fn update(id: Id, data: Self) -> Operation {
        Operation::UpdateActual { id, data }
    }
    fn delete(id: Id) -> Operation {
        Operation::DeleteActual { id }
    }
}

impl Editable for FactorySnapshotData {
    fn create(self) -> Operation {
        Operation::AddFactoryWeek { data: self }
    }
    fn update(id: Id, data: Self) -> Operation {
        Operation::UpdateFactoryWeek { id, data }
    }
    fn delete(id: Id) -> Operation {
        Operation::DeleteFactoryWeek { id }
    }
}

fn created(id: Option<Id>) -> Result<Id> {
    id.ok_or_else(|| CoreError::History {
        detail: "the new item has no id".into(),
    })
}

impl PlanFile {
    pub fn insert<T: Editable>(&mut self, data: T) -> Result<Item<T>> {
        let id = created(self.apply(data.create(), NOBODY)?.created)?;
        self.get(&id)
    }

    pub fn update<T: Editable>(&mut self, id: &str, data: T) -> Result<Item<T>> {
        self.apply(T::update(id.to_string(), data), NOBODY)?;
        self.get(id)
    }

    pub fn delete<T: Editable>(&mut self, id: &str) -> Result<()> {
        self.apply(T::delete(id.to_string()), NOBODY).map(drop)
    }

    pub fn update_plan(&mut self, data: PlanData) -> Result<Plan> {
        self.apply(Operation::UpdatePlan { data }, NOBODY)?;
        self.plan()
    }

    pub fn update_canvas(&mut self, canvas: LeanCanvas) -> Result<LeanCanvas> {
        self.apply(Operation::UpdateCanvas { canvas }, NOBODY)?;
        self.canvas()
    }

    pub fn set_goal(&mut self, goal: TractionGoal) -> Result<TractionGoal> {
        self.apply(Operation::SetGoal { goal }, NOBODY)?;
        self.goal()?.ok_or_else(|| CoreError::History {
            detail: "the goal was not kept".into(),
        })
    }

    pub fn clear_goal(&mut self) -> Result<()> {
        self.apply(Operation::ClearGoal, NOBODY).map(drop)
    }

    pub fn create_feature(&mut self, data: FeatureData) -> Result<Feature> {
        let id = created(
            self.apply(Operation::CreateFeature { data }, NOBODY)?
                .created,
        )?;
        self.feature(&id)
    }

    pub fn update_feature(&mut self, id: &str, data: FeatureData) -> Result<Feature> {
        let id = id.to_string();
        self.apply(
            Operation::UpdateFeature {
                id: id.clone(),
                data,
            },
            NOBODY,
        )?;
        self.feature(&id)
    }

    pub fn delete_feature(&mut self, id: &str) -> Result<()> {
        let id = id.to_string();
        self.apply(Operation::DeleteFeature { id }, NOBODY)
            .map(drop)
    }

    /// Moves a feature to `position` (1-based, clamped) of the manual order, on its horizon.
    pub fn move_feature(&mut self, id: &str, position: u32) -> Result<Feature> {
        let horizon: Horizon = self.feature(id)?.data.horizon;
        let op = Operation::MoveFeature {
            id: id.to_string(),
            horizon,
            position,
        };
        self.apply(op, NOBODY)?;
        self.feature(id)
    }
}
