//! The risk-first ranking on hand-made cases (one per tie-break step), the alternative views,
//! and properties that must hold for every plan the validation accepts.

use keel_core::compute::priority::{rank, risk_first_cmp, PriorityView};
use keel_core::domain::*;
use proptest::prelude::*;

fn feature(id: u32, class: RiskClass, level: u32) -> Feature {
    let mut data = FeatureData::new(&format!("F{id}"), class);
    data.risk_level = level;
    Feature {
        id: id.to_string(),
        position: id,
        data,
    }
}

/// The number a test gave a feature (its id is that number as text).
fn num(id: &str) -> u32 {
    id.parse().unwrap()
}

fn with_rice(mut f: Feature, reach: f64, impact: f64, confidence: f64, effort: f64) -> Feature {
    f.data.reach = Some(reach);
    f.data.impact = Some(impact);
    f.data.confidence = Some(confidence);
    f.data.effort_weeks = Some(effort);
    f
}

fn order(features: &[Feature], view: PriorityView) -> Vec<u32> {
    rank(features, view)
        .into_iter()
        .map(|r| num(&r.id))
        .collect()
}

fn reason(features: &[Feature], id: u32) -> String {
    rank(features, PriorityView::RiskFirst)
        .into_iter()
        .find(|r| num(&r.id) == id)
        .map(|r| r.reason)
        .unwrap()
}

#[test]
fn class_comes_first_business_then_technical_then_operational() {
    let features = vec![
        feature(1, RiskClass::Operational, 5),
        feature(2, RiskClass::Technical, 5),
        feature(3, RiskClass::Business, 1),
    ];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![3, 2, 1]);
    assert_eq!(reason(&features, 3), "business risk, level 1");
    assert_eq!(reason(&features, 1), "operational task, level 5");
}

#[test]
fn quick_wins_come_first_within_operational() {
    let mut quick = feature(1, RiskClass::Operational, 1);
    quick.data.quick_win = true;
    let features = vec![feature(2, RiskClass::Operational, 5), quick];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![1, 2]);
    assert_eq!(reason(&features, 1), "operational quick win, level 1");
}

#[test]
fn within_a_class_the_higher_risk_level_comes_first() {
    let features = vec![
        feature(1, RiskClass::Technical, 2),
        feature(2, RiskClass::Technical, 5),
        feature(3, RiskClass::Technical, 3),
    ];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![2, 3, 1]);
}

#[test]
fn a_tie_on_class_and_level_is_broken_by_rice_where_given() {
    let features = vec![
        with_rice(feature(1, RiskClass::Business, 5), 100.0, 1.0, 0.5, 1.0),
        with_rice(feature(2, RiskClass::Business, 5), 400.0, 3.0, 0.8, 4.0),
        feature(3, RiskClass::Business, 5),
    ];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![2, 1, 3]);
    assert_eq!(
        reason(&features, 2),
        "business risk, level 5; tie broken by RICE 240"
    );
    assert_eq!(
        reason(&features, 1),
        "business risk, level 5; tie broken by RICE 50"
    );
    assert_eq!(
        reason(&features, 3),
        "business risk, level 5; after tied features with a RICE score"
    );
}

#[test]
fn equal_rice_or_none_falls_back_to_the_manual_position() {
    let mut a = feature(1, RiskClass::Business, 4);
    let mut b = feature(2, RiskClass::Business, 4);
    a.position = 9;
    b.position = 3;
    let features = vec![a, b];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![2, 1]);
    assert_eq!(
        reason(&features, 1),
        "business risk, level 4; then in the team's own order",
        "no position number: it would not match the ranks a reader sees"
    );
}

#[test]
fn done_and_dropped_features_are_not_ranked() {
    let mut done = feature(1, RiskClass::Business, 5);
    done.data.status = FeatureStatus::Done;
    let mut dropped = feature(2, RiskClass::Business, 5);
    dropped.data.status = FeatureStatus::Dropped;
    let features = vec![done, dropped, feature(3, RiskClass::Operational, 1)];
    assert_eq!(order(&features, PriorityView::RiskFirst), vec![3]);
}

#[test]
fn alternative_views_order_by_their_score_and_put_unscored_features_last() {
    let features = vec![
        feature(1, RiskClass::Business, 5),
        with_rice(feature(2, RiskClass::Operational, 1), 1000.0, 1.0, 1.0, 1.0),
        with_rice(feature(3, RiskClass::Technical, 3), 10.0, 3.0, 1.0, 1.0),
    ];
    assert_eq!(order(&features, PriorityView::Rice), vec![2, 3, 1]);
    assert_eq!(
        order(&features, PriorityView::Ice),
        vec![3, 2, 1],
        "ICE ignores reach"
    );
    // value/effort = level × impact ÷ effort: 3×3 = 9 beats 1×1 = 1; no effort, no score.
    assert_eq!(order(&features, PriorityView::ValueEffort), vec![3, 2, 1]);
    let ranked = rank(&features, PriorityView::Rice);
    assert_eq!(ranked[0].reason, "RICE 1000");
    assert_eq!(ranked[0].score, Some(1000.0));
    assert_eq!(
        ranked[2].reason,
        "no RICE inputs; after the scored features, in risk-first order"
    );
}

