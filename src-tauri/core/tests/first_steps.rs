//! A new plan: named after its file as a founder writes a name, and the steps that make a plan
//! shown with their state until all are done.

mod common;

use common::date;
use keel_core::compute::analysis;
use keel_core::compute::first_steps::StepKind;
use keel_core::name_of_file;

#[test]
fn a_plan_is_named_after_its_file_as_a_name_is_written() {
    assert_eq!(name_of_file("acme"), "Acme");
    assert_eq!(name_of_file("acme-robotics"), "Acme Robotics");
    assert_eq!(name_of_file("acme_robotics v2"), "Acme Robotics V2");
    assert_eq!(
        name_of_file("eBay"),
        "eBay",
        "a name written with capitals is kept"
    );
    assert_eq!(name_of_file("Loom.ly"), "Loom.ly");
    assert_eq!(name_of_file("---"), "---");

    let dir = tempfile::tempdir().unwrap();
    let file =
        keel_core::create_named_plan(&dir.path().join("acme"), None, date(2026, 11, 27)).unwrap();
    assert_eq!(file.plan().unwrap().data.company_name, "Acme");
}

#[test]
fn a_new_plan_lists_its_first_steps_each_done_in_turn_then_none() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let mut file = keel_core::create_named_plan(&dir.path().join("acme"), None, today).unwrap();
    let state = |file: &keel_core::PlanFile| {
        let doc = file.document().unwrap();
        analysis::analyse(&doc, today)
            .first_steps
            .iter()
            .map(|s| (s.kind, s.done))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        state(&file),
        [
            (StepKind::Vision, false),
            (StepKind::Goal, false),
            (StepKind::Actual, false),
            (StepKind::Features, false),
            (StepKind::Findings, false),
        ]
    );
    let doc = file.document().unwrap();
    let mut plan = doc.plan.data.clone();
    plan.vision = "Every weaver hears every customer.".into();
    file.apply(keel_core::Operation::UpdatePlan { data: plan }, "Dana")
        .unwrap();
    let suggestions = analysis::analyse(&file.document().unwrap(), today).suggestions;
    file.apply(
        keel_core::Operation::SetGoal {
            goal: suggestions.goal,
        },
        "Dana",
    )
    .unwrap();
    assert_eq!(
        state(&file)[..3],
        [
            (StepKind::Vision, true),
            (StepKind::Goal, true),
            (StepKind::Actual, false)
        ]
    );
    file.apply(
        keel_core::Operation::AddActual {
            data: keel_core::domain::ActualData {
                date: today,
                value: 400.0,
            },
        },
        "Dana",
    )
    .unwrap();
    file.apply(
        keel_core::Operation::CreateFeature {
            data: keel_core::domain::FeatureData::new(
                "Pilot with three weavers",
                keel_core::domain::RiskClass::Business,
            ),
        },
        "Dana",
    )
    .unwrap();
    assert!(
        state(&file).is_empty(),
        "every step done: the Overview no longer shows them"
    );
}
