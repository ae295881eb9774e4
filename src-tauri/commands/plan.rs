use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::compute::analysis::{self, Analysis};
use keel_core::domain::Plan;
use keel_core::{clock, PlanDocument, PlanFile};
use serde::Serialize;
use specta::Type;
use std::collections::HashSet;
use tauri::State;

/// The open plan as the window shows it: its header, its file, and whether it is read-only.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanView {
    pub plan: Plan,
    pub file_name: String,
    pub path: String,
    /// Why edits are refused, or null when the plan is editable.
    pub read_only: Option<String>,
    /// The sentence the core refuses an edit with, or null when the plan is editable.
    pub refusal: Option<String>,
}

/// Everything the window shows of the open plan, in one answer: the plan as stored and what the
/// core computes from it (ranking, check, traction, curve).
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanContents {
    pub view: PlanView,
    pub document: PlanDocument,
    pub analysis: Analysis,
    /// False when only the first screen's features were asked for (see [`load_plan`]).
    pub complete: bool,
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
        refusal: file.refusal().map(|e| e.to_string()),
    })
}

/// The UI's one read of the open plan, at start and after every edit. It runs off the main
/// thread (async), and waits for the start plan's opening when that has not finished yet.
/// With `first`, only the `first` top-ranked features (and their ranks) come with it, and the
/// findings' counts without the findings: all the Overview shows, so the window's first screen
/// does not wait for a big plan's whole list.
#[tauri::command]
#[specta::specta]
pub async fn load_plan(
    state: State<'_, AppState>,
    first: Option<u32>,
) -> CommandResult<PlanContents> {
    state
        .with_plan(|file| {
            let document = file.document()?;
            let mut contents = PlanContents {
                view: view(file)?,
                analysis: analysis::analyse(&document, clock::today()).for_window(),
                document,
                complete: true,
            };
            if let Some(n) = first {
                contents.analysis.ranking.truncate(n as usize);
                // The first screen shows how many findings there are; the list comes with the
                // whole plan.
                contents.analysis.findings.clear();
                let shown: HashSet<String> = contents
                    .analysis
                    .ranking
                    .iter()
                    .map(|r| r.id.clone())
                    .collect();
                contents.document.features.retain(|f| shown.contains(&f.id));
                contents.complete = false;
            }
            Ok(contents)
        })
        .and_then(|contents| {
            state.show(&contents.analysis)?;
            Ok(contents)
        })
}