#[test]
fn views_never_change_the_stored_manual_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.keel");
    let mut file = keel_core::create_empty_plan(
        &path,
        "Acme",
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    )
    .unwrap();
    for (title, class) in [
        ("a", RiskClass::Operational),
        ("b", RiskClass::Business),
        ("c", RiskClass::Technical),
    ] {
        file.create_feature(FeatureData::new(title, class)).unwrap();
    }
    let before = file.features().unwrap();
    for view in [
        PriorityView::RiskFirst,
        PriorityView::Rice,
        PriorityView::Ice,
        PriorityView::ValueEffort,
    ] {
        rank(&file.features().unwrap(), view);
    }
    assert_eq!(
        file.features().unwrap(),
        before,
        "ranking must not write positions"
    );
}

// ---- properties ----

fn arb_feature_data() -> impl Strategy<Value = FeatureData> {
    (
        prop::sample::select(RiskClass::ALL.to_vec()),
        1u32..=5,
        any::<bool>(),
        prop::sample::select(FeatureStatus::ALL.to_vec()),
        prop::option::of((0.0f64..1e9, 0.25f64..=3.0, 0.0f64..=1.0, 1e-6f64..1e4)),
    )
        .prop_map(|(class, level, quick, status, rice)| {
            let mut d = FeatureData::new("p", class);
            d.risk_level = level;
            d.quick_win = quick;
            d.status = status;
            if let Some((r, i, c, e)) = rice {
                d.reach = Some(r);
                d.impact = Some(i);
                d.confidence = Some(c);
                d.effort_weeks = Some(e);
            }
            d
        })
}

fn arb_features() -> impl Strategy<Value = Vec<Feature>> {
    prop::collection::vec(arb_feature_data(), 0..40).prop_map(|data| {
        data.into_iter()
            .enumerate()
            .map(|(i, data)| Feature {
                id: (i + 1).to_string(),
                position: i as u32 + 1,
                data,
            })
            .collect()
    })
}

fn class_rank(f: &FeatureData) -> u8 {
    match (f.risk_class, f.quick_win) {
        (RiskClass::Business, _) => 0,
        (RiskClass::Technical, _) => 1,
        (RiskClass::Operational, true) => 2,
        (RiskClass::Operational, false) => 3,
    }
}

proptest! {
    #[test]
    fn ranking_is_a_total_order_that_respects_class_and_level(features in arb_features()) {
        let ranked = rank(&features, PriorityView::RiskFirst);
        let open: Vec<&Feature> = features.iter().filter(|f| keel_core::compute::priority::is_open(&f.data)).collect();
        prop_assert_eq!(ranked.len(), open.len());
        let ranks: Vec<u32> = ranked.iter().map(|r| r.rank).collect();
        prop_assert_eq!(ranks, (1..=open.len() as u32).collect::<Vec<_>>());
        let by_id = |id: &str| features.iter().find(|f| f.id == id).unwrap();
        for pair in ranked.windows(2) {
            let (a, b) = (by_id(&pair[0].id), by_id(&pair[1].id));
            prop_assert!(risk_first_cmp(a, b) == std::cmp::Ordering::Less, "strictly ordered");
            let (ka, kb) = (class_rank(&a.data), class_rank(&b.data));
            prop_assert!(ka < kb || (ka == kb && a.data.risk_level >= b.data.risk_level));
        }
        // The same features in reverse input order rank the same.
        let mut reversed = features.clone();
        reversed.reverse();
        prop_assert_eq!(order(&reversed, PriorityView::RiskFirst), order(&features, PriorityView::RiskFirst));
    }

    #[test]
    fn adding_or_removing_a_feature_keeps_the_others_relative_order(
        features in arb_features(),
        extra in arb_feature_data(),
        remove in any::<prop::sample::Index>(),
    ) {
        for view in [PriorityView::RiskFirst, PriorityView::Rice, PriorityView::Ice, PriorityView::ValueEffort] {
            let base = order(&features, view);
            let mut more = features.clone();
            let new_id = features.len() as u32 + 1;
            more.push(Feature { id: new_id.to_string(), position: new_id, data: extra.clone() });
            let with: Vec<u32> = order(&more, view).into_iter().filter(|id| *id != new_id).collect();
            prop_assert_eq!(&with, &base, "adding a feature reorders the others in {:?}", view);
            if !features.is_empty() {
                let gone = num(&features[remove.index(features.len())].id);
                let fewer: Vec<Feature> = features.iter().filter(|f| num(&f.id) != gone).cloned().collect();
                let without: Vec<u32> = base.iter().copied().filter(|id| *id != gone).collect();
                prop_assert_eq!(order(&fewer, view), without, "removing a feature reorders the others in {:?}", view);
            }
        }
    }

    #[test]
    fn scores_are_finite_or_absent_and_every_feature_has_a_reason(features in arb_features()) {
        for view in [PriorityView::RiskFirst, PriorityView::Rice, PriorityView::Ice, PriorityView::ValueEffort] {
            for r in rank(&features, view) {
                prop_assert!(r.score.is_none_or(f64::is_finite));
                prop_assert!(!r.reason.is_empty() && !r.reason.starts_with('#'), "the reason leaves the rank to its own field: {:?}", r.reason);
            }
        }
    }
}
