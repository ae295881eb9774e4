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
