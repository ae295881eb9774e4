//! The app's state: the plan open in the window (at most one) or the error that kept it from
//! opening, and the desktop shell and data folder, each set once at start.
//!
//! Invariants: no lock is held while a dialog is open (the shell and the data folder need none);
//! a poisoned lock is reported as an error, never skipped; the window title follows the open
//! plan through one path, [`AppState::install`].

use crate::error::{CommandError, CommandResult};
use keel_core::compute::analysis::Analysis;
use keel_core::compute::check::FindingsPatch;
use keel_core::io::export::ExportFormat;
use keel_core::PlanFile;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;

/// What a file dialog is for: the filter it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    Export(ExportFormat),
    /// A teammate's copy of the plan, or a change file, to merge.
    Teammate,
    /// A folder the team shares, to sync the plan through.
    SyncFolder,
    /// Another tool's export of features (CSV, TSV, Trello JSON), to import.
    Features,
    /// A CSV of traction numbers, to import.
    Traction,
}

/// What the app needs from the desktop: native dialogs and the window title. The app installs
/// the real one at start; tests install their own.
pub trait Shell: Send + Sync {
    /// "Save as": the chosen path, or None when cancelled.
    fn save_path(&self, suggested_name: &str, kind: FileKind) -> Option<PathBuf>;
    /// "Open": the chosen file (a plan, or a teammate's copy or change file), or None when
    /// cancelled.
    fn open_path(&self, kind: FileKind) -> Option<PathBuf>;
    fn set_title(&self, title: &str);
    /// Present mode: the window full screen, or back.
    fn set_fullscreen(&self, on: bool) -> Result<(), String>;
}

/// The open plan, or why there is none.
enum Open {
    /// Before the start plan's opening has finished (or when it never ran).
    Nothing,
    Plan(Box<PlanFile>),
    /// Opening failed; the error keeps its code (damaged, newer, not a plan…).
    Failed(CommandError),
}

pub struct AppState {
    open: Mutex<Open>,
    shell: OnceLock<Box<dyn Shell>>,
    /// The app's data folder: recent plans and the sample live there.
    data_dir: OnceLock<PathBuf>,
    /// The start plan's opening while it runs beside the window's loading; commands that need
    /// the plan wait for it.
    opening: Mutex<Option<JoinHandle<()>>>,
    /// The ranking and the findings the window holds (from its last read or edit): an edit
    /// that leaves them as they are answers without them, which at 10,000 features is most of
    /// the answer.
    shown: Mutex<Shown>,
    /// The sync folder's change files this window already took in, for the open plan.
    pub(crate) sync_seen: Mutex<std::collections::HashSet<String>>,
    /// The key of the open plan's sealed sync folder, once the founder typed the team's
    /// passphrase in this session (the passphrase itself is never kept).
    pub(crate) sync_seal: Mutex<Option<keel_core::sync::Seal>>,
    /// The file the founder chose to import, previewed until it is imported (the page never
    /// hands over a path).
    pub(crate) import_file: Mutex<Option<PathBuf>>,
    /// The name edits are signed with, read from the settings once (and set by `set_author`).
    author: Mutex<Option<String>>,
    /// Whether the window shows what changed since the last version (each edit then answers
    /// with it).
    follows_since: std::sync::atomic::AtomicBool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            open: Mutex::new(Open::Nothing),
            shell: OnceLock::new(),
            data_dir: OnceLock::new(),
            opening: Mutex::new(None),
            shown: Mutex::new(Shown::default()),
            sync_seen: Mutex::new(std::collections::HashSet::new()),
            sync_seal: Mutex::new(None),
            import_file: Mutex::new(None),
            author: Mutex::new(None),
            follows_since: std::sync::atomic::AtomicBool::new(false),
        }
    }
}

#[derive(Default)]
struct Shown {
    ranking: Vec<keel_core::compute::priority::RankedFeature>,
    findings: Vec<keel_core::compute::check::Finding>,
}

/// What the window already holds of an analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchanged {
    pub ranking: bool,
    pub findings: bool,
    /// Changed findings as a patch of those the window holds (when mostly the same).
    pub findings_patch: Option<FindingsPatch>,
}

fn lock<T>(mutex: &Mutex<T>) -> CommandResult<MutexGuard<'_, T>> {
    mutex.lock().map_err(|_| CommandError::internal())
}

impl AppState {
    /// Records the outcome of opening a plan: the plan (and the window's title), or why there
    /// is none.
    pub fn set(&self, opened: Result<PlanFile, keel_core::CoreError>) -> CommandResult<()> {
        match opened {
            Ok(file) => self.install(file),
            Err(e) => {
                *lock(&self.open)? = Open::Failed(e.into());
                Ok(())
            }
        }
    }

    /// Runs `open` (which ends by calling [`AppState::set`]) on its own thread, so the window
    /// loads meanwhile. `open` must not call anything here that waits for the opening.
    pub fn open_in_background(&self, open: impl FnOnce() + Send + 'static) -> CommandResult<()> {
        let mut slot = lock(&self.opening)?;
        *slot = Some(std::thread::spawn(open));
        Ok(())
    }

