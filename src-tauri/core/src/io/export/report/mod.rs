//! The plan as an export shows it: every figure computed and worded once, here, for both the
//! Markdown and the PDF, from the plan and its one analysis (the ranking and the plan check are
//! the app's, never computed again). Deterministic for a document and a date (no clock, no
//! hash order).

mod features;
mod portfolio;
mod traction;

pub use crate::compute::labels::status_word;
pub use features::{FeatureRow, HorizonGroup, StageGroup, TeamRow};
pub use portfolio::{PortfolioRow, PortfolioSection};
pub use traction::{ActualRow, FactoryRow, Figure, GoalSection, LadderRow};

use crate::compute::analysis::Analysis;
use crate::compute::check::{Finding, Severity};
use crate::compute::traction::MetricUnit;
use crate::domain::PlanDocument;
use crate::domain::{data_of, LeanCanvas};
use crate::io::export::rich::Rich;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub company: String,
    pub tagline: String,
    pub stage: String,
    pub currency: String,
    pub date: NaiveDate,
    pub plan_start: NaiveDate,
    /// The founder's Markdown fields, read once (export/rich).
    pub vision: Rich,
    pub strategy: Rich,
    pub canvas: Vec<CanvasBox>,
    pub goal: Option<GoalSection>,
    pub traction_summary: String,
    pub ladder: Vec<LadderRow>,
    pub actuals: Vec<ActualRow>,
    pub factory: Vec<FactoryRow>,
    pub roadmap: Vec<HorizonGroup>,
    pub features: Vec<FeatureRow>,
    pub closed: Vec<FeatureRow>,
    pub teams: Vec<TeamRow>,
    /// The teams as the board's portfolio, at the Scaling and Enterprise stages.
    pub portfolio: Option<PortfolioSection>,
    /// When the company plans to change stage, in a sentence (empty when not planned).
    pub stage_plan: String,
    /// The plan check's findings; none when the export leaves the plan check out (an investor
    /// PDF unless the founder asks for it).
    pub findings: Option<Vec<FindingRow>>,
    pub changes: Option<Changes>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CanvasBox {
    pub key: &'static str,
    pub label: &'static str,
    pub text: Rich,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub id: String,
    pub severity: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub label: String,
    pub taken_at: String,
    pub lines: Vec<String>,
}

/// Builds the report of `doc` from its `analysis` (made for the report's date), with the
/// changes since `since` (label, time taken, the plan then) when given.
pub fn build(
    doc: &PlanDocument,
    analysis: &Analysis,
    since: Option<(&str, &str, &PlanDocument)>,
) -> Report {
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    let milestones = data_of(&doc.milestones);
    let actuals = data_of(&doc.actuals);
    let (features, closed) = features::feature_rows(doc, &analysis.ranking);
    Report {
        company: doc.plan.data.company_name.clone(),
        tagline: doc.plan.data.tagline.clone(),
        stage: doc.plan.data.stage.label().into(),
        currency: doc.plan.data.currency.clone(),
        date: analysis.as_of,
        plan_start: doc.plan.data.start_date,
        vision: Rich::parse(&doc.plan.data.vision),
        strategy: Rich::parse(&doc.plan.data.strategy),
        canvas: canvas(&doc.canvas),
        goal: doc.goal.as_ref().map(|g| traction::goal(g, &unit)),
        traction_summary: crate::compute::traction_summary::summary(&unit, &milestones, &actuals),
        ladder: traction::ladder(&milestones, &unit),
        actuals: traction::actuals(&milestones, &actuals, &unit),
        factory: traction::factory(&data_of(&doc.factory_snapshots)),
        roadmap: features::roadmap(doc, &features),
        features,
        closed,
        teams: features::teams(doc),
        portfolio: portfolio::section(&analysis.portfolio),
        stage_plan: crate::compute::portfolio::stage_plan(&doc.plan.data),
        findings: Some(findings(&analysis.findings)),
        changes: since.map(|(label, taken_at, old)| Changes {
            label: label.to_string(),
            taken_at: taken_at.to_string(),
            lines: crate::compute::diff::changes(old, doc),
        }),
    }
}

fn findings(findings: &[Finding]) -> Vec<FindingRow> {
    findings
        .iter()
        .map(|f| FindingRow {
            id: f.id.clone(),
            severity: match f.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
                Severity::Hint => "Hint",
            }
            .into(),
            message: f.message.clone(),
        })
        .collect()
}

/// The nine boxes in the order of the Lean Canvas grid, read left to right.
fn canvas(c: &LeanCanvas) -> Vec<CanvasBox> {
    c.boxes()
        .into_iter()
        .map(|(key, label, text)| CanvasBox {
            key,
            label,
            text: Rich::parse_lines(text),
        })
        .collect()
}
