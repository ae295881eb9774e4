use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::{Item, MilestoneData};
use tauri::State;

/// The traction ladder's milestones, in date order.
#[tauri::command]
#[specta::specta]
pub fn list_milestones(state: State<'_, AppState>) -> CommandResult<Vec<Item<MilestoneData>>> {
    state.with_plan(|file| file.list::<MilestoneData>())
}
