use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::check::Finding;
use keel_core::priority::{PriorityView, RankedFeature};
use keel_core::traction::TractionReport;
use keel_core::{analysis, clock};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn rank_features(
    state: State<'_, AppState>,
    view: PriorityView,
) -> CommandResult<Vec<RankedFeature>> {
    state.with_plan(|file| analysis::ranked_features(file, view))
}

#[tauri::command]
#[specta::specta]
pub fn traction_report(state: State<'_, AppState>) -> CommandResult<TractionReport> {
    state.with_plan(|file| analysis::traction_report(file, clock::today()))
}

#[tauri::command]
#[specta::specta]
pub fn plan_check(state: State<'_, AppState>) -> CommandResult<Vec<Finding>> {
    state.with_plan(|file| analysis::plan_check(file, clock::today()))
}
