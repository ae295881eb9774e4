//! The board's view of the teams in the report: the portfolio's cards as the core words them
//! (portfolio.rs), for the Markdown and the PDF.

use crate::compute::portfolio::{Portfolio, TeamCard};
use crate::compute::traction::DatedValue;
use crate::domain::TeamKind;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioSection {
    /// "Q2 2027".
    pub quarter: String,
    pub funding: String,
    pub headcount: u32,
    pub teams: Vec<PortfolioRow>,
    /// When the company moves stage, in a sentence; empty when no date is planned.
    pub stages: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioRow {
    pub name: String,
    pub kind: String,
    pub mission: String,
    pub kpi: String,
    pub status: String,
    /// `behind`, `unmeasured`, `on_track`, `ahead`: the PDF's colour.
    pub status_key: crate::compute::portfolio::Attention,
    pub trend: String,
    pub projection: String,
    pub values: Vec<DatedValue>,
    pub funding: String,
    pub funding_change: String,
    pub headcount: String,
    pub now_share: String,
}

fn row(t: &TeamCard) -> PortfolioRow {
    PortfolioRow {
        name: t.name.clone(),
        kind: match t.kind {
            TeamKind::Product => "Product".into(),
            TeamKind::Platform => "Platform".into(),
        },
        mission: t.mission.clone(),
        kpi: t.text.kpi.clone(),
        status: t.text.status.clone(),
        status_key: t.attention,
        trend: t.text.trend.clone(),
        projection: t.text.projection.clone(),
        values: t.kpi.as_ref().map(|k| k.values.clone()).unwrap_or_default(),
        funding: t.text.funding.clone(),
        funding_change: t.text.funding_change.clone(),
        headcount: t.text.headcount.clone(),
        now_share: t.text.now_share.clone(),
    }
}

/// The portfolio section: at the Scaling and Enterprise stages, and at the MVP stage as soon as
/// a team has a mission, a KPI or funding entered (what a founder entered is shown at every
/// stage; the MVP's teams are otherwise a list).
pub(super) fn section(p: &Portfolio) -> Option<PortfolioSection> {
    let entered = p.teams.iter().any(|t| {
        !t.mission.trim().is_empty()
            || t.kpi.is_some()
            || t.funding.is_some()
            || t.funding_before.is_some()
            || t.funding_next.is_some()
    });
    (p.is_portfolio || entered).then(|| PortfolioSection {
        quarter: p.quarter_label.clone(),
        funding: p.funding_text.clone(),
        headcount: p.headcount,
        teams: p.teams.iter().map(row).collect(),
        stages: p.stages.clone(),
    })
}
