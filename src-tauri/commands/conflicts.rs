use crate::commands::edit::{edited, with_analysis, Edited};
use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::ops::{Conflict, DeletedFeature};
use tauri::State;

/// The conflicts merges found that no founder settled yet, newest first.
#[tauri::command]
#[specta::specta]
pub async fn conflicts(state: State<'_, AppState>) -> CommandResult<Vec<Conflict>> {
    state.with_plan(|file| file.conflicts())
}

/// The features deleted from the plan and kept in its history (restored with `apply`).
#[tauri::command]
#[specta::specta]
pub async fn deleted_features(state: State<'_, AppState>) -> CommandResult<Vec<DeletedFeature>> {
    state.with_plan(|file| file.deleted_features())
}

/// Settles a conflict by taking the value the history did not keep (or restoring the deleted
/// feature), signed with your name.
#[tauri::command]
#[specta::specta]
pub async fn take_other_value(state: State<'_, AppState>, id: u32) -> CommandResult<Edited> {
    let author = state.author()?;
    let outcome = state.with_plan(|file| {
        let applied = file.take_other(id, &author)?;
        with_analysis(file, applied)
    })?;
    edited(&state, outcome)
}

/// Settles a conflict by keeping what the history holds; returns the conflicts left.
#[tauri::command]
#[specta::specta]
pub async fn keep_conflict(state: State<'_, AppState>, id: u32) -> CommandResult<Vec<Conflict>> {
    state.with_plan(|file| {
        file.keep_conflict(id)?;
        file.conflicts()
    })
}
