//! keel-core: Keel's domain, the plan file, and everything computed from a plan.
//! It knows nothing of the desktop shell: the app and the command line are thin adapters over
//! the functions here (CI fails if this crate ever depends on tauri).

pub mod analysis;
pub mod check;
pub mod clock;
pub mod diff;
pub mod document;
pub mod domain;
pub mod error;
pub mod export;
pub mod generate;
pub mod info;
pub mod ladder;
pub mod priority;
pub mod sample;
pub mod storage;
pub mod traction;
pub mod validate;

pub use document::PlanDocument;
pub use error::{CoreError, ErrorCode, Result};
pub use storage::{Mode, PlanFile};

use chrono::NaiveDate;
use std::path::Path;

/// Creates an empty plan for `company_name` starting on `start_date`.
pub fn create_empty_plan(
    path: &Path,
    company_name: &str,
    start_date: NaiveDate,
) -> Result<PlanFile> {
    let data = domain::PlanData::new(company_name, start_date).validated()?;
    PlanFile::create_new(path, |tx| storage::insert_plan(tx, &data))
}
