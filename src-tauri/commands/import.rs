use crate::commands::edit::{edited, with_analysis, Edited};
use crate::error::{CommandError, CommandResult};
use crate::state::{AppState, FileKind};
use keel_core::io::import::{
    ActualsImport, ActualsOptions, FeatureImport, FeatureOptions, StatusChoice, Tool,
};
use keel_core::CoreError;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;
use tauri::State;

/// What a founder imports: features (from a tracker, Trello or a sheet) or traction numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Features,
    Traction,
}

/// An import's outcome: what it brought in, said by the core, and the edit it made.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportedEdit<T> {
    pub summary: T,
    pub edited: Edited,
}

fn chosen(state: &AppState) -> CommandResult<(PathBuf, Vec<u8>)> {
    let path = state
        .import_file
        .lock()
        .map_err(|_| {
            CommandError::from(CoreError::NotImported {
                detail: "the chosen file was lost".into(),
            })
        })?
        .clone()
        .ok_or_else(|| {
            CommandError::from(CoreError::NotImported {
                detail: "no file is chosen; choose one first".into(),
            })
        })?;
    let bytes = std::fs::read(&path).map_err(|e| {
        CommandError::from(CoreError::NotImported {
            detail: format!("{} cannot be read ({e})", path.display()),
        })
    })?;
    Ok((path, bytes))
}

/// Asks for the file to import and keeps it for the preview; its name, or None when the dialog
/// is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_import_file(
    state: State<'_, AppState>,
    kind: ImportKind,
) -> CommandResult<Option<String>> {
    let kind = match kind {
        ImportKind::Features => FileKind::Features,
        ImportKind::Traction => FileKind::Traction,
    };
    let Some(path) = state.ask_open_path(kind) else {
        return Ok(None);
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Ok(mut file) = state.import_file.lock() {
        *file = Some(path);
    }
    Ok(Some(name))
}

/// What importing the chosen file's features would do, with `options` (the mapping and the
/// date order; the guess when empty). Nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn preview_feature_import(
    state: State<'_, AppState>,
    options: FeatureOptions,
) -> CommandResult<FeatureImport> {
    let (_, bytes) = chosen(&state)?;
    let preview = state.with_plan(|file| file.preview_feature_import(&bytes, &options))?;
    // The statuses chosen at the last import from the same tool, offered again.
    let remembered = remembered_statuses(&state, preview.tool);
    if !options.statuses.is_empty() || remembered.is_empty() || preview.statuses.is_empty() {
        return Ok(preview);
    }
    let options = FeatureOptions {
        statuses: remembered,
        ..options
    };
    state.with_plan(|file| file.preview_feature_import(&bytes, &options))
}

fn remembered_statuses(state: &AppState, tool: Tool) -> Vec<StatusChoice> {
    state
        .data_dir()
        .map(|dir| crate::settings::read(&dir))
        .ok()
        .and_then(|mut s| s.import_statuses.remove(tool.label()))
        .unwrap_or_default()
}

/// Keeps the statuses chosen for `tool`'s values (a value chosen again takes its new status).
fn remember_statuses(state: &AppState, tool: Tool, chosen: &[StatusChoice]) -> CommandResult<()> {
    if chosen.is_empty() {
        return Ok(());
    }
    let dir = state.data_dir()?;
    let mut settings = crate::settings::read(&dir);
    let kept = settings
        .import_statuses
        .entry(tool.label().to_string())
        .or_default();
    for choice in chosen {
        let key = choice.value.trim().to_lowercase();
        kept.retain(|c| c.value.trim().to_lowercase() != key);
        kept.push(choice.clone());
    }
    crate::settings::write(&dir, &settings)?;
    Ok(())
}

/// Imports the chosen file's features as one edit, signed with your name.
#[tauri::command]
#[specta::specta]
pub async fn import_features(
    state: State<'_, AppState>,
    options: FeatureOptions,
) -> CommandResult<ImportedEdit<FeatureImport>> {
    let (_, bytes) = chosen(&state)?;
    let author = state.author()?;
    let (summary, outcome) = state.with_plan(|file| {
        let (summary, applied) = file.import_features(&bytes, &options, &author)?;
        Ok((summary, with_analysis(file, applied)?))
    })?;
    remember_statuses(&state, summary.tool, &options.statuses)?;
    Ok(ImportedEdit {
        summary,
        edited: edited(&state, outcome)?,
    })
}

/// What importing the chosen file's traction numbers would do. Nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn preview_traction_import(
    state: State<'_, AppState>,
    options: ActualsOptions,
) -> CommandResult<ActualsImport> {
    let (_, bytes) = chosen(&state)?;
    state.with_plan(|file| file.preview_traction_import(&bytes, &options))
}

/// Imports the chosen file's traction numbers as one edit, signed with your name.
#[tauri::command]
#[specta::specta]
pub async fn import_traction(
    state: State<'_, AppState>,
    options: ActualsOptions,
) -> CommandResult<ImportedEdit<ActualsImport>> {
    let (_, bytes) = chosen(&state)?;
    let author = state.author()?;
    let (summary, outcome) = state.with_plan(|file| {
        let (summary, applied) = file.import_traction(&bytes, &options, &author)?;
        Ok((summary, with_analysis(file, applied)?))
    })?;
    Ok(ImportedEdit {
        summary,
        edited: edited(&state, outcome)?,
    })
}
