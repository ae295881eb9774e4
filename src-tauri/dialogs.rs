//! The desktop side of [`Shell`]: native file dialogs (opened by the backend, so the page never
//! hands over a path) and the window title. End-to-end test builds (feature `e2e-seams`) may
//! answer the dialogs from `KEEL_E2E_SAVE_DIR`, `KEEL_E2E_OPEN_FILE` and `KEEL_E2E_SYNC_FOLDER`;
//! the shipped app never reads them.

use crate::state::{FileKind, Shell};
use keel_core::io::export::ExportFormat;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

pub struct Desktop<R: Runtime>(pub AppHandle<R>);

fn filter(kind: FileKind) -> (&'static str, &'static [&'static str]) {
    match kind {
        FileKind::Plan => ("Keel plan", &["keel"]),
        FileKind::Teammate => ("Keel plan or change file", &["keel", "keelchanges"]),
        FileKind::SyncFolder => ("Folder", &[]),
        FileKind::Features => ("CSV, TSV or Trello JSON", &["csv", "tsv", "txt", "json"]),
        FileKind::Traction => ("CSV", &["csv", "tsv", "txt"]),
        FileKind::Export(ExportFormat::Markdown) => ("Markdown", &["md"]),
        FileKind::Export(ExportFormat::Pdf) => ("PDF", &["pdf"]),
        FileKind::Export(ExportFormat::Json) => ("Keel JSON export", &["json"]),
        FileKind::Export(ExportFormat::Csv) => ("CSV (feature table)", &["csv"]),
        FileKind::Export(ExportFormat::UpdatePdf) => ("Investor update (PDF)", &["pdf"]),
        FileKind::Export(ExportFormat::UpdateMarkdown) => ("Investor update (Markdown)", &["md"]),
    }
}

impl<R: Runtime> Shell for Desktop<R> {
    fn save_path(&self, suggested_name: &str, kind: FileKind) -> Option<PathBuf> {
        #[cfg(feature = "e2e-seams")]
        if let Some(dir) = std::env::var_os("KEEL_E2E_SAVE_DIR") {
            return Some(PathBuf::from(dir).join(suggested_name));
        }
        let (label, ext) = filter(kind);
        self.0
            .dialog()
            .file()
            .set_title(match kind {
                FileKind::Plan
                | FileKind::Teammate
                | FileKind::SyncFolder
                | FileKind::Features
                | FileKind::Traction => "Save plan as".to_string(),
                FileKind::Export(_) => format!("Export {label}"),
            })
            .set_file_name(suggested_name)
            .add_filter(label, ext)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    }

    fn open_path(&self, kind: FileKind) -> Option<PathBuf> {
        if kind == FileKind::SyncFolder {
            #[cfg(feature = "e2e-seams")]
            if let Some(dir) = std::env::var_os("KEEL_E2E_SYNC_FOLDER") {
                return Some(PathBuf::from(dir));
            }
            return self
                .0
                .dialog()
                .file()
                .set_title("Sync this plan through a shared folder")
                .blocking_pick_folder()
                .and_then(|p| p.into_path().ok());
        }
        #[cfg(feature = "e2e-seams")]
        if let Some(file) = std::env::var_os("KEEL_E2E_OPEN_FILE") {
            return Some(PathBuf::from(file));
        }
        let (label, ext) = filter(kind);
        self.0
            .dialog()
            .file()
            .set_title(match kind {
                FileKind::Teammate => "Merge a teammate's copy",
                FileKind::Features => "Import features",
                FileKind::Traction => "Import traction numbers",
                _ => "Open plan",
            })
            .add_filter(label, ext)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }

    fn set_title(&self, title: &str) {
        if let Some(window) = self.0.get_webview_window("main") {
            let _ = window.set_title(title);
        }
    }

    fn set_fullscreen(&self, on: bool) -> Result<(), String> {
        let window = self
            .0
            .get_webview_window("main")
            .ok_or("the main window is gone")?;
        window.set_fullscreen(on).map_err(|e| e.to_string())
    }
}
