use crate::commands::edit::{edited, with_analysis, Edited};
use crate::error::CommandResult;
use crate::state::{AppState, FileKind};
use keel_core::analysis::Analysis;
use keel_core::storage::Incoming;
use keel_core::Applied;
use serde::Serialize;
use specta::Type;
use tauri::State;

/// A merge as the window shows it: what came in, said by the core, and what it changed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MergedEdit {
    pub incoming: Incoming,
    /// "Dana: 14 changes — Moved “SSO” to Now, …", a line per teammate.
    pub summary: String,
    pub edited: Edited,
}

/// Asks for a teammate's copy of the plan (or a change file) and merges every change of theirs
/// this plan lacks; None when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn merge_teammate(state: State<'_, AppState>) -> CommandResult<Option<MergedEdit>> {
    let Some(path) = state.ask_open_path(FileKind::Teammate) else {
        return Ok(None);
    };
    let (incoming, outcome) = state.with_plan(|file| {
        let merged = file.merge_path(&path)?;
        Ok((merged.incoming, with_analysis(file, merged.applied)?))
    })?;
    MergedEdit::answer(&state, incoming, outcome).map(Some)
}

impl MergedEdit {
    /// What the window gets of a merge (a copy, a change file, a sync pass): what came in, and
    /// the edit's answer with the analysis.
    pub(crate) fn answer(
        state: &AppState,
        incoming: Incoming,
        outcome: (Applied, Analysis),
    ) -> CommandResult<MergedEdit> {
        Ok(MergedEdit {
            summary: incoming.summary(),
            incoming,
            edited: edited(state, outcome)?,
        })
    }
}
