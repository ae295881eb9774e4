//! The board's view of its teams: each team as a mini start-up with its mission, its KPI
//! (measured as the company's traction is: ahead, on track or behind a log-linear path from its
//! first value to its target), its funding and headcount this quarter, and the share of the
//! "now" effort its features take. The team that needs attention comes first.

use crate::compute::priority;
use crate::compute::traction::{self, DatedValue, Progress, Projection, TractionStatus};
use crate::domain::PlanDocument;
use crate::domain::{
    parse_quarter, quarter_key, shift_months, ActualData, Feature, Horizon, MilestoneData,
    PlanData, Stage, TeamData, TeamKind, TeamKpi,
};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// A feature without an effort counts as one person-week of the "now" effort (as in the plan
/// check's bottleneck rule).
pub const DEFAULT_EFFORT_WEEKS: f64 = 1.0;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Portfolio {
    /// Whether the Teams section is the board's portfolio (the Scaling and Enterprise stages)
    /// rather than a list of teams.
    pub is_portfolio: bool,
    /// The quarter the figures are for ("2027-Q1").
    pub quarter: String,
    /// Every team, the one that needs attention first.
    pub teams: Vec<TeamCard>,
    /// This quarter's funding of all teams, in the plan's currency.
    pub funding: f64,
    /// This quarter's planned headcount of all teams.
    pub headcount: u32,
    /// "Q2 2027".
    pub quarter_label: String,
    /// This quarter's funding of all teams, in the plan's currency ("$2.95M").
    pub funding_text: String,
    /// When the company plans to change stage, in a sentence (empty when not planned).
    pub stages: String,
}

/// A card's figures as the window, the slide and the exports show them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct CardText {
    /// "Trial-to-paid conversion: 5.05 % of 15 % by 2027-06-01", or "No KPI".
    pub kpi: String,
    /// Ahead, On track, Behind, Not measured.
    pub status: String,
    /// "+0.2 % a month", or empty.
    pub trend: String,
    /// When the target is reached at the recent rate ("At this rate 15 % on 2027-09-14, in
    /// time"), or why that cannot be said; empty without a KPI.
    pub projection: String,
    /// This quarter's funding ("$520k", "—").
    pub funding: String,
    /// "↑ from $400k" or "↓ from …" against the quarter before, else empty.
    pub funding_change: String,
    pub headcount: String,
    pub now_share: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct TeamCard {
    pub id: String,
    pub name: String,
    pub kind: TeamKind,
    pub mission: String,
    pub size: u32,
    pub kpi: Option<KpiReport>,
    /// Where the team stands, for sorting and its badge.
    pub attention: Attention,
    /// Funding planned for the quarter before this one, this one and the next.
    pub funding_before: Option<f64>,
    pub funding: Option<f64>,
    pub funding_next: Option<f64>,
    /// Whether the board funds it more this quarter than last, or more next quarter than now.
    pub funding_grows: bool,
    /// Planned headcount this quarter.
    pub headcount: Option<u32>,
    /// Open features (not done, not dropped) assigned to the team.
    pub open_features: u32,
    /// Person-weeks of its open features planned for now.
    pub now_weeks: f64,
    /// Its share of the company's "now" effort, 0 to 1; `None` when nothing is planned for now.
    pub now_share: Option<f64>,
    pub text: CardText,
}

/// How a team's KPI stands, in the order the board looks at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Attention {
    Behind,
    /// No KPI, or too few values to tell.
    Unmeasured,
    OnTrack,
    Ahead,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct KpiReport {
    pub metric: String,
    pub unit: String,
    pub target: f64,
    pub deadline: NaiveDate,
    pub values: Vec<DatedValue>,
    /// The latest value against the path from the first value to the target; `None` with
    /// fewer than two values, or a first value of zero (no path can be drawn from it).
    pub progress: Option<Progress>,
    /// Compound monthly growth over the latest values (the trend).
    pub monthly_growth: Option<f64>,
    pub projection: Projection,
}

impl KpiReport {
    pub fn status(&self) -> Option<TractionStatus> {
        self.progress.as_ref().map(|p| p.status)
    }
}

/// The KPI's path: from its first value to its target, as the company's ladder is a path
/// between milestones.
fn kpi_path(kpi: &TeamKpi) -> Vec<MilestoneData> {
    let mut path = Vec::new();
    if let Some(first) = kpi.values.iter().min_by_key(|v| v.date) {
        if first.date < kpi.deadline {
            path.push(MilestoneData {
                name: "first value".into(),
                date: first.date,
                target: first.value,
                ninety_day_goals: String::new(),
            });
        }
    }
    path.push(MilestoneData {
        name: kpi.metric.clone(),
        date: kpi.deadline,
        target: kpi.target,
        ninety_day_goals: String::new(),
    });
    path
}

