use crate::commands::edit::{edited, with_analysis, Edited};
use crate::error::CommandResult;
use crate::state::{AppState, FileKind};
use keel_core::compute::analysis::Analysis;
use keel_core::ops::Conflict;
use keel_core::sync::{Incoming, Merged, Unlock};
use keel_core::Applied;
use keel_core::PlanFile;
use serde::Serialize;
use specta::Type;
use tauri::State;

/// A merge as the window shows it: what came in, said by the core, and what it changed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct MergedEdit {
    pub incoming: Incoming,
    /// What came in at the same time as this copy's own edits (newest first).
    pub conflicts: Vec<Conflict>,
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
    // A sealed change file from the plan's sealed folder opens with that folder's key.
    let seal = state
        .sync_seal
        .lock()
        .map_err(|_| crate::error::CommandError::internal())?
        .clone();
    let answer = state.with_plan(|file| {
        let merged = file.merge_path_with(&path, seal.as_ref().map(Unlock::Key))?;
        with_analysis_of(file, merged)
    })?;
    MergedEdit::answer(&state, answer).map(Some)
}

/// What came in, with the edit's answer and the analysis after it.
pub(crate) struct Answer {
    incoming: Incoming,
    conflicts: Vec<Conflict>,
    outcome: (Applied, Analysis),
}

/// A merge's outcome with the analysis of the plan after it.
pub(crate) fn with_analysis_of(file: &mut PlanFile, merged: Merged) -> keel_core::Result<Answer> {
    Ok(Answer {
        incoming: merged.incoming,
        conflicts: merged.conflicts,
        outcome: with_analysis(file, merged.applied)?,
    })
}

impl MergedEdit {
    /// What the window gets of a merge (a copy, a change file, a sync pass): what came in, and
    /// the edit's answer with the analysis.
    pub(crate) fn answer(state: &AppState, answer: Answer) -> CommandResult<MergedEdit> {
        Ok(MergedEdit {
            summary: answer.incoming.summary(),
            incoming: answer.incoming,
            conflicts: answer.conflicts,
            edited: edited(state, answer.outcome)?,
        })
    }
}
