//! The app's one piece of state: the plan file that is open (at most one per window).

use crate::error::{CommandError, CommandResult};
use keel_core::export::ExportFormat;
use keel_core::PlanFile;
use std::path::PathBuf;
use std::sync::Mutex;

/// Asks the founder where to save a file: (suggested name, format) → the path, or None.
pub type SaveDialog = Box<dyn Fn(&str, ExportFormat) -> Option<PathBuf> + Send + Sync>;

#[derive(Default)]
pub struct AppState {
    plan: Mutex<Option<PlanFile>>,
    /// Why no plan is open, when opening one failed.
    open_error: Mutex<Option<String>>,
    save_dialog: Mutex<Option<SaveDialog>>,
}

impl AppState {
    /// Records the outcome of opening a plan: the plan, or why there is none.
    pub fn set(&self, opened: Result<PlanFile, keel_core::CoreError>) {
        match opened {
            Ok(file) => self.replace(file),
            Err(e) => {
                if let Ok(mut slot) = self.open_error.lock() {
                    *slot = Some(e.to_string());
                }
            }
        }
    }

    pub fn set_save_dialog(&self, dialog: SaveDialog) {
        if let Ok(mut slot) = self.save_dialog.lock() {
            *slot = Some(dialog);
        }
    }

    /// Runs the save dialog; None when cancelled or when no dialog is installed.
    pub fn ask_save_path(&self, file_name: &str, format: ExportFormat) -> Option<PathBuf> {
        let slot = self.save_dialog.lock().ok()?;
        slot.as_ref().and_then(|ask| ask(file_name, format))
    }

    pub fn replace(&self, file: PlanFile) {
        if let Ok(mut slot) = self.plan.lock() {
            *slot = Some(file);
        }
        if let Ok(mut slot) = self.open_error.lock() {
            *slot = None;
        }
    }

    /// Runs `f` on the open plan.
    pub fn with_plan<T>(
        &self,
        f: impl FnOnce(&mut PlanFile) -> Result<T, keel_core::CoreError>,
    ) -> CommandResult<T> {
        let mut slot = self
            .plan
            .lock()
            .map_err(|_| CommandError::no_plan(Some("an earlier command failed")))?;
        match slot.as_mut() {
            Some(file) => f(file).map_err(CommandError::from),
            None => {
                let why = self.open_error.lock().ok().and_then(|e| e.clone());
                Err(CommandError::no_plan(why.as_deref()))
            }
        }
    }
}