pub fn kpi_report(kpi: &TeamKpi) -> KpiReport {
    let values: Vec<ActualData> = kpi
        .values
        .iter()
        .map(|v| ActualData {
            date: v.date,
            value: v.value,
        })
        .collect();
    let path = kpi_path(kpi);
    let progress = if values.len() >= 2 {
        traction::progress(&path, &values)
    } else {
        None
    };
    let target_only = [path[path.len() - 1].clone()];
    KpiReport {
        metric: kpi.metric.clone(),
        unit: kpi.unit.clone(),
        target: kpi.target,
        deadline: kpi.deadline,
        values: kpi
            .values
            .iter()
            .map(|v| DatedValue {
                date: v.date,
                value: v.value,
            })
            .collect(),
        progress,
        monthly_growth: traction::monthly_growth(&values),
        projection: traction::project(&target_only, &values),
    }
}

/// A KPI value with its unit: "5.05 %", "1,240 PMs", "99.9 %" (two decimals at most below 100,
/// whole numbers above).
pub fn kpi_value(value: f64, unit: &str) -> String {
    let number = if value.abs() < 100.0 {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        traction::compact(value)
    };
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
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
        traction::compact(value)
    };
    traction::in_currency(&amount, currency)
}

impl Attention {
    pub fn label(self) -> &'static str {
        match self {
            Attention::Behind => "Behind",
            Attention::Unmeasured => "Not measured",
            Attention::OnTrack => "On track",
            Attention::Ahead => "Ahead",
        }
    }
}

/// The KPI's projection in a sentence.
fn projection_text(k: &KpiReport) -> String {
    match &k.projection {
        Projection::Reached { date, on_time, .. } => format!(
            "At this rate {} on {date}, {}.",
            kpi_value(k.target, &k.unit),
            if *on_time {
                "in time"
            } else {
                "after its date"
            }
        ),
        Projection::AllReached => "The target is reached.".into(),
        Projection::Unavailable { why } => why
            .replace("actual", "value")
            .replace("next milestone", "target")
            .replace("Traction is", "The KPI is"),
    }
}

