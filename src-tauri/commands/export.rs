use crate::error::CommandResult;
use crate::state::{AppState, FileKind};
use keel_core::clock;
use keel_core::io::export::{self, ExportFormat};
use tauri::State;

/// Asks where to save (a native dialog run by the backend, so the page never hands over a
/// path) and writes the export there, with the plan check's findings when `findings` (or as the
/// format does by default when not given). Returns the path written, or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_plan(
    state: State<'_, AppState>,
    format: ExportFormat,
    findings: Option<bool>,
) -> CommandResult<Option<String>> {
    let findings = findings.unwrap_or(format.findings_by_default());
    let company = state.with_plan(|file| Ok(file.plan()?.data.company_name))?;
    let what = match format {
        ExportFormat::UpdatePdf | ExportFormat::UpdateMarkdown => "update",
        _ => "plan",
    };
    let name = format!("{company} {what}.{}", format.extension());
    let Some(path) = state.ask_save_path(&name, FileKind::Export(format)) else {
        return Ok(None);
    };
    state.with_plan(|file| {
        export::export_with(file, format, clock::today(), None, findings, &path)
    })?;
    Ok(Some(path.display().to_string()))
}

/// The investor update since the latest version as e-mail-safe Markdown, for the window to put
/// on the clipboard (as that text and as HTML rendered from it).
#[tauri::command]
#[specta::specta]
pub async fn update_text(state: State<'_, AppState>, findings: bool) -> CommandResult<String> {
    state.with_plan(|file| export::update_text(file, clock::today(), findings))
}
