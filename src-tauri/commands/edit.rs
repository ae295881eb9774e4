use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::compute::analysis::{self, Analysis};
use keel_core::compute::check::FindingsPatch;
use keel_core::compute::compare::Comparison;
use keel_core::{clock, Applied, Operation, PlanFile};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// An edit's outcome: what changed (the window patches its state with it) and the analysis
/// recomputed by the core.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Edited {
    pub applied: Applied,
    /// The analysis now; its ranking is empty when `ranking_unchanged`, its findings when
    /// `findings_unchanged`.
    pub analysis: Analysis,
    /// True when the ranking is the one the window holds (it is then not sent again: at 10,000
    /// features it is most of the answer).
    pub ranking_unchanged: bool,
    /// The same for the plan check's findings.
    pub findings_unchanged: bool,
    /// When the findings changed in part: the list now, as a patch of the one the window holds
    /// (the analysis's findings are then empty; the new ones are in the patch).
    pub findings_patch: Option<FindingsPatch>,
    /// What changed since the last version, while the window follows it (the Overview shows):
    /// null when it does not.
    pub since: Option<Since>,
}

/// What changed since the plan's last named version.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Since {
    /// Null when the plan has no version yet, or the comparison could not be read (the History
    /// shows the full comparison and says why).
    pub comparison: Option<Comparison>,
}

impl Since {
    pub(crate) fn of(state: &AppState) -> Since {
        Since {
            comparison: state
                .with_plan(|file| file.since_last_version(clock::today()))
                .ok()
                .flatten(),
        }
    }
}

pub(crate) fn with_analysis(
    file: &mut PlanFile,
    applied: Applied,
) -> keel_core::Result<(Applied, Analysis)> {
    Ok((
        applied,
        analysis::analyse(file.current()?, clock::today()).for_window(),
    ))
}

pub(crate) fn edited(
    state: &AppState,
    (applied, mut analysis): (Applied, Analysis),
) -> CommandResult<Edited> {
    let unchanged = state.show(&analysis)?;
    let since = state.follows_since().then(|| Since::of(state));
    if unchanged.ranking {
        analysis.ranking = Vec::new();
    }
    if unchanged.findings || unchanged.findings_patch.is_some() {
        analysis.findings = Vec::new();
    }
    Ok(Edited {
        applied,
        analysis,
        ranking_unchanged: unchanged.ranking,
        findings_unchanged: unchanged.findings,
        findings_patch: unchanged.findings_patch,
        since,
    })
}

/// Applies one operation, signed with your name.
#[tauri::command]
#[specta::specta]
pub async fn apply(state: State<'_, AppState>, op: Operation) -> CommandResult<Edited> {
    let author = state.author()?;
    let outcome = state.with_plan(|file| {
        let applied = file.apply(op, &author)?;
        with_analysis(file, applied)
    })?;
    edited(&state, outcome)
}

/// Takes back your last operation of this session; null when there is none.
#[tauri::command]
#[specta::specta]
pub async fn undo(state: State<'_, AppState>) -> CommandResult<Option<Edited>> {
    step(&state, false)
}

#[tauri::command]
#[specta::specta]
pub async fn redo(state: State<'_, AppState>) -> CommandResult<Option<Edited>> {
    step(&state, true)
}

fn step(state: &AppState, redo: bool) -> CommandResult<Option<Edited>> {
    let author = state.author()?;
    let outcome = state.with_plan(|file| {
        let stepped = if redo {
            file.redo(&author)?
        } else {
            file.undo(&author)?
        };
        stepped
            .map(|applied| with_analysis(file, applied))
            .transpose()
    })?;
    outcome.map(|o| edited(state, o)).transpose()
}

/// Starts (or stops) following what changed since the last version: while the window follows
/// it, each edit's answer carries it. Returns it now when following.
#[tauri::command]
#[specta::specta]
pub async fn follow_since(state: State<'_, AppState>, on: bool) -> CommandResult<Option<Since>> {
    state.set_follows_since(on);
    Ok(on.then(|| Since::of(&state)))
}