    /// Waits for the start plan's opening, when one is running.
    fn settle(&self) -> CommandResult<()> {
        let handle = lock(&self.opening)?.take();
        if let Some(handle) = handle {
            if handle.join().is_err() {
                *lock(&self.open)? = Open::Failed(CommandError::no_plan(Some(
                    "opening it stopped unexpectedly",
                )));
            }
        }
        Ok(())
    }

    /// Installs the desktop shell; there is one for the app's life.
    pub fn set_shell(&self, shell: Box<dyn Shell>) -> CommandResult<()> {
        self.shell
            .set(shell)
            .map_err(|_| CommandError::internal_because("the desktop shell is installed twice"))
    }

    /// The app's data folder, set once: the first folder given stays.
    pub fn set_data_dir(&self, dir: PathBuf) -> &Path {
        self.data_dir.get_or_init(|| dir)
    }

    pub fn data_dir(&self) -> CommandResult<PathBuf> {
        self.settle()?;
        self.data_dir
            .get()
            .cloned()
            .ok_or_else(|| CommandError::no_plan(Some("Keel's data folder is not known")))
    }

    /// Notes the ranking and findings the window now holds; returns for each whether it is the
    /// one the window held before.
    pub fn show(&self, analysis: &Analysis) -> CommandResult<Unchanged> {
        let mut shown = lock(&self.shown)?;
        let findings = shown.findings == analysis.findings;
        let unchanged = Unchanged {
            ranking: shown.ranking == analysis.ranking,
            findings,
            findings_patch: if findings {
                None
            } else {
                FindingsPatch::of(&shown.findings, &analysis.findings)
            },
        };
        if !unchanged.ranking {
            shown.ranking.clone_from(&analysis.ranking);
        }
        if !unchanged.findings {
            shown.findings.clone_from(&analysis.findings);
        }
        Ok(unchanged)
    }

    /// The name your edits are signed with: the one you gave, else the system account's.
    /// The name your edits are signed with: the one you gave, else the system account's. Read
    /// from the settings at the first edit of the session, not at every edit.
    pub fn author(&self) -> CommandResult<String> {
        let mut known = lock(&self.author)?;
        if let Some(name) = known.as_ref() {
            return Ok(name.clone());
        }
        let given = self
            .data_dir()
            .ok()
            .and_then(|dir| crate::settings::read(&dir).author);
        let name = given.unwrap_or_else(crate::settings::system_name);
        *known = Some(name.clone());
        Ok(name)
    }

    pub fn follows_since(&self) -> bool {
        self.follows_since
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn set_follows_since(&self, on: bool) {
        self.follows_since
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// The name the founder just gave, for the edits that follow.
    pub fn set_author_name(&self, name: &str) -> CommandResult<()> {
        *lock(&self.author)? = Some(name.to_string());
        Ok(())
    }

    /// Runs the save dialog; None when cancelled or when no shell is installed.
    pub fn ask_save_path(&self, suggested_name: &str, kind: FileKind) -> Option<PathBuf> {
        self.shell.get()?.save_path(suggested_name, kind)
    }

    pub fn ask_open_path(&self, kind: FileKind) -> Option<PathBuf> {
        self.shell.get()?.open_path(kind)
    }

    /// Puts the window in full screen or back; an error when there is no window to do it with.
    pub fn set_fullscreen(&self, on: bool) -> CommandResult<()> {
        let shell = self
            .shell
            .get()
            .ok_or_else(|| CommandError::fullscreen("there is no window"))?;
        shell
            .set_fullscreen(on)
            .map_err(|e| CommandError::fullscreen(&e))
    }

    /// Opens `path` and makes it the open plan; on failure the current plan stays open.
    pub fn switch_to(&self, path: &Path) -> CommandResult<()> {
        self.settle()?;
        {
            // Reopening the plan that is open: this window holds its lock, so let go of it
            // first (or the file would open read-only, locked by ourselves).
            let mut open = lock(&self.open)?;
            if matches!(&*open, Open::Plan(file) if same_file(file.path(), path)) {
                *open = Open::Nothing;
            }
        }
        let file = PlanFile::open(path)?;
        if let Ok(dir) = self.data_dir() {
            crate::session::remember(&dir, file.path());
        }
        self.install(file)
    }

    /// Makes `file` the open plan and titles the window after it.
    fn install(&self, file: PlanFile) -> CommandResult<()> {
        let title = crate::window_title(&file);
        *lock(&self.open)? = Open::Plan(Box::new(file));
        lock(&self.sync_seen)?.clear();
        *lock(&self.sync_seal)? = None;
        if let Some(shell) = self.shell.get() {
            shell.set_title(&title);
        }
        Ok(())
    }

    /// Runs `f` on the open plan; without one, the error that kept it from opening.
    pub fn with_plan<T>(
        &self,
        f: impl FnOnce(&mut PlanFile) -> Result<T, keel_core::CoreError>,
    ) -> CommandResult<T> {
        self.settle()?;
        match &mut *lock(&self.open)? {
            Open::Plan(file) => f(file).map_err(CommandError::from),
            Open::Failed(why) => Err(why.clone()),
            Open::Nothing => Err(CommandError::no_plan(None)),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
