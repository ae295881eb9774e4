use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::{Item, TeamData};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn create_team(state: State<'_, AppState>, data: TeamData) -> CommandResult<Item<TeamData>> {
    state.with_plan(|file| file.insert(data))
}

#[tauri::command]
#[specta::specta]
pub fn update_team(
    state: State<'_, AppState>,
    id: u32,
    data: TeamData,
) -> CommandResult<Item<TeamData>> {
    state.with_plan(|file| file.update(id, data))
}

/// Deletes a team; its features keep their place and lose the team.
#[tauri::command]
#[specta::specta]
pub fn delete_team(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    state.with_plan(|file| file.delete::<TeamData>(id))
}
