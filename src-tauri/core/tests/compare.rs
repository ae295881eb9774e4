//! Comparing versions of a plan file: a version against now, and two versions, read from the
//! history; an unknown version is refused with the core's sentence.

mod common;

use common::{add_feature, date};
use keel_core::{CoreError, PlanFile};

#[test]
fn a_version_compares_with_now_and_with_a_later_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.keel");
    let today = date(2026, 11, 27);
    // (What is asserted below does not depend on the day a version is read as of.)
    drop(keel_core::sample::create_sample_plan(&path, today).unwrap());
    let board = PlanFile::open(&path)
        .unwrap()
        .mark_version("Board", "Ali")
        .unwrap();
    add_feature(&path, "Usage-based pricing", "Ali");
    let mut file = PlanFile::open(&path).unwrap();

    let with_now = file.compare_versions(&board.id, None, today).unwrap();
    assert!(with_now.from.starts_with("Board ("), "{}", with_now.from);
    assert_eq!(with_now.to, "now");
    assert_eq!(
        with_now.changes,
        vec!["Feature added: “Usage-based pricing”.".to_string()]
    );
    assert_eq!(with_now.traction_then, with_now.traction_now);

    let later = file.mark_version("Later", "Ali").unwrap();
    let between = file
        .compare_versions(&board.id, Some(&later.id), today)
        .unwrap();
    assert_eq!(between.changes, with_now.changes, "the same plan as now");
    let none = file.compare_versions(&later.id, None, today).unwrap();
    assert!(none.changes.is_empty(), "{:?}", none.changes);

    let err = file
        .compare_versions(&"nope".to_string(), None, today)
        .unwrap_err();
    assert!(matches!(err, CoreError::NotFound { .. }), "{err:?}");
}
