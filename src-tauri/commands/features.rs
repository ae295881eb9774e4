use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::{Feature, FeatureData};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn list_features(state: State<'_, AppState>) -> CommandResult<Vec<Feature>> {
    state.with_plan(|file| file.features())
}

#[tauri::command]
#[specta::specta]
pub fn create_feature(state: State<'_, AppState>, data: FeatureData) -> CommandResult<Feature> {
    state.with_plan(|file| file.create_feature(data))
}

#[tauri::command]
#[specta::specta]
pub fn update_feature(
    state: State<'_, AppState>,
    id: u32,
    data: FeatureData,
) -> CommandResult<Feature> {
    state.with_plan(|file| file.update_feature(id, data))
}

#[tauri::command]
#[specta::specta]
pub fn delete_feature(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    state.with_plan(|file| file.delete_feature(id))
}

/// Moves a feature in the manual order (1-based position, clamped to the list).
#[tauri::command]
#[specta::specta]
pub fn move_feature(state: State<'_, AppState>, id: u32, position: u32) -> CommandResult<Feature> {
    state.with_plan(|file| file.move_feature(id, position))
}
