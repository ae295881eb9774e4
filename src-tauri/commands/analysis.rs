use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::compute::priority::{rank, PriorityView, RankedFeature};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn rank_features(
    state: State<'_, AppState>,
    view: PriorityView,
) -> CommandResult<Vec<RankedFeature>> {
    state.with_plan(|file| Ok(rank(&file.features()?, view)))
}
