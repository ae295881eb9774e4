//! How a plan reads for a founder, in one table: each closed vocabulary's words (from
//! `domain::enums`), each feature field's name, and the team-size rule in the core's words. The
//! core's messages and the exports read it here; the window reads the same table through the
//! generated bindings (the constant `LABELS`).

use crate::domain::validate::{self, Field};
use crate::domain::{
    BuildOrBuy, FactoryStep, FeatureStatus, Horizon, RiskClass, Stage, TeamKind, TractionMetric,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// A feature's fields by serde key, with the name a founder reads beside each.
pub const FEATURE_FIELDS: &[(&str, &str)] = &[
    ("title", "Title"),
    ("description", "Description"),
    ("risk_class", "Risk class"),
    ("risk_level", "Risk level"),
    ("quick_win", "Quick win"),
    ("build_or_buy", "Build or buy"),
    ("stage", "Stage"),
    ("status", "Status"),
    ("horizon", "Horizon"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("effort_weeks", "Effort (person-weeks)"),
    ("reach", "Reach"),
    ("impact", "Impact"),
    ("confidence", "Confidence"),
    ("scale_assumption", "Scale assumption"),
    ("milestone_id", "Milestone"),
    ("factory_step", "Customer factory step"),
    ("team_id", "Team"),
    ("source", "Source"),
    ("replatform", "Re-platform"),
];

/// The feature field `key`, named as [`FEATURE_FIELDS`] names it.
pub fn feature_field(key: &'static str) -> Field {
    let label = FEATURE_FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, label)| label);
    Field::new(key, label)
}

/// A team's size: how many people it has.
pub const TEAM_SIZE: Field = Field::new("size", "People");
/// The sizes a team may have.
pub const TEAM_SIZES: (u32, u32) = (1, 100);

/// One value of a vocabulary and its word.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Word {
    pub value: &'static str,
    pub label: &'static str,
}

/// Every label the window shows, as the bindings carry it: each vocabulary in its order (the
/// order of the window's choices).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    pub stage: Vec<Word>,
    pub risk_class: Vec<Word>,
    pub build_or_buy: Vec<Word>,
    pub status: Vec<Word>,
    pub horizon: Vec<Word>,
    pub team_kind: Vec<Word>,
    pub metric: Vec<Word>,
    pub factory_step: Vec<Word>,
    pub feature_fields: BTreeMap<&'static str, &'static str>,
    /// What the core says of a team size out of range (the window says it before sending a
    /// size that is not a whole number).
    pub team_size_rule: String,
}

macro_rules! words {
    ($kind:ty) => {
        <$kind>::ALL
            .iter()
            .map(|v| Word {
                value: v.as_str(),
                label: v.label(),
            })
            .collect()
    };
}

pub fn labels() -> Labels {
    let (low, high) = TEAM_SIZES;
    Labels {
        stage: words!(Stage),
        risk_class: words!(RiskClass),
        build_or_buy: words!(BuildOrBuy),
        status: words!(FeatureStatus),
        horizon: words!(Horizon),
        team_kind: words!(TeamKind),
        metric: words!(TractionMetric),
        factory_step: words!(FactoryStep),
        feature_fields: FEATURE_FIELDS.iter().copied().collect(),
        team_size_rule: validate::whole_between(TEAM_SIZE, 0, low, high)
            .map_or_else(|e| e.to_string(), |_| String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FeatureData;

    #[test]
    fn every_feature_field_has_one_name() {
        let data = serde_json::to_value(FeatureData::new("Onboarding", RiskClass::Business))
            .expect("a feature serialises");
        let keys: Vec<&str> = data
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut named: Vec<&str> = FEATURE_FIELDS.iter().map(|(k, _)| *k).collect();
        let mut fields = keys.clone();
        named.sort_unstable();
        fields.sort_unstable();
        assert_eq!(named, fields, "FEATURE_FIELDS names each field once");
    }

    #[test]
    fn the_team_size_rule_is_the_core_refusal() {
        let refused = crate::domain::TeamData::new("Core", TeamKind::Product, 0)
            .validated()
            .unwrap_err()
            .to_string();
        assert_eq!(labels().team_size_rule, refused);
        assert_eq!(refused, "People: must be a whole number from 1 to 100.");
    }
}
