//! JSON export and import (no lock-in), the CSV feature table, and atomic writes.

mod common;

use common::date;
use common::hostile::hostile_plan;
use keel_core::io::export::json::{import, EXPORT_FORMAT};
use keel_core::io::export::{export_to, render, ExportFormat};
use keel_core::{ErrorCode, PlanFile};
use std::path::Path;

fn sample(dir: &Path) -> PlanFile {
    keel_core::samples::create_sample_plan(&dir.join("s.keel"), date(2026, 11, 27)).unwrap()
}

fn json_of(file: &PlanFile) -> String {
    String::from_utf8(render(file, ExportFormat::Json, date(2026, 11, 27), None).unwrap()).unwrap()
}

#[test]
fn export_import_export_gives_identical_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut original = sample(dir.path());
    original.mark_version("Seed round", "Dana").unwrap();
    for file in [original, hostile_plan(&dir.path().join("h.keel"))] {
        let first = json_of(&file);
        let exported = dir.path().join("plan.json");
        std::fs::write(&exported, &first).unwrap();
        let target = dir.path().join("imported.keel");
        let imported = import(&target, &exported).expect("an export imports");
        assert_eq!(
            json_of(&imported),
            first,
            "export → import → export must be identical"
        );
        assert_eq!(imported.integrity_check().unwrap(), "ok");
        drop(imported);
        std::fs::remove_file(&target).unwrap();
    }
}

fn refused(json: &str, says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("in.json");
    std::fs::write(&source, json).unwrap();
    let target = dir.path().join("new.keel");
    let err = import(&target, &source).expect_err("bad input must be refused");
    assert!(err.to_string().contains(says), "{err} must say {says:?}");
    assert!(!target.exists(), "a failed import creates no plan file");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "nothing but the source is left: {left:?}");
}

#[test]
fn malformed_or_hostile_json_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good: serde_json::Value = serde_json::from_str(&json_of(&sample(dir.path()))).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    refused("not json at all", "not valid JSON");
    refused("{\"plan\": {}}", "no \"keel_export\" format version");
    refused(
        &with(&|v| v["keel_export"] = (EXPORT_FORMAT + 1).into()),
        "written by a newer Keel",
    );
    refused(
        &with(&|v| v["plan"]["features"][0]["data"]["title"] = "".into()),
        "Title: must not be empty",
    );
    refused(
        &with(&|v| v["plan"]["features"][0]["data"]["risk_level"] = 9.into()),
        "Risk level",
    );
    refused(
        &with(&|v| v["plan"]["features"][0]["data"]["team_id"] = 999.into()),
        "no team with id 999",
    );
    refused(
        &with(&|v| v["plan"]["features"][1]["id"] = v["plan"]["features"][0]["id"].clone()),
        "share an id",
    );
    refused(
        &with(&|v| v["plan"]["plan"]["data"]["currency"] = "XXX".into()),
        "ISO 4217",
    );
    refused(
        &with(&|v| v["plan"]["actuals"][0]["data"]["value"] = (-5).into()),
        "must not be negative",
    );
    refused(
        &with(&|v| v["plan"]["features"][0]["data"]["stage"] = "galactic".into()),
        "galactic",
    );
    refused(
        &with(&|v| v["plan"]["actuals"][0]["data"]["date"] = "+10000-01-01".into()),
        "Date: must be between 1900-01-01 and 9999-12-31",
    );
    refused(
        &with(&|v| v["plan"]["factory_snapshots"][0]["data"]["period_start"] = "1812-06-01".into()),
        "Period start: must be between 1900-01-01",
    );
    refused(&"[".repeat(100_000), "not valid JSON");
}

#[test]
fn import_refuses_to_replace_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let source = dir.path().join("plan.json");
    std::fs::write(&source, json_of(&file)).unwrap();
    let err = import(file.path(), &source).unwrap_err();
    assert_eq!(err.code(), ErrorCode::AlreadyExists);
}

#[test]
fn csv_is_rfc_4180_with_one_row_per_feature() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_plan(&dir.path().join("h.keel"));
    let bytes = render(&file, ExportFormat::Csv, date(2026, 11, 27), None).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[2], "title");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let features = file.features().unwrap();
    assert_eq!(rows.len(), features.len());
    let titles: Vec<&str> = rows.iter().map(|r| &r[2]).collect();
    for f in &features {
        let t = &f.data.title;
        // A spreadsheet would run text starting with = + - @ as a formula: it gets an apostrophe.
        let expected = if t.starts_with(['=', '+', '-', '@']) {
            format!("'{t}")
        } else {
            t.clone()
        };
        assert!(
            titles.contains(&expected.as_str()),
            "{t:?} round-trips through CSV"
        );
    }
    assert!(
        titles.contains(&"'@ref and <label>"),
        "formula-like text is neutralised"
    );
    assert!(
        rows.iter().all(|r| r.len() == header.len()),
        "every row has every column"
    );
}

#[test]
fn a_failed_export_leaves_the_previous_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("plan.md");
    std::fs::write(&out, "the good export").unwrap();
    let err = export_to(
        &file,
        ExportFormat::Markdown,
        date(2026, 11, 27),
        Some("no such version"),
        &out,
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the good export");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let plan = file
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        names,
        [format!(".{plan}.lock"), "plan.md".to_string(), plan.clone()],
        "the plan (open, so with its lock file) and the old export; no temporary file is left"
    );

    export_to(
        &file,
        ExportFormat::Markdown,
        date(2026, 11, 27),
        None,
        &out,
    )
    .unwrap();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Loomline"),
        "a good export replaces it"
    );
}

#[test]
fn changes_since_a_version_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = sample(dir.path());
    let snap = file.mark_version("Board meeting", "Dana").unwrap();
    let first = file.features().unwrap()[0].clone();
    let mut data = first.data.clone();
    data.status = keel_core::domain::FeatureStatus::Done;
    file.update_feature(&first.id, data).unwrap();
    let md = String::from_utf8(
        render(
            &file,
            ExportFormat::Markdown,
            date(2026, 11, 27),
            Some(snap.id.as_str()),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(md.contains("## What changed since “Board meeting”"), "{md}");
    assert!(md.contains("status in progress → done"), "{md}");
}
