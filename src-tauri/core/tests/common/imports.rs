//! The import tests' fixtures (tests/fixtures/import) and the plan they import into.

use super::date;
use keel_core::PlanFile;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    std::fs::read(path.join(name)).unwrap()
}

pub fn sample(dir: &Path) -> (PlanFile, PathBuf) {
    let path = dir.join("s.keel");
    let file = keel_core::samples::create_sample_plan(&path, date(2026, 11, 27)).unwrap();
    (file, path)
}

pub fn by_title(file: &PlanFile, title: &str) -> keel_core::domain::Feature {
    file.features()
        .unwrap()
        .into_iter()
        .find(|f| f.data.title == title)
        .unwrap_or_else(|| panic!("“{title}” was imported"))
}
