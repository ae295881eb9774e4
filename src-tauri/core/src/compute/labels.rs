//! How the exports word the plan's enums: one label each, shared by the Markdown and the PDF.

use crate::compute::traction::{MetricUnit, TractionStatus};
use crate::domain::{FactoryStep, Feature, FeatureStatus, Horizon, RiskClass, TractionMetric};

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

pub fn status_label(s: FeatureStatus) -> &'static str {
    match s {
        FeatureStatus::Idea => "Idea",
        FeatureStatus::Planned => "Planned",
        FeatureStatus::InProgress => "In progress",
        FeatureStatus::Done => "Done",
        FeatureStatus::Dropped => "Dropped",
    }
}

pub fn horizon_label(h: Horizon) -> &'static str {
    match h {
        Horizon::Now => "Now",
        Horizon::Next => "Next",
        Horizon::Later => "Later",
    }
}

pub fn step_label(s: FactoryStep) -> String {
    let name = s.as_str();
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
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
