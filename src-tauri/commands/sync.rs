use crate::commands::merge::{with_analysis_of, MergedEdit};
use crate::error::CommandResult;
use crate::settings;
use crate::state::{AppState, FileKind};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use tauri::State;

/// The open plan's sync through a shared folder, after one pass.
#[derive(Debug, Clone, Serialize, Type)]
pub struct SyncStatus {
    /// The folder this plan syncs through on this computer; none when it is not linked.
    pub folder: Option<String>,
    /// What came in from teammates' change files in this pass.
    pub merged: Option<MergedEdit>,
    /// Whether this copy's new changes were written to the folder in this pass.
    pub wrote: bool,
    /// Files not read yet (still being copied, or waiting for earlier changes).
    pub waiting: u32,
    /// This copy is older than where the folder starts; it asked teammates' Keels for what it
    /// lacks.
    pub behind: bool,
    /// Files set aside in this pass, each with whose they are and why (said once).
    pub refused: Vec<String>,
}

fn linked(state: &AppState) -> CommandResult<Option<(String, PathBuf)>> {
    let plan_id = state.with_plan(|file| file.plan_id())?;
    let folder = settings::read(&state.data_dir()?)
        .sync_folders
        .get(&plan_id)
        .cloned();
    Ok(folder.map(|f| (plan_id, f)))
}

/// One pass with the linked folder: teammates' change files in, this copy's new changes out.
fn pass(state: &AppState, folder: PathBuf) -> CommandResult<SyncStatus> {
    let mut seen = state
        .sync_seen
        .lock()
        .map_err(|_| crate::error::CommandError::internal())?;
    let (synced, merged) = state.with_plan(|file| {
        let mut synced = file.sync_folder(&folder, &mut seen)?;
        let merged = match synced.merged.take() {
            Some(m) => Some(with_analysis_of(file, m)?),
            None => None,
        };
        Ok((synced, merged))
    })?;
    drop(seen);
    let merged = merged
        .map(|answer| MergedEdit::answer(state, answer))
        .transpose()?;
    Ok(SyncStatus {
        folder: Some(folder.display().to_string()),
        merged,
        wrote: synced.wrote.is_some(),
        waiting: synced.waiting,
        behind: synced.behind,
        refused: synced.refused,
    })
}

/// Asks for a folder the team shares, links the open plan to it on this computer and syncs
/// once; None when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn link_sync_folder(state: State<'_, AppState>) -> CommandResult<Option<SyncStatus>> {
    let Some(folder) = state.ask_open_path(FileKind::SyncFolder) else {
        return Ok(None);
    };
    let status = pass(&state, folder.clone())?;
    let plan_id = state.with_plan(|file| file.plan_id())?;
    let dir = state.data_dir()?;
    let mut now = settings::read(&dir);
    now.sync_folders.insert(plan_id, folder);
    settings::write(&dir, &now)?;
    Ok(Some(status))
}

/// One pass with the open plan's sync folder (the window asks every few seconds); only the
/// folder's absence when the plan is not linked.
#[tauri::command]
#[specta::specta]
pub fn sync_now(state: State<'_, AppState>) -> CommandResult<SyncStatus> {
    match linked(&state)? {
        Some((_, folder)) => pass(&state, folder),
        None => Ok(SyncStatus {
            folder: None,
            merged: None,
            wrote: false,
            waiting: 0,
            behind: false,
            refused: Vec::new(),
        }),
    }
}

/// Stops syncing the open plan through its folder (the folder and its files are left alone).
#[tauri::command]
#[specta::specta]
pub fn unlink_sync_folder(state: State<'_, AppState>) -> CommandResult<()> {
    if let Some((plan_id, _)) = linked(&state)? {
        let dir = state.data_dir()?;
        let mut now = settings::read(&dir);
        now.sync_folders.remove(&plan_id);
        settings::write(&dir, &now)?;
    }
    Ok(())
}
