use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::compute::compare::Comparison;
use keel_core::domain::{Id, Version};
use keel_core::LogPage;
use serde::Serialize;
use specta::Type;
use tauri::State;

/// A page of the plan's history, newest first.
#[tauri::command]
#[specta::specta]
pub async fn history(
    state: State<'_, AppState>,
    offset: u32,
    limit: u32,
) -> CommandResult<LogPage> {
    state.with_plan(|file| file.log_page(offset, limit))
}

#[tauri::command]
#[specta::specta]
pub async fn versions(state: State<'_, AppState>) -> CommandResult<Vec<Version>> {
    state.with_plan(|file| file.versions())
}

/// The plan at version `from` against version `to`, or against now when `to` is null.
#[tauri::command]
#[specta::specta]
pub async fn compare_versions(
    state: State<'_, AppState>,
    from: Id,
    to: Option<Id>,
) -> CommandResult<Comparison> {
    state.with_plan(|file| file.compare_versions(&from, to.as_ref(), keel_core::clock::today()))
}

/// Marks the plan as it is now as a named version; returns every version.
#[tauri::command]
#[specta::specta]
pub async fn mark_version(
    state: State<'_, AppState>,
    label: String,
) -> CommandResult<Vec<Version>> {
    let author = state.author()?;
    state.with_plan(|file| {
        file.mark_version(&label, &author)?;
        file.versions()
    })
}

/// Who you are: the name your edits are signed with (null until you said it), and the system
/// account's name to suggest.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Author {
    pub name: Option<String>,
    pub suggested: String,
}

#[tauri::command]
#[specta::specta]
pub async fn author(state: State<'_, AppState>) -> CommandResult<Author> {
    Ok(Author {
        name: crate::settings::read(&state.data_dir()?).author,
        suggested: crate::settings::system_name(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn set_author(state: State<'_, AppState>, name: String) -> CommandResult<Author> {
    let dir = state.data_dir()?;
    let name = keel_core::domain::validate::text(
        keel_core::domain::validate::Field::new("name", "Your name"),
        &name,
        1,
        80,
    )?;
    let mut settings = crate::settings::read(&dir);
    settings.author = Some(name.clone());
    crate::settings::write(&dir, &settings)?;
    state.set_author_name(&name)?;
    author(state).await
}
