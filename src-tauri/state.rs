//! The app's one piece of state: the plan file that is open (at most one per window).

use crate::error::{CommandError, CommandResult};
use keel_core::export::ExportFormat;
use keel_core::PlanFile;
use std::path::PathBuf;
use std::sync::Mutex;
use std::thread::JoinHandle;

/// What a file dialog is for: the filter it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    Export(ExportFormat),
}

/// What the app needs from the desktop: native dialogs and the window title. The app installs
/// the real one at start; tests install their own.
pub trait Shell: Send + Sync {
    /// "Save as": the chosen path, or None when cancelled.
    fn save_path(&self, suggested_name: &str, kind: FileKind) -> Option<PathBuf>;
    /// "Open": the chosen plan file, or None when cancelled.
    fn open_path(&self) -> Option<PathBuf>;
    fn set_title(&self, title: &str);
    /// Present mode: the window full screen, or back.
    fn set_fullscreen(&self, on: bool) -> Result<(), String>;
}

#[derive(Default)]
pub struct AppState {
    plan: Mutex<Option<PlanFile>>,
    /// Why no plan is open, when opening one failed.
    open_error: Mutex<Option<String>>,
    shell: Mutex<Option<Box<dyn Shell>>>,
    /// The app's data folder: recent plans and the sample live there.
    data_dir: Mutex<Option<PathBuf>>,
    /// The start plan's opening while it runs beside the window's loading; commands that need
    /// the plan wait for it.
    opening: Mutex<Option<JoinHandle<()>>>,
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

    /// Runs `open` (which ends by calling [`AppState::set`]) on its own thread, so the window
    /// loads meanwhile. `open` must not call anything here that waits for the opening.
    pub fn open_in_background(&self, open: impl FnOnce() + Send + 'static) {
        let handle = std::thread::spawn(open);
        if let Ok(mut slot) = self.opening.lock() {
            *slot = Some(handle);
        }
    }

    /// Waits for the start plan's opening, when one is running.
    fn settle(&self) {
        let Ok(mut slot) = self.opening.lock() else {
            return;
        };
        if let Some(handle) = slot.take() {
            if handle.join().is_err() {
                if let Ok(mut why) = self.open_error.lock() {
                    *why = Some("opening it stopped unexpectedly".into());
                }
            }
        }
    }

    pub fn set_shell(&self, shell: Box<dyn Shell>) {
        if let Ok(mut slot) = self.shell.lock() {
            *slot = Some(shell);
        }
    }

    pub fn set_data_dir(&self, dir: PathBuf) {
        if let Ok(mut slot) = self.data_dir.lock() {
            *slot = Some(dir);
        }
    }

    pub fn data_dir(&self) -> Option<PathBuf> {
        self.settle();
        self.data_dir.lock().ok().and_then(|d| d.clone())
    }

    /// Runs the save dialog; None when cancelled or when no shell is installed.
    pub fn ask_save_path(&self, suggested_name: &str, kind: FileKind) -> Option<PathBuf> {
        let slot = self.shell.lock().ok()?;
        slot.as_ref()
            .and_then(|s| s.save_path(suggested_name, kind))
    }

    pub fn ask_open_path(&self) -> Option<PathBuf> {
        let slot = self.shell.lock().ok()?;
        slot.as_ref().and_then(|s| s.open_path())
    }

    /// Puts the window in full screen or back; an error when there is no window to do it with.
    pub fn set_fullscreen(&self, on: bool) -> CommandResult<()> {
        let slot = self
            .shell
            .lock()
            .map_err(|_| fullscreen_error("the window is busy"))?;
        match slot.as_ref() {
            Some(shell) => shell.set_fullscreen(on).map_err(|e| fullscreen_error(&e)),
            None => Err(fullscreen_error("there is no window")),
        }
    }

    /// Opens `path` and makes it the open plan; on failure the current plan stays open.
    pub fn switch_to(&self, path: &std::path::Path) -> CommandResult<()> {
        self.settle();
        // Reopening the plan that is open: this window holds its lock, so let go of it first
        // (or the file would open read-only, locked by ourselves).
        if let Ok(mut slot) = self.plan.lock() {
            let same = slot
                .as_ref()
                .is_some_and(|open| same_file(open.path(), path));
            if same {
                slot.take();
            }
        }
        let file = PlanFile::open(path).map_err(CommandError::from)?;
        if let Some(dir) = self.data_dir() {
            crate::session::remember(&dir, file.path());
        }
        let title = crate::window_title(&file);
        self.replace(file);
        if let Ok(slot) = self.shell.lock() {
            if let Some(shell) = slot.as_ref() {
                shell.set_title(&title);
            }
        }
        Ok(())
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
        self.settle();
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

fn fullscreen_error(why: &str) -> CommandError {
    CommandError {
        code: keel_core::ErrorCode::Io,
        message: format!("The window could not change to full screen: {why}."),
        field: None,
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
