//! How the exports word what the core computes (a feature's class with its quick win, the
//! traction status, the metric with its unit); the plan's own vocabularies are named in
//! `domain::labels`.

use crate::compute::traction::{MetricUnit, TractionStatus};
use crate::domain::{Feature, RiskClass, TractionMetric};

pub fn status_word(status: TractionStatus) -> &'static str {
    match status {
        TractionStatus::Ahead => "Ahead",
        TractionStatus::OnTrack => "On track",
        TractionStatus::Behind => "Behind",
    }
}

pub fn class_label(f: &Feature) -> String {
    match (f.data.risk_class, f.data.quick_win) {
        (RiskClass::Business, _) => "Business".into(),
        (RiskClass::Technical, _) => "Technical".into(),
        (RiskClass::Operational, true) => "Operational (quick win)".into(),
        (RiskClass::Operational, false) => "Operational".into(),
    }
}

pub fn metric_label(metric: TractionMetric, unit: &MetricUnit) -> String {
    match (metric, unit) {
        (TractionMetric::Arr, _) => "Annual recurring revenue (ARR)".into(),
        (TractionMetric::Mrr, _) => "Monthly recurring revenue (MRR)".into(),
        (TractionMetric::ActiveCustomers, _) => "Active customers".into(),
        (TractionMetric::Custom, MetricUnit::Count { noun }) => format!("Custom: {noun}"),
        (TractionMetric::Custom, _) => "Custom".into(),
    }
}
