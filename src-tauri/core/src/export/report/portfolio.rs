//! The board's view of the teams in the report: each team's mission, KPI and its status and
//! trend, funding and headcount this quarter and its share of the "now" effort, the team that
//! needs attention first, worded once for the Markdown and the PDF.

use crate::domain::{parse_quarter, PlanData, TeamKind};
use crate::portfolio::{kpi_value, Attention, Portfolio, TeamCard};
use crate::traction::{compact, DatedValue};
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
    /// "Trial-to-paid conversion: 5.05 % of 15 % by 2027-06-01", or "No KPI".
    pub kpi: String,
    /// Ahead, On track, Behind, Not measured.
    pub status: String,
    /// `behind`, `unmeasured`, `on_track`, `ahead`: the PDF's colour.
    pub status_key: String,
    /// "+0.2 % a month", or empty.
    pub trend: String,
    pub values: Vec<DatedValue>,
    pub funding: String,
    /// "↑ from $400k" when it grows, else empty.
    pub funding_change: String,
    pub headcount: String,
    pub now_share: String,
}

/// "2027-Q2" as "Q2 2027".
pub fn quarter_label(key: &str) -> String {
    match parse_quarter(key) {
        Some((year, q)) => format!("Q{q} {year}"),
        None => key.to_string(),
    }
}

/// An amount in the plan's currency: "$520k", "€1.65M", "300k CHF".
pub fn money(value: f64, currency: &str) -> String {
    let amount = if value.abs() >= 1_000_000.0 {
        let m = format!("{:.2}", value / 1_000_000.0);
        format!("{}M", m.trim_end_matches('0').trim_end_matches('.'))
    } else if value.abs() >= 1_000.0 {
        let k = format!("{:.1}", value / 1_000.0);
        format!("{}k", k.trim_end_matches(".0"))
    } else {
        compact(value)
    };
    match currency {
        "USD" => format!("${amount}"),
        "EUR" => format!("€{amount}"),
        "GBP" => format!("£{amount}"),
        code => format!("{amount} {code}"),
    }
}

fn status(a: Attention) -> (&'static str, &'static str) {
    match a {
        Attention::Behind => ("Behind", "behind"),
        Attention::Unmeasured => ("Not measured", "unmeasured"),
        Attention::OnTrack => ("On track", "on_track"),
        Attention::Ahead => ("Ahead", "ahead"),
    }
}

fn row(t: &TeamCard, currency: &str) -> PortfolioRow {
    let (label, key) = status(t.attention);
    let kpi = match &t.kpi {
        None => "No KPI".to_string(),
        Some(k) => match k.values.last() {
            Some(v) => format!(
                "{}: {} of {} by {}",
                k.metric,
                kpi_value(v.value, &k.unit),
                kpi_value(k.target, &k.unit),
                k.deadline
            ),
            None => format!(
                "{}: no value yet (target {} by {})",
                k.metric,
                kpi_value(k.target, &k.unit),
                k.deadline
            ),
        },
    };
    let trend = t
        .kpi
        .as_ref()
        .and_then(|k| k.monthly_growth)
        .map(|g| format!("{:+.1} % a month", g * 100.0))
        .unwrap_or_default();
    let funding_change = match (t.funding_before, t.funding) {
        (Some(b), Some(n)) if n > b => format!("↑ from {}", money(b, currency)),
        (Some(b), Some(n)) if n < b => format!("↓ from {}", money(b, currency)),
        _ => String::new(),
    };
    PortfolioRow {
        name: t.name.clone(),
        kind: match t.kind {
            TeamKind::Product => "Product".into(),
            TeamKind::Platform => "Platform".into(),
        },
        mission: t.mission.clone(),
        kpi,
        status: label.into(),
        status_key: key.into(),
        trend,
        values: t.kpi.as_ref().map(|k| k.values.clone()).unwrap_or_default(),
        funding: t
            .funding
            .map(|f| money(f, currency))
            .unwrap_or_else(|| "—".into()),
        funding_change,
        headcount: t
            .headcount
            .map(|h| h.to_string())
            .unwrap_or_else(|| "—".into()),
        now_share: t
            .now_share
            .map(|s| format!("{:.0} %", s * 100.0))
            .unwrap_or_else(|| "—".into()),
    }
}

/// When the company plans to change stage, in a sentence ("Scaling up from 2026-06-01;
/// Enterprise from 2028-12-01."); empty when no date is set.
pub fn stage_plan(plan: &PlanData) -> String {
    let parts: Vec<String> = [
        ("Scaling up", plan.scaling_from),
        ("Enterprise", plan.enterprise_from),
    ]
    .into_iter()
    .filter_map(|(stage, date)| date.map(|d| format!("{stage} from {d}")))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}.", parts.join("; "))
    }
}

/// The portfolio section, at the Scaling and Enterprise stages (the MVP's teams are a list).
pub(super) fn section(p: &Portfolio, plan: &PlanData) -> Option<PortfolioSection> {
    if !p.is_portfolio {
        return None;
    }
    Some(PortfolioSection {
        quarter: quarter_label(&p.quarter),
        funding: money(p.funding, &plan.currency),
        headcount: p.headcount,
        teams: p.teams.iter().map(|t| row(t, &plan.currency)).collect(),
        stages: stage_plan(plan),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_quarters_read_as_a_board_reads_them() {
        assert_eq!(money(520_000.0, "USD"), "$520k");
        assert_eq!(money(1_700_000.0, "EUR"), "€1.7M");
        assert_eq!(money(2_950_000.0, "USD"), "$2.95M");
        assert_eq!(money(12_500.0, "CHF"), "12.5k CHF");
        assert_eq!(money(900.0, "GBP"), "£900");
        assert_eq!(quarter_label("2027-Q2"), "Q2 2027");
    }
}
