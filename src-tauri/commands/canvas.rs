use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::LeanCanvas;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn update_canvas(state: State<'_, AppState>, canvas: LeanCanvas) -> CommandResult<LeanCanvas> {
    state.with_plan(|file| file.update_canvas(canvas))
}
