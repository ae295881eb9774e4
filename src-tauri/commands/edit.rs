use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::analysis::{self, Analysis};
use keel_core::{clock, Applied, Operation, PlanFile};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// An edit's outcome: what changed (the window patches its state with it) and the analysis
/// recomputed by the core.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Edited {
    pub applied: Applied,
    pub analysis: Analysis,
}

fn edited(file: &mut PlanFile, applied: Applied) -> keel_core::Result<Edited> {
    let analysis = analysis::analyse(&file.document()?, clock::today());
    Ok(Edited { applied, analysis })
}

/// Applies one operation, signed with your name.
#[tauri::command]
#[specta::specta]
pub fn apply(state: State<'_, AppState>, op: Operation) -> CommandResult<Edited> {
    let author = state.author()?;
    state.with_plan(|file| {
        let applied = file.apply(op, &author)?;
        edited(file, applied)
    })
}

/// Takes back your last operation of this session; null when there is none.
#[tauri::command]
#[specta::specta]
pub fn undo(state: State<'_, AppState>) -> CommandResult<Option<Edited>> {
    let author = state.author()?;
    state.with_plan(|file| match file.undo(&author)? {
        Some(applied) => edited(file, applied).map(Some),
        None => Ok(None),
    })
}

#[tauri::command]
#[specta::specta]
pub fn redo(state: State<'_, AppState>) -> CommandResult<Option<Edited>> {
    let author = state.author()?;
    state.with_plan(|file| match file.redo(&author)? {
        Some(applied) => edited(file, applied).map(Some),
        None => Ok(None),
    })
}
