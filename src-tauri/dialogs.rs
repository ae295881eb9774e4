//! Native file dialogs, opened by the backend. End-to-end test builds (feature `e2e-seams`)
//! may answer "save as" from `KEEL_E2E_SAVE_DIR` instead; the shipped app never reads it.

use crate::state::SaveDialog;
use keel_core::export::ExportFormat;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

pub fn save_dialog<R: Runtime>(app: AppHandle<R>) -> SaveDialog {
    Box::new(move |file_name: &str, format: ExportFormat| {
        #[cfg(feature = "e2e-seams")]
        if let Some(dir) = std::env::var_os("KEEL_E2E_SAVE_DIR") {
            return Some(std::path::PathBuf::from(dir).join(file_name));
        }
        let (label, ext) = match format {
            ExportFormat::Markdown => ("Markdown", "md"),
            ExportFormat::Pdf => ("PDF", "pdf"),
            ExportFormat::Json => ("Keel JSON export", "json"),
            ExportFormat::Csv => ("CSV (feature table)", "csv"),
        };
        app.dialog()
            .file()
            .set_title(format!("Export {label}"))
            .set_file_name(file_name)
            .add_filter(label, &[ext])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
}
