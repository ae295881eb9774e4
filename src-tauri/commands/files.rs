use crate::commands::plan::{view, PlanView};
use crate::error::CommandResult;
use crate::session;
use crate::state::{AppState, FileKind};
use keel_core::{clock, CoreError};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// A recently opened plan, most recent first; `missing` when the file is gone.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RecentPlan {
    pub name: String,
    pub path: String,
    pub missing: bool,
}

#[tauri::command]
#[specta::specta]
pub async fn recent_plans(state: State<'_, AppState>) -> CommandResult<Vec<RecentPlan>> {
    Ok(session::recent(&state.data_dir()?)
        .into_iter()
        .map(|p| RecentPlan {
            name: p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            missing: !p.exists(),
            path: p.display().to_string(),
        })
        .collect())
}

/// The open plan after a switch, as the window shows it.
fn current(state: &AppState) -> CommandResult<PlanView> {
    state.with_plan(|file| view(file))
}

/// Asks for a new file and creates an empty plan there (named after the file).
#[tauri::command]
#[specta::specta]
pub async fn new_plan(state: State<'_, AppState>) -> CommandResult<Option<PlanView>> {
    let Some(path) = state.ask_save_path("New plan.keel", FileKind::Plan) else {
        return Ok(None);
    };
    let file = keel_core::create_named_plan(&path, None, clock::today())?;
    let path = file.path().to_path_buf();
    drop(file);
    state.switch_to(&path)?;
    current(&state).map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn open_plan(state: State<'_, AppState>) -> CommandResult<Option<PlanView>> {
    let Some(path) = state.ask_open_path(FileKind::Plan) else {
        return Ok(None);
    };
    state.switch_to(&path)?;
    current(&state).map(Some)
}

/// Opens the recent plan at `index` of [`recent_plans`] (the page never sends a path).
#[tauri::command]
#[specta::specta]
pub async fn open_recent(state: State<'_, AppState>, index: u32) -> CommandResult<PlanView> {
    let recent = session::recent(&state.data_dir()?);
    let path = recent.get(index as usize).ok_or(CoreError::NotFound {
        entity: "recent plan",
        id: index.to_string(),
    })?;
    state.switch_to(path)?;
    current(&state)
}

/// Removes the recent plan at `index` of [`recent_plans`] from the list (the file, if any, is
/// left alone); returns the list as it is then.
#[tauri::command]
#[specta::specta]
pub async fn forget_recent(
    state: State<'_, AppState>,
    index: u32,
) -> CommandResult<Vec<RecentPlan>> {
    let dir = state.data_dir()?;
    session::forget(&dir, index as usize)?;
    recent_plans(state).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_sample(state: State<'_, AppState>) -> CommandResult<PlanView> {
    let path = session::ensure_sample(&state.data_dir()?)?;
    state.switch_to(&path)?;
    current(&state)
}

/// Saves a complete copy under a new name and continues on the copy.
#[tauri::command]
#[specta::specta]
pub async fn save_plan_as(state: State<'_, AppState>) -> CommandResult<Option<PlanView>> {
    let name =
        state.with_plan(|file| Ok(format!("{} copy.keel", file.plan()?.data.company_name)))?;
    let Some(path) = state.ask_save_path(&name, FileKind::Plan) else {
        return Ok(None);
    };
    let path = keel_core::plan_file_path(&path);
    state.with_plan(|file| file.save_as(&path))?;
    state.switch_to(&path)?;
    current(&state).map(Some)
}