/// A card's figures in words.
fn card_text(t: &TeamCard, currency: &str) -> CardText {
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
    let funding_change = match (t.funding_before, t.funding) {
        (Some(b), Some(n)) if n > b => format!("↑ from {}", money(b, currency)),
        (Some(b), Some(n)) if n < b => format!("↓ from {}", money(b, currency)),
        _ => String::new(),
    };
    let dash = || "—".to_string();
    CardText {
        kpi,
        status: t.attention.label().into(),
        trend: t
            .kpi
            .as_ref()
            .and_then(|k| k.monthly_growth)
            .map(|g| format!("{:+.1} % a month", g * 100.0))
            .unwrap_or_default(),
        projection: t.kpi.as_ref().map(projection_text).unwrap_or_default(),
        funding: t.funding.map(|f| money(f, currency)).unwrap_or_else(dash),
        funding_change,
        headcount: t.headcount.map(|h| h.to_string()).unwrap_or_else(dash),
        now_share: t
            .now_share
            .map(|s| format!("{:.0} %", s * 100.0))
            .unwrap_or_else(dash),
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

fn is_open(f: &Feature) -> bool {
    priority::is_open(&f.data)
}

/// A feature's weight in the "now" effort (the plan check's bottleneck rule weighs the same).
pub(crate) fn effort(f: &Feature) -> f64 {
    f.data.effort_weeks.unwrap_or(DEFAULT_EFFORT_WEEKS)
}

/// The funding `team` has in the quarter `months` away from `today`'s.
fn funding_at(team: &TeamData, today: NaiveDate, months: i32) -> Option<f64> {
    shift_months(today, months)
        .and_then(|d| team.quarter_of(d))
        .map(|q| q.funding)
}

/// Whether the board funds `team` more over the quarters around `today`.
pub fn funding_grows(team: &TeamData, today: NaiveDate) -> bool {
    let at = |months: i32| funding_at(team, today, months);
    let (before, now, next) = (at(-3), at(0), at(3));
    matches!((before, now), (Some(b), Some(n)) if n > b)
        || matches!((now, next), (Some(n), Some(x)) if x > n)
}

pub fn portfolio(doc: &PlanDocument, today: NaiveDate) -> Portfolio {
    // One pass over the features (10,000 at most, after every edit): each team's open
    // features and "now" weeks, and the company's "now" weeks.
    let mut now_total = 0.0;
    let mut load: HashMap<&str, (u32, f64)> = HashMap::new();
    for f in doc.features.iter().filter(|f| is_open(f)) {
        let now = if f.data.horizon == Horizon::Now {
            effort(f)
        } else {
            0.0
        };
        now_total += now;
        if let Some(team) = f.data.team_id.as_deref() {
            let entry = load.entry(team).or_insert((0, 0.0));
            entry.0 += 1;
            entry.1 += now;
        }
    }
    let mut teams: Vec<TeamCard> = doc
        .teams
        .iter()
        .map(|t| {
            let (open_features, now_weeks) = load.get(t.id.as_str()).copied().unwrap_or((0, 0.0));
            let kpi = t.data.kpi.as_ref().map(kpi_report);
            let attention = match kpi.as_ref().and_then(KpiReport::status) {
                Some(TractionStatus::Behind) => Attention::Behind,
                Some(TractionStatus::OnTrack) => Attention::OnTrack,
                Some(TractionStatus::Ahead) => Attention::Ahead,
                None => Attention::Unmeasured,
            };
            TeamCard {
                id: t.id.clone(),
                name: t.data.name.clone(),
                kind: t.data.kind,
                mission: t.data.mission.clone(),
                size: t.data.size,
                kpi,
                attention,
                funding_before: funding_at(&t.data, today, -3),
                funding: funding_at(&t.data, today, 0),
                funding_next: funding_at(&t.data, today, 3),
                funding_grows: funding_grows(&t.data, today),
                headcount: t.data.quarter_of(today).map(|q| q.headcount),
                open_features,
                now_weeks,
                now_share: (now_total > 0.0).then(|| now_weeks / now_total),
                text: CardText::default(),
            }
        })
        .map(|mut card| {
            card.text = card_text(&card, &doc.plan.data.currency);
            card
        })
        .collect();
    teams.sort_by(|a, b| {
        a.attention
            .cmp(&b.attention)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let funding = teams
        .iter()
        .filter_map(|t| t.funding)
        .fold(0.0, |a, b| a + b);
    Portfolio {
        is_portfolio: doc.plan.data.stage != Stage::Mvp,
        quarter: quarter_key(today),
        quarter_label: quarter_label(&quarter_key(today)),
        funding,
        funding_text: money(funding, &doc.plan.data.currency),
        headcount: teams.iter().filter_map(|t| t.headcount).sum(),
        stages: stage_plan(&doc.plan.data),
        teams,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FeatureData, Item, KpiValue, RiskClass, TeamQuarter};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn kpi(values: &[(NaiveDate, f64)]) -> TeamKpi {
        TeamKpi {
            metric: "Weekly active teams".into(),
            unit: "teams".into(),
            target: 1_000.0,
            deadline: day(2027, 12, 31),
            values: values
                .iter()
                .map(|(date, value)| KpiValue {
                    date: *date,
                    value: *value,
                })
                .collect(),
        }
    }

    #[test]
    fn a_kpi_is_measured_against_the_path_from_its_first_value_to_its_target() {
        // 100 on 2027-01-01 to 1,000 on 2027-12-31: the path is at about 178 on 2027-03-15.
        let on_path = kpi_report(&kpi(&[(day(2027, 1, 1), 100.0), (day(2027, 3, 15), 180.0)]));
        assert_eq!(on_path.status(), Some(TractionStatus::Ahead));
        let slower = kpi_report(&kpi(&[(day(2027, 1, 1), 100.0), (day(2027, 3, 15), 150.0)]));
        assert_eq!(slower.status(), Some(TractionStatus::OnTrack));
        let flat = kpi_report(&kpi(&[(day(2027, 1, 1), 100.0), (day(2027, 3, 15), 105.0)]));
        assert_eq!(flat.status(), Some(TractionStatus::Behind));
        assert!(flat.monthly_growth.unwrap() < 0.05);
        let one = kpi_report(&kpi(&[(day(2027, 1, 1), 100.0)]));
        assert_eq!(one.status(), None, "one value has no trend to judge");
        let none = kpi_report(&kpi(&[]));
        assert_eq!(none.status(), None);
        assert!(matches!(none.projection, Projection::Unavailable { .. }));
        match on_path.projection {
            Projection::Reached { on_time, .. } => assert!(on_time),
            other => panic!("a growing KPI is projected: {other:?}"),
        }
    }

    fn team(id: &str, name: &str, kind: TeamKind, kpi: Option<TeamKpi>) -> Item<TeamData> {
        let mut data = TeamData::new(name, kind, 6);
        data.kpi = kpi;
        data.quarters = vec![
            TeamQuarter {
                quarter: "2027-Q1".into(),
                funding: 200_000.0,
                headcount: 6,
            },
            TeamQuarter {
                quarter: "2027-Q2".into(),
                funding: 260_000.0,
                headcount: 7,
            },
        ];
        Item {
            id: id.into(),
            data,
        }
    }

    fn feature(id: &str, team: &str, horizon: Horizon, weeks: Option<f64>) -> Feature {
        let mut data = FeatureData::new(id, RiskClass::Business);
        data.team_id = Some(team.into());
        data.horizon = horizon;
        data.effort_weeks = weeks;
        Feature {
            id: id.into(),
            position: 1,
            data,
        }
    }

    #[test]
    fn the_portfolio_puts_the_team_behind_first_and_shares_the_now_effort() {
        let today = day(2027, 3, 20);
        let mut doc = crate::samples::sample_plan(today).unwrap();
        doc.plan.data.stage = Stage::Scaling;
        doc.teams = vec![
            team(
                "a",
                "Activation",
                TeamKind::Product,
                Some(kpi(&[(day(2027, 1, 1), 100.0), (day(2027, 3, 15), 180.0)])),
            ),
            team("b", "Billing", TeamKind::Product, None),
            team(
                "c",
                "Core",
                TeamKind::Product,
                Some(kpi(&[(day(2027, 1, 1), 100.0), (day(2027, 3, 15), 101.0)])),
            ),
        ];
        doc.features = vec![
            feature("f1", "a", Horizon::Now, Some(3.0)),
            feature("f2", "c", Horizon::Now, None),
            feature("f3", "c", Horizon::Later, Some(8.0)),
        ];
        let p = portfolio(&doc, today);
        assert!(p.is_portfolio);
        assert_eq!(p.quarter, "2027-Q1");
        let names: Vec<&str> = p.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Core", "Billing", "Activation"]);
        let core = &p.teams[0];
        assert_eq!(core.attention, Attention::Behind);
        assert_eq!(core.open_features, 2);
        assert_eq!(core.now_weeks, DEFAULT_EFFORT_WEEKS);
        assert_eq!(core.now_share, Some(0.25));
        assert_eq!(core.funding, Some(200_000.0));
        assert_eq!(core.funding_next, Some(260_000.0));
        assert!(core.funding_grows);
        assert_eq!(p.funding, 600_000.0);
        assert_eq!(p.headcount, 18);
        doc.plan.data.stage = Stage::Mvp;
        assert!(!portfolio(&doc, today).is_portfolio);
    }

    #[test]
    fn money_and_quarters_read_as_a_board_reads_them() {
        assert_eq!(money(520_000.0, "USD"), "$520k");
        assert_eq!(money(1_700_000.0, "EUR"), "€1.7M");
        assert_eq!(money(2_950_000.0, "USD"), "$2.95M");
        assert_eq!(money(12_500.0, "CHF"), "12.5k CHF");
        assert_eq!(money(900.0, "GBP"), "£900");
        assert_eq!(quarter_label("2027-Q2"), "Q2 2027");
    }

    #[test]
    fn kpi_values_keep_their_decimals_below_a_hundred() {
        assert_eq!(kpi_value(5.05, "%"), "5.05 %");
        assert_eq!(kpi_value(99.9, "%"), "99.9 %");
        assert_eq!(kpi_value(12.0, ""), "12");
        assert_eq!(kpi_value(1_240.4, "PMs"), "1,240 PMs");
    }

    #[test]
    fn funding_grows_only_when_a_later_quarter_gets_more() {
        let mut t = team("a", "A", TeamKind::Product, None).data;
        assert!(funding_grows(&t, day(2027, 2, 1)), "Q1 → Q2 grows");
        assert!(funding_grows(&t, day(2027, 5, 1)), "Q2 is more than Q1");
        t.quarters[1].funding = 200_000.0;
        assert!(!funding_grows(&t, day(2027, 2, 1)));
        assert!(!funding_grows(&t, day(2027, 9, 1)), "no quarter planned");
    }
}
