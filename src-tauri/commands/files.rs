use crate::commands::plan::{view, PlanView};
use crate::error::{CommandError, CommandResult};
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

fn data_dir(state: &AppState) -> CommandResult<std::path::PathBuf> {
    state
        .data_dir()
        .ok_or_else(|| CommandError::no_plan(Some("Keel's data folder is not known")))
}

#[tauri::command]
#[specta::specta]
pub fn recent_plans(state: State<'_, AppState>) -> CommandResult<Vec<RecentPlan>> {
    Ok(session::recent(&data_dir(&state)?)
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
    let path = path.with_extension("keel");
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    drop(keel_core::create_empty_plan(&path, &name, clock::today())?);
    state.switch_to(&path)?;
    current(&state).map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn open_plan(state: State<'_, AppState>) -> CommandResult<Option<PlanView>> {
    let Some(path) = state.ask_open_path() else {
        return Ok(None);
    };
    state.switch_to(&path)?;
    current(&state).map(Some)
}

/// Opens the recent plan at `index` of [`recent_plans`] (the page never sends a path).
#[tauri::command]
#[specta::specta]
pub fn open_recent(state: State<'_, AppState>, index: u32) -> CommandResult<PlanView> {
    let recent = session::recent(&data_dir(&state)?);
    let path = recent.get(index as usize).ok_or(CoreError::NotFound {
        entity: "recent plan",
        id: index,
    })?;
    state.switch_to(path)?;
    current(&state)
}

#[tauri::command]
#[specta::specta]
pub fn open_sample(state: State<'_, AppState>) -> CommandResult<PlanView> {
    let path = session::ensure_sample(&data_dir(&state)?)?;
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
    let path = path.with_extension("keel");
    state.with_plan(|file| file.save_as(&path))?;
    state.switch_to(&path)?;
    current(&state).map(Some)
}
