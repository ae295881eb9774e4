//! Everything the Traction section and the plan check need, in one value: the traction maths,
//! the customer factory and the summary sentence, put together.

use crate::compute::factory::{self, FactoryReport};
use crate::compute::traction::{
    expected_value, goal_figures, monthly_growth, progress, project, GoalFigures, MetricUnit,
    Progress, Projection,
};
use crate::compute::traction_summary::summary;
use crate::domain::{ActualData, FactorySnapshotData, MilestoneData, TractionGoal};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

/// Everything the Traction section and the plan check need, in one value.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TractionReport {
    /// How values read: the plan's currency for revenue metrics, else a count noun.
    pub unit: MetricUnit,
    pub figures: Option<GoalFigures>,
    pub expected_today: Option<f64>,
    pub progress: Option<Progress>,
    pub monthly_growth: Option<f64>,
    pub projection: Projection,
    pub factory: Option<FactoryReport>,
    /// Every week's factory, oldest first (the weeks table and the conversions chart).
    pub factory_weeks: Vec<FactoryReport>,
    /// What the current bottleneck means for the cycle's effort, in a sentence.
    pub factory_focus: Option<String>,
    /// The traction sentence every view shows (traction_summary).
    pub summary: String,
}

pub fn report(
    goal: Option<&TractionGoal>,
    currency: &str,
    milestones: &[MilestoneData],
    actuals: &[ActualData],
    snapshots: &[FactorySnapshotData],
    today: NaiveDate,
) -> TractionReport {
    TractionReport {
        unit: MetricUnit::of(goal, currency),
        figures: goal.map(goal_figures),
        expected_today: expected_value(milestones, today),
        progress: progress(milestones, actuals),
        monthly_growth: monthly_growth(actuals),
        projection: project(milestones, actuals),
        factory: factory::latest(snapshots),
        factory_weeks: factory::weeks(snapshots, usize::MAX),
        factory_focus: factory::latest(snapshots).as_ref().and_then(factory::focus),
        summary: summary(&MetricUnit::of(goal, currency), milestones, actuals),
    }
}
