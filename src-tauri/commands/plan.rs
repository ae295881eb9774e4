use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::{Plan, PlanData};
use keel_core::PlanFile;
use serde::Serialize;
use specta::Type;
use tauri::State;

/// The open plan as the window shows it: its header, its file, and whether it is read-only.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanView {
    pub plan: Plan,
    pub file_name: String,
    pub path: String,
    /// Why edits are refused, or null when the plan is editable.
    pub read_only: Option<String>,
}

pub(crate) fn view(file: &PlanFile) -> keel_core::Result<PlanView> {
    Ok(PlanView {
        plan: file.plan()?,
        file_name: file
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: file.path().display().to_string(),
        read_only: file.read_only().map(str::to_string),
    })
}

#[tauri::command]
#[specta::specta]
pub fn current_plan(state: State<'_, AppState>) -> CommandResult<PlanView> {
    state.with_plan(|file| view(file))
}

#[tauri::command]
#[specta::specta]
pub fn update_plan(state: State<'_, AppState>, data: PlanData) -> CommandResult<PlanView> {
    state.with_plan(|file| {
        file.update_plan(data)?;
        view(file)
    })
}
