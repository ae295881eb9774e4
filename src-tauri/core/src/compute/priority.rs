//! Feature priority. The default order is risk-first: open features (not done, not dropped) by
//! risk class (business, technical, operational — quick wins first within operational), then
//! risk level (5 first), then RICE score where given, then manual position. The alternative
//! views (RICE, ICE, value/effort) only order a list; none of them touches the stored position.
//! Every order here is total (the feature id breaks the last tie), so it never depends on the
//! order of the input.

use crate::domain::{Feature, FeatureData, FeatureStatus, RiskClass};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PriorityView {
    /// Business risk, then technical risk, then operational tasks (the default).
    RiskFirst,
    /// Reach × impact × confidence ÷ effort.
    Rice,
    /// Impact × confidence × ease, with ease = 1 ÷ effort.
    Ice,
    /// Value (risk level × impact) ÷ effort.
    ValueEffort,
}

/// One open feature's place in a view.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RankedFeature {
    pub id: crate::domain::Id,
    /// 1-based.
    pub rank: u32,
    /// The view's score, when the feature has the inputs for it.
    pub score: Option<f64>,
    /// Why it is where it is, in one line, without the rank ("business risk, level 5; tie broken
    /// by RICE 240"): a view shows the rank beside it.
    pub reason: String,
}

pub fn is_open(feature: &FeatureData) -> bool {
    !matches!(feature.status, FeatureStatus::Done | FeatureStatus::Dropped)
}

/// Reach × impact × confidence ÷ effort, when all four are given.
pub fn rice(f: &FeatureData) -> Option<f64> {
    let score = f.reach? * f.impact? * f.confidence? / f.effort_weeks?;
    score.is_finite().then_some(score)
}

/// Impact × confidence ÷ effort, when all three are given.
pub fn ice(f: &FeatureData) -> Option<f64> {
    let score = f.impact? * f.confidence? / f.effort_weeks?;
    score.is_finite().then_some(score)
}

/// Risk level × impact (1 when not given) ÷ effort, when effort is given.
pub fn value_per_effort(f: &FeatureData) -> Option<f64> {
    let score = f64::from(f.risk_level) * f.impact.unwrap_or(1.0) / f.effort_weeks?;
    score.is_finite().then_some(score)
}

/// The risk-first group a feature belongs to: 0 business, 1 technical, 2 operational quick
/// wins, 3 other operational tasks.
fn class_rank(f: &FeatureData) -> u8 {
    match (f.risk_class, f.quick_win) {
        (RiskClass::Business, _) => 0,
        (RiskClass::Technical, _) => 1,
        (RiskClass::Operational, true) => 2,
        (RiskClass::Operational, false) => 3,
    }
}

/// Higher scores first; a missing score after every present one.
fn by_score_desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The risk-first comparison (a total order over features with distinct ids).
pub fn risk_first_cmp(a: &Feature, b: &Feature) -> Ordering {
    class_rank(&a.data)
        .cmp(&class_rank(&b.data))
        .then(b.data.risk_level.cmp(&a.data.risk_level))
        .then_with(|| by_score_desc(rice(&a.data), rice(&b.data)))
        .then(a.position.cmp(&b.position))
        .then(a.id.cmp(&b.id))
}

/// The open features of `features`, ranked in `view`.
pub fn rank(features: &[Feature], view: PriorityView) -> Vec<RankedFeature> {
    let mut open: Vec<&Feature> = features.iter().filter(|f| is_open(&f.data)).collect();
    open.sort_by(|a, b| risk_first_cmp(a, b));
    match view {
        PriorityView::RiskFirst => risk_first_reasons(&open),
        PriorityView::Rice => by_score(&open, rice, "RICE"),
        PriorityView::Ice => by_score(&open, ice, "ICE"),
        PriorityView::ValueEffort => by_score(&open, value_per_effort, "value/effort"),
    }
}

fn class_words(f: &FeatureData) -> String {
    let class = match f.risk_class {
        RiskClass::Business => "business risk",
        RiskClass::Technical => "technical risk",
        RiskClass::Operational if f.quick_win => "operational quick win",
        RiskClass::Operational => "operational task",
    };
    format!("{class}, level {}", f.risk_level)
}

/// `sorted` is in risk-first order; each reason names the step that placed the feature.
fn risk_first_reasons(sorted: &[&Feature]) -> Vec<RankedFeature> {
    // Per (class group, level): how many features, and how many share each RICE score.
    type Group = (usize, HashMap<Option<u64>, usize>);
    let mut groups: HashMap<(u8, u32), Group> = HashMap::new();
    let key = |f: &Feature| (class_rank(&f.data), f.data.risk_level);
    for f in sorted {
        let group = groups.entry(key(f)).or_default();
        group.0 += 1;
        *group.1.entry(rice(&f.data).map(f64::to_bits)).or_default() += 1;
    }
    sorted
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let rank = i as u32 + 1;
            let score = rice(&f.data);
            let (size, scores) = &groups[&key(f)];
            let same_score = scores.get(&score.map(f64::to_bits)).copied().unwrap_or(0);
            let tie = match score {
                _ if *size == 1 => String::new(),
                Some(s) if same_score < *size => {
                    format!("; tie broken by RICE {}", format_score(s))
                }
                None if same_score < *size => "; after tied features with a RICE score".to_string(),
                // Said in words: a position number would not match the ranks a reader sees.
                _ => "; then in the team's own order".to_string(),
            };
            RankedFeature {
                id: f.id.clone(),
                rank,
                score,
                reason: format!("{}{tie}", class_words(&f.data)),
            }
        })
        .collect()
}

fn by_score(
    risk_first: &[&Feature],
    score: fn(&FeatureData) -> Option<f64>,
    name: &str,
) -> Vec<RankedFeature> {
    let mut sorted: Vec<(usize, &Feature, Option<f64>)> = risk_first
        .iter()
        .enumerate()
        .map(|(i, f)| (i, *f, score(&f.data)))
        .collect();
    // Stable on the risk-first index, so equal and missing scores keep the default order.
    sorted.sort_by(|a, b| by_score_desc(a.2, b.2).then(a.0.cmp(&b.0)));
    sorted
        .into_iter()
        .enumerate()
        .map(|(i, (_, f, s))| {
            let rank = i as u32 + 1;
            let reason = match s {
                Some(v) => format!("{name} {}", format_score(v)),
                None => {
                    format!("no {name} inputs; after the scored features, in risk-first order")
                }
            };
            RankedFeature {
                id: f.id.clone(),
                rank,
                score: s,
                reason,
            }
        })
        .collect()
}

/// Scores as a founder reads them: whole numbers when large, two decimals when small.
pub fn format_score(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 10.0 {
        format!("{v:.1}").trim_end_matches(".0").to_string()
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
