use crate::error::CommandResult;
use crate::state::AppState;
use tauri::State;

/// Present mode: the window goes full screen, and back.
#[tauri::command]
#[specta::specta]
pub fn set_fullscreen(state: State<'_, AppState>, on: bool) -> CommandResult<()> {
    state.set_fullscreen(on)
}
