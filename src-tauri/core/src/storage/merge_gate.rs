//! The merge gate's tests: a teammate's change that breaks a rule an edit is held to (written
//! past the checks, as a hostile or broken Keel could) is refused whole, naming whose changes
//! and the rule, and the plan is left byte for byte.

use super::{Kind, PlanFile, Since};
use crate::domain::FeatureData;
use crate::history::{tree, Note};
use chrono::NaiveDate;
use std::path::Path;

fn two_copies(dir: &Path) -> (PlanFile, PlanFile, std::path::PathBuf) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mine = dir.join("mine.keel");
    drop(crate::sample::create_sample_plan(&mine, today).unwrap());
    let theirs = dir.join("theirs.keel");
    std::fs::copy(&mine, &theirs).unwrap();
    (
        PlanFile::open(&mine).unwrap(),
        PlanFile::open(&theirs).unwrap(),
        mine,
    )
}

/// Writes `data` for the feature `id` into `file`'s history as `author`, with no check.
fn write_unchecked(file: &mut PlanFile, id: &str, data: &FeatureData, author: &str) {
    file.change(&Note::new("Edited", author), Kind::Operation, |doc| {
        tree::write_item(doc, id, data)
    })
    .unwrap();
}

#[test]
fn a_merged_value_the_app_refuses_is_refused_whole_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, mut theirs, path) = two_copies(dir.path());
    let feature = theirs.features().unwrap()[0].clone();
    let cases: Vec<(&str, Box<dyn Fn(&mut FeatureData)>)> = vec![
        ("Effort", Box::new(|d| d.effort_weeks = Some(-5.0))),
        ("Title", Box::new(|d| d.title = "x".repeat(1_000))),
        ("Title", Box::new(|d| d.title = String::new())),
        ("Confidence", Box::new(|d| d.confidence = Some(-3.0))),
        (
            "End date",
            Box::new(|d| {
                d.start_date = NaiveDate::from_ymd_opt(2027, 3, 1);
                d.end_date = NaiveDate::from_ymd_opt(2027, 1, 1);
            }),
        ),
    ];
    for (rule, break_it) in cases {
        let mut data = feature.data.clone();
        break_it(&mut data);
        write_unchecked(&mut theirs, &feature.id, &data, "Dana");
        let bytes = theirs.changes_file(Since::Start).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = mine.merge_change_file(&bytes).unwrap_err().to_string();
        assert!(
            err.contains("the changes of Dana would put into the plan what Keel refuses")
                && err.contains(rule)
                && err.contains("nothing was merged"),
            "{rule}: {err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{rule}: nothing is written"
        );
        // Put the teammate's copy right again for the next case.
        write_unchecked(&mut theirs, &feature.id, &feature.data, "Dana");
    }
    // A change that keeps the rules merges.
    let mut renamed = feature.data.clone();
    renamed.title = "Guided setup".into();
    write_unchecked(&mut theirs, &feature.id, &renamed, "Dana");
    let bytes = theirs.changes_file(Since::Start).unwrap();
    mine.merge_change_file(&bytes).unwrap();
    assert!(mine
        .features()
        .unwrap()
        .iter()
        .any(|f| f.data.title == "Guided setup"));
}

#[test]
fn a_teammates_name_with_control_characters_is_said_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut mine, mut theirs, _) = two_copies(dir.path());
    let feature = theirs.features().unwrap()[0].clone();
    let mut data = feature.data.clone();
    data.effort_weeks = Some(0.0);
    write_unchecked(&mut theirs, &feature.id, &data, "Ali\u{1b}[2J\u{7}");
    let bytes = theirs.changes_file(Since::Start).unwrap();
    let err = mine.merge_change_file(&bytes).unwrap_err().to_string();
    assert!(!err.chars().any(char::is_control), "{err:?}");
    assert!(
        err.contains("the changes of Ali\u{FFFD}[2J\u{FFFD}"),
        "{err}"
    );
}
