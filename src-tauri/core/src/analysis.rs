//! The computed views of an open plan, each one function the app and the command line share.

use crate::check::{self, Finding};
use crate::domain::{ActualData, FactorySnapshotData, MilestoneData};
use crate::error::Result;
use crate::priority::{self, PriorityView, RankedFeature};
use crate::storage::PlanFile;
use crate::traction::{self, TractionReport};
use chrono::NaiveDate;

/// The open features ranked in `view`.
pub fn ranked_features(file: &PlanFile, view: PriorityView) -> Result<Vec<RankedFeature>> {
    Ok(priority::rank(&file.features()?, view))
}

/// The traction figures, progress, projection and factory conversions as of `today`.
pub fn traction_report(file: &PlanFile, today: NaiveDate) -> Result<TractionReport> {
    let milestones: Vec<MilestoneData> = data(file.list()?);
    let actuals: Vec<ActualData> = data(file.list()?);
    let snapshots: Vec<FactorySnapshotData> = data(file.list()?);
    Ok(traction::report(
        file.goal()?.as_ref(),
        &file.plan()?.data.currency,
        &milestones,
        &actuals,
        &snapshots,
        today,
    ))
}

/// The ladder's expected curve from the plan's start (or its first actual) to the last milestone.
pub fn expected_curve(file: &PlanFile) -> Result<Vec<traction::DatedValue>> {
    let milestones: Vec<MilestoneData> = data(file.list()?);
    let actuals: Vec<ActualData> = data(file.list()?);
    let plan_start = file.plan()?.data.start_date;
    let start = actuals
        .iter()
        .map(|a| a.date)
        .fold(plan_start, NaiveDate::min);
    Ok(traction::expected_curve(&milestones, start))
}

/// The plan check as of `today`.
pub fn plan_check(file: &PlanFile, today: NaiveDate) -> Result<Vec<Finding>> {
    Ok(check::check(&file.document()?, today))
}

fn data<T>(items: Vec<crate::domain::Item<T>>) -> Vec<T> {
    items.into_iter().map(|i| i.data).collect()
}
