use crate::commands::merge::{with_analysis_of, MergedEdit};
use crate::error::CommandResult;
use crate::settings;
use crate::state::{AppState, FileKind};
use keel_core::sync::{folder_is_sealed, plan_folder};
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
    /// The folder is sealed: its files are encrypted with the team's passphrase.
    pub sealed: bool,
    /// The folder is sealed and this window has not been given the passphrase yet: nothing
    /// was read or written.
    pub locked: bool,
}

impl SyncStatus {
    fn idle(folder: Option<String>) -> SyncStatus {
        SyncStatus {
            folder,
            merged: None,
            wrote: false,
            waiting: 0,
            behind: false,
            refused: Vec::new(),
            sealed: false,
            locked: false,
        }
    }
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
    let seal = state
        .sync_seal
        .lock()
        .map_err(|_| crate::error::CommandError::internal())?
        .clone();
    let plan_id = state.with_plan(|file| file.plan_id())?;
    let sealed = folder_is_sealed(&plan_folder(&folder, &plan_id)) || seal.is_some();
    if sealed && seal.is_none() {
        return Ok(SyncStatus {
            sealed,
            locked: true,
            ..SyncStatus::idle(Some(folder.display().to_string()))
        });
    }
    let mut seen = state
        .sync_seen
        .lock()
        .map_err(|_| crate::error::CommandError::internal())?;
    let (synced, merged) = state.with_plan(|file| {
        let mut synced = match &seal {
            Some(seal) => file.sync_sealed_folder(&folder, seal, &mut seen)?,
            None => file.sync_folder(&folder, &mut seen)?,
        };
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
        sealed,
        locked: false,
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
/// folder's absence when the plan is not linked. Off the main thread: a pass that takes in a
/// large file never freezes the window.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>) -> CommandResult<SyncStatus> {
    match linked(&state)? {
        Some((_, folder)) => pass(&state, folder),
        None => Ok(SyncStatus::idle(None)),
    }
}

/// The linked folder, or the one sentence a command about sealing says without one.
fn linked_folder(state: &AppState) -> CommandResult<PathBuf> {
    linked(state)?.map(|(_, folder)| folder).ok_or_else(|| {
        keel_core::CoreError::Sealed {
            detail: "This plan is not linked to a sync folder".to_string(),
        }
        .into()
    })
}

/// Opens the plan's sealed sync folder with the passphrase the founder typed (kept as a key
/// for this session only) and syncs once; a wrong passphrase says so. Off the main thread: the
/// key's derivation takes about half a second.
#[tauri::command]
#[specta::specta]
pub async fn unlock_sync_folder(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<SyncStatus> {
    keyed(&state, |file, folder| {
        file.open_sealed_folder(folder, &passphrase)
    })
}

/// Seals the plan's sync folder with a passphrase the team shares (every file Keel writes
/// there from now on is encrypted) and syncs once, off the main thread.
#[tauri::command]
#[specta::specta]
pub async fn seal_sync_folder(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<SyncStatus> {
    keyed(&state, |file, folder| {
        file.seal_sync_folder(folder, &passphrase)
    })
}

/// Keeps the linked folder's key that `key` gives for this session, then syncs once.
fn keyed(
    state: &AppState,
    key: impl FnOnce(
        &mut keel_core::PlanFile,
        &std::path::Path,
    ) -> keel_core::Result<keel_core::sync::Seal>,
) -> CommandResult<SyncStatus> {
    let folder = linked_folder(state)?;
    let seal = state.with_plan(|file| key(file, &folder))?;
    *state
        .sync_seal
        .lock()
        .map_err(|_| crate::error::CommandError::internal())? = Some(seal);
    pass(state, folder)
}

/// Stops syncing the open plan through its folder (the folder and its files are left alone).
#[tauri::command]
#[specta::specta]
pub async fn unlink_sync_folder(state: State<'_, AppState>) -> CommandResult<()> {
    if let Some((plan_id, _)) = linked(&state)? {
        let dir = state.data_dir()?;
        let mut now = settings::read(&dir);
        now.sync_folders.remove(&plan_id);
        settings::write(&dir, &now)?;
    }
    Ok(())
}
