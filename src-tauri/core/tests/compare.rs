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
    drop(keel_core::samples::create_sample_plan(&path, today).unwrap());
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

#[test]
fn features_that_rose_because_one_was_finished_did_not_move() {
    let today = date(2026, 11, 27);
    let then = keel_core::samples::sample_plan(today).unwrap();
    let ranking = keel_core::compute::analysis::analyse(&then, today).ranking;
    let mut now = then.clone();
    let first = now
        .features
        .iter_mut()
        .find(|f| f.id == ranking[0].id)
        .unwrap();
    first.data.status = keel_core::domain::FeatureStatus::Done;
    let c = keel_core::compute::compare::compare(("then", &then, today), ("now", &now, today));
    assert_eq!(c.shipped.len(), 1);
    assert!(
        c.reranked.is_empty(),
        "every feature rose one place, none was moved: {:?}",
        c.reranked
    );

    // A founder's own move is said: the feature ranked 8th raised to the top risk level.
    let eighth = now
        .features
        .iter_mut()
        .find(|f| f.id == ranking[7].id)
        .unwrap();
    eighth.data.risk_class = keel_core::domain::RiskClass::Business;
    eighth.data.risk_level = 5;
    let title = eighth.data.title.clone();
    let c = keel_core::compute::compare::compare(("then", &then, today), ("now", &now, today));
    assert!(
        c.reranked
            .iter()
            .any(|l| l.starts_with(&format!("“{title}”: #8 → #"))),
        "{:?}",
        c.reranked
    );
}

#[test]
fn every_field_edited_after_a_version_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.keel");
    let today = date(2026, 11, 27);
    let mut file = keel_core::samples::create_sample_plan(&path, today).unwrap();
    let board = file.mark_version("Board", "Ali").unwrap();
    let mut plan = file.plan().unwrap().data;
    plan.vision = "Every team hears its customers.".into();
    plan.tagline = "Hear every customer.".into();
    file.update_plan(plan).unwrap();
    let mut canvas = file.document().unwrap().canvas;
    canvas.channels = "Word of mouth.".into();
    file.update_canvas(canvas).unwrap();
    let mut feature = file.features().unwrap().remove(0);
    feature.data.description = "Rewritten.".into();
    feature.data.effort_weeks = Some(9.0);
    feature.data.quick_win = !feature.data.quick_win;
    let title = feature.data.title.clone();
    file.apply(
        keel_core::Operation::UpdateFeature {
            id: feature.id,
            data: feature.data,
        },
        "Ali",
    )
    .unwrap();
    let c = file.compare_versions(&board.id, None, today).unwrap();
    for line in [
        "Tagline rewritten: “Hear every customer.”.".to_string(),
        "Vision rewritten.".to_string(),
        "Lean Canvas: Channels rewritten.".to_string(),
        format!("“{title}”: description rewritten."),
        format!("“{title}”: quick win and effort changed."),
    ] {
        assert!(c.changes.contains(&line), "{line:?} in {:?}", c.changes);
    }
    // Compare shows the vision's words that went and came.
    let vision = c.rewritten.iter().find(|t| t.field == "Vision").unwrap();
    use keel_core::compute::word_diff::WordKind;
    // "Every product team hears its customers as clearly …" became "Every team hears its
    // customers.": "product" went, "team hears its" stayed.
    assert_eq!(vision.runs[0].text, "Every");
    assert_eq!(
        (vision.runs[1].kind, vision.runs[1].text.as_str()),
        (WordKind::Removed, "product")
    );
    assert_eq!(
        (vision.runs[2].kind, vision.runs[2].text.as_str()),
        (WordKind::Same, "team hears its")
    );
    assert!(c
        .rewritten
        .iter()
        .any(|t| t.field == "Lean Canvas: Channels"));
    // The investor update says the same.
    let md = String::from_utf8(
        keel_core::io::export::render(
            &file,
            keel_core::io::export::ExportFormat::UpdateMarkdown,
            today,
            Some("Board"),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(md.contains("- Vision rewritten."), "{md}");
    assert!(md.contains("- Tagline rewritten"), "{md}");
}
