//! keel-core: Keel's domain, the plan file, and everything computed from a plan.
//! It knows nothing of the desktop shell: the app and the command line are thin adapters over
//! the functions here (CI fails if this crate ever depends on tauri).
//!
//! Its rooms, each depending only on those before it: `domain` (types and rules), `compute`
//! (pure functions of a plan), `store` (the file and its history), `ops` (a founder's
//! operations), `sync` (teammates' changes), `io` (imports and exports) and `samples`.

pub mod clock;
pub mod compute;
pub mod domain;
pub mod error;
pub mod io;
pub mod ops;
pub mod samples;
pub mod store;
pub mod sync;

pub use domain::PlanDocument;
pub use error::{CoreError, ErrorCode, Result};
pub use ops::{Applied, Changes, Operation};
pub use store::{LogEntry, LogPage, Mode, PlanFile};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Where a plan named `chosen` (in a dialog or on the command line) is written: a name that
/// does not end in `.keel` gets it added ("Acme" and "Acme.v2" become "Acme.keel" and
/// "Acme.v2.keel"), so every plan file opens in Keel from the file manager.
pub fn plan_file_path(chosen: &Path) -> PathBuf {
    let is_plan = chosen
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("keel"));
    if is_plan {
        chosen.to_path_buf()
    } else {
        let mut name = chosen.as_os_str().to_os_string();
        name.push(".keel");
        PathBuf::from(name)
    }
}

/// Creates an empty plan at [`plan_file_path`] of `chosen`, for `company_name` or, when none is
/// given, a company named after the file ("Acme.keel" is Acme's plan).
pub fn create_named_plan(
    chosen: &Path,
    company_name: Option<&str>,
    start_date: NaiveDate,
) -> Result<PlanFile> {
    let path = plan_file_path(chosen);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    create_empty_plan(
        &path,
        company_name.unwrap_or(&name_of_file(&stem)),
        start_date,
    )
}

/// A company's name read from its file's: "acme-robotics" and "acme_robotics" are "Acme
/// Robotics"; a name the founder wrote with capitals ("Loom.ly", "eBay") is kept as written.
pub fn name_of_file(stem: &str) -> String {
    if stem.chars().any(char::is_uppercase) {
        return stem.to_string();
    }
    let words: Vec<String> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        stem.to_string()
    } else {
        words.join(" ")
    }
}

/// Creates an empty plan for `company_name` starting on `start_date`.
pub fn create_empty_plan(
    path: &Path,
    company_name: &str,
    start_date: NaiveDate,
) -> Result<PlanFile> {
    let data = domain::PlanData::new(company_name, start_date).validated()?;
    let now = clock::now();
    let plan = PlanDocument {
        format: PlanDocument::FORMAT,
        plan: domain::Plan {
            data,
            created_at: now.clone(),
            updated_at: now,
        },
        canvas: domain::LeanCanvas::default(),
        goal: None,
        milestones: Vec::new(),
        actuals: Vec::new(),
        factory_snapshots: Vec::new(),
        teams: Vec::new(),
        features: Vec::new(),
    };
    PlanFile::create_from(path, &plan, "Created the plan", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_file_name_ends_in_keel() {
        for (chosen, written) in [
            ("Acme", "Acme.keel"),
            ("Acme.keel", "Acme.keel"),
            ("Acme.KEEL", "Acme.KEEL"),
            ("Acme.v2", "Acme.v2.keel"),
            ("plans/Acme copy", "plans/Acme copy.keel"),
        ] {
            assert_eq!(
                plan_file_path(Path::new(chosen)),
                PathBuf::from(written),
                "{chosen}"
            );
        }
    }
}
