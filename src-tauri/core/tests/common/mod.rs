#![allow(dead_code)]

pub mod hostile;
pub mod imports;

use chrono::NaiveDate;
use keel_core::domain::{FeatureData, RiskClass};
use keel_core::{Operation, PlanDocument, PlanFile};
use std::path::{Path, PathBuf};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

/// A fresh empty plan in `dir`.
pub fn empty_plan(dir: &Path) -> (PlanFile, PathBuf) {
    let path = dir.join("plan.keel");
    let file = keel_core::create_empty_plan(&path, "Acme Robotics", date(2026, 1, 1))
        .expect("an empty plan can be created");
    (file, path)
}

/// Every row of every table, as text, to prove an operation changed nothing.
pub fn dump(file_path: &Path) -> String {
    let conn = rusqlite::Connection::open_with_flags(
        file_path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("the plan opens for reading");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {}\n", row.unwrap().join(" | ")));
        }
    }
    out
}

/// A plan document without the time of its last local edit (each copy stamps its own, and the
/// history does not keep it as a field).
pub fn comparable(mut doc: PlanDocument) -> PlanDocument {
    doc.plan.updated_at = String::new();
    doc
}

/// A founder's edit on their own copy: a new feature, signed `author`.
pub fn add_feature(path: &Path, title: &str, author: &str) {
    PlanFile::open(path)
        .unwrap()
        .apply(
            Operation::CreateFeature {
                data: FeatureData::new(title, RiskClass::Technical),
            },
            author,
        )
        .unwrap();
}

/// The titles of the plan's features, in their manual order.
pub fn titles(path: &Path) -> Vec<String> {
    PlanFile::open(path)
        .unwrap()
        .features()
        .unwrap()
        .into_iter()
        .map(|f| f.data.title)
        .collect()
}

/// A plan with one feature ("Interviews"), and a teammate's copy of it.
pub fn two_copies(dir: &Path) -> (PathBuf, PathBuf) {
    let (mut file, mine) = empty_plan(dir);
    file.create_feature(FeatureData::new("Interviews", RiskClass::Business))
        .unwrap();
    drop(file);
    let theirs = dir.join("theirs.keel");
    std::fs::copy(&mine, &theirs).unwrap();
    (mine, theirs)
}

/// A founder's edit of the plan's first feature on their own copy, signed `author`.
pub fn edit_first(path: &Path, author: &str, edit: impl FnOnce(&mut FeatureData)) {
    let mut file = PlanFile::open(path).unwrap();
    let feature = file.features().unwrap().remove(0);
    let mut data = feature.data;
    edit(&mut data);
    file.apply(
        Operation::UpdateFeature {
            id: feature.id,
            data,
        },
        author,
    )
    .unwrap();
}
