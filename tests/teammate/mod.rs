//! A teammate's edit on their own copy of a plan, made in the test's own process (as their
//! Keel would), at the tests' fixed moment.

#![allow(dead_code)]

use std::path::Path;

/// `author` adds a business-risk feature titled `title` to the plan at `copy`.
pub fn adds_feature(copy: &Path, title: &str, author: &str) {
    crate::fixed_clock::fix();
    keel_core::PlanFile::open(copy)
        .unwrap()
        .apply(
            keel_core::Operation::CreateFeature {
                data: keel_core::domain::FeatureData::new(
                    title,
                    keel_core::domain::RiskClass::Business,
                ),
            },
            author,
        )
        .unwrap();
}

/// The same, then their Keel syncs the copy through `shared`.
pub fn adds_feature_and_syncs(copy: &Path, title: &str, author: &str, shared: &Path) {
    adds_feature(copy, title, author);
    keel_core::PlanFile::open(copy)
        .unwrap()
        .sync_folder(shared, &mut Default::default())
        .unwrap();
}

/// `author` puts the plan's first feature on `horizon` in their copy.
pub fn moves_first_feature(copy: &Path, horizon: keel_core::domain::Horizon, author: &str) {
    crate::fixed_clock::fix();
    let mut file = keel_core::PlanFile::open(copy).unwrap();
    let first = file.features().unwrap().remove(0);
    file.apply(
        keel_core::Operation::MoveFeature {
            id: first.id,
            horizon,
            position: 1,
        },
        author,
    )
    .unwrap();
}

/// `author` seals the plan's folder in `shared` with `passphrase`, links their copy, adds a
/// feature titled `title` and syncs it there.
pub fn seals_and_adds_feature(
    copy: &Path,
    shared: &Path,
    passphrase: &str,
    title: &str,
    author: &str,
) {
    let mut file = keel_core::PlanFile::open(copy).unwrap();
    let seal = file.seal_sync_folder(shared, passphrase).unwrap();
    file.sync_sealed_folder(shared, &seal, &mut Default::default())
        .unwrap();
    drop(file);
    adds_feature(copy, title, author);
    keel_core::PlanFile::open(copy)
        .unwrap()
        .sync_sealed_folder(shared, &seal, &mut Default::default())
        .unwrap();
}
