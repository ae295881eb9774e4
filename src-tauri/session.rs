//! Which plan the app opens at start: the one named on the command line, else the last plan
//! opened, else the sample plan (created in the app's data folder on first run).

use keel_core::{clock, samples, CoreError, PlanFile};
use std::path::{Path, PathBuf};

const RECENT_FILE: &str = "recent.json";
const RECENT_MAX: usize = 10;
pub const SAMPLE_FILE: &str = "Sample plan.keel";

pub fn open_at_start(data_dir: &Path, explicit: Option<&Path>) -> Result<PlanFile, CoreError> {
    // What a crash or a power loss left of the last write of the settings or the recent list.
    keel_core::store::sweep_temporaries(data_dir);
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match recent(data_dir).into_iter().find(|p| p.exists()) {
            Some(last) => last,
            None => ensure_sample(data_dir)?,
        },
    };
    let file = PlanFile::open(&path)?;
    remember(data_dir, file.path());
    Ok(file)
}

/// The sample plan's path, created if missing.
pub fn ensure_sample(data_dir: &Path) -> Result<PathBuf, CoreError> {
    let path = data_dir.join(SAMPLE_FILE);
    if !path.exists() {
        std::fs::create_dir_all(data_dir).map_err(|e| CoreError::Io {
            context: format!("{} cannot be created", data_dir.display()),
            source: e,
        })?;
        samples::create_sample_plan(&path, clock::today())?;
    }
    Ok(path)
}

/// Recently opened plans, most recent first.
pub fn recent(data_dir: &Path) -> Vec<PathBuf> {
    std::fs::read(data_dir.join(RECENT_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<PathBuf>>(&bytes).ok())
        .unwrap_or_default()
}

/// Puts `path` first in the recent list. Failing to record it is not worth an error.
pub fn remember(data_dir: &Path, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut list = recent(data_dir);
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(RECENT_MAX);
    let _ = write_recent(data_dir, &list);
}

/// Removes the entry at `index` from the recent list.
pub fn forget(data_dir: &Path, index: usize) -> Result<(), CoreError> {
    let mut list = recent(data_dir);
    if index >= list.len() {
        return Err(CoreError::NotFound {
            entity: "recent plan",
            id: index.to_string(),
        });
    }
    list.remove(index);
    write_recent(data_dir, &list)
}

fn write_recent(data_dir: &Path, list: &[PathBuf]) -> Result<(), CoreError> {
    let context = || {
        format!(
            "the list of recent plans in {} cannot be written",
            data_dir.display()
        )
    };
    std::fs::create_dir_all(data_dir).map_err(|e| CoreError::io(context(), e))?;
    let json = serde_json::to_vec_pretty(list)
        .map_err(|e| CoreError::io(context(), std::io::Error::other(e)))?;
    keel_core::io::export::write_atomic(&data_dir.join(RECENT_FILE), &json)
}
